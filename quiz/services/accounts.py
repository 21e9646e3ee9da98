"""Demo accounts, so a fresh site can be tried as a student and as a teacher."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from quiz.models import Assignment, Document, Membership, SchoolClass


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
    """Create the demo student and teacher, or reset their password and flags, and return them."""
    user_model = get_user_model()
    teachers = Group.objects.filter(name=TEACHERS_GROUP).first()
    ensured = []
    for account in DEMO_ACCOUNTS:
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
