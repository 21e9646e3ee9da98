"""Load the documents of the seeds directory into the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from quiz.content.collection import collection_from_directory
from quiz.content.documents import DocumentError
from quiz.services.reload import content_reload
from quiz.services.rows import ContentError


class Command(BaseCommand):
    help = "Add, update and retire documents, facts, questions and flashcards to match the seed documents."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seeds", type=Path, default=settings.CONTENT_SEEDS_DIR, help="document folder")
        parser.add_argument("--dry-run", action="store_true", help="report the changes, then roll them back")

    def handle(self, **options: Any) -> None:
        seeds, dry_run = options["seeds"], options["dry_run"]
        try:
            collection = collection_from_directory(seeds)
            summary = content_reload(collection=collection, dry_run=dry_run)
        except (DocumentError, ContentError) as error:
            raise CommandError(str(error)) from error
        for name, counts in summary.counts.items():
            self.stdout.write(
                f"{name}: {counts.added} added, {counts.updated} updated, "
                f"{counts.unchanged} unchanged, {counts.retired} retired"
            )
        if dry_run:
            self.stdout.write(self.style.WARNING("Dry run: nothing was saved."))
        elif summary.changed:
            self.stdout.write(self.style.SUCCESS("Content reloaded."))
        else:
            self.stdout.write(self.style.SUCCESS("Content already up to date."))
