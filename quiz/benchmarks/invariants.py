"""Rules that students' data must obey whatever happened to the server, checked from the database.

Each check returns a list of problems, empty when all is well. Histories seeded in bulk have no review
log (see classroom.py), so the checks on the log only look at the rows written after a `Snapshot`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Exists, F, Max, Min, OuterRef, Q

from quiz.models import (
    CARD_ASKED,
    Answer,
    Attempt,
    AttemptQuestion,
    CardState,
    Flashcard,
    Review,
    ReviewSource,
)

SHOWN = 5  # problems shown per check; the count says how many there are


@dataclass(frozen=True)
class Snapshot:
    """The students' progress at one moment: answers, review log and schedules."""

    answers: dict[int, tuple[int, int]]  # pk: (item, choice)
    reviews: frozenset[int]
    card_reviews: dict[int, int]  # CardState pk: its review count

    @classmethod
    def take(cls) -> Snapshot:
        return cls(
            answers={
                pk: (item, choice) for pk, item, choice in Answer.objects.values_list("pk", "item", "choice")
            },
            reviews=frozenset(Review.objects.values_list("pk", flat=True)),
            card_reviews=dict(CardState.objects.values_list("pk", "reviews")),
        )

    @property
    def last_review(self) -> int:
        return max(self.reviews, default=0)


def progress_lost(before: Snapshot, after: Snapshot) -> list[str]:
    """Return what `before` had that `after` lost: an answer, a review, a schedule or a schedule's reviews."""
    problems = [
        f"answer {pk} lost or changed" for pk, row in before.answers.items() if after.answers.get(pk) != row
    ]
    problems += [f"review {pk} lost" for pk in sorted(before.reviews - after.reviews)]
    problems += [
        f"card schedule {pk} lost or went back from {count} reviews"
        for pk, count in before.card_reviews.items()
        if after.card_reviews.get(pk, -1) < count
    ]
    return _few(problems)


def attempt_problems() -> list[str]:
    """Return the attempts that are half written: questions missing, finished with questions open, or
    counters (`size`, `answered`) that disagree with the questions and answers stored."""
    attempts = Attempt.objects.annotate(
        items_count=Count("items"),
        answers_count=Count("items__answer"),
        first=Min("items__position"),
        last=Max("items__position"),
        open=Count("items", filter=Q(items__answer__isnull=True)),
    )
    problems = [
        f"attempt {pk} has {size} questions at positions {first}..{last}"
        for pk, size, first, last in attempts.exclude(
            items_count__gt=0, first=1, last=F("items_count")
        ).values_list("pk", "items_count", "first", "last")
    ]
    problems += [
        f"attempt {pk} is marked finished with {open_} questions unanswered"
        for pk, open_ in attempts.filter(finished_at__isnull=False, open__gt=0).values_list("pk", "open")
    ]
    problems += [
        f"attempt {pk} has every question answered but is not marked finished"
        for pk in attempts.filter(finished_at__isnull=True, items_count__gt=0, open=0).values_list(
            "pk", flat=True
        )
    ]
    problems += [
        f"attempt {pk} counts {size} questions and {answered} answers, but has {items} and {answers}"
        for pk, size, answered, items, answers in attempts.exclude(
            size=F("items_count"), answered=F("answers_count")
        ).values_list("pk", "size", "answered", "items_count", "answers_count")
    ]
    return _few(problems)


def answer_problems() -> list[str]:
    """Return the answers that disagree with their attempt question or with the option chosen."""
    wrong = Answer.objects.exclude(
        user=F("item__attempt__user"),
        question=F("item__question"),
        choice__question=F("question"),
        is_correct=F("choice__is_correct"),
    )
    problems = [
        f"answer {pk} disagrees with its question, student or option"
        for pk in wrong.values_list("pk", flat=True)
    ]
    problems += [
        f"answer {pk} chose option {choice}, not one shown ({order})"
        for pk, choice, order in Answer.objects.values_list("pk", "choice", "item__choice_order")
        if choice not in order
    ]
    return _few(problems)


def review_problems(since: Snapshot) -> list[str]:
    """Return the answers and schedules written after `since` that the review log does not account for.

    Each new answer has one quiz review of the card its question exercises, unless that card is no longer
    in the documents; each schedule's review count grew by exactly its new reviews.
    """
    new_reviews = Review.objects.filter(pk__gt=since.last_review)
    unlogged = Answer.objects.filter(pk__gt=max(since.answers, default=0)).exclude(
        Exists(Review.objects.filter(answer=OuterRef("pk")))
    )
    problems = [
        f"answer {pk} has no review though its card is active"
        for pk, fact, asks in unlogged.values_list("pk", "question__fact", "question__asks")
        if Flashcard.objects.active().filter(fact=fact, direction=CARD_ASKED[asks]).exists()
    ]
    mismatched = new_reviews.filter(source=ReviewSource.QUIZ).exclude(
        user=F("answer__user"),
        flashcard__fact=F("answer__question__fact"),
        card_state__user=F("user"),
        card_state__flashcard=F("flashcard"),
    )
    problems += [
        f"quiz review {pk} disagrees with its answer or schedule"
        for pk in mismatched.values_list("pk", flat=True)
    ]
    grown = Counter(new_reviews.values_list("card_state", flat=True))
    problems += [
        f"card schedule {pk} counts {count - since.card_reviews.get(pk, 0)} new reviews, the log {grown[pk]}"
        for pk, count in CardState.objects.values_list("pk", "reviews")
        if count - since.card_reviews.get(pk, 0) != grown[pk]
    ]
    return _few(problems)


def acknowledged_problems(acknowledged: dict[tuple[int, int], int]) -> tuple[list[str], int]:
    """Check each acknowledged answer, (attempt, position): choice, against the one stored.

    Return the problems, and how many answers of those attempts were stored without an acknowledgement
    (requests cut off in flight, which may or may not have been saved).
    """
    first = min((attempt for attempt, _position in acknowledged), default=0)
    # The attempts of a run are the newest: filtering on the first keeps the query small.
    answered = AttemptQuestion.objects.filter(attempt__gte=first, answer__isnull=False)
    stored = {
        (attempt, position): choice
        for attempt, position, choice in answered.values_list("attempt", "position", "answer__choice")
    }
    problems = [
        f"attempt {key[0]} question {key[1]}: acknowledged option {choice}, stored {stored.get(key)}"
        for key, choice in acknowledged.items()
        if stored.get(key) != choice
    ]
    return _few(problems), len(stored.keys() - acknowledged.keys())


def _few(problems: Iterable[str]) -> list[str]:
    problems = list(problems)
    if len(problems) > SHOWN:
        return [*problems[:SHOWN], f"... and {len(problems) - SHOWN} more"]
    return problems
