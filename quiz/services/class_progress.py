"""The class as teachers see it: each student's figures, a student's breakdown, and the class charts.

The definitions are the student side's (quiz.services.progress): mastery counts the flashcards in the
review stage among the active flashcards of active facts of active documents, rounded down; due counts the
schedules of those cards with `due` at or before now. Every figure is counted by the database, one
correlated subquery per column, so the student list costs the same queries for 10 students or 1,000.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Case,
    Count,
    DateTimeField,
    Exists,
    F,
    FloatField,
    IntegerField,
    Max,
    Model,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Greatest, Least
from django.utils import timezone

from quiz.charts import BarChart, bar_chart
from quiz.models import Answer, Attempt, CardStage, CardState, Flashcard, Review, Student
from quiz.services.progress import DayAccuracy, DocumentProgress, day_start, document_progress

MASTERY_BANDS = 10
RECENT_ATTEMPTS = 10
CSV_HEADER = (
    "username",
    "attempts",
    "questions answered",
    "correct",
    "accuracy (%)",
    "mastered cards",
    "cards",
    "mastery (%)",
    "cards due",
    "last activity",
)


def learners() -> QuerySet[Student]:
    """Return the learners: active or not, every user who is neither staff nor superuser."""
    return Student.objects.learners()


def _per_user(queryset: QuerySet, aggregate: Any) -> Subquery:
    """Return `aggregate` over the rows of `queryset` of the outer student, as a scalar subquery."""
    return Subquery(
        queryset.filter(user=OuterRef("pk"))
        .order_by()
        .values("user")
        .annotate(value=aggregate)
        .values("value")
    )


def _count(queryset: QuerySet, **filters: Any) -> Coalesce:
    return Coalesce(_per_user(queryset.filter(**filters), Count("pk")), 0)


def live_cards() -> QuerySet[Flashcard]:
    """Return the flashcards mastery is counted over: active, of an active fact of an active document."""
    return Flashcard.objects.filter(is_active=True, fact__is_active=True, fact__document__is_active=True)


def with_progress(queryset: QuerySet[Student], *, now: datetime.datetime) -> QuerySet[Student]:
    """Annotate each student's attempts, answers, accuracy, mastery, cards due and last activity."""
    states = CardState.objects.filter(
        flashcard__is_active=True, flashcard__fact__is_active=True, flashcard__fact__document__is_active=True
    )
    card_count = Subquery(
        live_cards().order_by().annotate(one=Value(1)).values("one").annotate(n=Count("pk")).values("n")
    )
    last_answer = _per_user(Answer.objects.all(), Max("answered_at"))
    last_review = _per_user(Review.objects.all(), Max("reviewed_at"))
    return queryset.annotate(
        attempt_count=_count(Attempt.objects.all()),
        answer_count=_count(Answer.objects.all()),
        correct_count=_count(Answer.objects.all(), is_correct=True),
        mastered_count=_count(states, stage=CardStage.REVIEW),
        due_count=_count(states, due__lte=now),
        card_count=Coalesce(card_count, 0),
        # Greatest is NULL on SQLite when either side is, so each side falls back on the other.
        last_activity=Greatest(
            Coalesce(last_answer, last_review),
            Coalesce(last_review, last_answer),
            output_field=DateTimeField(),
        ),
    ).annotate(
        # For ordering; the list shows the same figures through accuracy_percent and mastery_percent.
        accuracy=Cast(F("correct_count"), FloatField()) / Greatest(F("answer_count"), 1),
        mastery=F("mastered_count") * 100 / Greatest(F("card_count"), 1),
    )


def answered_in(queryset: QuerySet[Student], *, document_id: int) -> QuerySet[Student]:
    """Return the students who answered a question of the document."""
    answers = Answer.objects.filter(user=OuterRef("pk"), question__fact__document_id=document_id)
    return queryset.filter(Exists(answers))


def percent_correct(*, correct: int, answered: int) -> int | None:
    """Return the share of correct answers in percent, rounded as on the Progress page; None without any."""
    return round(100 * correct / answered) if answered else None


def accuracy_percent(student: Any) -> int | None:
    """Return the annotated student's share of correct answers in percent, or None without answers."""
    return percent_correct(correct=student.correct_count, answered=student.answer_count)


def mastery_percent(student: Any) -> int:
    """Return the annotated student's mastery in percent, rounded down as on the student's own pages."""
    return 100 * student.mastered_count // student.card_count if student.card_count else 0


def export_rows(rows: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
    """Yield the CSV header, then one row per annotated student, with ISO dates."""
    yield CSV_HEADER
    for student in rows:
        accuracy = accuracy_percent(student)
        last = student.last_activity
        yield (
            student.username,
            student.attempt_count,
            student.answer_count,
            student.correct_count,
            "" if accuracy is None else accuracy,
            student.mastered_count,
            student.card_count,
            mastery_percent(student),
            student.due_count,
            timezone.localtime(last).isoformat(timespec="seconds") if last else "",
        )


@dataclass(frozen=True)
class DocumentBreakdown:
    progress: DocumentProgress
    answered: int
    correct: int

    @property
    def accuracy(self) -> int | None:
        return percent_correct(correct=self.correct, answered=self.answered)


def document_breakdown(*, user: Model, now: datetime.datetime) -> list[DocumentBreakdown]:
    """Return the student's facts, answers, accuracy and mastery per document, the total first."""
    answers = {
        row["question__fact__document"]: (row["answered"], row["correct"])
        for row in Answer.objects.filter(user=user)
        .values("question__fact__document")
        .annotate(answered=Count("pk"), correct=Count("pk", filter=Q(is_correct=True)))
        .order_by()
    }
    total = (sum(pair[0] for pair in answers.values()), sum(pair[1] for pair in answers.values()))
    return [
        DocumentBreakdown(row, *(total if row.is_total else answers.get(row.document_id, (0, 0))))
        for row in document_progress(user=user, now=now)
    ]


def recent_attempts(*, user: Model, limit: int = RECENT_ATTEMPTS) -> QuerySet[Attempt]:
    """Return the student's latest attempts with `question_count`, `answer_count` and `correct_count`."""
    return (
        Attempt.objects.filter(user=user)
        .select_related("document")
        .annotate(
            question_count=Count("items", distinct=True),
            answer_count=Count("items__answer", distinct=True),
            correct_count=Count("items__answer", filter=Q(items__answer__is_correct=True), distinct=True),
        )
        .order_by("-started_at", "-pk")[:limit]
    )


def class_accuracy_by_day(
    *, today: datetime.date, students: QuerySet[Student] | None = None, days: int = 30
) -> list[DayAccuracy]:
    """Return the students' (every learner's by default) answers and correct ones on each of `days` days."""
    first = today - datetime.timedelta(days=days - 1)
    dates = [first + datetime.timedelta(days=offset) for offset in range(days + 1)]
    bounds = [day_start(day) for day in dates]
    # Each answer's day by comparing its time with local midnights: far cheaper than truncating each time
    # to a date, which SQLite does in Python, one call per answer.
    day_index = Case(
        *(When(answered_at__lt=end, then=Value(index)) for index, end in enumerate(bounds[1:])),
        output_field=IntegerField(),
    )
    counts = {
        row["day_index"]: (row["answered"], row["correct"])
        for row in Answer.objects.filter(
            user__in=learners() if students is None else students,
            answered_at__gte=bounds[0],
            answered_at__lt=bounds[-1],
        )
        .annotate(day_index=day_index)
        .values("day_index")
        .annotate(answered=Count("pk"), correct=Count("pk", filter=Q(is_correct=True)))
        .order_by()
    }
    return [DayAccuracy(day, *counts.get(index, (0, 0))) for index, day in enumerate(dates[:-1])]


@dataclass(frozen=True)
class MasteryBand:
    low: int
    high: int
    students: int

    @property
    def label(self) -> str:
        return f"{self.low}–{self.high}%"


def mastery_distribution(
    *, now: datetime.datetime, students: QuerySet[Student] | None = None
) -> list[MasteryBand]:
    """Count the students (every learner by default) in each mastery band of 10 points, in one query.

    The last band includes 100%.
    """
    width = 100 // MASTERY_BANDS
    counts = dict(
        with_progress(learners() if students is None else students, now=now)
        .annotate(band=Least(F("mastery") / width, MASTERY_BANDS - 1, output_field=IntegerField()))
        .values("band")
        .annotate(n=Count("pk"))
        .values_list("band", "n")
        .order_by()
    )
    return [
        MasteryBand(
            low=band * width,
            high=100 if band == MASTERY_BANDS - 1 else band * width + width - 1,
            students=counts.get(band, 0),
        )
        for band in range(MASTERY_BANDS)
    ]


def mastery_chart(bands: Iterable[MasteryBand]) -> BarChart:
    """Lay out the number of students per mastery band."""
    return bar_chart([(band.label, band.students) for band in bands])
