"""Summarise what students would read from some documents: facts kept and left out, and defects."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from typing import Any

from quiz.content.collection import Collection
from quiz.content.defects import check_collection
from quiz.content.questions import Flashcard, Question

EXAMPLES = 3


def content_report(collection: Collection) -> dict[str, Any]:
    """Return the report as data: counts by reason and by defect kind, with examples."""
    defects = check_collection(collection)
    left_out = Counter(fact.reason for fact in collection.left_out)
    unresolved = Counter(item.reason for item in collection.skipped)
    return {
        "documents": len(collection.documents),
        "facts_found": len(collection.facts) + len(collection.left_out),
        "facts_asked": len(collection.facts),
        "facts_left_out": dict(sorted(left_out.items(), key=lambda item: (-item[1], item[0]))),
        "dates_unresolved": dict(sorted(unresolved.items(), key=lambda item: (-item[1], item[0]))),
        "questions": len(collection.questions),
        "flashcards": len(collection.flashcards),
        "texts": defects.texts,
        "texts_with_defects": defects.flagged_texts,
        "defect_rate": round(defects.rate, 4),
        "defects": {
            kind: {
                "count": count,
                "examples": [f"{d.document}: {d.text}" for d in defects.examples(kind, EXAMPLES)],
            }
            for kind, count in sorted(defects.by_kind().items(), key=lambda item: (-item[1], item[0]))
        },
    }


def report_lines(report: dict[str, Any]) -> Iterator[str]:
    """Yield the report as text for a person."""
    yield f"Documents: {report['documents']}"
    yield f"Dated facts found: {report['facts_found']}, asked: {report['facts_asked']}"
    yield "Left out, by reason:"
    yield from (f"  {count:5}  {reason}" for reason, count in report["facts_left_out"].items())
    yield "Dates that could not be placed, by reason:"
    yield from (f"  {count:5}  {reason}" for reason, count in report["dates_unresolved"].items())
    yield f"Questions: {report['questions']}, flashcards: {report['flashcards']}"
    yield (
        f"Defects: {report['texts_with_defects']} of {report['texts']} texts "
        f"({100 * report['defect_rate']:.1f}%)"
    )
    for kind, found in report["defects"].items():
        yield f"  {found['count']:5}  {kind}"
        yield from (f"         e.g. {example}" for example in found["examples"])


CARDS_PER_SAMPLE = 4  # one flashcard in four, as in a teacher's review sheet


def review_sample(collection: Collection, *, size: int, seed: int) -> list[str]:
    """Return a random sample of what students would read, as a sheet a teacher can rate item by item.

    Each item shows its document's title and publication date and the source sentence, so a reviewer
    who never saw the code can judge it. The same collection, size and seed give the same sheet.
    """
    chooser = random.Random(seed)
    cards = min(len(collection.flashcards), size // CARDS_PER_SAMPLE)
    items: list[Question | Flashcard] = [
        *chooser.sample(collection.questions, min(len(collection.questions), size - cards)),
        *chooser.sample(collection.flashcards, cards),
    ]
    chooser.shuffle(items)
    titles = {document.name: document for document in collection.documents}
    lines: list[str] = []
    for number, item in enumerate(items, start=1):
        document = titles[item.fact.document]
        published = document.published.isoformat() if document.published else "not given"
        kind = "multiple choice" if isinstance(item, Question) else "flashcard"
        lines += [
            f"ITEM {number} ({kind})",
            f"Document: {document.title} (published {published})",
            f"Source sentence: {item.fact.sentence}",
        ]
        if isinstance(item, Question):
            lines.append(f"Question: {item.stem}")
            lines += [
                f"  {'*' if index == item.answer else ' '} {chr(ord('A') + index)}. {option}"
                for index, option in enumerate(item.options)
            ]
            lines.append("(* = keyed answer)")
        else:
            lines += [f"Front: {item.front}", f"Back: {item.back}"]
        lines.append("")
    return lines
