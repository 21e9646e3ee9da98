from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from quiz.models import CardStage, CardState, Direction, Flashcard, Rating, Review, ReviewSource
from quiz.services.reload import content_reload
from quiz.services.scheduling import NewCardLimitReached, card_review, quiz_rating
from tests.factories import make_collection
from tests.learning_factories import make_user

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2025, 3, 3, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def flashcards() -> list[Flashcard]:
    content_reload(collection=make_collection(documents=1, facts=3))
    return list(Flashcard.objects.order_by("fact__position", "direction"))


def review(user, flashcard, rating, *, seen=None, duration_ms=None, now=NOW):
    """Rate the card as the student's page would, with the review count it showed."""
    if seen is None:
        state = CardState.objects.filter(user=user, flashcard=flashcard).first()
        seen = state.reviews if state else 0
    return card_review(
        user=user, flashcard=flashcard, rating=rating, seen_reviews=seen, duration_ms=duration_ms, now=now
    )


# quiz_rating


@pytest.mark.parametrize(
    ("is_correct", "response_ms", "expected"),
    [
        (False, 1_000, Rating.AGAIN),
        (False, 90_000, Rating.AGAIN),
        (False, None, Rating.AGAIN),
        (True, 1, Rating.GOOD),
        (True, 20_000, Rating.GOOD),
        (True, 20_001, Rating.HARD),
        (True, 300_000, Rating.HARD),
        (True, None, Rating.GOOD),
    ],
)
def test_quiz_rating_maps_answer_to_rating(is_correct, response_ms, expected):
    assert quiz_rating(is_correct=is_correct, response_ms=response_ms) == expected


def test_quiz_rating_never_easy():
    ratings = {
        quiz_rating(is_correct=is_correct, response_ms=response_ms)
        for is_correct in (True, False)
        for response_ms in (None, 0, 100, 1_000, 19_999, 20_000, 20_001, 3_600_000)
    }

    assert Rating.EASY not in ratings


# card_review


def test_card_review_new_card_starts_learning(flashcards):
    user = make_user()

    state, applied = review(user, flashcards[0], Rating.GOOD, duration_ms=2_500)

    assert applied
    assert state.stage == CardStage.LEARNING
    assert state.reviews == 1
    assert state.due > NOW
    assert state.last_review == NOW
    log = Review.objects.get()
    assert log.stage_before is None
    assert log.source == ReviewSource.REVIEW
    assert log.answer is None
    assert log.card_state == state


def test_card_review_good_twice_graduates_to_review(flashcards):
    user = make_user()
    first, _ = review(user, flashcards[0], Rating.GOOD)

    second, applied = review(user, flashcards[0], Rating.GOOD, now=first.due)

    assert applied
    assert second.stage == CardStage.REVIEW
    assert second.is_mastered
    assert second.due >= first.due + datetime.timedelta(days=1)
    assert list(Review.objects.order_by("reviewed_at").values_list("stage_before", flat=True)) == [
        None,
        CardStage.LEARNING,
    ]


def test_card_review_easy_on_new_card_goes_straight_to_review(flashcards):
    state, _ = review(make_user(), flashcards[0], Rating.EASY)

    assert state.stage == CardStage.REVIEW
    assert state.due >= NOW + datetime.timedelta(days=2)


def test_card_review_again_keeps_card_soon(flashcards):
    state, _ = review(make_user(), flashcards[0], Rating.AGAIN)

    assert state.stage == CardStage.LEARNING
    assert state.due <= NOW + datetime.timedelta(minutes=10)


def test_card_review_stale_seen_reviews_changes_nothing(flashcards):
    user = make_user()
    first, _ = review(user, flashcards[0], Rating.GOOD)

    replay, applied = review(
        user, flashcards[0], Rating.AGAIN, seen=0, now=NOW + datetime.timedelta(minutes=1)
    )

    assert not applied
    assert replay.pk == first.pk
    replay.refresh_from_db()
    assert (replay.reviews, replay.due, replay.stage) == (1, first.due, first.stage)
    assert Review.objects.count() == 1


def test_card_review_stale_seen_reviews_on_new_card_creates_nothing(flashcards):
    state, applied = review(make_user(), flashcards[0], Rating.GOOD, seen=1)

    assert not applied
    assert state is None
    assert not CardState.objects.exists()
    assert not Review.objects.exists()


def test_card_review_new_card_limit_reached(flashcards, settings):
    settings.QUIZ_NEW_CARDS_PER_DAY = 2
    user = make_user()
    now = timezone.now()
    review(user, flashcards[0], Rating.GOOD, now=now)
    review(user, flashcards[1], Rating.GOOD, now=now)

    with pytest.raises(NewCardLimitReached):
        review(user, flashcards[2], Rating.GOOD, now=now)

    assert not CardState.objects.filter(flashcard=flashcards[2]).exists()
    assert Review.objects.count() == 2


def test_card_review_started_cards_still_reviewed_after_limit(flashcards, settings):
    settings.QUIZ_NEW_CARDS_PER_DAY = 2
    user = make_user()
    now = timezone.now()
    first, _ = review(user, flashcards[0], Rating.GOOD, now=now)
    review(user, flashcards[1], Rating.GOOD, now=now)

    state, applied = review(user, flashcards[0], Rating.GOOD, now=first.due)

    assert applied
    assert state.reviews == 2


def test_card_review_new_card_limit_per_student(flashcards, settings):
    settings.QUIZ_NEW_CARDS_PER_DAY = 1
    now = timezone.now()
    review(make_user(), flashcards[0], Rating.GOOD, now=now)

    state, applied = review(make_user(), flashcards[0], Rating.GOOD, now=now)

    assert applied
    assert state.reviews == 1


def test_card_review_logs_every_review_completely(flashcards):
    user = make_user()
    card = flashcards[0]
    moments = []
    for rating, duration_ms in ((Rating.AGAIN, 9_000), (Rating.GOOD, 4_000), (Rating.HARD, None)):
        state = CardState.objects.filter(user=user, flashcard=card).first()
        now = state.due if state else NOW
        moments.append(now)
        review(user, card, rating, duration_ms=duration_ms, now=now)

    log = list(
        Review.objects.filter(user=user, flashcard=card)
        .order_by("reviewed_at")
        .values_list("rating", "duration_ms", "reviewed_at", "source")
    )
    assert log == [
        (Rating.AGAIN, 9_000, moments[0], ReviewSource.REVIEW),
        (Rating.GOOD, 4_000, moments[1], ReviewSource.REVIEW),
        (Rating.HARD, None, moments[2], ReviewSource.REVIEW),
    ]
    assert CardState.objects.get(user=user, flashcard=card).reviews == 3


def test_card_review_other_direction_is_its_own_card(flashcards):
    user = make_user()
    date_to_event = next(card for card in flashcards if card.direction == Direction.DATE_TO_EVENT)

    review(user, date_to_event, Rating.EASY)

    assert CardState.objects.filter(user=user).count() == 1
    assert not CardState.objects.filter(
        flashcard__fact=date_to_event.fact, flashcard__direction=Direction.EVENT_TO_DATE
    ).exists()


def test_card_review_accepts_aware_now_in_any_time_zone(flashcards):
    # Django's own helpers (`timezone.localtime`, `make_aware`) return zoneinfo datetimes, not `datetime.UTC`.
    paris = NOW.astimezone(zoneinfo.ZoneInfo("Europe/Paris"))

    state, applied = review(make_user(), flashcards[0], Rating.GOOD, now=paris)

    assert applied
    assert state.last_review == NOW
