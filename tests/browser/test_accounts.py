"""A student signs up, signs in and signs out in a real browser, at phone size."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from playwright.sync_api import Page

NEW_PASSWORD = "violet-orchard-compass-19"
ACCOUNT_PAGES = ["quiz:login", "quiz:signup"]


def focused_id(page: Page) -> str:
    return page.evaluate("() => document.activeElement ? document.activeElement.id : ''")


def tab_to(page: Page, element_id: str, limit: int = 20) -> None:
    """Press Tab until the element with this id has focus (it may have it already), failing if it never does."""
    presses = 0
    while focused_id(page) != element_id:
        if presses == limit:
            pytest.fail(f"#{element_id} is not reachable with {limit} presses of Tab")
        page.keyboard.press("Tab")
        presses += 1


def signed_in_as(page: Page) -> str:
    """Return the username the header says is signed in, or "" when nobody is."""
    header = page.locator("header")
    if header.get_by_role("button", name="Sign out").count() == 0:
        return ""
    return header.get_by_text("Signed in as").locator("strong").inner_text()


def test_signup_with_keyboard_only_lands_home_signed_in(
    page: Page, live_url: Callable[..., str], django_user_model: type[User]
) -> None:
    page.goto(live_url("quiz:signup"))
    tab_to(page, "id_username")
    page.keyboard.type("grace")
    page.keyboard.press("Tab")
    assert focused_id(page) == "id_password1"
    page.keyboard.type(NEW_PASSWORD)
    page.keyboard.press("Tab")
    assert focused_id(page) == "id_password2"
    page.keyboard.type(NEW_PASSWORD)
    page.keyboard.press("Enter")

    page.wait_for_url(live_url("quiz:home"))
    assert signed_in_as(page) == "grace"
    assert django_user_model.objects.filter(username="grace").exists()


def test_signup_with_mismatched_passwords_stays_on_form_with_error(
    page: Page, live_url: Callable[..., str], django_user_model: type[User]
) -> None:
    page.goto(live_url("quiz:signup"))
    page.locator("#id_username").fill("grace")
    page.locator("#id_password1").fill(NEW_PASSWORD)
    page.locator("#id_password2").fill(NEW_PASSWORD + "x")
    page.locator("main form [type=submit]").click()

    page.get_by_role("alert").wait_for()
    assert page.url == live_url("quiz:signup")
    assert signed_in_as(page) == ""
    assert not django_user_model.objects.filter(username="grace").exists()


def test_sign_in_then_sign_out_through_the_forms(
    page: Page,
    live_url: Callable[..., str],
    sign_in: Callable[..., None],
    student: User,
    student_password: str,
) -> None:
    sign_in(page, student.username, student_password)
    assert page.url == live_url("quiz:home")
    assert signed_in_as(page) == student.username

    page.locator("header").get_by_role("button", name="Sign out").click()
    page.wait_for_url(live_url("quiz:login"))
    assert signed_in_as(page) == ""


def test_sign_in_with_wrong_password_shows_error(
    page: Page, live_url: Callable[..., str], student: User
) -> None:
    page.goto(live_url("quiz:login"))
    page.locator("#id_username").fill(student.username)
    page.locator("#id_password").fill("not-the-password")
    page.locator("main form [type=submit]").click()

    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "correct username and password" in alert.inner_text()
    assert signed_in_as(page) == ""


def test_sign_in_without_javascript(
    page_nojs: Page, sign_in: Callable[..., None], student: User, student_password: str
) -> None:
    sign_in(page_nojs, student.username, student_password)
    assert signed_in_as(page_nojs) == student.username


@pytest.mark.parametrize("viewname", ACCOUNT_PAGES)
def test_account_page_has_no_serious_accessibility_problems(
    page: Page, live_url: Callable[..., str], assert_accessible: Callable[[Page], None], viewname: str
) -> None:
    page.goto(live_url(viewname))
    assert_accessible(page)


@pytest.mark.parametrize("viewname", ACCOUNT_PAGES)
def test_account_page_with_errors_has_no_serious_accessibility_problems(
    page: Page, live_url: Callable[..., str], assert_accessible: Callable[[Page], None], viewname: str
) -> None:
    page.goto(live_url(viewname))
    page.locator("main form [type=submit]").click()
    page.get_by_role("alert").wait_for()
    assert_accessible(page)


@pytest.mark.parametrize("viewname", ACCOUNT_PAGES)
def test_account_page_at_phone_width_has_no_horizontal_scroll(
    page: Page, live_url: Callable[..., str], viewname: str
) -> None:
    page.goto(live_url(viewname))
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360


def change_password_with_keyboard(page: Page, old: str, new: str) -> None:
    """Fill the password change form with the keyboard alone and submit it with Enter."""
    tab_to(page, "id_old_password", limit=30)
    page.keyboard.type(old)
    for field in ("id_new_password1", "id_new_password2"):
        page.keyboard.press("Tab")
        assert focused_id(page) == field
        page.keyboard.type(new)
    page.keyboard.press("Enter")


def test_password_change_from_the_header_with_keyboard_only_and_no_javascript(
    page_nojs: Page,
    live_url: Callable[..., str],
    sign_in: Callable[..., None],
    student: User,
    student_password: str,
) -> None:
    sign_in(page_nojs, student.username, student_password)
    page_nojs.locator("header").get_by_role("link", name="Change password").click()
    page_nojs.wait_for_url(live_url("quiz:password_change"))

    change_password_with_keyboard(page_nojs, student_password, NEW_PASSWORD)

    page_nojs.wait_for_url(live_url("quiz:home"))
    assert "Your password has been changed." in page_nojs.get_by_role("status").inner_text()
    student.refresh_from_db()
    assert student.check_password(NEW_PASSWORD)


def test_temporary_password_is_changed_at_the_next_sign_in(
    page: Page,
    live_url: Callable[..., str],
    sign_in: Callable[..., None],
    student: User,
    django_user_model: type[User],
) -> None:
    from quiz.services.accounts import temporary_password_set

    teacher = django_user_model.objects.create_user("tess", is_staff=True)
    temporary_password_set(student=student, password="lighthouse-ferry-2026", teacher=teacher)

    sign_in(page, student.username, "lighthouse-ferry-2026")
    assert page.url == live_url("quiz:password_change")
    assert "temporary password" in page.get_by_role("status").inner_text()
    page.goto(live_url("quiz:review"))
    assert page.url == live_url("quiz:password_change")
    change_password_with_keyboard(page, "lighthouse-ferry-2026", NEW_PASSWORD)

    page.wait_for_url(live_url("quiz:home"))
    page.goto(live_url("quiz:review"))
    assert page.url == live_url("quiz:review")


@pytest.mark.parametrize("submit", [False, True], ids=["empty", "with errors"])
def test_password_change_page_has_no_serious_accessibility_problems(
    page: Page,
    live_url: Callable[..., str],
    sign_in: Callable[..., None],
    assert_accessible: Callable[[Page], None],
    student: User,
    student_password: str,
    submit: bool,
) -> None:
    sign_in(page, student.username, student_password)
    page.goto(live_url("quiz:password_change"))
    if submit:
        page.locator("main form [type=submit]").click()
        page.get_by_role("alert").wait_for()
    assert_accessible(page)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360


def test_too_many_sign_ins_page_has_no_serious_accessibility_problems(
    page: Page,
    live_url: Callable[..., str],
    assert_accessible: Callable[[Page], None],
    student: User,
    settings: Any,
) -> None:
    settings.QUIZ_SIGN_IN_RATE = "0/h"  # every sign-in from this address is one too many
    page.goto(live_url("quiz:login"))
    page.locator("#id_username").fill(student.username)
    page.locator("#id_password").fill("not-the-password")
    page.locator("main form [type=submit]").click()

    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "So many sign-in attempts have come from your network" in alert.inner_text()
    assert_accessible(page)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
