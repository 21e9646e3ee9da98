"""Calendar points and intervals that reach before year 1, with their granularity."""

from __future__ import annotations

import calendar
import datetime
import enum
import functools
from typing import NamedTuple


class Precision(enum.Enum):
    """The granularity of the ends of an interval, finest first."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def days_in_month(year: int, month: int) -> int:
    """Return the length of a month in the proleptic Gregorian calendar.

    Leap years follow astronomical numbering, so year 0 (1 BC) is a leap year.
    """
    if month == 2:
        return 29 if calendar.isleap(year % 400 or 400) else 28
    return calendar.monthrange(2001, month)[1]


class Point(NamedTuple):
    """A calendar day; `year` uses astronomical numbering (0 is 1 BC, -1 is 2 BC)."""

    year: int
    month: int = 1
    day: int = 1

    def iso(self) -> str:
        """Return ISO 8601, with expanded years before 1 AD (300 BC -> -0299-01-01)."""
        sign = "-" if self.year < 0 else ""
        return f"{sign}{abs(self.year):04d}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def from_iso(cls, text: str) -> Point:
        sign = -1 if text.startswith("-") else 1
        year, month, day = text.lstrip("-").split("-")
        return cls(sign * int(year), int(month), int(day))

    def ordinal(self) -> int:
        """Return a sortable integer that increases with the date."""
        return self.year * 10_000 + self.month * 100 + self.day


class Span(NamedTuple):
    """An inclusive interval `[start, end]` whose ends have the same granularity."""

    start: Point
    end: Point
    precision: Precision

    def overlaps(self, other: Span) -> bool:
        return self.start <= other.end and other.start <= self.end

    @property
    def is_range(self) -> bool:
        """Tell whether the span covers more than one unit of its precision."""
        start, end, precision = self
        if precision is Precision.DAY:
            return start != end
        if precision is Precision.MONTH:
            return (start.year, start.month) != (end.year, end.month)
        return end.year - start.year >= _UNIT_YEARS[precision]


_UNIT_YEARS = {Precision.YEAR: 1, Precision.DECADE: 10, Precision.CENTURY: 100}


def year_label(year: int) -> str:
    """Return a year as people write it: 1947, AD 79, 44 BC."""
    if year >= 1000:
        return str(year)
    return f"AD {year}" if year > 0 else f"{1 - year} BC"


def ordinal_suffix(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def day(year: int, month: int, dom: int) -> Span:
    point = Point(year, month, dom)
    return Span(point, point, Precision.DAY)


def month(year: int, number: int) -> Span:
    return Span(
        Point(year, number, 1),
        Point(year, number, days_in_month(year, number)),
        Precision.MONTH,
    )


def year(number: int) -> Span:
    return Span(Point(number, 1, 1), Point(number, 12, 31), Precision.YEAR)


def decade(first_year: int) -> Span:
    return Span(Point(first_year, 1, 1), Point(first_year + 9, 12, 31), Precision.DECADE)


def century(number: int, *, bc: bool = False) -> Span:
    """Return the Nth century: the 16th is 1501-1600, the 3rd BC is 300-201 BC."""
    if bc:
        first, last = 1 - number * 100, 1 - ((number - 1) * 100 + 1)
    else:
        first, last = (number - 1) * 100 + 1, number * 100
    return Span(Point(first, 1, 1), Point(last, 12, 31), Precision.CENTURY)


def unit(point: Point, precision: Precision) -> Span:
    """Return the single unit of `precision` that contains `point`."""
    if precision is Precision.DAY:
        return day(point.year, point.month, point.day)
    if precision is Precision.MONTH:
        return month(point.year, point.month)
    if precision is Precision.YEAR:
        return year(point.year)
    if precision is Precision.DECADE:
        return decade(point.year - point.year % 10)
    number = (point.year - 1) // 100 + 1 if point.year > 0 else (-point.year) // 100 + 1
    return century(number, bc=point.year <= 0)


def join(first: Span, last: Span) -> Span:
    """Return the range from the start of `first` to the end of `last`."""
    return Span(first.start, last.end, first.precision)


def shift(span: Span, steps: int) -> Span:
    """Move a span by whole units of its precision, keeping its length."""
    start, end, precision = span
    if precision in _UNIT_YEARS:
        years = steps * _UNIT_YEARS[precision]
        return Span(Point(start.year + years, 1, 1), Point(end.year + years, 12, 31), precision)
    return Span(
        _shift_point(start, precision, steps),
        _end_of(_shift_point(end, precision, steps), precision),
        precision,
    )


def _shift_point(point: Point, precision: Precision, steps: int) -> Point:
    if precision is Precision.DAY:
        # datetime.date stops at year 1; whole 400-year Gregorian cycles carry BC days over.
        cycles = max(0, (1 - point.year) // 400 + 1)
        moved = datetime.date(point.year + 400 * cycles, point.month, point.day)
        moved += datetime.timedelta(days=steps)
        return Point(moved.year - 400 * cycles, moved.month, moved.day)
    if precision is Precision.MONTH:
        index = point.year * 12 + point.month - 1 + steps
        return Point(index // 12, index % 12 + 1, 1)
    return Point(point.year + steps * _UNIT_YEARS[precision], point.month, 1)


def _end_of(point: Point, precision: Precision) -> Point:
    if precision is Precision.DAY:
        return point
    if precision is Precision.MONTH:
        return Point(point.year, point.month, days_in_month(point.year, point.month))
    return Point(point.year, 12, 31)


@functools.lru_cache(maxsize=1 << 16)
def label(span: Span) -> str:
    """Return a span as a reader would write it: 14 August 1947, 1970s, 1945–1991."""
    if span.precision is Precision.CENTURY and span.start.year % 100 == 0 and span.start.year > 0:
        return f"{span.start.year}s"  # "the 1800s": a century-long span that is not a century
    if span.is_range:
        return _range_label(span)
    return _unit_label(span.start, span.precision)


def _unit_label(point: Point, precision: Precision) -> str:
    if precision is Precision.DAY:
        return f"{point.day} {MONTH_NAMES[point.month - 1]} {year_label(point.year)}"
    if precision is Precision.MONTH:
        return f"{MONTH_NAMES[point.month - 1]} {year_label(point.year)}"
    if precision is Precision.YEAR:
        return year_label(point.year)
    if precision is Precision.DECADE:
        return f"{point.year}s" if point.year > 0 else f"{year_label(point.year)}s"
    century_span = unit(point, Precision.CENTURY)
    if point.year > 0:
        return f"{ordinal_suffix(century_span.end.year // 100)} century"
    return f"{ordinal_suffix((1 - century_span.start.year) // 100)} century BC"


def _range_label(span: Span) -> str:
    first, last = span.start, span.end
    precision = span.precision
    if precision is Precision.DAY and (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{_unit_label(last, precision)}"
    if precision is Precision.MONTH and first.year == last.year:
        return f"{MONTH_NAMES[first.month - 1]}–{_unit_label(last, precision)}"
    if precision is Precision.CENTURY and (first.year > 0) == (last.year > 0):
        first_label, last_label = _unit_label(first, precision), _unit_label(last, precision)
        return f"{first_label.split()[0]}–{last_label.replace('century', 'centuries')}"
    if precision is Precision.YEAR and first.year <= 0 and last.year <= 0:
        return f"{1 - first.year}–{year_label(last.year)}"
    return f"{_unit_label(first, precision)}–{_unit_label(last, precision)}"
