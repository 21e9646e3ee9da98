"""A student joins a class with its code, or leaves one; htmx gets the home page's classes section back."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from quiz.forms import JoinClassForm
from quiz.services.classes import class_join, class_leave
from quiz.views.home import classes_context, home_context


@login_required
@require_POST
def join(request: HttpRequest) -> HttpResponse:
    """Join the class of the typed code; a wrong code gets the form back with the reason."""
    form = JoinClassForm(request.POST)
    if form.is_valid():
        try:
            school_class, joined = class_join(user=request.user, code=form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error("code", error)
        else:
            done = "You joined" if joined else "You are already in"
            return _done(request, f"{done} the class {school_class.name}.")
    if request.htmx:
        return render(request, "quiz/home.html#classes", classes_context(request, form), status=400)
    return render(request, "quiz/home.html", home_context(request, form), status=400)


@login_required
@require_POST
def leave(request: HttpRequest, pk: int) -> HttpResponse:
    """Leave one of the student's classes; any other class is not found."""
    school_class = class_leave(user=request.user, class_id=pk)
    if school_class is None:
        raise Http404("You are not in that class.")
    return _done(request, f"You left the class {school_class.name}.")


def _done(request: HttpRequest, notice: str) -> HttpResponse:
    """Answer htmx with the classes section and the notice, and a normal POST with a redirect home."""
    if request.htmx:
        return render(request, "quiz/home.html#classes", {**classes_context(request), "notice": notice})
    messages.success(request, notice)
    return redirect("quiz:home")
