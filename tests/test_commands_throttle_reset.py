from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def sign_in(client: Client, username: str) -> Any:
    return client.post(reverse("quiz:login"), {"username": username, "password": "not-the-password"})


def test_throttle_reset_lets_a_refused_address_sign_in_again(client, settings):
    settings.QUIZ_SIGN_IN_RATE = "2/h"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    for n in range(2):
        sign_in(client, f"guess{n}")
    assert sign_in(client, "guess3").status_code == 429
    out = StringIO()

    call_command("throttle_reset", stdout=out)
    call_command("throttle_reset", stdout=out)  # idempotent

    assert sign_in(client, "guess4").status_code == 200
    assert out.getvalue().count("Every address may sign in and sign up again.") == 2
