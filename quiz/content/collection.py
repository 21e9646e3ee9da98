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
from quiz.content.questions import Asks, Flashcard, Question, build_flashcards, build_questions

DOCUMENTS_PER_WORKER = 100  # below this, starting a process costs more than it saves


@dataclass(frozen=True)
class Collection:
    documents: tuple[Document, ...]
    facts: tuple[Fact, ...]
    questions: tuple[Question, ...]
    flashcards: tuple[Flashcard, ...]
    skipped: tuple[Skipped, ...]
    left_out: tuple[Fact, ...] = ()  # dated facts not worth asking; each says why in `reason`


def build_collection(documents: Sequence[Document], *, workers: int | None = None) -> Collection:
    """Find the facts of every document and generate their questions and flashcards.

    Large collections are shared among processes, one per CPU unless `workers` says otherwise;
    the result is the same as with one process.
    """
    workers = min(workers or os.cpu_count() or 1, len(documents) // DOCUMENTS_PER_WORKER)
    if workers < 2:
        extracted = [extract_facts(document) for document in documents]
        facts = [fact for found, _ in extracted for fact in found if fact.asked]
        questions = build_questions(facts)
    else:
        extracted, facts, questions = _build_in_processes(documents, workers)
    return Collection(
        documents=tuple(documents),
        facts=tuple(facts),
        questions=tuple(questions),
        flashcards=tuple(build_flashcards(facts)),
        skipped=tuple(item for _, left_out in extracted for item in left_out),
        left_out=tuple(fact for found, _ in extracted for fact in found if not fact.asked),
    )


def collection_from_directory(directory: Path) -> Collection:
    return build_collection(read_documents(directory))


# Every fact of the collection, in a worker: forked workers inherit it instead of unpickling a copy.
_facts: Sequence[Fact] = ()
# A question as it travels back from a worker: its fact's index instead of the fact.
_Sent = tuple[int, str, str, str, tuple[str, ...], int]


def _build_in_processes(
    documents: Sequence[Document], workers: int
) -> tuple[list[tuple[list[Fact], list[Skipped]]], list[Fact], list[Question]]:
    fork = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=fork) as executor:
        extracted = list(executor.map(extract_facts, documents, chunksize=32))
    facts = [fact for found, _ in extracted for fact in found if fact.asked]
    # Contiguous shares of the documents keep the questions in the order of the facts.
    size = -(-len(documents) // workers)
    shares = [frozenset(d.name for d in documents[i : i + size]) for i in range(0, len(documents), size)]
    with ProcessPoolExecutor(workers, mp_context=fork, initializer=_share, initargs=(facts,)) as executor:
        sent = [item for part in executor.map(_questions_of, shares) for item in part]
    return extracted, facts, [_received(item, facts) for item in sent]


def _share(facts: Sequence[Fact]) -> None:
    global _facts
    _facts = facts


def _questions_of(documents: frozenset[str]) -> list[_Sent]:
    index = {id(fact): position for position, fact in enumerate(_facts)}
    return [
        (index[id(q.fact)], q.key, q.asks.value, q.stem, q.options, q.answer)
        for q in build_questions(_facts, documents=documents)
    ]


def _received(item: _Sent, facts: Sequence[Fact]) -> Question:
    position, key, asks, stem, options, answer = item
    return Question(key, facts[position], Asks(asks), stem, options, answer)
