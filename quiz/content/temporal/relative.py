"""Resolve the forms that need an anchor: the publication date, the date before, or the date in focus."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from quiz.content import timespan, vocabulary
from quiz.content.temporal.absolute import day_value, month_value, safe_day
from quiz.content.temporal.mention import NO_PREVIOUS, NO_PUBLISHED, Context
from quiz.content.timespan import Point, Precision, Span
from quiz.content.vocabulary import NUMBER_WORDS as _NUMBER_WORDS
from quiz.content.vocabulary import WEEKDAYS as _WEEKDAYS

_NO_FOCUS_DAY = "refers to a day in focus, but the text has moved to a date coarser than a day"
_LEFT_OUT = "weeks, quarters and seasons have no precision of their own yet, so they are left out"
# A date without a year goes in the year nearest the publication date; a tense that puts it on the other side
# counts as this many days of distance, so the verb decides only between years both within about ten months.
_TENSE_WEIGHT = 300
_TIE_DAYS = 30  # closer than this, with no tense to choose, the year is a guess
# How many units "the following year", "the day before", "the previous month" move from their anchor.
_STEPS = {
    "following": 1,
    "next": 1,
    "subsequent": 1,
    "after": 1,
    "previous": -1,
    "preceding": -1,
    "before": -1,
}


def resolve_relative(kind: str, groups: dict[str, str], context: Context, *, tense: str | None) -> Span | str:
    """Return the interval a relative form stands for in its context, or why it cannot be placed."""
    if kind in {"anaphor", "anaphor_shift", "focus_year", "focus_day", "year_ago"}:
        return _anaphor(kind, groups, context, tense=tense)
    if kind == "anaphor_date":
        return _anaphor_date(groups, context)
    if kind == "left_out":
        return _LEFT_OUT
    if kind == "holiday" and "hol_y" in groups:
        return _holiday(groups["hol"], int(groups["hol_y"]))
    if context.published is None:
        return NO_PUBLISHED
    published = context.published
    today = Point(published.year, published.month, published.day)
    resolved = _RELATIVE[kind](groups, today, tense)
    return resolved if resolved is not None else "cannot be placed in time"


def _count_value(text: str) -> int | None:
    lowered = text.lower()
    return int(lowered) if lowered.isdigit() else _NUMBER_WORDS.get(lowered)


_UNIT_PRECISION = {
    "day": Precision.DAY,
    "month": Precision.MONTH,
    "year": Precision.YEAR,
    "decade": Precision.DECADE,
    "centur": Precision.CENTURY,
    "century": Precision.CENTURY,
}


def _ago(groups: dict[str, str], today: Point, _tense: str | None) -> Span | str | None:
    count = _count_value(groups["ago_n"])
    unit = groups["ago_u"].lower()
    if unit == "week":
        return _LEFT_OUT
    if count is None:
        return None
    precision = _UNIT_PRECISION[unit]
    return timespan.shift(timespan.unit(today, precision), -count)


def _relative(groups: dict[str, str], today: Point, tense: str | None) -> Span | None:
    direction = groups["rel_dir"].lower()
    unit = groups["rel_u"]
    steps = {"last": -1, "next": 1, "this": 0}[direction]
    if unit.lower() in _UNIT_PRECISION:
        return timespan.shift(timespan.unit(today, _UNIT_PRECISION[unit.lower()]), steps)
    if unit.lower() in _WEEKDAYS:
        # "last Wednesday" in a Wednesday's paper is the week before; "next Wednesday" the week after.
        weekday = _WEEKDAYS.index(unit.lower())
        if steps:
            return _weekday(today, weekday, future=steps > 0, strict=True)
        # "this Friday" looks ahead unless its verb is past; on a Friday it is the day itself.
        if tense == "past" or weekday == _as_date(today).weekday():
            return _weekday(today, weekday, future=False)
        return _weekday(today, weekday, future=True)
    month = month_value(unit)
    if steps == 0:
        return timespan.month(today.year, month)
    candidate = timespan.month(today.year, month)
    if steps < 0:
        return candidate if month < today.month else timespan.shift(candidate, -12)
    return candidate if month > today.month else timespan.shift(candidate, 12)


def _deictic(groups: dict[str, str], today: Point, _tense: str | None) -> Span:
    steps = vocabulary.DEICTIC_DAYS[re.sub(r"\s+", " ", groups["dx"].lower())]
    return timespan.shift(timespan.unit(today, Precision.DAY), steps)


def _weekday(today: Point, weekday: int, *, future: bool, strict: bool = False) -> Span:
    """Return the next such weekday after `today`, or the latest at or before it (before it when strict)."""
    date = datetime.date(today.year, today.month, today.day)
    if future:
        offset = (weekday - date.weekday()) % 7 or 7
    else:
        offset = -((date.weekday() - weekday) % 7 or (7 if strict else 0))
    moved = date + datetime.timedelta(days=offset)
    return timespan.day(moved.year, moved.month, moved.day)


def _on_weekday(groups: dict[str, str], today: Point, tense: str | None) -> Span:
    return _weekday(today, _WEEKDAYS.index(groups["wd"].lower()), future=tense == "future")


def _nearest_year(
    candidates: dict[int, Span | None], today: Point, tense: str | None, *, weekday: int | None = None
) -> Span | str:
    """Pick the candidate nearest `today`, the tense breaking near ties; say why when no year is safe."""
    scored = []
    for candidate in candidates.values():
        if candidate is None:
            continue
        if weekday is not None and _as_date(candidate.start).weekday() != weekday:
            continue
        distance = _days_between(today, candidate)
        wrong_side = (tense == "past" and candidate.start > today) or (
            tense == "future" and candidate.end < today
        )
        scored.append((abs(distance) + (_TENSE_WEIGHT if wrong_side else 0), candidate))
    if not scored:
        if weekday is not None:
            return "the weekday does not fall on that date in any year near the publication date"
        return "cannot be placed in time"
    scored.sort()
    if len(scored) > 1 and scored[1][0] - scored[0][0] < _TIE_DAYS and weekday is None and tense is None:
        return "the year is uncertain: the date is about half a year from the publication date"
    return scored[0][1]


def _as_date(point: Point) -> datetime.date:
    return datetime.date(point.year, point.month, point.day)


def _days_between(today: Point, span: Span) -> int:
    """Return how many days `span` lies after `today` (negative before it, 0 when it holds it)."""
    if span.start > today:
        return (_as_date(span.start) - _as_date(today)).days
    if span.end < today:
        return (_as_date(span.end) - _as_date(today)).days
    return 0


def _yearless(groups: dict[str, str], prefix: str, today: Point, tense: str | None) -> Span | str:
    month = month_value(groups[f"{prefix}_m"])
    day = day_value(groups[f"{prefix}_d"]) if f"{prefix}_d" in groups else None
    years = range(today.year - 1, today.year + 2)
    if day is None:
        return _nearest_year({year: timespan.month(year, month) for year in years}, today, tense)
    weekday = _WEEKDAYS.index(groups[f"{prefix}_wd"].lower()) if f"{prefix}_wd" in groups else None
    candidates = {year: safe_day(year, month, day) for year in years}
    return _nearest_year(candidates, today, tense, weekday=weekday)


# A day without a year is placed near the date before it only when that date is no longer than this.
LONGEST_ANCHOR_YEARS = 10
_YEARLESS_PREFIXES = {"dm": "dm", "md": "md", "bare_month": "bm", "md_range": "mdr", "dm_range": "dmr"}


def in_the_year_before(
    kind: str, groups: dict[str, str], context: Context, *, earlier: bool = False
) -> Span | None:
    """Return a day, a month or a range of days without a year after the date before it (see below)."""
    first = _first_in_the_year_before(kind, groups, context, earlier=earlier)
    if first is None or not kind.endswith("_range"):
        return first
    whole = to_last_day(first, groups, _YEARLESS_PREFIXES[kind])
    return None if isinstance(whole, str) else whole


def _first_in_the_year_before(
    kind: str, groups: dict[str, str], context: Context, *, earlier: bool = False
) -> Span | None:
    """Return a day or month without a year, in a text without a date of its own, after the date before it.

    It is the one nearest that date: "on 24 January 1848 ... Nine days later, on 2 February" is
    2 February 1848, "on 31 December 1855 ... on 3 January" the next January, and "the following day
    [6 November 1956] ... on 2 November" four days back. With `earlier` (a past perfect: "who had been
    defeated in May"), it is the nearest before that date.
    """
    previous = context.previous
    if kind not in _YEARLESS_PREFIXES or previous is None or _coarser(Precision.YEAR, previous.precision):
        return None
    if previous.end.year - previous.start.year > LONGEST_ANCHOR_YEARS:
        return None  # "Queen Victoria (r. 1837–1901) ... After a long debate on 5 February": which year?
    prefix = _YEARLESS_PREFIXES[kind]
    month = month_value(groups[f"{prefix}_m"])
    day = day_value(groups[f"{prefix}_d"]) if f"{prefix}_d" in groups else None
    year = previous.start.year
    candidates = [
        timespan.month(y, month) if day is None else safe_day(y, month, day)
        for y in (year - 1, year, year + 1)
    ]
    candidates = [span for span in candidates if span is not None]  # "29 February" only in a leap year
    if not candidates:
        return None
    inside = [span for span in candidates if span.overlaps(previous)]
    if inside:  # "in 1848 ... on 28 December": that year's
        return inside[0]
    anchor = _day_count(previous.start)
    if earlier:  # "shot on 7 December, while Murat, who had been defeated in May, ...": the May before
        candidates = [span for span in candidates if span.start < previous.start]
    return min(candidates, key=lambda span: abs(_day_count(span.start) - anchor), default=None)


def _day_count(point: Point) -> int:
    """Return a number that grows by about one a day, for any year (datetime stops at 1 AD)."""
    return point.year * 372 + point.month * 31 + point.day


def _yearless_range(prefix: str) -> Callable[[dict[str, str], Point, str | None], Span | str]:
    def resolve(groups: dict[str, str], today: Point, tense: str | None) -> Span | str:
        first = _yearless(groups, prefix, today, tense)
        return first if isinstance(first, str) else to_last_day(first, groups, prefix)

    return resolve


def to_last_day(first: Span, groups: dict[str, str], prefix: str) -> Span | str:
    """Return the range from the first day of "Oct. 3–4" or "4–5 February" to its last."""
    last = safe_day(first.start.year, first.start.month, day_value(groups[f"{prefix}_d2"]))
    if last is None or last.start <= first.start:
        return "cannot be placed in time"
    return timespan.join(first, last)


def holiday_of(name: str) -> vocabulary.Holiday:
    """Return the row of `vocabulary.HOLIDAYS` whose names match the words as written."""
    return next(holiday for holiday in vocabulary.HOLIDAYS if re.fullmatch(holiday.names, name))


def _holiday(name: str, year: int) -> Span:
    """Return the day a holiday falls on in a year, by its rule in `vocabulary.HOLIDAYS`."""
    holiday = holiday_of(name)
    if holiday.day:
        return timespan.day(year, holiday.month, holiday.day)
    if holiday.nth > 0:
        first = datetime.date(year, holiday.month, holiday.on_or_after)
        moved = first + datetime.timedelta(
            days=(holiday.weekday - first.weekday()) % 7 + 7 * (holiday.nth - 1)
        )
    else:  # the last such weekday of the month
        last = datetime.date(year, holiday.month, timespan.days_in_month(year, holiday.month))
        moved = last - datetime.timedelta(days=(last.weekday() - holiday.weekday) % 7)
    return timespan.day(moved.year, moved.month, moved.day)


def _nearest_holiday(groups: dict[str, str], today: Point, tense: str | None) -> Span | str:
    candidates = {year: _holiday(groups["hol"], year) for year in range(today.year - 1, today.year + 2)}
    if (
        "hol_dir" in groups
    ):  # "last Independence Day" is the latest before the publication day, "next" the first after
        if groups["hol_dir"].lower() == "last":
            return max(span for span in candidates.values() if span.end < today)
        return min(span for span in candidates.values() if span.start > today)
    return _nearest_year(candidates, today, tense)  # type: ignore[arg-type]


def _relative_date(groups: dict[str, str], today: Point, _tense: str | None) -> Span | str:
    """Return "January last year" or "June 7 this year", counted from the publication year."""
    year = today.year + {"last": -1, "this": 0, "next": 1}[groups["rd_dir"].lower()]
    return _day_or_month(year, groups, "rd")


def _day_or_month(year: int, groups: dict[str, str], prefix: str) -> Span | str:
    """Return the day or month a form writes as "12 September", "May 22" or "November", in a year.

    The form's groups are `<prefix>_d` and `<prefix>_m`, `<prefix>_m2` and `<prefix>_d2`, or `<prefix>_m3`.
    """
    month = month_value(groups.get(f"{prefix}_m") or groups.get(f"{prefix}_m2") or groups[f"{prefix}_m3"])
    day_text = groups.get(f"{prefix}_d") or groups.get(f"{prefix}_d2")
    if not day_text:
        return timespan.month(year, month)
    return safe_day(year, month, day_value(day_text)) or "not a real date"


_RELATIVE = {
    "relative_date": _relative_date,
    "ago": _ago,
    "relative": _relative,
    "deictic": _deictic,
    "weekday": _on_weekday,
    "holiday": _nearest_holiday,
    "dm": lambda groups, today, tense: _yearless(groups, "dm", today, tense),
    "md": lambda groups, today, tense: _yearless(groups, "md", today, tense),
    "md_range": _yearless_range("mdr"),
    "dm_range": _yearless_range("dmr"),
    "bare_month": lambda groups, today, tense: _yearless(groups, "bm", today, tense),
}


def _anchor_of_focus(context: Context) -> Span | None:
    """Return the date in focus: the one the text has moved to, or else the publication date."""
    if context.recent_focus is not None:
        return context.recent_focus
    if context.focus is not None:
        return context.focus
    if context.published is not None:
        return timespan.day(context.published.year, context.published.month, context.published.day)
    return None


def _anaphor(kind: str, groups: dict[str, str], context: Context, *, tense: str | None) -> Span | str:
    if kind in {"focus_year", "year_ago"}:
        anchor = _anchor_of_focus(context)
        if anchor is None:
            return NO_PUBLISHED
        if kind == "focus_year" and tense == "future" and context.published is not None:
            # "banks expect to finish by the end of the year" looks ahead from now, whatever year came before.
            anchor = timespan.year(max(anchor.start.year, context.published.year))
        return timespan.shift(timespan.year(anchor.start.year), -1 if kind == "year_ago" else 0)
    if kind == "focus_day" or groups.get("an_u", "").lower() == "day":
        return _day_in_focus(kind, groups, context)
    previous = context.previous
    if kind == "anaphor_shift":
        count = _count_value(groups["as_n"])
        precision = _UNIT_PRECISION[groups["as_u"].lower()]
        if precision is Precision.DAY:
            return "a day counted from another event is left out: news writes it loosely"
        later = groups["as_dir"].lower() in {"later", "afterwards"}
        steps = count if later else -(count or 0)
        # "up from $3 million a year earlier" compares with the date in focus, never with another comparison.
        if not later:
            previous = _anchor_of_focus(context) or previous
    else:
        unit = groups.get("an_u") or groups["an2_u"]
        precision = _UNIT_PRECISION[unit.lower()]
        direction = (groups.get("an_dir") or groups.get("an2_dir") or "same").lower()
        steps = _STEPS.get(direction, 0)
        count = 1
    if previous is None:
        return NO_PREVIOUS
    if count is None or _coarser(precision, previous.precision):
        return "refers to an earlier date that is too coarse"
    anchor = previous.end if steps > 0 else previous.start
    return timespan.shift(timespan.unit(anchor, precision), steps)


def _anaphor_date(groups: dict[str, str], context: Context) -> Span | str:
    """Return "12 September that year" or "November of the following year" in the year pointed back to."""
    steps = _STEPS.get((groups.get("ad_dir") or "same").lower(), 0)
    if context.previous is None:
        return NO_PREVIOUS
    if _coarser(Precision.YEAR, context.previous.precision):
        return "refers to an earlier date that is too coarse"
    year = (context.previous.end if steps > 0 else context.previous.start).year + steps
    return _day_or_month(year, groups, "ad")


def _day_in_focus(kind: str, groups: dict[str, str], context: Context) -> Span | str:
    """Return "that day", "later in the day": the last day named, or the publication date if none was."""
    for candidate in (context.previous, context.focus):
        if candidate is not None and candidate.precision is Precision.DAY and not candidate.is_range:
            day_span = candidate
            break
    else:
        if context.focus is not None or (context.previous is not None and context.published is None):
            return _NO_FOCUS_DAY
        anchor = _anchor_of_focus(context)
        if anchor is None:
            return NO_PREVIOUS
        day_span = anchor
    direction = (groups.get("an_dir") or "same").lower() if kind == "anaphor" else "same"
    return timespan.shift(day_span, _STEPS.get(direction, 0))


_ORDER = list(Precision)


def _coarser(wanted: Precision, known: Precision) -> bool:
    """Tell whether `wanted` is finer than what the anchor `known` pins down."""
    return _ORDER.index(wanted) < _ORDER.index(known)
