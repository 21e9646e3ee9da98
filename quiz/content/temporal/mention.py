"""What the date finder returns, and what it carries from one date to the next."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from quiz.content.timespan import Span


@dataclass(frozen=True)
class Mention:
    """A date expression found in a text: where, as written, and the interval it stands for."""

    text: str
    start: int
    end: int
    span: Span | None  # None when the anchor it needs is unknown
    reason: str = ""  # why the mention could not be resolved
    relative: bool = False  # resolved against the publication date or an earlier mention
    yearless: bool = False  # a day or month without a year: "May 9", "in March"
    focus: bool = False  # the text has moved to this date ("For 1991, ..."): "the year" now means it
    rule: str = ""  # the name of the pattern that read it ("weekday", "holiday", "focus_year", ...)


@dataclass
class Context:
    """What the dates read so far tell the ones still to come."""

    published: datetime.date | None
    previous: Span | None  # the last date: "the following year" counts from it
    focus: Span | None  # the date the text has moved to, if any: "the year", "a year earlier" count from it
    # A year the text turns to however far back holds for its sentence and the next: "It lost $20 million in
    # 1989, after earning $150 million a year earlier" compares with 1988, "In March 1990 it opened. Later in
    # the year ..." is 1990; after that the text is back in the reporting year.
    recent_focus: Span | None = None
    recent_age: int = 0  # sentences since `recent_focus` was named
    years_before: tuple[int, ...] = ()  # the years written out in the sentence before


NO_PUBLISHED = "needs the publication date, which the document does not give"
NO_PREVIOUS = "refers to an earlier date, but none comes before it"
