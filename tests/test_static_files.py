"""Static files as production serves them: hashed names, compressed copies and a long cache lifetime."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import brotli
import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

# Manifest names carry 12 hex digits of the file's hash: quiz/site.8b4ee3dc3a9e.css.
HASHED = r"/static/{stem}\.[0-9a-f]{{12}}\.{suffix}"
TEN_YEARS = "max-age=315360000, public, immutable"


def linked(client: Client, stem: str, suffix: str) -> str:
    """Return the one address of the sign-in page that serves the static file `stem.suffix`."""
    html = client.get(reverse("quiz:login")).content.decode()
    urls = re.findall(HASHED.format(stem=re.escape(stem), suffix=suffix), html)
    assert len(urls) == 1, f"the sign-in page links {stem}.{suffix} as {urls}"
    return urls[0]


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def source(name: str) -> bytes:
    return Path(finders.find(name)).read_bytes()


@pytest.mark.parametrize(
    ("stem", "suffix"), [("quiz/site", "css"), ("quiz/favicon", "svg"), ("django_htmx/htmx-2.min", "js")]
)
def test_static_pages_link_hashed_names(client, stem, suffix):
    url = linked(client, stem, suffix)

    assert client.get(url).status_code == 200


def test_static_brotli_for_a_browser_that_accepts_it(client):
    url = linked(client, "quiz/site", "css")

    response = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})

    assert response["Content-Encoding"] == "br"
    assert brotli.decompress(body(response)) == source("quiz/site.css")
    assert "Accept-Encoding" in response["Vary"]


def test_static_gzip_for_a_browser_without_brotli(client):
    url = linked(client, "django_htmx/htmx-2.min", "js")

    response = client.get(url, headers={"Accept-Encoding": "gzip"})

    assert response["Content-Encoding"] == "gzip"
    content = gzip.decompress(body(response))
    assert content == source("django_htmx/htmx-2.min.js")
    assert int(response["Content-Length"]) < len(content) / 2


def test_static_plain_for_a_client_that_accepts_no_encoding(client):
    url = linked(client, "quiz/site", "css")

    response = client.get(url)

    assert not response.has_header("Content-Encoding")
    assert body(response) == source("quiz/site.css")


def test_static_hashed_names_are_cached_for_ten_years(client):
    url = linked(client, "quiz/site", "css")

    assert client.get(url)["Cache-Control"] == TEN_YEARS


def test_static_plain_names_are_cached_briefly_since_their_content_may_change(client):
    response = client.get("/static/quiz/site.css")

    assert response.status_code == 200
    assert "immutable" not in response["Cache-Control"]


def test_static_admin_stylesheets_are_hashed_and_compressed(admin_client):
    html = admin_client.get(reverse("admin:index")).content.decode()
    url = re.search(HASHED.format(stem="admin/css/base", suffix="css"), html)[0]

    response = admin_client.get(url, headers={"Accept-Encoding": "br"})

    assert response["Content-Encoding"] == "br"
    assert response["Cache-Control"] == TEN_YEARS
