from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.cache import has_vary_header

from quiz.models import Attempt
from quiz.services.accounts import temporary_password_set

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
STUDENT_PAGES = ["quiz:home", "quiz:review", "quiz:progress"]


@pytest.mark.parametrize("view_name", STUDENT_PAGES)
def test_cache_headers_signed_in_page_is_private_and_never_stored(signed_in, view_name):
    cache_control = signed_in.get(reverse(view_name))["Cache-Control"]

    assert {"private", "no-store"} <= {part.strip() for part in cache_control.split(",")}


def test_cache_headers_signed_in_admin_page_is_private_and_never_stored(admin_client):
    cache_control = admin_client.get(reverse("admin:quiz_question_changelist"))["Cache-Control"]

    assert {"private", "no-store"} <= {part.strip() for part in cache_control.split(",")}


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "htmx"])
@pytest.mark.parametrize("view_name", STUDENT_PAGES)
def test_cache_headers_page_and_fragment_vary_on_htmx(signed_in, view_name, headers):
    response = signed_in.get(reverse(view_name), **headers)

    assert has_vary_header(response, "HX-Request")


def test_cache_headers_anonymous_page_varies_on_htmx_too(client):
    assert has_vary_header(client.get(reverse("quiz:signup")), "HX-Request")


# A student who signed in with a teacher's temporary password changes it before anything else.

TEMPORARY = "lighthouse-ferry-2026"


@pytest.fixture
def must_change(client: Client, student: Any, django_user_model: Any) -> Client:
    """Return the client signed in, through the sign-in form, with a temporary password."""
    teacher = django_user_model.objects.create_user("tess", is_staff=True)
    temporary_password_set(student=student, password=TEMPORARY, teacher=teacher)
    client.post(reverse("quiz:login"), {"username": student.username, "password": TEMPORARY})
    return client


@pytest.mark.parametrize("view_name", ["quiz:home", "quiz:review", "quiz:progress", "quiz:login"])
def test_temporary_password_sends_every_page_to_the_password_change(must_change, view_name):
    response = must_change.get(reverse(view_name))

    assert (response.status_code, response["Location"]) == (302, reverse("quiz:password_change"))


def test_temporary_password_stops_posts_too(must_change):
    response = must_change.post(reverse("quiz:quiz_start"), {"token": str(uuid.uuid4())})

    assert (response.status_code, response["Location"]) == (302, reverse("quiz:password_change"))
    assert not Attempt.objects.exists()


def test_temporary_password_sends_htmx_to_the_password_change_page_as_a_whole(must_change):
    response = must_change.get(reverse("quiz:review"), **HTMX)

    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("quiz:password_change")


@pytest.mark.parametrize("view_name", ["quiz:password_change", "quiz:health"])
def test_temporary_password_leaves_the_change_page_and_the_health_check_open(must_change, view_name):
    assert must_change.get(reverse(view_name)).status_code == 200


def test_temporary_password_leaves_sign_out_open(must_change):
    response = must_change.post(reverse("quiz:logout"))

    assert (response.status_code, response["Location"]) == (302, reverse("quiz:login"))
    assert must_change.get(reverse("quiz:login")).status_code == 200
