from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from tests.class_factories import make_class
from tests.learning_factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def run(*args: object) -> str:
    out = io.StringIO()
    call_command("import_roster", *map(str, args), stdout=out)
    return out.getvalue()


def test_import_roster_prints_each_line_and_a_summary(tmp_path):
    make_user("ada")
    school_class = make_class("9B")
    roster = tmp_path / "9b.csv"
    roster.write_text("username,password\nada\nchloe,amber-lantern-river-7\n", encoding="utf-8")

    output = run(school_class.pk, roster)

    assert "line 2: ada: added" in output
    assert "line 3: chloe: account created and added" in output
    assert "Created 1 account(s) and added 1 existing student(s) to 9B; 0 already in it." in output
    assert school_class.memberships.count() == 2


def test_import_roster_run_twice_changes_nothing_the_second_time(tmp_path):
    school_class = make_class("9B")
    roster = tmp_path / "9b.csv"
    roster.write_text("chloe,amber-lantern-river-7\n", encoding="utf-8")
    run(school_class.pk, roster)

    output = run(school_class.pk, roster)

    assert "Created 0 account(s) and added 0 existing student(s) to 9B; 1 already in it." in output
    assert get_user_model().objects.filter(username="chloe").count() == 1


def test_import_roster_dry_run_writes_nothing(tmp_path):
    school_class = make_class("9B")
    roster = tmp_path / "9b.csv"
    roster.write_text("chloe,amber-lantern-river-7\n", encoding="utf-8")

    output = run(school_class.pk, roster, "--dry-run")

    assert "Would create 1 account(s)" in output
    assert not get_user_model().objects.filter(username="chloe").exists()


def test_import_roster_with_a_bad_line_fails_and_writes_nothing(tmp_path):
    school_class = make_class("9B")
    roster = tmp_path / "9b.csv"
    roster.write_text("chloe,amber-lantern-river-7\ndan\n", encoding="utf-8")

    with pytest.raises(
        CommandError, match=r"Nothing was imported:\nline 2 \(dan\): a new account needs a password"
    ):
        run(school_class.pk, roster)

    assert not get_user_model().objects.filter(username="chloe").exists()


def test_import_roster_into_a_missing_class_fails(tmp_path):
    roster = tmp_path / "9b.csv"
    roster.write_text("ada\n", encoding="utf-8")

    with pytest.raises(CommandError, match="No class has the id 999"):
        run(999, roster)
