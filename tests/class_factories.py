"""Small builders of teachers, classes, memberships and assignments for tests."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth.models import Group

from quiz.models import Assignment, Document, Membership, SchoolClass, Student
from quiz.services.accounts import TEACHERS_GROUP
from tests.learning_factories import make_user


def make_teacher(username: str) -> Any:
    """Create a teacher as quiz.services.accounts does: staff, in the Teachers group."""
    user = make_user(username, is_staff=True)
    user.groups.add(Group.objects.get(name=TEACHERS_GROUP))
    return user


def make_class(name: str, *, teachers: tuple[Any, ...] = (), students: tuple[Any, ...] = ()) -> SchoolClass:
    """Create a class taught by `teachers` (the first is its creator) with `students` in it."""
    school_class = SchoolClass.objects.create(name=name, created_by=teachers[0] if teachers else None)
    school_class.teachers.set(teachers)
    Membership.objects.bulk_create(Membership(school_class=school_class, student=user) for user in students)
    return school_class


def make_assignment(
    school_class: SchoolClass, document: Document, *, due: datetime.date | None = None
) -> Assignment:
    return Assignment.objects.create(school_class=school_class, document=document, due_date=due)


class TeacherOfEveryone:
    """The test client of a teacher whose class holds every learner at the time of each request.

    For tests of the figures on teachers' pages; which students a teacher sees is tested in
    tests/test_admin_scope.py.
    """

    def __init__(self, client: Any, school_class: SchoolClass) -> None:
        self.client, self.school_class = client, school_class

    def enrol(self) -> None:
        Membership.objects.bulk_create(
            (Membership(school_class=self.school_class, student=user) for user in Student.objects.learners()),
            ignore_conflicts=True,
        )

    def get(self, *args: Any, **kwargs: Any) -> Any:
        self.enrol()
        return self.client.get(*args, **kwargs)

    def post(self, *args: Any, **kwargs: Any) -> Any:
        self.enrol()
        return self.client.post(*args, **kwargs)
