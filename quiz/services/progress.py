"""A student's progress: mastery and due cards per document, accuracy by day, the review forecast, the streak.

Every figure is counted by the database in a fixed number of queries, whatever the size of the content
and of the student's history. Days are calendar days in the active time zone.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Model, Q
from django.db.models.functions import TruncDate
from django.utils import dateformat, timezone

from quiz.charts import BarChart, bar_chart
from quiz.models import Answer, CardStage, CardState, Review
from quiz.services.content_cache import Content, content_current

ALL_DOCUMENTS = "All documents"


@dataclass(frozen=True)
class DocumentProgress:
    """One student's figures for one document, or for all of them when `document_id` is None."""

    document_id: int | None
    title: str
    facts: int
    cards: int
    mastered: int
    due: int
    unseen: int
    new_today: int  # unseen cards that today's new-card limit still lets into review

    @property
    def mastery(self) -> int:
        """Return the percentage of cards mastered, rounded down so that 100 means every card."""
        return 100 * self.mastered // self.cards if self.cards else 0

    @property
    def is_total(self) -> bool:
        return self.document_id is None


@dataclass(frozen=True)
class DayAccuracy:
    day: datetime.date
    answered: int
    correct: int

    @property
    def accuracy(self) -> int | None:
        """Return the percentage of correct answers, or None on a day without answers."""
        return round(100 * self.correct / self.answered) if self.answered else None


@dataclass(frozen=True)
class DayDue:
    day: datetime.date
    due: int


@dataclass(frozen=True)
class Streak:
    days: int
    today_done: bool  # False: the streak counts up to yesterday and ends tonight unless the student studies


def day_start(day: datetime.date) -> datetime.datetime:
    """Return the midnight that starts a day in the active time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def new_cards_left(*, user: Model, now: datetime.datetime) -> int:
    """Return how many new flashcards the daily limit still lets into review today."""
    since = day_start(timezone.localdate(now))
    introduced = Review.objects.new_cards_since(user, since).count()
    return max(0, settings.QUIZ_NEW_CARDS_PER_DAY - introduced)


def document_progress(
    *, user: Model, now: datetime.datetime, content: Content | None = None
) -> list[DocumentProgress]:
    """Return the "all documents" total, then one row per active document, by title.

    Three queries: the content stamp (the documents and their counts come from the content cache), the
    student's schedules by document, and today's new cards.
    """
    documents = (content or content_current()).document_counts()
    # Only this student's schedules are read, grouped by document; other students' rows are never joined.
    states = {
        row["flashcard__fact__document"]: row
        for row in CardState.objects.for_user(user)
        .values("flashcard__fact__document")
        .annotate(
            seen=Count("pk"),
            mastered=Count("pk", filter=Q(stage=CardStage.REVIEW)),
            due_now=Count("pk", filter=Q(due__lte=now)),
        )
        .order_by()
    }
    left = new_cards_left(user=user, now=now)
    empty = {"seen": 0, "mastered": 0, "due_now": 0}
    rows = []
    for pk, title, facts, cards in documents:
        counts = states.get(pk, empty)
        unseen = max(0, cards - counts["seen"])
        rows.append(
            DocumentProgress(
                document_id=pk,
                title=title,
                facts=facts,
                cards=cards,
                mastered=counts["mastered"],
                due=counts["due_now"],
                unseen=unseen,
                new_today=min(unseen, left),
            )
        )
    unseen = sum(row.unseen for row in rows)
    total = DocumentProgress(
        document_id=None,
        title=ALL_DOCUMENTS,
        facts=sum(row.facts for row in rows),
        cards=sum(row.cards for row in rows),
        mastered=sum(row.mastered for row in rows),
        due=sum(row.due for row in rows),
        unseen=unseen,
        new_today=min(unseen, left),
    )
    return [total, *rows]


def accuracy_by_day(*, user: Model, today: datetime.date, days: int = 30) -> list[DayAccuracy]:
    """Return the quiz answers and correct answers of each of the `days` days up to today, oldest first."""
    first = today - datetime.timedelta(days=days - 1)
    counts = {
        row["day"]: (row["answered"], row["correct"])
        for row in Answer.objects.filter(
            user=user,
            answered_at__gte=day_start(first),
            answered_at__lt=day_start(today + datetime.timedelta(days=1)),
        )
        .annotate(day=TruncDate("answered_at", tzinfo=timezone.get_current_timezone()))
        .values("day")
        .annotate(answered=Count("pk"), correct=Count("pk", filter=Q(is_correct=True)))
        .order_by()
    }
    return [
        DayAccuracy(day, *counts.get(day, (0, 0)))
        for day in (first + datetime.timedelta(days=offset) for offset in range(days))
    ]


def due_forecast(*, user: Model, today: datetime.date, days: int = 14) -> list[DayDue]:
    """Return the reviews due on each of the next `days` days; today's include every overdue card."""
    per_day = (
        CardState.objects.for_user(user)
        .filter(due__lt=day_start(today + datetime.timedelta(days=days)))
        .annotate(day=TruncDate("due", tzinfo=timezone.get_current_timezone()))
        .values("day")
        .annotate(due_count=Count("pk"))
        .order_by()
    )
    counts: dict[datetime.date, int] = {}
    for row in per_day:
        day = max(row["day"], today)
        counts[day] = counts.get(day, 0) + row["due_count"]
    return [
        DayDue(day=day, due=counts.get(day, 0))
        for day in (today + datetime.timedelta(days=offset) for offset in range(days))
    ]


def streak(*, user: Model, today: datetime.date) -> Streak:
    """Count the consecutive days, up to today or yesterday, on which the student answered or reviewed."""
    tzinfo = timezone.get_current_timezone()
    before = day_start(today + datetime.timedelta(days=1))
    answer_days = (
        Answer.objects.filter(user=user, answered_at__lt=before)
        .annotate(day=TruncDate("answered_at", tzinfo=tzinfo))
        .values_list("day", flat=True)
        .order_by()
    )
    review_days = (
        Review.objects.filter(user=user, reviewed_at__lt=before)
        .annotate(day=TruncDate("reviewed_at", tzinfo=tzinfo))
        .values_list("day", flat=True)
        .order_by()
    )
    # UNION (not UNION ALL) leaves one row per active day: at most one per day of history, never per answer.
    active = set(answer_days.union(review_days))
    today_done = today in active
    day = today if today_done else today - datetime.timedelta(days=1)
    days = 0
    while day in active:
        days += 1
        day -= datetime.timedelta(days=1)
    return Streak(days=days, today_done=today_done)


def accuracy_chart(days: Sequence[DayAccuracy]) -> BarChart:
    """Lay out the share of correct answers per day, in percent; a day without answers gets no bar."""
    return bar_chart(
        [
            (day_label(row.day), row.accuracy, f"{row.correct} of {row.answered}" if row.answered else "none")
            for row in days
        ],
        max_value=100,
    )


def forecast_chart(days: Sequence[DayDue]) -> BarChart:
    """Lay out the number of reviews due per day."""
    return bar_chart([(day_label(row.day), row.due) for row in days])


def day_label(day: datetime.date) -> str:
    return dateformat.format(day, "j M")
