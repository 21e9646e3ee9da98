"""A liveness probe for load balancers and uptime checks: no database, no session, no template."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe


@require_safe
def health(request: HttpRequest) -> HttpResponse:  # noqa: ARG001 (every view takes the request)
    """Answer "ok" while the application server can run Python at all."""
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
