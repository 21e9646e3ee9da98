from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from quiz.forms import SignupForm

pytestmark = pytest.mark.django_db

GOOD_PASSWORD = "violet-harbour-1947"


def signup_form(username: str = "amira", password1: str = GOOD_PASSWORD, password2: str | None = None):
    return SignupForm(
        data={
            "username": username,
            "password1": password1,
            "password2": password1 if password2 is None else password2,
        }
    )


def test_signup_form_valid_saves_user_with_hashed_password():
    form = signup_form()

    assert form.is_valid(), form.errors
    user = form.save()

    assert user.username == "amira"
    assert user.password != GOOD_PASSWORD
    assert user.check_password(GOOD_PASSWORD)


def test_signup_form_short_password_rejected():
    form = signup_form(password1="tiny-7Qx")

    assert not form.is_valid()
    assert form.has_error("password2", code="password_too_short")


def test_signup_form_common_password_rejected():
    form = signup_form(password1="password123")

    assert not form.is_valid()
    assert form.has_error("password2", code="password_too_common")


def test_signup_form_numeric_password_rejected():
    form = signup_form(password1="4815162342108")

    assert not form.is_valid()
    assert form.has_error("password2", code="password_entirely_numeric")


def test_signup_form_password_like_username_rejected():
    form = signup_form(username="chandragupta", password1="chandragupta1")

    assert not form.is_valid()
    assert form.has_error("password2", code="password_too_similar")


def test_signup_form_mismatched_passwords_rejected():
    form = signup_form(password2="violet-harbour-1948")

    assert not form.is_valid()
    assert form.has_error("password2", code="password_mismatch")


def test_signup_form_username_taken_in_other_case_rejected():
    get_user_model().objects.create_user(username="Amira", password=GOOD_PASSWORD)

    form = signup_form(username="amira")

    assert not form.is_valid()
    assert form.has_error("username", code="unique")


def test_signup_form_fields_are_username_and_two_passwords():
    assert list(SignupForm().fields) == ["username", "password1", "password2"]
