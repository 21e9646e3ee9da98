"""Split text into sentences, minding abbreviations, initials, quotes and brackets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen col lt maj capt sgt cmdr adm gov sen rep pres st mt ft jr sr rev hon
    messrs mme mlle fr br sr sra no nos vol vols pp p ch fig figs art sec eq approx est dept
    univ inc ltd co corp bros assn vs etc al cf ca c r b d fl viz ibid op esp jan feb mar apr
    jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    """.split()
)
# Abbreviations that may end a sentence when the next word starts with a capital.
CLOSING_ABBREVIATIONS = frozenset({"etc", "al", "inc", "ltd", "co", "corp", "bros", "jr", "sr"})

_CANDIDATE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z]+(?:\.[A-Za-z]+)*)\.$")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset of the sentence in the document body


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of a text; each line without end punctuation (a heading) stands alone."""
    return list(_sentences(text))


def _sentences(text: str) -> Iterator[Sentence]:
    for line in re.finditer(r"[^\n]+", text):
        yield from _split_line(line.group(), line.start())


def _split_line(line: str, offset: int) -> Iterator[Sentence]:
    start = 0
    for match in _CANDIDATE.finditer(line):
        if _ends_in_abbreviation(line[: match.start() + 1], line[match.end() :]):
            continue
        if _inside_brackets(line[start : match.start()]):
            continue
        yield from _emit(line[start : match.end()], offset + start)
        start = match.end()
    yield from _emit(line[start:], offset + start)


def _emit(piece: str, offset: int) -> Iterator[Sentence]:
    stripped = piece.strip()
    if stripped:
        yield Sentence(stripped, offset + piece.index(stripped[0]))


def _ends_in_abbreviation(before: str, after: str) -> bool:
    if not before.endswith("."):
        return False
    match = _WORD_BEFORE.search(before[-40:])  # only the last word matters; keeps long lines linear
    if match is None:
        return False
    word = match.group(1)
    if "." in word:  # U.S., e.g., i.e., a.m.
        return not after.lstrip().startswith(('"', "“"))
    if len(word) == 1 and word.isupper():  # an initial: J. R. R. Tolkien
        return True
    lowered = word.lower()
    if lowered in CLOSING_ABBREVIATIONS:
        return False
    return lowered in ABBREVIATIONS and not (lowered == "no" and not after.lstrip()[:1].isdigit())


def _inside_brackets(piece: str) -> bool:
    return piece.count("(") > piece.count(")")
