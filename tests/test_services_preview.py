from __future__ import annotations

import json

from quiz.content import timespan
from quiz.content.facts import Skipped
from quiz.services.preview import preview_json_lines, preview_text
from tests.factories import collection_from, make_document, make_fact

FACT_KEYS = ["kind", "document", "sentence", "when", "start", "end", "precision", "event", "asked"]
MCQ_KEYS = ["kind", "document", "sentence", "asks", "stem", "options", "answer"]
FLASHCARD_KEYS = ["kind", "document", "sentence", "front", "back"]


def test_preview_json_lines_keys_in_the_specified_order(collection):
    records = [json.loads(line) for line in preview_json_lines(collection)]

    expected = {"fact": FACT_KEYS, "mcq": MCQ_KEYS, "flashcard": FLASHCARD_KEYS}
    assert records
    assert all(list(record) == expected[record["kind"]] for record in records)


def test_preview_json_lines_answer_index_in_range(collection):
    records = [json.loads(line) for line in preview_json_lines(collection)]

    mcqs = [record for record in records if record["kind"] == "mcq"]
    assert len(mcqs) == 12
    assert all(0 <= record["answer"] < len(record["options"]) for record in mcqs)


def test_preview_json_lines_per_document_facts_then_mcqs_then_flashcards(collection):
    records = [json.loads(line) for line in preview_json_lines(collection)]

    kinds = [(record["document"], record["kind"]) for record in records]
    rank = {"fact": 0, "mcq": 1, "flashcard": 2}
    assert kinds == sorted(kinds, key=lambda pair: (pair[0], rank[pair[1]]))


def test_preview_json_lines_bc_dates_use_expanded_years():
    fact = make_fact("bc.txt", span=timespan.year(-299), event="Rome fought")
    (line,) = [
        line
        for line in preview_json_lines(collection_from([make_document("bc.txt")], [fact]))
        if "fact" in line[:20]
    ]

    assert json.loads(line)["start"] == "-0299-01-01"
    assert json.loads(line)["when"] == "300 BC"


def test_preview_json_lines_keeps_non_ascii():
    fact = make_fact("x.txt", event="Iran–Pakistan relations began")
    lines = list(preview_json_lines(collection_from([make_document("x.txt")], [fact])))

    assert "Iran–Pakistan" in lines[0]


def test_preview_text_marks_the_correct_option(collection):
    lines = list(preview_text(collection))

    question = collection.questions[0]
    index = lines.index(f"    Question (date): {question.stem}")
    options = lines[index + 1 : index + 1 + len(question.options)]
    assert [line.startswith("      [x]") for line in options] == [
        position == question.answer for position in range(len(question.options))
    ]


def test_preview_text_shows_title_publication_and_label(collection):
    text = "\n".join(preview_text(collection))

    assert "About doc_000.txt (doc_000.txt)" in text
    assert "Published: unknown (not needed: no date in the text depends on it)" in text
    assert "  * 1900 [1900-01-01 to 1900-12-31, year]" in text


def test_preview_text_lists_what_was_left_out():
    skipped = Skipped(document="a.txt", sentence="Someday it rained.", when="someday", reason="no date")
    collection = collection_from([make_document("a.txt")], [], skipped=[skipped])

    lines = list(preview_text(collection))

    assert lines[-2:] == ["Left out (1):", "  - 'someday' in 'Someday it rained.': no date"]
