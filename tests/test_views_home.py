from __future__ import annotations

import datetime
import re
import uuid
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from quiz.models import Attempt, CardStage, Document, Flashcard, Question
from quiz.services.reload import content_reload
from tests.factories import collection_from, make_collection, make_document, make_fact
from tests.learning_factories import make_attempt_with_answers, make_card_state, make_card_states, make_user

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


class HomePage(HTMLParser):
    """Read the documents table: each document's cells, its forms' fields, its links, their accessible names.

    `rows` maps each document's title to the texts of its other cells, in order: the facts under the title,
    mastery, today's cards, then the actions of the row under it.
    """

    def __init__(self, html: str) -> None:
        super().__init__()
        self.rows: dict[str, list[str]] = {}
        self.forms: list[dict[str, str]] = []
        self.links: list[str] = []
        self.names: list[str] = []  # accessible names of the table's buttons and links
        self._in_body = False
        self._title: str | None = None
        self._text: list[str] | None = None
        self._name: list[str] | None = None
        self._label: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tbody":
            self._in_body = True
        if not self._in_body:
            return
        if tag in {"td", "th"}:
            self._text = []
        elif tag == "br" and self._text is not None and self._title is None:
            self._title = text(self._text)  # the row header: the title, then the facts under it
            self.rows[self._title] = []
            self._text = []
        elif tag == "br" and self._text is not None:
            self._text.append(" ")
        elif tag == "form":
            self.forms.append({"action": attrs["action"], "method": attrs["method"]})
        elif tag == "input":
            self.forms[-1][attrs["name"]] = attrs.get("value", "")
        elif tag in {"button", "a"}:
            self._name = []
            self._label = attrs.get("aria-label")
            if tag == "a":
                self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "tbody":
            self._in_body = False
            self._title = None
        elif tag in {"button", "a"} and self._name is not None:
            self.names.append(self._label or text(self._name))
            self._name = None
        elif tag in {"td", "th"} and self._text is not None:
            self.rows[self._title].append(text(self._text))
            self._text = None

    def handle_data(self, data):
        for parts in (self._text, self._name):
            if parts is not None:
                parts.append(data)


def text(parts: list[str]) -> str:
    return " ".join("".join(parts).split())


@pytest.fixture
def content(collection):
    content_reload(collection=collection)
    return collection


def home(client) -> HomePage:
    response = client.get(reverse("quiz:home"))
    assert response.status_code == 200
    return HomePage(response.content.decode())


def document_id(key: str) -> int:
    return Document.objects.get(key=key).pk


def test_home_anonymous_redirects_to_login(client):
    response = client.get(reverse("quiz:home"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("quiz:login"))


def test_home_refuses_post(signed_in):
    assert signed_in.post(reverse("quiz:home")).status_code == 405


@pytest.mark.usefixtures("content")
def test_home_lists_active_documents_after_all_documents(signed_in):
    Document.objects.filter(key="doc_001.txt").update(is_active=False)

    page = home(signed_in)

    assert list(page.rows) == ["All documents", "About doc_000.txt"]


@pytest.mark.usefixtures("content")
def test_home_shows_facts_mastery_due_and_new_cards(signed_in, student, settings):
    settings.QUIZ_NEW_CARDS_PER_DAY = 20
    now = timezone.now()
    first, second, third = Flashcard.objects.filter(fact__document__key="doc_000.txt").order_by("pk")[:3]
    make_card_state(student, first, stage=CardStage.REVIEW, due=now + 4 * DAY)
    make_card_state(student, second, stage=CardStage.REVIEW, due=now - DAY)
    make_card_state(student, third, stage=CardStage.LEARNING, due=now - DAY)

    page = home(signed_in)

    assert page.rows["About doc_000.txt"][:3] == ["3 facts", "33%", "2 due 3 new"]
    assert page.rows["About doc_001.txt"][:3] == ["3 facts", "0%", "0 due 6 new"]
    assert page.rows["All documents"][:3] == ["6 facts", "16%", "2 due 9 new"]


@pytest.mark.usefixtures("content")
def test_home_shows_total_due_today_prominently(signed_in, student):
    make_card_states(student, Flashcard.objects.all()[:3], due=timezone.now() - DAY)

    html = signed_in.get(reverse("quiz:home")).content.decode()

    assert re.search(r"<strong>3</strong> cards due for review today", html)
    assert f'<a href="{reverse("quiz:review")}">Review everything due</a>' in html


@pytest.mark.usefixtures("content")
def test_home_new_cards_respect_the_daily_limit(signed_in, settings):
    settings.QUIZ_NEW_CARDS_PER_DAY = 4

    page = home(signed_in)

    assert [cells[2] for cells in page.rows.values()] == ["0 due 4 new"] * 3


@pytest.mark.usefixtures("content")
def test_home_never_shows_another_students_figures(signed_in):
    other = make_user("bruno")
    make_card_states(other, Flashcard.objects.all(), stage=CardStage.REVIEW, due=timezone.now() - DAY)

    page = home(signed_in)

    assert page.rows["All documents"][:3] == ["6 facts", "0%", "0 due 12 new"]


@pytest.mark.usefixtures("content")
def test_home_start_quiz_forms_post_each_document_with_a_fresh_token(signed_in):
    page = home(signed_in)

    forms = page.forms
    assert all(form["action"] == reverse("quiz:quiz_start") for form in forms)
    assert all(form["method"] == "post" and form["csrfmiddlewaretoken"] for form in forms)
    assert [form["document"] for form in forms] == [
        "",
        str(document_id("doc_000.txt")),
        str(document_id("doc_001.txt")),
    ]
    tokens = {uuid.UUID(form["token"]) for form in forms}
    assert len(tokens) == 3
    assert tokens.isdisjoint(uuid.UUID(form["token"]) for form in home(signed_in).forms)


@pytest.mark.usefixtures("content")
def test_home_start_quiz_form_starts_one_quiz_on_its_document(signed_in):
    form = next(
        form for form in home(signed_in).forms if form.get("document") == str(document_id("doc_001.txt"))
    )
    data = {"document": form["document"], "token": form["token"]}

    first = signed_in.post(reverse("quiz:quiz_start"), data)
    second = signed_in.post(reverse("quiz:quiz_start"), data)

    attempt = Attempt.objects.get()
    assert attempt.document.key == "doc_001.txt"
    assert first.url == second.url == attempt.get_absolute_url()


@pytest.mark.usefixtures("content")
def test_home_review_links_name_their_document(signed_in):
    links = home(signed_in).links

    review = reverse("quiz:review")
    assert links == [
        review,
        f"{review}?document={document_id('doc_000.txt')}",
        f"{review}?document={document_id('doc_001.txt')}",
    ]


@pytest.mark.usefixtures("content")
def test_home_buttons_and_links_have_unique_accessible_names(signed_in):
    names = home(signed_in).names

    assert "Start quiz on all documents" in names
    assert "Start quiz on About doc_000.txt" in names
    assert "Review cards of About doc_001.txt" in names
    assert len(names) == len(set(names)) == 6


@pytest.mark.usefixtures("content")
def test_home_table_has_caption_and_column_headers(signed_in):
    html = signed_in.get(reverse("quiz:home")).content.decode()

    assert "<caption>" in html
    assert html.count('<th scope="col">') == 3
    assert 'class="table-wrap"' in html


def test_home_document_without_facts_offers_no_quiz(signed_in):
    content_reload(
        collection=collection_from(
            [make_document("empty.txt", title="Empty"), make_document("full.txt", title="Full")],
            [make_fact("full.txt")],
        )
    )

    page = home(signed_in)

    assert page.rows["Empty"][-1] == "No facts yet"
    assert "Start quiz on Empty" not in page.names
    assert "Start quiz on Full" in page.names


def test_home_empty_database_says_nothing_to_study_yet(signed_in):
    html = signed_in.get(reverse("quiz:home")).content.decode()

    assert "There is nothing to study yet" in html
    assert "reload_content" in html
    assert "<table" not in html


def test_home_queries_stay_constant_with_large_content_and_history(
    signed_in, student, django_assert_max_num_queries
):
    content_reload(collection=make_collection(documents=10, facts=100))
    questions = list(Question.objects.order_by("pk"))
    now = timezone.now()
    make_attempt_with_answers(
        student,
        [questions[n % len(questions)] for n in range(5000)],
        correct=[n % 3 > 0 for n in range(5000)],
        when=[now - (n % 40) * DAY for n in range(5000)],
    )
    make_card_states(student, Flashcard.objects.all()[:1200], due=now - DAY)

    with django_assert_max_num_queries(8):
        page = home(signed_in)

    assert len(page.rows) == 11
    assert page.rows["All documents"][:3] == ["1000 facts", "60%", "1200 due 20 new"]
