"""Import a class roster from CSV: one student a line, `username` and optionally a new account's password.

Accounts that exist are added to the class as they are: a roster never changes an existing account's
password (only the student, or an administrator, does that). Accounts that do not exist are created with
the password of their line, which must pass AUTH_PASSWORD_VALIDATORS. Any bad line stops the whole import,
so nothing is written half-way.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from quiz.models import Membership, SchoolClass
from quiz.services.classes import learners_by_username

MAX_LINES = 2000

CREATED = "account created and added"
ADDED = "added"
ALREADY = "already in the class"
PASSWORD_KEPT = "added; the password column was ignored: the account exists and keeps its password"


@dataclass(frozen=True)
class RosterLine:
    number: int
    username: str
    password: str


@dataclass
class RosterReport:
    school_class: SchoolClass
    done: list[tuple[int, str, str]] = field(default_factory=list)  # (line, username, what happened)
    dry_run: bool = False

    def count(self, action: str) -> int:
        return sum(1 for _line, _name, what in self.done if what == action)

    def summary(self) -> str:
        created = self.count(CREATED)
        added = self.count(ADDED) + self.count(PASSWORD_KEPT)
        verb = "Would create" if self.dry_run else "Created"
        return (
            f"{verb} {created} account(s) and {'would add' if self.dry_run else 'added'} {added} existing "
            f"student(s) to {self.school_class.name}; {self.count(ALREADY)} already in it."
        )


class RosterError(Exception):
    """The roster has bad lines; nothing was imported."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def roster_lines(text: str) -> list[RosterLine]:
    """Read the CSV text into lines, skipping blank lines and a header line that starts with "username"."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    lines = []
    for number, cells in enumerate(rows, start=1):
        cells = [cell.strip() for cell in cells]
        if not any(cells):
            continue
        if number == 1 and cells[0].casefold() == "username":
            continue
        if len(cells) > 2:
            raise RosterError(
                [f"line {number}: expected a username and at most a password, got {len(cells)} cells"]
            )
        lines.append(RosterLine(number, cells[0], cells[1] if len(cells) > 1 else ""))
    if len(lines) > MAX_LINES:
        raise RosterError([f"a roster holds at most {MAX_LINES} students; this one has {len(lines)}"])
    return lines


def _problems(lines: list[RosterLine], existing: dict[str, Any]) -> list[str]:
    user_model = get_user_model()
    username_field = user_model._meta.get_field("username")
    problems: list[str] = []
    seen: dict[str, int] = {}
    for line in lines:
        where = f"line {line.number} ({line.username or 'no username'})"
        key = line.username.casefold()
        if key in seen:
            problems.append(f"{where}: the same username as line {seen[key]}")
            continue
        seen[key] = line.number
        try:
            username_field.clean(line.username, None)
        except ValidationError as error:
            problems.append(f"{where}: {' '.join(error.messages)}")
            continue
        user = existing.get(key)
        if user is not None:
            if user.is_staff or user.is_superuser:
                problems.append(f"{where}: a teacher's or administrator's account cannot be a student")
            continue
        if not line.password:
            problems.append(f"{where}: a new account needs a password in the second column")
            continue
        try:
            validate_password(line.password, user=user_model(username=line.username))
        except ValidationError as error:
            problems.append(f"{where}: {' '.join(error.messages)}")
    return problems


@transaction.atomic
def roster_import(*, school_class: SchoolClass, text: str, dry_run: bool = False) -> RosterReport:
    """Create the roster's missing accounts, put every listed student in the class, or raise RosterError."""
    lines = roster_lines(text)
    if not lines:
        raise RosterError(["the roster lists no students"])
    existing = learners_by_username(line.username for line in lines)
    problems = _problems(lines, existing)
    if problems:
        raise RosterError(problems)
    members = set(school_class.memberships.values_list("student_id", flat=True))
    report = RosterReport(school_class, dry_run=dry_run)
    for line in lines:
        user = existing.get(line.username.casefold())
        if user is None:
            action = CREATED
            if not dry_run:
                user = get_user_model().objects.create_user(username=line.username, password=line.password)
        elif user.pk in members:
            action = ALREADY
        else:
            action = PASSWORD_KEPT if line.password else ADDED
        if user is not None and action != ALREADY and not dry_run:
            Membership.objects.create(school_class=school_class, student=user)
        report.done.append((line.number, line.username, action))
    return report
