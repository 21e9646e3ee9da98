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


@pytest.mark.parametrize(
    ("password", "valid"),
    [
        pytest.param("tulip-ridge", False, id="11 characters: too short"),
        pytest.param("tulip-ridges", True, id="12 characters: long enough"),
        pytest.param("48151623421087", True, id="digits only: no composition rules"),
        pytest.param("ça va, 🦉 très bien", True, id="spaces, accents and emoji"),
        pytest.param("a quiet orchard " * 8, True, id="128 characters"),
        pytest.param("a quiet orchard " * 8 + "!", False, id="129 characters: too long"),
    ],
)
def test_signup_form_password_rules_follow_asvs_level_1(password, valid):
    form = signup_form(password1=password)

    assert form.is_valid() is valid, form.errors


def test_signup_form_overlong_password_names_the_limit():
    form = signup_form(password1="x" * 129 + "-violet")

    assert form.has_error("password2", code="password_too_long")
    assert "at most 128 characters" in str(form.errors["password2"])


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


def test_signup_form_refuses_a_username_that_looks_like_an_existing_one():
    get_user_model().objects.create_user("student")

    form = signup_form(username="stud\u0435nt")  # with a Cyrillic е

    assert not form.is_valid()
    assert form.has_error("username", code="username_confusable")


def test_signup_form_refuses_a_taken_username_in_other_capitals_as_django_does():
    get_user_model().objects.create_user("student")

    form = signup_form(username="Student")

    assert not form.is_valid()
    assert form.has_error("username", code="unique")
