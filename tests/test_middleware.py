from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.cache import has_vary_header

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
