from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.content import timespan
from quiz.content.temporal import find_dates, find_dates_in_sentences

PUBLISHED = datetime.date(2025, 5, 27)  # a Tuesday


def found(text: str, **kwargs: object) -> list[tuple[str, str, str, str]]:
    return [
        (m.text, m.span.start.iso(), m.span.end.iso(), m.span.precision.value)
        for m in find_dates(text, **kwargs)  # type: ignore[arg-type]
        if m.span is not None
    ]


ABSOLUTE = [
    ("on 14 August 1947, the day", "14 August 1947", "1947-08-14", "1947-08-14", "day"),
    ("on August 14, 1947 in Karachi", "August 14, 1947", "1947-08-14", "1947-08-14", "day"),
    ("on the 14th of August 1947", "14th of August 1947", "1947-08-14", "1947-08-14", "day"),
    ("on Monday, 26 May 2025 in Tehran", "Monday, 26 May 2025", "2025-05-26", "2025-05-26", "day"),
    ("dated 2025-05-27.", "2025-05-27", "2025-05-27", "2025-05-27", "day"),
    ("in August 1947 the state", "August 1947", "1947-08-01", "1947-08-31", "month"),
    ("in February 2024 it", "February 2024", "2024-02-01", "2024-02-29", "month"),
    ("in 1947 it joined", "1947", "1947-01-01", "1947-12-31", "year"),
    ("the Cold War (1945–1991) was", "1945–1991", "1945-01-01", "1991-12-31", "year"),
    ("the Cold War (1945-1991) was", "1945-1991", "1945-01-01", "1991-12-31", "year"),
    ("the Cold War (1945 – 1991) was", "1945 – 1991", "1945-01-01", "1991-12-31", "year"),
    ("ruled from 2001 to 2003 and", "from 2001 to 2003", "2001-01-01", "2003-12-31", "year"),
    ("built between 1540 and 1545.", "between 1540 and 1545", "1540-01-01", "1545-12-31", "year"),
    ("the 2006–07 season", "2006–07", "2006-01-01", "2007-12-31", "year"),
    ("the 1998-99 budget", "1998-99", "1998-01-01", "1999-12-31", "year"),
    ("in the 1970s Balochistan operation", "the 1970s", "1970-01-01", "1979-12-31", "decade"),
    ("in the early 1990s it", "the early 1990s", "1990-01-01", "1999-12-31", "decade"),
    ("in the 16th century the", "the 16th century", "1501-01-01", "1600-12-31", "century"),
    ("in the sixteenth century the", "the sixteenth century", "1501-01-01", "1600-12-31", "century"),
    ("in the 3rd century BC the", "the 3rd century BC", "-0299-01-01", "-0200-12-31", "century"),
    ("founded in 753 BC by", "753 BC", "-0752-01-01", "-0752-12-31", "year"),
    ("destroyed in AD 79 by", "AD 79", "0079-01-01", "0079-12-31", "year"),
    ("the war of 264–241 BC", "264–241 BC", "-0263-01-01", "-0240-12-31", "year"),
    ("wars fought between 264 and 146 BC", "between 264 and 146 BC", "-0263-01-01", "-0145-12-31", "year"),
    ("from 14 to 16 August 1947 there", "from 14 to 16 August 1947", "1947-08-14", "1947-08-16", "day"),
    ("in March–May 1945 it", "March–May 1945", "1945-03-01", "1945-05-31", "month"),
    ("from May to July 2020 it", "from May to July 2020", "2020-05-01", "2020-07-31", "month"),
    ("from 3 March to 5 April 1945 it", "from 3 March to 5 April 1945", "1945-03-03", "1945-04-05", "day"),
    (
        "between March 3 and April 5, 1945 it",
        "between March 3 and April 5, 1945",
        "1945-03-03",
        "1945-04-05",
        "day",
    ),
    ("In 711, the army crossed", "711", "0711-01-01", "0711-12-31", "year"),
    ("took Carthage in 533 with fewer men", "533", "0533-01-01", "0533-12-31", "year"),
    ("dedicated on 11 May 330.", "11 May 330", "0330-05-11", "0330-05-11", "day"),
    ("emperor in June 618.", "June 618", "0618-06-01", "0618-06-30", "month"),
    ("Justinian I (who reigned 527–565) built", "527–565", "0527-01-01", "0565-12-31", "year"),
    ("ruled China from 618 to 907", "from 618 to 907", "0618-01-01", "0907-12-31", "year"),
    ("the Ottoman Empire (1299–1922) fell", "1299–1922", "1299-01-01", "1922-12-31", "year"),
    ("the 1800s saw", "the 1800s", "1800-01-01", "1899-12-31", "century"),
]


@pytest.mark.parametrize(("text", "when", "start", "end", "precision"), ABSOLUTE)
def test_find_dates_absolute_form(text: str, when: str, start: str, end: str, precision: str) -> None:
    assert found(text) == [(when, start, end, precision)]


RELATIVE = [
    ("airstrikes a year ago, driven", "a year ago", "2024-01-01", "2024-12-31", "year"),
    ("Last year, Iran carried out", "Last year", "2024-01-01", "2024-12-31", "year"),
    ("two years ago the talks", "two years ago", "2023-01-01", "2023-12-31", "year"),
    ("three months ago the talks", "three months ago", "2025-02-01", "2025-02-28", "month"),
    ("talks resume next month", "next month", "2025-06-01", "2025-06-30", "month"),
    ("earlier this year the talks", "this year", "2025-01-01", "2025-12-31", "year"),
    ("The ministers met on Monday.", "Monday", "2025-05-26", "2025-05-26", "day"),
    ("The ministers will meet on Monday.", "Monday", "2025-06-02", "2025-06-02", "day"),
    ("On May 9, India hosted", "May 9", "2025-05-09", "2025-05-09", "day"),
    ("he arrived on 3 March and", "3 March", "2025-03-03", "2025-03-03", "day"),
    (
        "the summit on June 3 ended",
        "June 3",
        "2025-06-03",
        "2025-06-03",
        "day",
    ),  # a week off: the nearest year
    ("the summit on June 3 will", "June 3", "2025-06-03", "2025-06-03", "day"),
    ("officials said on 3 March that the line would open", "3 March", "2025-03-03", "2025-03-03", "day"),
    ("they said on Friday that they expected delays", "Friday", "2025-05-23", "2025-05-23", "day"),
    ("He said on Monday that he will resign.", "Monday", "2025-05-26", "2025-05-26", "day"),
    ("The vote is scheduled on Monday.", "Monday", "2025-06-02", "2025-06-02", "day"),
    ("On Monday, the minister will travel to Delhi.", "Monday", "2025-06-02", "2025-06-02", "day"),
    ("he resigned yesterday", "yesterday", "2025-05-26", "2025-05-26", "day"),
    ("elections were held in March", "March", "2025-03-01", "2025-03-31", "month"),
    ("last May the talks failed", "last May", "2024-05-01", "2024-05-31", "month"),
    (
        "the complex was inaugurated in January last year",
        "January last year",
        "2024-01-01",
        "2024-01-31",
        "month",
    ),
    ("an election is promised on June 7 this year", "June 7 this year", "2025-06-07", "2025-06-07", "day"),
    ("talks resume in March next year", "March next year", "2026-03-01", "2026-03-31", "month"),
]


@pytest.mark.parametrize(("text", "when", "start", "end", "precision"), RELATIVE)
def test_find_dates_relative_form_resolved_against_publication(
    text: str, when: str, start: str, end: str, precision: str
) -> None:
    assert found(text, published=PUBLISHED) == [(when, start, end, precision)]


@pytest.mark.parametrize("text", [row[0] for row in RELATIVE])
def test_find_dates_relative_form_without_publication_date_is_left_out_with_reason(text: str) -> None:
    mentions = find_dates(text)
    assert len(mentions) == 1
    assert mentions[0].span is None
    assert "publication date" in mentions[0].reason


def test_find_dates_following_year_uses_the_date_just_before() -> None:
    text = "The war broke out in 1965. The following year a treaty was signed."
    assert found(text)[-1] == ("The following year", "1966-01-01", "1966-12-31", "year")


@pytest.mark.parametrize(
    ("text", "when", "start", "end"),
    [
        ("A petition was rejected in July 1839. In November of that year men marched on Newport.",
         "November of that year", "1839-11-01", "1839-11-30"),
        ("Mary I married Philip in 1554. She died in March of the following year.",
         "March of the following year", "1555-03-01", "1555-03-31"),
        ("A siege followed in 1683; it was broken on 12 September that year.", "12 September that year",
         "1683-09-12", "1683-09-12"),
        ("The Act passed in 1833. Wilberforce died on July 29 that year.", "July 29 that year",
         "1833-07-29", "1833-07-29"),
    ],
)  # fmt: skip
def test_find_dates_day_or_month_of_that_year_is_in_the_year_pointed_back_to(text, when, start, end) -> None:
    assert found(text)[-1][:3] == (when, start, end)


@pytest.mark.parametrize(
    ("text", "when", "start"),
    [
        ("Gold was found on 24 January 1848. Nine days later, on 2 February, the treaty was signed.",
         "2 February", "1848-02-02"),
        ("The fair opened on 31 December 1855. It closed on 3 January.", "3 January", "1856-01-03"),
        ("Britain attacked on 6 November 1956. On 2 November the assembly had voted.", "2 November",
         "1956-11-02"),
        ("The war began in 1848. On 28 December the city fell.", "28 December", "1848-12-28"),
        ("In 1147 the city was besieged, and it surrendered in October that year.", "October that year",
         "1147-10-01"),
        # A leap day is in the leap year near the date before, not in a later one.
        ("By February 1896 the armies faced each other. During the night of 29 February they advanced.",
         "29 February", "1896-02-29"),
        # A range of days is one date, from its first day.
        ("Hobson arrived on 29 January 1840. The text was translated overnight on 4–5 February.",
         "4–5 February", "1840-02-04"),
        ("Nasser seized the canal on 26 July 1956. Between 22 and 24 October the allies met at Sèvres.",
         "Between 22 and 24 October", "1956-10-22"),
    ],
)  # fmt: skip
def test_find_dates_without_publication_date_a_day_without_year_is_near_the_date_before(text, when, start):
    assert found(text)[-1][:2] == (when, start)


def test_find_dates_without_publication_date_a_day_after_a_long_reign_is_left_out() -> None:
    mentions = find_dates(
        "The chiefs ceded sovereignty to Queen Victoria (r. 1837–1901). On 5 February they met."
    )
    assert (mentions[-1].text, mentions[-1].span) == ("5 February", None)


def test_find_dates_without_publication_date_a_day_in_a_name_is_still_left_out() -> None:
    mentions = find_dates(
        "Iran backed the war in 1980. Following the September 11 attacks, it changed course."
    )
    assert (mentions[-1].text, mentions[-1].span) == ("September 11", None)


def test_find_dates_day_of_that_year_that_does_not_exist_is_left_out() -> None:
    mentions = find_dates("It began in 1990. It ended on 31 February that year.")
    assert (mentions[-1].text, mentions[-1].span, mentions[-1].reason) == (
        "31 February that year",
        None,
        "not a real date",
    )


def test_find_dates_following_year_after_a_range_counts_from_its_end() -> None:
    assert found("The war (1945–1991) ended. Talks began the following year.")[-1][1] == "1992-01-01"


def test_find_dates_following_year_carries_over_from_an_earlier_sentence() -> None:
    previous = find_dates("It began in 1947.")[0].span
    assert found("The following year it ended.", previous=previous) == [
        ("The following year", "1948-01-01", "1948-12-31", "year")
    ]


def test_find_dates_following_year_without_earlier_date_is_left_out() -> None:
    mentions = find_dates("The following year it ended.")
    assert [m.span for m in mentions] == [None]
    assert mentions[0].reason


def test_find_dates_years_later_shifts_from_the_date_before() -> None:
    assert found("It began in 1947. Two years later it ended.")[-1][1:] == (
        "1949-01-01",
        "1949-12-31",
        "year",
    )


NOT_DATES = [
    "the Pahalgam terror attack that left 26 innocents dead",
    "the 20th India-Iran Joint Commission Meeting",
    "a pass at 4,600 metres above sea level",
    "a deal worth 46 billion dollars",
    "the road NH 44 to the north",
    "work on the 2nd phase of the corridor",
    "the army sent 2000 troops and 1,200 soldiers",
    "a climb of 1500 metres",
    "under Resolution 1701 of the council",
    "a rise of 1950% in prices",
    "see page 1947 of the report",
    "in 300 villages across the province",
    "centuries-old cultural ties",
    "in recent years, in the past",
    "A year after they conducted airstrikes, they met.",
    "they may meet again; this may change",
    "the Long March was a retreat",
    "a 3.1945 ratio and 19,450 people",
    "F-1947 jets and No. 1999 squadron",
    "they met at 1600 Pennsylvania Avenue",
    "call the office on +32 2 299 1111 now",
    "see pages 120–135 of the report",
    "the Lakers won 103–98 at home",
    "from 200 to 300 soldiers were sent",
    "the census of 754 recorded 52 million people",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_find_dates_ignores_numbers_and_words_that_are_not_dates(text: str) -> None:
    assert find_dates(text, published=PUBLISHED) == []


def test_find_dates_keeps_a_year_that_belongs_to_a_name() -> None:
    text = "Iran aided Pakistan in the Indo-Pakistani War of 1965 and Indo-Pakistani War of 1971."
    assert [row[0] for row in found(text)] == ["1965", "1971"]


def test_find_dates_separate_centuries_are_not_a_range() -> None:
    assert found("in the 16th and 18th centuries") == []


def test_find_dates_reports_positions_of_the_words_as_written() -> None:
    text = "Iran and Pakistan established relations on 14 August 1947, the day"
    (mention,) = find_dates(text)
    assert text[mention.start : mention.end] == mention.text == "14 August 1947"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_find_dates_never_crashes_and_returns_ordered_intervals(text: str) -> None:
    for mention in find_dates(text, published=PUBLISHED):
        assert mention.span is not None or mention.reason
        assert mention.span is None or mention.span.start <= mention.span.end
        assert text[mention.start : mention.end] == mention.text


DATE_WORDS = st.sampled_from(
    [
        "14 August 1947", "August 14, 1947", "in 1947", "the 1970s", "1945–1991", "the 3rd century BC",
        "last year", "May 9", "on Monday", "the following year", "from 2001 to 2003", "2006–07", "31 February 2001",
        "between 1545 and 1540", "the 99th century", "0 BC", "AD 0", "9999", "1999-02-30", " ", "and", "to", "–",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(DATE_WORDS, st.text(max_size=8)), max_size=12))
def test_find_dates_never_crashes_on_date_like_fragments(words: list[str]) -> None:
    for published in (None, PUBLISHED):
        for mention in find_dates(" ".join(words), published=published):
            assert mention.span is None or mention.span.start <= mention.span.end


@pytest.mark.parametrize(
    ("text", "when", "start"),
    [
        ("Eight drowned in the 24 hours to Wednesday evening.", "Wednesday evening", "2025-05-21"),
        ("It has issued an orange alert until Saturday.", "Saturday", "2025-05-31"),
        ("The next meeting is scheduled for June.", "June", "2025-06-01"),
        ("He won the final on 14 July, has signed and will wear the shirt.", "14 July", "2024-07-14"),
        (
            "He scored the header that beat hosts Germany on July 5, and he is expected to stay.",
            "July 5",
            "2024-07-05",
        ),
        ("The transfer window closes at 11pm on Friday.", "Friday", "2025-05-30"),
        ("Floods hit in late May after the cyclone made landfall on May 26.", "May 26", "2025-05-26"),
    ],
)
def test_find_dates_reads_tense_and_weekdays_from_the_dates_own_clause(
    text: str, when: str, start: str
) -> None:
    assert [(m.text, m.span.start.iso()) for m in find_dates(text, published=PUBLISHED) if m.span][-1] == (
        when,
        start,
    )


@pytest.mark.parametrize(
    "text", ["The helpline can be reached on 1079.", "The voter helpline, 1950, took calls."]
)
def test_find_dates_ignores_phone_numbers_after_on_or_helpline(text: str) -> None:
    assert find_dates(text, published=PUBLISHED) == []


# News forms (issue 11) ----------------------------------------------------------------------------
# Each case: the text, its publication date, and every date found as (words, start, end, precision).

FRI = datetime.date(1994, 10, 14)  # a Friday
THU = datetime.date(1998, 10, 22)  # a Thursday, late October
WED = datetime.date(1998, 10, 21)  # a Wednesday


def news(text: str | list[str], published: datetime.date) -> list[tuple[str, str, str, str]]:
    sentences = [text] if isinstance(text, str) else text
    return [
        (m.text, m.span.start.iso(), m.span.end.iso(), m.span.precision.value)
        for mentions in find_dates_in_sentences(sentences, published=published)
        for m in mentions
        if m.span is not None
    ]


def day(when: str, iso: str) -> tuple[str, str, str, str]:
    return (when, iso, iso, "day")


def year(when: str, number: int) -> tuple[str, str, str, str]:
    return (when, f"{number}-01-01", f"{number}-12-31", "year")


BARE_WEEKDAYS = [
    ("The storm hit the coast Friday, flooding streets.", FRI, [day("Friday", "1994-10-14")]),
    ("The storm hit the coast Thursday, flooding streets.", FRI, [day("Thursday", "1994-10-13")]),
    ("a spokesman said Saturday.", FRI, [day("Saturday", "1994-10-08")]),
    ("The navy Thursday began a search.", FRI, [day("Thursday", "1994-10-13")]),
    ("the count as of Monday", FRI, [day("Monday", "1994-10-10")]),
    ("Shares fell in heavy trading Friday.", FRI, [day("Friday", "1994-10-14")]),
    ("Sunday's ceremony drew thousands.", FRI, [day("Sunday", "1994-10-09")]),
    ("The ministers will meet Tuesday.", FRI, [day("Tuesday", "1994-10-18")]),
    ("The ministers will meet Friday.", FRI, [day("Friday", "1994-10-21")]),  # strictly after
    ("The vote is scheduled for Saturday.", FRI, [day("Saturday", "1994-10-15")]),
    ("He planned to leave on Thursday.", FRI, [day("Thursday", "1994-10-20")]),
    ("Clinton was to campaign in Toledo on Sunday.", FRI, [day("Sunday", "1994-10-16")]),
    ("The offer expires Monday.", FRI, [day("Monday", "1994-10-17")]),
    ("The sale runs through Sunday.", FRI, [day("Sunday", "1994-10-16")]),
    ("The sale ran through Sunday.", FRI, [day("Sunday", "1994-10-09")]),
    ("Voters go to the polls Tuesday.", FRI, [day("Tuesday", "1994-10-18")]),
    ("She travels to Ohio on Monday.", FRI, [day("Monday", "1994-10-17")]),
    ("The show previews to members on Wednesday.", FRI, [day("Wednesday", "1994-10-19")]),
    ("Admission is free on Friday evenings.", FRI, []),
    ("He said on Tuesday the bank may cut rates.", FRI, [day("Tuesday", "1994-10-11")]),
    ("Until Wednesday, officials had refused to comment.", FRI, [day("Wednesday", "1994-10-12")]),
    ("In five days, at midnight on Friday, clocks will roll over.", FRI, [day("Friday", "1994-10-21")]),
    ("Investigators will begin examining the recovered debris Monday.", FRI, [day("Monday", "1994-10-17")]),
    ("Traders expect volatility when markets reopen Monday.", FRI, [day("Monday", "1994-10-17")]),
    ("The talks ended last Wednesday.", WED, [day("last Wednesday", "1998-10-14")]),
    ("The talks ended last Tuesday.", WED, [day("last Tuesday", "1998-10-20")]),
    ("The talks resume next Tuesday.", FRI, [day("next Tuesday", "1994-10-18")]),
    ("Clocks roll over this Saturday.", FRI, [day("this Saturday", "1994-10-15")]),
    ("The fair closed this Wednesday.", FRI, [day("this Wednesday", "1994-10-12")]),
    ("Candidates campaigned ahead of Tuesday's vote.", FRI, [day("Tuesday", "1994-10-18")]),
]

DEICTIC_WORDS = [
    ("Allied raised its bid today.", THU, [day("today", "1998-10-22")]),
    ("The president speaks tonight.", THU, [day("tonight", "1998-10-22")]),
    ("Network Rail said this morning that trains would run.", THU, [day("this morning", "1998-10-22")]),
    ("He resigned yesterday.", THU, [day("yesterday", "1998-10-21")]),
    ("The court rules tomorrow.", THU, [day("tomorrow", "1998-10-23")]),
    ("Yesterday morning the markets fell.", THU, [day("Yesterday morning", "1998-10-21")]),
    ("We are training the leaders of tomorrow.", THU, []),
    ("She told USA Today that she would run.", THU, []),
]

YEARLESS_DATES = [
    (
        "a dividend payable Jan. 5 to holders of record Dec. 12",
        THU,
        [day("Jan. 5", "1999-01-05"), day("Dec. 12", "1998-12-12")],
    ),
    ("The tender offer expires Nov. 24 unless extended.", THU, [day("Nov. 24", "1998-11-24")]),
    ("Companies must meet the Jan. 11 deadline.", THU, [day("Jan. 11", "1999-01-11")]),
    ("New guidance will be in force from Feb. 3.", THU, [day("Feb. 3", "1999-02-03")]),
    ("Shareholders vote at a meeting on Tuesday, Oct. 27.", THU, [day("Tuesday, Oct. 27", "1998-10-27")]),
    (
        "The plant closed on Tuesday, Oct. 28.",
        THU,
        [day("Tuesday, Oct. 28", "1997-10-28")],
    ),  # 1998's is a Wednesday
    ("The stock had slipped since mid-October.", THU, [("mid-October", "1998-10-01", "1998-10-31", "month")]),
    (
        "WASHINGTON, Aug. 11 (Xinhua) -- The talks opened.",
        datetime.date(1997, 8, 11),
        [day("Aug. 11", "1997-08-11")],
    ),
    ("Iraq invaded Kuwait on Aug. 2.", datetime.date(1991, 1, 12), [day("Aug. 2", "1990-08-02")]),
    (
        "Talks are set for Dec. 3-4 in Geneva.",
        datetime.date(1993, 11, 24),
        [("Dec. 3-4", "1993-12-03", "1993-12-04", "day")],
    ),
    # Half a year away with nothing to choose by: left out rather than guessed (see the reasons test).
    ("Delegates at the April 20 conference", THU, []),
    ("The conference on April 20 will draw crowds.", THU, [day("April 20", "1999-04-20")]),
]

YEARS_IN_FOCUS = [
    ("Profit rose this year.", THU, [year("this year", 1998)]),
    ("The company lowered its forecast for the fiscal year.", THU, [year("the fiscal year", 1998)]),
    ("Sales grew in the current year.", THU, [year("the current year", 1998)]),
    ("Exports grew by 1.5 percent in the past year.", THU, [year("the past year", 1998)]),
    ("It expects to trim debt by year-end.", THU, [year("year-end", 1998)]),
    ("It was the year's biggest deal.", THU, [year("the year", 1998)]),
    ("It wants to complete the deal by the end of the year.", THU, [year("the end of the year", 1998)]),
    ("Earlier in the year, Brussels agreed on a replacement.", THU, [year("Earlier in the year", 1998)]),
    (
        ["For 1991, the bank earned $412 million.", "It added 110 branches during the year."],
        datetime.date(1992, 1, 21),
        [year("1991", 1991), year("the year", 1991)],
    ),
    (
        [
            "Trade reached $289 billion in 1996, up 3.2 percent from a year earlier.",
            "Exports grew in the past year.",
        ],
        datetime.date(1997, 1, 8),
        [year("1996", 1996), year("a year earlier", 1995), year("the past year", 1996)],
    ),
    # A year named in passing does not move the focus: "since October 2015", "That 2000 agreement".
    (
        [
            "Strain has grown since the court struck it down in October 2015.",
            "Earlier in the year, talks began.",
        ],
        datetime.date(2016, 12, 15),
        [("October 2015", "2015-10-01", "2015-10-31", "month"), year("Earlier in the year", 2016)],
    ),
    (
        ["Demand soared in 2020 and 2021.", "The company lowered its forecast for the fiscal year."],
        datetime.date(2023, 1, 19),
        [year("2020", 2020), year("2021", 2021), year("the fiscal year", 2023)],
    ),
    (
        ["The plant opened in March 1990.", "Later in the year, it hired 500 workers."],
        FRI,
        [("March 1990", "1990-03-01", "1990-03-31", "month"), year("Later in the year", 1990)],
    ),
    # A year compared with is not turned to; one far from the publication holds for two sentences only.
    (
        ["The stock has gained 40 percent, after doubling in 2020.", "Profit rose during the year."],
        datetime.date(2021, 7, 29),
        [year("2020", 2020), year("the year", 2021)],
    ),
    (
        [
            "The company earned $6.9 billion last year, up from $2.5 billion in 1994.",
            "Sales fell from a year earlier.",
        ],
        datetime.date(1996, 3, 8),
        [year("last year", 1995), year("1994", 1994), year("a year earlier", 1995)],
    ),
    (
        ["Smith joined the bank in 1971.", "He ran 40 branches.", "Sales rose from the year-earlier period."],
        datetime.date(1994, 10, 14),
        [year("1971", 1971), year("year-earlier", 1993)],
    ),
    (
        ["Back in nineteen eighty-five, few worried.", "By the end of the year, banks expect to be ready."],
        datetime.date(1999, 12, 26),
        [year("nineteen eighty-five", 1985), year("the end of the year", 1999)],
    ),
    (
        ["The storm hit the coast Friday.", "Later in the day, the wind dropped."],
        FRI,
        [day("Friday", "1994-10-14"), day("Later in the day", "1994-10-14")],
    ),
    (
        ["Pakistan became independent on 14 August 1947.", "That day, crowds filled the streets."],
        datetime.date(1997, 8, 11),
        [day("14 August 1947", "1947-08-14"), day("That day", "1947-08-14")],
    ),
]

YEARS_BEFORE = [
    ("A year ago, the rate stood at 5 percent.", FRI, [year("A year ago", 1993)]),
    (
        [
            "For 1991, the bank earned $412 million, against $351 million a year earlier.",
            "Year-ago results included a charge.",
            "Net income was $118 million, against $100 million in the year-earlier period.",
            "It lost $20 million in 1989, after earning $150 million a year earlier.",
        ],
        datetime.date(1992, 1, 21),
        [
            year("1991", 1991),
            year("a year earlier", 1990),
            year("Year-ago", 1990),
            year("year-earlier", 1990),
            year("1989", 1989),
            year("a year earlier", 1988),
        ],
    ),
    (
        "Sales rose to $9 million from $8 million a year earlier, and costs fell from a year earlier.",
        FRI,
        [year("a year earlier", 1993), year("a year earlier", 1993)],  # counted from the focus, not chained
    ),
    ("Traffic is up from year-ago levels.", FRI, [year("year-ago", 1993)]),
]

SPELLED_DATES = [
    ("It began in nineteen ninety-four.", FRI, [year("nineteen ninety-four", 1994)]),
    (
        "It opened in June nineteen ninety-five.",
        FRI,
        [("June nineteen ninety-five", "1995-06-01", "1995-06-30", "month")],
    ),
    ("Computers may fail in the year two thousand.", FRI, [year("the year two thousand", 2000)]),
    ("The bridge was built in nineteen hundred.", FRI, [year("nineteen hundred", 1900)]),
    ("The talks resume April ninth.", datetime.date(1996, 4, 3), [day("April ninth", "1996-04-09")]),
    ("They sent two thousand troops.", FRI, []),
    ("Talks in Copenhagen in two thousand nine ended in failure.", FRI, [year("two thousand nine", 2009)]),
    ("They sent two thousand nine hundred troops.", FRI, []),
    (
        "Computers may fail on January first, two thousand.",
        FRI,
        [day("January first, two thousand", "2000-01-01")],
    ),
    ("The goal is to cut emissions by two thousand thirty.", FRI, [year("two thousand thirty", 2030)]),
    ("Emissions must fall by twenty fifty.", FRI, [year("twenty fifty", 2050)]),
    (
        "It recalled the boom of the nineteen-nineties.",
        FRI,
        [("the nineteen-nineties", "1990-01-01", "1999-12-31", "decade")],
    ),
]

HOLIDAYS = [
    (
        "Sales from Thanksgiving Day through Christmas Day rose.",
        datetime.date(1999, 12, 27),
        [day("Thanksgiving Day", "1999-11-25"), day("Christmas Day", "1999-12-25")],
    ),
    (
        "Stores stay open late on Christmas Eve.",
        datetime.date(1999, 12, 20),
        [day("Christmas Eve", "1999-12-24")],
    ),
    (
        "Markets reopen after New Year's Day.",
        datetime.date(1999, 12, 27),
        [day("New Year's Day", "2000-01-01")],
    ),
    (
        "Voters go to the polls on Election Day.",
        datetime.date(1994, 11, 7),
        [day("Election Day", "1994-11-08")],
    ),
    (
        "Fireworks light the harbour on Independence Day.",
        datetime.date(2022, 7, 1),
        [day("Independence Day", "2022-07-04")],
    ),
    (
        "The truce held on Christmas Day 1914.",
        datetime.date(1994, 11, 7),
        [day("Christmas Day 1914", "1914-12-25")],
    ),
    ("Markets closed for Labor Day.", datetime.date(1994, 9, 7), [day("Labor Day", "1994-09-05")]),
    ("Traffic peaked on Memorial Day.", datetime.date(1994, 6, 2), [day("Memorial Day", "1994-05-30")]),
    (
        "Crowds gathered on the Fourth of July.",
        datetime.date(2022, 7, 6),
        [day("the Fourth of July", "2022-07-04")],
    ),
    (
        "Last Independence Day, crowds were limited.",
        datetime.date(2022, 7, 1),
        [day("Last Independence Day", "2021-07-04")],
    ),
    (
        "Visitors should arrive early on the Fourth.",
        datetime.date(2022, 7, 1),
        [day("the Fourth", "2022-07-04")],
    ),
    ("He cited rights under the Fourth Amendment.", datetime.date(2022, 7, 1), []),
    (
        "Markets reopen after next Thanksgiving.",
        datetime.date(1993, 12, 1),
        [day("next Thanksgiving", "1994-11-24")],
    ),
    (
        "Families travel the day before Thanksgiving.",
        datetime.date(1993, 11, 24),
        [day("Thanksgiving", "1993-11-25")],
    ),
    ("Thanksgiving travel is heavy this year.", datetime.date(1993, 11, 24), [year("this year", 1993)]),
    (
        ["Stores opened Monday.", "Sales jumped the day after Thanksgiving."],
        datetime.date(1993, 11, 30),
        [day("Monday", "1993-11-29"), day("Thanksgiving", "1993-11-25")],
    ),
]

OTHER_FORMS = [
    ("For 1991, the bank earned $412 million.", FRI, [year("1991", 1991)]),
    ("Fiscal 1995 results beat forecasts.", FRI, [year("1995", 1995)]),
    ("That 1972 agreement still stands.", FRI, [year("1972", 1972)]),
    ("Loan demand will recover by mid-1994.", FRI, [year("mid-1994", 1994)]),
    ("Prices rose in early 1995.", FRI, [year("early 1995", 1995)]),
    ("Music from the nineties returned.", FRI, [("the nineties", "1990-01-01", "1999-12-31", "decade")]),
    (
        "Code written in the sixties and seventies failed.",
        FRI,
        [
            ("the sixties", "1960-01-01", "1969-12-31", "decade"),
            ("seventies", "1970-01-01", "1979-12-31", "decade"),
        ],
    ),
    ("He was in his twenties and thirties then.", FRI, []),
    ("Music from the '70s returned.", FRI, [("the '70s", "1970-01-01", "1979-12-31", "decade")]),
    (
        "Photographs from the '70s and '80s hang there.",
        FRI,
        [("the '70s", "1970-01-01", "1979-12-31", "decade"), ("'80s", "1980-01-01", "1989-12-31", "decade")],
    ),
    ("Highs will reach the mid-70s on the coast.", FRI, []),
    (
        "It was built in the second half of the '70s.",
        FRI,
        [("the second half of the '70s", "1970-01-01", "1979-12-31", "decade")],
    ),
    ("It was built in the mid-1980s.", FRI, [("the mid-1980s", "1980-01-01", "1989-12-31", "decade")]),
    (
        "It shaped the late 20th century.",
        FRI,
        [("the late 20th century", "1901-01-01", "2000-12-31", "century")],
    ),
    ("It shaped the 20th century.", FRI, [("the 20th century", "1901-01-01", "2000-12-31", "century")]),
    (
        "Prices doubled between 1982 and 1992.",
        FRI,
        [("between 1982 and 1992", "1982-01-01", "1992-12-31", "year")],
    ),
    ("The 1947-48 war followed.", FRI, [("1947-48", "1947-01-01", "1948-12-31", "year")]),
    (
        "Rates fell from February 1994 to February 1995.",
        FRI,
        [("from February 1994 to February 1995", "1994-02-01", "1995-02-28", "month")],
    ),
]

FALSE_DATES = [
    ("Jan Novak, the mayor, said the plan would work.", FRI, []),
    ("The spokeswoman, April Ryan, declined to comment.", FRI, []),
    ("A spokesman, April Thornton, said the company was reviewing it.", FRI, []),
    ("It expanded its network to 520 branches from 410 during the year.", FRI, [year("the year", 1994)]),
    ("She drove her 1984 Volvo to work.", FRI, []),
    ("The quake hit at 10:12 p.m. (1312 GMT) on the coast.", FRI, []),
    ("The plant supplies axles for the 1990 models.", FRI, []),
    ("Crude oil for February delivery fell $1.62.", FRI, []),
    ("Good Friday services were held.", FRI, []),
    ("He wrote for the Sunday Times.", FRI, []),
    ("India marks its jubilee a day later.", FRI, []),
    # Weeks, quarters and seasons have no precision of ours: left out (two weeks ago with a reason).
    ("Profit fell in the third quarter, last week and this summer; a rival cut jobs two weeks ago.", FRI, []),
]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    BARE_WEEKDAYS + DEICTIC_WORDS + YEARLESS_DATES + YEARS_IN_FOCUS + YEARS_BEFORE + SPELLED_DATES + HOLIDAYS
    + OTHER_FORMS + FALSE_DATES,
)  # fmt: skip
def test_find_dates_news_form(
    text: str | list[str], published: datetime.date, expected: list[tuple[str, str, str, str]]
) -> None:
    assert news(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "reason"),
    [
        ("Delegates at the April 20 conference", THU, "the year is uncertain"),
        ("The plant closed on Friday, Oct. 27.", THU, "weekday does not fall"),
        ("A rival cut jobs two weeks ago.", FRI, "have no precision of their own"),
        ("Profit fell in the third quarter.", FRI, "weeks, quarters and seasons"),
        ("Sales rose last week.", FRI, "weeks, quarters and seasons"),
        ("Prices climb this summer.", FRI, "weeks, quarters and seasons"),
        ("India marks its jubilee a day later.", FRI, "a day counted from another event"),
    ],
)
def test_find_dates_leaves_an_uncertain_date_out_with_a_reason(
    text: str, published: datetime.date, reason: str
) -> None:
    (mention,) = find_dates(text, published=published)
    assert mention.span is None
    assert reason in mention.reason


def test_find_dates_moves_the_focus_only_for_a_year_the_text_turns_to() -> None:
    (for_1991,) = find_dates("For 1991, the bank earned $412 million.")
    (since_2015,) = find_dates("It has been under strain since 2015.")
    assert for_1991.focus
    assert not since_2015.focus
    assert for_1991.rule == "year"


def test_a_past_day_after_a_sentence_about_a_year_long_ago_is_left_out():
    sentences = [
        "The building suffered its worst ordeal in the autumn of 1914.",
        "On Sept. 19, a few days after the army had withdrawn, shells set fire to the scaffolding.",
        "It ordered 12 ships in January.",
    ]
    found = find_dates_in_sentences(sentences, published=datetime.date(2011, 5, 5))

    assert found[1][0].span is None  # 1914's or last September? Not sure, so not asked
    assert found[2][0].span == timespan.month(2011, 1)  # the story's own year stands


def test_jan_28_of_that_year_is_a_day_of_the_year_before():
    (_, day_mention) = find_dates(
        "It was ready in 1986, but the explosion on Jan. 28 of that year grounded it."
    )

    assert day_mention.span == timespan.day(1986, 1, 28)


def test_a_month_under_a_past_perfect_is_the_one_before_the_date_last_named():
    (_, may, october) = find_dates(
        "Ney was shot in Paris on 7 December, while Murat, who had declared for Napoleon and been "
        "defeated at Tolentino in May, was executed in Calabria in October.",
        previous=timespan.day(1815, 11, 20),
    )

    assert (may.span, october.span) == (timespan.month(1815, 5), timespan.month(1815, 10))
