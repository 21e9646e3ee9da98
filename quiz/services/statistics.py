"""Item analysis of quiz questions, after Moodle's quiz statistics: facility, discrimination, option picks.

- Facility index: the percentage of first tries answered correctly (a student's later answers to the same
  question are practice, not measurement).
- Discrimination index, by the upper-minus-lower 27% method: students with at least one first try are ranked
  by the share of their first tries that were correct (ties: more first tries first, then the lower user id),
  the top and the bottom 27% (rounded half up, at least one student each, with at least two students) form
  the upper and lower groups, and D = p(upper) − p(lower), where p is the share of correct first tries at
  the question among the group's students who tried it. D runs from −1 to 1; it is unknown (None) while
  either group has no first try at the question.
- Flags, raised only once a question has MIN_FIRST_TRIES first tries: "too easy" (facility above 90%),
  "too hard" (below 20%), "negative discrimination" (D below 0) and "unused distractor" (an active wrong
  option that no answer picked).

The database counts; the plain functions and dataclasses below do the arithmetic, without Django.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from django.db.models import Count, Exists, F, FloatField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Cast, Coalesce, NullIf
from django.utils import timezone

from quiz.charts import BarChart, bar_chart
from quiz.models import Answer, Choice, Question

MIN_FIRST_TRIES = 5  # fewer first tries than this say too little about a question to flag it
TOO_EASY_ABOVE = 90  # facility, percent
TOO_HARD_BELOW = 20  # facility, percent
GROUP_PERCENT = 27  # of the ranked students, in each of the upper and lower groups
HARDEST_COUNT = 10

TOO_EASY = "too easy"
TOO_HARD = "too hard"
NEGATIVE_DISCRIMINATION = "negative discrimination"
UNUSED_DISTRACTOR = "unused distractor"
FLAGS = (TOO_EASY, TOO_HARD, NEGATIVE_DISCRIMINATION, UNUSED_DISTRACTOR)


@dataclass(frozen=True)
class StudentScore:
    user_id: int
    tries: int  # first tries, over every question
    correct: int


@dataclass(frozen=True)
class ItemCounts:
    """What the database counts for one question; every statistic derives from these."""

    answered: int
    first_tries: int
    first_correct: int
    upper_tries: int
    upper_correct: int
    lower_tries: int
    lower_correct: int
    unused_distractors: int

    @property
    def facility(self) -> float | None:
        """Return the percentage of first tries answered correctly, or None before any first try."""
        return facility(self.first_correct, self.first_tries)

    @property
    def discrimination(self) -> float | None:
        return discrimination(
            upper_correct=self.upper_correct,
            upper_tries=self.upper_tries,
            lower_correct=self.lower_correct,
            lower_tries=self.lower_tries,
        )

    @property
    def flags(self) -> tuple[str, ...]:
        return question_flags(self)

    @property
    def facility_label(self) -> str:
        return percent_label(self.facility)

    @property
    def discrimination_label(self) -> str:
        return discrimination_label(self.discrimination)


@dataclass(frozen=True)
class OptionPick:
    position: int
    text: str
    is_correct: bool
    is_active: bool
    picks: int
    percent: float | None  # of all the question's answers

    @property
    def letter(self) -> str:
        return option_letter(self.position)

    @property
    def percent_label(self) -> str:
        return percent_label(self.percent)


def group_size(students: int) -> int:
    """Return how many students each of the upper and lower groups holds (0 below two students)."""
    if students < 2:
        return 0
    return max(1, (students * GROUP_PERCENT + 50) // 100)


def student_groups(scores: Iterable[StudentScore]) -> tuple[frozenset[int], frozenset[int]]:
    """Return the user ids of the upper and the lower 27% of students by their first-try scores."""
    ranked = sorted(
        (score for score in scores if score.tries),
        key=lambda score: (-Fraction(score.correct, score.tries), -score.tries, score.user_id),
    )
    size = group_size(len(ranked))
    if not size:
        return frozenset(), frozenset()
    upper = frozenset(score.user_id for score in ranked[:size])
    lower = frozenset(score.user_id for score in ranked[-size:])
    return upper, lower


def facility(correct: int, tries: int) -> float | None:
    """Return the percentage of tries that were correct, or None without tries."""
    return 100 * correct / tries if tries else None


def discrimination(
    *, upper_correct: int, upper_tries: int, lower_correct: int, lower_tries: int
) -> float | None:
    """Return the upper group's share of correct first tries minus the lower group's, or None."""
    if not upper_tries or not lower_tries:
        return None
    return upper_correct / upper_tries - lower_correct / lower_tries


def question_flags(counts: ItemCounts) -> tuple[str, ...]:
    """Return the flags a question has earned, in the order of FLAGS."""
    if counts.first_tries < MIN_FIRST_TRIES:
        return ()
    facility_value, discrimination_value = counts.facility, counts.discrimination
    raised = {
        TOO_EASY: facility_value is not None and facility_value > TOO_EASY_ABOVE,
        TOO_HARD: facility_value is not None and facility_value < TOO_HARD_BELOW,
        NEGATIVE_DISCRIMINATION: discrimination_value is not None and discrimination_value < 0,
        UNUSED_DISTRACTOR: counts.unused_distractors > 0,
    }
    return tuple(flag for flag in FLAGS if raised[flag])


def pick_table(choices: Iterable[tuple[int, str, bool, bool, int]]) -> list[OptionPick]:
    """Return the options of one question, from (position, text, is_correct, is_active, picks) rows.

    Retired options appear only when someone picked them; percentages are of all the question's answers.
    """
    rows = [row for row in choices if row[3] or row[4]]
    total = sum(row[4] for row in rows)
    return [
        OptionPick(
            position=position,
            text=text,
            is_correct=is_correct,
            is_active=is_active,
            picks=picks,
            percent=100 * picks / total if total else None,
        )
        for position, text, is_correct, is_active, picks in sorted(rows, key=lambda row: row[0])
    ]


def option_letter(position: int) -> str:
    """Return the letter of an option by its stored position (0 is A), as the quiz labels them."""
    return chr(ord("A") + position)


def percent_label(value: float | None) -> str:
    """Write a percentage with one decimal, as the admin and the CSV show it; "" when unknown."""
    return "" if value is None else f"{value:.1f}"


def discrimination_label(value: float | None) -> str:
    """Write a discrimination index with two decimals; "" when unknown."""
    return "" if value is None else f"{value:.2f}"


MAX_LISTED_STUDENTS = 2000  # ids written into the SQL; beyond, the students stay a subquery


def answers_of(students: QuerySet[Any] | None) -> QuerySet[Answer]:
    """Return the answers of these students, or every answer when `students` is None.

    A class's or a teacher's students are read once (one query) and written into the SQL as ids: SQLite
    otherwise runs the students' subquery again inside each of the statistics' correlated subqueries,
    which made a class's CSV slower than the whole school's.
    """
    if students is None:
        return Answer.objects.all()
    ids = list(students.order_by().values_list("pk", flat=True)[: MAX_LISTED_STUDENTS + 1])
    if len(ids) > MAX_LISTED_STUDENTS:
        return Answer.objects.filter(user__in=students)
    return Answer.objects.filter(user_id__in=ids)


def first_try_scores(answers: QuerySet[Answer] | None = None) -> list[StudentScore]:
    """Return each student's count of first tries and of correct ones among `answers` (all), in one query."""
    rows = (
        (Answer.objects.all() if answers is None else answers)
        .filter(is_first_try=True)
        .values("user_id")
        .annotate(tries=Count("pk"), correct=Count("pk", filter=Q(is_correct=True)))
        .order_by()
    )
    return [StudentScore(row["user_id"], row["tries"], row["correct"]) for row in rows]


def with_statistics(
    questions: QuerySet[Question], students: QuerySet[Any] | None = None
) -> QuerySet[Question]:
    """Annotate questions with the counts of ItemCounts, `facility` and `discrimination` (one query first).

    Only the answers of `students` count (a teacher's classes, or one class), or every answer when None;
    reading those students takes a query first. The next query ranks the students. Each count is then a
    subquery of the question query, so a page of questions costs one query, and the database computes the
    counts of the rows it returns only (unless the list is sorted or filtered by them).
    """
    answers = answers_of(students)
    upper, lower = student_groups(first_try_scores(answers))
    upper_ids, lower_ids = sorted(upper), sorted(lower)
    unused = (
        Choice.objects.filter(question=OuterRef("pk"), is_correct=False, is_active=True)
        .filter(~Exists(answers.filter(choice=OuterRef("pk"))))
        .order_by()
        .values("question")
        .annotate(count=Count("pk"))
        .values("count")
    )
    last = answers.filter(question=OuterRef("pk")).order_by("-answered_at").values("answered_at")[:1]
    return questions.annotate(
        answer_count=_answers(answers),
        first_try_count=_answers(answers, is_first_try=True),
        first_correct_count=_answers(answers, is_first_try=True, is_correct=True),
        upper_try_count=_answers(answers, is_first_try=True, user_id__in=upper_ids),
        upper_correct_count=_answers(answers, is_first_try=True, is_correct=True, user_id__in=upper_ids),
        lower_try_count=_answers(answers, is_first_try=True, user_id__in=lower_ids),
        lower_correct_count=_answers(answers, is_first_try=True, is_correct=True, user_id__in=lower_ids),
        unused_distractor_count=Coalesce(Subquery(unused), Value(0)),
        last_answered=Subquery(last),
    ).annotate(
        facility=_share(F("first_correct_count"), F("first_try_count")) * 100,
        discrimination=_share(F("upper_correct_count"), F("upper_try_count"))
        - _share(F("lower_correct_count"), F("lower_try_count")),
    )


def _answers(answers: QuerySet[Answer], **conditions: Any) -> Coalesce:
    """Return a subquery counting the outer question's answers that meet the conditions."""
    matching = (
        answers.filter(question=OuterRef("pk"), **conditions)
        .order_by()
        .values("question")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(matching), Value(0))


def _share(part: F, whole: F) -> Any:
    """Return part / whole as a float expression, NULL when whole is 0."""
    return Cast(part, FloatField()) / NullIf(whole, Value(0))


def flagged(questions: QuerySet[Question], flag: str) -> QuerySet[Question]:
    """Filter questions annotated by `with_statistics` to those with a flag, as question_flags decides."""
    conditions = {
        TOO_EASY: Q(facility__gt=TOO_EASY_ABOVE),
        TOO_HARD: Q(facility__lt=TOO_HARD_BELOW),
        NEGATIVE_DISCRIMINATION: Q(discrimination__lt=0),
        UNUSED_DISTRACTOR: Q(unused_distractor_count__gt=0),
    }
    return questions.filter(conditions[flag], first_try_count__gte=MIN_FIRST_TRIES)


def item_counts(question: Question) -> ItemCounts:
    """Return the counts of a question annotated by `with_statistics`."""
    return ItemCounts(
        answered=question.answer_count,
        first_tries=question.first_try_count,
        first_correct=question.first_correct_count,
        upper_tries=question.upper_try_count,
        upper_correct=question.upper_correct_count,
        lower_tries=question.lower_try_count,
        lower_correct=question.lower_correct_count,
        unused_distractors=question.unused_distractor_count,
    )


def option_picks(
    question_ids: Iterable[int], students: QuerySet[Any] | None = None
) -> dict[int, list[OptionPick]]:
    """Return the pick table of each question, counting the answers of `students` (or all), in one query."""
    picked = Q() if students is None else Q(answers__user__in=students)
    rows = (
        Choice.objects.filter(question_id__in=list(question_ids))
        .annotate(picks=Count("answers", filter=picked))
        .values_list("question_id", "position", "text", "is_correct", "is_active", "picks")
        .order_by("question_id", "position")
    )
    by_question: dict[int, list[tuple[int, str, bool, bool, int]]] = {}
    for question_id, *row in rows:
        by_question.setdefault(question_id, []).append(tuple(row))  # type: ignore[arg-type]
    return {question_id: pick_table(choices) for question_id, choices in by_question.items()}


def hardest_questions(
    questions: QuerySet[Question], count: int = HARDEST_COUNT, students: QuerySet[Any] | None = None
) -> list[Question]:
    """Return the live questions of lowest facility among those with enough first tries to judge."""
    return list(
        with_statistics(questions.live(), students)
        .filter(first_try_count__gte=MIN_FIRST_TRIES)
        .order_by("facility", "-first_try_count", "pk")[:count]
    )


def hardest_chart(questions: Sequence[Question]) -> BarChart:
    """Lay out one bar per question, labelled by its id, on a 0–100% scale."""
    points = [
        (f"Q{question.pk}", round(item_counts(question).facility or 0.0, 1), question.stem)
        for question in questions
    ]
    return bar_chart(points, width=560, height=200, max_value=100)


EXPORT_HEADER = (
    "Question id",
    "Key",
    "Document",
    "Asks",
    "Question",
    "Active",
    "Enabled",
    "Answered",
    "First tries",
    "First tries correct",
    "Facility (%)",
    "Discrimination",
    "Flags",
    "Last answered",
)


def export_rows(
    questions: Iterable[Question], picks: dict[int, list[OptionPick]], *, options: int = 4
) -> Iterator[list[str]]:
    """Yield the CSV table of questions annotated by `with_statistics`: a header, then one row each."""
    letters = [option_letter(position) for position in range(options)]
    yield [*EXPORT_HEADER, *(f"Option {letter} picks" for letter in letters), "Correct option"]
    for question in questions:
        counts = item_counts(question)
        table = {pick.position: pick for pick in picks.get(question.pk, [])}
        correct = [option_letter(pick.position) for pick in table.values() if pick.is_correct]
        yield [
            str(question.pk),
            question.key,
            question.fact.document.title,
            question.asks,
            question.stem,
            _yes_no(question.is_active),
            _yes_no(question.is_enabled),
            str(counts.answered),
            str(counts.first_tries),
            str(counts.first_correct),
            percent_label(counts.facility),
            discrimination_label(counts.discrimination),
            "; ".join(counts.flags),
            _iso(question.last_answered),
            *(str(table[n].picks) if n in table else "" for n in range(options)),
            " ".join(correct),
        ]


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _iso(moment: datetime.datetime | None) -> str:
    return "" if moment is None else timezone.localtime(moment).isoformat(timespec="seconds")
