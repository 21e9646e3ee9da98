from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from quiz.models import Direction, Document, Fact, Flashcard, Rating
from quiz.services.reload import content_reload
from quiz.services.reviews import new_cards_left, review_queue, start_of_today
from quiz.services.scheduling import card_review
from tests.factories import collection_from, make_collection, make_document, make_fact
from tests.learning_factories import make_card_state, make_user

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def content_load(*, documents: int = 1, facts: int = 3) -> None:
    content_reload(collection=make_collection(documents=documents, facts=facts))


def card(number: int, direction: Direction, document: str = "doc_000.txt") -> Flashcard:
    return Flashcard.objects.get(fact__document__key=document, fact__position=number, direction=direction)


def introduce(user, flashcard: Flashcard, now: datetime.datetime) -> None:
    """Rate a new card Good, as the review page does."""
    card_review(user=user, flashcard=flashcard, rating=Rating.GOOD, seen_reviews=0, now=now)


def test_review_queue_due_cards_first_in_due_order():
    content_load(facts=3)
    user = make_user()
    now = timezone.now()
    make_card_state(user, card(2, Direction.DATE_TO_EVENT), due=now - HOUR)
    oldest = make_card_state(user, card(1, Direction.EVENT_TO_DATE), due=now - 3 * HOUR)
    make_card_state(user, card(0, Direction.DATE_TO_EVENT), due=now + HOUR)

    queue = review_queue(user=user, document=None, now=now)

    assert queue.flashcard == oldest.flashcard
    assert queue.state == oldest
    assert queue.due == 2
    assert queue.new == 3
    assert queue.next_due is None


def test_review_queue_new_cards_in_document_and_position_order():
    second, first = make_document("a.txt", title="Zama"), make_document("b.txt", title="Actium")
    facts = [make_fact("a.txt", number=0), make_fact("b.txt", number=5), make_fact("b.txt", number=2)]
    content_reload(collection=collection_from([second, first], facts))
    user = make_user()
    now = timezone.now()

    shown = []
    for _ in range(6):
        queue = review_queue(user=user, document=None, now=now)
        shown.append((queue.flashcard.fact.document.title, queue.flashcard.fact.when))
        make_card_state(user, queue.flashcard, due=now + 24 * HOUR)

    assert [title for title, _when in shown] == ["Actium"] * 4 + ["Zama"] * 2
    assert [when for _title, when in shown[:4]] == ["1905", "1905", "1902", "1902"]


def test_review_queue_new_count_capped_by_daily_limit(settings):
    settings.QUIZ_NEW_CARDS_PER_DAY = 2
    content_load(facts=3)

    queue = review_queue(user=make_user(), document=None, now=timezone.now())

    assert queue.new == 2
    assert queue.flashcard is not None
    assert queue.state is None


def test_review_queue_no_new_cards_after_daily_limit_used(settings):
    settings.QUIZ_NEW_CARDS_PER_DAY = 2
    content_load(facts=3)
    user = make_user()
    now = timezone.now()
    introduce(user, card(0, Direction.DATE_TO_EVENT), now)
    introduce(user, card(0, Direction.EVENT_TO_DATE), now)

    queue = review_queue(user=user, document=None, now=now)

    assert queue.flashcard is None
    assert (queue.due, queue.new) == (0, 0)
    assert now < queue.next_due <= now + datetime.timedelta(minutes=10)
    assert new_cards_left(user=user) == 0


def test_review_queue_document_scope_excludes_other_documents():
    content_load(documents=2, facts=3)
    user = make_user()
    now = timezone.now()
    make_card_state(user, card(0, Direction.DATE_TO_EVENT, document="doc_001.txt"), due=now - HOUR)
    scope = Document.objects.get(key="doc_000.txt")

    queue = review_queue(user=user, document=scope, now=now)

    assert queue.flashcard.fact.document == scope
    assert queue.state is None
    assert (queue.due, queue.new) == (0, 6)


def test_review_queue_retired_flashcards_not_shown():
    content_load(facts=3)
    user = make_user()
    now = timezone.now()
    make_card_state(user, card(0, Direction.DATE_TO_EVENT), due=now - HOUR)
    Flashcard.objects.filter(fact__position=0).update(is_active=False)
    Fact.objects.filter(position=1).update(is_active=False)

    queue = review_queue(user=user, document=None, now=now)

    assert queue.flashcard.fact.position == 2
    assert (queue.due, queue.new) == (0, 2)


def test_review_queue_nothing_left_reports_next_due():
    content_load(facts=1)
    user = make_user()
    now = timezone.now()
    make_card_state(user, card(0, Direction.DATE_TO_EVENT), due=now + 72 * HOUR)
    make_card_state(user, card(0, Direction.EVENT_TO_DATE), due=now + 48 * HOUR)

    queue = review_queue(user=user, document=None, now=now)

    assert queue.flashcard is None
    assert queue.state is None
    assert (queue.due, queue.new) == (0, 0)
    assert queue.next_due == now + 48 * HOUR


def test_new_cards_left_counts_only_todays_flashcard_introductions(settings):
    settings.QUIZ_NEW_CARDS_PER_DAY = 3
    content_load(facts=2)
    user = make_user()
    yesterday = (start_of_today() - HOUR).astimezone(datetime.UTC)  # FSRS takes UTC datetimes only
    introduce(user, card(0, Direction.DATE_TO_EVENT), yesterday)
    introduce(user, card(0, Direction.EVENT_TO_DATE), timezone.now())

    assert new_cards_left(user=user) == 2


def test_start_of_today_is_local_midnight():
    midnight = start_of_today()

    assert midnight.time() == datetime.time.min
    assert midnight <= timezone.now() < midnight + 24 * HOUR
