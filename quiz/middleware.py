"""The site's own response rules: its 405 page, the cache headers of private pages and htmx fragments, and
the password change a temporary password calls for."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django_htmx.http import HttpResponseClientRedirect

# Set in the session by the sign-in page when the user signed in with a teacher's temporary password.
MUST_CHANGE_PASSWORD = "quiz_must_change_password"
# What such a user may still open: the page to change it, sign-out, and what needs no account.
OPEN_BEFORE_PASSWORD_CHANGE = {"quiz:password_change", "quiz:logout", "quiz:health", "quiz:favicon"}


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


class PasswordChangeRequiredMiddleware:
    """Send a user who signed in with a temporary password to the password change page until they change it.

    A flag in the session, set at sign-in, not a query on every request: changing a password ends the
    user's other sessions, so no session outlives the flag it should carry.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, *_view: Any) -> HttpResponse | None:
        match = request.resolver_match
        # The open views first: /health/ must not read a session from the database.
        if match is None or match.view_name in OPEN_BEFORE_PASSWORD_CHANGE:
            return None
        if not request.session.get(MUST_CHANGE_PASSWORD):
            return None
        url = reverse("quiz:password_change")
        return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
