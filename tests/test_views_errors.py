from __future__ import annotations

import logging
from unittest import mock

import pytest
from django.template.loader import get_template
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_not_found_page_is_the_sites_own(signed_in):
    response = signed_in.get(reverse("quiz:attempt", args=(999_999,)))

    assert response.status_code == 404
    assert "Not found" in response.content.decode()
    assert "Back to your documents" in response.content.decode()


def test_missing_csrf_token_page_says_nothing_was_saved(student):
    client = Client(enforce_csrf_checks=True)
    client.force_login(student)

    response = client.post(reverse("quiz:quiz_start"), {"token": "00000000-0000-0000-0000-000000000000"})

    assert response.status_code == 403
    assert "Nothing was saved" in response.content.decode()


def test_server_error_page_needs_no_context():
    html = get_template("500.html").render()

    assert "Something went wrong" in html
    assert "Traceback" not in html


def test_server_error_is_logged_with_its_path_and_traceback(client, caplog, monkeypatch):
    monkeypatch.setattr("quiz.views.health.HttpResponse", mock.Mock(side_effect=RuntimeError("broke")))
    client.raise_request_exception = False

    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get(reverse("quiz:health"))

    assert response.status_code == 500
    [record] = [record for record in caplog.records if record.name == "django.request"]
    assert (record.levelname, record.getMessage()) == ("ERROR", "Internal Server Error: /health/")
    assert record.exc_info[0] is RuntimeError
