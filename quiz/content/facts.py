"""Dated facts: one date expression in one sentence, with a description of its event."""

from __future__ import annotations

import datetime
import hashlib
import itertools
import re
from collections import Counter
from dataclasses import dataclass

from quiz.content.documents import Document
from quiz.content.sentences import split_sentences
from quiz.content.temporal import Mention, find_dates, find_dates_in_sentences, needs_publication_date
from quiz.content.timespan import Point, Precision, Span, label


@dataclass(frozen=True)
class Fact:
    key: str  # hash of the document name, the sentence and the date words
    document: str  # file name
    sentence: str
    when: str  # the date words as written
    span: Span
    event: str  # what happened, readable on its own, without the date
    sentence_spans: tuple[Span, ...]  # every date the sentence makes true, this one included
    horizon: Point | None  # the latest date a distractor may fall on for a past event
    in_name: bool = False  # the date belongs to a name: "the Indo-Pakistani War of 1965"
    at: int = -1  # where `when` starts in `sentence`


@dataclass(frozen=True)
class Skipped:
    """A date expression left out, and why (shown by the preview)."""

    document: str
    sentence: str
    when: str
    reason: str


def fact_key(document: str, sentence: str, when: str, occurrence: int = 0) -> str:
    """Return a stable key for one date expression of one sentence."""
    parts = [document, sentence, when] + ([str(occurrence)] if occurrence else [])
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]


@dataclass(frozen=True)
class PublicationDate:
    """A document's publication date and where it came from."""

    date: datetime.date | None
    origin: str  # "front matter", "inferred from ...", or why it is unknown


def extract_facts(document: Document) -> tuple[list[Fact], list[Skipped]]:
    """Return the dated facts of a document and the date expressions left out."""
    sentences = [sentence.text for sentence in split_sentences(document.text)]
    found = _find_all(sentences, document.published)
    if document.published is None and any(map(needs_publication_date, itertools.chain(*found))):
        published = _infer_publication_date(document, found).date
        if published is not None:
            found = _find_all(sentences, published)
    else:
        published = document.published
    horizon = _horizon(published, found)
    facts: list[Fact] = []
    skipped: list[Skipped] = []
    occurrences: Counter[tuple[str, str]] = Counter()  # a sentence may repeat within a document
    for sentence, mentions in zip(sentences, found, strict=True):
        resolved = [mention for mention in mentions if mention.span is not None]
        spans = tuple(mention.span for mention in resolved if mention.span is not None)
        for mention in mentions:
            if mention.span is None:
                skipped.append(Skipped(document.name, sentence, mention.text, mention.reason))
                continue
            occurrence = occurrences[sentence, mention.text]
            occurrences[sentence, mention.text] += 1
            facts.append(
                Fact(
                    key=fact_key(document.name, sentence, mention.text, occurrence),
                    document=document.name,
                    sentence=sentence,
                    when=mention.text,
                    span=mention.span,
                    event=describe_event(sentence, mention, resolved),
                    sentence_spans=spans,
                    horizon=horizon,
                    in_name=_in_name(sentence, mention),
                    at=mention.start,
                )
            )
    return facts, skipped


def _find_all(sentences: list[str], published: datetime.date | None) -> list[list[Mention]]:
    """Find the dates of each sentence; "the following year" and "the year" may refer to an earlier one."""
    return find_dates_in_sentences(sentences, published=published)


def _horizon(published: datetime.date | None, found: list[list[Mention]]) -> Point | None:
    if published is not None:
        return Point(published.year, published.month, published.day)
    return max((m.span.end for m in itertools.chain(*found) if m.span is not None), default=None)


# Publication date ---------------------------------------------------------------------------------

_PUBLISHED_MARKER = re.compile(r"(?i)\b(?:published|posted|updated|dated|last modified)\b\s*(?:on|:)?\s*")


# "NEW DELHI, May 27, 2025 —", "Monday, 26 May 2025:", or a first line that is only a date.
_DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Za-z .'-]{1,40},\s+)?[^\n—–(]{0,25}?\d{1,4}(?:\s*\([^)\n]{1,30}\))?"
    r"(?:\s+(?:—|–|--|-)\s|\s*:\s|\s*\n)"
)


def publication_date(document: Document) -> PublicationDate:
    """Return the publication date from front matter, or infer it from the text where it says so."""
    if document.published is not None:
        return PublicationDate(document.published, "front matter")
    found = _find_all([sentence.text for sentence in split_sentences(document.text)], None)
    if not any(map(needs_publication_date, itertools.chain(*found))):
        return PublicationDate(None, "not needed: no date in the text depends on it")
    return _infer_publication_date(document, found)


def _infer_publication_date(document: Document, found: list[list[Mention]]) -> PublicationDate:
    for marker in _PUBLISHED_MARKER.finditer(document.text):
        dates = _full_dates(find_dates(document.text[marker.end() : marker.end() + 40]))
        if dates and dates[0][1] == 0:
            return PublicationDate(dates[0][0], f"inferred from '{marker.group().strip()} {dates[0][2]}'")
    if (end := _dateline_end(document.text)) and (dates := _full_dates(find_dates(document.text[:end]))):
        return PublicationDate(dates[0][0], f"inferred from the dateline '{dates[0][2]}'")
    mentions = list(itertools.chain(*found))
    latest = max(_full_dates(mentions), default=None)
    if latest is not None and any(m.relative and not m.yearless for m in mentions):
        return PublicationDate(latest[0], f"inferred from the latest full date in the text, '{latest[2]}'")
    return PublicationDate(None, "no front matter, no dateline and no 'Published' line")


def _dateline_end(text: str) -> int:
    """Return where a dateline ("BEIJING, Jan 8 (Reuters) —") ends at the start of the text, or 0."""
    dateline = _DATELINE.match(text)
    return dateline.end() if dateline and find_dates(dateline.group()) else 0


def _full_dates(mentions: list[Mention]) -> list[tuple[datetime.date, int, str]]:
    return [
        (datetime.date(m.span.start.year, m.span.start.month, m.span.start.day), m.start, m.text)
        for m in mentions
        if m.span is not None
        and not m.relative
        and m.span.precision is Precision.DAY
        and not m.span.is_range
        and m.span.start.year > 0
    ]


# Event descriptions -------------------------------------------------------------------------------

_PREPOSITION = re.compile(
    r"(?i)(?:\b(?:in|on|at|during|since|by|until|till|through|throughout|around|circa|about|as of|of|from|for"
    r"|between|after|before|early|late|c\.)\s+(?:the\s+)?)$"
)
_FUNCTION_WORDS = frozenset(
    """
    and or but nor so yet when while which who whom whose that where was were is are be been
    being had has have did does do saw sees see will would shall should may might can could must
    to in on at by for of with as after before during until since the a an it he she they we i
    you there this these those its his her their our also then than from into onto over under
    between against through about per each not no only even still ago later earlier
    """.split()
)
_CLAUSE_AFTER = re.compile(r";\s+|,\s+(?:and|while|whereas|but)\s+|\s+and\s+")
_CLAUSE_BEFORE = re.compile(r";\s+|,\s+(?:and|while|whereas|but)\s+")
_APPOSITIVE = re.compile(r"^,\s+(?:the|a|an)\s+[^,]{1,80},\s*")


def describe_event(sentence: str, mention: Mention, mentions: list[Mention]) -> str:
    """Return the sentence without the date, trimmed to the clause that holds it."""
    start, end = _removal(sentence, mention)
    # A dateline ("BEIJING, Jan 8 (Reuters) —") is not part of the event, whichever date is asked.
    before, after = sentence[min(_dateline_end(sentence), start) : start], sentence[end:]
    if mention.start < _dateline_end(sentence):
        before, after = "", sentence[_dateline_end(sentence) :]
    if before.strip() and not _in_name(sentence, mention):  # "on 14 August 1947, the day of ..., when"
        after = _APPOSITIVE.sub(" ", after, count=1) if after.startswith(",") else after
    others = [m for m in mentions if m is not mention]
    before, after = _trim_clauses(before, after, end, others)
    return _tidy(before + " " + after)


def _removal(sentence: str, mention: Mention) -> tuple[int, int]:
    start, end = mention.start, mention.end
    if sentence[start - 1 : start] == "(" and sentence[end : end + 1] == ")":
        return start - 1, end + 1
    if _in_name(sentence, mention):
        name_of = re.search(r"\s+of\s+$", sentence[:start])
        if name_of:
            return name_of.start(), end
        if sentence[start:end].lower().startswith("the "):
            start += 4
        return start, end
    preposition = _PREPOSITION.search(sentence, max(0, start - 40), start)
    if preposition:
        start = preposition.start()
    return start, end


def _in_name(sentence: str, mention: Mention) -> bool:
    """Tell whether the date belongs to a name: "the Indo-Pakistani War of 1965", "the 1970s operation"."""
    before = sentence[max(0, mention.start - 80) : mention.start]
    if re.search(r"\b[A-Z][\w’'–-]*\s+of\s+$", before) and not re.search(
        r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
        r"\s+of\s+$",
        before,
    ):
        return True
    following = re.match(r"\s+([A-Za-z][\w’'-]*)", sentence[mention.end :])
    if following is None or following.group(1).lower() in _FUNCTION_WORDS:
        return False
    return bool(mention.text.lower().startswith("the ") or re.search(r"(?i)\bthe\s+$", before))


def _trim_clauses(before: str, after: str, end: int, others: list[Mention]) -> tuple[str, str]:
    """Drop coordinated clauses that belong to other dates of the same sentence."""
    for boundary in _CLAUSE_AFTER.finditer(after):
        offset = end + boundary.start()
        if any(other.start >= offset for other in others):
            after = after[: boundary.start()]
            break
    boundaries = list(_CLAUSE_BEFORE.finditer(before))
    if boundaries:
        last = boundaries[-1]
        if any(other.end <= last.start() for other in others):
            before = before[last.end() :]
    return before, after


def _tidy(text: str) -> str:
    text = re.sub(
        r"\(\s*(?:(?:r|b|d|c|ca|fl|reigned|born|died)\.?)?\s*[,;]?\s*\)", "", text
    )  # "(r. 754–775)"
    text = re.sub(
        r"\s+(?:only|just|even|already|still)(?=\s*[,;.]|\s*$)", "", text
    )  # "abolished only in 1861"
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
    text = re.sub(r"([(])\s+", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    text = text.strip(" ,;:–—-")
    text = re.sub(r"[,;:]\s*([.!?])$", r"\1", text)
    text = text.rstrip(".").strip()
    return text[:1].upper() + text[1:]


def format_span(span: Span) -> str:
    return label(span)
