"""Find date expressions in text and normalise each to an inclusive interval.

Absolute forms (14 August 1947, the 1970s, the 3rd century BC, 1945–1991, ...) are resolved on
their own. Dates without a year and relative expressions (last year, two years ago, on Monday) are
resolved against the publication date; "the following year" against the date mentioned before it.
When the anchor an expression needs is missing, the mention is returned unresolved with a reason,
so that callers can say what was left out instead of guessing.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace

from quiz.content import timespan
from quiz.content.timespan import Point, Precision, Span

_MONTHS = {name.lower(): number for number, name in enumerate(timespan.MONTH_NAMES, start=1)}
_MONTHS.update({name[:3].lower(): number for name, number in list(_MONTHS.items())} | {"sept": 9})
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "several": None, "few": None, "a few": None, "many": None,
}  # fmt: skip
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}  # fmt: skip

# Words that may stand right before a bare year ("In 1947", "the 1965 war", "by 1950").
_YEAR_LEADS = frozenset(
    """
    in on at by of from to and or the a since until till through during after before between
    around about circa c ca early mid late end spring summer autumn fall winter year years as
    than but while when where until throughout following preceding then also only still even
    again until
    """.split()
)
# Words that make a number a count or a measure, not a year ("2000 troops", "1500 metres").
_COUNT_NOUNS = frozenset(
    """
    km kms kilometres kilometers kilometre kilometer metres meters metre meter m mi miles mile
    feet foot ft inches kg kgs kilograms tonnes tons tonne ton lbs pounds people persons men
    women children soldiers troops workers students residents families households voters votes
    seats casualties deaths dead killed injured wounded refugees prisoners dollars usd rupees
    euros yen yuan crore crores lakh lakhs million millions billion billions trillion thousand
    hundred years months weeks days hours minutes seconds times units copies cases vehicles
    ships aircraft planes tanks guns rifles hectares acres sq square cubic calories mw kw gw mwh
    kwh points runs goals species members delegates pages words officers police policemen
    civilians pilgrims tourists visitors houses homes buildings villages schools beds patients
    doctors jobs employees staff passengers rounds missiles rockets drones feet-high metres-high
    """.split()
)
_FUTURE = re.compile(
    r"\b(?i:will|shall|going to|could|might|(?:is|are|was|were) (?:set|due|expected|scheduled|to)\b"
    r"|plans? to|intends? to|upcoming)\b|'ll\b|\bmay\b"  # "may", not the month "May"
)
# News tells what is planned in the present tense: "the transfer window closes on Friday".
_SCHEDULED = re.compile(
    r"(?i)\b(?:closes|opens|begins|starts|expires|resumes|kicks off|takes effect|comes into force)\b"
)
_PAST_VERB = re.compile(
    r"(?i)\b(?:said|told|\w{3,}ed|was|were|had|did|met|began|took|made|came|went|held|saw|left|won|lost"
    r"|fell|rose|spoke|wrote|gave|got|sent|struck|fought|broke|flew|hit|ran|led|sold|bought|paid|built)\b"
)
_OVER = re.compile(r"(?i)\b(?:had|was|were|lasted|remained|stayed|continued|ended)\b")
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]")

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = (
    r"(?:1\d{3}|20\d{2}|\d{1,4}\s?(?:BCE|BC|B\.C\.|CE|AD|A\.D\.)(?![A-Za-z])|(?:AD|A\.D\.)\s?\d{1,4})(?!\d)"
)
_ERA = r"(?:BCE|BC|B\.C\.(?:E\.)?|CE|AD|A\.D\.)(?![A-Za-z])"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DASH = r"\s?[–—-]\s?"
_RANGE_WORD = rf"{_DASH}|\s+(?:to|and|until|through)\s+"
_ORDINAL = r"(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True)) + ")"
_COUNT = r"(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|\d{1,3})"

# Alternatives are tried in order at each position, so longer forms come before their prefixes.
_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"\b(?P<iso_y>\d{4})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])\b"),
    (
        "day_range",
        rf"\b(?:(?i:from|between)\s+)?(?P<dr_d1>{_DAY})(?:{_DASH}|\s+(?:to|and|until)\s+)(?P<dr_d2>{_DAY})"
        rf"\s+(?P<dr_m>{_MONTH}),?\s+(?P<dr_y>{_YEAR})",
    ),
    (
        "day_range_us",
        rf"\b(?P<du_m>{_MONTH})\s+(?P<du_d1>{_DAY}){_DASH}(?P<du_d2>{_DAY}),?\s+(?P<du_y>{_YEAR})",
    ),
    (
        "dmy",
        rf"(?:\b{_WEEKDAY},?\s+)?\b(?P<dmy_d>{_DAY})\s+(?:of\s+)?(?P<dmy_m>{_MONTH}),?\s+"
        rf"(?P<dmy_y>{_YEAR}|[1-9]\d{{2}}\b(?![,.]\d))",
    ),
    (
        "mdy",
        rf"(?:\b{_WEEKDAY},?\s+)?\b(?P<mdy_m>{_MONTH})\s+(?P<mdy_d>{_DAY}),?\s+(?P<mdy_y>{_YEAR})",
    ),
    (
        "day_month_range",
        rf"\b(?:(?i:from|between)\s+)?(?P<dd_d1>{_DAY})\s+(?P<dd_m1>{_MONTH})(?:{_DASH}|\s+(?:to|and|until)\s+)"
        rf"(?P<dd_d2>{_DAY})\s+(?P<dd_m2>{_MONTH}),?\s+(?P<dd_y>{_YEAR})",
    ),
    (
        "month_day_range",
        rf"\b(?:(?i:from|between)\s+)?(?P<md2_m1>{_MONTH})\s+(?P<md2_d1>{_DAY})(?:{_DASH}|\s+(?:to|and|until)\s+)"
        rf"(?P<md2_m2>{_MONTH})\s+(?P<md2_d2>{_DAY}),?\s+(?P<md2_y>{_YEAR})",
    ),
    (
        "month_range",
        rf"\b(?:(?i:from|between)\s+)?(?P<mr_m1>{_MONTH})(?:{_RANGE_WORD})(?P<mr_m2>{_MONTH}),?\s+(?P<mr_y>{_YEAR})",
    ),
    ("my", rf"\b(?P<my_m>{_MONTH}),?\s+(?:of\s+)?(?P<my_y>{_YEAR}|[1-9]\d{{2}}\b(?![,.]\d))"),
    ("dm", rf"(?:\b{_WEEKDAY},?\s+)?\b(?P<dm_d>{_DAY})\s+(?:of\s+)?(?P<dm_m>{_MONTH})\b"),
    ("md", rf"(?:\b{_WEEKDAY},?\s+)?\b(?P<md_m>{_MONTH})\s+(?P<md_d>{_DAY})(?![\d,]\d)\b"),
    (
        "century",
        rf"\b(?:(?i:the)\s+)?(?:(?:early|mid|late|middle of the|end of the|turn of the)[-\s]+)?"
        rf"(?P<c_n>{_ORDINAL})(?:(?:(?P<c_dash>{_DASH}|\s+to\s+)|\s+(?:and|or)\s+(?:the\s+)?)(?P<c_n2>{_ORDINAL}))?"
        rf"[-\s]+centur(?:y|ies)(?:\s+(?P<c_era>{_ERA}))?",
    ),
    (
        "decade",
        r"\b(?:(?i:the)\s+)?(?:(?:early|mid|late)[-\s]+)?(?P<dec>1\d{2}0|20\d0|\d{2,3}0)s\b(?:\s+(?P<dec_era>"
        + _ERA
        + r"))?",
    ),
    (
        "era_range",
        rf"\b(?:(?i:from|between)\s+)?(?:c\.\s?)?(?P<er_y1>\d{{1,4}})(?:\s?(?P<er_era1>{_ERA}))?"
        rf"(?:{_DASH}|\s+(?:to|and|until)\s+)(?:c\.\s?)?"
        rf"(?P<er_y2>\d{{1,4}})\s?(?P<er_era2>{_ERA})",
    ),
    (
        "era_year",
        rf"\b(?:(?P<ey_pre>AD|A\.D\.)\s?(?P<ey_y1>\d{{1,4}})\b|(?P<ey_y2>\d{{1,4}})\s?(?P<ey_era>{_ERA}))",
    ),
    ("short_range", r"\b(?P<sr_y>1\d{3}|20\d{2})[–-](?P<sr_e>\d{2})\b(?![–-]\d)"),
    (
        "year_range",
        rf"(?<![\d,.$£€#])(?P<yr1>[1-9]\d{{2,3}}){_DASH}(?P<yr2>[1-9]\d{{2,3}})\b(?![,.]\d|%|[–-]\d)",
    ),
    (
        "word_range",
        r"(?i:from|between)\s+(?P<wr1>[1-9]\d{2,3})\s+(?:to|and|until|till)\s+(?P<wr2>[1-9]\d{2,3})\b(?![,.]\d|%)",
    ),
    ("year", r"(?<![\d,.$£€#])(?P<y>1\d{3}|20\d{2}|[1-9]\d{2})\b(?![,.]\d|%|[A-Za-z])"),
    ("ago", rf"\b(?P<ago_n>{_COUNT})\s+(?P<ago_u>year|month|week|day|decade|centur)(?:s|ies|y)?\s+ago\b"),
    (
        "anaphor_shift",
        rf"\b(?P<as_n>{_COUNT})\s+(?P<as_u>year|month|day|decade)s?\s+(?P<as_dir>later|earlier|afterwards)\b",
    ),
    (
        "anaphor",
        r"\b(?:(?i:later|earlier)\s+)?(?:(?i:the)\s+(?P<an_dir>following|next|previous|preceding|same|subsequent)"
        r"|(?i:that|that\s+same)(?P<an_that>))\s+(?P<an_u>year|month|day|decade|century)\b"
        r"|\b(?i:the)\s+(?P<an2_u>year|month|day)\s+(?P<an2_dir>after|before)\b"
        r"(?!\s+(?:the|a|an|his|her|its|their|he|she|it|they|we)\b)",
    ),
    (
        "relative",
        r"\b(?P<rel_dir>(?i:last|next|this))\s+(?P<rel_u>year|month|decade|century|"
        + _WEEKDAY
        + "|"
        + _MONTH
        + r")\b",
    ),
    ("deictic", r"\b(?P<dx>[Yy]esterday|[Tt]omorrow)\b"),
    (
        "weekday",
        rf"\b(?P<wd>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?\b(?!\s*,?\s*(?:\d|{_MONTH}))",
    ),
    ("bare_month", rf"\b(?P<bm_m>{_MONTH})\b(?!\.?\s*\d)"),
]
# Every expression starts a word, and with one of these words; checking that first lets the
# scanner skip most positions without trying each pattern.
_ORDINAL_WORD = "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
_FIRST_WORD = (
    r"(?=\d"
    r"|(?i:the|from|between)\s+(?:\d|c\.|early|mid|late|middle|end|turn|following|next|previous|preceding"
    rf"|same|subsequent|year|month|day|{_ORDINAL_WORD}|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
    r"|(?i:early|mid|late|middle|end|turn)\b"
    r"|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
    r"\s+(?i:year|month|week|day|decade|centur)"
    r"|(?i:last|next|this)\s+[A-Za-z]"
    r"|(?i:that)\s+(?:same\s+)?(?:year|month|day|decade|century)"
    r"|(?i:later|earlier)\s+(?:that|the)\b"
    r"|(?i:yesterday|tomorrow)\b"
    r"|[Oo]n\s+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
    r"|(?:AD|A\.D\.)"
    rf"|(?i:{_ORDINAL_WORD})\b"
    r"|(?:Jan|Feb|Mar|Apr|May|Ju[nl]|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)"
)
_SCANNER = re.compile(
    r"\b" + _FIRST_WORD + "(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _PATTERNS) + ")"
)
_LOOKBACK = 40  # characters around a date that the checks below read; more would make them quadratic
_BARE_MONTH_LEADS = re.compile(
    r"\b(?:in|In|during|During|since|Since|until|Until|by|By|early|Early|late|Late|mid-|from|From|of"
    r"|through|between|Between|to|and|before|Before|after|After|around|for)\s*$"
)
# A weekday names a day after these words; "Monday" alone may be a name or a heading.
_WEEKDAY_LEADS = re.compile(r"(?i)\b(?:on|until|till|by|since|before|after|to|from|through|and|or)\s+$")
# Words after which a date is a deadline or the end of something still going on.
_UNTIL = re.compile(r"(?i)\b(?:until|till|by)\s+$")


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


def find_dates(
    text: str, *, published: datetime.date | None = None, previous: Span | None = None
) -> list[Mention]:
    """Return the date expressions of a text in order, resolved where their anchors are known."""
    mentions: list[Mention] = []
    for match in _SCANNER.finditer(text):
        future = _is_future(text, match.start(), match.end())
        mention = _mention(match, text, published=published, previous=previous, future=future)
        if mention is None:
            continue
        mentions.append(mention)
        if mention.span is not None:
            previous = mention.span
    return _merge_ranges(text, mentions)


def _is_future(text: str, start: int, end: int) -> bool:
    """Tell whether the clause around a date speaks of the future ("will meet on Monday")."""
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    before = text[max(clause_start, start - 2 * _LOOKBACK) : start]
    if _FUTURE.search(before) or _SCHEDULED.search(before):
        return True
    if _UNTIL.search(before):  # "has issued an alert until Saturday": unless it is over
        return not _OVER.search(before)
    if _PAST_VERB.search(before):  # "said on Friday that they will ...", "won the final on 14 July"
        return False
    following = _CLAUSE_BREAK.search(text, end)
    after = text[end : following.start() if following else len(text)]
    opens_clause = re.fullmatch(r"(?i)\s*(?:on|in|by|from|until|since|at|during|for|early|late)?\s*", before)
    if not after.strip() and following and opens_clause:  # "On Monday, the minister will travel"
        next_break = _CLAUSE_BREAK.search(text, following.end())
        after = text[following.end() : next_break.start() if next_break else len(text)]
    return bool(_FUTURE.search(after))


def needs_publication_date(mention: Mention) -> bool:
    return mention.span is None and mention.reason == _NO_PUBLISHED


_NO_PUBLISHED = "needs the publication date, which the document does not give"
_NO_PREVIOUS = "refers to an earlier date, but none comes before it"


def _mention(
    match: re.Match[str],
    text: str,
    *,
    published: datetime.date | None,
    previous: Span | None,
    future: bool,
) -> Mention | None:
    kind = match.lastgroup
    assert kind is not None
    groups = {key: value for key, value in match.groupdict().items() if value is not None}
    start, end = match.span()
    if kind in _ABSOLUTE:
        span = _ABSOLUTE[kind](groups)
        if span is None or not _plausible(kind, text, start, end):
            return None
        return Mention(match.group(), start, end, span)
    if kind == "bare_month" and not _BARE_MONTH_LEADS.search(text[max(0, start - _LOOKBACK) : start]):
        return None
    if kind == "weekday" and not _WEEKDAY_LEADS.search(text, max(0, start - _LOOKBACK), start):
        return None
    resolved = _resolve_relative(kind, groups, published=published, previous=previous, future=future)
    span, reason = (None, resolved) if isinstance(resolved, str) else (resolved, "")
    yearless = kind in {"dm", "md", "bare_month"}
    return Mention(text[start:end], start, end, span, reason=reason, relative=True, yearless=yearless)


# Absolute forms -----------------------------------------------------------------------------------


def _year_value(text: str) -> int:
    """Return the astronomical year of '1947', '44 BC', 'AD 79', '300 BCE'."""
    number = int(re.search(r"\d+", text).group())  # type: ignore[union-attr]
    if re.search(r"B\.?C", text):
        return 1 - number
    return number


def _month_value(text: str) -> int:
    return _MONTHS[text.rstrip(".").lower()]


def _day_value(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _safe_day(year: int, month: int, day: int) -> Span | None:
    if day > timespan.days_in_month(year, month):
        return None
    return timespan.day(year, month, day)


def _iso(groups: dict[str, str]) -> Span | None:
    return _safe_day(int(groups["iso_y"]), int(groups["iso_m"]), int(groups["iso_d"]))


def _day_range(groups: dict[str, str], prefix: str) -> Span | None:
    year, month = _year_value(groups[f"{prefix}_y"]), _month_value(groups[f"{prefix}_m"])
    first = _safe_day(year, month, _day_value(groups[f"{prefix}_d1"]))
    last = _safe_day(year, month, _day_value(groups[f"{prefix}_d2"]))
    if first is None or last is None or last.start <= first.start:
        return None
    return timespan.join(first, last)


def _dmy(groups: dict[str, str], prefix: str) -> Span | None:
    return _safe_day(
        _year_value(groups[f"{prefix}_y"]),
        _month_value(groups[f"{prefix}_m"]),
        _day_value(groups[f"{prefix}_d"]),
    )


def _month_range(groups: dict[str, str]) -> Span | None:
    year = _year_value(groups["mr_y"])
    first, last = _month_value(groups["mr_m1"]), _month_value(groups["mr_m2"])
    if last <= first:
        return None
    return timespan.join(timespan.month(year, first), timespan.month(year, last))


def _days_range(groups: dict[str, str], prefix: str) -> Span | None:
    year = _year_value(groups[f"{prefix}_y"])
    first = _safe_day(year, _month_value(groups[f"{prefix}_m1"]), _day_value(groups[f"{prefix}_d1"]))
    last = _safe_day(year, _month_value(groups[f"{prefix}_m2"]), _day_value(groups[f"{prefix}_d2"]))
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


_ABSOLUTE = {
    "iso": _iso,
    "day_range": lambda groups: _day_range(groups, "dr"),
    "day_range_us": lambda groups: _day_range(groups, "du"),
    "dmy": lambda groups: _dmy(groups, "dmy"),
    "mdy": lambda groups: _dmy(groups, "mdy"),
    "month_range": _month_range,
    "day_month_range": lambda groups: _days_range(groups, "dd"),
    "month_day_range": lambda groups: _days_range(groups, "md2"),
    "my": lambda groups: timespan.month(_year_value(groups["my_y"]), _month_value(groups["my_m"])),
    "century": _century,
    "decade": _decade,
    "era_range": _era_range,
    "era_year": _era_year,
    "short_range": _short_range,
    "year_range": lambda groups: _year_range(groups["yr1"], groups["yr2"]),
    "word_range": lambda groups: _year_range(groups["wr1"], groups["wr2"]),
    "year": _year,
}


_NOT_YEAR_LEADS = frozenset(
    "on at helpline hotline number call dial phone tel fax code pin line extension ext room flight".split()
)
_NUMBER_KINDS = frozenset({"year", "year_range", "word_range"})
_CODE_BEFORE = re.compile(
    r"(?:[A-Za-z]-|[/#№+]|\bNo\.?|\bno\.|\bnumber|\d[\s.]*"
    r"|\b(?:page|pages|p|pp|flight|route|model|room|platform|gate|bus)\.?\s*)$",
    re.IGNORECASE,
)
_STREET_AFTER = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+){1,2}(?:Avenue|Street|St|Road|Rd|Boulevard|Lane|Drive|Way)\b"
)
# After "in 711", a year is followed by punctuation, a function word or a name, not by a noun.
_SHORT_YEAR_LEADS = frozenset({"in", "since", "by", "until", "c", "circa", "year", "around", "from", "after"})
_SHORT_YEAR_FOLLOWERS = frozenset(
    """
    and or the a an with when while after before as but to by in on at for he she it they his her its
    their which who that under until
    """.split()
)


def _plausible(kind: str, text: str, start: int, end: int) -> bool:
    """Reject numbers that are counts, measures, codes or parts of names, not years."""
    if kind not in _NUMBER_KINDS:
        return True
    before, after = text[max(0, start - _LOOKBACK) : start], text[end : end + _LOOKBACK]
    next_word = re.match(r"\s*([A-Za-z]+)", after)
    if next_word and next_word.group(1).lower() in _COUNT_NOUNS:
        return False
    if _CODE_BEFORE.search(before) or _STREET_AFTER.match(after):
        return False
    if kind != "year":
        return True
    previous_word = re.search(r"([A-Za-z]+)(\.|,)?\s*$", before)
    lead = previous_word.group(1) if previous_word else ""
    if lead.lower() in _NOT_YEAR_LEADS:  # "can be reached on 1079", "the voter helpline, 1950,"
        return False
    if previous_word and previous_word.group(2) == ",":
        lead = ""  # "Berlin, 1884": a comma ends what came before
    if int(text[start:end]) < 1000:  # "in 711," or "in 533 with" is a year; "in 300 villages" is not
        return lead.lower() in _SHORT_YEAR_LEADS and (
            re.match(r"\s*(?:[,.;:)]|$)", after) is not None
            or (next_word is not None and next_word.group(1).lower() in _SHORT_YEAR_FOLLOWERS)
            or (next_word is not None and next_word.group(1)[:1].isupper())
        )
    if not lead or lead.lower() in _YEAR_LEADS or lead.lower() in _MONTHS:
        return True
    # "Resolution 1701", "Route 1900", "Windows 2000": a capitalised name right before the number.
    return not lead[:1].isupper()


# Relative forms -----------------------------------------------------------------------------------


def _resolve_relative(
    kind: str,
    groups: dict[str, str],
    *,
    published: datetime.date | None,
    previous: Span | None,
    future: bool,
) -> Span | str:
    if kind in {"anaphor", "anaphor_shift"}:
        if previous is None:
            return _NO_PREVIOUS
        return _anaphor(kind, groups, previous) or "refers to an earlier date that is too coarse"
    if published is None:
        return _NO_PUBLISHED
    today = Point(published.year, published.month, published.day)
    resolved = _RELATIVE[kind](groups, today, future)
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


def _ago(groups: dict[str, str], today: Point, _future: bool) -> Span | None:
    count = _count_value(groups["ago_n"])
    unit = groups["ago_u"].lower()
    if count is None or unit == "week":
        return None
    precision = _UNIT_PRECISION[unit]
    return timespan.shift(timespan.unit(today, precision), -count)


def _relative(groups: dict[str, str], today: Point, future: bool) -> Span | None:
    direction = groups["rel_dir"].lower()
    unit = groups["rel_u"]
    steps = {"last": -1, "next": 1, "this": 0}[direction]
    if unit.lower() in _UNIT_PRECISION:
        return timespan.shift(timespan.unit(today, _UNIT_PRECISION[unit.lower()]), steps)
    if unit.lower() in _WEEKDAYS:
        return _weekday(today, _WEEKDAYS.index(unit.lower()), future=steps > 0 or (steps == 0 and future))
    month = _month_value(unit)
    if steps == 0:
        return timespan.month(today.year, month)
    candidate = timespan.month(today.year, month)
    if steps < 0:
        return candidate if month < today.month else timespan.shift(candidate, -12)
    return candidate if month > today.month else timespan.shift(candidate, 12)


def _deictic(groups: dict[str, str], today: Point, _future: bool) -> Span:
    steps = -1 if groups["dx"].lower() == "yesterday" else 1
    return timespan.shift(timespan.unit(today, Precision.DAY), steps)


def _weekday(today: Point, weekday: int, *, future: bool) -> Span:
    date = datetime.date(today.year, today.month, today.day)
    offset = (weekday - date.weekday()) % 7 or 7 if future else -((date.weekday() - weekday) % 7)
    moved = date + datetime.timedelta(days=offset)
    return timespan.day(moved.year, moved.month, moved.day)


def _on_weekday(groups: dict[str, str], today: Point, future: bool) -> Span:
    return _weekday(today, _WEEKDAYS.index(groups["wd"].lower()), future=future)


def _yearless(month: int, day: int | None, today: Point, future: bool) -> Span | None:
    """Place a date without a year in the year that keeps it on the side of `today` the tense says."""
    for year in (today.year, today.year - 1 if not future else today.year + 1):
        candidate = timespan.month(year, month) if day is None else _safe_day(year, month, day)
        if candidate is None:
            return None
        if (candidate.start <= today) != future or candidate.start == today:
            return candidate
    return candidate


_RELATIVE = {
    "ago": _ago,
    "relative": _relative,
    "deictic": _deictic,
    "weekday": _on_weekday,
    "dm": lambda g, today, future: _yearless(_month_value(g["dm_m"]), _day_value(g["dm_d"]), today, future),
    "md": lambda g, today, future: _yearless(_month_value(g["md_m"]), _day_value(g["md_d"]), today, future),
    "bare_month": lambda g, today, future: _yearless(_month_value(g["bm_m"]), None, today, future),
}


def _anaphor(kind: str, groups: dict[str, str], previous: Span) -> Span | None:
    if kind == "anaphor_shift":
        count = _count_value(groups["as_n"])
        precision = _UNIT_PRECISION[groups["as_u"].lower()]
        steps = count if groups["as_dir"].lower() in {"later", "afterwards"} else -(count or 0)
    else:
        unit = groups.get("an_u") or groups["an2_u"]
        precision = _UNIT_PRECISION[unit.lower()]
        direction = (groups.get("an_dir") or groups.get("an2_dir") or "same").lower()
        steps = {"following": 1, "next": 1, "subsequent": 1, "after": 1, "previous": -1}.get(direction, 0)
        steps = -1 if direction in {"preceding", "before"} else steps
        count = 1
    if count is None or _coarser(precision, previous.precision):
        return None
    anchor = previous.end if steps > 0 else previous.start
    return timespan.shift(timespan.unit(anchor, precision), steps)


_ORDER = list(Precision)


def _coarser(wanted: Precision, known: Precision) -> bool:
    """Tell whether `wanted` is finer than what the anchor `known` pins down."""
    return _ORDER.index(wanted) < _ORDER.index(known)


# Ranges -------------------------------------------------------------------------------------------

_RANGE_JOINS = (
    (re.compile(r"(?i)\bfrom\s+$"), re.compile(r"^\s*(?:[–—-]|to|until|till|through)\s+$|^\s?[–—-]\s?$")),
    (re.compile(r"(?i)\bbetween\s+$"), re.compile(r"^\s+and\s+$")),
    (None, re.compile(r"^\s?[–—-]\s?$|^\s+(?:to|until|till|through)\s+$")),
)


def _merge_ranges(text: str, mentions: list[Mention]) -> list[Mention]:
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
    between = text[first.end : last.start]
    for lead, middle in _RANGE_JOINS:
        window = max(0, first.start - _LOOKBACK)
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
