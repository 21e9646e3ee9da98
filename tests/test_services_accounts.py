from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password

from quiz.models import TemporaryPassword
from quiz.services.accounts import (
    DEMO_ACCOUNTS,
    TEACHERS_GROUP,
    demo_accounts_ensure,
    password_change_required,
    temporary_password_clear,
    temporary_password_set,
)

pytestmark = pytest.mark.django_db


def test_demo_accounts_ensure_creates_student_and_teacher():
    accounts = demo_accounts_ensure()

    assert [(account.username, account.created) for account in accounts] == [
        ("student", True),
        ("teacher", True),
    ]
    users = {user.username: user for user in get_user_model().objects.all()}
    assert set(users) == {"student", "teacher"}
    assert users["teacher"].is_staff
    assert not users["student"].is_staff
    assert not users["teacher"].is_superuser


def test_demo_accounts_ensure_passwords_work():
    for account in demo_accounts_ensure():
        user = get_user_model().objects.get(username=account.username)
        assert user.check_password(account.password)


def test_demo_accounts_ensure_second_run_resets_without_duplicates():
    demo_accounts_ensure()
    student = get_user_model().objects.get(username="student")
    student.set_password("changed-by-someone-else")
    student.is_active = False
    student.is_staff = True
    student.save()

    accounts = demo_accounts_ensure()

    assert [account.created for account in accounts] == [False, False]
    assert get_user_model().objects.count() == 2
    student.refresh_from_db()
    assert student.check_password("student-dates-2026")
    assert student.is_active
    assert not student.is_staff


def test_demo_accounts_ensure_keeps_other_users():
    get_user_model().objects.create_user(username="amira", password="violet-harbour-1947")

    demo_accounts_ensure()

    assert get_user_model().objects.filter(username="amira").exists()
    assert get_user_model().objects.count() == 3


@pytest.mark.parametrize("account", DEMO_ACCOUNTS, ids=lambda account: account.username)
def test_demo_accounts_passwords_pass_the_validators(account):
    user = get_user_model()(username=account.username)

    validate_password(account.password, user)  # raises ValidationError if a validator rejects it


def test_demo_accounts_ensure_puts_only_the_teacher_in_the_teachers_group():
    student = get_user_model().objects.create_user(username="student")
    student.groups.add(Group.objects.get(name=TEACHERS_GROUP))

    demo_accounts_ensure()

    teachers = Group.objects.get(name=TEACHERS_GROUP)
    assert list(teachers.user_set.values_list("username", flat=True)) == ["teacher"]
    teacher = get_user_model().objects.get(username="teacher")
    assert teacher.has_perm("quiz.view_student")
    assert teacher.has_perm("quiz.change_question")


def test_temporary_password_set_twice_keeps_one_record_of_the_latest():
    student = get_user_model().objects.create_user("ada", password="a-long-enough-password")
    tess = get_user_model().objects.create_user("tess", is_staff=True)
    theo = get_user_model().objects.create_user("theo", is_staff=True)

    temporary_password_set(student=student, password="lighthouse-ferry-2026", teacher=tess)
    temporary_password_set(student=student, password="harbour-signal-2027", teacher=theo)

    record = TemporaryPassword.objects.get()
    assert record.set_by == theo
    student.refresh_from_db()
    assert student.check_password("harbour-signal-2027")
    assert password_change_required(user=student)


def test_temporary_password_clear_ends_the_requirement():
    student = get_user_model().objects.create_user("ada")
    tess = get_user_model().objects.create_user("tess", is_staff=True)
    temporary_password_set(student=student, password="lighthouse-ferry-2026", teacher=tess)

    temporary_password_clear(user=student)

    assert not password_change_required(user=student)
    student.refresh_from_db()
    assert student.check_password("lighthouse-ferry-2026")
