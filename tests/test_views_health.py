from __future__ import annotations

from django.urls import reverse


def test_health_answers_ok_without_a_session_or_the_database(client):
    # No django_db mark: a query would raise here.
    response = client.get(reverse("quiz:health"))

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "sessionid" not in response.cookies


def test_health_refuses_writes(client):
    response = client.post(reverse("quiz:health"))

    assert response.status_code == 405
