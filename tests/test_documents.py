from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest

from quiz.content.documents import (
    MAX_DOCUMENT_BYTES,
    DocumentError,
    parse_document,
    read_document,
    read_documents,
)


def test_parse_document_reads_front_matter() -> None:
    raw = b"---\ntitle: Iran and Pakistan\nsource: https://example.org/a\npublished: 2025-05-27\n---\nText here.\n"
    document = parse_document("news.txt", raw)
    assert document.title == "Iran and Pakistan"
    assert document.source == "https://example.org/a"
    assert document.published == datetime.date(2025, 5, 27)
    assert document.text.strip() == "Text here."


def test_parse_document_without_front_matter_takes_title_from_file_name() -> None:
    document = parse_document("mughal_empire.txt", b"Akbar ruled from 1556 to 1605.")
    assert document.title == "Mughal empire"
    assert document.published is None


def test_parse_document_accepts_a_byte_order_mark_and_windows_line_ends() -> None:
    document = parse_document("bom.txt", "\ufeff---\r\ntitle: T\r\n---\r\nBody.\r\n".encode())
    assert document.title == "T"
    assert document.text == "Body.\n"


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"\xff\xfeI\x00r\x00a\x00n\x00", "UTF-16 text, not UTF-8"),
        ("Iran".encode("utf-32"), "UTF-32 text, not UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (b"Founded in 1947.\x1b[0m", "control character 0x1b at offset 16"),
        (b"Line one.\nCaf\xe9 in 1950.", "byte 0xe9 at offset 13) on line 2; save it as UTF-8"),
        ("Caf\u00e9 in Tehran".encode("latin-1"), "not UTF-8 text (byte 0xe9 at offset 3)"),
        (b"", "has no text"),
        (b"  \n\n ", "has no text"),
        (b"---\ntitle: Only front matter\n---\n", "has no text"),
        (b"---\ntitle: Never closed\nText.", "never closed"),
        (b"---\njust words\n---\nText.", "line 2 is not 'key: value'"),
        (b"---\npublshed: 2025-05-27\n---\nText.", "unknown key 'publshed'"),
        (b"---\npublished: 27 May 2025\n---\nText.", "is not a date like 2025-05-27"),
        (b"---\ntitle: A\ntitle: B\n---\nText.", "repeats the key 'title'"),
    ],
)
def test_parse_document_rejects_bad_input_naming_file_and_problem(raw: bytes, problem: str) -> None:
    with pytest.raises(DocumentError) as error:
        parse_document("bad.txt", raw)
    assert str(error.value).startswith("bad.txt: ")
    assert problem in str(error.value)


def test_read_document_refuses_a_huge_file_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        file.truncate(MAX_DOCUMENT_BYTES * 100)  # sparse: reading it would take half a gigabyte
    with pytest.raises(DocumentError, match=r"^huge\.txt: too large \(500,000,000 bytes"):
        read_document(path)


def test_read_document_names_a_file_that_cannot_be_read(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(DocumentError, match=r"^folder\.txt: cannot be read \(Is a directory\)"):
        read_document(tmp_path / "folder.txt")


def _seeds(tmp_path: Path, files: dict[str | bytes, str]) -> Path:
    for name, text in files.items():
        (tmp_path / os.fsdecode(name)).write_text(text, encoding="utf-8")
    return tmp_path


def test_read_documents_reads_txt_files_in_name_order_and_ignores_others(tmp_path: Path) -> None:
    seeds = _seeds(tmp_path, {"b.txt": "In 1950.", "a.txt": "In 1947.", "README.md": "Notes."})
    assert [document.name for document in read_documents(seeds)] == ["a.txt", "b.txt"]


@pytest.mark.parametrize(
    ("files", "problem"),
    [
        ({"Notes.TXT": "In 1947."}, "Notes.TXT: documents must end in '.txt', in lower case"),
        ({".draft.txt": "In 1947."}, ".draft.txt: a hidden file"),
        ({b"caf\xe9.txt": "In 1947."}, "caf\ufffd.txt: the file name is not UTF-8"),
        ({"tab\there.txt": "In 1947."}, "'tab\\there.txt': the file name contains control characters"),
        ({"a.txt": "In 1947 it began.", "b.txt": "In  1947 it began.\n"}, "b.txt: a duplicate"),
        ({"alpha.txt": "In 1947.", "Alpha.txt": "In 1950."}, "alpha.txt: its name differs from 'Alpha.txt'"),
        ({}, "no .txt documents"),
    ],
    ids=[
        "upper-case-suffix",
        "hidden",
        "non-utf8-name",
        "control-in-name",
        "same-text",
        "same-name",
        "empty",
    ],
)
def test_read_documents_refuses_misnamed_duplicate_or_missing_files(
    tmp_path: Path, files: dict[str | bytes, str], problem: str
) -> None:
    with pytest.raises(DocumentError) as error:
        read_documents(_seeds(tmp_path, files))
    assert problem in str(error.value)
