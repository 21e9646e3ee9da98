"""Automatic checks of what students read: each defect kind a pattern or a test, with its name.

They catch the faults a teacher sees at a glance: a date cut out leaving "…" or a dangling "in", an
empty "()", a lone participle, a pronoun with nothing to point at, a "he said" tail, a date inside an
event option, a date question without its blank, an event too short to mean anything, and a
distractor that is also true. `content_report` prints them; the test suite holds them near zero.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from quiz.content.checks import EVENT_CHECKS, TEXT_CHECKS
from quiz.content.collection import Collection
from quiz.content.events import BLANK
from quiz.content.questions import Asks, Direction, normalised
from quiz.content.timespan import label


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
        spans_of_event[normalised(fact.event)].append(fact.span)
    for question in collection.questions:
        fact = question.fact
        for index, option in enumerate(question.options):
            if index == question.answer:
                continue
            if question.asks is Asks.EVENT:
                also_true = any(
                    span.overlaps(fact.span) for span in spans_of_event.get(normalised(option), [])
                )
            else:
                also_true = option in {label(span) for span in fact.sentence_spans if span != fact.span}
            if also_true:
                yield Defect("distractor also true", f"{question.stem} -> {option}", fact.document)
