"""Small builders of students' learning rows (users, attempts with answers, schedules, reviews) for tests.

Content comes from `content_reload(collection=tests.factories.make_collection(...))`; these write the rows a
student's activity would leave, directly, so that tests control every date and outcome.
"""

from __future__ import annotations

import datetime
import itertools
from collections import Counter
from collections.abc import Iterable, Sequence

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from quiz.models import (
    Answer,
    Attempt,
    AttemptQuestion,
    CardStage,
    CardState,
    Choice,
    Flashcard,
    Question,
    Rating,
    Review,
    ReviewSource,
)

PASSWORD = "violet-harbour-1947"

_usernames = itertools.count(1)


def make_user(username: str = "", **fields: object) -> AbstractBaseUser:
    """Create a student who can sign in with PASSWORD."""
    return get_user_model().objects.create_user(
        username=username or f"student{next(_usernames)}", password=PASSWORD, **fields
    )


def make_attempt_with_answers(
    user: AbstractBaseUser,
    questions: Sequence[Question],
    *,
    correct: Sequence[bool] | bool = True,
    when: Sequence[datetime.datetime] | datetime.datetime | None = None,
    response_ms: int | None = None,
) -> Attempt:
    """Create a finished attempt of `questions` (repeats allowed), answered right or wrong as `correct` says.

    `correct` and `when` are one value for every answer or one per question. Answers are bulk-created, so
    thousands cost a handful of queries; they do not feed the flashcard schedule.
    """
    count = len(questions)
    corrects = [correct] * count if isinstance(correct, bool) else list(correct)
    moments = list(when) if isinstance(when, Sequence) else [when or timezone.now()] * count
    if len(corrects) != count or len(moments) != count:
        raise ValueError("Give one `correct` and one `when` per question, or a single value for all.")
    choices: dict[int, list[Choice]] = {}
    for choice in Choice.objects.filter(question__in={question.pk for question in questions}):
        choices.setdefault(choice.question_id, []).append(choice)
    answered_before = set(
        Answer.objects.filter(user=user, question__in=choices).values_list("question_id", flat=True)
    )
    attempt = Attempt.objects.create(
        user=user,
        started_at=min(moments, default=timezone.now()),
        finished_at=max(moments, default=None),
        size=count,
        answered=count,
    )
    items = AttemptQuestion.objects.bulk_create(
        AttemptQuestion(
            attempt=attempt,
            question=question,
            position=position,
            choice_order=[choice.pk for choice in choices[question.pk]],
        )
        for position, question in enumerate(questions, start=1)
    )
    answers = []
    for item, question, is_correct, moment in zip(items, questions, corrects, moments, strict=True):
        choice = next(choice for choice in choices[question.pk] if choice.is_correct == is_correct)
        answers.append(
            Answer(
                item=item,
                user=user,
                question=question,
                choice=choice,
                is_correct=is_correct,
                is_first_try=question.pk not in answered_before,
                response_ms=response_ms,
                answered_at=moment,
            )
        )
        answered_before.add(question.pk)
    Answer.objects.bulk_create(answers)
    return attempt


def make_card_state(
    user: AbstractBaseUser,
    flashcard: Flashcard,
    *,
    stage: CardStage = CardStage.REVIEW,
    due: datetime.datetime | None = None,
    **fields: object,
) -> CardState:
    """Create the student's schedule of one flashcard, due now unless `due` says otherwise."""
    now = timezone.now()
    defaults = {"stability": 3.0, "difficulty": 5.0, "last_review": now, "reviews": 1}
    return CardState.objects.create(
        user=user, flashcard=flashcard, stage=stage, due=due or now, **{**defaults, **fields}
    )


def make_card_states(
    user: AbstractBaseUser,
    flashcards: Sequence[Flashcard],
    *,
    stage: CardStage = CardStage.REVIEW,
    due: datetime.datetime | None = None,
) -> list[CardState]:
    """Bulk-create the student's schedules of many flashcards, all alike."""
    now = timezone.now()
    return CardState.objects.bulk_create(
        CardState(
            user=user,
            flashcard=flashcard,
            stage=stage,
            due=due or now,
            stability=3.0,
            difficulty=5.0,
            last_review=now,
            reviews=1,
        )
        for flashcard in flashcards
    )


def make_review(
    card_state: CardState,
    *,
    rating: Rating = Rating.GOOD,
    stage_before: CardStage | None = None,
    when: datetime.datetime | None = None,
) -> Review:
    """Log a flashcard review of the schedule's card (`stage_before=None`: the card was new then)."""
    return Review.objects.create(
        user_id=card_state.user_id,
        flashcard_id=card_state.flashcard_id,
        card_state=card_state,
        rating=rating,
        source=ReviewSource.REVIEW,
        stage_before=stage_before,
        reviewed_at=when or timezone.now(),
    )


def save_answers(rows: Iterable[tuple[AbstractBaseUser, Choice, bool]]) -> list[Answer]:
    """Save answers from (user, choice, is_first_try) rows, one attempt per student, in row order."""
    rows = list(rows)
    sizes = Counter(user.pk for user, _, _ in rows)
    attempts = {
        user.pk: Attempt(user=user, size=sizes[user.pk], answered=sizes[user.pk]) for user, _, _ in rows
    }
    Attempt.objects.bulk_create(attempts.values())
    positions: Counter[int] = Counter()
    items = []
    for user, choice, _ in rows:
        positions[user.pk] += 1
        items.append(
            AttemptQuestion(
                attempt=attempts[user.pk],
                question_id=choice.question_id,
                position=positions[user.pk],
                choice_order=[],
            )
        )
    AttemptQuestion.objects.bulk_create(items)
    return Answer.objects.bulk_create(
        Answer(
            item=item,
            user=user,
            question_id=choice.question_id,
            choice=choice,
            is_correct=choice.is_correct,
            is_first_try=first,
        )
        for item, (user, choice, first) in zip(items, rows, strict=True)
    )
