"""Independent evaluation of the date finder on documents it was not developed against.

The documents in tests/data/eval/ (five encyclopedia-style, five news articles with a `published` date) were
annotated by hand in tests/data/eval/gold.jsonl, one line per date expression, without looking at the finder.
A fact matches a gold item when both have the same document, start, end and precision and their date words
overlap as text (one contains the other, ignoring case), so "from 2001 to 2003" matches "2001 to 2003".
Each fact and each gold item is used at most once (a multiset matching).

The product requires precision and recall of at least 0.9 over all the documents.

Run `.venv/bin/python tests/test_eval_dates.py` for the scores and the lists of misses and false facts.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

EVAL_DIR = Path(__file__).resolve().parent / "data" / "eval"
GOLD_PATH = EVAL_DIR / "gold.jsonl"
REQUIRED = 0.9
PRECISIONS = ("day", "month", "year", "decade", "century")


@dataclass(frozen=True)
class Item:
    """A dated expression: a gold annotation or a fact the finder produced."""

    document: str
    when: str
    start: str
    end: str
    precision: str

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.document, self.start, self.end, self.precision)

    def describe(self) -> str:
        return f"{self.document}: {self.when!r} -> {self.start}..{self.end} ({self.precision})"


@dataclass(frozen=True)
class Evaluation:
    gold: list[Item]
    found: list[Item]
    missed: list[Item]
    false: list[Item]

    @property
    def matched(self) -> int:
        return len(self.gold) - len(self.missed)

    @property
    def precision(self) -> float:
        return (len(self.found) - len(self.false)) / len(self.found) if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.matched / len(self.gold) if self.gold else 0.0

    def report(self) -> str:
        lines = [
            f"precision {self.precision:.3f} ({len(self.found) - len(self.false)}/{len(self.found)} facts), "
            f"recall {self.recall:.3f} ({self.matched}/{len(self.gold)} gold), required >= {REQUIRED}",
            f"missed gold ({len(self.missed)}):",
            *(f"  - {item.describe()}" for item in self.missed),
            f"false facts ({len(self.false)}):",
            *(f"  + {item.describe()}" for item in self.false),
        ]
        return "\n".join(lines)


def load_gold() -> list[Item]:
    items = []
    for number, line in enumerate(GOLD_PATH.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            record = json.loads(line)
            try:
                items.append(Item(**record))
            except TypeError as error:
                raise ValueError(f"{GOLD_PATH.name} line {number}: {error}") from None
    return items


def eval_documents() -> list[Path]:
    return sorted(EVAL_DIR.glob("*.txt"))


def find_facts() -> list[Item]:
    """Run the finder on every evaluation document."""
    from quiz.content.documents import read_document
    from quiz.content.facts import extract_facts

    found = []
    for path in eval_documents():
        facts, _skipped = extract_facts(read_document(path))
        found.extend(
            Item(
                document=str(fact.document),
                when=str(fact.when),
                start=fact.span.start.iso(),
                end=fact.span.end.iso(),
                precision=fact.span.precision.value,
            )
            for fact in facts
        )
    return found


def words_overlap(a: str, b: str) -> bool:
    a, b = a.casefold().strip(), b.casefold().strip()
    return bool(a) and bool(b) and (a in b or b in a)


def match(gold: list[Item], found: list[Item]) -> Evaluation:
    """Pair gold items with facts one to one, as many as possible (bipartite matching per key)."""
    facts_by_key: dict[tuple[str, str, str, str], list[int]] = defaultdict(list)
    for index, item in enumerate(found):
        facts_by_key[item.key].append(index)
    fact_of_gold: dict[int, int] = {}
    gold_of_fact: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for f in facts_by_key.get(gold[g].key, []):
            if f in seen or not words_overlap(gold[g].when, found[f].when):
                continue
            seen.add(f)
            if f not in gold_of_fact or augment(gold_of_fact[f], seen):
                fact_of_gold[g] = f
                gold_of_fact[f] = g
                return True
        return False

    for g in range(len(gold)):
        augment(g, set())
    missed = [item for g, item in enumerate(gold) if g not in fact_of_gold]
    false = [item for f, item in enumerate(found) if f not in gold_of_fact]
    return Evaluation(gold=gold, found=found, missed=missed, false=false)


def evaluate() -> Evaluation:
    return match(load_gold(), find_facts())


# --- The gold file itself ---


def test_eval_corpus_is_ten_documents_of_the_agreed_size() -> None:
    paths = eval_documents()
    assert len(paths) == 10
    for path in paths:
        size = len(path.read_text(encoding="utf-8"))
        assert 1500 <= size <= 3000, f"{path.name} has {size} characters"


def test_gold_is_well_formed() -> None:
    texts = {path.name: path.read_text(encoding="utf-8") for path in eval_documents()}
    for item in load_gold():
        assert item.document in texts, item.describe()
        assert item.when in texts[item.document], item.describe()
        assert item.precision in PRECISIONS, item.describe()
        start, end = (_ordinal(value) for value in (item.start, item.end))
        assert start <= end, item.describe()


def _ordinal(iso: str) -> tuple[int, int, int]:
    sign = -1 if iso.startswith("-") else 1
    year, month, day = (int(part) for part in iso.lstrip("-").split("-"))
    assert 1 <= month <= 12, iso
    assert 1 <= day <= 31, iso
    return (sign * year, month, day)


# --- The matching rule ---


def test_match_is_one_to_one_and_needs_overlapping_words() -> None:
    gold = [
        Item("d.txt", "from 2001 to 2003", "2001-01-01", "2003-12-31", "year"),
        Item("d.txt", "1947", "1947-01-01", "1947-12-31", "year"),
        Item("d.txt", "1947", "1947-01-01", "1947-12-31", "year"),
    ]
    found = [
        Item("d.txt", "2001 to 2003", "2001-01-01", "2003-12-31", "year"),
        Item("d.txt", "in 1947", "1947-01-01", "1947-12-31", "year"),
        Item("d.txt", "1947", "1947-01-01", "1947-12-31", "year"),
        Item("d.txt", "1947", "1947-01-01", "1947-12-31", "year"),
        Item("d.txt", "last year", "2003-01-01", "2003-12-31", "year"),
    ]
    result = match(gold, found)
    assert result.missed == []
    assert [item.when for item in result.false] == ["1947", "last year"]
    assert result.recall == 1.0
    assert result.precision == pytest.approx(3 / 5)


# --- The product requirement ---


def test_date_finder_precision_and_recall_on_unseen_documents() -> None:
    result = evaluate()
    report = "\n" + result.report()
    assert result.precision >= REQUIRED, report
    assert result.recall >= REQUIRED, report


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    print(evaluate().report())
