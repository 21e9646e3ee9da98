from __future__ import annotations

import datetime
from collections import Counter
from pathlib import Path

import pytest

from quiz.content.collection import DOCUMENTS_PER_WORKER, Collection, build_collection
from quiz.content.documents import Document, read_document
from quiz.content.questions import Asks
from quiz.content.temporal import find_dates
from quiz.content.timespan import Span


def small_documents(count: int) -> list[Document]:
    return [
        Document(
            name=f"{index:04d}.txt",
            title=f"Document {index}",
            text=f"The treaty of {1800 + index % 200} was signed. Talks resumed last year. "
            f"A fleet sailed in the {1500 + index % 90 * 10}s and ports opened on 3 March {1900 + index % 99}.",
            published=datetime.date(2025, 5, 27),
        )
        for index in range(count)
    ]


def test_build_collection_in_processes_gives_the_same_content() -> None:
    documents = small_documents(2 * DOCUMENTS_PER_WORKER)
    alone = build_collection(documents, workers=1)
    shared = build_collection(documents, workers=2)
    assert shared == alone
    assert len(alone.facts) + len(alone.left_out) == 4 * len(documents)


def test_build_collection_keeps_every_document_and_what_was_left_out() -> None:
    documents = [
        Document(
            name="a.txt",
            title="A",
            text="Following the September 11 attacks, Iran joined the coalition in 2001. Officials said so on Monday.",
        )
    ]
    collection = build_collection(documents)
    assert [fact.when for fact in collection.facts] == ["2001"]
    assert [item.when for item in collection.skipped] == ["September 11", "Monday"]
    # "Following the attacks, Iran joined the coalition" lost the date of its attacks: no card answers
    # with it, but the date card keeps the whole sentence.
    (card,) = collection.flashcards
    assert card.front == "Following the September 11 attacks, Iran joined the coalition in ____. When?"


REAL_DOCUMENTS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt")) + sorted(
    (Path(__file__).resolve().parent / "data" / "eval").glob("*.txt")
)


@pytest.fixture(scope="module")
def real_collection() -> Collection:
    return build_collection([read_document(path) for path in REAL_DOCUMENTS])


def test_real_documents_answer_positions_are_balanced(real_collection: Collection) -> None:
    positions = Counter(question.answer for question in real_collection.questions)
    assert max(positions.values()) / len(real_collection.questions) <= 0.4


def test_real_documents_questions_have_no_defects(real_collection: Collection) -> None:
    for question in real_collection.questions:
        answer = question.options[question.answer]
        assert len(question.options) == 4
        assert len(set(question.options)) == 4, question
        assert answer not in question.stem, question
        if question.asks is Asks.DATE:
            spans = [parse_label(option) for option in question.options]
            assert spans[question.answer] == question.fact.span
            assert len({span.precision for span in spans}) == 1, question
            assert spans == sorted(spans), question
            for position, span in enumerate(spans):
                if position != question.answer:
                    assert not any(span.overlaps(true) for true in question.fact.sentence_spans), question


def test_real_documents_every_fact_has_a_date_question(real_collection: Collection) -> None:
    asked = {question.fact.key for question in real_collection.questions if question.asks is Asks.DATE}
    assert asked == {fact.key for fact in real_collection.facts}


def parse_label(text: str) -> Span:
    """Read an option back into a span, with the finder itself: options must be dates it understands."""
    (mention,) = find_dates(text)
    assert mention.span is not None
    return mention.span
