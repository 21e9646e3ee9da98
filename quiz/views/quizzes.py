"""Quizzes: start one, answer its questions one at a time with feedback, see the score, retry the missed."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from quiz.forms import AnswerForm, QuizStartForm
from quiz.models import Attempt, AttemptQuestion, Choice
from quiz.services.attempts import answer_submit, attempt_retry, attempt_start
from quiz.services.content_cache import Content, content_current


@login_required
@require_POST
def quiz_start(request: HttpRequest) -> HttpResponse:
    form = QuizStartForm(request.POST)
    if not form.is_valid():
        problems = " ".join(error for errors in form.errors.values() for error in errors)
        messages.error(request, f"That quiz could not be started. {problems}")
        return redirect("quiz:home")
    attempt = attempt_start(
        user=request.user,
        document=form.cleaned_data["document"],
        size=settings.QUIZ_ATTEMPT_SIZE,
        token=form.cleaned_data["token"],
    )
    if attempt is None:
        messages.info(request, "There are no questions to ask there yet.")
        return redirect("quiz:home")
    return redirect(attempt)


@login_required
@require_safe
def attempt(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the attempt's next unanswered question, or its results once every question is answered."""
    content = content_current()
    item = AttemptQuestion.objects.next_unanswered(attempt_id=pk, user=request.user)
    if item is None:
        attempt = _user_attempt(request, pk)
        missed = [item for item in _items(attempt) if not item.answer.is_correct]
        return _render(request, "results", {"attempt": attempt, "missed": missed})
    _with_content(item, content)
    form = AnswerForm(item=item, choices=_choices(item, content))
    return _render(request, "question", {"attempt": item.attempt, "item": item, "form": form})


@login_required
@require_POST
def answer(request: HttpRequest, pk: int, position: int) -> HttpResponse:
    """Store the answer once; a repeated submit gets the feedback of the stored answer."""
    content = content_current()
    item = _user_item(request, pk, position, content)
    if not hasattr(item, "answer"):
        form = AnswerForm(request.POST, item=item, choices=_choices(item, content))
        if not form.is_valid():
            context = {"attempt": item.attempt, "item": item, "form": form}
            return _render(request, "question", context, status=400)
        item.answer, _stored = answer_submit(
            item=item, choice=form.chosen(), response_ms=form.cleaned_data["shown"], content=content
        )
        _with_content(item, content)
    if request.htmx:
        return _feedback(request, item, content)
    return redirect(item)


@login_required
@require_safe
def feedback(request: HttpRequest, pk: int, position: int) -> HttpResponse:
    content = content_current()
    item = _user_item(request, pk, position, content)
    if not hasattr(item, "answer"):
        return redirect(item.attempt)
    return _feedback(request, item, content)


@login_required
@require_POST
def retry(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = _user_attempt(request, pk)
    if not attempt.is_finished:
        messages.error(request, "Finish this quiz before retrying its missed questions.")
        return redirect(attempt)
    retry = attempt_retry(attempt=attempt)
    if retry is None:
        messages.info(request, "You missed none of these questions, or they are no longer in the documents.")
        return redirect(attempt)
    return redirect(retry)


def _user_attempt(request: HttpRequest, pk: int) -> Attempt:
    """Return the signed-in student's attempt with its score; anyone else's is a 404."""
    attempts = Attempt.objects.select_related("document").annotate(
        score=Count("items", filter=Q(items__answer__is_correct=True))
    )
    return get_object_or_404(attempts, pk=pk, user=request.user)


def _user_item(request: HttpRequest, pk: int, position: int, content: Content) -> AttemptQuestion:
    items = AttemptQuestion.objects.select_related("attempt", "answer")
    item = get_object_or_404(items, attempt__pk=pk, attempt__user=request.user, position=position)
    return _with_content(item, content)


def _with_content(item: AttemptQuestion, content: Content) -> AttemptQuestion:
    """Attach the item's question, fact, document and chosen option from the content cache."""
    cached = content.question(item.question_id)
    item.question = cached.question
    if item.attempt.document_id is not None:
        item.attempt.document = content.document(item.attempt.document_id)
    if AttemptQuestion.answer.is_cached(item) and (answer := getattr(item, "answer", None)) is not None:
        answer.choice = cached.choices[answer.choice_id]
    return item


def _items(attempt: Attempt) -> QuerySet[AttemptQuestion]:
    correct = Prefetch("question__choices", Choice.objects.filter(is_correct=True), to_attr="correct")
    return attempt.items.select_related("question__fact__document", "answer__choice").prefetch_related(
        correct
    )


def _choices(item: AttemptQuestion, content: Content) -> list[Choice]:
    """Return the question's choices in the order this attempt shows them."""
    by_id = content.question(item.question_id).choices
    return [by_id[pk] for pk in item.choice_order if pk in by_id]


def _feedback(request: HttpRequest, item: AttemptQuestion, content: Content) -> HttpResponse:
    """Show the stored answer; an attempt is finished exactly when its last question is answered."""
    correct = None if item.answer.is_correct else content.question(item.question_id).correct
    context = {"attempt": item.attempt, "item": item, "correct": correct, "is_last": item.attempt.is_finished}
    return _render(request, "feedback", context)


def _render(request: HttpRequest, part: str, context: dict[str, object], status: int = 200) -> HttpResponse:
    """Render the whole attempt page, or only the part in play for htmx."""
    template = f"quiz/attempt.html#{part}" if request.htmx else "quiz/attempt.html"
    return render(request, template, {**context, "part": part}, status=status)
