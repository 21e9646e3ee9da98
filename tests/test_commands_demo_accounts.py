from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

CREDENTIALS = re.compile(r"username (\S+) password (\S+)")


def run() -> str:
    out = StringIO()
    call_command("demo_accounts", stdout=out)
    return out.getvalue()


def test_demo_accounts_prints_both_credentials():
    output = run()

    assert "Demo student: username student password student-dates-2026 (created)" in output
    assert (
        "Demo teacher (staff, can sign in to the admin): username teacher password teacher-dates-2026"
        in output
    )


def test_demo_accounts_second_run_is_idempotent():
    first = CREDENTIALS.findall(run())

    output = run()

    assert CREDENTIALS.findall(output) == first
    assert output.count("(reset)") == 2
    assert "(created)" not in output
    assert get_user_model().objects.count() == 2


def test_demo_accounts_teacher_is_staff_and_student_is_not():
    run()

    staff = dict(get_user_model().objects.values_list("username", "is_staff"))

    assert staff == {"student": False, "teacher": True}


def test_demo_accounts_printed_passwords_sign_in():
    credentials = CREDENTIALS.findall(run())

    assert len(credentials) == 2
    for username, password in credentials:
        client = Client()
        response = client.post(reverse("quiz:login"), {"username": username, "password": password})
        assert response.status_code == 302
        assert response.url == reverse("quiz:home")
        assert client.session["_auth_user_id"] == str(get_user_model().objects.get(username=username).pk)


def test_demo_accounts_refuses_a_lookalike_of_a_demo_username_and_changes_nothing():
    get_user_model().objects.create_user("te\u0430cher")  # a Cyrillic а
    before = list(get_user_model().objects.values_list())

    with pytest.raises(CommandError, match="looks like the existing user te\u0430cher"):
        run()

    assert list(get_user_model().objects.values_list()) == before
