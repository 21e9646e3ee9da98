from __future__ import annotations

import dataclasses
import datetime

import pytest
from django.db import DatabaseError, connection

from quiz.content import timespan
from quiz.models import Choice, Document, Fact, Flashcard, Question
from quiz.services import reload
from quiz.services.reload import ModelCounts, content_reload
from tests.factories import collection_from, make_collection, make_document, make_fact

pytestmark = pytest.mark.django_db


def test_content_reload_empty_database_adds_everything(collection):
    summary = content_reload(collection=collection)

    assert summary.counts == {
        "documents": ModelCounts(added=2, updated=0, unchanged=0, retired=0),
        "facts": ModelCounts(added=6, updated=0, unchanged=0, retired=0),
        "questions": ModelCounts(added=12, updated=0, unchanged=0, retired=0),
        "choices": ModelCounts(added=48, updated=0, unchanged=0, retired=0),
        "flashcards": ModelCounts(added=12, updated=0, unchanged=0, retired=0),
    }
    assert Question.objects.live().count() == 12
    assert Document.objects.filter(reloaded_at__isnull=False).count() == 2


def test_content_reload_second_run_changes_nothing(collection, db_snapshot):
    content_reload(collection=collection)
    before = db_snapshot()

    summary = content_reload(collection=collection)

    assert not summary.changed
    assert summary.counts["choices"] == ModelCounts(added=0, updated=0, unchanged=48, retired=0)
    assert db_snapshot() == before


def test_content_reload_published_document_second_run_unchanged():
    document = make_document("news.txt", published=datetime.date(2025, 5, 27))
    collection = collection_from([document], [make_fact("news.txt")])
    content_reload(collection=collection)

    summary = content_reload(collection=collection)

    assert summary.counts["documents"] == ModelCounts(added=0, updated=0, unchanged=1, retired=0)
    assert Document.objects.get().published == datetime.date(2025, 5, 27)


def test_content_reload_saves_fact_fields(collection):
    content_reload(collection=collection)

    fact = Fact.objects.select_related("document").get(key=collection.facts[1].key)
    assert (fact.document.key, fact.when, fact.start, fact.end, fact.precision) == (
        "doc_000.txt",
        "1901",
        "1901-01-01",
        "1901-12-31",
        "year",
    )
    assert fact.position == 1
    assert fact.span == collection.facts[1].span


def test_content_reload_question_choices_in_order_with_one_correct(collection):
    content_reload(collection=collection)

    question = Question.objects.get(key=collection.questions[0].key)
    choices = list(question.choices.values_list("text", "is_correct"))
    expected = collection.questions[0]
    assert [text for text, _ in choices] == list(expected.options)
    assert [index for index, (_, correct) in enumerate(choices) if correct] == [expected.answer]


def test_content_reload_changed_stem_updates_in_place(collection):
    content_reload(collection=collection)
    question = Question.objects.get(key=collection.questions[0].key)
    changed = dataclasses.replace(collection.questions[0], stem="When, exactly?")
    collection = dataclasses.replace(collection, questions=(changed, *collection.questions[1:]))

    summary = content_reload(collection=collection)

    assert summary.counts["questions"] == ModelCounts(added=0, updated=1, unchanged=11, retired=0)
    assert Question.objects.get(pk=question.pk).stem == "When, exactly?"
    assert Question.objects.count() == 12


def test_content_reload_vanished_fact_retires_its_rows(collection):
    content_reload(collection=collection)
    gone = collection.facts[0]

    summary = content_reload(collection=collection_from(collection.documents, collection.facts[1:]))

    assert summary.counts["facts"].retired == 1
    assert summary.counts["questions"].retired == 2
    assert summary.counts["choices"].retired == 8
    assert summary.counts["flashcards"].retired == 2
    assert Fact.objects.get(key=gone.key).is_active is False
    assert not Question.objects.filter(fact__key=gone.key, is_active=True).exists()
    assert not Choice.objects.filter(question__fact__key=gone.key, is_active=True).exists()
    assert not Flashcard.objects.filter(fact__key=gone.key, is_active=True).exists()
    assert Fact.objects.count() == 6  # kept, not deleted


def test_content_reload_returning_fact_is_reactivated(collection):
    content_reload(collection=collection)
    content_reload(collection=collection_from(collection.documents, collection.facts[1:]))

    summary = content_reload(collection=collection)

    # The returning fact, and the two after it in its document, whose positions move back.
    assert summary.counts["facts"] == ModelCounts(added=0, updated=3, unchanged=3, retired=0)
    assert Fact.objects.active().count() == 6
    assert Question.objects.live().count() == 12


def test_content_reload_vanished_document_is_retired(collection):
    content_reload(collection=collection)
    kept = collection.documents[1].name

    content_reload(collection=collection_from(collection.documents[1:], collection.facts[3:]))

    assert list(Document.objects.active().values_list("key", flat=True)) == [kept]
    assert set(Fact.objects.active().values_list("document__key", flat=True)) == {kept}


def test_content_reload_keeps_teacher_disabled_question(collection):
    content_reload(collection=collection)
    key = collection.questions[0].key
    Question.objects.filter(key=key).update(is_enabled=False)
    changed = dataclasses.replace(collection.questions[0], stem="Reworded?")

    content_reload(collection=dataclasses.replace(collection, questions=(changed, *collection.questions[1:])))

    question = Question.objects.get(key=key)
    assert (question.stem, question.is_enabled) == ("Reworded?", False)
    assert not Question.objects.live().filter(key=key).exists()


def test_content_reload_dry_run_counts_and_saves_nothing(collection):
    summary = content_reload(collection=collection, dry_run=True)

    assert summary.counts["facts"].added == 6
    assert Document.objects.count() == 0


def test_content_reload_bc_fact_sorts_before_ad():
    facts = [make_fact("bc.txt"), make_fact("bc.txt", number=1, span=timespan.year(-299))]
    content_reload(collection=collection_from([make_document("bc.txt")], facts))

    starts = Fact.objects.order_by("start_sort").values_list("start", flat=True)
    assert list(starts) == ["-0299-01-01", "1900-01-01"]


@pytest.mark.django_db(transaction=True)
def test_content_reload_failure_midway_rolls_back(collection, db_snapshot):
    content_reload(collection=collection)
    before = db_snapshot()
    document = dataclasses.replace(collection.documents[0], title="Renamed")
    facts = [dataclasses.replace(fact, event="changed") for fact in collection.facts]
    changed = collection_from([document, *collection.documents[1:]], facts)

    def fail_on_facts(execute, sql, params, many, context):
        if sql.startswith('INSERT INTO "quiz_fact"'):
            raise DatabaseError("injected")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(fail_on_facts), pytest.raises(DatabaseError, match="injected"):
        content_reload(collection=changed)

    assert db_snapshot() == before


def test_content_reload_many_rows_chunks_retirement(monkeypatch):
    monkeypatch.setattr(reload, "RETIRE_CHUNK", 7)
    collection = make_collection(documents=3, facts=10)
    content_reload(collection=collection)

    summary = content_reload(collection=collection_from(collection.documents[:1], collection.facts[:10]))

    assert summary.counts["choices"].retired == 160
    assert Choice.objects.active().count() == 80
