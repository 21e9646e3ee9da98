from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from quiz.models import Document


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """List the active documents with their numbers of active facts and live questions."""
    documents = Document.objects.active().with_counts().order_by("title", "key")
    return render(request, "quiz/home.html", {"documents": documents})
