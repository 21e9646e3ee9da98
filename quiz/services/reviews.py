"""The flashcard review queue: cards due first, then new cards up to the daily limit."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone

from quiz.models import CardState, Document, Flashcard, Review


@dataclass(frozen=True)
class ReviewQueue:
    flashcard: Flashcard | None  # the card to show now, or None when nothing is left for today
    state: CardState | None  # its schedule; None for a new card
    due: int  # cards due now
    new: int  # new cards that may still be introduced today
    next_due: datetime.datetime | None  # when the next card falls due, if none is due now


def start_of_today() -> datetime.datetime:
    """Return local midnight, when the daily new-card allowance starts again."""
    return timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time.min))


def new_cards_left(*, user: object) -> int:
    introduced = Review.objects.new_cards_since(user, start_of_today()).count()
    return max(settings.QUIZ_NEW_CARDS_PER_DAY - introduced, 0)


def review_queue(*, user: object, document: Document | None, now: datetime.datetime) -> ReviewQueue:
    """Return the next card for the student to review in the scope, with the counts around it."""
    states = CardState.objects.for_user(user).select_related("flashcard__fact__document")
    new_cards = Flashcard.objects.active().filter(fact__is_active=True)
    if document is not None:
        states = states.filter(flashcard__fact__document=document)
        new_cards = new_cards.filter(fact__document=document)
    new_cards = new_cards.exclude(Exists(CardState.objects.filter(user=user, flashcard=OuterRef("pk"))))
    due = states.due(now).count()
    new = min(new_cards.count(), new_cards_left(user=user))
    if due:
        state = states.due(now).order_by("due", "pk").first()
        return ReviewQueue(state.flashcard, state, due, new, None)
    if new:
        flashcard = (
            new_cards.select_related("fact__document").order_by(
                "fact__document__title", "fact__position", "pk"
            )
        ).first()
        return ReviewQueue(flashcard, None, due, new, None)
    upcoming = states.order_by("due").values_list("due", flat=True).first()
    return ReviewQueue(None, None, 0, 0, upcoming)
