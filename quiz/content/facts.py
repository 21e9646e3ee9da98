"""Dated facts: one date expression in one sentence, with a description of its event."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from quiz.content.documents import Document
from quiz.content.timespan import Point, Span


@dataclass(frozen=True)
class Fact:
    key: str  # hash of the document name, the sentence and the date words
    document: str  # file name
    sentence: str
    when: str  # the date words as written
    span: Span
    event: str  # what happened, readable on its own, without the date
    sentence_spans: tuple[Span, ...]  # every date the sentence makes true, this one included
    horizon: Point | None  # the latest date a distractor may fall on for a past event
    in_name: bool = False  # the date belongs to a name: "the Indo-Pakistani War of 1965"


@dataclass(frozen=True)
class Skipped:
    """A date expression left out, and why (shown by the preview)."""

    document: str
    sentence: str
    when: str
    reason: str


def fact_key(document: str, sentence: str, when: str, occurrence: int = 0) -> str:
    """Return a stable key for one date expression of one sentence."""
    parts = [document, sentence, when] + ([str(occurrence)] if occurrence else [])
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]


def extract_facts(document: Document) -> tuple[list[Fact], list[Skipped]]:
    """Return the dated facts of a document and the date expressions left out."""
    return [], []
