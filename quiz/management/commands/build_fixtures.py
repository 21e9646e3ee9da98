"""Write the content fixture from the documents of the seeds directory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from quiz.content.collection import collection_from_directory
from quiz.content.documents import DocumentError
from quiz.services.fixtures import fixture_write
from quiz.services.rows import ContentError


class Command(BaseCommand):
    help = "Write a fixture with natural keys of the facts, questions and flashcards of the seed documents."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seeds", type=Path, default=settings.CONTENT_SEEDS_DIR, help="document folder")
        parser.add_argument("--output", type=Path, default=settings.CONTENT_FIXTURE, help="fixture to write")

    def handle(self, **options: Any) -> None:
        seeds, output = options["seeds"], options["output"]
        try:
            collection = collection_from_directory(seeds)
            fixture_write(collection=collection, path=output)
        except (DocumentError, ContentError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {len(collection.documents)} documents, {len(collection.facts)} facts, "
                f"{len(collection.questions)} questions and {len(collection.flashcards)} flashcards "
                f"to {output}"
            )
        )
        if collection.skipped or collection.left_out:
            self.stdout.write(
                f"Left out {_count(len(collection.skipped), 'date')} that could not be placed and "
                f"{_count(len(collection.left_out), 'fact')} not worth asking; "
                "the preview and content_report commands show why."
            )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
