from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from quiz.models import Membership, SchoolClass
from quiz.services.reload import content_reload
from tests.factories import make_collection

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


def test_demo_accounts_makes_a_demo_class_with_the_student_and_prints_its_code():
    content_reload(collection=make_collection(documents=3, facts=2))

    output = run()

    school_class = SchoolClass.objects.get()
    assert f"Demo class: Demo class, join code {school_class.join_code}" in output
    assert list(school_class.teachers.values_list("username", flat=True)) == ["teacher"]
    assert list(school_class.memberships.values_list("student__username", flat=True)) == ["student"]
    assert school_class.assignments.count() == 2


def test_demo_accounts_second_run_keeps_the_class_and_its_code():
    content_reload(collection=make_collection(documents=3, facts=2))
    run()
    code = SchoolClass.objects.get().join_code

    output = run()

    assert SchoolClass.objects.get().join_code == code
    assert f"join code {code}" in output
    assert Membership.objects.count() == 1
    assert SchoolClass.objects.get().assignments.count() == 2


def test_the_demo_student_sees_the_demo_assignments_first_on_home():
    content_reload(collection=make_collection(documents=3, facts=2))
    run()
    client = Client()
    client.force_login(get_user_model().objects.get(username="student"))

    html = client.get(reverse("quiz:home")).content.decode()

    assert "Your assignments" in html
    assert "Demo class" in html
