"""The regular expressions of the date finder, built from the words in `quiz.content.vocabulary`."""

from __future__ import annotations

import re
from collections.abc import Iterable

from quiz.content import vocabulary
from quiz.content.vocabulary import ORDINAL_WORDS as _ORDINAL_WORDS


def _words(words: Iterable[str]) -> str:
    """Return an alternation of words, longest first, so that no word stops at the prefix of another."""
    return "|".join(sorted(words, key=len, reverse=True))


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
    rf"|two\s+thousand(?:\s+and)?(?:[\s-](?:{_words(vocabulary.TEENS)}|{_UNIT_WORD}"
    rf"|(?:{_words(vocabulary.TENS)})(?:[\s-](?:{_UNIT_WORD}))?))?)\b"
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
        rf"(?:(?P<hol_dir>(?i:last|next))\s+)?(?=[A-Z]|the\s+F)(?P<hol>{_HOLIDAY})\b"
        rf"(?:,?\s+(?P<hol_y>1\d{{3}}|20\d{{2}})\b(?![,.]\d))?",
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
        # "on 12 September that year", "Jan. 28 of that year", "November of that year": a day or a
        # month of the year the text points back to, before the day-and-month forms read it without a year
        "anaphor_date",
        rf"\b(?:(?P<ad_d>{_DAY})\s+(?:of\s+)?(?P<ad_m>{_MONTH})|(?P<ad_m2>{_MONTH})\s+(?P<ad_d2>{_DAY})"
        rf"|(?P<ad_m3>{_MONTH})),?\s+(?:of\s+)?(?:(?i:that|that\s+same|the\s+same)(?P<ad_that>)"
        r"|(?i:the)\s+(?P<ad_dir>following|next|previous|preceding|subsequent))\s+year\b",
    ),
    (
        # "January last year", "on June 7 this year", "in March next year": a day or month of a year
        # counted from the publication date
        "relative_date",
        rf"\b(?:(?P<rd_d>{_DAY})\s+(?:of\s+)?(?P<rd_m>{_MONTH})|(?P<rd_m2>{_MONTH})\s+(?P<rd_d2>{_DAY})"
        rf"|(?P<rd_m3>{_MONTH})(?:\s+of)?),?\s+(?P<rd_dir>(?i:last|this|next))\s+year\b",
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
    # "Oct. 3-4", "from Nov. 5 to 7": one range of days in the year nearest the publication date.
    (
        "md_range",
        rf"\b(?:(?i:from|between)\s+)?(?P<mdr_m>{_MONTH})\s+(?P<mdr_d>{_DAY})(?:{_DASH}|\s+(?:to|and|through|until)\s+)"
        rf"(?P<mdr_d2>{_DAY})\b(?![,.]?\d)(?!,?\s+(?:1\d{{3}}|20\d{{2}})\b)",
    ),
    # "overnight on 4–5 February": the same, in day-month order.
    (
        "dm_range",
        rf"\b(?:(?i:from|between)\s+)?(?P<dmr_d>{_DAY})(?:{_DASH}|\s+(?:to|and|until)\s+)(?P<dmr_d2>{_DAY})"
        rf"\s+(?P<dmr_m>{_MONTH})\b(?!,?\s+(?:of\s+)?(?:1\d{{3}}|20\d{{2}})\b)",
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
        rf"\b(?:(?i:the)\s+)?(?:{_MODIFIER})?['’](?P<ds>[2-9]0)s\b|\b(?i:the)\s+(?:{_MODIFIER})?(?P<ds2>[2-9]0)s\b"
        r"|(?<=[\s(])['’](?P<ds3>[2-9]0)s\b",  # "the '70s and '80s"
    ),
    (
        "decade_word",
        rf"(?:\b(?i:the)\s+(?:{_MODIFIER})?|(?<=\band\s)|(?<=\bor\s)|(?<=\bto\s))(?:(?i:nineteen)[\s-]+)?"
        rf"(?P<dw>(?i:{_words(vocabulary.SPELLED_DECADES)}))\b",  # "the sixties and seventies"
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
    ("spelled_year", rf"\b(?P<sy_lead>(?i:the)\s+year\s+)?(?P<sy>{_SPELLED_YEAR})"),
    (
        "year",
        r"(?:\b(?P<y_mod>(?i:early|mid|late))[-\s]+)?(?<![\d,.$£€#])(?P<y>1\d{3}|20\d{2}|[1-9]\d{2})\b"
        r"(?![,.]\d|%|[A-Za-z])",
    ),
    (
        "left_out",
        rf"\b(?:(?i:last|next|this|that|the\s+(?:same|following|previous|past|coming))\s+"
        rf"|(?i:the)\s+(?:(?i:first|second|third|fourth|final)\s+))(?-i:{vocabulary.LEFT_OUT_UNITS})\b"
        rf"|\b{_COUNT}\s+weeks?\s+(?:ago|earlier|later)\b",
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
        # "the day after the vote" counts from an event, "the day before Thanksgiving" from a named day
        r"(?!\s+(?:(?:the|a|an|his|her|its|their|he|she|it|they|we)\b|[A-Z0-9]))",
    ),
    (
        "focus_year",
        rf"\b(?i:{'|'.join(vocabulary.FOCUS_YEAR_PHRASES[:-1])}|(?:[Tt]he)\s+(?-i:year))\b"
        r"(?!-|['‘’](?!s\b)|\s+(?:\d|ago|earlier|later|before|after|when|in\s+which|that|since|of\s+the|\w+teen|two\s+thousand))",
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
        rf"\b(?P<wd>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?\b(?!\s*,?\s*(?:\d|{_MONTH}))"
        r"(?!\s+(?:mornings|afternoons|evenings|nights)\b)",  # "free on Friday evenings": every week
    ),
    (
        "bare_month",
        rf"\b(?:(?P<bm_mod>(?i:early|mid|late))[-\s]+)?(?P<bm_m>{_MONTH_ALONE})(?!\w)(?!\.?\s*\d)",
    ),
]
# The first letters of every ordinal word, a superset that is much cheaper to test than the words themselves.
_ORDINAL_WORD = r"(?:fir|sec|thi|fou|fif|six|sev|eig|nin|ten|ele|twe)"
# The letters those words start with, and for lowercase words the second letter too: a test of one or two
# characters skips "in", "with", "said", "of", "as", "people", "percent", ...
_FIRST_LETTER = r"(?=[0-9'’ABCDEFHIJLMNOSTVWY]|a[n\s]|be|e[anil]|f[rio]|la|mi|n[ei]|on|s[ei]|t[hweuo]|ye)"
# Every expression starts a word, and with one of these words; checking that first lets the
# scanner skip most positions without trying each pattern.
_FIRST_WORD = (
    r"(?=\d|['’][2-9]0s"
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
    rf"|(?i:{_words(vocabulary.SPELLED_DECADES)})\b"
    r"|(?:AD|A\.D\.)"
    rf"|(?i:{_ORDINAL_WORD})[\w-]*(?:\s+\w+)?[-\s]+(?:(?i:centur)|(?:of\s+)?[JFMASOND])"
    # whole names, so that "New York", "Mark" or "Monetary" fail here rather than in every pattern
    r"|(?:New\s+Year|Martin\s+Luther|Valentine|Memorial\s+Day|Independence\s+Day|Labor\s+Day|Columbus\s+Day"
    r"|Halloween|Election\s+Day|Veterans|Armistice\s+Day|Thanksgiving|Christmas|Boxing\s+Day)\b"
    rf"|(?:{_MONTH}|{_WEEKDAY})(?![a-z]))"
)
# A date starts a word (not after an apostrophe: "New Year's"), or is a decade like "'80s"; testing that
# first spares the alternatives most positions in a text.
SCANNER = re.compile(
    r"(?:(?<![\w'’,.$£€#])(?=\w)|(?<=[\s(])(?=['’]))"
    + _FIRST_LETTER
    + _FIRST_WORD
    + "(?:"
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _PATTERNS)
    + ")"
)
NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
PREVIOUS_WORD = re.compile(r"([A-Za-z]+)(\.|,)?\s*$")
PUNCTUATION_NEXT = re.compile(r"\s*(?:[,.;:)]|$)")
GROUPS = {name: tuple(re.findall(r"\(\?P<(\w+)>", pattern)) for name, pattern in _PATTERNS}
# Kinds whose value depends on the tense of their verb; the others never pay for reading it.
TENSED = frozenset(
    {"weekday", "md", "md_range", "dm", "dm_range", "bare_month", "holiday", "relative", "focus_year"}
)
LOOKBACK = 40  # characters around a date that the checks below read; more would make them quadratic
BARE_MONTH_LEADS = re.compile(
    r"\b(?:in|In|during|During|since|Since|until|Until|by|By|early|Early|late|Late|mid-|from|From|of"
    r"|through|between|Between|to|and|before|Before|after|After|around|for|For|last|this|next)\s*$"
)
WEEKDAY_NAME_BEFORE = re.compile(rf"\b(?:{_words(vocabulary.WEEKDAY_NAME_BEFORE)})\s+$")
NAME_AFTER = re.compile(r"\s+([A-Z][a-z]+)")
DEICTIC_NOT_DAY_BEFORE = re.compile(rf"\b(?:{vocabulary.DEICTIC_NOT_DAY_BEFORE})\s+$")
DEICTIC_NOT_DAY_AFTER = re.compile(rf"\s*(?:{vocabulary.DEICTIC_NOT_DAY_AFTER})\b")
NOT_DATE_AFTER = re.compile(rf"\s+(?:{vocabulary.MONTH_NOT_DATE_AFTER})\b")
# The words that make a day or month without a year a date of the sentence: "on 2 February", "in October".
RANGE_LEAD = re.compile(r"(?i)(?:from|between)\s")
DATE_LEAD = re.compile(r"(?i)\b(?:on|in|by|until|till|from|since|during|before|after|to|and|of)\s+$")
HOLIDAY_LEADS = re.compile(r"(?i)\b(?:on|before|after|until|till|since|by|over|at|for|through|this)\s+$")
# "Thanksgiving travel", "on the Fourth Amendment": a name used as a modifier, or part of another name.
NOUN_AFTER = re.compile(
    r"\s+(?!(?:and|or|but|to|in|on|at|for|when|as|with|the|a|this|that|is|was)\b)[A-Za-z]"
)
COORDINATED = re.compile(r"\s*(?:and|or|to|through|,)\s+\d")  # "soared in 2020 and 2021": no one year
# "up from $2.5 billion in 1994", "since 2015", "after doubling in 2020": a year compared with, counted
# from or set in a subordinate clause is not one the text turns to.
COMPARED = re.compile(
    r"(?i)\b(?:since|from|than|compared\s+(?:with|to)|against|versus|vs\.|after|before)\b[^,;:]*$"
)
FOCUS_LEADS = re.compile(r"(?i)(?:^|\b(?:in|for|during|throughout|of)\s+)$")
