"""Read plain-text documents with optional front matter (title, source, published)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

FRONT_MATTER_KEYS = ("title", "source", "published")
MAX_DOCUMENT_BYTES = 5_000_000


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
    return parse_document(path.name, path.read_bytes())


def read_documents(directory: Path) -> list[Document]:
    """Read every `.txt` document of a directory, in file-name order."""
    if not directory.is_dir():
        raise DocumentError(str(directory), "no such directory")
    return [read_document(path) for path in sorted(directory.glob("*.txt"))]


def parse_document(name: str, raw: bytes) -> Document:
    """Decode a document and split off its front matter."""
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise DocumentError(name, f"too large ({len(raw):,} bytes; the limit is {MAX_DOCUMENT_BYTES:,})")
    if b"\x00" in raw:
        raise DocumentError(name, "binary data, not text (it contains NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DocumentError(
            name, f"not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start})"
        ) from None
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


def _title_from_name(name: str) -> str:
    stem = re.sub(r"[_\-]+", " ", Path(name).stem).strip()
    return stem[:1].upper() + stem[1:] if stem else name
