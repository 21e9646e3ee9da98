"""Accounts: the demo student and teacher, and the temporary passwords teachers give students."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from axes.utils import reset as axes_reset
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from quiz.models import Assignment, Document, Membership, SchoolClass, TemporaryPassword
from quiz.usernames import lookalike_of


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    is_staff: bool
    created: bool = False  # False: the account existed and was reset


TEACHERS_GROUP = "Teachers"  # created with its permissions by migration quiz 0004_teachers_group

DEMO_ACCOUNTS = (
    DemoAccount(username="student", password="student-dates-2026", is_staff=False),
    DemoAccount(username="teacher", password="teacher-dates-2026", is_staff=True),
)


@transaction.atomic
def demo_accounts_ensure() -> list[DemoAccount]:
    """Create the demo student and teacher, or reset their password and flags, and return them.

    Raise ValidationError, changing nothing, if another user's name looks like a demo username.
    """
    user_model = get_user_model()
    teachers = Group.objects.filter(name=TEACHERS_GROUP).first()
    ensured = []
    for account in DEMO_ACCOUNTS:
        same = user_model.objects.filter(username=account.username).values_list("pk", flat=True).first()
        lookalike = lookalike_of(account.username, exclude_pk=same)
        if lookalike is not None:
            raise ValidationError(
                f"The demo username {account.username} looks like the existing user {lookalike}: "
                "rename or delete that user first.",
                code="username_confusable",
            )
        user, created = user_model.objects.get_or_create(username=account.username)
        user.set_password(account.password)
        user.is_active = True
        user.is_staff = account.is_staff
        user.is_superuser = False  # a demo password is printed on every `make run`
        user.save()
        if teachers is not None:
            if account.is_staff:
                user.groups.add(teachers)
            else:
                user.groups.remove(teachers)
        ensured.append(replace(account, created=created))
    return ensured


@transaction.atomic
def temporary_password_set(*, student: User, password: str, teacher: User) -> TemporaryPassword:
    """Give the student a password to change at their next sign-in, and lift their sign-in lock-outs.

    Changing the password also ends every session the student has open, so the next page they open asks
    them to sign in, with this password.
    """
    student.set_password(password)
    student.save(update_fields=["password"])
    axes_reset(username=student.get_username())  # the teacher has just given them a password that works
    record, _ = TemporaryPassword.objects.update_or_create(
        user=student, defaults={"set_by": teacher, "set_at": timezone.now()}
    )
    return record


def password_change_required(*, user: User) -> bool:
    """Return whether the user signs in with a temporary password that they must change."""
    return TemporaryPassword.objects.filter(user=user).exists()


def temporary_password_clear(*, user: User) -> None:
    """Forget the user's temporary password, once they have chosen their own."""
    TemporaryPassword.objects.filter(user=user).delete()


DEMO_CLASS = "Demo class"
DEMO_ASSIGNMENTS = 2  # the first documents by title, due in one and in two weeks


@transaction.atomic
def demo_class_ensure() -> SchoolClass:
    """Create the demo teacher's demo class with the demo student in it and two documents assigned.

    Run after demo_accounts_ensure. The join code is kept from one run to the next; assignments are added
    only while the class has none, so a teacher's changes to them stay.
    """
    user_model = get_user_model()
    teacher = user_model.objects.get(username="teacher")
    student = user_model.objects.get(username="student")
    school_class, _created = SchoolClass.objects.get_or_create(
        name=DEMO_CLASS,
        created_by=teacher,
        defaults={"description": "Made by manage.py demo_accounts for trying the site out."},
    )
    school_class.teachers.add(teacher)
    Membership.objects.get_or_create(school_class=school_class, student=student)
    if not school_class.assignments.exists():
        today = timezone.localdate()
        documents = Document.objects.active().order_by("title", "key")[:DEMO_ASSIGNMENTS]
        Assignment.objects.bulk_create(
            Assignment(
                school_class=school_class, document=document, due_date=today + datetime.timedelta(weeks=n)
            )
            for n, document in enumerate(documents, start=1)
        )
    return school_class
