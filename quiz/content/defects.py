"""Automatic checks of what students read: each defect kind a pattern or a test, with its name.

They catch the faults a teacher sees at a glance: a date cut out leaving "…" or a dangling "in", an
empty "()", a lone participle, a pronoun with nothing to point at, a "he said" tail, a date inside an
event option, a date question without its blank, an event too short to mean anything, and a
distractor that is also true. `content_report` prints them; the test suite holds them near zero.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from quiz.content.collection import Collection
from quiz.content.events import BLANK
from quiz.content.questions import Asks, Direction
from quiz.content.temporal import find_dates
from quiz.content.timespan import label

ELLIPSIS = re.compile(r"…|\.\.\.")
DANGLING = re.compile(
    r"(?i)(?<![\w.])(?:in|on|at|of|from|to|by|the|a|an|and|or|with|since|until|during|between|for|than)"
    r"\s*(?:[,.;:!?)](?=\s|$)|$)"
)
EMPTY_SLOT = re.compile(r"\(\s*[,;:–—-]?\s*\)|\s[,;:]|[,;]\s*[,;.]|\(\s*[,;–—-]")
ORPHAN_PARTICIPLE = re.compile(r",\s+[a-z]+ed\s*[,.]")
PRONOUN_START = re.compile(r"^(?:It|He|She|They|This|These|Those|Its|His|Her|Their|We|I|Them|Him)\b")
REPORTED_TAIL = re.compile(
    r",\s+(?:[\w'’-]+\s+){0,4}(?:said|says|told|added|announced|reported|stated)\b[^,]*$"
)
# "on" ends a phrase as an adverb, not a preposition: "while the conflict was still on,".
ADVERB_ON = re.compile(r"(?i)\b(?:still|was|were|is|are|be|been|going|went|carried|held|came|moved|live)\s+$")
MIN_EVENT_WORDS = 3


def _dangling(text: str) -> bool:
    return any(
        not (match.group().lower().startswith("on") and ADVERB_ON.search(text, 0, match.start()))
        for match in DANGLING.finditer(text)
    )


# Checks of any text a student reads.
TEXT_CHECKS: dict[str, Callable[[str], bool]] = {
    "ellipsis": lambda text: bool(ELLIPSIS.search(text)),
    "dangling word": _dangling,
    "empty slot": lambda text: bool(EMPTY_SLOT.search(text)),
    "orphan participle": lambda text: bool(ORPHAN_PARTICIPLE.search(text)),
    "pronoun start": lambda text: bool(PRONOUN_START.match(text)),
    "reported-speech tail": lambda text: bool(REPORTED_TAIL.search(text.rstrip(".?! "))),
}
# Checks of an event as an option or a card's answer.
EVENT_CHECKS: dict[str, Callable[[str], bool]] = {
    "date inside an event": lambda text: bool(find_dates(text)),
    "event under 3 words": lambda text: len(re.findall(r"[A-Za-z]+", text)) < MIN_EVENT_WORDS,
}


@dataclass(frozen=True)
class Defect:
    kind: str
    text: str
    document: str


@dataclass
class Report:
    texts: int = 0
    defects: list[Defect] = field(default_factory=list)

    @property
    def flagged_texts(self) -> int:
        return len({(defect.document, defect.text) for defect in self.defects})

    @property
    def rate(self) -> float:
        return self.flagged_texts / self.texts if self.texts else 0.0

    def by_kind(self) -> Counter[str]:
        return Counter(defect.kind for defect in self.defects)

    def examples(self, kind: str, limit: int = 3) -> list[Defect]:
        return [defect for defect in self.defects if defect.kind == kind][:limit]


def check_collection(collection: Collection) -> Report:
    """Return the defects of every stem, option and card of a collection."""
    report = Report()
    for document, text, checks in _texts(collection):
        report.texts += 1
        report.defects.extend(Defect(kind, text, document) for kind, check in checks.items() if check(text))
    report.defects.extend(_true_distractors(collection))
    return report


def _texts(collection: Collection) -> Iterator[tuple[str, str, dict[str, Callable[[str], bool]]]]:
    for question in collection.questions:
        document = question.fact.document
        if question.asks is Asks.DATE:
            yield document, question.stem, {**TEXT_CHECKS, "stem without blank": _no_blank}
            continue
        yield document, question.stem, TEXT_CHECKS
        for option in question.options:
            yield document, option, {**TEXT_CHECKS, **EVENT_CHECKS}
    for card in collection.flashcards:
        document = card.fact.document
        if card.direction is Direction.EVENT_TO_DATE:
            yield document, card.front, {**TEXT_CHECKS, "stem without blank": _no_blank}
        else:
            yield document, card.back, {**TEXT_CHECKS, **EVENT_CHECKS}


def _no_blank(text: str) -> bool:
    return BLANK not in text


def _true_distractors(collection: Collection) -> Iterator[Defect]:
    """Yield wrong options that are also right: an event of the asked date, a date the sentence gives."""
    spans_of_event = defaultdict(list)
    for fact in collection.facts:
        spans_of_event[_norm(fact.event)].append(fact.span)
    for question in collection.questions:
        fact = question.fact
        for index, option in enumerate(question.options):
            if index == question.answer:
                continue
            if question.asks is Asks.EVENT:
                also_true = any(span.overlaps(fact.span) for span in spans_of_event.get(_norm(option), []))
            else:
                also_true = option in {label(span) for span in fact.sentence_spans if span != fact.span}
            if also_true:
                yield Defect("distractor also true", f"{question.stem} -> {option}", fact.document)


def _norm(text: str) -> str:
    return text.strip().rstrip(".").strip().casefold()
