"""Join two dates written as one range: "from 2001 to 2003", "between 1982 and 1992", "1945–1991"."""

from __future__ import annotations

import re
from dataclasses import replace

from quiz.content import timespan
from quiz.content.temporal.mention import Mention
from quiz.content.temporal.patterns import LOOKBACK
from quiz.content.timespan import Span

_RANGE_JOINS = (
    (re.compile(r"(?i)\bfrom\s+$"), re.compile(r"^\s*(?:[–—-]|to|until|till|through)\s+$|^\s?[–—-]\s?$")),
    (re.compile(r"(?i)\bbetween\s+$"), re.compile(r"^\s+and\s+$")),
    (None, re.compile(r"^\s?[–—-]\s?$|^\s+(?:to|until|till|through)\s+$")),
)


def merge_ranges(text: str, mentions: list[Mention]) -> list[Mention]:
    """Join 'from X to Y', 'between X and Y' and 'X–Y' into one interval."""
    merged: list[Mention] = []
    index = 0
    while index < len(mentions):
        current = mentions[index]
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        joined = _join(text, current, following) if following else None
        if joined is not None:
            merged.append(joined)
            index += 2
        else:
            merged.append(current)
            index += 1
    return merged


def _join(text: str, first: Mention, last: Mention) -> Mention | None:
    if first.span is None or last.span is None:
        return None
    if "holiday" in {first.rule, last.rule}:  # "from Thanksgiving Day through Christmas Day": two days named
        return None
    between = text[first.end : last.start]
    for lead, middle in _RANGE_JOINS:
        window = max(0, first.start - LOOKBACK)
        lead_match = lead.search(text, window, first.start) if lead else None
        if (lead is None or lead_match) and middle.match(between):
            span = _range_span(first.span, last.span)
            if span is None:
                return None
            start = lead_match.start() if lead_match else first.start
            return replace(
                first,
                text=text[start : last.end],
                start=start,
                end=last.end,
                span=span,
                relative=first.relative or last.relative,
            )
    return None


def _range_span(first: Span, last: Span) -> Span | None:
    if first.precision != last.precision:
        return None
    if last.start <= first.end:
        return None
    return timespan.join(first, last)
