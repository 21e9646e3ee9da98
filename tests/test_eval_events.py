"""Evaluation of what is asked, and of the event each date is tied to, on documents written by others.

tests/data/events/ holds 16 documents (8 in dev/, for tuning; 8 in test/, held out) annotated by hand
without the code: for every date, whether a teacher would ask about it and the words its event must
(and must not) contain. A fact matches a gold line when both are in the same sentence and their date
words overlap. Run `.venv/bin/python tests/test_eval_events.py` for the figures and the misses.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from quiz.content.documents import read_document
from quiz.content.facts import Fact, extract_facts

EVENTS_DIR = Path(__file__).resolve().parent / "data" / "events"
PARTS = ("dev", "test")


@dataclass(frozen=True)
class Gold:
    document: str
    sentence_start: str
    when: str
    worth: bool
    event: str
    must: tuple[str, ...]
    must_not: tuple[str, ...]
    reason: str


@dataclass
class Scores:
    worth: int = 0  # gold dates a teacher would ask about
    worth_asked: int = 0
    asked: int = 0  # asked facts that match a gold line
    asked_worth: int = 0
    events: int = 0  # worth and asked, with an event text
    events_right: int = 0
    misses: list[str] | None = None

    @property
    def recall(self) -> float:
        return self.worth_asked / self.worth if self.worth else 0.0

    @property
    def precision(self) -> float:
        return self.asked_worth / self.asked if self.asked else 0.0

    @property
    def event_accuracy(self) -> float:
        return self.events_right / self.events if self.events else 0.0

    def report(self, part: str) -> str:
        return (
            f"{part}: asked {self.worth_asked}/{self.worth} of the dates worth asking (recall {self.recall:.2f}); "
            f"{self.asked_worth}/{self.asked} asked facts are worth asking (precision {self.precision:.2f}); "
            f"event texts right {self.events_right}/{self.events} ({self.event_accuracy:.2f})"
        )


def load_gold(part: str) -> list[Gold]:
    lines = (EVENTS_DIR / part / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [_gold(json.loads(line)) for line in lines if line.strip()]


def _gold(record: dict) -> Gold:
    record = {**record, "must": tuple(record["must"]), "must_not": tuple(record["must_not"])}
    return Gold(**record)


def _matches(gold: Gold, fact: Fact) -> bool:
    words = gold.when.casefold(), fact.when.casefold()
    return (
        fact.document == gold.document
        and gold.sentence_start in fact.sentence
        and (words[0] in words[1] or words[1] in words[0])
    )


def _event_right(gold: Gold, fact: Fact) -> bool:
    text = fact.event.casefold()
    return all(word in text for word in gold.must) and not any(word in text for word in gold.must_not)


KINDS = ("news", "reference")  # a news story has a publication date; an article of reference has none


def score(part: str, kind: str | None = None) -> Scores:
    """Score one part, or only its news stories or its articles of reference."""
    documents = [read_document(path) for path in sorted((EVENTS_DIR / part).glob("*.txt"))]
    if kind is not None:
        documents = [d for d in documents if (d.published is not None) == (kind == "news")]
    names = {document.name for document in documents}
    facts = [fact for document in documents for fact in extract_facts(document)[0]]
    scores = Scores(misses=[])
    used: set[str] = set()
    for gold in (gold for gold in load_gold(part) if gold.document in names):
        fact = next((f for f in facts if f.key not in used and _matches(gold, f)), None)
        if fact is not None:
            used.add(fact.key)
        asked = fact is not None and fact.asked
        scores.worth += gold.worth
        scores.worth_asked += gold.worth and asked
        scores.asked += asked
        scores.asked_worth += asked and gold.worth
        if gold.worth and asked and fact is not None and fact.event:
            scores.events += 1
            right = _event_right(gold, fact)
            scores.events_right += right
            if not right:
                scores.misses.append(
                    f"  event {gold.document} {gold.when!r}: {fact.event!r} (gold {gold.event!r})"
                )
        elif gold.worth and not asked:
            why = "not found" if fact is None else fact.reason
            scores.misses.append(f"  not asked {gold.document} {gold.when!r}: {why}")
        elif asked and not gold.worth:
            scores.misses.append(f"  asked but {gold.reason} {gold.document} {gold.when!r}: {fact.cloze!r}")
    return scores


# The figures when this file was written (README, "What is asked"), rounded down to 0.05: a change that
# makes them worse fails. The held-out part was scored once, after the tuning on dev/ was done. News and
# reference are held apart: in news the rules leave out on purpose what the annotators counted (the
# story's own day, a bare "the company" no headline names), while the recall bar is on reference.
# The recall floors of reference (dev) and of the held-out part were lowered once, by 0.05, when date
# questions moved to whole sentences and a clause that does not say what it is about ("A treaty was
# signed in Paris in ____") or that lost another date of its sentence stopped being asked: blind ratings
# judge what is shown, and a vague or garbled question shown is worse than none. Reference (dev) recall
# and held-out reference event texts were lowered by 0.05 again (0.76 -> 0.74 and 0.80 -> 0.79 when
# measured) when a bare "the crew", "the disease" or "the two powers" stopped being asked in articles
# of reference too: the seventh blind rating asked "which one?" of one item in eight.
FLOORS = {
    ("dev", "news"): {"recall": 0.55, "precision": 0.85, "event_accuracy": 0.95},
    ("dev", "reference"): {"recall": 0.7, "precision": 0.8, "event_accuracy": 0.95},
    ("test", "news"): {"recall": 0.55, "precision": 0.85, "event_accuracy": 0.95},
    ("test", "reference"): {"recall": 0.7, "precision": 0.85, "event_accuracy": 0.75},
}


@pytest.mark.parametrize(("part", "kind"), list(FLOORS))
def test_questions_are_asked_about_what_a_teacher_would_ask(part: str, kind: str) -> None:
    scores = score(part, kind)
    floors = FLOORS[part, kind]
    assert scores.recall >= floors["recall"], scores.report(part)
    assert scores.precision >= floors["precision"], scores.report(part)
    assert scores.event_accuracy >= floors["event_accuracy"], scores.report(part)


if __name__ == "__main__":
    for name in sys.argv[1:] or ["dev"]:
        result = score(name)
        print(result.report(name))
        for kind in KINDS:
            print("  " + score(name, kind).report(kind))
        if name == "dev":  # the held-out part's failures are not read: only its figures
            print("\n".join(result.misses or []))
