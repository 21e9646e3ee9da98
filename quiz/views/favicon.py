"""The icon that browsers ask for at /favicon.ico, whatever page they are on (the admin's included)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponseRedirect
from django.templatetags.static import static
from django.views.decorators.http import require_safe

ICON = "quiz/favicon.svg"


@require_safe
def favicon(request: HttpRequest) -> HttpResponseRedirect:  # noqa: ARG001 (every view takes the request)
    """Send the browser on to the site's icon among the static files."""
    return HttpResponseRedirect(static(ICON))
