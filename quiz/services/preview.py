"""Render a content collection for a person to check, or as JSON Lines; no database involved."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from quiz.content import timespan
from quiz.content.collection import Collection
from quiz.content.documents import Document
from quiz.content.facts import Fact, Skipped, publication_date
from quiz.content.questions import Flashcard, Question


def preview_json_lines(collection: Collection) -> Iterator[str]:
    """Yield one JSON object per line: per document its facts, then its questions, then its flashcards."""
    by_document = _by_document(collection)
    for document in collection.documents:
        parts = by_document[document.name]
        yield from (json.dumps(_fact_record(fact), ensure_ascii=False) for fact in parts.facts)
        yield from (json.dumps(_mcq_record(question), ensure_ascii=False) for question in parts.questions)
        yield from (json.dumps(_flashcard_record(card), ensure_ascii=False) for card in parts.cards)


def preview_text(collection: Collection) -> Iterator[str]:
    """Yield readable lines: per document its facts with their questions and cards, then what was left out."""
    by_document = _by_document(collection)
    for index, document in enumerate(collection.documents):
        if index:
            yield ""
        yield from _document_text(document, by_document[document.name])


@dataclass
class _Parts:
    facts: list[Fact] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    cards: list[Flashcard] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def _by_document(collection: Collection) -> dict[str, _Parts]:
    """Group the facts, questions, cards and skipped dates by document, keeping their order."""
    parts: dict[str, _Parts] = defaultdict(_Parts)
    for fact in (*collection.facts, *collection.left_out):
        parts[fact.document].facts.append(fact)
    for question in collection.questions:
        parts[question.fact.document].questions.append(question)
    for card in collection.flashcards:
        parts[card.fact.document].cards.append(card)
    for skipped in collection.skipped:
        parts[skipped.document].skipped.append(skipped)
    return parts


def _fact_record(fact: Fact) -> dict[str, Any]:
    return {
        "kind": "fact",
        "document": fact.document,
        "sentence": fact.sentence,
        "when": fact.when,
        "start": fact.span.start.iso(),
        "end": fact.span.end.iso(),
        "precision": fact.span.precision.value,
        "event": fact.event,
        "asked": fact.asked,
        **({} if fact.asked else {"reason": fact.reason}),
    }


def _mcq_record(question: Question) -> dict[str, Any]:
    return {
        "kind": "mcq",
        "document": question.fact.document,
        "sentence": question.fact.sentence,
        "asks": question.asks.value,
        "stem": question.stem,
        "options": list(question.options),
        "answer": question.answer,
    }


def _flashcard_record(card: Flashcard) -> dict[str, Any]:
    return {
        "kind": "flashcard",
        "document": card.fact.document,
        "sentence": card.fact.sentence,
        "front": card.front,
        "back": card.back,
    }


def _document_text(document: Document, parts: _Parts) -> Iterator[str]:
    yield f"{document.title} ({document.name})"
    publication = publication_date(document)
    published = publication.date.isoformat() if publication.date else "unknown"
    yield f"Published: {published} ({publication.origin})"
    if document.source:
        yield f"Source: {document.source}"
    yield f"Facts ({len(parts.facts)}):"
    questions_of: dict[str, list[Question]] = defaultdict(list)
    cards_of: dict[str, list[Flashcard]] = defaultdict(list)
    for question in parts.questions:
        questions_of[question.fact.key].append(question)
    for card in parts.cards:
        cards_of[card.fact.key].append(card)
    for fact in parts.facts:
        yield from _fact_text(fact, questions_of[fact.key], cards_of[fact.key])
    yield f"Left out ({len(parts.skipped)}):"
    yield from (f"  - {item.when!r} in {item.sentence!r}: {item.reason}" for item in parts.skipped)


def _fact_text(fact: Fact, questions: Sequence[Question], cards: Sequence[Flashcard]) -> Iterator[str]:
    span = fact.span
    label = timespan.label(span)
    written = "" if fact.when == label else f" written {fact.when!r}"
    yield f"  * {label} [{span.start.iso()} to {span.end.iso()}, {span.precision.value}]{written}"
    yield f"    Event: {fact.event or '(none: no event question or date card)'}"
    if not fact.asked:
        yield f"    Not asked: {fact.reason}"
    yield f"    Sentence: {fact.sentence}"
    for question in questions:
        yield f"    Question ({question.asks.value}): {question.stem}"
        for index, option in enumerate(question.options):
            yield f"      [{'x' if index == question.answer else ' '}] {option}"
    for card in cards:
        yield f"    Flashcard: {card.front} -> {card.back}"
