from __future__ import annotations

import datetime

import pytest

from quiz.content.documents import DocumentError, parse_document


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
        (b"\xff\xfeI\x00r\x00a\x00n\x00", "binary data"),
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
