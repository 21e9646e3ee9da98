"""Time the content pipeline, the fixture and the reload on a synthetic corpus."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections

from quiz.benchmarks.corpus import write_corpus
from quiz.content import cache as store
from quiz.content import parsing
from quiz.content.collection import Collection, build_collection
from quiz.content.documents import read_documents
from quiz.content.sentences import split_sentences
from quiz.content.temporal import find_dates
from quiz.services.fixtures import fixture_write
from quiz.services.reload import content_reload

# Entering one gives the default connection a new, empty, migrated database; it yields a description.
DatabaseFactory = Callable[[], AbstractContextManager[str]]


@dataclass(frozen=True)
class Step:
    label: str
    seconds: float
    note: str


@dataclass
class Report:
    documents: int
    seed: int
    size: int  # bytes of document text
    facts: int = 0
    questions: int = 0
    flashcards: int = 0
    rows: int = 0  # database rows of the content
    database: str = ""
    steps: list[Step] = field(default_factory=list)
    on_step: Callable[[Step], object] | None = field(default=None, repr=False)

    def add(self, step: Step) -> None:
        self.steps.append(step)
        if self.on_step is not None:
            self.on_step(step)

    def lines(self) -> list[str]:
        """Return the report as a small table, one line per string."""
        lines = [
            f"Corpus: {self.documents:,} documents, {self.size / 1_000_000:.2f} MB (seed {self.seed}); "
            f"{self.facts:,} facts, {self.questions:,} questions, {self.flashcards:,} flashcards, "
            f"{self.rows:,} database rows",
            f"Database: {self.database}",
            "",
            f"{'step':<46} {'seconds':>9}  notes",
        ]
        lines += [f"{step.label:<46} {step.seconds:>9.3f}  {step.note}" for step in self.steps]
        return lines


@contextmanager
def scratch_database() -> Iterator[str]:
    """Give the default connection a new migrated test database of the configured engine, then drop it.

    The configured database is not touched. SQLite gets a file in a temporary directory rather than
    memory, with the configured options, so writes cost what they cost in `db.sqlite3`. Other engines get
    a name of this process's own, never `test_<name>`, which a test run may be using at the same time.
    """
    connection = connections[DEFAULT_DB_ALIAS]
    test_settings = connection.settings_dict["TEST"]
    test_name = test_settings.get("NAME")
    with tempfile.TemporaryDirectory(prefix="quiz-bench-db-") as temporary:
        if connection.vendor == "sqlite":
            test_settings["NAME"] = str(Path(temporary) / "bench.sqlite3")
        else:
            test_settings["NAME"] = f"{connection.settings_dict['NAME']}_bench_{os.getpid()}"
        configured_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            yield f"a new {connection.display_name} database, migrated, dropped afterwards: " + str(
                connection.settings_dict["NAME"]
            )
        finally:
            connection.creation.destroy_test_db(configured_name, verbosity=0)
            test_settings["NAME"] = test_name


def content_benchmark(
    *,
    documents: int,
    seed: int,
    fresh_database: DatabaseFactory = scratch_database,
    on_step: Callable[[Step], object] | None = None,
) -> Report:
    """Write a corpus to a temporary directory, then time the pipeline, the fixture and the loads.

    `on_step` is called with each step as soon as it has been timed, to show progress.
    """
    with tempfile.TemporaryDirectory(prefix="quiz-bench-") as temporary, _parse_cache(Path(temporary)):
        corpus = write_corpus(Path(temporary) / "seeds", documents=documents, seed=seed)
        report = Report(documents=documents, seed=seed, size=corpus.size, on_step=on_step)
        _time_date_finding(report, corpus.directory)
        collection = _time_pipeline(report, corpus.directory)
        parsing.forget_parses()  # a new process: only the disk cache remains
        _time_pipeline(report, corpus.directory, label="pipeline again, unchanged: from the cache")
        fixture = Path(temporary) / "content.json"
        _time_fixture_write(report, collection, fixture)
        with fresh_database() as description:
            report.database = description
            _time_reloads(report, collection)
        with fresh_database():
            _time_loaddata(report, fixture)
    return report


@contextmanager
def _parse_cache(directory: Path) -> Iterator[None]:
    """Cache into a file of the benchmark's own, so the first pipeline run parses every sentence."""
    saved = os.environ.get(store.CACHE_VARIABLE)
    os.environ[store.CACHE_VARIABLE] = str(directory / "content.sqlite3")
    parsing.forget_parses()
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop(store.CACHE_VARIABLE)
        else:
            os.environ[store.CACHE_VARIABLE] = saved
        parsing.forget_parses()


def _time_date_finding(report: Report, directory: Path) -> None:
    texts = [(document.text, document.published) for document in read_documents(directory)]
    start = time.perf_counter()
    for text, published in texts:
        for sentence in split_sentences(text):
            find_dates(sentence.text, published=published)
    seconds = time.perf_counter() - start
    note = f"{report.size / 1_000_000 / seconds:.2f} MB/s"
    report.add(Step("date finding alone: sentences and dates", seconds, note))


def _time_pipeline(
    report: Report, directory: Path, label: str = "pipeline: read, parse, facts, questions, cards"
) -> Collection:
    start = time.perf_counter()
    collection = build_collection(read_documents(directory))
    seconds = time.perf_counter() - start
    report.facts = len(collection.facts)
    report.questions = len(collection.questions)
    report.flashcards = len(collection.flashcards)
    megabytes = report.size / 1_000_000
    note = f"{megabytes * 1000 / seconds:,.0f} KB/s, {report.documents / seconds:,.0f} documents/s"
    report.add(Step(label, seconds, note))
    return collection


def _time_fixture_write(report: Report, collection: Collection, path: Path) -> None:
    start = time.perf_counter()
    fixture_write(collection=collection, path=path)
    seconds = time.perf_counter() - start
    report.add(Step("fixture_write", seconds, f"{path.stat().st_size / 1_000_000:.2f} MB of JSON"))


def _time_reloads(report: Report, collection: Collection) -> None:
    for label in ("content_reload, empty database", "content_reload again, nothing changed"):
        start = time.perf_counter()
        summary = content_reload(collection=collection)
        seconds = time.perf_counter() - start
        counts = summary.counts.values()
        report.rows = sum(c.added + c.updated + c.unchanged for c in counts)
        written = sum(c.added + c.updated + c.retired for c in counts)
        note = f"{report.rows / seconds:,.0f} rows/s, {written:,} rows written"
        report.add(Step(label, seconds, note))


def _time_loaddata(report: Report, fixture: Path) -> None:
    start = time.perf_counter()
    call_command("loaddata", str(fixture), verbosity=0)
    seconds = time.perf_counter() - start
    note = f"{report.rows / seconds:,.0f} rows/s"
    report.add(Step("loaddata of the fixture, empty database", seconds, note))
