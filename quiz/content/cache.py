"""An on-disk cache of the pipeline's slow results, keyed by everything each result depends on.

One SQLite file (`QUIZ_CONTENT_CACHE`, `.cache/content.sqlite3` by default; set it empty for no cache)
holds a table per kind of result: the parses of sentences, and the facts of whole documents. A cache
that cannot be opened or written costs time, never content: the caller computes the result again.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path

CACHE_VARIABLE = "QUIZ_CONTENT_CACHE"
DEFAULT_PATH = Path(__file__).resolve().parents[2] / ".cache" / "content.sqlite3"
TABLES = frozenset({"parse", "facts"})
CHUNK = 500  # keys per query, below SQLite's limit of 999 parameters

Value = str | bytes


# One connection per process and file, opened on first use: a reload reads and writes the cache once
# a document, and opening SQLite each time would cost more than the lookup. A forked worker opens its own.
_connections: dict[tuple[int, Path], sqlite3.Connection] = {}
_tables: set[tuple[int, Path, str]] = set()


def read(table: str, keys: Sequence[str]) -> dict[str, Value]:
    """Return the stored values of the keys that are in the cache."""
    connection = _connect(table)
    if connection is None:
        return {}
    found: dict[str, Value] = {}
    try:
        for offset in range(0, len(keys), CHUNK):
            chunk = list(keys[offset : offset + CHUNK])
            marks = ",".join("?" * len(chunk))
            found.update(connection.execute(f"SELECT key, value FROM {table} WHERE key IN ({marks})", chunk))
    except sqlite3.Error:
        return {}
    return found


def write(table: str, items: Mapping[str, Value]) -> None:
    """Store values by key; a failure to store is not an error."""
    connection = _connect(table)
    if connection is None:
        return
    try:
        with connection:
            statement = f"INSERT OR REPLACE INTO {table} (key, value) VALUES (?, ?)"
            connection.executemany(statement, items.items())
    except sqlite3.Error:
        pass


def _path() -> Path | None:
    configured = os.environ.get(CACHE_VARIABLE)
    if configured == "":
        return None
    return Path(configured) if configured else DEFAULT_PATH


def _connect(table: str) -> sqlite3.Connection | None:
    if table not in TABLES:
        raise ValueError(f"unknown cache table {table!r}")
    path = _path()
    if path is None:
        return None
    pid = os.getpid()
    try:
        connection = _connections.get((pid, path))
        if connection is None:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = _connections[pid, path] = sqlite3.connect(path, timeout=30)
        if (pid, path, table) not in _tables:
            connection.execute(
                f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, value BLOB NOT NULL)"
            )
            _tables.add((pid, path, table))
    except (OSError, sqlite3.Error):
        return None  # a read-only checkout still works; it only computes again
    return connection
