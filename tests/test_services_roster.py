from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from quiz.services.roster import ADDED, ALREADY, CREATED, PASSWORD_KEPT, RosterError, roster_import
from tests.class_factories import make_class, make_teacher
from tests.learning_factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "amber-lantern-river-7"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def usernames(school_class) -> list[str]:
    return sorted(school_class.memberships.values_list("student__username", flat=True))


def test_roster_creates_missing_accounts_with_their_passwords_and_adds_everyone():
    ada, brian = make_user("ada"), make_user("brian")
    school_class = make_class("9B", students=(brian,))

    report = roster_import(
        school_class=school_class, text=f"username,password\nADA\nbrian\nchloe,{NEW_PASSWORD}\n"
    )

    assert report.done == [(2, "ADA", ADDED), (3, "brian", ALREADY), (4, "chloe", CREATED)]
    assert usernames(school_class) == ["ada", "brian", "chloe"]
    assert get_user_model().objects.get(username="chloe").check_password(NEW_PASSWORD)
    assert report.summary() == "Created 1 account(s) and added 1 existing student(s) to 9B; 1 already in it."
    assert ada.pk


def test_roster_never_changes_an_existing_accounts_password():
    ada = make_user("ada")
    school_class = make_class("9B")

    report = roster_import(school_class=school_class, text=f"ada,{NEW_PASSWORD}\n")

    assert report.done == [(1, "ada", PASSWORD_KEPT)]
    ada.refresh_from_db()
    assert ada.check_password(PASSWORD)
    assert not ada.check_password(NEW_PASSWORD)


def test_a_dry_run_reports_and_writes_nothing():
    make_user("ada")
    school_class = make_class("9B")

    report = roster_import(school_class=school_class, text=f"ada\nchloe,{NEW_PASSWORD}\n", dry_run=True)

    assert [action for _line, _name, action in report.done] == [ADDED, CREATED]
    assert report.summary().startswith("Would create 1 account(s) and would add 1")
    assert usernames(school_class) == []
    assert not get_user_model().objects.filter(username="chloe").exists()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("chloe\n", "line 1 (chloe): a new account needs a password in the second column"),
        (
            "chloe,short\n",
            "line 1 (chloe): This password is too short. It must contain at least 12 characters.",
        ),
        ("chloe,password123456\n", "line 1 (chloe): This password is too common."),
        ("christopher,christopher1\n", "line 1 (christopher): The password is too similar to the username."),
        ("bad name!,amber-lantern-river-7\n", "line 1 (bad name!): Enter a valid username."),
        ("tess\n", "line 1 (tess): a teacher's or administrator's account cannot be a student"),
        ("ada\nADA\n", "line 2 (ADA): the same username as line 1"),
        ("ada,one,two\n", "line 1: expected a username and at most a password, got 3 cells"),
        ("username,password\n\n", "the roster lists no students"),
    ],
)
def test_a_bad_roster_line_is_refused_with_its_line_and_reason(text, problem):
    make_user("ada")
    make_teacher("tess")

    with pytest.raises(RosterError) as raised:
        roster_import(school_class=make_class("9B"), text=text)

    assert problem in raised.value.problems[0]


def test_one_bad_line_stops_the_whole_import():
    make_user("ada")
    school_class = make_class("9B")
    users_before = get_user_model().objects.count()

    with pytest.raises(RosterError) as raised:
        roster_import(school_class=school_class, text=f"ada\nchloe,{NEW_PASSWORD}\ndan,short\nerin\n")

    assert [problem.split(":")[0] for problem in raised.value.problems] == ["line 3 (dan)", "line 4 (erin)"]
    assert usernames(school_class) == []
    assert get_user_model().objects.count() == users_before
