"""The student's home page: each document with its mastery and cards due, and a quiz and a review to start."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from quiz.services.progress import document_progress


@login_required
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """List "all documents" and each active document with the student's figures and their actions."""
    total, *documents = document_progress(user=request.user, now=timezone.now())
    # One fresh token per start form, so a form submitted twice starts one quiz, not two.
    rows = [{"progress": row, "token": uuid.uuid4()} for row in (total, *documents)] if documents else []
    return render(request, "quiz/home.html", {"total": total, "rows": rows})
