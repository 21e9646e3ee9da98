from __future__ import annotations

import pytest
from django.urls import reverse

from quiz.models import Document
from quiz.services.reload import content_reload
from tests.factories import make_collection

pytestmark = pytest.mark.django_db


def test_home_lists_active_documents_with_counts(client, collection):
    content_reload(collection=collection)
    Document.objects.filter(key="doc_001.txt").update(is_active=False)

    response = client.get(reverse("quiz:home"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "About doc_000.txt" in html
    assert "About doc_001.txt" not in html
    assert "<td>3</td>" in html  # facts
    assert "<td>6</td>" in html  # live questions


def test_home_queries_do_not_grow_with_documents(client, django_assert_max_num_queries):
    content_reload(collection=make_collection(documents=50, facts=2))

    with django_assert_max_num_queries(1):
        response = client.get(reverse("quiz:home"))

    assert response.content.decode().count("<tr>") == 51


def test_home_refuses_post(client):
    assert client.post(reverse("quiz:home")).status_code == 405


def test_home_empty_database_says_how_to_load(client):
    assert b"reload_content" in client.get(reverse("quiz:home")).content
