"""Turn a set of documents into facts, questions and flashcards."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from quiz.content.documents import Document, read_documents
from quiz.content.facts import Fact, Skipped, extract_facts
from quiz.content.questions import Flashcard, Question, build_flashcards, build_questions

DOCUMENTS_PER_WORKER = 100  # below this, starting a process costs more than it saves


@dataclass(frozen=True)
class Collection:
    documents: tuple[Document, ...]
    facts: tuple[Fact, ...]
    questions: tuple[Question, ...]
    flashcards: tuple[Flashcard, ...]
    skipped: tuple[Skipped, ...]


def build_collection(documents: Sequence[Document], *, workers: int | None = None) -> Collection:
    """Find the facts of every document and generate their questions and flashcards.

    Documents are read in parallel when there are many, one process per CPU unless `workers` says
    otherwise; the result is the same as with one process.
    """
    extracted = _extract_all(documents, workers or os.cpu_count() or 1)
    facts = [fact for found, _ in extracted for fact in found]
    return Collection(
        documents=tuple(documents),
        facts=tuple(facts),
        questions=tuple(build_questions(facts)),
        flashcards=tuple(build_flashcards(facts)),
        skipped=tuple(item for _, left_out in extracted for item in left_out),
    )


def collection_from_directory(directory: Path) -> Collection:
    return build_collection(read_documents(directory))


def _extract_all(documents: Sequence[Document], workers: int) -> list[tuple[list[Fact], list[Skipped]]]:
    workers = min(workers, len(documents) // DOCUMENTS_PER_WORKER)
    if workers < 2:
        return [extract_facts(document) for document in documents]
    # Each document is read on its own, so they can be shared out; questions need them all at once.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as executor:
        return list(executor.map(extract_facts, documents, chunksize=32))
