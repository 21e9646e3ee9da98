from __future__ import annotations

import pytest
from django.db import IntegrityError

from quiz.content import questions, timespan
from quiz.models import Asks, Choice, Direction, Document, Fact, Precision, Question
from quiz.services.reload import content_reload

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(collection):
    content_reload(collection=collection)
    return collection


def test_get_by_natural_key_finds_each_model(loaded):
    question = loaded.questions[0]

    assert Document.objects.get_by_natural_key("doc_000.txt").natural_key() == ("doc_000.txt",)
    assert Fact.objects.get_by_natural_key(question.fact.key).key == question.fact.key
    assert Question.objects.get_by_natural_key(question.key).natural_key() == (question.key,)


@pytest.mark.usefixtures("loaded")
def test_question_live_leaves_out_disabled_retired_and_retired_fact():
    first, second, third = Question.objects.order_by("pk")[:3]
    Question.objects.filter(pk=first.pk).update(is_enabled=False)
    Question.objects.filter(pk=second.pk).update(is_active=False)
    Fact.objects.filter(pk=third.fact_id).update(is_active=False)

    live = set(Question.objects.live().values_list("pk", flat=True))

    assert live.isdisjoint({first.pk, second.pk, third.pk})
    assert len(live) == 12 - 4  # the third question's fact has two questions


def test_document_with_counts_counts_active_facts_and_live_questions(loaded):
    Fact.objects.filter(key=loaded.facts[0].key).update(is_active=False)
    Question.objects.filter(key=loaded.questions[2].key).update(is_enabled=False)

    counts = dict(Document.objects.with_counts().values_list("key", "fact_count"))
    questions = dict(Document.objects.with_counts().values_list("key", "question_count"))

    assert counts == {"doc_000.txt": 2, "doc_001.txt": 3}
    assert questions == {"doc_000.txt": 3, "doc_001.txt": 6}


def test_fact_span_round_trips_bc_dates():
    span = timespan.century(3, bc=True)
    fact = Fact(start=span.start.iso(), end=span.end.iso(), precision="century")

    assert fact.span == span


def test_fact_start_after_end_is_refused(loaded):
    with pytest.raises(IntegrityError):
        Fact.objects.filter(key=loaded.facts[0].key).update(start_sort=99_999_999)


@pytest.mark.usefixtures("loaded")
def test_choice_empty_text_is_refused():
    with pytest.raises(IntegrityError):
        Choice.objects.filter(pk=Choice.objects.first().pk).update(text="")


def test_str_reads_like_the_content(loaded):
    fact = Fact.objects.get(key=loaded.facts[0].key)

    assert str(fact) == f"1900: {loaded.facts[0].event}"
    assert str(Document.objects.get(key="doc_000.txt")) == "About doc_000.txt"


def test_choices_match_the_content_pipeline():
    assert {choice.value for choice in Precision} == {item.value for item in timespan.Precision}
    assert {choice.value for choice in Asks} == {item.value for item in questions.Asks}
    assert {choice.value for choice in Direction} == {item.value for item in questions.Direction}
