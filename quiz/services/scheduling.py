"""Flashcard schedules on FSRS: rating a card in review, and feeding quiz answers into the schedule."""

from __future__ import annotations

import datetime

import fsrs
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from quiz.models import Answer, CardStage, CardState, Flashcard, Rating, Review, ReviewSource
from quiz.services.reviews import new_cards_left


class NewCardLimitReached(Exception):
    """The student has introduced today's allowance of new cards."""


# A correct quiz answer slower than this was a struggle: Hard rather than Good.
SLOW_ANSWER_MS = 20_000


def scheduler() -> fsrs.Scheduler:
    """Return the FSRS scheduler, with fuzzing as the settings say (on in production, off in tests)."""
    return fsrs.Scheduler(
        desired_retention=settings.QUIZ_DESIRED_RETENTION,
        enable_fuzzing=settings.QUIZ_FSRS_FUZZING,
    )


def quiz_rating(*, is_correct: bool, response_ms: int | None) -> Rating:
    """Map a quiz answer to a rating: wrong is Again, slow is Hard, otherwise Good, never Easy.

    Picking the date among four options is recognition, which is easier than the recall a flashcard asks
    for, so a quiz answer is never strong enough evidence for Easy.
    """
    if not is_correct:
        return Rating.AGAIN
    if response_ms is not None and response_ms > SLOW_ANSWER_MS:
        return Rating.HARD
    return Rating.GOOD


@transaction.atomic
def card_review(
    *,
    user: object,
    flashcard: Flashcard,
    rating: Rating,
    seen_reviews: int,
    duration_ms: int | None = None,
    now: datetime.datetime | None = None,
) -> tuple[CardState, bool]:
    """Rate a flashcard in review and return its schedule and whether this rating was applied.

    `seen_reviews` is the card's review count that the student's page showed. A replayed or doubled
    submit carries a stale count and changes nothing.
    """
    state = CardState.objects.select_for_update().filter(user=user, flashcard=flashcard).first()
    if seen_reviews != (state.reviews if state else 0):
        return state, False
    if state is None and new_cards_left(user=user) == 0:
        raise NewCardLimitReached
    try:
        # A savepoint only where a concurrent first rating can collide with this one: a new card's insert.
        with transaction.atomic(savepoint=state is None):
            applied = _apply(
                user_id=user.pk,
                flashcard=flashcard,
                state=state,
                rating=rating,
                source=ReviewSource.REVIEW,
                answer=None,
                duration_ms=duration_ms,
                now=now or timezone.now(),
            )
    except IntegrityError:
        # Another request created this schedule first: that request's rating stands, this one is a double.
        return CardState.objects.get(user=user, flashcard=flashcard), False
    return applied, True


def answer_schedule(*, answer: Answer, flashcard: Flashcard | None) -> CardState | None:
    """Rate the flashcard that the answer's question exercises (None: it left the documents).

    Call it in the answer's transaction. It takes no savepoint: if another request created the card's
    schedule between the read and the insert, the IntegrityError undoes the whole answer, which
    `answer_submit` then stores again.
    """
    if flashcard is None:
        return None
    state = CardState.objects.select_for_update().filter(user_id=answer.user_id, flashcard=flashcard).first()
    return _apply(
        user_id=answer.user_id,
        flashcard=flashcard,
        state=state,
        rating=quiz_rating(is_correct=answer.is_correct, response_ms=answer.response_ms),
        source=ReviewSource.QUIZ,
        answer=answer,
        duration_ms=answer.response_ms,
        now=answer.answered_at,
    )


def _apply(
    *,
    user_id: int,
    flashcard: Flashcard,
    state: CardState | None,
    rating: Rating,
    source: ReviewSource,
    answer: Answer | None,
    duration_ms: int | None,
    now: datetime.datetime,
) -> CardState:
    """Apply a rating to a card's schedule (None: its first) and log it; an IntegrityError if one was made."""
    stage_before = state.stage if state else None
    now = now.astimezone(datetime.UTC)  # fsrs accepts only datetime.UTC
    card, _log = scheduler().review_card(
        _card(state, flashcard, now), fsrs.Rating(rating), review_datetime=now, review_duration=duration_ms
    )
    if state is None:
        state = CardState(user_id=user_id, flashcard=flashcard)
    state.stage = CardStage(card.state.value)
    state.step = card.step
    state.stability = card.stability
    state.difficulty = card.difficulty
    state.due = card.due
    state.last_review = card.last_review
    state.reviews += 1
    state.save()
    Review.objects.create(
        user_id=user_id,
        flashcard=flashcard,
        card_state=state,
        rating=rating,
        source=source,
        answer=answer,
        stage_before=stage_before,
        reviewed_at=now,
        duration_ms=duration_ms,
    )
    return state


def _card(state: CardState | None, flashcard: Flashcard, now: datetime.datetime) -> fsrs.Card:
    if state is None:
        return fsrs.Card(card_id=flashcard.pk, due=now)
    return fsrs.Card(
        card_id=state.pk,
        state=fsrs.State(state.stage),
        step=state.step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=state.due.astimezone(datetime.UTC),
        last_review=state.last_review.astimezone(datetime.UTC) if state.last_review else None,
    )
