"""Report what students would read from some documents: facts asked and left out, and the defects."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from quiz.content.collection import build_collection
from quiz.content.documents import DocumentError, read_document, read_documents
from quiz.services.content_report import content_report, report_lines, review_sample


class Command(BaseCommand):
    help = "Count the facts asked and left out (by reason), the questions and cards, and their defects."
    requires_system_checks = ()  # the report never touches the database

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", type=Path, help="documents or folders (default: the seeds)")
        parser.add_argument("--json", action="store_true", help="print the report as one JSON object")
        parser.add_argument(
            "--sample",
            type=int,
            metavar="N",
            help="instead, print N random items (one in four a flashcard) for a teacher to rate",
        )
        parser.add_argument("--seed", type=int, default=1, help="which random sample (default 1)")

    def handle(self, **options: Any) -> None:
        paths = options["paths"] or [Path(settings.CONTENT_SEEDS_DIR)]
        try:
            documents = [
                doc
                for path in paths
                for doc in (read_documents(path) if path.is_dir() else [read_document(path)])
            ]
        except DocumentError as error:
            raise CommandError(str(error)) from error
        collection = build_collection(documents)
        if options["sample"] is not None:
            if options["sample"] < 1:
                raise CommandError("--sample needs a number of items of at least 1")
            for line in review_sample(collection, size=options["sample"], seed=options["seed"]):
                self.stdout.write(line)
            return
        report = content_report(collection)
        if options["json"]:
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
            return
        for line in report_lines(report):
            self.stdout.write(line)
