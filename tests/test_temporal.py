from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.content.temporal import find_dates

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
        assert mention.span is not None
        assert mention.span.start <= mention.span.end
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
