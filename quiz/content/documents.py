"""Read plain-text documents with optional front matter (title, source, published)."""

from __future__ import annotations

import codecs
import datetime
import os
import re
from dataclasses import dataclass
from pathlib import Path

FRONT_MATTER_KEYS = ("title", "source", "published")
MAX_DOCUMENT_BYTES = 5_000_000
SUFFIX = ".txt"
# Byte order marks of encodings other than UTF-8, longest first: UTF-32's begins with UTF-16's.
FOREIGN_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
# Control characters never found in prose; tabs, line and form feeds and carriage returns are allowed.
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class DocumentError(ValueError):
    """A document that cannot be read; the message names the file and the problem."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem


@dataclass(frozen=True)
class Document:
    name: str
    title: str
    text: str
    source: str = ""
    published: datetime.date | None = None
    body_line: int = 1  # the line of the file on which `text` starts


def read_document(path: Path) -> Document:
    """Read and parse one document file."""
    try:
        # Check the size before reading, so a huge file is never loaded into memory.
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise DocumentError(path.name, _too_large(size))
        raw = path.read_bytes()
    except OSError as error:
        raise DocumentError(path.name, f"cannot be read ({error.strerror or error})") from None
    return parse_document(path.name, raw)


def read_documents(directory: Path) -> list[Document]:
    """Read every `.txt` document of a directory, in file-name order; refuse misnamed and duplicate files."""
    if not directory.is_dir():
        raise DocumentError(str(directory), "no such directory")
    paths = sorted(path for path in directory.iterdir() if path.name.lower().endswith(SUFFIX))
    if not paths:
        raise DocumentError(str(directory), f"no {SUFFIX} documents; loading none would retire them all")
    for path in paths:
        check_file_name(path.name)
    documents = [read_document(path) for path in paths]
    _check_duplicates(documents)
    return documents


def check_file_name(name: str) -> None:
    """Refuse a file name that would be skipped silently, or that cannot serve as a document's key."""
    if not name.endswith(SUFFIX):
        raise DocumentError(name, f"documents must end in {SUFFIX!r}, in lower case; rename the file")
    if name.startswith("."):
        raise DocumentError(name, "a hidden file (its name starts with '.'); rename or remove it")
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(name).decode(errors="replace")
        raise DocumentError(shown, "the file name is not UTF-8; rename the file") from None
    if not name.isprintable():
        raise DocumentError(repr(name), "the file name contains control characters")


def _check_duplicates(documents: list[Document]) -> None:
    """Refuse two documents with the same text, or whose names differ only in letter case."""
    by_text: dict[str, str] = {}
    by_folded_name: dict[str, str] = {}
    for document in documents:
        twin = by_folded_name.setdefault(document.name.casefold(), document.name)
        if twin != document.name:
            raise DocumentError(document.name, f"its name differs from {twin!r} only in letter case")
        twin = by_text.setdefault(" ".join(document.text.split()), document.name)
        if twin != document.name:
            raise DocumentError(document.name, f"a duplicate: its text is the same as {twin!r}")


def parse_document(name: str, raw: bytes) -> Document:
    """Decode a document and split off its front matter."""
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise DocumentError(name, _too_large(len(raw)))
    for bom, encoding in FOREIGN_BOMS:
        if raw.startswith(bom):
            raise DocumentError(name, f"{encoding} text, not UTF-8; save it as UTF-8")
    if b"\x00" in raw:
        raise DocumentError(name, "binary data, not text (it contains NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        problem = f"not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start}) on line {line}"
        raise DocumentError(name, f"{problem}; save it as UTF-8") from None
    if control := CONTROL.search(text):
        offset = control.start()
        raise DocumentError(
            name, f"binary data, not text (control character 0x{ord(control.group()):02x} at offset {offset})"
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, body, body_line = _split_front_matter(name, text)
    if not body.strip():
        raise DocumentError(name, "the document has no text")
    return Document(
        name=name,
        title=meta.get("title") or _title_from_name(name),
        text=body,
        source=meta.get("source", ""),
        published=_parse_published(name, meta.get("published")),
        body_line=body_line,
    )


def _split_front_matter(name: str, text: str) -> tuple[dict[str, str], str, int]:
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text, 1
    try:
        closing = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    except StopIteration:
        raise DocumentError(name, "front matter opened with '---' on line 1 is never closed") from None
    meta: dict[str, str] = {}
    for number, line in enumerate(lines[1:closing], start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, colon, value = line.partition(":")
        key = key.strip().lower()
        if not colon or not key:
            raise DocumentError(name, f"front matter line {number} is not 'key: value': {line!r}")
        if key not in FRONT_MATTER_KEYS:
            known = ", ".join(FRONT_MATTER_KEYS)
            raise DocumentError(name, f"front matter line {number} has unknown key {key!r} (known: {known})")
        if key in meta:
            raise DocumentError(name, f"front matter line {number} repeats the key {key!r}")
        meta[key] = value.strip().strip("'\"")
    return meta, "\n".join(lines[closing + 1 :]), closing + 2


def _parse_published(name: str, value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise DocumentError(name, f"published date {value!r} is not a date like 2025-05-27") from None


def _too_large(size: int) -> str:
    return f"too large ({size:,} bytes; the limit is {MAX_DOCUMENT_BYTES:,})"


def _title_from_name(name: str) -> str:
    stem = re.sub(r"[_\-]+", " ", Path(name).stem).strip()
    return stem[:1].upper() + stem[1:] if stem else name
