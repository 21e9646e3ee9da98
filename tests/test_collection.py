from __future__ import annotations

import datetime

from quiz.content.collection import DOCUMENTS_PER_WORKER, build_collection
from quiz.content.documents import Document


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
    assert len(alone.facts) == 4 * len(documents)


def test_build_collection_keeps_every_document_and_what_was_left_out() -> None:
    documents = [
        Document(name="a.txt", title="A", text="Following the September 11 attacks, Iran joined in 2001.")
    ]
    collection = build_collection(documents)
    assert [fact.when for fact in collection.facts] == ["2001"]
    assert [item.when for item in collection.skipped] == ["September 11"]
    assert len(collection.flashcards) == 2
