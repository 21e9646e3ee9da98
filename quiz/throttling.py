"""Per-address limits on sign-in and sign-up, counted by django-ratelimit in a cache all workers share.

django-axes already pauses one username from one address after 5 wrong passwords. These limits count every
sign-in (site and admin together) and every sign-up from one address, whatever the username, so that a
spray of usernames or a flood of new accounts is refused with a 429 page while a school behind one address
signs in as usual.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit.core import get_usage


@dataclass(frozen=True)
class Limit:
    group: str  # views in one group share their count
    setting: str  # the name of the setting that holds the rate, such as "600/h"
    what: str  # what was refused, for the page: "sign-in attempts"

    @property
    def rate(self) -> str:
        return getattr(settings, self.setting)


SIGN_IN = Limit(group="sign-in", setting="QUIZ_SIGN_IN_RATE", what="sign-in attempts")
SIGN_UP = Limit(group="sign-up", setting="QUIZ_SIGN_UP_RATE", what="new accounts")
LIMITS = {"quiz:login": SIGN_IN, "admin:login": SIGN_IN, "quiz:signup": SIGN_UP}


def client_address(group: str, request: HttpRequest) -> str:  # noqa: ARG001 (django-ratelimit's interface)
    """Return the address that django-axes locks out, so that both count the same client."""
    return get_client_ip_address(request) or ""


def counts_clear() -> None:
    """Forget every address's sign-in and sign-up counts, so that each starts a fresh allowance."""
    caches[settings.RATELIMIT_USE_CACHE].clear()


def too_many_requests(request: HttpRequest, *, limit: Limit, seconds_left: int) -> HttpResponse:
    """Render the 429 page, saying what was refused and when to try again."""
    minutes = max(1, math.ceil(seconds_left / 60))
    response = render(request, "429.html", {"what": limit.what, "minutes": minutes}, status=429)
    response["Retry-After"] = str(max(1, seconds_left))
    return response


class ThrottleMiddleware:
    """Count each POST to a limited view against its client's address; refuse it with a 429 past the rate."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, *_view: Any) -> HttpResponse | None:
        limit = LIMITS.get(request.resolver_match.view_name) if request.resolver_match else None
        if limit is None or request.method != "POST":
            return None
        usage = get_usage(request, group=limit.group, key=client_address, rate=limit.rate, increment=True)
        if usage is None or not usage["should_limit"]:
            return None
        return too_many_requests(request, limit=limit, seconds_left=usage["time_left"])
