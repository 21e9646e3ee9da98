"""The superusers' user admin refuses usernames that look like another user's, when adding and renaming."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from tests.learning_factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client: Client, settings: Any) -> Client:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    client.force_login(get_user_model().objects.create_superuser("root", password=PASSWORD))
    return client


def change_form(user: Any, **fields: object) -> dict[str, object]:
    form = {
        "username": user.username,
        "is_active": "on",
        "date_joined_0": f"{user.date_joined:%Y-%m-%d}",
        "date_joined_1": f"{user.date_joined:%H:%M:%S}",
    }
    return {**form, **fields}


def test_admin_add_user_refuses_a_lookalike_username(admin_client):
    get_user_model().objects.create_user("student")
    form = {
        "username": "stud\u0435nt",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "usable_password": "true",
    }

    response = admin_client.post(reverse("admin:auth_user_add"), form)

    assert response.status_code == 200
    assert response.context["adminform"].form.has_error("username", code="username_confusable")
    assert not get_user_model().objects.filter(username="stud\u0435nt").exists()


def test_admin_add_user_still_adds_a_distinct_username(admin_client):
    get_user_model().objects.create_user("student")
    form = {"username": "newcomer", "password1": PASSWORD, "password2": PASSWORD, "usable_password": "true"}

    response = admin_client.post(reverse("admin:auth_user_add"), form)

    assert response.status_code == 302
    assert get_user_model().objects.get(username="newcomer").check_password(PASSWORD)


def test_admin_rename_to_a_lookalike_username_is_refused(admin_client):
    get_user_model().objects.create_user("student")
    other = get_user_model().objects.create_user("brian")

    response = admin_client.post(
        reverse("admin:auth_user_change", args=[other.pk]), change_form(other, username="ѕtudent")
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.has_error("username", code="username_confusable")
    other.refresh_from_db()
    assert other.username == "brian"


def test_admin_change_keeps_a_users_own_username(admin_client):
    user = get_user_model().objects.create_user("student")

    response = admin_client.post(
        reverse("admin:auth_user_change", args=[user.pk]), change_form(user, first_name="Stu")
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.first_name == "Stu"
