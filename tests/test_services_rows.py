from __future__ import annotations

import dataclasses

import pytest

from quiz.models import Choice, Document
from quiz.services.rows import ContentError, choice_key, content_rows, document_hash
from tests.factories import collection_from, make_document, make_fact


def test_content_rows_choice_keys_follow_question_and_text(collection):
    choices = next(level for level in content_rows(collection) if level.model is Choice)

    question = collection.questions[0]
    assert list(choices.rows)[:4] == [choice_key(question.key, text) for text in question.options]


def test_content_rows_fact_positions_count_within_each_document(collection):
    _, facts, *_ = content_rows(collection)

    position = facts.fields.index("position")
    positions = [(values[0], values[position]) for values in facts.rows.values()]
    assert positions == [(f"doc_00{d}.txt", p) for d in range(2) for p in range(3)]


def test_content_rows_duplicate_options_raise():
    fact = make_fact("a.txt")
    collection = collection_from([make_document("a.txt")], [fact])
    question = dataclasses.replace(collection.questions[0], options=("1900", "1900", "1901", "1902"))

    with pytest.raises(ContentError, match="share the key"):
        content_rows(dataclasses.replace(collection, questions=(question,)))


def test_content_rows_fact_of_unknown_document_raises():
    collection = collection_from([make_document("a.txt")], [make_fact("missing.txt")])

    with pytest.raises(ContentError, match=r"missing\.txt"):
        content_rows(collection)


def test_document_hash_changes_with_text():
    document = make_document("a.txt")

    assert document_hash(document) != document_hash(dataclasses.replace(document, text="Other text."))
    assert document_hash(document) == document_hash(make_document("a.txt"))


def test_content_rows_documents_sorted_by_name(collection):
    reverse = dataclasses.replace(collection, documents=collection.documents[::-1])

    documents = next(level for level in content_rows(reverse) if level.model is Document)

    assert list(documents.rows) == ["doc_000.txt", "doc_001.txt"]
