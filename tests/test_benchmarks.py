from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from quiz.benchmarks.corpus import MAX_DOCUMENT_BYTES, MIN_DOCUMENT_BYTES, write_corpus
from quiz.benchmarks.timing import content_benchmark
from quiz.content import cache as store
from quiz.content.documents import parse_document
from quiz.models import Choice, Document, Fact, Flashcard, Question


def corpus_files(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


def test_write_corpus_same_seed_writes_same_files(tmp_path: Path) -> None:
    first = write_corpus(tmp_path / "a", documents=12, seed=7)
    second = write_corpus(tmp_path / "b", documents=12, seed=7)

    assert len(first.paths) == 12
    assert corpus_files(first.directory) == corpus_files(second.directory)
    assert first.size == second.size == sum(len(raw) for raw in corpus_files(first.directory).values())


def test_write_corpus_other_seed_writes_other_text(tmp_path: Path) -> None:
    first = write_corpus(tmp_path / "a", documents=3, seed=1)
    second = write_corpus(tmp_path / "b", documents=3, seed=2)

    assert corpus_files(first.directory) != corpus_files(second.directory)


def test_write_corpus_documents_are_valid_news_and_encyclopedia_articles(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path, documents=40, seed=1)

    documents = [parse_document(path.name, path.read_bytes()) for path in corpus.paths]

    assert all(
        MIN_DOCUMENT_BYTES <= path.stat().st_size <= MAX_DOCUMENT_BYTES + 2_000 for path in corpus.paths
    )
    news = [document for document in documents if document.published is not None]
    assert 0 < len(news) < len(documents)
    assert all(document.source.startswith("https://news.example/") for document in news)
    text = "\n".join(document.text for document in documents)
    for form in ("the following year", " BC", "century", "–", " metres", "NH "):
        assert form in text


@contextmanager
def emptied_test_database() -> Iterator[str]:
    """Stand in for the scratch database: the test database, emptied."""
    call_command("flush", interactive=False, verbosity=0)
    yield "the test database"


@pytest.mark.django_db(transaction=True)
def test_content_benchmark_tiny_corpus_times_every_step() -> None:
    cache = os.environ.get(store.CACHE_VARIABLE)

    report = content_benchmark(documents=2, seed=1, fresh_database=emptied_test_database)

    assert os.environ.get(store.CACHE_VARIABLE) == cache  # it parsed into a cache of its own

    assert report.facts > 0
    assert report.questions > 0
    assert report.flashcards > 0
    labels = [step.label for step in report.steps]
    assert labels == [
        "date finding alone: sentences and dates",
        "pipeline: read, parse, facts, questions, cards",
        "pipeline again, unchanged: from the cache",
        "fixture_write",
        "content_reload, empty database",
        "content_reload again, nothing changed",
        "loaddata of the fixture, empty database",
    ]
    assert report.steps[5].note.endswith(" 0 rows written")
    # loaddata rebuilt, on an empty database, every row the reload had written.
    models = (Document, Fact, Question, Choice, Flashcard)
    assert sum(model.objects.count() for model in models) == report.rows
    table = "\n".join(report.lines())
    assert "2 documents" in table
    assert f"{report.facts:,} facts" in table
    assert all(label in table for label in labels)


def test_bench_content_command_refuses_zero_documents() -> None:
    with pytest.raises(CommandError, match="must be at least 1"):
        call_command("bench_content", "--documents", "0")
