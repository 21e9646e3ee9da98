from __future__ import annotations

import itertools
import re
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.content.facts import Fact, fact_key
from quiz.content.questions import (
    Asks,
    Direction,
    Question,
    build_flashcards,
    build_questions,
)
from quiz.content.timespan import (
    Point,
    Precision,
    Span,
    century,
    day,
    decade,
    join,
    label,
    month,
    shift,
    unit,
    year,
)

HORIZON = Point(2025, 5, 27)
ROOT = Path(__file__).resolve().parents[1]


def word(number: int) -> str:
    """Return a name without digits, so event texts never look like dates: 0 -> "a", 27 -> "bb"."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[number % 26] * (number // 26 + 1)


def make_fact(
    span: Span,
    event: str,
    *,
    document: str = "history.txt",
    sentence: str | None = None,
    sentence_spans: tuple[Span, ...] = (),
    horizon: Point | None = None,
) -> Fact:
    sentence = sentence if sentence is not None else f"{event} ({label(span)})."
    return Fact(
        key=fact_key(document, sentence, label(span)),
        document=document,
        sentence=sentence,
        when=label(span),
        span=span,
        event=event,
        sentence_spans=(span, *sentence_spans),
        horizon=horizon,
    )


def make_collection(size: int = 60, documents: int = 6, horizon: Point | None = None) -> list[Fact]:
    """Return facts of mixed precision spread over several documents, in document order."""
    kinds = (
        lambda n: year(1800 + 7 * n),
        lambda n: decade(1500 + 10 * (n % 40)),
        lambda n: day(1900 + n, n % 12 + 1, n % 28 + 1),
        lambda n: century(n % 20 + 1),
        lambda n: month(1700 + n, n % 12 + 1),
        lambda n: year(-300 + 5 * n),
    )
    per_document = size // documents
    return [
        make_fact(
            kinds[n % len(kinds)](n),
            f"event {word(n)} in the chronicle",
            document=f"doc-{n // per_document}.txt",
            horizon=horizon,
        )
        for n in range(size)
    ]


def questions_asking(facts: list[Fact], asks: Asks) -> list[Question]:
    return [question for question in build_questions(facts) if question.asks is asks]


def span_of(option: str, answer: Span) -> Span:
    """Return the span of the answer's precision and length whose label is `option`."""
    for distance in range(5_000):
        for step in (distance, -distance):
            candidate = shift(answer, step)
            if label(candidate) == option:
                return candidate
    raise AssertionError(f"{option!r} is not shaped like {label(answer)!r}")


def year_numbers(span: Span) -> set[str]:
    """Return the year numbers the span's label shows (not day-of-month numbers)."""
    if span.precision in (Precision.DECADE, Precision.CENTURY):
        return set(re.findall(r"\d+", label(span)))
    return {str(point.year if point.year > 0 else 1 - point.year) for point in (span.start, span.end)}


def assert_date_question_valid(question: Question) -> None:
    fact = question.fact
    answer = fact.span
    assert question.asks is Asks.DATE
    assert question.key == f"{fact.key}:date"
    assert len(question.options) == 4
    assert len(set(question.options)) == 4
    assert question.options[question.answer] == label(answer)
    assert label(answer).casefold() not in question.stem.casefold()
    assert not year_numbers(answer) & set(re.findall(r"\d+", question.stem))
    spans = [span_of(option, answer) for option in question.options]
    assert all(span.precision is answer.precision for span in spans)
    assert [span.start for span in spans] == sorted(span.start for span in spans)
    distractors = [span for index, span in enumerate(spans) if index != question.answer]
    for distractor in distractors:
        assert not distractor.overlaps(answer)
        assert not any(distractor.overlaps(span) for span in fact.sentence_spans)
    if fact.horizon is not None and answer.end <= fact.horizon:
        assert all(d.end <= unit(fact.horizon, answer.precision).end for d in distractors)


def assert_event_question_valid(question: Question, facts: list[Fact]) -> None:
    fact = question.fact
    assert question.asks is Asks.EVENT
    assert question.key == f"{fact.key}:event"
    assert len(question.options) == 4
    assert len({option.casefold() for option in question.options}) == 4
    assert question.options[question.answer].casefold() == fact.event.casefold()
    assert label(fact.span) not in " ".join(question.options)
    by_event = {other.event.casefold(): other for other in facts}
    for index, option in enumerate(question.options):
        if index != question.answer:
            other = by_event[option.casefold()]
            assert not other.span.overlaps(fact.span)
            assert other.sentence != fact.sentence


def test_build_questions_year_asks_for_the_year() -> None:
    fact = make_fact(year(1965), "Iran aided Pakistan in the Indo-Pakistani War")

    (question,) = build_questions([fact])

    assert question.stem == "Iran aided Pakistan in the Indo-Pakistani War. In which year?"
    assert_date_question_valid(question)
    assert all(abs(int(option) - 1965) <= 15 for option in question.options)


def test_build_questions_event_distractors_are_the_events_nearest_in_time() -> None:
    years = (1327, 1591, 1600, 1610, 1620, 2009, 2012, 2013, 2014)
    facts = [make_fact(year(number), f"the {word(index)} people built a {word(index)} town") for index, number in
             enumerate(years)]  # fmt: skip
    asked = next(
        question for question in questions_asking(facts, Asks.EVENT) if question.fact.span == year(1327)
    )
    near = {f"The {word(index)} people built a {word(index)} town" for index in range(1, 5)}
    assert set(asked.options) - {asked.options[asked.answer]} <= near


def test_build_questions_event_with_answer_year_hides_it_in_stem() -> None:
    fact = make_fact(year(1965), "Iran fought in the Indo-Pakistani War of 1965")

    (question,) = build_questions([fact])

    assert "1965" not in question.stem
    assert question.stem.startswith("Iran fought in the Indo-Pakistani War of")
    assert_date_question_valid(question)


@pytest.mark.parametrize(
    ("span", "event", "hidden"),
    [
        (day(1947, 8, 14), "the 1947 partition took effect", "1947"),
        (century(16), "the reforms of the 1520s spread", "1520s"),
        (century(16), "the 16th-century reforms spread", "16th"),
        (year(-43), "the Ides of 44 BC came", "44"),
        (join(year(1945), year(1991)), "the Cold War, at its height in 1962, lasted", "1962"),
    ],
)
def test_build_questions_event_naming_its_date_hides_it(span: Span, event: str, hidden: str) -> None:
    (question,) = build_questions([make_fact(span, event)])

    assert hidden not in question.stem
    assert "…" in question.stem
    assert_date_question_valid(question)


@pytest.mark.parametrize(
    ("span", "ask"),
    [
        (day(1947, 8, 14), "On which day?"),
        (month(1947, 8), "In which month?"),
        (year(-43), "In which year?"),
        (decade(1970), "In which decade?"),
        (century(16), "In which century?"),
        (century(3, bc=True), "In which century?"),
        (join(year(1945), year(1991)), "Over which years?"),
        (join(day(1947, 8, 14), day(1947, 8, 16)), "Over which days?"),
        (join(decade(1920), decade(1940)), "Over which decades?"),
    ],
)
def test_build_questions_precision_keeps_granularity(span: Span, ask: str) -> None:
    fact = make_fact(span, "the treaty was signed")

    (question,) = build_questions([fact])

    assert question.stem == f"The treaty was signed. {ask}"
    assert_date_question_valid(question)


def test_build_questions_bc_year_labels_options_bc() -> None:
    (question,) = build_questions([make_fact(year(-43), "Caesar was assassinated")])

    assert question.options[question.answer] == "44 BC"
    assert all(option.endswith(" BC") for option in question.options)
    assert_date_question_valid(question)


def test_build_questions_range_options_have_same_length() -> None:
    cold_war = join(year(1945), year(1991))
    (question,) = build_questions([make_fact(cold_war, "the Cold War lasted", horizon=HORIZON)])

    spans = [span_of(option, cold_war) for option in question.options]
    assert {span.end.year - span.start.year for span in spans} == {46}
    assert_date_question_valid(question)


def test_build_questions_range_distractors_do_not_overlap_each_other() -> None:
    riots = join(day(1947, 8, 14), day(1947, 8, 16))
    (question,) = build_questions([make_fact(riots, "riots broke out")])

    spans = [span_of(option, riots) for option in question.options]
    assert not any(a.overlaps(b) for a, b in itertools.pairwise(spans))


def test_build_questions_sentence_dates_never_offered_as_distractors() -> None:
    others = tuple(year(number) for number in range(1955, 1976) if number != 1965)
    fact = make_fact(year(1965), "the dam was finished", sentence_spans=others)

    (question,) = build_questions([fact])

    assert_date_question_valid(question)
    assert not {str(number) for number in range(1955, 1976)} & (set(question.options) - {"1965"})


def test_build_questions_date_options_keep_to_the_side_of_a_date_the_stem_shows() -> None:
    sentence = "The bell tower collapsed in 1910 and was rebuilt by 1912."
    fact = make_fact(
        year(1912), "the bell tower was rebuilt", sentence=sentence, sentence_spans=(year(1910),)
    )
    fact = replace(fact, cloze=sentence)

    question = questions_asking([fact], Asks.DATE)[0]

    assert_date_question_valid(question)
    assert "1910" in question.stem
    assert all(int(option) > 1910 for option in question.options)


def test_build_questions_sentence_covering_all_near_dates_still_gives_four_options() -> None:
    era = join(century(1), century(25))
    fact = make_fact(year(1965), "the dam was finished", sentence_spans=(era,))

    (question,) = build_questions([fact])

    assert_date_question_valid(question)


def test_build_questions_date_skips_dates_document_gives_same_event() -> None:
    facts = [
        make_fact(year(1965), "the strike spread"),
        make_fact(year(1963), "the strike spread", sentence="The strike spread in 1963."),
        make_fact(year(1967), "the strike spread", sentence="The strike spread again in 1967."),
    ]

    question = questions_asking(facts, Asks.DATE)[0]

    assert_date_question_valid(question)
    assert not {"1963", "1967"} & set(question.options)


def test_build_questions_recent_year_puts_answer_late() -> None:
    fact = make_fact(year(2024), "the election was held", horizon=HORIZON)

    (question,) = build_questions([fact])

    assert_date_question_valid(question)
    assert question.answer in (2, 3)
    assert question.options[-1] in ("2024", "2025")


def test_build_questions_horizon_in_same_year_puts_answer_last() -> None:
    fact = make_fact(day(2025, 5, 20), "the bridge reopened", horizon=HORIZON)

    (question,) = build_questions([fact])

    assert_date_question_valid(question)
    assert question.options[question.answer] == "20 May 2025"
    assert all(span_of(option, fact.span).end <= HORIZON for option in question.options)


def test_build_questions_future_event_ignores_horizon() -> None:
    facts = [
        make_fact(year(2030), f"the plan ends, part {word(n)}", horizon=HORIZON, document=f"plan-{n}.txt")
        for n in range(8)
    ]

    questions = build_questions(facts)

    for question in questions:
        assert_date_question_valid(question)
    assert any(question.answer < 3 for question in questions)


def test_build_questions_document_dates_offered_first() -> None:
    neighbours = ("1961", "1963", "1967", "1969")
    facts = [make_fact(year(1965), "the war started")] + [
        make_fact(year(int(number)), f"the event of {word(index)}") for index, number in enumerate(neighbours)
    ]

    question = questions_asking(facts, Asks.DATE)[0]

    assert len(set(question.options) & set(neighbours)) >= 2


def test_build_questions_collection_balances_answer_positions() -> None:
    questions = build_questions(make_collection())

    counts = Counter(question.answer for question in questions)
    assert set(counts) == {0, 1, 2, 3}
    assert max(counts.values()) / len(questions) <= 0.4


def test_build_questions_single_fact_documents_balance_positions() -> None:
    facts = make_collection(size=60, documents=60)

    counts = Counter(question.answer for question in build_questions(facts))

    assert max(counts.values()) / sum(counts.values()) <= 0.4


def test_build_questions_recent_news_balance_positions() -> None:
    recent = [
        make_fact(year(2015 + n % 10), f"the council met, part {n}", horizon=HORIZON, document=f"n{n // 10}")
        for n in range(60)
    ]

    questions = build_questions(recent)

    counts = Counter(question.answer for question in questions)
    assert max(counts.values()) / len(questions) <= 0.4


def test_build_questions_collection_meets_invariants() -> None:
    facts = make_collection(horizon=HORIZON)

    questions = build_questions(facts)

    for question in questions:
        if question.asks is Asks.DATE:
            assert_date_question_valid(question)
        else:
            assert_event_question_valid(question, facts)


def test_build_questions_follows_fact_order_date_then_event() -> None:
    facts = make_collection(size=12, documents=2)

    questions = build_questions(facts)

    assert [(q.fact.key, q.asks) for q in questions] == [
        (fact.key, asks) for fact in facts for asks in (Asks.DATE, Asks.EVENT)
    ]


def test_build_questions_event_asks_what_happened() -> None:
    facts = [
        make_fact(year(1965), "Iran aided Pakistan"),
        make_fact(year(1947), "India became independent"),
        make_fact(decade(1970), "disco was popular"),
        make_fact(century(16), "the Reformation spread"),
    ]

    questions = questions_asking(facts, Asks.EVENT)

    assert [question.stem for question in questions] == [
        "What happened in 1965?",
        "What happened in 1947?",
        "What happened in the 1970s?",
        "What happened in the 16th century?",
    ]
    for question in questions:
        assert_event_question_valid(question, facts)


@pytest.mark.parametrize(
    ("span", "stem"),
    [
        (day(1947, 8, 14), "What happened on 14 August 1947?"),
        (month(1947, 8), "What happened in August 1947?"),
        (year(-43), "What happened in 44 BC?"),
        (century(3, bc=True), "What happened in the 3rd century BC?"),
        (join(year(1945), year(1991)), "What happened between 1945 and 1991?"),
        (join(century(13), century(14)), "What happened between the 13th and 14th centuries?"),
        (
            join(century(6, bc=True), century(4, bc=True)),
            "What happened between the 6th century BC and the 4th century BC?",
        ),
    ],
)
def test_build_questions_event_stem_uses_preposition_of_precision(span: Span, stem: str) -> None:
    facts = [make_fact(span, "the asked event")] + [
        make_fact(year(1500 + n), f"filler event {n}") for n in range(3)
    ]

    question = questions_asking(facts, Asks.EVENT)[0]

    assert question.stem == stem
    assert_event_question_valid(question, facts)


def test_build_questions_too_few_facts_gives_no_event_question() -> None:
    facts = [make_fact(year(1900 + n), f"event {n}") for n in range(3)]

    questions = build_questions(facts)

    assert [question.asks for question in questions] == [Asks.DATE] * 3


def test_build_questions_event_skips_overlapping_and_same_sentence_facts() -> None:
    sentence = "The war began in 1965 and ended in 1966."
    facts = [
        make_fact(year(1965), "the war began", sentence=sentence),
        make_fact(year(1966), "the war ended", sentence=sentence),
        make_fact(decade(1960), "the decade was turbulent"),
        make_fact(month(1965, 3), "the marines landed"),
        make_fact(year(1900), "the century turned"),
        make_fact(year(1910), "the comet returned"),
    ]

    assert [q for q in questions_asking(facts, Asks.EVENT) if q.fact == facts[0]] == []
    facts.append(make_fact(year(1930), "the treaty was signed"))
    question = questions_asking(facts, Asks.EVENT)[0]
    assert question.fact == facts[0]
    assert set(question.options) == {
        "The war began",
        "The century turned",
        "The comet returned",
        "The treaty was signed",
    }


def test_build_questions_event_skips_text_dated_elsewhere_to_asked_date() -> None:
    facts = [
        make_fact(year(1965), "the asked event"),
        make_fact(year(1980), "the strike spread"),
        make_fact(year(1965), "the strike spread", sentence="The strike spread in 1965."),
        make_fact(year(1900), "a"),
        make_fact(year(1910), "b"),
        make_fact(year(1920), "c"),
    ]

    question = questions_asking(facts, Asks.EVENT)[0]

    assert "The strike spread" not in question.options


def test_build_questions_event_skips_options_naming_asked_date() -> None:
    facts = [
        make_fact(year(1965), "the asked event"),
        make_fact(year(1980), "the strike of 1965 was remembered"),
        make_fact(year(1900), "a"),
        make_fact(year(1910), "b"),
        make_fact(year(1920), "c"),
    ]

    question = questions_asking(facts, Asks.EVENT)[0]

    assert not any("1965" in option for option in question.options)


def test_build_questions_event_prefers_same_document() -> None:
    home = [make_fact(year(1900 + 10 * n), f"home event {n}", document="home.txt") for n in range(4)]
    away = [make_fact(year(1500 + n), f"away event {n}", document="away.txt") for n in range(4)]

    question = questions_asking(home + away, Asks.EVENT)[0]

    assert all(option.startswith("Home event") for option in question.options)


def test_build_questions_event_takes_distractors_only_from_its_own_document() -> None:
    home = [make_fact(year(1900), "home event", document="home.txt")]
    away = [make_fact(year(1500 + n), f"away event {n}", document="away.txt") for n in range(4)]

    questions = questions_asking(home + away, Asks.EVENT)

    assert [question.fact.document for question in questions] == ["away.txt"] * 4
    assert all(set(q.options) <= {f"Away event {n}" for n in range(4)} for q in questions)


def test_build_questions_repeated_fact_gets_identical_questions() -> None:
    facts = make_collection(size=8, documents=1)

    questions = build_questions([*facts, facts[0]])

    assert questions[-2:] == questions[:2]


def test_build_questions_twice_gives_equal_results() -> None:
    assert build_questions(make_collection()) == build_questions(make_collection())


def test_build_questions_python_hash_seed_does_not_change_options() -> None:
    script = """
from quiz.content.facts import Fact
from quiz.content.questions import build_questions
from quiz.content.timespan import day, decade, year
facts = [
    Fact(f"k{n}", f"doc-{n % 3}", f"s{n}", "w", span, f"event {chr(97 + n)}", (span,), None)
    for n, span in enumerate([year(1900 + 3 * n) for n in range(8)] + [decade(1500), day(1947, 8, 14)])
]
print([(q.options, q.answer) for q in build_questions(facts)])
"""
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={"PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)},
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }

    assert len(outputs) == 1


def test_build_flashcards_two_per_fact() -> None:
    facts = [
        make_fact(year(1965), "Iran aided Pakistan"),
        make_fact(month(1977, 5), "Star Wars opened in cinemas"),
    ]

    cards = build_flashcards(facts)

    assert [(card.fact, card.direction) for card in cards] == [
        (fact, direction)
        for fact in facts
        for direction in (Direction.DATE_TO_EVENT, Direction.EVENT_TO_DATE)
    ]
    assert [card.key for card in cards[:2]] == [
        f"{facts[0].key}:date_to_event",
        f"{facts[0].key}:event_to_date",
    ]


def test_build_flashcards_sides_show_date_and_event() -> None:
    fact = make_fact(month(1977, 5), "Star Wars opened in cinemas")

    to_event, to_date = build_flashcards([fact])

    assert (to_event.front, to_event.back) == ("What happened in May 1977?", "Star Wars opened in cinemas.")
    assert (to_date.front, to_date.back) == ("Star Wars opened in cinemas. When?", "May 1977")


@pytest.mark.parametrize("span", [decade(1970), century(16)])
def test_build_flashcards_asks_no_open_what_happened_of_a_decade_or_century(span: Span) -> None:
    # "What happened in the 1970s?" has too many right answers to recall one.
    (card,) = build_flashcards([make_fact(span, "disco was popular")])

    assert card.direction is Direction.EVENT_TO_DATE


def test_build_flashcards_event_side_hides_date() -> None:
    fact = make_fact(year(1965), "the Indo-Pakistani War of 1965 ended")

    _, to_date = build_flashcards([fact])

    assert "1965" not in to_date.front
    assert to_date.back == "1965"


PRECISIONS = st.sampled_from([Precision.YEAR, Precision.DECADE, Precision.DAY])


@st.composite
def facts_strategy(draw: st.DrawFn) -> list[Fact]:
    facts = []
    for index in range(draw(st.integers(min_value=1, max_value=10))):
        precision = draw(PRECISIONS)
        start_year = draw(st.integers(min_value=-500, max_value=2030))
        if precision is Precision.YEAR:
            span = year(start_year)
        elif precision is Precision.DECADE:
            span = decade(start_year - start_year % 10)
        else:
            span = day(start_year, draw(st.integers(1, 12)), draw(st.integers(1, 28)))
        if draw(st.booleans()):
            span = join(span, shift(span, draw(st.integers(1, 5))))
        extra = tuple(shift(span, step) for step in draw(st.lists(st.integers(-20, 20), max_size=6)))
        horizon = draw(st.sampled_from([None, HORIZON, span.end, Point(2000, 1, 1)]))
        facts.append(
            make_fact(
                span,
                f"event {word(index)} happened",
                document=f"doc-{draw(st.integers(0, 2))}.txt",
                sentence_spans=extra,
                horizon=horizon,
            )
        )
    return facts


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(facts_strategy())
def test_build_questions_random_facts_meet_invariants(facts: list[Fact]) -> None:
    questions = build_questions(facts)

    assert [q.fact for q in questions if q.asks is Asks.DATE] == facts
    for question in questions:
        if question.asks is Asks.DATE:
            assert_date_question_valid(question)
        else:
            assert_event_question_valid(question, facts)
    assert questions == build_questions(facts)
    recallable = [
        fact
        for fact in facts
        if fact.span.precision not in {Precision.DECADE, Precision.CENTURY}
        and not any(
            other.document == fact.document and other.span.overlaps(fact.span) and other.event != fact.event
            for other in facts
        )
    ]
    assert len(build_flashcards(facts)) == len(facts) + len(recallable)


def test_build_flashcards_asks_no_date_to_event_card_with_two_right_answers() -> None:
    facts = [
        make_fact(year(1914), "The canal opened to ships"),
        make_fact(year(1914), "The war broke out in Europe"),
        make_fact(year(1920), "The treaty came into force"),
    ]

    cards = build_flashcards(facts)

    fronts = [card.front for card in cards if card.direction is Direction.DATE_TO_EVENT]
    assert fronts == ["What happened in 1920?"]
    assert sum(card.direction is Direction.EVENT_TO_DATE for card in cards) == 3


def test_event_question_is_not_asked_when_its_answer_would_stand_out_by_length() -> None:
    long = "Ethiopia and Eritrea signed a declaration that formally ended the state of war between them"
    facts = [
        make_fact(year(2018), long),
        *(make_fact(year(1990 + n), f"Talks {word(n)} failed") for n in range(4)),
    ]

    assert [q for q in questions_asking(facts, Asks.EVENT) if q.fact == facts[0]] == []


def test_date_question_stem_ends_a_quoted_event_once() -> None:
    fact = make_fact(year(2024), 'The agency said, "Both sides have taken steps."')
    (question, *_) = build_questions([fact])
    assert question.stem == 'The agency said, "Both sides have taken steps." In which year?'


def test_date_question_asks_the_cloze_of_the_event_clause() -> None:
    fact = replace(
        make_fact(year(762), "Al-Mansur founded Baghdad", sentence="In 762, Al-Mansur founded Baghdad."),
        cloze="In ____, Al-Mansur founded Baghdad as a round city",
    )
    (question, *_) = build_questions([fact])
    assert question.stem == "In ____, Al-Mansur founded Baghdad as a round city. In which year?"


def test_date_question_of_a_fact_without_a_cloze_asks_about_its_event() -> None:
    sentence = "Iran aided Pakistan in the Indo-Pakistani War of 1965."
    fact = make_fact(year(1965), "Iran aided Pakistan in the Indo-Pakistani War", sentence=sentence)
    (question, *_) = build_questions([fact])
    assert question.stem == "Iran aided Pakistan in the Indo-Pakistani War. In which year?"


def test_event_question_takes_one_option_per_sentence_and_none_the_sentence_also_dates() -> None:
    shared = "Troops left in 1801 and a fort opened in 1802."
    facts = [
        make_fact(year(1900), "A bridge was built"),
        make_fact(year(1801), "Troops left", sentence=shared, sentence_spans=(year(1802),)),
        make_fact(year(1802), "A fort opened", sentence=shared, sentence_spans=(year(1801),)),
        make_fact(
            year(1850),
            "A road opened",
            sentence="A road opened in 1850 and 1900.",
            sentence_spans=(year(1900),),
        ),
        make_fact(year(1700), "A town was founded"),
        make_fact(year(1750), "A school opened"),
    ]
    questions = build_questions(facts)
    (asked,) = [q for q in questions if q.asks is Asks.EVENT and q.fact is facts[0]]
    options = set(asked.options)
    assert not {"Troops left", "A fort opened"} <= options
    assert "A road opened" not in options
