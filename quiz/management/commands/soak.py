"""Soak the site: answers from many connections while content is reloaded and a worker is killed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections

from quiz.benchmarks.server import engine
from quiz.benchmarks.soak import SoakOptions, soak_test
from quiz.management.commands.bench_content import positive_int


class Command(BaseCommand):
    help = (
        "Seed a scratch database, serve it with gunicorn and production settings on loopback, and submit "
        "answers from many connections while reloading content and killing a worker; then check the "
        "database. Exits non-zero if a check fails. The configured database is not touched."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seconds", type=positive_int, default=30, help="seconds of load")
        parser.add_argument("--connections", type=positive_int, default=64, help="client connections")
        parser.add_argument("--workers", type=positive_int, help="gunicorn workers (default: its own)")
        parser.add_argument("--documents", type=positive_int, default=40, help="documents (~26 facts each)")
        parser.add_argument("--students", type=positive_int, default=256, help="students with history")
        parser.add_argument("--answers", type=positive_int, default=20_000, help="answers of their history")
        parser.add_argument(
            "--slow-clients",
            type=int,
            default=100,
            help="connections held open with half a request header throughout (0: none)",
        )
        parser.add_argument("--seed", type=int, default=1, help="seed of the corpus, class and answers")
        parser.add_argument("--output", type=Path, help="JSON file (default: bench/soak-<engine>.json)")
        parser.add_argument(
            "--skip-unreachable",
            action="store_true",
            help="when the database server cannot be reached, say so and exit 0",
        )

    def handle(self, **options: Any) -> None:
        try:
            connections[DEFAULT_DB_ALIAS].ensure_connection()
        except OperationalError as error:
            message = f"the {engine()} database cannot be reached ({str(error).strip()})"
            if options["skip_unreachable"]:
                self.stdout.write(self.style.WARNING(f"Soak skipped: {message}."))
                return
            raise CommandError(f"No soak: {message}.") from error
        output = options["output"] or settings.BASE_DIR / "bench" / f"soak-{engine()}.json"
        fields = SoakOptions.__dataclass_fields__
        report = soak_test(
            SoakOptions(**{name: value for name, value in options.items() if name in fields}),
            on_progress=self.stdout.write,
        )
        for line in report.lines():
            self.stdout.write(line)
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(json.dumps(report.as_dict(), indent=2, default=str) + "\n")
        self.stdout.write(f"Figures written to {output}")
        checks = report.checks()
        for name, passed in checks.items():
            style = self.style.SUCCESS if passed else self.style.ERROR
            self.stdout.write(style(f"{'pass' if passed else 'FAIL'}: {name}"))
        failed = [name for name, passed in checks.items() if not passed]
        if failed:
            raise CommandError(f"{len(failed)} of {len(checks)} checks failed: " + "; ".join(failed))
