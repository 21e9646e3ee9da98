"""Show what the content pipeline makes of some documents, without touching the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from quiz.content.collection import build_collection
from quiz.content.documents import DocumentError, read_document
from quiz.services.preview import preview_json_lines, preview_text


class Command(BaseCommand):
    help = "Print the facts, questions, flashcards and left-out dates found in documents."
    requires_system_checks = ()  # nothing to check: the preview never touches the database

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path, help="document files to read")
        parser.add_argument("--json", action="store_true", help="print JSON Lines, one object per line")

    def handle(self, **options: Any) -> None:
        try:
            documents = [read_document(path) for path in options["files"]]
        except DocumentError as error:
            raise CommandError(str(error)) from error
        except OSError as error:
            raise CommandError(f"{error.filename}: {error.strerror}") from error
        render = preview_json_lines if options["json"] else preview_text
        for line in render(build_collection(documents)):
            self.stdout.write(line)
