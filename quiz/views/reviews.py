"""Flashcard review: show the next card, reveal its back, rate it Again, Hard, Good or Easy."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from quiz.forms import RatingForm
from quiz.models import Document, Flashcard, Rating
from quiz.services.reviews import review_queue
from quiz.services.scheduling import NewCardLimitReached, card_review


@login_required
@require_safe
def review(request: HttpRequest) -> HttpResponse:
    return _render_queue(request, _scope(request.GET.get("document")))


@login_required
@require_POST
def rate(request: HttpRequest, pk: int) -> HttpResponse:
    """Rate a card once; a replayed or doubled rating changes nothing and shows the next card."""
    flashcard = get_object_or_404(Flashcard.objects.active(), pk=pk)
    document = _scope(request.POST.get("document"))
    form = RatingForm(request.POST, flashcard_id=flashcard.pk)
    if not form.is_valid():
        return _render_queue(request, document, form=form, status=400)
    try:
        card_review(
            user=request.user,
            flashcard=flashcard,
            rating=Rating(form.cleaned_data["rating"]),
            seen_reviews=form.cleaned_data["seen"],
            duration_ms=form.cleaned_data["shown"],
        )
    except NewCardLimitReached:
        problem = "You have met today's limit of new cards; that card waits until tomorrow."
        return _render_queue(request, document, problem=problem, status=400)
    if request.htmx:
        return _render_queue(request, document)
    return redirect(_review_url(document))


def _scope(document_id: str | None) -> Document | None:
    """Return the document to review, or None for all; an unknown or malformed id is a 404."""
    if not document_id:
        return None
    if not (document_id.isascii() and document_id.isdigit()):  # "²".isdigit() is true, int("²") fails
        raise Http404("No such document.")
    return get_object_or_404(Document.objects.active(), pk=int(document_id))


def _review_url(document: Document | None) -> str:
    query = f"?{urlencode({'document': document.pk})}" if document else ""
    return reverse("quiz:review") + query


def _render_queue(
    request: HttpRequest,
    document: Document | None,
    *,
    form: RatingForm | None = None,
    problem: str = "",
    status: int = 200,
) -> HttpResponse:
    queue = review_queue(user=request.user, document=document, now=timezone.now())
    on_show = form is not None and queue.flashcard is not None and form.flashcard_id == queue.flashcard.pk
    if form is not None and form.errors and not on_show:
        # The rated card is not the one shown next, so its form, errors and all, gives way to a fresh one.
        errors = " ".join(error for errors in form.errors.values() for error in errors)
        problem = problem or f"That rating was not saved. {errors}"
    if queue.flashcard is not None and not on_show:
        form = RatingForm(
            flashcard_id=queue.flashcard.pk, initial={"seen": queue.state.reviews if queue.state else 0}
        )
    context = {
        "queue": queue,
        "document": document,
        "form": form,
        "problem": problem,
        "ratings": Rating.choices,
    }
    template = "quiz/review.html#card" if request.htmx else "quiz/review.html"
    return render(request, template, context, status=status)
