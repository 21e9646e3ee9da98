"""Time the teachers' admin pages on a large synthetic class in 40 classes, in a scratch database."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from quiz.benchmarks.classroom import Classroom, classes_seed, classroom_seed
from quiz.benchmarks.corpus import write_corpus
from quiz.benchmarks.timing import DatabaseFactory, scratch_database
from quiz.content.collection import build_collection
from quiz.content.documents import read_documents
from quiz.models import Fact, Student
from quiz.services.reload import content_reload

STUDENT, CLASS = "student", "class"


@dataclass(frozen=True)
class Page:
    label: str
    name: str  # the admin URL name
    arg: str = ""  # "student" or "class": the URL takes the pk of the first student or class
    narrowed: bool = False  # with ?class= the first class

    def url(self, *, student: int, school_class: int) -> str:
        args = {STUDENT: (student,), CLASS: (school_class,)}.get(self.arg, ())
        return reverse(self.name, args=args) + (f"?class={school_class}" if self.narrowed else "")


# Timed as a superuser, who sees every student.
PAGES = (
    Page("student list", "admin:quiz_student_changelist"),
    Page("student detail", "admin:quiz_student_change", STUDENT),
    Page("class progress charts", "admin:quiz_student_class_progress"),
    Page("student progress CSV", "admin:quiz_student_csv"),
    Page("question list", "admin:quiz_question_changelist"),
    Page("hardest questions chart", "admin:quiz_question_hardest"),
    Page("question statistics CSV", "admin:quiz_question_statistics_csv"),
    Page("document list", "admin:quiz_document_changelist"),
    Page("class list", "admin:quiz_schoolclass_changelist"),
    Page("class page", "admin:quiz_schoolclass_change", CLASS),
    Page("class status CSV", "admin:quiz_schoolclass_status_csv", CLASS),
)
# Timed as the teacher of the first class (and one more): their own students only.
TEACHER_PAGES = (
    Page("student list", "admin:quiz_student_changelist"),
    Page("student list of a class", "admin:quiz_student_changelist", narrowed=True),
    Page("student progress CSV", "admin:quiz_student_csv"),
    Page("class progress of a class", "admin:quiz_student_class_progress", narrowed=True),
    Page("question list of a class", "admin:quiz_question_changelist", narrowed=True),
    Page("hardest questions of a class", "admin:quiz_question_hardest", narrowed=True),
    Page("statistics CSV of a class", "admin:quiz_question_statistics_csv", narrowed=True),
    Page("class list", "admin:quiz_schoolclass_changelist"),
    Page("class page", "admin:quiz_schoolclass_change", CLASS),
    Page("class status CSV", "admin:quiz_schoolclass_status_csv", CLASS),
)


@dataclass(frozen=True)
class PageTiming:
    label: str  # ends with "(teacher)" for the pages timed as a teacher
    url: str
    status: int
    seconds: float  # the best of the runs
    queries: int
    size: int  # bytes of the response


@dataclass(frozen=True)
class AdminReport:
    facts: int
    classroom: Classroom
    classes: int
    database: str
    seed_seconds: float
    pages: tuple[PageTiming, ...]

    def lines(self) -> list[str]:
        """Return the report as a small table, one line per string."""
        lines = [
            f"Class: {self.classroom.students:,} students, {self.facts:,} facts, "
            f"{self.classroom.answers:,} answers in {self.classroom.attempts:,} attempts, "
            f"{self.classroom.card_states:,} card schedules, {self.classes} classes "
            f"(seeded in {self.seed_seconds:.1f} s)",
            f"Database: {self.database}",
            "",
            f"{'page':<40} {'status':>6} {'seconds':>8} {'queries':>8} {'KB':>8}",
        ]
        lines += [
            f"{p.label:<40} {p.status:>6} {p.seconds:>8.3f} {p.queries:>8} {p.size / 1000:>8.0f}"
            for p in self.pages
        ]
        return lines


def admin_benchmark(
    *,
    documents: int,
    students: int,
    answers: int,
    classes: int = 40,
    runs: int = 3,
    fresh_database: DatabaseFactory = scratch_database,
    on_page: Callable[[PageTiming], object] | None = None,
) -> AdminReport:
    """Load a synthetic corpus, class and classes into a scratch database and time each admin page.

    PAGES are timed as a superuser, TEACHER_PAGES as the teacher of the first class.
    """
    with tempfile.TemporaryDirectory(prefix="quiz-bench-") as temporary:
        corpus = write_corpus(Path(temporary) / "seeds", documents=documents, seed=1)
        collection = build_collection(read_documents(corpus.directory))
    with fresh_database() as database:
        content_reload(collection=collection)
        start = time.perf_counter()
        classroom = classroom_seed(students=students, answers=answers)
        first_class = classes_seed(classes=classes)[0]
        seed_seconds = time.perf_counter() - start
        admin = get_user_model().objects.create_superuser("bench-admin", password="bench-admin-password")
        student = Student.objects.in_class(first_class.pk).order_by("pk").first()
        ids = {"student": student.pk, "school_class": first_class.pk}
        pages = []
        with override_settings(ALLOWED_HOSTS=["testserver"]):  # the test client's host
            for user, suffix, table in (
                (admin, "", PAGES),
                (first_class.teachers.get(), " (teacher)", TEACHER_PAGES),
            ):
                client = Client()
                client.force_login(user)
                for page in table:
                    pages.append(_time_page(client, page.label + suffix, page.url(**ids), runs))
                    if on_page is not None:
                        on_page(pages[-1])
        facts = Fact.objects.active().count()
    return AdminReport(facts, classroom, classes, database, seed_seconds, tuple(pages))


def _time_page(client: Client, label: str, url: str, runs: int) -> PageTiming:
    best = float("inf")
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            content = b"".join(response) if response.streaming else response.content
            best = min(best, time.perf_counter() - start)
    return PageTiming(label, url, response.status_code, best, len(queries), len(content))
