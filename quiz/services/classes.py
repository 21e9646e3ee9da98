"""Joining and leaving classes, and teachers adding their students to one."""

from __future__ import annotations

import operator
from collections.abc import Iterable
from functools import reduce
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from quiz.models import Membership, SchoolClass, Student, join_code_normalise
from quiz.models.classes import JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH

UNKNOWN_CODE = (
    "No class has that code. Check it with your teacher: "
    "a code stops working when the teacher makes a new one."
)


def class_for_code(typed: str) -> SchoolClass:
    """Return the class whose join code was typed, or raise ValidationError with a message for the student."""
    code = join_code_normalise(typed)
    if len(code) != JOIN_CODE_LENGTH or any(letter not in JOIN_CODE_ALPHABET for letter in code):
        raise ValidationError(
            f"A join code has {JOIN_CODE_LENGTH} letters and digits, such as ABCD-EF34. {UNKNOWN_CODE}",
            code="malformed",
        )
    school_class = SchoolClass.objects.filter(join_code=code).first()
    if school_class is None:
        raise ValidationError(UNKNOWN_CODE, code="unknown")
    return school_class


@transaction.atomic
def class_join(*, user: Any, code: str) -> tuple[SchoolClass, bool]:
    """Put the student in the class of the join code; return it and whether they were not in it already."""
    if user.is_staff or user.is_superuser:
        raise ValidationError("Teachers and administrators cannot join a class as a student.", code="staff")
    school_class = class_for_code(code)
    _membership, joined = Membership.objects.get_or_create(school_class=school_class, student=user)
    return school_class, joined


def class_leave(*, user: Any, class_id: int) -> SchoolClass | None:
    """Take the student out of the class; return it, or None if they were not in it."""
    membership = Membership.objects.filter(student=user, school_class_id=class_id).select_related(
        "school_class"
    )
    first = membership.first()
    if first is None:
        return None
    first.delete()
    return first.school_class


def learners_by_username(usernames: Iterable[str]) -> dict[str, Student]:
    """Return the users with these usernames, in any letter case, by casefolded username, in one query."""
    wanted = {name.strip() for name in usernames if name.strip()}
    if not wanted:
        return {}
    # Usernames are unique whatever their letter case: the sign-up form refuses "Ada" next to "ada".
    matches = reduce(operator.or_, (Q(username__iexact=name) for name in wanted))
    return {student.username.casefold(): student for student in Student.objects.filter(matches)}


@transaction.atomic
def students_add(*, school_class: SchoolClass, students: Iterable[Student]) -> int:
    """Add the students to the class; return how many were not in it yet."""
    before = school_class.memberships.count()
    Membership.objects.bulk_create(
        [Membership(school_class=school_class, student=student) for student in students],
        ignore_conflicts=True,
    )
    return school_class.memberships.count() - before
