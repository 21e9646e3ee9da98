"""Multiple-choice questions and flashcards generated from dated facts (deterministic)."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from quiz.content.facts import Fact


class Asks(enum.Enum):
    DATE = "date"
    EVENT = "event"


class Direction(enum.Enum):
    DATE_TO_EVENT = "date_to_event"
    EVENT_TO_DATE = "event_to_date"


@dataclass(frozen=True)
class Question:
    key: str  # stable natural key: the fact key and what the question asks
    fact: Fact
    asks: Asks
    stem: str
    options: tuple[str, ...]
    answer: int  # index of the correct option


@dataclass(frozen=True)
class Flashcard:
    key: str
    fact: Fact
    direction: Direction
    front: str
    back: str


def build_questions(facts: Sequence[Fact]) -> list[Question]:
    """Return the questions of a collection of facts, in the order of the facts."""
    raise NotImplementedError


def build_flashcards(facts: Sequence[Fact]) -> list[Flashcard]:
    """Return two flashcards per fact: date -> event and event -> date."""
    raise NotImplementedError
