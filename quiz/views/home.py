"""The student's home page: assignments and classes, then each document with its mastery and cards due."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from quiz.forms import JoinClassForm
from quiz.models import SchoolClass
from quiz.services.assignments import student_assignments
from quiz.services.content_cache import content_current
from quiz.services.progress import document_progress


def classes_context(request: HttpRequest, form: JoinClassForm | None = None) -> dict[str, object]:
    """Return what the classes section shows: the assignments, the classes and the join form."""
    return {
        "assignments": student_assignments(user=request.user, today=timezone.localdate()),
        "classes": list(SchoolClass.objects.joined_by(request.user)),
        "join_form": form or JoinClassForm(),
    }


def home_context(request: HttpRequest, form: JoinClassForm | None = None) -> dict[str, object]:
    """Return the whole home page's context, with the join form as given (bound, with errors) or empty."""
    total, *documents = document_progress(user=request.user, now=timezone.now(), content=content_current())
    # One fresh token per start form, so a form submitted twice starts one quiz, not two.
    rows = [{"progress": row, "token": uuid.uuid4()} for row in (total, *documents)] if documents else []
    return {"total": total, "rows": rows, **classes_context(request, form)}


@login_required
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """List the student's assignments and classes, then "all documents" and each active document."""
    return render(request, "quiz/home.html", home_context(request))
