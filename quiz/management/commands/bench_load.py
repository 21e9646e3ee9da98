"""Measure the site under load with wrk: hello, the home page, a quiz page and the two POSTs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from quiz.benchmarks.load import LoadOptions, load_benchmark
from quiz.benchmarks.server import engine
from quiz.management.commands.bench_content import positive_int


class Command(BaseCommand):
    help = (
        "Seed a scratch database, serve it with gunicorn and production settings on loopback, and "
        "measure each endpoint with wrk. The configured database is not touched."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seconds", type=positive_int, default=10, help="measured seconds per endpoint")
        parser.add_argument("--warmup", type=positive_int, default=2, help="seconds of warm-up per endpoint")
        parser.add_argument("--connections", type=positive_int, default=32, help="open connections")
        parser.add_argument("--workers", type=positive_int, help="gunicorn workers (default: its own)")
        parser.add_argument("--documents", type=positive_int, default=40, help="documents (~26 facts each)")
        parser.add_argument("--students", type=positive_int, default=200, help="students with history")
        parser.add_argument("--answers", type=positive_int, default=20_000, help="answers of their history")
        parser.add_argument("--seed", type=int, default=1, help="seed of the corpus and the class")
        parser.add_argument(
            "--open-rate", type=int, default=100, help="answer POSTs a second of the open loop (0: none)"
        )
        parser.add_argument("--open-seconds", type=positive_int, default=20, help="seconds of the open loop")
        parser.add_argument("--output", type=Path, help="JSON file (default: bench/load-<engine>.json)")

    def handle(self, **options: Any) -> None:
        if shutil.which("wrk") is None:
            raise CommandError("wrk is not installed: apt-get install wrk")
        output = options.pop("output") or settings.BASE_DIR / "bench" / f"load-{engine()}.json"
        fields = LoadOptions.__dataclass_fields__
        load = LoadOptions(**{name: value for name, value in options.items() if name in fields})
        report = load_benchmark(load, on_progress=self.stdout.write)
        self.stdout.write("")
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write("")
        for aim, met in report.aims().items():
            self.stdout.write(
                self.style.SUCCESS(f"met: {aim}") if met else self.style.ERROR(f"NOT met: {aim}")
            )
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(json.dumps(report.as_dict(), indent=2) + "\n")
        self.stdout.write(f"Figures written to {output}")
