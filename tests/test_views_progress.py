from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from quiz.models import CardStage, Flashcard, Question
from quiz.services.progress import day_start
from quiz.services.reload import content_reload
from tests.factories import make_collection
from tests.learning_factories import make_attempt_with_answers, make_card_state, make_card_states, make_user

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


class Tables(HTMLParser):
    """Read every table of a page by id: its rows' cell texts, header cells included."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._rows: list[list[str]] | None = None
        self._text: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._rows = self.tables.setdefault(dict(attrs)["id"], [])
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in {"td", "th"} and self._rows is not None:
            self._text = []
        elif tag == "br" and self._text is not None:
            self._text.append(" ")

    def handle_endtag(self, tag):
        if tag == "table":
            self._rows = None
        elif tag in {"td", "th"} and self._text is not None:
            self._rows[-1].append(" ".join("".join(self._text).split()))
            self._text = None

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)


@pytest.fixture
def content(collection):
    content_reload(collection=collection)
    return collection


@pytest.fixture
def today():
    return timezone.localdate()


def noon(day: datetime.date) -> datetime.datetime:
    return day_start(day) + datetime.timedelta(hours=12)


def page_html(client) -> str:
    response = client.get(reverse("quiz:progress"))
    assert response.status_code == 200
    return response.content.decode()


def tables(client) -> dict[str, list[list[str]]]:
    return Tables(page_html(client)).tables


def test_progress_anonymous_redirects_to_login(client):
    response = client.get(reverse("quiz:progress"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("quiz:login"))


def test_progress_refuses_post(signed_in):
    assert signed_in.post(reverse("quiz:progress")).status_code == 405


@pytest.mark.usefixtures("content")
def test_progress_shows_mastery_per_document(signed_in, student):
    now = timezone.now()
    flashcards = list(Flashcard.objects.filter(fact__document__key="doc_000.txt").order_by("pk"))
    make_card_states(student, flashcards[:3], stage=CardStage.REVIEW, due=now + 3 * DAY)
    make_card_state(student, flashcards[3], stage=CardStage.LEARNING, due=now - DAY)

    rows = tables(signed_in)["mastery"]

    assert rows[0] == ["Document", "Mastered", "To study"]
    assert rows[1] == ["All documents", "25%, 3 of 12 cards", "1 due now 8 not seen yet"]
    assert rows[2] == ["About doc_000.txt", "50%, 3 of 6 cards", "1 due now 2 not seen yet"]
    assert rows[3] == ["About doc_001.txt", "0%, 0 of 6 cards", "0 due now 6 not seen yet"]


@pytest.mark.usefixtures("content")
def test_progress_shows_accuracy_by_day_as_chart_and_table(signed_in, student, today):
    questions = list(Question.objects.order_by("pk"))
    make_attempt_with_answers(student, questions[:4], correct=[True, True, True, False], when=noon(today))
    make_attempt_with_answers(student, questions[:2], correct=False, when=noon(today - 2 * DAY))

    html = page_html(signed_in)
    rows = Tables(html).tables["accuracy-table"]

    assert rows[0] == ["Day", "Correct", "Answers correct"]
    assert len(rows) == 1 + 30
    assert rows[-1] == [f"{today.day} {today:%b}", "75%", "3 of 4"]
    assert rows[-2][1:] == ["—", "none"]
    assert rows[-3][1:] == ["0%", "0 of 2"]
    assert html.count("<rect ") >= 1


@pytest.mark.usefixtures("content")
def test_progress_forecast_puts_overdue_reviews_on_today(signed_in, student, today):
    flashcards = list(Flashcard.objects.order_by("pk"))
    make_card_state(student, flashcards[0], due=noon(today - 3 * DAY))
    make_card_state(student, flashcards[1], due=noon(today))
    make_card_state(student, flashcards[2], due=noon(today + 2 * DAY))

    rows = tables(signed_in)["forecast-table"]

    assert rows[0] == ["Day", "Reviews due"]
    assert len(rows) == 1 + 14
    assert [row[1] for row in rows[1:4]] == ["2", "0", "1"]


def test_progress_charts_are_labelled_scalable_svgs_with_data_tables(signed_in):
    html = page_html(signed_in)

    svgs = re.findall(r"<svg role=\"img\" aria-labelledby=\"([^\"]+)\" viewBox=\"0 0 360 180\"", html)
    assert len(svgs) == 2
    for labelledby in svgs:
        title_id, desc_id = labelledby.split()
        assert f'<title id="{title_id}">' in html
        assert f'<desc id="{desc_id}">' in html
    assert html.count("<details>") == 2
    assert html.count("<caption>") == 2


@pytest.mark.usefixtures("content")
def test_progress_shows_streak(signed_in, student, today):
    questions = list(Question.objects.order_by("pk"))
    make_attempt_with_answers(student, questions[:3], when=[noon(today - n * DAY) for n in (1, 2, 4)])

    html = page_html(signed_in)

    assert "<strong>2 days</strong> in a row" in html
    assert "Study today to keep it going" in html


@pytest.mark.usefixtures("content")
def test_progress_never_shows_another_students_progress(signed_in, today):
    other = make_user("bruno")
    make_attempt_with_answers(other, list(Question.objects.all()), when=noon(today))
    make_card_states(other, Flashcard.objects.all(), stage=CardStage.REVIEW, due=noon(today))

    html = page_html(signed_in)
    found = Tables(html).tables

    assert "No streak yet" in html
    assert found["mastery"][1][1] == "0%, 0 of 12 cards"
    assert {row[1] for row in found["accuracy-table"][1:]} == {"—"}
    assert {row[1] for row in found["forecast-table"][1:]} == {"0"}
    assert "<rect x=" not in html  # no bar in either chart


def test_progress_empty_database_explains_each_section(signed_in):
    html = page_html(signed_in)

    assert "No documents have been loaded yet." in html
    assert "You have not answered any quiz questions in the last 30 days." in html
    assert "No reviews are due in the next 14 days." in html


def test_progress_queries_stay_constant_with_large_content_and_history(
    signed_in, student, today, django_assert_max_num_queries
):
    content_reload(collection=make_collection(documents=10, facts=100))
    questions = list(Question.objects.order_by("pk"))
    make_attempt_with_answers(
        student,
        [questions[n % len(questions)] for n in range(5000)],
        correct=[n % 4 > 0 for n in range(5000)],
        when=[noon(today - (n % 45) * DAY) for n in range(5000)],
    )
    flashcards = list(Flashcard.objects.order_by("pk"))
    make_card_states(student, flashcards[:1000], due=noon(today + 3 * DAY))
    make_card_states(make_user(), flashcards, due=noon(today))

    with django_assert_max_num_queries(9):
        html = page_html(signed_in)

    found = Tables(html).tables
    assert found["mastery"][1][1] == "50%, 1000 of 2000 cards"
    assert found["accuracy-table"][-1][1:] == ["75%", "84 of 112"]
    assert found["forecast-table"][4][1] == "1000"
    assert "<strong>45 days</strong> in a row" in html
