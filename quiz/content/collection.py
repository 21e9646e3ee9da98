"""Turn a set of documents into facts, questions and flashcards."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from quiz.content.documents import Document, read_documents
from quiz.content.facts import Fact, Skipped, extract_facts
from quiz.content.questions import Flashcard, Question, build_flashcards, build_questions


@dataclass(frozen=True)
class Collection:
    documents: tuple[Document, ...]
    facts: tuple[Fact, ...]
    questions: tuple[Question, ...]
    flashcards: tuple[Flashcard, ...]
    skipped: tuple[Skipped, ...]


def build_collection(documents: Sequence[Document]) -> Collection:
    """Find the facts of every document and generate their questions and flashcards."""
    facts: list[Fact] = []
    skipped: list[Skipped] = []
    for document in documents:
        found, left_out = extract_facts(document)
        facts.extend(found)
        skipped.extend(left_out)
    return Collection(
        documents=tuple(documents),
        facts=tuple(facts),
        questions=tuple(build_questions(facts)),
        flashcards=tuple(build_flashcards(facts)),
        skipped=tuple(skipped),
    )


def collection_from_directory(directory: Path) -> Collection:
    return build_collection(read_documents(directory))
