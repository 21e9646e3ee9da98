"""Time the teachers' admin pages on a large synthetic class."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from quiz.benchmarks.admin_pages import admin_benchmark
from quiz.management.commands.bench_content import positive_int


class Command(BaseCommand):
    help = (
        "Load a synthetic corpus, class and classes into a new scratch database and time each admin page "
        "as a superuser and as the teacher of one class (the best of three). The configured database is "
        "not touched."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--documents", type=positive_int, default=40, help="documents (about 26 facts each)"
        )
        parser.add_argument("--students", type=positive_int, default=1000, help="students in the class")
        parser.add_argument("--answers", type=positive_int, default=200_000, help="answers in all")
        parser.add_argument("--classes", type=positive_int, default=40, help="classes the students are in")

    def handle(self, **options: Any) -> None:
        self.stdout.write(
            f"Seeding {options['students']:,} students in {options['classes']} classes with "
            f"{options['answers']:,} answers over {options['documents']:,} documents..."
        )
        report = admin_benchmark(
            documents=options["documents"],
            students=options["students"],
            answers=options["answers"],
            classes=options["classes"],
            on_page=lambda page: self.stdout.write(f"  {page.label}: {page.seconds:.3f} s"),
        )
        self.stdout.write("")
        for line in report.lines():
            self.stdout.write(line)
        failed = [page for page in report.pages if page.status != 200]
        if failed:
            self.stderr.write(
                f"{len(failed)} pages did not answer 200: " + ", ".join(p.label for p in failed)
            )
        else:
            self.stdout.write(self.style.SUCCESS("Every page answered 200."))
