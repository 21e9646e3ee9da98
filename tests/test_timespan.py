from __future__ import annotations

import pytest

from quiz.content import timespan
from quiz.content.timespan import Point


@pytest.mark.parametrize(
    ("span", "label"),
    [
        (timespan.day(1947, 8, 14), "14 August 1947"),
        (timespan.month(1947, 8), "August 1947"),
        (timespan.year(1947), "1947"),
        (timespan.year(79), "AD 79"),
        (timespan.year(-299), "300 BC"),
        (timespan.decade(1970), "1970s"),
        (timespan.century(16), "16th century"),
        (timespan.century(21), "21st century"),
        (timespan.century(3, bc=True), "3rd century BC"),
        (timespan.join(timespan.year(1945), timespan.year(1991)), "1945–1991"),
        (timespan.join(timespan.day(1947, 8, 14), timespan.day(1947, 8, 16)), "14–16 August 1947"),
        (timespan.join(timespan.century(16), timespan.century(17)), "16th–17th centuries"),
    ],
)
def test_label_writes_spans_as_readers_do(span: timespan.Span, label: str) -> None:
    assert timespan.label(span) == label


def test_point_iso_uses_expanded_astronomical_years() -> None:
    assert timespan.year(-299).start.iso() == "-0299-01-01"
    assert timespan.year(0).start.iso() == "0000-01-01"
    assert Point.from_iso("-0299-01-01") == Point(-299, 1, 1)


def test_century_is_counted_strictly() -> None:
    assert (timespan.century(20).start, timespan.century(20).end) == (Point(1901), Point(2000, 12, 31))


def test_shift_moves_whole_units_and_keeps_range_length() -> None:
    war = timespan.join(timespan.year(1945), timespan.year(1991))
    assert timespan.label(timespan.shift(war, 3)) == "1948–1994"
    assert timespan.label(timespan.shift(timespan.day(-43, 3, 15), 20)) == "4 April 44 BC"
    assert timespan.label(timespan.shift(timespan.month(1999, 12), 1)) == "January 2000"


def test_month_length_follows_leap_years_before_and_after_christ() -> None:
    assert timespan.month(2024, 2).end.day == 29
    assert timespan.month(1900, 2).end.day == 28
    assert timespan.month(0, 2).end.day == 29  # 1 BC was a leap year
