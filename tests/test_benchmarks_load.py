from __future__ import annotations

import os
import random
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from quiz.benchmarks import invariants
from quiz.benchmarks.corpus import write_corpus
from quiz.benchmarks.load import WrkResult, wrk_parse
from quiz.benchmarks.server import child_pids, database_url
from quiz.benchmarks.soak import SlowClients, SoakReport, Tally, corpus_edit, longest_gap
from quiz.benchmarks.traffic import (
    Request,
    answer_request,
    attempts_open,
    csrf_secret,
    rating_requests,
    sessions_create,
)
from quiz.models import Answer, AttemptQuestion, Choice, Review, ReviewSource
from quiz.services.attempts import answer_submit
from quiz.services.reload import content_reload
from tests.factories import make_collection

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8000/
  2 threads and 32 connections
  Requests/sec:   1234.50
wrk-result {"requests": 12345, "duration_us": 10000000, "sent": 12377, "answered": 12345, "overrun": 2, \
"p50_us": 4100, "p99_us": 48250, "max_us": 91000, "statuses": {"200": 12340, "500": 5}, \
"socket_errors": {"connect": 0, "read": 1, "write": 0, "timeout": 3}}
"""


def test_wrk_parse_reads_the_result_line() -> None:
    result = wrk_parse(WRK_OUTPUT)

    assert result.requests == 12345
    assert result.rps == pytest.approx(1234.5)
    assert (result.p50_ms, result.p99_ms, result.max_ms) == (4.1, 48.25, 91.0)
    assert result.statuses == {200: 12340, 500: 5}
    assert result.acknowledged(200) == 12340
    # 5 responses of 500, 4 socket errors and 2 unique requests sent twice.
    assert result.errors(200) == 11


def test_wrk_parse_without_result_line_refuses() -> None:
    with pytest.raises(ValueError, match="no result line"):
        wrk_parse("unable to connect to 127.0.0.1:8000 Connection refused\n")


def test_wrk_result_without_duration_has_no_rate() -> None:
    result = WrkResult(0, 0.0, 0.0, 0.0, 0.0, 0, 0, {}, {})

    assert result.rps == 0.0


def test_request_line_of_a_post_carries_session_csrf_and_htmx() -> None:
    request = Request("POST", "/attempts/3/questions/2/answer/", "sessionkey", "choice=7&shown=x")

    method, path, body, *headers = request.line("s" * 32).split("\t")

    assert (method, path, body) == ("POST", "/attempts/3/questions/2/answer/", "choice=7&shown=x")
    assert set(headers) == {
        "X-CSRFTOKEN: " + "s" * 32,
        "HX-Request: true",
        "Content-Type: application/x-www-form-urlencoded",
        f"Cookie: sessionid=sessionkey; csrftoken={'s' * 32}",
    }


def test_request_line_of_an_anonymous_get_has_no_headers() -> None:
    assert Request("GET", "/health/").line("secret") == "GET\t/health/\t"


def test_database_url_points_at_the_same_database() -> None:
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "NAME": "/tmp/x/bench.sqlite3"}
    postgres = {"ENGINE": "django.db.backends.postgresql", "NAME": "test_bench_1", "USER": "postgres"}
    postgres |= {"PASSWORD": "", "HOST": "127.0.0.1", "PORT": 5432}

    assert database_url(sqlite) == "sqlite:////tmp/x/bench.sqlite3"
    assert database_url(postgres) == "postgres://postgres@127.0.0.1:5432/test_bench_1"


def test_child_pids_lists_a_started_child() -> None:
    child = subprocess.Popen(["sleep", "5"])
    try:
        assert child.pid in child_pids(os.getpid())
    finally:
        child.kill()
        child.wait()

    assert child.pid not in child_pids(os.getpid())


def test_corpus_edit_changes_one_document_and_adds_one(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "seeds", documents=3, seed=1)

    edited, added = corpus_edit(corpus.directory, tmp_path / "edited", documents=3, seed=1)

    before = {path.name: path.read_text() for path in corpus.paths}
    after = {path.name: path.read_text() for path in (tmp_path / "edited").iterdir()}
    assert set(after) == {*before, added}
    assert [name for name in before if before[name] != after[name]] == [edited]


@pytest.fixture
def quizzes(student: Any) -> list[AttemptQuestion]:
    content_reload(collection=make_collection(documents=2, facts=12))
    return attempts_open(user_ids=[student.pk], count=3, rng=random.Random(1))


def send(client: Client, request: Request, secret: str) -> Any:
    """Send a prepared request through the test client, with its own cookies and headers."""
    headers = request.headers(secret)
    for cookie in headers.pop("Cookie").split("; "):
        name, value = cookie.split("=")
        client.cookies[name] = value
    content_type = headers.pop("Content-Type")
    return client.post(request.path, request.body, content_type=content_type, headers=headers)


@pytest.mark.django_db
def test_attempts_open_gives_each_quiz_ten_open_questions_on_ten_facts(
    quizzes: list[AttemptQuestion],
) -> None:
    by_attempt: dict[int, list[AttemptQuestion]] = {}
    for item in quizzes:
        by_attempt.setdefault(item.attempt_id, []).append(item)

    assert len(by_attempt) == 3
    for items in by_attempt.values():
        assert [item.position for item in items] == list(range(1, 11))
        assert len({item.question.fact_id for item in items}) == 10
    assert not Answer.objects.exists()
    assert invariants.attempt_problems() == []


@pytest.mark.django_db
def test_answer_requests_are_accepted_and_stored_once(quizzes: list[AttemptQuestion], student: Any) -> None:
    secret, rng = csrf_secret(), random.Random(2)
    sessions = sessions_create([student.pk])
    requests = [answer_request(item, sessions[student.pk], rng) for item in quizzes[:4]]
    client = Client(enforce_csrf_checks=True)

    statuses = [send(client, request, secret).status_code for request in [*requests, requests[0]]]

    assert statuses == [200] * 5  # htmx gets the feedback fragment; the replay too
    stored = {
        (a.item.attempt_id, a.item.position): a.choice_id for a in Answer.objects.select_related("item")
    }
    assert stored == {request.writes[:2]: request.writes[2] for request in requests}
    assert all(answer.response_ms is not None for answer in Answer.objects.all())  # the stamp was valid


@pytest.mark.django_db
def test_rating_requests_each_rate_a_new_card(student: Any, settings: Any) -> None:
    settings.QUIZ_NEW_CARDS_PER_DAY = 3
    content_reload(collection=make_collection(documents=1, facts=4))
    secret = csrf_secret()
    requests = rating_requests(sessions=sessions_create([student.pk]), count=10, rng=random.Random(1))
    client = Client(enforce_csrf_checks=True)

    statuses = [send(client, request, secret).status_code for request in requests]

    assert statuses == [200] * 3  # today's allowance of new cards, each once
    assert Review.objects.filter(source=ReviewSource.REVIEW).count() == 3
    assert len({request.writes for request in requests}) == 3


@pytest.mark.django_db
def test_invariants_hold_after_answers_through_the_service(quizzes: list[AttemptQuestion]) -> None:
    start = invariants.Snapshot.take()
    for item in quizzes[:10]:
        answer_submit(item=item, choice=Choice.objects.get(pk=item.choice_order[0]))

    assert invariants.attempt_problems() == []
    assert invariants.answer_problems() == []
    assert invariants.review_problems(start) == []
    assert invariants.progress_lost(start, invariants.Snapshot.take()) == []
    acknowledged = {(item.attempt_id, item.position): item.choice_order[0] for item in quizzes[:10]}
    assert invariants.acknowledged_problems(acknowledged) == ([], 0)


@pytest.mark.django_db
def test_invariants_find_half_written_rows(quizzes: list[AttemptQuestion], student: Any) -> None:
    start = invariants.Snapshot.take()
    answered, missing = quizzes[0], quizzes[11]
    # An answer saved without its review, and a quiz that lost a question.
    Answer.objects.create(
        item=answered,
        user=student,
        question=answered.question,
        choice_id=answered.choice_order[1],
        is_correct=Choice.objects.get(pk=answered.choice_order[1]).is_correct,
        is_first_try=True,
    )
    missing.delete()

    assert invariants.review_problems(start) == [
        f"answer {answered.answer.pk} has no review though its card is active"
    ]
    assert sorted(invariants.attempt_problems()) == sorted(
        [
            f"attempt {missing.attempt_id} has 9 questions at positions 1..10",
            # The counters the answer's transaction keeps disagree with rows written behind its back.
            f"attempt {answered.attempt_id} counts 10 questions and 0 answers, but has 10 and 1",
            f"attempt {missing.attempt_id} counts 10 questions and 0 answers, but has 9 and 0",
        ]
    )
    problems, unacknowledged = invariants.acknowledged_problems(
        {(answered.attempt_id, 1): answered.choice_order[0]}
    )
    assert len(problems) == 1
    assert unacknowledged == 0


@pytest.mark.django_db
def test_progress_lost_finds_a_deleted_answer(quizzes: list[AttemptQuestion]) -> None:
    item = quizzes[0]
    answer, _stored = answer_submit(item=item, choice=Choice.objects.get(pk=item.choice_order[0]))
    before = invariants.Snapshot.take()
    pk = answer.pk
    answer.delete()

    problems = invariants.progress_lost(before, invariants.Snapshot.take())

    assert f"answer {pk} lost or changed" in problems
    assert any(problem.startswith("review ") for problem in problems)


def test_soak_report_fails_on_a_5xx_and_on_a_server_that_stopped_serving() -> None:
    report = SoakReport({}, reload={"returncode": 0}, kill={"respawned": True})
    report.tally.merge(Tally(statuses=Counter({200: 5, 502: 1}), acknowledged={(1, 1): 3}))

    checks = report.checks()

    assert checks["no 5xx responses"] is False
    assert checks["no 4xx responses"] is True
    assert checks["reload_content succeeded mid-load"] is True
    # Replaced, but nothing was acknowledged after the kill.
    assert checks["the killed worker was replaced and the server kept serving"] is False


def test_soak_report_fails_when_health_or_answers_stall_under_slow_clients() -> None:
    report = SoakReport({}, reload={"returncode": 0}, kill={"respawned": True})
    report.slow = SlowClients(wanted=100, opened=100, health=[0.01, None, 0.02], longest_answer_gap=31.0)

    checks = report.checks()

    assert checks["/health/ answered within 5 s while slow clients held connections"] is False
    assert checks["answers never stalled 10 s while slow clients held connections"] is False


def test_soak_report_passes_when_health_and_answers_flow_under_slow_clients() -> None:
    report = SoakReport({}, reload={"returncode": 0}, kill={"respawned": True})
    report.slow = SlowClients(wanted=100, opened=100, health=[0.01, 0.2], longest_answer_gap=0.8)

    checks = report.checks()

    assert checks["/health/ answered within 5 s while slow clients held connections"] is True
    assert checks["answers never stalled 10 s while slow clients held connections"] is True


def test_soak_report_fails_when_the_slow_clients_could_not_connect() -> None:
    report = SoakReport({}, reload={"returncode": 0}, kill={"respawned": True})
    report.slow = SlowClients(wanted=100, opened=40, health=[0.01], longest_answer_gap=0.8)

    assert report.checks()["/health/ answered within 5 s while slow clients held connections"] is False


def test_longest_gap_counts_the_edges_of_the_window() -> None:
    assert longest_gap([12.0, 13.0, 14.5], 10.0, 20.0) == 5.5  # 14.5 to the end
    assert longest_gap([], 10.0, 20.0) == 10.0  # no answer at all while the slow clients were open
    assert longest_gap([1.0, 25.0], 10.0, 20.0) == 10.0  # answers outside the window do not count
    assert longest_gap([11.0], 10.0, 10.0) is None
