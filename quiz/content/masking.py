"""Hiding a date in a text: the numbers that would name it, or part of it, become an ellipsis.

A question that asks for 1965 must not show "the war of 1965", nor "the 1960s" or "the 20th century"
around it. Facts use it to tell whether a date can be blanked cleanly; questions, to word the options.
"""

from __future__ import annotations

import re

from quiz.content.timespan import Precision, Span, century, label, unit

MASK = "…"

# A number that may name a date: 1965, 1960s, 16th, 44 BC.
DIGIT = re.compile(r"\d")
NUMBER = re.compile(r"(?<![\w.,])(\d+)(st|nd|rd|th|'?s)?(\s*(?:BCE|BC|B\.C\.))?(?!\w)")


def hide(text: str, span: Span) -> str:
    """Replace whatever in `text` would name the span's date with an ellipsis."""
    text = mask(text, span)
    answer = label(span)
    if answer.casefold() in text.casefold():
        text = re.sub(re.escape(answer), MASK, text, flags=re.IGNORECASE)
    return text


def mask(text: str, span: Span) -> str:
    """Replace the numbers of `text` that would name the span's date, or part of it, with an ellipsis."""
    if not DIGIT.search(text):
        return text
    first, last = span.start.year, span.end.year
    numbers = _label_numbers(span)

    def replace(match: re.Match[str]) -> str:
        digits, suffix, era = match.group(1), match.group(2) or "", match.group(3)
        number = int(digits)
        if suffix in ("st", "nd", "rd", "th"):
            if number == 0:
                return match.group(0)
            named = century(number, bc=bool(era))
            low, high = named.start.year, named.end.year
        elif suffix:
            low, high = (number, number + 9) if not era else (-number - 8, 1 - number)
        else:
            low = high = 1 - number if era else number
        if digits.lstrip("0") in numbers or (low <= last and first <= high):
            return MASK
        return match.group(0)

    return NUMBER.sub(replace, text)


def _label_numbers(span: Span) -> set[str]:
    """Return the year, decade or century numbers that the span's label shows."""
    numbers = set()
    for point in (span.start, span.end):
        if span.precision is Precision.CENTURY:
            edge = unit(point, Precision.CENTURY)
            numbers.add(str(edge.end.year // 100 if point.year > 0 else (1 - edge.start.year) // 100))
        elif span.precision is Precision.DECADE:
            numbers.add(_display_year(point.year - point.year % 10))
        else:
            numbers.add(_display_year(point.year))
    return numbers


def _display_year(year: int) -> str:
    return str(year if year > 0 else 1 - year)
