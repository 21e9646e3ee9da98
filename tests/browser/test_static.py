"""What a phone downloads after the page: hashed static files, compressed, and cached for years."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Page, Response

HASHED = re.compile(r"/static/.+\.[0-9a-f]{12}\.(css|js|svg)$")


def test_static_files_arrive_compressed_with_a_ten_year_lifetime(
    page: Page, live_url: Callable[..., str]
) -> None:
    responses: list[Response] = []
    page.on("response", lambda response: responses.append(response) if "/static/" in response.url else None)

    page.goto(live_url("quiz:login"))
    page.wait_for_load_state("load")

    # The stylesheet and htmx (the icon is fetched lazily, if at all).
    assert len(responses) >= 2, [response.url for response in responses]
    for response in responses:
        headers = response.all_headers()
        assert response.status == 200, response.url
        assert HASHED.search(response.url), response.url
        assert headers.get("content-encoding") in {"br", "gzip"}, (response.url, headers)
        assert headers["cache-control"] == "max-age=315360000, public, immutable", response.url
    # The site's own stylesheet was applied: the skip link is moved out of sight until it has focus.
    assert page.locator(".skip-link").bounding_box()["y"] < 0
