"""Create or reset the demo student and teacher and print how to sign in as them."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from quiz.services.accounts import demo_accounts_ensure, demo_class_ensure


class Command(BaseCommand):
    help = (
        "Create or reset the demo accounts 'student' and 'teacher' and print their passwords, and make the "
        "teacher's demo class with the student in it and print its join code."
    )

    def handle(self, **_options: Any) -> None:
        try:
            accounts = demo_accounts_ensure()
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        for account in accounts:
            role = "teacher (staff, can sign in to the admin)" if account.is_staff else "student"
            action = "created" if account.created else "reset"
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo {role}: username {account.username} password {account.password} ({action})"
                )
            )
        school_class = demo_class_ensure()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo class: {school_class.name}, join code {school_class.join_code}, taught by teacher, "
                f"with student in it and {school_class.assignments.count()} documents assigned"
            )
        )
