"""How far each student is with each document assigned to their class.

For a document in the collection, the questions counted are its live ones and the flashcards its active
cards of active facts. For a document a reload retired, all of its questions and cards count, so the work
done before it was retired still shows. A student's status for an assignment is:

- not started: no answer to any of the document's questions and no schedule of any of its cards;
- mastered: every counted card is in the review stage (mastery 100%), at least one card;
- in progress: anything between.

Every figure is counted by the database in a fixed number of queries, whatever the number of classes,
students, assignments and answers.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import Count, Q, QuerySet

from quiz.models import Answer, Assignment, CardStage, CardState, Document, SchoolClass, Student


class Status(models.TextChoices):
    NOT_STARTED = "not started", "not started"
    IN_PROGRESS = "in progress", "in progress"
    MASTERED = "mastered", "mastered"


@dataclass(frozen=True)
class Progress:
    """One student's figures for one assigned document."""

    answered: int  # distinct counted questions answered
    questions: int
    mastered: int
    cards: int
    started: bool  # any answer or card schedule in the document

    @property
    def mastery(self) -> int:
        """Return the percentage of counted cards mastered, rounded down as everywhere else."""
        return 100 * self.mastered // self.cards if self.cards else 0

    @property
    def status(self) -> Status:
        if self.cards and self.mastered >= self.cards:
            return Status.MASTERED
        return Status.IN_PROGRESS if self.started else Status.NOT_STARTED


@dataclass(frozen=True)
class Row:
    assignment: Assignment
    progress: Progress
    overdue: bool  # past its due date and not mastered

    @property
    def is_retired(self) -> bool:
        return not self.assignment.document.is_active


def _counted_question(path: str) -> Q:
    """Return the condition that makes the question at `path` count for its document."""
    retired = Q(**{f"{path}__fact__document__is_active": False})
    live = {f"{path}__is_active": True, f"{path}__is_enabled": True, f"{path}__fact__is_active": True}
    return retired | Q(**live)


def _counted_card(path: str) -> Q:
    """Return the condition that makes the flashcard at `path` count for its document."""
    retired = Q(**{f"{path}__fact__document__is_active": False})
    return retired | Q(**{f"{path}__is_active": True, f"{path}__fact__is_active": True})


def document_totals(document_ids: Iterable[int]) -> dict[int, tuple[int, int]]:
    """Return (counted questions, counted cards) of each document, in one query."""
    return {
        row[0]: (row[1], row[2])
        for row in Document.objects.filter(pk__in=list(document_ids))
        .annotate(
            question_count=Count(
                "facts__questions",
                filter=Q(is_active=False)
                | Q(
                    facts__is_active=True, facts__questions__is_active=True, facts__questions__is_enabled=True
                ),
                distinct=True,
            ),
            card_count=Count(
                "facts__flashcards",
                filter=Q(is_active=False) | Q(facts__is_active=True, facts__flashcards__is_active=True),
                distinct=True,
            ),
        )
        .values_list("pk", "question_count", "card_count")
        .order_by()
    }


def student_counts(
    students: QuerySet[Any], document_ids: Sequence[int]
) -> dict[tuple[int, int], tuple[int, int, bool]]:
    """Return (answered, mastered, started) per (student id, document id), in two queries."""
    counts: dict[tuple[int, int], tuple[int, int, bool]] = {}
    answers = (
        Answer.objects.filter(user__in=students, question__fact__document__in=document_ids)
        .values("user", "question__fact__document")
        .annotate(
            answered=Count("question", filter=_counted_question("question"), distinct=True),
            given=Count("pk"),
        )
        .order_by()
    )
    for row in answers:
        counts[(row["user"], row["question__fact__document"])] = (row["answered"], 0, row["given"] > 0)
    states = (
        CardState.objects.filter(user__in=students, flashcard__fact__document__in=document_ids)
        .values("user", "flashcard__fact__document")
        .annotate(mastered=Count("pk", filter=Q(stage=CardStage.REVIEW) & _counted_card("flashcard")))
        .order_by()
    )
    for row in states:
        key = (row["user"], row["flashcard__fact__document"])
        answered = counts.get(key, (0, 0, False))[0]
        counts[key] = (answered, row["mastered"], True)
    return counts


def _progress(totals: tuple[int, int], counts: tuple[int, int, bool]) -> Progress:
    questions, cards = totals
    answered, mastered, started = counts
    return Progress(answered=answered, questions=questions, mastered=mastered, cards=cards, started=started)


NOTHING = (0, 0, False)


def student_assignments(*, user: Any, today: datetime.date) -> list[Row]:
    """Return the assignments of the student's classes with their progress, the soonest due first."""
    assignments = list(
        Assignment.objects.filter(school_class__in=SchoolClass.objects.joined_by(user)).select_related(
            "document", "school_class"
        )
    )
    documents = sorted({assignment.document_id for assignment in assignments})
    if not documents:
        return []
    totals = document_totals(documents)
    counts = student_counts(Student.objects.filter(pk=user.pk), documents)
    rows = []
    for assignment in assignments:
        key = (user.pk, assignment.document_id)
        progress = _progress(totals[assignment.document_id], counts.get(key, NOTHING))
        overdue = assignment.is_overdue(today) and progress.status != Status.MASTERED
        rows.append(Row(assignment, progress, overdue))
    return rows


@dataclass(frozen=True)
class ClassTable:
    """Each student's progress in each assignment of one class."""

    assignments: list[Assignment]
    students: list[Student]
    cells: dict[tuple[int, int], Progress]  # by (student id, assignment id)

    def rows(self) -> Iterator[tuple[Student, list[Progress]]]:
        for student in self.students:
            yield student, [self.cells[(student.pk, assignment.pk)] for assignment in self.assignments]

    def summary(self) -> Iterator[tuple[Assignment, dict[Status, int]]]:
        """Yield each assignment with how many students are at each status."""
        for assignment in self.assignments:
            tally = dict.fromkeys(Status, 0)
            for student in self.students:
                tally[self.cells[(student.pk, assignment.pk)].status] += 1
            yield assignment, tally


def class_table(school_class: SchoolClass) -> ClassTable:
    """Return every student's progress in every assignment of the class, in five queries."""
    assignments = list(school_class.assignments.select_related("document"))
    members = Student.objects.in_class(school_class.pk).order_by("username")
    students = list(members)
    documents = sorted({assignment.document_id for assignment in assignments})
    totals = document_totals(documents) if documents else {}
    counts = student_counts(members, documents) if documents and students else {}
    cells = {
        (student.pk, assignment.pk): _progress(
            totals[assignment.document_id], counts.get((student.pk, assignment.document_id), NOTHING)
        )
        for student in students
        for assignment in assignments
    }
    return ClassTable(assignments, students, cells)


CSV_HEADER = (
    "class",
    "document",
    "document retired",
    "due date",
    "username",
    "status",
    "questions answered",
    "questions",
    "mastered cards",
    "cards",
    "mastery (%)",
)


def export_rows(school_class: SchoolClass, table: ClassTable) -> Iterator[tuple[Any, ...]]:
    """Yield the CSV header, then one row per assignment and student."""
    yield CSV_HEADER
    for assignment in table.assignments:
        for student in table.students:
            progress = table.cells[(student.pk, assignment.pk)]
            yield (
                school_class.name,
                assignment.document.title,
                "no" if assignment.document.is_active else "yes",
                assignment.due_date.isoformat() if assignment.due_date else "",
                student.username,
                progress.status.value,
                progress.answered,
                progress.questions,
                progress.mastered,
                progress.cards,
                progress.mastery,
            )
