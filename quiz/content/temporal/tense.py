"""Read the tense of the verb a date modifies, which puts a weekday or a yearless date before or after."""

from __future__ import annotations

import re

from quiz.content import vocabulary
from quiz.content.temporal.patterns import LOOKBACK

_TENSE = re.compile(
    rf"(?i)\b(?=[a-z'’])(?:(?P<future>(?:{'|'.join(vocabulary.FUTURE_WORDS)}))"
    rf"|(?P<schedule>{vocabulary.SCHEDULE_WORDS})|(?P<past>{vocabulary.PAST_WORDS}))\b"
)
_REPORTING = re.compile(rf"(?i){vocabulary.REPORTING_WORDS}")
_CLOSE_AFTER = re.compile(r"(?:\s+\S+){0,3}?\s*(?:on|at)?\s*")  # "said Tuesday", "told reporters on Monday"
# "has issued an alert until Saturday", "the sale runs through Sunday": still going on, so the end is ahead.
_ONGOING = re.compile(r"(?i)\b(?:has|have|is|are|remains?|will|runs?|continues?|lasts?|stays?|open)\b")
_OVER = re.compile(r"(?i)\b(?:had|was|were|lasted|remained|stayed|continued|ended)\b")
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|\s[–—]\s|--")
# Words after which a date is a deadline or the end of something still going on.
_UNTIL = re.compile(r"(?i)\b(?:until|till|by|through)\s+$")


def read_tense(text: str, start: int, end: int) -> str | None:
    """Return "past" or "future" from the verb the date at `start` modifies, or None when nothing says."""
    clause_start = max(
        (m.end() for m in _CLAUSE_BREAK.finditer(text, max(0, start - 2 * LOOKBACK), start)), default=0
    )
    before = text[max(clause_start, start - 2 * LOOKBACK) : start]
    markers = [
        marker
        for marker in _TENSE.finditer(before)
        if not _REPORTING.fullmatch(marker.group()) or _CLOSE_AFTER.fullmatch(before, marker.end())
    ]
    if _UNTIL.search(before):  # "has issued an alert until Saturday", unless it is over
        if _OVER.search(before):
            return "past"
        if _ONGOING.search(before):
            return "future"
    if markers:  # the nearest verb before the date: "said on Tuesday the bank may cut rates"
        return "past" if markers[-1].lastgroup == "past" else "future"
    following = _CLAUSE_BREAK.search(text, end)
    after = text[end : following.start() if following else len(text)]
    # Nothing before said a tense: "On Monday, the minister will travel", "at midnight Friday, clocks will".
    if not after.strip() and following:
        next_break = _CLAUSE_BREAK.search(text, following.end())
        after = text[following.end() : next_break.start() if next_break else len(text)]
    marker = _TENSE.search(after, 0, 2 * LOOKBACK)
    if marker is None:
        return None
    return "past" if marker.lastgroup == "past" else "future"
