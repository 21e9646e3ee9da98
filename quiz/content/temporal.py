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
from collections.abc import Iterable
from dataclasses import dataclass, replace

from quiz.content import timespan, vocabulary
from quiz.content.timespan import Point, Precision, Span
from quiz.content.vocabulary import MONTHS as _MONTHS
from quiz.content.vocabulary import NUMBER_WORDS as _NUMBER_WORDS
from quiz.content.vocabulary import ORDINAL_WORDS as _ORDINAL_WORDS
from quiz.content.vocabulary import WEEKDAYS as _WEEKDAYS


def _words(words: Iterable[str]) -> str:
    """Return an alternation of words, longest first, so that no word stops at the prefix of another."""
    return "|".join(sorted(words, key=len, reverse=True))


# Words that may stand right before a bare year ("In 1947", "the 1965 war", "by 1950", "For 1991").
_YEAR_LEADS = frozenset(
    """
    in on at by of from to and or the a since until till through during after before between
    around about circa c ca early mid late end spring summer autumn fall winter year years as
    than but while when where until throughout following preceding then also only still even
    again until for that this its his her their our whose
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
    branches stores offices shares contracts barrels cars
    """.split()
)
_TENSE = re.compile(
    rf"(?i)\b(?=[a-z'’])(?:(?P<future>(?:{'|'.join(vocabulary.FUTURE_WORDS)}))"
    rf"|(?P<schedule>{vocabulary.SCHEDULE_WORDS})|(?P<past>{vocabulary.PAST_WORDS}))\b"
)
_REPORTING = re.compile(rf"(?i){vocabulary.REPORTING_WORDS}")
_CLOSE_AFTER = re.compile(r"(?:\s+\S+){0,3}?\s*(?:on|at)?\s*")  # "said Tuesday", "told reporters on Monday"
_ONGOING = re.compile(r"(?i)\b(?:has|have|is|are|remains?|will)\b")
_OVER = re.compile(r"(?i)\b(?:had|was|were|lasted|remained|stayed|continued|ended)\b")
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|\s[–—]\s|--")

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
# A month alone is read only when written out or with its full stop: "Jan Novak" is a name.
_MONTH_ALONE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
# Each long list of words sits behind a test of its first letters, which fails fast where it cannot match.
_ORDINAL_START = r"(?=(?i:fir|sec|thi|fou|fif|six|sev|eig|nin|ten|ele|twe))"
_DAY_WORD = rf"{_ORDINAL_START}(?i:{_words(_ORDINAL_WORDS)})\b"
_YEAR = (
    r"(?:1\d{3}|20\d{2}|\d{1,4}\s?(?:BCE|BC|B\.C\.|CE|AD|A\.D\.)(?![A-Za-z])|(?:AD|A\.D\.)\s?\d{1,4})(?!\d)"
)
_UNIT_WORD = _words(vocabulary.UNITS)
_SPELLED_YEAR = (
    rf"(?=(?i:si|se|ei|ni|tw))(?i:(?:{_words(vocabulary.CENTURY_WORDS)})[\s-]+(?:hundred|o(?:h)?[\s-](?:{_UNIT_WORD})"
    rf"|(?:{_words(vocabulary.TENS)})(?:[\s-](?:{_UNIT_WORD}))?|{_words(vocabulary.TEENS)})"
    rf"|two\s+thousand(?:\s+and)?(?:[\s-](?:{_words(vocabulary.TEENS)}|{_UNIT_WORD}))?)\b"
)
_ERA = r"(?:BCE|BC|B\.C\.(?:E\.)?|CE|AD|A\.D\.)(?![A-Za-z])"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DASH = r"\s?[–—-]\s?"
_RANGE_WORD = rf"{_DASH}|\s+(?:to|and|until|through)\s+"
_ORDINAL = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{_ORDINAL_START}(?:{_words(_ORDINAL_WORDS)}))"
_COUNT = r"(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|\d{1,3})"
_MODIFIER = rf"(?=(?i:[emltbsf]))(?i:{_words(vocabulary.MODIFIERS)})[-\s]+"
_HOLIDAY = "|".join(f"(?:{holiday.names})" for holiday in vocabulary.HOLIDAYS)
_DEICTIC = _words(word.replace(" ", r"\s+") for word in vocabulary.DEICTIC_DAYS)

# Alternatives are tried in order at each position, so longer forms come before their prefixes.
_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"\b(?P<iso_y>\d{4})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])\b"),
    (
        "holiday",
        rf"(?=[A-Z]|the\s+F)(?P<hol>{_HOLIDAY})\b(?:,?\s+(?P<hol_y>1\d{{3}}|20\d{{2}})\b(?![,.]\d))?",
    ),
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
        rf"(?:\b{_WEEKDAY},?\s+)?\b(?P<mdy_m>{_MONTH})\s+(?P<mdy_d>{_DAY}|{_DAY_WORD}),?\s+"
        rf"(?P<mdy_y>{_YEAR}|{_SPELLED_YEAR})",
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
    (
        "my",
        rf"\b(?:{_MODIFIER})?(?P<my_m>{_MONTH}),?\s+(?:of\s+)?"
        rf"(?P<my_y>{_YEAR}|{_SPELLED_YEAR}|[1-9]\d{{2}}\b(?![,.]\d))",
    ),
    (
        "dm",
        rf"(?:\b(?P<dm_wd>{_WEEKDAY}),?\s+)?\b(?P<dm_d>{_DAY}|{_DAY_WORD})\s+(?:of\s+)?(?P<dm_m>{_MONTH})\b",
    ),
    (
        "md",
        rf"(?:\b(?P<md_wd>{_WEEKDAY}),?\s+)?\b(?P<md_m>{_MONTH})\s+(?P<md_d>{_DAY}(?![\d,]\d)|{_DAY_WORD})\b",
    ),
    (
        "century",
        rf"\b(?:(?i:the)\s+)?(?:{_MODIFIER})?"
        rf"(?P<c_n>{_ORDINAL})(?:(?:(?P<c_dash>{_DASH}|\s+to\s+)|\s+(?:and|or)\s+(?:the\s+)?)(?P<c_n2>{_ORDINAL}))?"
        rf"[-\s]+centur(?:y|ies)(?:\s+(?P<c_era>{_ERA}))?",
    ),
    (
        "decade",
        rf"\b(?:(?i:the)\s+)?(?:{_MODIFIER})?(?P<dec>1\d{{2}}0|20\d0|\d{{2,3}}0)s\b(?:\s+(?P<dec_era>{_ERA}))?",
    ),
    # "the '70s", "the mid-'80s", "the nineties": read in the 20th century, like the spelled decades.
    (
        "decade_short",
        rf"\b(?:(?i:the)\s+)?(?:{_MODIFIER})?['’](?P<ds>[2-9]0)s\b|\b(?i:the)\s+(?:{_MODIFIER})?(?P<ds2>[2-9]0)s\b",
    ),
    ("decade_word", rf"\b(?i:the)\s+(?:{_MODIFIER})?(?P<dw>{_words(vocabulary.SPELLED_DECADES)})\b"),
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
    ("spelled_year", rf"\b(?P<sy_lead>(?i:the)\s+year\s+)?(?P<sy>{_SPELLED_YEAR})"),
    (
        "year",
        r"(?:\b(?P<y_mod>(?i:early|mid|late))[-\s]+)?(?<![\d,.$£€#])(?P<y>1\d{3}|20\d{2}|[1-9]\d{2})\b"
        r"(?![,.]\d|%|[A-Za-z])",
    ),
    ("ago", rf"\b(?P<ago_n>{_COUNT})\s+(?P<ago_u>year|month|week|day|decade|centur)(?:s|ies|y)?\s+ago\b"),
    (
        "anaphor_shift",
        rf"\b(?P<as_n>{_COUNT})\s+(?P<as_u>year|month|day|decade)s?\s+(?P<as_dir>later|earlier|afterwards)\b(?!\s+than)",
    ),
    ("year_ago", rf"\b(?i:{vocabulary.YEAR_AGO_ADJECTIVES})\b"),
    ("focus_day", rf"\b(?i:{'|'.join(vocabulary.FOCUS_DAY_PHRASES)})\b"),
    (
        "anaphor",
        r"\b(?:(?i:later|earlier)\s+)?(?:(?i:the)\s+(?P<an_dir>following|next|previous|preceding|same|subsequent)"
        r"|(?i:that|that\s+same)(?P<an_that>))\s+(?P<an_u>year|month|day|decade|century)\b"
        r"|\b(?i:the)\s+(?P<an2_u>year|month|day)\s+(?P<an2_dir>after|before)\b"
        r"(?!\s+(?:the|a|an|his|her|its|their|he|she|it|they|we)\b)",
    ),
    (
        "focus_year",
        rf"\b(?i:{'|'.join(vocabulary.FOCUS_YEAR_PHRASES[:-1])}|(?:[Tt]he)\s+(?-i:year))\b"
        r"(?![-‘'’]|\s+(?:\d|ago|earlier|later|before|after|when|in\s+which|that|since|of\s+the|\w+teen|two\s+thousand))",
    ),
    (
        "relative",
        r"\b(?P<rel_dir>(?i:last|next|this))\s+(?P<rel_u>year|month|decade|century|"
        + _WEEKDAY
        + "|"
        + _MONTH
        + r")\b",
    ),
    ("deictic", rf"\b(?P<dx>(?i:{_DEICTIC}))\b(?:\s+(?P<dx_part>morning|afternoon|evening|night))?"),
    (
        "weekday",
        rf"\b(?P<wd>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?\b(?!\s*,?\s*(?:\d|{_MONTH}))",
    ),
    (
        "bare_month",
        rf"\b(?:(?P<bm_mod>(?i:early|mid|late))[-\s]+)?(?P<bm_m>{_MONTH_ALONE})(?!\w)(?!\.?\s*\d)",
    ),
]
# Every expression starts a word, and with one of these words; checking that first lets the
# scanner skip most positions without trying each pattern.
# The first letters of every ordinal word, a superset that is much cheaper to test than the words themselves.
_ORDINAL_WORD = r"(?:fir|sec|thi|fou|fif|six|sev|eig|nin|ten|ele|twe)"
_FIRST_WORD = (
    r"(?=\d"
    r"|(?i:the|from|between)\s+(?:\d|c\.|['’]|early|mid|late|middle|end|turn|following|next|previous|preceding"
    r"|same|subsequent|year|month|day|first|second|latter|beginning|start|fiscal|current|past|calendar|full"
    rf"|entire|whole|rest|balance|\w+ties|{_ORDINAL_WORD}|Fourth|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
    r"|(?i:early|mid|late|middle|end|turn|year-)"
    r"|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
    r"\s+(?i:year|month|week|day|decade|centur)"
    r"|(?i:sixteen|seventeen|eighteen|nineteen|twenty|two\s+thousand)\b"
    r"|(?i:last|next|this)\s+[A-Za-z]"
    r"|(?i:that)\s+(?:same\s+)?(?:year|month|day|decade|century)"
    r"|(?i:later|earlier)\s+(?:that|the|in)\b"
    r"|(?i:yesterday|tomorrow|today|tonight)\b"
    r"|(?:AD|A\.D\.)"
    rf"|(?i:{_ORDINAL_WORD})[\w-]*(?:\s+\w+)?[-\s]+(?:(?i:centur)|(?:of\s+)?[JFMASOND])"
    r"|(?:New|Martin|Valentine|Memorial|Independence|Labor|Columbus|Halloween|Election|Veterans|Armistice"
    r"|Thanksgiving|Christmas|Boxing)\b"
    r"|(?:Jan|Feb|Mar|Apr|May|Ju[nl]|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)"
)
# A date starts a word: testing that first, and not after an apostrophe ("New Year's"), spares the
# alternatives most positions in a text.
_SCANNER = re.compile(
    r"(?<![\w'’])(?=\w)"
    + _FIRST_WORD
    + "(?:"
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _PATTERNS)
    + ")"
)
_OPENS_CLAUSE = re.compile(r"(?i)\s*(?:on|in|by|from|until|till|since|at|during|for|early|late)?\s*")
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
_PREVIOUS_WORD = re.compile(r"([A-Za-z]+)(\.|,)?\s*$")
_PUNCTUATION_NEXT = re.compile(r"\s*(?:[,.;:)]|$)")
_GROUPS = {name: tuple(re.findall(r"\(\?P<(\w+)>", pattern)) for name, pattern in _PATTERNS}
# Kinds whose value depends on the tense of their verb; the others never pay for reading it.
_TENSED = frozenset({"weekday", "md", "dm", "bare_month", "holiday", "relative"})
_LOOKBACK = 40  # characters around a date that the checks below read; more would make them quadratic
_BARE_MONTH_LEADS = re.compile(
    r"\b(?:in|In|during|During|since|Since|until|Until|by|By|early|Early|late|Late|mid-|from|From|of"
    r"|through|between|Between|to|and|before|Before|after|After|around|for|For|last|this|next)\s*$"
)
# Words after which a date is a deadline or the end of something still going on.
_UNTIL = re.compile(r"(?i)\b(?:until|till|by|through)\s+$")
_WEEKDAY_NAME_BEFORE = re.compile(rf"\b(?:{_words(vocabulary.WEEKDAY_NAME_BEFORE)})\s+$")
_NAME_AFTER = re.compile(r"\s+([A-Z][a-z]+)")
_DEICTIC_NOT_DAY_BEFORE = re.compile(rf"\b(?:{vocabulary.DEICTIC_NOT_DAY_BEFORE})\s+$")
_DEICTIC_NOT_DAY_AFTER = re.compile(rf"\s*(?:{vocabulary.DEICTIC_NOT_DAY_AFTER})\b")
_NOT_DATE_AFTER = re.compile(rf"\s+(?:{vocabulary.MONTH_NOT_DATE_AFTER})\b")
_COORDINATED = re.compile(r"\s*(?:and|or|to|through|,)\s+\d")  # "soared in 2020 and 2021": no one year
_SINCE = re.compile(r"(?i)\bsince\b")
_FOCUS_LEADS = re.compile(r"(?i)(?:^|\b(?:in|for|during|throughout|of)\s+)$")


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
class _Context:
    """What the dates read so far tell the ones still to come."""

    published: datetime.date | None
    previous: Span | None  # the last date: "the following year" counts from it
    focus: Span | None  # the date the text has moved to, if any: "the year", "a year earlier" count from it


def find_dates(
    text: str,
    *,
    published: datetime.date | None = None,
    previous: Span | None = None,
    focus: Span | None = None,
) -> list[Mention]:
    """Return the date expressions of a text in order, resolved where their anchors are known."""
    return _find(text, _Context(published, previous, focus))


def find_dates_in_sentences(sentences: list[str], *, published: datetime.date | None) -> list[list[Mention]]:
    """Find the dates of each sentence, carrying "the date before" and "the date in focus" across them."""
    context = _Context(published, None, None)
    return [_find(sentence, context) for sentence in sentences]


def _find(text: str, context: _Context) -> list[Mention]:
    mentions: list[Mention] = []
    for match in _SCANNER.finditer(text):
        mention = _mention(match, text, context)
        if mention is None:
            continue
        mentions.append(mention)
        if mention.span is not None:
            context.previous = mention.span
            if mention.focus:
                context.focus = mention.span
    return _merge_ranges(text, mentions)


def _tense(text: str, start: int, end: int) -> str | None:
    """Return "past" or "future" from the verb the date at `start` modifies, or None when nothing says."""
    clause_start = max(
        (m.end() for m in _CLAUSE_BREAK.finditer(text, max(0, start - 2 * _LOOKBACK), start)), default=0
    )
    before = text[max(clause_start, start - 2 * _LOOKBACK) : start]
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
    opens_clause = _OPENS_CLAUSE.fullmatch(before)
    if not after.strip() and following and opens_clause:  # "On Monday, the minister will travel"
        next_break = _CLAUSE_BREAK.search(text, following.end())
        after = text[following.end() : next_break.start() if next_break else len(text)]
    marker = _TENSE.search(after, 0, 2 * _LOOKBACK)
    if marker is None:
        return None
    return "past" if marker.lastgroup == "past" else "future"


def needs_publication_date(mention: Mention) -> bool:
    return mention.span is None and mention.reason == _NO_PUBLISHED


_NO_PUBLISHED = "needs the publication date, which the document does not give"
_NO_PREVIOUS = "refers to an earlier date, but none comes before it"


def _mention(match: re.Match[str], text: str, context: _Context) -> Mention | None:
    kind = match.lastgroup
    assert kind is not None
    groups = {key: value for key in _GROUPS[kind] if (value := match.group(key)) is not None}
    start, end = match.span()
    if kind in _ABSOLUTE:
        span = _ABSOLUTE[kind](groups)
        if span is None or not _plausible(kind, groups, text, start, end):
            return None
        return Mention(match.group(), start, end, span, focus=_moves_focus(span, text, start), rule=kind)
    if not _accepted(kind, groups, text, start, end):
        return None
    tense = _tense(text, start, end) if kind in _TENSED else None
    resolved = _resolve_relative(kind, groups, context, tense=tense)
    span, reason = (None, resolved) if isinstance(resolved, str) else (resolved, "")
    yearless = kind in {"dm", "md", "bare_month", "holiday"}
    focus = kind == "relative" and span is not None and _moves_focus(span, text, start)
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


def _moves_focus(span: Span, text: str, start: int) -> bool:
    """Tell whether the text moves to a year here ("For 1991, ...", "grew 5 percent in 2024"), so that "the
    year" and "a year earlier" now count from it; "since October 2015" or "That 2000 agreement" do not."""
    if span.precision is not Precision.YEAR or span.is_range:
        return False
    lead = _FOCUS_LEADS.search(text, max(0, start - 12), start)
    if lead is None or _SINCE.search(text, max(0, start - 2 * _LOOKBACK), start):
        return False
    return not _COORDINATED.match(text, start + len(timespan.year_label(span.start.year)))


def _accepted(kind: str, groups: dict[str, str], text: str, start: int, end: int) -> bool:
    """Reject words that look like relative dates but name something else."""
    before = text[max(0, start - _LOOKBACK) : start]
    name_after = _NAME_AFTER.match(text, end)
    if kind in {"bare_month", "my", "md"} and _NOT_DATE_AFTER.match(text, end):
        return False
    if kind == "bare_month":
        if name_after and name_after.group(1).lower() not in _MONTHS:
            return False  # "April Ryan", "by May Day"
        return "bm_mod" in groups or _BARE_MONTH_LEADS.search(before) is not None
    if kind == "weekday":
        if _WEEKDAY_NAME_BEFORE.search(before):  # "Good Friday", "Black Monday"
            return False
        return not (name_after and name_after.group(1) in vocabulary.WEEKDAY_NAME_AFTER)  # "the Sunday Times"
    if kind == "deictic":
        return not (_DEICTIC_NOT_DAY_BEFORE.search(before) or _DEICTIC_NOT_DAY_AFTER.match(text, end))
    return True


# Absolute forms -----------------------------------------------------------------------------------


def _year_value(text: str) -> int:
    """Return the astronomical year of '1947', '44 BC', 'AD 79', '300 BCE', 'nineteen ninety-four'."""
    if not re.search(r"\d", text):
        return _spelled_year_value(text)
    number = int(re.search(r"\d+", text).group())  # type: ignore[union-attr]
    if re.search(r"B\.?C", text):
        return 1 - number
    return number


def _month_value(text: str) -> int:
    return _MONTHS[text.rstrip(".").lower()]


def _day_value(text: str) -> int:
    if text[:1].isdigit():
        return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]
    return _ORDINAL_WORDS[re.sub(r"\s+", " ", text.lower())]


def _spelled_year_value(text: str) -> int:
    """Return the year of 'nineteen ninety-four', 'eighteen hundred', 'two thousand and one'."""
    words = re.split(r"[\s-]+", text.lower().strip())
    if words[:2] == ["two", "thousand"]:
        rest = [word for word in words[2:] if word != "and"]
        return 2000 + sum(vocabulary.UNITS.get(word, 0) + vocabulary.TEENS.get(word, 0) for word in rest)
    century, rest = vocabulary.CENTURY_WORDS[words[0]] * 100, words[1:]
    if rest[0] == "hundred":
        return century
    if rest[0] in {"oh", "o"}:
        return century + vocabulary.UNITS[rest[1]]
    if rest[0] in vocabulary.TEENS:
        return century + vocabulary.TEENS[rest[0]]
    return century + vocabulary.TENS[rest[0]] + (vocabulary.UNITS[rest[1]] if len(rest) > 1 else 0)


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


def _decade_short(groups: dict[str, str]) -> Span:
    return timespan.decade(1900 + int(groups.get("ds") or groups["ds2"]))


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
    "spelled_year": lambda groups: timespan.year(_spelled_year_value(groups["sy"])),
    "decade_short": _decade_short,
    "decade_word": lambda groups: timespan.decade(vocabulary.SPELLED_DECADES[groups["dw"].lower()]),
}


_NOT_YEAR_LEADS = frozenset(
    "on at helpline hotline number call dial phone tel fax code pin line extension ext room flight".split()
)
_NUMBER_KINDS = frozenset({"year", "year_range", "word_range", "spelled_year"})
_CODE_BEFORE = re.compile(
    r"(?:[A-Za-z]-|[/#№+]|\bNo\.?|\bno\.|\bnumber|\d[\s.]*"
    r"|\b(?:page|pages|p|pp|flight|route|model|room|platform|gate|bus)\.?\s*)$",
    re.IGNORECASE,
)
_COUNT_FROM = re.compile(r"(?i)\bto\s+\$?\d[\d,.]*(?:\s+[a-z]+){0,3}\s+from\s+$")
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


def _plausible(kind: str, groups: dict[str, str], text: str, start: int, end: int) -> bool:
    """Reject numbers that are counts, measures, codes, model years or parts of names, not years."""
    if kind not in _NUMBER_KINDS:
        return True
    before, after = text[max(0, start - _LOOKBACK) : start], text[end : end + _LOOKBACK]
    next_word = _NEXT_WORD.match(after)
    if next_word and next_word.group(1).lower() in _COUNT_NOUNS | vocabulary.MODEL_NOUNS:
        return False  # "2000 troops", "her 1984 Volvo"
    if _CODE_BEFORE.search(before) or _STREET_AFTER.match(after) or _COUNT_FROM.search(before):
        return False  # "F-1947", "to 520 branches from 410"
    if kind == "spelled_year":  # "two thousand" is a count when a noun follows: "two thousand troops"
        if "sy_lead" in groups or not groups["sy"].lower().startswith("two"):
            return True
        return (
            next_word is None
            or not next_word.group(1).islower()
            or next_word.group(1) in _SHORT_YEAR_FOLLOWERS
        )
    if kind != "year" or "y_mod" in groups:
        return True
    previous_word = _PREVIOUS_WORD.search(before)
    lead = previous_word.group(1) if previous_word else ""
    if lead.lower() in _NOT_YEAR_LEADS:  # "can be reached on 1079", "the voter helpline, 1950,"
        return False
    if previous_word and previous_word.group(2) == ",":
        lead = ""  # "Berlin, 1884": a comma ends what came before
    if int(groups["y"]) < 1000:  # "in 711," or "in 533 with" is a year; "in 300 villages" is not
        return lead.lower() in _SHORT_YEAR_LEADS and (
            _PUNCTUATION_NEXT.match(after) is not None
            or (next_word is not None and next_word.group(1).lower() in _SHORT_YEAR_FOLLOWERS)
            or (next_word is not None and next_word.group(1)[:1].isupper())
        )
    if not lead or lead.lower() in _YEAR_LEADS or lead.lower() in _MONTHS:
        return True
    # "Resolution 1701", "Route 1900", "Windows 2000": a capitalised name right before the number.
    return not lead[:1].isupper()


# Relative forms -----------------------------------------------------------------------------------

_NO_FOCUS_DAY = "refers to a day in focus, but the text has moved to a date coarser than a day"
_WEEKS = "weeks have no precision of their own yet, so week counts are left out"
# A date without a year goes in the year nearest the publication date; a tense that puts it on the other side
# counts as this many days of distance, so the verb decides only between years both within about ten months.
_TENSE_WEIGHT = 300
_TIE_DAYS = 30  # closer than this, with no tense to choose, the year is a guess


def _resolve_relative(
    kind: str, groups: dict[str, str], context: _Context, *, tense: str | None
) -> Span | str:
    if kind in {"anaphor", "anaphor_shift", "focus_year", "focus_day", "year_ago"}:
        return _anaphor(kind, groups, context)
    if kind == "holiday" and "hol_y" in groups:
        return _holiday(groups["hol"], int(groups["hol_y"]))
    if context.published is None:
        return _NO_PUBLISHED
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
        return _WEEKS
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
        return _weekday(today, weekday, future=tense == "future")
    month = _month_value(unit)
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
    month = _month_value(groups[f"{prefix}_m"])
    day = _day_value(groups[f"{prefix}_d"]) if f"{prefix}_d" in groups else None
    years = range(today.year - 1, today.year + 2)
    if day is None:
        return _nearest_year({year: timespan.month(year, month) for year in years}, today, tense)
    weekday = _WEEKDAYS.index(groups[f"{prefix}_wd"].lower()) if f"{prefix}_wd" in groups else None
    candidates = {year: _safe_day(year, month, day) for year in years}
    return _nearest_year(candidates, today, tense, weekday=weekday)


def _holiday(name: str, year: int) -> Span:
    """Return the day a holiday falls on in a year, by its rule in `vocabulary.HOLIDAYS`."""
    holiday = next(h for h in vocabulary.HOLIDAYS if re.fullmatch(h.names, name))
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
    return _nearest_year(candidates, today, tense)  # type: ignore[arg-type]


_RELATIVE = {
    "ago": _ago,
    "relative": _relative,
    "deictic": _deictic,
    "weekday": _on_weekday,
    "holiday": _nearest_holiday,
    "dm": lambda groups, today, tense: _yearless(groups, "dm", today, tense),
    "md": lambda groups, today, tense: _yearless(groups, "md", today, tense),
    "bare_month": lambda groups, today, tense: _yearless(groups, "bm", today, tense),
}


def _anchor_of_focus(context: _Context) -> Span | None:
    """Return the date in focus: the one the text has moved to, or else the publication date."""
    if context.focus is not None:
        return context.focus
    if context.published is not None:
        return timespan.day(context.published.year, context.published.month, context.published.day)
    return None


def _anaphor(kind: str, groups: dict[str, str], context: _Context) -> Span | str:
    if kind in {"focus_year", "year_ago"}:
        anchor = _anchor_of_focus(context)
        if anchor is None:
            return _NO_PUBLISHED
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
        steps = {"following": 1, "next": 1, "subsequent": 1, "after": 1, "previous": -1}.get(direction, 0)
        steps = -1 if direction in {"preceding", "before"} else steps
        count = 1
    if previous is None:
        return _NO_PREVIOUS
    if count is None or _coarser(precision, previous.precision):
        return "refers to an earlier date that is too coarse"
    anchor = previous.end if steps > 0 else previous.start
    return timespan.shift(timespan.unit(anchor, precision), steps)


def _day_in_focus(kind: str, groups: dict[str, str], context: _Context) -> Span | str:
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
            return _NO_PREVIOUS
        day_span = anchor
    direction = (groups.get("an_dir") or "same").lower() if kind == "anaphor" else "same"
    steps = {"following": 1, "next": 1, "subsequent": 1, "previous": -1, "preceding": -1}.get(direction, 0)
    return timespan.shift(day_span, steps)


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
    if "holiday" in {first.rule, last.rule}:  # "from Thanksgiving Day through Christmas Day": two days named
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
