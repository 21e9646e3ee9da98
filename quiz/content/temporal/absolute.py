"""Read the forms that name their date by themselves: 14 August 1947, the 1970s, nineteen ninety-four."""

from __future__ import annotations

import re

from quiz.content import timespan, vocabulary
from quiz.content.temporal.patterns import LOOKBACK, NEXT_WORD, PREVIOUS_WORD, PUNCTUATION_NEXT
from quiz.content.timespan import Point, Precision, Span
from quiz.content.vocabulary import MONTHS as _MONTHS
from quiz.content.vocabulary import ORDINAL_WORDS as _ORDINAL_WORDS


def _year_value(text: str) -> int:
    """Return the astronomical year of '1947', '44 BC', 'AD 79', '300 BCE', 'nineteen ninety-four'."""
    if not re.search(r"\d", text):
        return _spelled_year_value(text)
    number = int(re.search(r"\d+", text).group())  # type: ignore[union-attr]
    if re.search(r"B\.?C", text):
        return 1 - number
    return number


def month_value(text: str) -> int:
    return _MONTHS[text.rstrip(".").lower()]


def day_value(text: str) -> int:
    if text[:1].isdigit():
        return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]
    return _ORDINAL_WORDS[re.sub(r"\s+", " ", text.lower())]


def _spelled_year_value(text: str) -> int:
    """Return the year of 'nineteen ninety-four', 'eighteen hundred', 'two thousand and one'."""
    words = re.split(r"[\s-]+", text.lower().strip())
    if words[:2] == ["two", "thousand"]:
        rest = [word for word in words[2:] if word != "and"]
        tables = (vocabulary.UNITS, vocabulary.TEENS, vocabulary.TENS)
        return 2000 + sum(table.get(word, 0) for word in rest for table in tables)
    century, rest = vocabulary.CENTURY_WORDS[words[0]] * 100, words[1:]
    if rest[0] == "hundred":
        return century
    if rest[0] in {"oh", "o"}:
        return century + vocabulary.UNITS[rest[1]]
    if rest[0] in vocabulary.TEENS:
        return century + vocabulary.TEENS[rest[0]]
    return century + vocabulary.TENS[rest[0]] + (vocabulary.UNITS[rest[1]] if len(rest) > 1 else 0)


def safe_day(year: int, month: int, day: int) -> Span | None:
    if day > timespan.days_in_month(year, month):
        return None
    return timespan.day(year, month, day)


def _iso(groups: dict[str, str]) -> Span | None:
    return safe_day(int(groups["iso_y"]), int(groups["iso_m"]), int(groups["iso_d"]))


def _day_range(groups: dict[str, str], prefix: str) -> Span | None:
    year, month = _year_value(groups[f"{prefix}_y"]), month_value(groups[f"{prefix}_m"])
    first = safe_day(year, month, day_value(groups[f"{prefix}_d1"]))
    last = safe_day(year, month, day_value(groups[f"{prefix}_d2"]))
    if first is None or last is None or last.start <= first.start:
        return None
    return timespan.join(first, last)


def _dmy(groups: dict[str, str], prefix: str) -> Span | None:
    return safe_day(
        _year_value(groups[f"{prefix}_y"]),
        month_value(groups[f"{prefix}_m"]),
        day_value(groups[f"{prefix}_d"]),
    )


def _month_range(groups: dict[str, str]) -> Span | None:
    year = _year_value(groups["mr_y"])
    first, last = month_value(groups["mr_m1"]), month_value(groups["mr_m2"])
    if last <= first:
        return None
    return timespan.join(timespan.month(year, first), timespan.month(year, last))


def _days_range(groups: dict[str, str], prefix: str) -> Span | None:
    year = _year_value(groups[f"{prefix}_y"])
    first = safe_day(year, month_value(groups[f"{prefix}_m1"]), day_value(groups[f"{prefix}_d1"]))
    last = safe_day(year, month_value(groups[f"{prefix}_m2"]), day_value(groups[f"{prefix}_d2"]))
    if first is None or last is None or last.start <= first.start:
        return None
    return timespan.join(first, last)


def _century(groups: dict[str, str]) -> Span | None:
    bc = "B" in groups.get("c_era", "").upper()
    numbers = [_ordinal_value(groups["c_n"])]
    if "c_n2" in groups:
        numbers.append(_ordinal_value(groups["c_n2"]))
    if not all(1 <= number <= 21 for number in numbers):
        return None
    spans = [timespan.century(number, bc=bc) for number in numbers]
    if "c_n2" in groups and "c_dash" not in groups and abs(numbers[1] - numbers[0]) != 1:
        return None  # "the 16th and 18th centuries" is two dates, not one range
    first, last = min(spans), max(spans)
    return timespan.join(first, last)


def _ordinal_value(text: str) -> int:
    lowered = text.lower()
    return _ORDINAL_WORDS[lowered] if lowered in _ORDINAL_WORDS else int(lowered[:-2])


def _decade(groups: dict[str, str]) -> Span | None:
    start = int(groups["dec"])
    if "dec_era" in groups and "B" in groups["dec_era"].upper():
        return Span(Point(1 - start - 9), Point(1 - start, 12, 31), Precision.DECADE)
    if start < 100:
        return None
    if start % 100 == 0 and start != 2000:  # "the 1800s" is a century-long span
        return Span(Point(start), Point(start + 99, 12, 31), Precision.CENTURY)
    return timespan.decade(start)


def _decade_short(groups: dict[str, str]) -> Span:
    return timespan.decade(1900 + int(groups.get("ds") or groups.get("ds2") or groups["ds3"]))


def _era_range(groups: dict[str, str]) -> Span | None:
    era2 = groups["er_era2"]
    era1 = groups.get("er_era1", era2)
    first = _year_value(f"{groups['er_y1']} {era1}")
    last = _year_value(f"{groups['er_y2']} {era2}")
    if last <= first:
        return None
    return timespan.join(timespan.year(first), timespan.year(last))


def _era_year(groups: dict[str, str]) -> Span | None:
    if "ey_y1" in groups:
        number = int(groups["ey_y1"])
        return timespan.year(number) if number > 0 else None
    number = int(groups["ey_y2"])
    if number == 0:
        return None
    return timespan.year(_year_value(f"{number} {groups['ey_era']}"))


def _short_range(groups: dict[str, str]) -> Span | None:
    first = int(groups["sr_y"])
    last = first - first % 100 + int(groups["sr_e"])
    if last <= first:
        return None
    return timespan.join(timespan.year(first), timespan.year(last))


def _year_range(first_text: str, last_text: str) -> Span | None:
    first, last = int(first_text), int(last_text)
    longest = 1000 if first >= 1000 else 500  # the Ottoman Empire, 1299–1922; a reign, 527–565
    if not 0 < last - first <= longest or last > 2100:
        return None
    return timespan.join(timespan.year(first), timespan.year(last))


def _year(groups: dict[str, str]) -> Span | None:
    return timespan.year(int(groups["y"]))


ABSOLUTE = {
    "iso": _iso,
    "day_range": lambda groups: _day_range(groups, "dr"),
    "day_range_us": lambda groups: _day_range(groups, "du"),
    "dmy": lambda groups: _dmy(groups, "dmy"),
    "mdy": lambda groups: _dmy(groups, "mdy"),
    "month_range": _month_range,
    "day_month_range": lambda groups: _days_range(groups, "dd"),
    "month_day_range": lambda groups: _days_range(groups, "md2"),
    "my": lambda groups: timespan.month(_year_value(groups["my_y"]), month_value(groups["my_m"])),
    "century": _century,
    "decade": _decade,
    "era_range": _era_range,
    "era_year": _era_year,
    "short_range": _short_range,
    "year_range": lambda groups: _year_range(groups["yr1"], groups["yr2"]),
    "word_range": lambda groups: _year_range(groups["wr1"], groups["wr2"]),
    "year": _year,
    "spelled_year": lambda groups: timespan.year(_spelled_year_value(groups["sy"])),
    "decade_short": _decade_short,
    "decade_word": lambda groups: timespan.decade(vocabulary.SPELLED_DECADES[groups["dw"].lower()]),
}


_NUMBER_KINDS = frozenset({"year", "year_range", "word_range", "spelled_year"})
_CODE_BEFORE = re.compile(
    r"(?:[A-Za-z]-|[/#№+]|\bNo\.?|\bno\.|\bnumber|\d[\s.]*"
    r"|\b(?:page|pages|p|pp|flight|route|model|room|platform|gate|bus)\.?\s*)$",
    re.IGNORECASE,
)
# A decade named without "the" continues one named with it: "the sixties and seventies", not "his twenties and
# thirties".
_DECADE_BEFORE = re.compile(r"(?i)\bthe\s+(?:[\w-]+\s+)?[\w'’-]*(?:ties|0s)\s+(?:and|or|to)\s+$")
_WEATHER = re.compile(rf"(?i)\b(?:{vocabulary.WEATHER_WORDS})\b")
_COUNT_FROM = re.compile(r"(?i)\bto\s+\$?\d[\d,.]*(?:\s+[a-z]+){0,3}\s+from\s+$")
_STREET_AFTER = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+){1,2}(?:Avenue|Street|St|Road|Rd|Boulevard|Lane|Drive|Way)\b"
)


def plausible(kind: str, groups: dict[str, str], text: str, start: int, end: int) -> bool:
    """Reject numbers that are counts, measures, codes, model years or parts of names, not years."""
    if kind == "decade_word" and text[start : start + 3].lower() != "the":
        return (
            _DECADE_BEFORE.search(text, max(0, start - LOOKBACK), start) is not None
        )  # "the sixties and seventies"
    if kind == "decade_short" and "ds2" in groups:  # "highs in the mid-70s": degrees, not the 1970s
        return not _WEATHER.search(text, max(0, start - LOOKBACK), start)
    if kind not in _NUMBER_KINDS:
        return True
    before, after = text[max(0, start - LOOKBACK) : start], text[end : end + LOOKBACK]
    next_word = NEXT_WORD.match(after)
    if next_word and next_word.group(1).lower() in vocabulary.COUNT_NOUNS | vocabulary.MODEL_NOUNS:
        return False  # "2000 troops", "her 1984 Volvo"
    if _CODE_BEFORE.search(before) or _STREET_AFTER.match(after) or _COUNT_FROM.search(before):
        return False  # "F-1947", "to 520 branches from 410"
    if kind == "spelled_year":  # "two thousand" is a count when a noun follows: "two thousand troops"
        if "sy_lead" in groups or not re.fullmatch(r"(?i)two\s+thousand", groups["sy"]):
            return True  # "two thousand nine" is a year unless a count noun follows, which was checked above
        return (
            next_word is None
            or not next_word.group(1).islower()
            or next_word.group(1) in vocabulary.SHORT_YEAR_FOLLOWERS
        )
    if kind != "year" or "y_mod" in groups:
        return True
    previous_word = PREVIOUS_WORD.search(before)
    lead = previous_word.group(1) if previous_word else ""
    if lead.lower() in vocabulary.NOT_YEAR_LEADS:  # "can be reached on 1079", "the voter helpline, 1950,"
        return False
    if previous_word and previous_word.group(2) == ",":
        lead = ""  # "Berlin, 1884": a comma ends what came before
    if int(groups["y"]) < 1000:  # "in 711," or "in 533 with" is a year; "in 300 villages" is not
        return lead.lower() in vocabulary.SHORT_YEAR_LEADS and (
            PUNCTUATION_NEXT.match(after) is not None
            or (next_word is not None and next_word.group(1).lower() in vocabulary.SHORT_YEAR_FOLLOWERS)
            or (next_word is not None and next_word.group(1)[:1].isupper())
        )
    if not lead or lead.lower() in vocabulary.YEAR_LEADS or lead.lower() in _MONTHS:
        return True
    # "Resolution 1701", "Route 1900", "Windows 2000": a capitalised name right before the number.
    return not lead[:1].isupper()
