from __future__ import annotations

import re
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from quiz.models import Answer, Attempt, AttemptQuestion, Choice, Question
from quiz.services.attempts import answer_submit, attempt_start
from quiz.services.reload import content_reload
from tests.factories import make_collection

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def content() -> None:
    content_reload(collection=make_collection(documents=2, facts=6))


@pytest.fixture
def attempt(student) -> Attempt:
    content_reload(collection=make_collection(documents=2, facts=6))
    return attempt_start(user=student, document=None, size=10)


def start(client: Client, **data: str) -> Attempt:
    response = client.post(reverse("quiz:quiz_start"), {"token": str(uuid.uuid4()), **data})
    assert response.status_code == 302
    return Attempt.objects.get(pk=int(response.headers["Location"].strip("/").split("/")[-1]))


def next_item(attempt: Attempt) -> AttemptQuestion:
    return attempt.items.filter(answer__isnull=True).order_by("position").first()


def answer_url(item: AttemptQuestion) -> str:
    return reverse("quiz:answer", args=(item.attempt_id, item.position))


def wrong_choice(item: AttemptQuestion) -> Choice:
    return Choice.objects.filter(pk__in=item.choice_order, is_correct=False).first()


def right_choice(item: AttemptQuestion) -> Choice:
    return Choice.objects.get(pk__in=item.choice_order, is_correct=True)


@pytest.mark.usefixtures("content")
def test_quiz_start_creates_attempt_of_ten_and_shows_first_question(signed_in):
    attempt = start(signed_in)

    response = signed_in.get(attempt.get_absolute_url())

    assert attempt.items.count() == 10
    html = response.content.decode()
    assert "Question 1 of 10" in html
    assert html.count('type="radio"') == 4
    assert 'action="/attempts/' in html


@pytest.mark.usefixtures("content")
def test_question_of_a_quiz_on_all_documents_names_its_document(signed_in):
    attempt = start(signed_in)
    title = next_item(attempt).question.fact.document.title

    html = signed_in.get(attempt.get_absolute_url()).content.decode()

    assert f"Question 1 of 10, from <cite>{title}</cite>" in html


@pytest.mark.usefixtures("content")
def test_question_of_a_quiz_on_one_document_leaves_its_title_to_the_heading(signed_in):
    from quiz.models import Document

    document = Document.objects.get(key="doc_001.txt")
    attempt = start(signed_in, document=str(document.pk))

    html = signed_in.get(attempt.get_absolute_url()).content.decode()

    assert f"<h1>Quiz: {document.title}</h1>" in html
    assert "Question 1 of" in html
    assert ", from <cite>" not in html


@pytest.mark.usefixtures("content")
def test_quiz_start_same_token_twice_starts_one_quiz(signed_in):
    token = str(uuid.uuid4())
    first = signed_in.post(reverse("quiz:quiz_start"), {"token": token})
    second = signed_in.post(reverse("quiz:quiz_start"), {"token": token})

    assert first.headers["Location"] == second.headers["Location"]
    assert Attempt.objects.count() == 1


@pytest.mark.usefixtures("content")
def test_quiz_start_on_one_document_asks_only_about_it(signed_in):
    from quiz.models import Document

    document = Document.objects.get(key="doc_001.txt")
    attempt = start(signed_in, document=str(document.pk))

    assert set(attempt.items.values_list("question__fact__document__key", flat=True)) == {"doc_001.txt"}


@pytest.mark.usefixtures("content")
def test_quiz_start_unknown_document_says_so_and_starts_nothing(signed_in):
    response = signed_in.post(
        reverse("quiz:quiz_start"), {"token": str(uuid.uuid4()), "document": "999999"}, follow=True
    )

    assert "not available" in response.content.decode()
    assert not Attempt.objects.exists()


def test_quiz_start_without_content_explains(signed_in):
    response = signed_in.post(reverse("quiz:quiz_start"), {"token": str(uuid.uuid4())}, follow=True)

    assert "no questions" in response.content.decode()
    assert not Attempt.objects.exists()


@pytest.mark.usefixtures("content")
def test_quiz_start_refuses_get(signed_in):
    assert signed_in.get(reverse("quiz:quiz_start")).status_code == 405
    assert not Attempt.objects.exists()


@pytest.mark.usefixtures("content")
def test_quiz_start_anonymous_is_sent_to_sign_in(client):
    response = client.post(reverse("quiz:quiz_start"), {"token": str(uuid.uuid4())})

    assert response.status_code == 302
    assert response.headers["Location"].startswith(reverse("quiz:login"))
    assert not Attempt.objects.exists()


def test_answer_without_js_redirects_to_feedback_quoting_the_sentence(signed_in, attempt):
    item = next_item(attempt)
    choice = wrong_choice(item)

    response = signed_in.post(answer_url(item), {"choice": choice.pk})

    assert response.status_code == 302
    assert response.headers["Location"] == item.get_absolute_url()
    html = signed_in.get(item.get_absolute_url()).content.decode()
    assert "Incorrect." in html
    assert right_choice(item).text in html
    assert item.question.fact.sentence in html
    assert item.question.fact.document.title in html
    assert "Next question" in html


def test_answer_with_htmx_returns_only_the_feedback_fragment(signed_in, attempt):
    item = next_item(attempt)

    response = signed_in.post(answer_url(item), {"choice": right_choice(item).pk}, **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="feedback"')
    assert "Correct!" in html
    assert "<html" not in html


def test_answer_double_submit_stores_once_and_shows_the_same_feedback(signed_in, attempt):
    item = next_item(attempt)
    wrong, right = wrong_choice(item), right_choice(item)

    first = signed_in.post(answer_url(item), {"choice": wrong.pk}, **HTMX)
    second = signed_in.post(answer_url(item), {"choice": right.pk}, **HTMX)

    assert Answer.objects.count() == 1
    assert Answer.objects.get().choice == wrong
    assert first.content.decode().count("Incorrect.") == second.content.decode().count("Incorrect.") == 1


def test_answer_choice_of_another_question_is_refused(signed_in, attempt):
    item = next_item(attempt)
    foreign = Choice.objects.exclude(question=item.question).first()

    response = signed_in.post(answer_url(item), {"choice": foreign.pk})

    assert response.status_code == 400
    assert "not one of this question" in response.content.decode()
    assert not Answer.objects.exists()


@pytest.mark.parametrize("data", [{}, {"choice": ""}, {"choice": "abc"}, {"choice": "-1"}])
def test_answer_missing_or_malformed_choice_is_refused(signed_in, attempt, data):
    response = signed_in.post(answer_url(next_item(attempt)), data)

    assert response.status_code == 400
    assert "Please correct" in response.content.decode()
    assert not Answer.objects.exists()


def test_answer_to_another_students_attempt_is_404(client, attempt, other_student):
    client.force_login(other_student)
    item = next_item(attempt)

    response = client.post(answer_url(item), {"choice": right_choice(item).pk})

    assert response.status_code == 404
    assert not Answer.objects.exists()


def test_attempt_and_feedback_of_another_student_are_404(client, attempt, other_student):
    item = next_item(attempt)
    answer_submit(item=item, choice=right_choice(item))
    client.force_login(other_student)

    assert client.get(attempt.get_absolute_url()).status_code == 404
    assert client.get(item.get_absolute_url()).status_code == 404
    assert client.post(reverse("quiz:retry", args=(attempt.pk,))).status_code == 404


def test_answer_without_csrf_token_is_refused(student, attempt):
    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    item = next_item(attempt)

    response = client.post(answer_url(item), {"choice": right_choice(item).pk})

    assert response.status_code == 403
    assert not Answer.objects.exists()


def test_answer_refuses_get(signed_in, attempt):
    assert signed_in.get(answer_url(next_item(attempt))).status_code == 405


def test_feedback_before_answering_goes_back_to_the_question(signed_in, attempt):
    item = next_item(attempt)

    response = signed_in.get(item.get_absolute_url())

    assert response.status_code == 302
    assert response.headers["Location"] == attempt.get_absolute_url()


def test_answer_measures_response_time_from_the_signed_stamp(signed_in, attempt):
    html = signed_in.get(attempt.get_absolute_url()).content.decode()
    shown = re.search(r'name="shown" value="([^"]+)"', html).group(1)
    item = next_item(attempt)

    signed_in.post(answer_url(item), {"choice": right_choice(item).pk, "shown": shown})

    assert 0 <= Answer.objects.get().response_ms < 60_000


def test_answer_with_forged_stamp_still_counts_without_a_time(signed_in, attempt):
    item = next_item(attempt)

    signed_in.post(answer_url(item), {"choice": right_choice(item).pk, "shown": "forged:stamp"})

    assert Answer.objects.get().response_ms is None


def finish(client: Client, attempt: Attempt, *, wrong: int) -> None:
    number = 0
    while (item := next_item(attempt)) is not None:
        number += 1
        choice = wrong_choice(item) if number <= wrong else right_choice(item)
        client.post(answer_url(item), {"choice": choice.pk})


def test_results_show_score_missed_questions_and_retry(signed_in, attempt):
    finish(signed_in, attempt, wrong=3)

    html = signed_in.get(attempt.get_absolute_url()).content.decode()

    assert "Your score: 7 of 10" in html
    assert html.count("<li>", html.index('class="missed"')) == 3
    assert "Retry the missed ones" in html


def test_retry_asks_exactly_the_missed_questions_once(signed_in, attempt):
    finish(signed_in, attempt, wrong=3)
    missed = set(Answer.objects.filter(is_correct=False).values_list("question_id", flat=True))

    first = signed_in.post(reverse("quiz:retry", args=(attempt.pk,)))
    second = signed_in.post(reverse("quiz:retry", args=(attempt.pk,)))

    retry = Attempt.objects.get(retry_of=attempt)
    assert first.headers["Location"] == second.headers["Location"] == retry.get_absolute_url()
    assert set(retry.items.values_list("question_id", flat=True)) == missed


def test_retry_before_finishing_is_refused(signed_in, attempt):
    response = signed_in.post(reverse("quiz:retry", args=(attempt.pk,)), follow=True)

    assert "Finish this quiz" in response.content.decode()
    assert not Attempt.objects.filter(retry_of=attempt).exists()


def test_next_question_with_htmx_returns_the_question_fragment(signed_in, attempt):
    response = signed_in.get(attempt.get_absolute_url(), **HTMX)

    html = response.content.decode()
    assert html.lstrip().startswith('<section id="question"')
    assert "<html" not in html


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "htmx"])
def test_question_autofocus_is_on_its_first_option_only(signed_in, attempt, headers):
    html = signed_in.get(attempt.get_absolute_url(), **headers).content.decode()

    assert html.count("autofocus") == 1
    assert re.search(r'<input type="radio"[^>]*id="id_choice_0"[^>]*\bautofocus\b', html)


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "htmx"])
def test_attempt_varies_on_htmx(signed_in, attempt, headers):
    response = signed_in.get(attempt.get_absolute_url(), **headers)

    assert "HX-Request" in response["Vary"]


@pytest.mark.usefixtures("content")
def test_disabled_question_is_never_asked(signed_in):
    Question.objects.filter(asks="date").update(is_enabled=False)

    attempt = start(signed_in)

    assert set(attempt.items.values_list("question__asks", flat=True)) == {"event"}


def test_quiz_pages_run_constant_queries_with_big_history(client, big_history, django_assert_max_num_queries):
    client.force_login(big_history)
    with django_assert_max_num_queries(14):  # includes the test's own lookup of the attempt
        attempt = start(client)
    item = next_item(attempt)

    # The first page of a document loads its content into the process's cache: three queries more.
    with django_assert_max_num_queries(8):
        client.get(attempt.get_absolute_url())
    with django_assert_max_num_queries(5):
        client.get(attempt.get_absolute_url())
    # The test's own lookup of the right choice, then the answer and its schedule, with no savepoints but
    # the one that stands in for BEGIN and COMMIT inside the test's transaction.
    with django_assert_max_num_queries(14):
        client.post(answer_url(item), {"choice": right_choice(item).pk}, **HTMX)
    with django_assert_max_num_queries(5):
        client.get(item.get_absolute_url())
    finish(client, attempt, wrong=2)
    with django_assert_max_num_queries(8):
        client.get(attempt.get_absolute_url())


def test_attempt_page_shows_no_template_syntax(signed_in, attempt):
    html = signed_in.get(attempt.get_absolute_url()).content.decode()

    assert "{#" not in html
    assert "{%" not in html


@pytest.mark.usefixtures("content")
@pytest.mark.parametrize("token", ["", "not-a-uuid"])
def test_quiz_start_without_a_valid_token_explains(signed_in, token):
    response = signed_in.post(reverse("quiz:quiz_start"), {"token": token}, follow=True)

    assert "Start the quiz from the home page" in response.content.decode()
    assert not Attempt.objects.exists()
