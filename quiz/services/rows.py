"""Turn a content collection into the rows of each content model, keyed by natural key."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import models

from quiz import models as quiz
from quiz.content import documents as source
from quiz.content.collection import Collection
from quiz.content.facts import Fact
from quiz.content.questions import Flashcard, Question

Values = tuple[Any, ...]


class ContentError(ValueError):
    """A collection that cannot be saved: two rows share a key, or a row's parent is missing."""


@dataclass(frozen=True)
class ModelRows:
    """The rows of one model by key; the `parent` field, if any, comes first and holds the parent's key."""

    model: type[models.Model]
    fields: tuple[str, ...]
    parent: str | None
    rows: dict[str, Values]


DOCUMENT_FIELDS = ("title", "source", "published", "content_hash", "is_active")
FACT_FIELDS = (
    *("document", "sentence", "when", "start", "end", "start_sort", "end_sort"),
    *("precision", "event", "in_name", "position", "is_active"),
)
QUESTION_FIELDS = ("fact", "asks", "stem", "is_active")
CHOICE_FIELDS = ("question", "text", "position", "is_correct", "is_active")
FLASHCARD_FIELDS = ("fact", "direction", "front", "back", "is_active")


def content_rows(collection: Collection) -> tuple[ModelRows, ...]:
    """Return the rows of every content model, parents before children, in a stable order."""
    documents = sorted(collection.documents, key=lambda document: document.name)
    document_order = {document.name: index for index, document in enumerate(documents)}
    facts = sorted(collection.facts, key=lambda fact: document_order.get(fact.document, len(documents)))
    fact_order = {fact.key: index for index, fact in enumerate(facts)}
    questions = sorted(collection.questions, key=lambda item: (fact_order.get(item.fact.key, -1), item.key))
    cards = sorted(collection.flashcards, key=lambda item: (fact_order.get(item.fact.key, -1), item.key))

    document_rows = _collect(quiz.Document, DOCUMENT_FIELDS, None, map(_document_row, documents))
    fact_rows = _collect(quiz.Fact, FACT_FIELDS, document_rows, _fact_rows(facts))
    question_rows = _collect(quiz.Question, QUESTION_FIELDS, fact_rows, map(_question_row, questions))
    choice_rows = _collect(quiz.Choice, CHOICE_FIELDS, question_rows, _choice_rows(questions))
    card_rows = _collect(quiz.Flashcard, FLASHCARD_FIELDS, fact_rows, map(_flashcard_row, cards))
    return document_rows, fact_rows, question_rows, choice_rows, card_rows


def document_hash(document: source.Document) -> str:
    """Return a hash of everything a document row is made from."""
    published = document.published.isoformat() if document.published else ""
    parts = (document.name, document.title, document.source, published, document.text)
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def choice_key(question_key: str, text: str) -> str:
    return f"{question_key}:{hashlib.sha256(text.encode()).hexdigest()[:12]}"


def _collect(
    model: type[models.Model],
    fields: tuple[str, ...],
    parents: ModelRows | None,
    pairs: Iterable[tuple[str, Values]],
) -> ModelRows:
    name = model._meta.verbose_name
    rows: dict[str, Values] = {}
    for key, values in pairs:
        if parents is not None and values[0] not in parents.rows:
            raise ContentError(f"{name} {key!r} belongs to {fields[0]} {values[0]!r}, which is missing")
        if rows.setdefault(key, values) != values:
            raise ContentError(f"two different {model._meta.verbose_name_plural} share the key {key!r}")
    return ModelRows(model, fields, fields[0] if parents else None, rows)


def _document_row(document: source.Document) -> tuple[str, Values]:
    values = (document.title, document.source, document.published, document_hash(document), True)
    return document.name, values


def _fact_rows(facts: Iterable[Fact]) -> Iterator[tuple[str, Values]]:
    positions: dict[str, int] = {}
    for fact in facts:
        position = positions[fact.document] = positions.get(fact.document, -1) + 1
        start, end, precision = fact.span.start, fact.span.end, fact.span.precision.value
        values = (
            fact.document,
            fact.sentence,
            fact.when,
            start.iso(),
            end.iso(),
            start.ordinal(),
            end.ordinal(),
        )
        yield fact.key, (*values, precision, fact.event, fact.in_name, position, True)


def _question_row(question: Question) -> tuple[str, Values]:
    return question.key, (question.fact.key, question.asks.value, question.stem, True)


def _choice_rows(questions: Iterable[Question]) -> Iterator[tuple[str, Values]]:
    for question in questions:
        for position, text in enumerate(question.options):
            values = (question.key, text, position, position == question.answer, True)
            yield choice_key(question.key, text), values


def _flashcard_row(card: Flashcard) -> tuple[str, Values]:
    return card.key, (card.fact.key, card.direction.value, card.front, card.back, True)
