"""Per-address limits on sign-in and sign-up: a spray of usernames or a flood of accounts gets a 429 page."""

from __future__ import annotations

import math
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from tests.learning_factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

SCHOOL = "203.0.113.7"
ELSEWHERE = "198.51.100.20"


@pytest.fixture(autouse=True)
def _small_limits(settings: Any) -> None:
    """Allow 3 sign-ins and 2 sign-ups per address an hour, and hash quickly: the tests make many of both."""
    settings.QUIZ_SIGN_IN_RATE = "3/h"
    settings.QUIZ_SIGN_UP_RATE = "2/h"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def sign_in(client: Client, username: str, password: str = "not-the-password", address: str = SCHOOL) -> Any:
    return client.post(
        reverse("quiz:login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def sign_up(client: Client, username: str, address: str = SCHOOL) -> Any:
    form = {"username": username, "password1": PASSWORD, "password2": PASSWORD}
    return client.post(reverse("quiz:signup"), form, REMOTE_ADDR=address)


def test_sign_in_spray_of_usernames_is_refused_with_a_429_page(client):
    answers = [sign_in(client, f"guess{n}").status_code for n in range(4)]

    refused = sign_in(client, "guess5")
    html = refused.content.decode()
    assert answers == [200, 200, 200, 429]
    assert refused.status_code == 429
    assert "So many sign-in attempts have come from your network" in html
    seconds = int(refused["Retry-After"])
    assert 0 < seconds <= 3600  # the hour's window ends at a time of its own for each address
    assert f"Please wait {math.ceil(seconds / 60)} minute" in html


def test_sign_in_over_the_limit_refuses_even_the_right_password():
    make_user("amira")
    client = Client()
    for n in range(3):
        sign_in(client, f"guess{n}")

    response = sign_in(client, "amira", PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_sign_in_limit_counts_the_address_not_the_browser():
    for n in range(3):
        sign_in(Client(), f"guess{n}")

    assert sign_in(Client(), "guess4").status_code == 429
    assert sign_in(Client(), "guess4", address=ELSEWHERE).status_code == 200


def test_sign_in_limit_counts_the_site_and_the_admin_together(client):
    for n in range(3):
        client.post(
            reverse("admin:login"),
            {"username": f"guess{n}", "password": "not-the-password"},
            REMOTE_ADDR=SCHOOL,
        )

    assert sign_in(client, "guess4").status_code == 429
    admin = client.post(reverse("admin:login"), {"username": "x", "password": "y"}, REMOTE_ADDR=SCHOOL)
    assert admin.status_code == 429


def test_sign_in_limit_lets_a_school_sign_in_at_the_default_rate(settings):
    settings.QUIZ_SIGN_IN_RATE = "600/h"  # the default: several hundred students an hour behind one address
    students = [make_user(f"pupil{n}") for n in range(30)]

    statuses = {sign_in(Client(), student.username, PASSWORD).status_code for student in students}

    assert statuses == {302}


def test_sign_in_page_itself_is_never_refused(client):
    for n in range(3):
        sign_in(client, f"guess{n}")

    response = client.get(reverse("quiz:login"), REMOTE_ADDR=SCHOOL)

    assert response.status_code == 200


def test_sign_in_without_csrf_token_spends_nothing_of_the_allowance():
    forger = Client(enforce_csrf_checks=True)
    for n in range(5):
        assert sign_in(forger, f"guess{n}").status_code == 403

    assert sign_in(Client(), "guess6").status_code == 200


def test_sign_up_flood_is_refused_and_creates_no_account(client):
    created = [sign_up(Client(), f"newcomer{n}").status_code for n in range(2)]

    refused = sign_up(client, "newcomer3")

    assert created == [302, 302]
    assert refused.status_code == 429
    assert "So many new accounts have come from your network" in refused.content.decode()
    assert sorted(get_user_model().objects.values_list("username", flat=True)) == ["newcomer0", "newcomer1"]


def test_sign_up_limit_spares_another_address(client):
    for n in range(2):
        sign_up(Client(), f"newcomer{n}")

    assert sign_up(client, "newcomer3", address=ELSEWHERE).status_code == 302


def test_sign_up_and_sign_in_have_their_own_allowances(client):
    for n in range(2):
        sign_up(Client(), f"newcomer{n}")

    assert sign_in(client, "newcomer0", PASSWORD).status_code == 302
