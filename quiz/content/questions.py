"""Multiple-choice questions and flashcards generated from dated facts (deterministic)."""

from __future__ import annotations

import bisect
import datetime
import enum
import hashlib
import heapq
import itertools
import random
import sys
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from quiz.content.facts import Fact
from quiz.content.masking import DIGIT, MASK, hide, mask
from quiz.content.timespan import Point, Precision, Span, label, shift, unit

OPTIONS = 4
DISTRACTORS = OPTIONS - 1

# How many units beyond the answer a date distractor may first fall, per precision.
REACH = {
    Precision.DAY: 28,
    Precision.MONTH: 12,
    Precision.YEAR: 12,
    Precision.DECADE: 5,
    Precision.CENTURY: 3,
}
WIDENINGS = 3  # times the reach doubles before distractors jump below every date of the sentence
EVENT_SAMPLE = 64  # candidate facts examined per event question, from the document
NEAREST_EVENTS = DISTRACTORS + 1  # of which the nearest in time are drawn first, in seeded order
OPEN_PRECISIONS = frozenset({Precision.DECADE, Precision.CENTURY})  # no "What happened in the 1040s?" card
MAX_OPTION_WORDS = 18  # longer events are asked by date only
LENGTH_RATIO = 2  # the keyed event may be at most about twice as long as each wrong one

ASK_UNIT = {
    Precision.DAY: "On which day?",
    Precision.MONTH: "In which month?",
    Precision.YEAR: "In which year?",
    Precision.DECADE: "In which decade?",
    Precision.CENTURY: "In which century?",
}
ASK_RANGE = {
    Precision.DAY: "Over which days?",
    Precision.MONTH: "Over which months?",
    Precision.YEAR: "Over which years?",
    Precision.DECADE: "Over which decades?",
    Precision.CENTURY: "Over which centuries?",
}


class Asks(enum.Enum):
    DATE = "date"
    EVENT = "event"


class Direction(enum.Enum):
    DATE_TO_EVENT = "date_to_event"
    EVENT_TO_DATE = "event_to_date"


@dataclass(frozen=True)
class Question:
    key: str  # stable natural key: the fact key and what the question asks
    fact: Fact
    asks: Asks
    stem: str
    options: tuple[str, ...]
    answer: int  # index of the correct option


@dataclass(frozen=True)
class Flashcard:
    key: str
    fact: Fact
    direction: Direction
    front: str
    back: str


def build_questions(facts: Sequence[Fact], *, documents: Container[str] | None = None) -> list[Question]:
    """Return the questions of the facts, in their order; only those of `documents` if it is given.

    Distractors are drawn from every fact either way, so the questions of a document do not depend on
    which other documents are asked for at the same time.
    """
    pool = _Pool.of(facts)
    balances: dict[str, _Balance] = {}
    seen: dict[str, int] = {}
    questions: list[Question] = []
    for fact in facts:
        if documents is not None and fact.document not in documents:
            continue
        balance = balances.setdefault(fact.document, _Balance.of(fact.document))
        index = seen.get(fact.document, 0)
        seen[fact.document] = index + 1
        questions.append(_date_question(fact, pool, balance.place_date(index)))
        placement = balance.place_event(index)
        event_question = _event_question(fact, pool, placement) if fact.stands_alone else None
        if event_question is not None:
            questions.append(event_question)
    return questions


def build_flashcards(facts: Sequence[Fact]) -> list[Flashcard]:
    """Return two flashcards per fact: event -> date, and date -> event when its answer is the only one.

    A date -> event card is recalled, not picked: it needs an event text, and no other event of the
    document at an overlapping date, which a student could answer just as rightly. Nor is it made for a
    decade or a century: "What happened in the 1040s?" has too many answers to recall one.
    """
    cards: list[Flashcard] = []
    by_document: dict[str, list[Fact]] = {}
    for fact in facts:
        if fact.event:
            by_document.setdefault(fact.document, []).append(fact)
    for fact in facts:
        recallable = fact.stands_alone and fact.span.precision not in OPEN_PRECISIONS
        if recallable and not _shares_its_date(fact, by_document[fact.document]):
            cards.append(
                Flashcard(
                    key=f"{fact.key}:{Direction.DATE_TO_EVENT.value}",
                    fact=fact,
                    direction=Direction.DATE_TO_EVENT,
                    front=_what_happened(fact.span),
                    back=_sentence(fact.event),
                )
            )
        cards.append(
            Flashcard(
                key=f"{fact.key}:{Direction.EVENT_TO_DATE.value}",
                fact=fact,
                direction=Direction.EVENT_TO_DATE,
                front=f"{_stem_text(fact)} When?",
                back=label(fact.span),
            )
        )
    return cards


def _shares_its_date(fact: Fact, events: Sequence[Fact]) -> bool:
    own = normalised(fact.event)
    return any(other.span.overlaps(fact.span) and normalised(other.event) != own for other in events)


# Balance of answer positions


@dataclass
class _Balance:
    """Spread the answer positions of one document's questions evenly over the options."""

    offset: int  # per-document start of the round robin, so one-fact documents don't all share a slot
    counts: list[int] = field(default_factory=lambda: [0] * OPTIONS)

    @classmethod
    def of(cls, document: str) -> _Balance:
        return cls(offset=_digest(document) % OPTIONS)

    def place_date(self, index: int) -> _Placement:
        return _Placement(self, (index + self.offset) % OPTIONS)

    def place_event(self, index: int) -> _Placement:
        return _Placement(self, (index + self.offset + 2) % OPTIONS)


@dataclass(frozen=True)
class _Placement:
    """Pick the answer's position: the least used feasible slot, nearest to the round-robin target."""

    balance: _Balance
    target: int

    def preference(self) -> list[int]:
        """Return the slots, best first: least used, then nearest the target."""
        counts = self.balance.counts
        return sorted(range(OPTIONS), key=lambda slot: (counts[slot], abs(slot - self.target), slot))

    def claim(self, slot: int) -> int:
        self.balance.counts[slot] += 1
        return slot


# The whole collection, indexed once


@dataclass(frozen=True)
class _Choice:
    """A fact as a wrong answer to event questions: its event, worded as an option."""

    fact: Fact
    text: str  # the event, capitalised, with its own date hidden like the answer's
    norm: str  # the text compared case-insensitively
    event: str  # the event text as the collection writes it, case-folded
    has_number: bool


@dataclass(frozen=True)
class _Shelf:
    """Choices sorted by start and by end, to draw those dated wholly before or after a date."""

    by_start: list[_Choice]
    starts: list[Point]
    by_end: list[_Choice]
    ends: list[Point]

    @classmethod
    def of(cls, choices: list[_Choice]) -> _Shelf:
        by_start = sorted(choices, key=lambda choice: choice.fact.span.start)
        by_end = sorted(choices, key=lambda choice: choice.fact.span.end)
        starts = [choice.fact.span.start for choice in by_start]
        return cls(by_start, starts, by_end, [choice.fact.span.end for choice in by_end])

    def apart_from(self, span: Span, rng: random.Random) -> Iterator[_Choice]:
        """Yield a sample of the choices whose date does not overlap `span`, nearest in time first.

        "French forces launched air strikes" beside the mosque built in 1327 is a wrong answer nobody
        weighs: events of the same age are the ones a student must tell apart. The nearest few come
        in seeded random order, so the nearest is not always the first distractor.
        """
        before = bisect.bisect_left(self.ends, span.start)
        after = bisect.bisect_right(self.starts, span.end)
        earlier = reversed(self.by_end[max(0, before - EVENT_SAMPLE) : before])
        later = self.by_start[after : after + EVENT_SAMPLE]
        first, last = _day_number(span.start), _day_number(span.end)

        def away(choice: _Choice) -> int:
            other = choice.fact.span
            return (
                first - _day_number(other.end) if other.end < span.start else _day_number(other.start) - last
            )

        nearest = list(itertools.islice(heapq.merge(earlier, later, key=away), EVENT_SAMPLE))
        near, rest = nearest[:NEAREST_EVENTS], nearest[NEAREST_EVENTS:]
        rng.shuffle(near)
        yield from near
        yield from rest


@dataclass
class _Pool:
    by_document: dict[str, _Shelf]
    # Per document and (precision, length in units): the dates of its facts, sorted by start.
    dates: dict[tuple[str, Precision, int], tuple[list[Point], list[Span]]]
    # Per event text (case-folded): every date the collection gives it, in any document and in each.
    spans_by_event: dict[str, _Timeline]
    spans_by_document_event: dict[tuple[str, str], _Timeline]

    @classmethod
    def of(cls, facts: Sequence[Fact]) -> _Pool:
        by_document: dict[str, list[_Choice]] = {}
        found: dict[tuple[str, Precision, int], dict[Span, None]] = {}
        # Lists until every fact is seen.
        spans_by_event: dict[str, list[Span]] = {}
        spans_by_document_event: dict[tuple[str, str], list[Span]] = {}
        for fact in facts:
            raw = fact.event.strip()
            text = _capitalize(mask(raw, fact.span))
            choice = _Choice(fact, text, normalised(text), normalised(raw), bool(DIGIT.search(raw)))
            shelf = by_document.setdefault(fact.document, [])
            if fact.stands_alone:  # an option says what it is about by itself, or it is not offered
                shelf.append(choice)
            found.setdefault((fact.document, fact.span.precision, _units(fact.span)), {})[fact.span] = None
            if choice.event:
                spans_by_event.setdefault(choice.event, []).append(fact.span)
                spans_by_document_event.setdefault((fact.document, choice.event), []).append(fact.span)
        dates = {}
        for key, spans in found.items():
            ordered = sorted(spans, key=_chronological)
            dates[key] = ([span.start for span in ordered], ordered)
        return cls(
            by_document={document: _Shelf.of(shelf) for document, shelf in by_document.items()},
            dates=dates,
            spans_by_event={text: _Timeline.of(spans) for text, spans in spans_by_event.items()},
            spans_by_document_event={
                key: _Timeline.of(spans) for key, spans in spans_by_document_event.items()
            },
        )

    def document_dates(self, fact: Fact, size: int, reach: int) -> tuple[list[Span], list[Span]]:
        """Return the document's other dates shaped like the fact's, up to `reach` units before and after."""
        starts, spans = self.dates.get((fact.document, fact.span.precision, size), ([], []))
        if len(spans) < 2:
            return [], []
        answer = fact.span
        low = bisect.bisect_left(starts, _try_shift(answer, -(size + reach - 1)).start)
        high = bisect.bisect_right(starts, _try_shift(answer, size + reach - 1).start)
        middle = bisect.bisect_left(starts, answer.start)
        after = middle + 1 if middle < len(spans) and spans[middle] == answer else middle
        return spans[low:middle], spans[after:high]


@dataclass(frozen=True)
class _Timeline:
    """Tell quickly whether any of many spans overlaps a given one."""

    starts: list[Point]
    latest_ends: list[Point]  # the latest end among the spans up to each index

    @classmethod
    def of(cls, spans: list[Span]) -> _Timeline:
        if len(spans) == 1:  # most event texts occur once
            return cls([spans[0].start], [spans[0].end])
        ordered = sorted(spans, key=_chronological)
        ends = list(itertools.accumulate((span.end for span in ordered), max))
        return cls([span.start for span in ordered], ends)

    def overlaps(self, span: Span) -> bool:
        index = bisect.bisect_right(self.starts, span.end)
        return index > 0 and self.latest_ends[index - 1] >= span.start


# Date questions


def _date_question(fact: Fact, pool: _Pool, placement: _Placement) -> Question:
    answer = fact.span
    ask = ASK_RANGE if answer.is_range else ASK_UNIT
    stem = f"{_stem_text(fact)} {ask[answer.precision]}"
    below, above = _date_distractors(fact, pool, stem, _rng(fact.key, Asks.DATE.value))
    # Draw only what the preferred position needs: most questions never look at a fourth date.
    position = _first_feasible(placement, below, above)
    if position is None:
        below.fill_from_floor(DISTRACTORS - len(above.found))
        position = _first_feasible(placement, below, above)
    assert position is not None, "the floor always leaves room below the answer"
    placement.claim(position)
    spans = sorted(
        [answer, *below.found[:position], *above.found[: DISTRACTORS - position]], key=_chronological
    )
    return Question(
        key=f"{fact.key}:{Asks.DATE.value}",
        fact=fact,
        asks=Asks.DATE,
        stem=stem,
        options=tuple(label(span) for span in spans),
        answer=spans.index(answer),
    )


def _first_feasible(placement: _Placement, below: _Side, above: _Side) -> int | None:
    """Return the best position for which both sides can supply their distractors."""
    return next(
        (slot for slot in placement.preference() if below.fill(slot) and above.fill(DISTRACTORS - slot)),
        None,
    )


@dataclass
class _Side:
    """The distractors on one side of the answer, drawn from their sources only when needed."""

    check: _DistractorCheck
    sources: Iterator[Span]
    found: list[Span] = field(default_factory=list)
    floor: Callable[[], Iterator[Span]] | None = None

    def fill(self, wanted: int) -> bool:
        """Draw until `wanted` distractors are found; tell whether there are that many."""
        while len(self.found) < wanted:
            candidate = next(self.sources, None)
            if candidate is None:
                return False
            if self.check(candidate):
                self.found.append(candidate)
        return True

    def fill_from_floor(self, wanted: int) -> None:
        """Every nearby date is taken by the sentence or the event: go below all of their dates."""
        if self.floor is not None:
            self.sources = itertools.chain(self.sources, self.floor())
        self.fill(wanted)


def _date_distractors(fact: Fact, pool: _Pool, stem: str, rng: random.Random) -> tuple[_Side, _Side]:
    """Return the sources of distractors before the answer and after it, nearest and own dates first."""
    answer = fact.span
    size = _units(answer)
    same_event = pool.spans_by_document_event.get((fact.document, normalised(fact.event)))
    check = _DistractorCheck(fact, stem, same_event)
    # Dates of the same document come first: they are the ones a reader has seen near this one.
    earlier, later = pool.document_dates(fact, size, REACH[answer.precision] + (DISTRACTORS - 1) * size)
    rng.shuffle(earlier)
    rng.shuffle(later)
    below_steps = _steps(answer.precision, size, sys.maxsize, rng)
    above_steps = _steps(answer.precision, size, _headroom(answer, check.cap), rng)

    def floor() -> Iterator[Span]:
        lowest = min(span.start for span in (answer, *fact.sentence_spans))
        if same_event is not None:
            lowest = min(lowest, same_event.starts[0])
        first_unit, answer_unit = unit(lowest, answer.precision), unit(answer.start, answer.precision)
        distance = _units(Span(first_unit.start, answer_unit.end, answer.precision)) - 1
        return _shifted(answer, (-(distance + size * tile) for tile in range(1, OPTIONS * 4)))

    below = _Side(
        check, itertools.chain(earlier, _shifted(answer, (-step for step in below_steps))), floor=floor
    )
    above = _Side(check, itertools.chain(later, _shifted(answer, above_steps)))
    return below, above


def _steps(precision: Precision, size: int, most: int, rng: random.Random) -> Iterator[int]:
    """Yield how many units to move the answer for each distractor on one side, near ones first."""
    reach = REACH[precision]
    if size > 1:
        # A range walks away from the answer, so its distractors overlap neither it nor each other.
        step = 0
        for _ in range(OPTIONS * 4):
            step += size + rng.randrange(reach // 2 + 1)
            if step > most:
                return
            yield step
        return
    # A single unit lands anywhere in the window, which doubles while nothing there fits.
    first, stop = 1, reach + 1
    for _ in range(WIDENINGS + 1):
        stop = min(stop, most + 1)
        for index in _draw(max(stop - first, 0), rng):
            yield first + index
        first, stop = stop, 2 * stop - 1


def _headroom(answer: Span, cap: Point | None) -> int:
    """Return how many units a distractor after the answer may move before it passes the cap."""
    if cap is None:
        return sys.maxsize
    last = unit(answer.end, answer.precision)
    if cap <= last.end:
        return 0
    return _units(Span(last.start, cap, answer.precision)) - 1


class _DistractorCheck:
    """Tell whether a date may be offered as a wrong answer to a fact's date question."""

    def __init__(self, fact: Fact, stem: str, same_event: _Timeline | None) -> None:
        self.fact = fact
        self.same_event = same_event  # dates the document gives the same event text elsewhere
        # Only a stem with a number can name a date.
        self.stem = stem.casefold() if DIGIT.search(stem) else None
        self.cap: Point | None = None
        self.accepted: list[Span] = []  # accepted distractors, which must not overlap one another
        # The other dates the stem shows: "collapsed on 14 July 1902 and was rebuilt by ____".
        self.shown = [
            span for span in fact.sentence_spans if self.stem and label(span).casefold() in self.stem
        ]
        if fact.horizon is not None and fact.span.start <= fact.horizon:
            # A past event (or one under way, "earlier in the year"): no wrong answer lies after the
            # horizon's unit (2025 is fine in May 2025).
            self.cap = unit(fact.horizon, fact.span.precision).end

    def __call__(self, candidate: Span) -> bool:
        if _ambiguous(candidate):
            return False
        if candidate.overlaps(self.fact.span) or any(candidate.overlaps(span) for span in self.accepted):
            return False
        if self.cap is not None and candidate.end > self.cap:
            return False
        if any(candidate.overlaps(span) for span in self.fact.sentence_spans):
            return False
        if self.same_event is not None and self.same_event.overlaps(candidate):
            return False
        if self.stem is not None and label(candidate).casefold() in self.stem:
            return False
        if any(_out_of_order(candidate, self.fact.span, shown) for shown in self.shown):
            return False
        self.accepted.append(candidate)
        return True


def _out_of_order(candidate: Span, answer: Span, shown: Span) -> bool:
    """Tell whether a distractor lies on the other side of a date the stem shows than the answer does:
    after "collapsed on 14 July 1902 and was rebuilt by ____" (1912), 1901 is an answer nobody picks."""
    if shown.end <= answer.start:
        return candidate.start < shown.end
    if shown.start >= answer.end:
        return candidate.end > shown.start
    return False


def _ambiguous(span: Span) -> bool:
    """Tell whether a decade's label reads as a century: "1900s" is taken for 1900–1999."""
    return span.precision is Precision.DECADE and span.start.year % 100 == 0 and span.start.year != 2000


def _shifted(span: Span, steps: Iterable[int]) -> Iterator[Span]:
    for step in steps:
        try:
            yield shift(span, step)
        except (OverflowError, ValueError):  # days beyond year 9999
            continue


def _try_shift(span: Span, steps: int) -> Span:
    try:
        return shift(span, steps)
    except (OverflowError, ValueError):
        return span


# Event questions


def _event_question(fact: Fact, pool: _Pool, placement: _Placement) -> Question | None:
    asked = fact.span
    answer = _capitalize(mask(_event_text(fact), asked))
    size = _word_count(answer)
    if size > MAX_OPTION_WORDS:
        return None  # an option of a whole paragraph is read, not recalled
    taken = {normalised(answer)}
    sentences = {(fact.document, fact.sentence)}  # two options from one sentence read as near twins
    asked_label = label(asked).casefold()
    picks: list[str] = []
    for choice in _event_candidates(fact, pool, _rng(fact.key, Asks.EVENT.value)):
        other = choice.fact
        if not choice.norm or choice.norm in taken or (other.document, other.sentence) in sentences:
            continue
        # Another date of its sentence may be what the option's words refer to ("... last year").
        if any(span.overlaps(asked) for span in other.sentence_spans):
            continue
        if choice.has_number and (asked_label in choice.event or mask(other.event, asked) != other.event):
            continue
        # The same event dated elsewhere to an overlapping date would be a second right answer.
        if pool.spans_by_event[choice.event].overlaps(asked):
            continue
        # A keyed option twice as long as a wrong one stands out whatever it says.
        if size > LENGTH_RATIO * _word_count(choice.text) + 2:
            continue
        picks.append(choice.text)
        taken.add(choice.norm)
        sentences.add((other.document, other.sentence))
        if len(picks) == DISTRACTORS:
            break
    else:
        return None
    position = placement.claim(placement.preference()[0])
    return Question(
        key=f"{fact.key}:{Asks.EVENT.value}",
        fact=fact,
        asks=Asks.EVENT,
        stem=_what_happened(asked),
        options=(*picks[:position], answer, *picks[position:]),
        answer=position,
    )


def _event_candidates(fact: Fact, pool: _Pool, rng: random.Random) -> Iterator[_Choice]:
    """Yield a seeded sample of the document's facts dated apart from the fact.

    Only the same document's events: a storm in Florida offered beside the Battle of Zama is a wrong
    answer no student needs to think about. A document with too few events gets no event questions.
    """
    yield from pool.by_document[fact.document].apart_from(fact.span, rng)


def _draw(size: int, rng: random.Random, limit: int = sys.maxsize) -> Iterator[int]:
    """Yield up to `limit` distinct indices below `size` in random order, drawing only those used."""
    # A lazy Fisher-Yates shuffle: `moved` holds the few swapped slots, so no list of `size` is built.
    moved: dict[int, int] = {}
    for start in range(min(size, limit)):
        pick = rng.randrange(start, size)
        yield moved.get(pick, pick)
        moved[pick] = moved.get(start, start)


# Wording


def _word_count(text: str) -> int:
    return len(text.split())


def _what_happened(span: Span) -> str:
    return f"What happened {_when(span)}?"


def _when(span: Span) -> str:
    """Return a date with its preposition: on 14 August 1947, in the 1970s, between 1945 and 1991."""
    if span.is_range:
        first = _with_article(unit(span.start, span.precision))
        last = _with_article(unit(span.end, span.precision))
        if span.precision is Precision.CENTURY and first.endswith(" century") and last.endswith(" century"):
            # "between the 13th and 14th centuries", not "the 13th century and the 14th century"
            return f"between {first.removesuffix(' century')} and {last.removeprefix('the ')}".replace(
                " century", " centuries"
            )
        return f"between {first} and {last}"
    preposition = "on" if span.precision is Precision.DAY else "in"
    return f"{preposition} {_with_article(span)}"


def _with_article(span: Span) -> str:
    if span.precision in (Precision.DECADE, Precision.CENTURY):
        return f"the {label(span)}"
    return label(span)


def _event_text(fact: Fact) -> str:
    return fact.event.strip() or fact.sentence.strip()


def _stem_text(fact: Fact) -> str:
    """Return the fact's words with its date blanked, or, for a fact built without them, its event."""
    if fact.cloze:
        return _sentence(hide(fact.cloze, fact.span))
    return _statement(fact)


def _statement(fact: Fact) -> str:
    """Return the fact's event as a sentence that does not give its date away."""
    return _sentence(hide(_event_text(fact), fact.span))


def _sentence(text: str) -> str:
    text = _capitalize(text.strip().rstrip(",;:").rstrip())
    ended = text.rstrip("\"'”’)")  # a quotation may close the sentence: ... attacks."
    return text if ended.endswith((".", "!", "?", MASK)) else f"{text}."


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def normalised(text: str) -> str:
    """Return text as options are compared: without its end stop, case-folded."""
    return text.strip().rstrip(".").strip().casefold()


# Arithmetic


def _units(span: Span) -> int:
    """Return how many units of its precision a span covers."""
    start, end = span.start, span.end
    if span.precision is Precision.DAY:
        count = _day_number(end) - _day_number(start) + 1
    elif span.precision is Precision.MONTH:
        count = (end.year * 12 + end.month) - (start.year * 12 + start.month) + 1
    else:
        size = {Precision.YEAR: 1, Precision.DECADE: 10, Precision.CENTURY: 100}[span.precision]
        count = (end.year - start.year + 1) // size
    return max(count, 1)


def _day_number(point: Point) -> int:
    # Whole 400-year Gregorian cycles (146,097 days) carry days before year 1 into datetime's range.
    cycles, year_in_cycle = divmod(point.year - 1, 400)
    return datetime.date(year_in_cycle + 1, point.month, point.day).toordinal() + cycles * 146_097


def _chronological(span: Span) -> tuple[Point, Point]:
    return span.start, span.end


def _digest(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")


def _rng(key: str, purpose: str) -> random.Random:
    """Return a random generator seeded by content, so every build draws the same options."""
    return random.Random(_digest(f"{key}:{purpose}"))
