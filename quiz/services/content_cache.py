"""The content that quiz pages show, kept in each process's memory and dropped whenever the content changes.

Questions, their facts, documents and choices, the flashcard each question exercises and the per-document
counts of the home page change only with a reload (or a save in the admin or by loaddata), and every such
change gives `ContentStamp` a new token in its own transaction. A request calls `content_current()` once:
one small query reads the token, and a copy made under another token is dropped. So a request that starts
after a change was committed, in any process, sees the new content. Cached rows are shared between
requests and threads: callers must not change them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.db.models import Count, Q

from quiz.models import Choice, ContentStamp, Direction, Document, Flashcard, Question


@dataclass(frozen=True)
class CachedQuestion:
    question: Question  # with its fact and the fact's document
    choices: dict[int, Choice]  # every choice by id, retired ones too: an attempt shows the ones it kept
    correct: Choice | None  # the first correct choice by position


@dataclass
class Content:
    """One process's copy of the content under one token, filled as requests ask for it."""

    token: uuid.UUID | None
    questions: dict[int, CachedQuestion] = field(default_factory=dict)
    flashcards: dict[tuple[int, str], Flashcard | None] = field(default_factory=dict)
    documents: dict[int, Document | None] = field(default_factory=dict)
    counts: list[tuple[int, str, int, int]] | None = None

    def question(self, pk: int) -> CachedQuestion:
        """Return a question with its fact, document and choices; Question.DoesNotExist if there is none."""
        if (cached := self.questions.get(pk)) is None:
            document_id = Question.objects.filter(pk=pk).values_list("fact__document_id", flat=True).get()
            self._document_load(document_id)
            cached = self.questions[pk]
        return cached

    def flashcard(self, fact_id: int, direction: Direction) -> Flashcard | None:
        """Return the active flashcard of a fact in a direction, or None."""
        key = (fact_id, str(direction))
        if key not in self.flashcards:
            cards = Flashcard.objects.active().filter(fact_id=fact_id, direction=direction)
            self.flashcards[key] = cards.order_by("pk").first()
        return self.flashcards[key]

    def _document_load(self, document_id: int) -> None:
        """Load the questions, choices and flashcards of a whole document, in three queries.

        A document has tens of questions, and the quizzes of a class draw on few documents, so a process
        has its copy of what it serves after a few misses, without the pause of loading every document.
        """
        questions = Question.objects.select_related("fact__document").filter(fact__document_id=document_id)
        choices: dict[int, list[Choice]] = {}
        for choice in Choice.objects.filter(question__fact__document_id=document_id).order_by(
            "position", "pk"
        ):
            choices.setdefault(choice.question_id, []).append(choice)
        cards = Flashcard.objects.active().filter(fact__document_id=document_id).order_by("-pk")
        flashcards = {(card.fact_id, card.direction): card for card in cards}  # the first by pk wins
        for question in questions:
            own = choices.get(question.pk, [])
            correct = next((choice for choice in own if choice.is_correct), None)
            self.questions[question.pk] = CachedQuestion(question, {c.pk: c for c in own}, correct)
            for direction in Direction:
                key = (question.fact_id, str(direction))
                self.flashcards.setdefault(key, flashcards.get(key))

    def document(self, pk: int) -> Document | None:
        """Return a document, active or retired, or None when there is none."""
        if pk not in self.documents:
            self.documents[pk] = Document.objects.filter(pk=pk).first()
        return self.documents[pk]

    def document_counts(self) -> list[tuple[int, str, int, int]]:
        """Return (pk, title, active facts, active cards of active facts) per active document, by title."""
        if self.counts is None:
            self.counts = list(
                Document.objects.active()
                .annotate(
                    fact_count=Count("facts", filter=Q(facts__is_active=True), distinct=True),
                    card_count=Count(
                        "facts__flashcards",
                        filter=Q(facts__is_active=True, facts__flashcards__is_active=True),
                        distinct=True,
                    ),
                )
                .order_by("title", "key")
                .values_list("pk", "title", "fact_count", "card_count")
            )
        return self.counts


_current = Content(token=None)


def content_current() -> Content:
    """Return this process's copy of the content, new and empty if the content changed since it was made."""
    global _current
    token = ContentStamp.objects.token()
    if token is None:  # no stamp row (a database not migrated): nothing can tell a copy is stale
        return Content(token=None)
    if _current.token != token:
        _current = Content(token=token)
    return _current
