"""Classes in a real browser: joining with a code with and without JavaScript, and two teachers' scopes."""

from __future__ import annotations

import csv
import importlib
import io
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import pytest
from django.apps import apps
from django.db import connection

from quiz.models import Membership
from tests.browser.helpers import expect, tab_to
from tests.class_factories import make_class, make_teacher
from tests.learning_factories import PASSWORD, make_user

if TYPE_CHECKING:
    from collections.abc import Callable

    from django.contrib.auth.models import User
    from playwright.sync_api import Page


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _teachers_group(transactional_db: None) -> None:  # noqa: ARG001
    """Make the Teachers group as migrations 0004 and 0005 do: a browser test before this one flushed it."""
    editor = SimpleNamespace(connection=connection)
    importlib.import_module("quiz.migrations.0004_teachers_group").teachers_group_create(apps, editor)
    importlib.import_module("quiz.migrations.0005_classes").teachers_may_manage_classes(apps, editor)


def dashed(code: str) -> str:
    """Write a code as a teacher might on the board: small letters, with a hyphen."""
    return f"{code[:4]}-{code[4:]}".lower()


def test_a_student_joins_with_a_code_using_the_keyboard_and_htmx(
    page: Page,
    live_url: Callable[..., str],
    sign_in: Any,
    student: User,
    student_password: str,
    assert_accessible: Any,
) -> None:
    school_class = make_class("9B", teachers=(make_teacher("tess"),))
    old_code = school_class.join_code
    school_class.join_code_regenerate()
    sign_in(page, student.username, student_password)
    page.goto(live_url("quiz:home"))
    field = page.get_by_label("Join code")

    tab_to(page, field)
    page.keyboard.type(old_code)
    page.keyboard.press("Enter")
    expect(page.locator("#classes .error-summary")).to_contain_text("No class has that code")
    assert not Membership.objects.exists()

    page.get_by_label("Join code").fill(dashed(school_class.join_code))
    page.keyboard.press("Enter")

    expect(page.locator("#classes [role=status]")).to_have_text("You joined the class 9B.")
    expect(page.get_by_role("button", name="Leave the class 9B")).to_be_visible()
    assert page.url == live_url("quiz:home")  # swapped in place by htmx, not a new page
    assert Membership.objects.filter(student=student, school_class=school_class).exists()
    assert_accessible(page)


def test_a_student_joins_and_leaves_without_javascript(
    page_nojs: Page, live_url: Callable[..., str], sign_in: Any, student: User, student_password: str
) -> None:
    school_class = make_class("9B", teachers=(make_teacher("tess"),))
    sign_in(page_nojs, student.username, student_password)
    page_nojs.goto(live_url("quiz:home"))

    page_nojs.get_by_label("Join code").fill("WRONG-CODE")
    page_nojs.get_by_role("button", name="Join a class").click()
    expect(page_nojs.locator(".error-summary")).to_contain_text("No class has that code")

    page_nojs.get_by_label("Join code").fill(dashed(school_class.join_code))
    page_nojs.get_by_role("button", name="Join a class").click()
    expect(page_nojs.locator(".messages")).to_contain_text("You joined the class 9B.")
    assert Membership.objects.filter(student=student, school_class=school_class).exists()

    page_nojs.get_by_role("button", name="Leave the class 9B").click()
    expect(page_nojs.locator(".messages")).to_contain_text("You left the class 9B.")
    assert not Membership.objects.exists()


def admin_sign_in(page: Page, live_url: Callable[..., str], user: User) -> None:
    page.goto(live_url("admin:login"))
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(live_url("admin:index"))


def listed_usernames(page: Page) -> list[str]:
    return sorted(page.locator("#result_list tbody th a").all_inner_texts())


def csv_usernames(page: Page, url: str, column: str = "username") -> list[str]:
    response = page.request.get(url)
    assert response.status == 200
    return sorted({row[column] for row in csv.DictReader(io.StringIO(response.text().lstrip("\ufeff")))})


def test_two_teachers_each_see_exactly_their_own_students_everywhere(
    page: Page, live_url: Callable[..., str]
) -> None:
    tess, theo = make_teacher("tess"), make_teacher("theo")
    ada, brian, chloe, dan = (make_user(name) for name in ("ada", "brian", "chloe", "dan"))
    classes = {
        "9A": make_class("9A", teachers=(tess,), students=(ada, brian)),
        "9B": make_class("9B", teachers=(tess,), students=(ada,)),
        "10C": make_class("10C", teachers=(theo,), students=(ada, chloe)),
        "10D": make_class("10D", teachers=(theo,), students=(dan,)),
    }
    expected = {tess: (["ada", "brian"], ["9A", "9B"]), theo: (["ada", "chloe", "dan"], ["10C", "10D"])}

    for teacher, (students, own) in expected.items():
        page.context.clear_cookies()
        admin_sign_in(page, live_url, teacher)

        page.goto(live_url("admin:quiz_student_changelist"))
        assert listed_usernames(page) == students
        page.goto(live_url("admin:quiz_schoolclass_changelist"))
        assert sorted(page.locator("#result_list tbody th a").all_inner_texts()) == own
        assert csv_usernames(page, live_url("admin:quiz_student_csv")) == students
        for name, school_class in classes.items():
            status_csv = live_url("admin:quiz_schoolclass_status_csv", school_class.pk)
            narrowed = live_url("admin:quiz_student_changelist") + f"?class={school_class.pk}"
            if name in own:
                assert page.goto(narrowed).status == 200
                members = sorted(school_class.memberships.values_list("student__username", flat=True))
                assert listed_usernames(page) == members
            else:
                assert page.goto(narrowed).status == 404
                assert page.goto(live_url("admin:quiz_schoolclass_change", school_class.pk)).status == 404
                assert page.request.get(status_csv).status == 404
