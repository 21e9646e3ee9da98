"""Time the content pipeline, the fixture and the reload on a synthetic corpus."""

from __future__ import annotations

import argparse
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from quiz.benchmarks.timing import content_benchmark


def positive_int(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


class Command(BaseCommand):
    help = (
        "Generate a synthetic corpus in a temporary directory and time the pipeline, fixture_write, "
        "two reloads and loaddata on a new scratch database. The configured database is not touched."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--documents", type=positive_int, default=1000, help="documents to generate")
        parser.add_argument("--seed", type=int, default=1, help="seed of the corpus generator")

    def handle(self, **options: Any) -> None:
        documents, seed = options["documents"], options["seed"]
        self.stdout.write(f"Generating {documents:,} documents (seed {seed}) and timing each step...")
        report = content_benchmark(
            documents=documents,
            seed=seed,
            on_step=lambda step: self.stdout.write(f"  {step.label}: {step.seconds:.2f} s"),
        )
        self.stdout.write("")
        for line in report.lines():
            self.stdout.write(line)
