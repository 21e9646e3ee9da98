"""A catalogue of bad documents, one line each in BAD, put among the real seeds as a maintainer would.

Each must stop `reload_content` and `build_fixtures` with a CommandError naming the file and the problem,
leaving the database (content and learners' progress) and the fixture untouched.
"""

from __future__ import annotations

import os
import shutil
import struct
import zlib
from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command, execute_from_command_line

from quiz.content.documents import MAX_DOCUMENT_BYTES
from quiz.models import Answer, Attempt, CardState, Flashcard, Question, Review
from tests.learning_factories import make_attempt_with_answers, make_card_state, make_review, make_user

LEARNING_MODELS = (Attempt, Answer, CardState, Review)
TEXT = b"Pakistan became independent on 14 August 1947, and Iran recognised it the same day.\n"
REAL_SEEDS = sorted(Path(settings.CONTENT_SEEDS_DIR).glob("*.txt"))

pytestmark = pytest.mark.django_db

Content = bytes | Callable[[Path], None]


def _png() -> bytes:
    """Return a one-pixel PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0\0"))
        + chunk(b"IEND", b"")
    )


def _sparse(size: int) -> Callable[[Path], None]:
    """Make a file of `size` bytes without writing them, so the test stays fast."""

    def make(path: Path) -> None:
        with path.open("wb") as file:
            file.truncate(size)

    return make


def _directory(path: Path) -> None:
    path.mkdir()


def _copy_of_first_seed(path: Path) -> None:
    shutil.copyfile(REAL_SEEDS[0], path)


def _with_lower_case_twin(path: Path) -> None:
    path.write_bytes(TEXT)
    path.with_name(path.name.lower()).write_bytes(TEXT.replace(b"1947", b"1948"))


def bad(name: str, file: str | bytes, content: Content, error: str) -> Any:
    return pytest.param(file, content, error, id=name)


# fmt: off
BAD = [
    bad("png-image", "map.txt", _png(), "map.txt: binary data, not text (it contains NUL bytes)"),
    bad("nul-bytes", "nul.txt", TEXT + b"\0\0", "nul.txt: binary data, not text (it contains NUL bytes)"),
    bad("control-chars", "esc.txt", TEXT + b"\x1b[31m", "esc.txt: binary data, not text (control char"),
    bad("empty", "empty.txt", b"", "empty.txt: the document has no text"),
    bad("whitespace-only", "blank.txt", b" \n\t\r\n  \n", "blank.txt: the document has no text"),
    bad("front-matter-only", "head.txt", b"---\ntitle: A title\n---\n", "head.txt: the document has no text"),
    bad("too-large", "huge.txt", _sparse(MAX_DOCUMENT_BYTES + 1), "huge.txt: too large (5,000,001 bytes"),
    bad("front-matter-unclosed", "open.txt", b"---\ntitle: A\n" + TEXT, "open.txt: front matter opened with"),
    bad("front-matter-no-colon", "colon.txt", b"---\ntitle A\n---\n" + TEXT, "colon.txt: front matter"),
    bad("front-matter-unknown", "key.txt", b"---\nauthor: Ada\n---\n" + TEXT, "key.txt: front matter line 2"),
    bad("front-matter-twice", "two.txt", b"---\ntitle: A\ntitle: B\n---\n" + TEXT, "two.txt: front matter"),
    bad("published-not-iso", "iso.txt", b"---\npublished: 27/05/2025\n---\n" + TEXT, "iso.txt: published"),
    bad("published-impossible", "feb.txt", b"---\npublished: 2025-02-30\n---\n" + TEXT, "feb.txt: published"),
    bad("latin1-inside-utf8", "mixed.txt", TEXT + "Caf\u00e9".encode("latin-1"), "mixed.txt: not UTF-8 text"),
    bad("utf16-with-bom", "utf16.txt", TEXT.decode().encode("utf-16"), "utf16.txt: UTF-16 text, not UTF-8"),
    bad("upper-case-suffix", "Notes.TXT", TEXT, "Notes.TXT: documents must end in '.txt', in lower case"),
    bad("hidden-file", ".draft.txt", TEXT, ".draft.txt: a hidden file (its name starts with '.')"),
    bad("name-not-utf8", b"caf\xe9.txt", TEXT, "caf\ufffd.txt: the file name is not UTF-8"),
    bad("name-with-newline", "a\nb.txt", TEXT, "'a\\nb.txt': the file name contains control characters"),
    bad("directory", "folder.txt", _directory, "folder.txt: cannot be read (Is a directory)"),
    bad("duplicate-text", "zz_copy.txt", _copy_of_first_seed, "zz_copy.txt: a duplicate"),
    bad("duplicate-name-case", "Tehran.txt", _with_lower_case_twin, "tehran.txt: its name differs"),
]
# fmt: on


@pytest.fixture
def seeds(tmp_path: Path, settings: Any) -> Path:
    """Copy the real seeds to a folder of their own, and point the commands at it."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in REAL_SEEDS:
        shutil.copyfile(path, folder / path.name)
    settings.CONTENT_SEEDS_DIR = folder
    return folder


@pytest.fixture
def loaded(seeds: Path) -> Path:
    """Load the good seeds and give a student some progress: a quiz, a schedule and a review."""
    call_command("reload_content", stdout=StringIO())
    student = make_user()
    make_attempt_with_answers(student, list(Question.objects.order_by("pk")[:3]), correct=[True, False, True])
    make_review(make_card_state(student, Flashcard.objects.order_by("pk").first()))
    return seeds


def _add(seeds: Path, file: str | bytes, content: Content) -> None:
    path = seeds / os.fsdecode(file)
    if callable(content):
        content(path)
    else:
        path.write_bytes(content)


def _learning() -> dict[str, list[tuple[Any, ...]]]:
    return {model.__name__: list(model.objects.order_by("pk").values_list()) for model in LEARNING_MODELS}


@pytest.mark.parametrize(("file", "content", "error"), BAD)
def test_reload_content_refuses_bad_document_and_changes_nothing(
    loaded: Path, db_snapshot: Callable[[], Any], file: str | bytes, content: Content, error: str
) -> None:
    before = db_snapshot(), _learning()
    _add(loaded, file, content)

    with pytest.raises(CommandError) as raised:
        call_command("reload_content", stdout=StringIO())

    assert error in str(raised.value)
    assert (db_snapshot(), _learning()) == before


@pytest.mark.parametrize(("file", "content", "error"), BAD)
def test_build_fixtures_refuses_bad_document_and_writes_no_fixture(
    seeds: Path, tmp_path: Path, file: str | bytes, content: Content, error: str
) -> None:
    output = tmp_path / "content.json"
    _add(seeds, file, content)

    with pytest.raises(CommandError) as raised:
        call_command("build_fixtures", "--output", str(output), stdout=StringIO())

    assert error in str(raised.value)
    assert not output.exists()


def test_reload_content_from_the_command_line_exits_1_naming_file_and_problem(
    loaded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add(loaded, "empty.txt", b"")

    with pytest.raises(SystemExit) as exited:
        execute_from_command_line(["manage.py", "reload_content"])

    assert exited.value.code == 1
    assert capsys.readouterr().err == "CommandError: empty.txt: the document has no text\n"


def test_reload_content_empty_seeds_folder_retires_nothing(
    loaded: Path, db_snapshot: Callable[[], Any]
) -> None:
    before = db_snapshot()
    for path in loaded.iterdir():
        path.unlink()

    with pytest.raises(CommandError, match=r"no \.txt documents; loading none would retire them all"):
        call_command("reload_content", stdout=StringIO())

    assert db_snapshot() == before
