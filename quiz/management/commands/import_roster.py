"""Import a class roster from CSV: create the missing accounts and put every listed student in the class."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from quiz.models import SchoolClass
from quiz.services.roster import RosterError, roster_import


class Command(BaseCommand):
    help = (
        "Import a CSV roster (username, optionally a password for a new account) into the class with this "
        "id. Nothing is written if any line is wrong."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("class_id", type=int, help="the class's id, as in its admin page's address")
        parser.add_argument("roster", type=Path, help="the CSV file, UTF-8")
        parser.add_argument(
            "--dry-run", action="store_true", help="print what would be done and change nothing"
        )

    def handle(self, *, class_id: int, roster: Path, dry_run: bool, **_options: Any) -> None:
        school_class = SchoolClass.objects.filter(pk=class_id).first()
        if school_class is None:
            raise CommandError(f"No class has the id {class_id}.")
        try:
            text = roster.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {roster}: {error}") from None
        try:
            report = roster_import(school_class=school_class, text=text, dry_run=dry_run)
        except RosterError as error:
            raise CommandError("Nothing was imported:\n" + "\n".join(error.problems)) from None
        for line, username, action in report.done:
            self.stdout.write(f"line {line}: {username}: {action}")
        self.stdout.write(self.style.SUCCESS(report.summary()))
