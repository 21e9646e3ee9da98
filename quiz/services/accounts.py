"""Demo accounts, so a fresh site can be tried as a student and as a teacher."""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction

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
