from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from quiz.models import CardStage, CardState, Document, Flashcard, Review
from quiz.services.reload import content_reload
from tests.factories import make_collection

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def content() -> None:
    content_reload(collection=make_collection(documents=2, facts=3))


def shown_card(client: Client, **query: str) -> Flashcard:
    response = client.get(reverse("quiz:review"), query)
    assert response.status_code == 200
    pk = int(response.content.decode().split('action="/review/cards/')[1].split("/")[0])
    return Flashcard.objects.get(pk=pk)


def rate(client: Client, flashcard: Flashcard, rating: int, seen: int = 0, **extra: str):
    return client.post(reverse("quiz:rate", args=(flashcard.pk,)), {"rating": rating, "seen": seen, **extra})


def test_review_shows_a_new_card_front_and_back_in_details(signed_in):
    response = signed_in.get(reverse("quiz:review"))

    html = response.content.decode()
    flashcard = Flashcard.objects.get(pk=shown_card(signed_in).pk)
    assert flashcard.front in html
    assert "<details" in html
    assert "Show the answer" in html
    assert "0</strong> due now" in html
    assert "12</strong> new left today" in html


def test_rate_without_js_stores_schedule_and_log_then_redirects(signed_in, student):
    flashcard = shown_card(signed_in)

    response = rate(signed_in, flashcard, 3)

    assert response.status_code == 302
    assert response.headers["Location"] == reverse("quiz:review")
    state = CardState.objects.get(user=student, flashcard=flashcard)
    assert state.stage == CardStage.LEARNING
    assert Review.objects.get().rating == 3


def test_rate_with_htmx_returns_the_next_card_fragment(signed_in):
    flashcard = shown_card(signed_in)

    response = signed_in.post(reverse("quiz:rate", args=(flashcard.pk,)), {"rating": 3, "seen": 0}, **HTMX)

    html = response.content.decode()
    assert html.lstrip().startswith('<section id="card"')
    assert "<html" not in html
    assert "11</strong> new left today" in html
    assert f'action="/review/cards/{flashcard.pk}/"' not in html


def test_rate_replayed_changes_nothing(signed_in, student):
    flashcard = shown_card(signed_in)

    rate(signed_in, flashcard, 1)
    rate(signed_in, flashcard, 4)  # the same page's form again: it still says 0 reviews seen

    state = CardState.objects.get(user=student, flashcard=flashcard)
    assert state.reviews == 1
    assert list(Review.objects.values_list("rating", flat=True)) == [1]


@pytest.mark.parametrize(
    "data",
    [
        {"rating": 5, "seen": 0},
        {"rating": "x", "seen": 0},
        {"seen": 0},
        {"rating": 3},
        {"rating": 3, "seen": -1},
    ],
)
def test_rate_malformed_is_refused_with_a_message(signed_in, data):
    flashcard = shown_card(signed_in)

    response = signed_in.post(reverse("quiz:rate", args=(flashcard.pk,)), data)

    assert response.status_code == 400
    assert "Please correct" in response.content.decode()
    assert not Review.objects.exists()


def test_rate_unknown_or_retired_card_is_404(signed_in):
    flashcard = Flashcard.objects.first()
    Flashcard.objects.filter(pk=flashcard.pk).update(is_active=False)

    assert rate(signed_in, flashcard, 3).status_code == 404
    assert signed_in.post(reverse("quiz:rate", args=(999999,)), {"rating": 3, "seen": 0}).status_code == 404
    assert not Review.objects.exists()


def test_rate_without_csrf_token_is_refused(student):
    client = Client(enforce_csrf_checks=True)
    client.force_login(student)

    assert rate(client, Flashcard.objects.first(), 3).status_code == 403
    assert not Review.objects.exists()


def test_rate_anonymous_is_sent_to_sign_in(client):
    response = rate(client, Flashcard.objects.first(), 3)

    assert response.headers["Location"].startswith(reverse("quiz:login"))
    assert not Review.objects.exists()


def test_review_scoped_to_a_document_shows_only_its_cards(signed_in):
    document = Document.objects.get(key="doc_001.txt")

    flashcard = shown_card(signed_in, document=str(document.pk))
    response = rate(signed_in, flashcard, 3, document=str(document.pk))

    assert flashcard.fact.document == document
    assert response.headers["Location"] == f"{reverse('quiz:review')}?document={document.pk}"


@pytest.mark.parametrize("document", ["abc", "999999", "-1"])
def test_review_unknown_document_is_404(signed_in, document):
    assert signed_in.get(reverse("quiz:review"), {"document": document}).status_code == 404


def test_review_respects_the_daily_new_card_limit(signed_in, settings):
    settings.QUIZ_NEW_CARDS_PER_DAY = 2
    rate(signed_in, shown_card(signed_in), 4)
    rate(signed_in, shown_card(signed_in), 4)

    html = signed_in.get(reverse("quiz:review")).content.decode()
    forged = rate(signed_in, Flashcard.objects.exclude(states__isnull=False).first(), 3)

    assert "All done for now" in html
    assert "Your next card is due" in html
    assert forged.status_code == 400
    assert "limit of new cards" in forged.content.decode()
    assert Review.objects.count() == 2


def test_review_shows_due_cards_before_new_ones(signed_in, student):
    from django.utils import timezone

    due = Flashcard.objects.order_by("-pk").first()
    CardState.objects.create(
        user=student,
        flashcard=due,
        stage=CardStage.REVIEW,
        stability=3,
        difficulty=5,
        due=timezone.now(),
        last_review=timezone.now(),
        reviews=2,
    )

    assert shown_card(signed_in) == due
    rate(signed_in, due, 3, seen="2")
    assert CardState.objects.get(flashcard=due).reviews == 3


def test_another_students_schedule_is_untouched(signed_in, other_student):
    flashcard = shown_card(signed_in)
    rate(signed_in, flashcard, 3)

    assert not CardState.objects.filter(user=other_student).exists()
    client = Client()
    client.force_login(other_student)
    assert "12</strong> new left today" in client.get(reverse("quiz:review")).content.decode()


def test_review_pages_run_constant_queries_with_big_history(
    client, big_history, django_assert_max_num_queries
):
    client.force_login(big_history)
    with django_assert_max_num_queries(10):
        flashcard = shown_card(client)
    state = CardState.objects.get(user=big_history, flashcard=flashcard)
    with django_assert_max_num_queries(20):
        client.post(reverse("quiz:rate", args=(flashcard.pk,)), {"rating": 3, "seen": state.reviews}, **HTMX)
