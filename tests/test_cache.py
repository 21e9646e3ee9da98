from __future__ import annotations

import pytest

from quiz.content import cache


@pytest.fixture
def cache_file(tmp_path, monkeypatch):
    path = tmp_path / "content.sqlite3"
    monkeypatch.setenv(cache.CACHE_VARIABLE, str(path))
    return path


def test_cache_returns_what_was_written_and_nothing_else(cache_file):
    cache.write("parse", {"a": "first", "b": b"second"})

    assert cache.read("parse", ["a", "b", "c"]) == {"a": "first", "b": b"second"}
    assert cache_file.exists()


def test_cache_set_empty_stores_nothing(monkeypatch, tmp_path):
    monkeypatch.setenv(cache.CACHE_VARIABLE, "")
    monkeypatch.chdir(tmp_path)

    cache.write("facts", {"a": b"x"})

    assert cache.read("facts", ["a"]) == {}


def test_cache_that_cannot_be_opened_costs_only_time(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(cache.CACHE_VARIABLE, str(blocker / "content.sqlite3"))

    cache.write("facts", {"a": b"x"})

    assert cache.read("facts", ["a"]) == {}


def test_cache_refuses_an_unknown_table(cache_file):  # noqa: ARG001
    with pytest.raises(ValueError, match="unknown cache table"):
        cache.read("users", ["a"])
