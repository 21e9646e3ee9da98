"""Time the teachers' admin pages on a large synthetic class, in a scratch database."""

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

from quiz.benchmarks.classroom import Classroom, classroom_seed
from quiz.benchmarks.corpus import write_corpus
from quiz.benchmarks.timing import DatabaseFactory, scratch_database
from quiz.content.collection import build_collection
from quiz.content.documents import read_documents
from quiz.models import Fact
from quiz.services.reload import content_reload

# Each page: a label, the admin URL name, and whether it takes the pk of a student.
PAGES = (
    ("student list", "admin:quiz_student_changelist", False),
    ("student detail", "admin:quiz_student_change", True),
    ("class progress charts", "admin:quiz_student_class_progress", False),
    ("student progress CSV", "admin:quiz_student_csv", False),
    ("question list", "admin:quiz_question_changelist", False),
    ("hardest questions chart", "admin:quiz_question_hardest", False),
    ("question statistics CSV", "admin:quiz_question_statistics_csv", False),
    ("document list", "admin:quiz_document_changelist", False),
)


@dataclass(frozen=True)
class PageTiming:
    label: str
    url: str
    status: int
    seconds: float  # the best of the runs
    queries: int
    size: int  # bytes of the response


@dataclass(frozen=True)
class AdminReport:
    facts: int
    classroom: Classroom
    database: str
    seed_seconds: float
    pages: tuple[PageTiming, ...]

    def lines(self) -> list[str]:
        """Return the report as a small table, one line per string."""
        lines = [
            f"Class: {self.classroom.students:,} students, {self.facts:,} facts, "
            f"{self.classroom.answers:,} answers in {self.classroom.attempts:,} attempts, "
            f"{self.classroom.card_states:,} card schedules (seeded in {self.seed_seconds:.1f} s)",
            f"Database: {self.database}",
            "",
            f"{'page':<26} {'status':>6} {'seconds':>8} {'queries':>8} {'KB':>8}",
        ]
        lines += [
            f"{p.label:<26} {p.status:>6} {p.seconds:>8.3f} {p.queries:>8} {p.size / 1000:>8.0f}"
            for p in self.pages
        ]
        return lines


def admin_benchmark(
    *,
    documents: int,
    students: int,
    answers: int,
    runs: int = 3,
    fresh_database: DatabaseFactory = scratch_database,
    on_page: Callable[[PageTiming], object] | None = None,
) -> AdminReport:
    """Load a synthetic corpus and class into a scratch database and time each admin page as a superuser."""
    with tempfile.TemporaryDirectory(prefix="quiz-bench-") as temporary:
        corpus = write_corpus(Path(temporary) / "seeds", documents=documents, seed=1)
        collection = build_collection(read_documents(corpus.directory))
    with fresh_database() as database:
        content_reload(collection=collection)
        start = time.perf_counter()
        classroom = classroom_seed(students=students, answers=answers)
        seed_seconds = time.perf_counter() - start
        admin = get_user_model().objects.create_superuser("bench-admin", password="bench-admin-password")
        client = Client()
        client.force_login(admin)
        student = get_user_model().objects.filter(is_staff=False).order_by("pk").first()
        pages = []
        with override_settings(ALLOWED_HOSTS=["testserver"]):  # the test client's host
            for label, name, per_student in PAGES:
                url = reverse(name, args=(student.pk,) if per_student else ())
                pages.append(_time_page(client, label, url, runs))
                if on_page is not None:
                    on_page(pages[-1])
        facts = Fact.objects.active().count()
    return AdminReport(facts, classroom, database, seed_seconds, tuple(pages))


def _time_page(client: Client, label: str, url: str, runs: int) -> PageTiming:
    best = float("inf")
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            content = b"".join(response) if response.streaming else response.content
            best = min(best, time.perf_counter() - start)
    return PageTiming(label, url, response.status_code, best, len(queries), len(content))
