"""Find date expressions in text and normalise each to an inclusive interval.

Absolute forms (14 August 1947, the 1970s, the 3rd century BC, 1945–1991, nineteen ninety-four, ...) are
resolved on their own. Dates without a year, weekdays, holidays and deictic words (today, last year, two years
ago) are resolved against the publication date; "the following year" against the date mentioned before it;
"the year", "year-end" and "a year earlier" against the date in focus (the publication date unless the text
has moved to another date: "For 1991, ..."). When the anchor an expression needs is missing, or its year is
genuinely uncertain, the mention is returned unresolved with a reason, so that callers can say what was left
out instead of guessing. The words and calendar rules live in `quiz.content.vocabulary`.
"""

from __future__ import annotations

import datetime
import re

from quiz.content import vocabulary
from quiz.content.temporal.absolute import ABSOLUTE, plausible
from quiz.content.temporal.mention import NO_PUBLISHED, Context, Mention
from quiz.content.temporal.patterns import (
    BARE_MONTH_LEADS,
    COMPARED,
    COORDINATED,
    DATE_LEAD,
    DEICTIC_NOT_DAY_AFTER,
    DEICTIC_NOT_DAY_BEFORE,
    FOCUS_LEADS,
    GROUPS,
    HOLIDAY_LEADS,
    LOOKBACK,
    NAME_AFTER,
    NOT_DATE_AFTER,
    NOUN_AFTER,
    RANGE_LEAD,
    SCANNER,
    TENSED,
    WEEKDAY_NAME_BEFORE,
)
from quiz.content.temporal.ranges import merge_ranges
from quiz.content.temporal.relative import holiday_of, in_the_year_before, resolve_relative
from quiz.content.temporal.tense import read_tense
from quiz.content.timespan import Precision, Span
from quiz.content.vocabulary import MONTHS as _MONTHS

__all__ = ["Mention", "find_dates", "find_dates_in_sentences", "needs_publication_date"]


def find_dates(
    text: str,
    *,
    published: datetime.date | None = None,
    previous: Span | None = None,
    focus: Span | None = None,
) -> list[Mention]:
    """Return the date expressions of a text in order, resolved where their anchors are known."""
    return _find(text, Context(published, previous, focus))


def find_dates_in_sentences(sentences: list[str], *, published: datetime.date | None) -> list[list[Mention]]:
    """Find the dates of each sentence, carrying "the date before" and "the date in focus" across them."""
    context = Context(published, None, None)
    return [_find(sentence, context) for sentence in sentences]


def _find(text: str, context: Context) -> list[Mention]:
    mentions: list[Mention] = []
    context.recent_age += 1
    if context.recent_age > _RECENT_SENTENCES:
        context.recent_focus = None
    for match in SCANNER.finditer(text):
        mention = _mention(match, text, context)
        if mention is None:
            continue
        mentions.append(mention)
        if mention.span is not None:
            context.previous = mention.span
            if mention.focus:
                context.recent_focus, context.recent_age = mention.span, 0
                if _near(mention.span, context.published):
                    context.focus = mention.span
    context.years_before = tuple(int(year) for year in _WRITTEN_YEAR.findall(text))
    return merge_ranges(text, mentions)


# "who had declared for Napoleon and been defeated ... in May": a time before the one last named.
_PAST_PERFECT = re.compile(r"\bhad\s+(?:\w+\s+){0,6}?(?:been\s+)?\w+(?:ed|en|wn|ght)\b")
# A year written out in full, placed or not ("in the autumn of 1914" is left out, but says 1914).
_WRITTEN_YEAR = re.compile(r"(?<![\d,.])(1\d{3}|20\d{2})(?![\d,.]\d)")
_RECENT_DAYS = 183  # a day or month nearer the story than this is news, whatever came before
_LONG_BEFORE = 10  # years: "bought a rival in 2017" is recent history; "the autumn of 1914" is not
OLD_YEAR_REASON = "a day without a year after an earlier year: which year it is is not sure"


def _after_an_old_year(text: str, start: int, context: Context, nearest: Span) -> bool:
    """Tell whether a past day or month comes just after a year long before the story: "The building
    suffered its worst ordeal in the autumn of 1914. On Sept. 19, ..." is 1914's, not last September.
    A day of the last half year ("took office in April", "must certify by Nov. 23") is left as it is."""
    published = context.published
    if published is None or nearest.end.year < datetime.MINYEAR:
        return False
    end = datetime.date(nearest.end.year, nearest.end.month, nearest.end.day)
    if (published - end).days < _RECENT_DAYS:
        return False  # "in January" of the story's own year, last November, or a day still to come
    # Only a sentence before that is wholly about the past: "It bought a rival in 2017 and ordered ships in
    # January" and "Eritrea won independence in 1993. Abiy, who took office in April, ..." are this year's.
    years = context.years_before
    return (
        bool(years)
        and all(year <= published.year - _LONG_BEFORE for year in years)
        and not _WRITTEN_YEAR.search(text, 0, start)
    )


def needs_publication_date(mention: Mention) -> bool:
    return mention.span is None and mention.reason == NO_PUBLISHED


def _mention(match: re.Match[str], text: str, context: Context) -> Mention | None:
    kind = match.lastgroup
    assert kind is not None
    groups = {key: value for key in GROUPS[kind] if (value := match.group(key)) is not None}
    start, end = match.span()
    if kind in ABSOLUTE:
        span = ABSOLUTE[kind](groups)
        if span is None or not plausible(kind, groups, text, start, end):
            return None
        return Mention(match.group(), start, end, span, focus=_moves_focus(span, text, start, end), rule=kind)
    if not _accepted(kind, groups, text, start, end):
        return None
    tense = read_tense(text, start, end) if kind in TENSED else None
    resolved = resolve_relative(kind, groups, context, tense=tense)
    yearless = kind in {"dm", "md", "md_range", "dm_range", "bare_month", "holiday"}
    led = DATE_LEAD.search(text, 0, start) or RANGE_LEAD.match(text, start)  # "Between 22 and 24 October"
    if resolved == NO_PUBLISHED and yearless and led:
        # With no publication date, "on 2 February" is the February of the date before it; "the
        # September 11 attacks" is a name, and no date before it says which September.
        clause = max(
            text.rfind(",", 0, start) + 1, start - 120
        )  # "who had ... in May", not ", was ... in October"
        earlier = bool(_PAST_PERFECT.search(text, max(0, clause), start))
        resolved = in_the_year_before(kind, groups, context, earlier=earlier) or NO_PUBLISHED
    if yearless and not isinstance(resolved, str) and _after_an_old_year(text, start, context, resolved):
        resolved = OLD_YEAR_REASON
    span, reason = (None, resolved) if isinstance(resolved, str) else (resolved, "")
    focus = kind == "relative" and span is not None and _moves_focus(span, text, start, end)
    return Mention(
        text[start:end],
        start,
        end,
        span,
        reason=reason,
        relative=True,
        yearless=yearless,
        focus=focus,
        rule=kind,
    )


def _moves_focus(span: Span, text: str, start: int, end: int) -> bool:
    """Tell whether the text turns to this date's year, so "the year" and "a year earlier" count from it."""
    # "For 1991, ..." and "grew 5 percent in 2024" turn to a year; "since 2015" and "That 2000 pact" do not.
    if span.precision not in _FOCUS_PRECISIONS or span.is_range:
        return False
    lead = FOCUS_LEADS.search(text, max(0, start - 12), start)
    if lead is None or COMPARED.search(text, max(0, start - 2 * LOOKBACK), start):
        return False
    return not COORDINATED.match(text, end)  # "soared in 2020 and 2021": no one year


def _near(span: Span, published: datetime.date | None) -> bool:
    """Tell whether a news text can turn to this year for its "the year": one close to its publication."""
    # "joined the company in 1971" is a fact about the past; the year in focus stays the reporting year.
    return published is None or abs(span.start.year - published.year) <= _FOCUS_YEARS


_FOCUS_YEARS = 1
_RECENT_SENTENCES = 1
# A day moves only the day in focus ("that day"), through the date before; a month or a year moves the year.
_FOCUS_PRECISIONS = frozenset({Precision.MONTH, Precision.YEAR})


def _accepted(kind: str, groups: dict[str, str], text: str, start: int, end: int) -> bool:
    """Reject words that look like relative dates but name something else."""
    before = text[max(0, start - LOOKBACK) : start]
    name_after = NAME_AFTER.match(text, end)
    if kind in {"bare_month", "my", "md"} and NOT_DATE_AFTER.match(text, end):
        return False
    if kind == "bare_month":
        if name_after and name_after.group(1).lower() not in _MONTHS:
            return False  # "April Ryan", "by May Day"
        return "bm_mod" in groups or BARE_MONTH_LEADS.search(before) is not None
    if kind == "weekday":
        if WEEKDAY_NAME_BEFORE.search(before):  # "Good Friday", "Black Monday"
            return False
        return not (name_after and name_after.group(1) in vocabulary.WEEKDAY_NAME_AFTER)  # "the Sunday Times"
    if kind == "holiday" and "hol_dir" not in groups and holiday_of(groups["hol"]).after_preposition:
        return HOLIDAY_LEADS.search(before) is not None and not NOUN_AFTER.match(text, end)
    if kind == "deictic":
        return not (DEICTIC_NOT_DAY_BEFORE.search(before) or DEICTIC_NOT_DAY_AFTER.match(text, end))
    return True
