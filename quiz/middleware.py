"""The site's own response rules: its 405 page, and the cache headers of private pages and htmx fragments."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_vary_headers


class MethodNotAllowedMiddleware:
    """Render 405.html for an empty 405 response, keeping its Allow header."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 405 or response.streaming or response.content:
            return response
        page = render(request, "405.html", status=405)
        page["Allow"] = response.get("Allow", "")
        return page


class CacheHeadersMiddleware:
    """Keep signed-in pages out of every cache, and tell caches that htmx gets other content at a URL."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # django-htmx's advice: a URL that answers htmx with a fragment of its page varies on HX-Request.
        patch_vary_headers(response, ("HX-Request",))
        if request.user.is_authenticated:  # a page with a learner's answers and name is nobody else's
            add_never_cache_headers(response)
        return response
