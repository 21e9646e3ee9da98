"""The student's progress page: mastery per document, accuracy by day, the review forecast and the streak."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from quiz.services.progress import (
    accuracy_by_day,
    accuracy_chart,
    document_progress,
    due_forecast,
    forecast_chart,
    streak,
)


@login_required
@require_safe
def progress(request: HttpRequest) -> HttpResponse:
    """Show the signed-in student's progress."""
    now = timezone.now()
    today = timezone.localdate(now)
    context = {
        "documents": document_progress(user=request.user, now=now),
        "accuracy_chart": accuracy_chart(accuracy_by_day(user=request.user, today=today)),
        "forecast_chart": forecast_chart(due_forecast(user=request.user, today=today)),
        "streak": streak(user=request.user, today=today),
    }
    return render(request, "quiz/progress.html", context)
