from __future__ import annotations

import dataclasses
import datetime

import pytest
from django.core.management import call_command

from quiz.models import Choice, Document, Fact, Flashcard, Question
from quiz.services.fixtures import collection_to_fixture, fixture_write
from tests.factories import collection_from, make_collection, make_document


def test_fixture_write_same_collection_same_bytes(tmp_path):
    first, second = tmp_path / "first.json", tmp_path / "nested" / "second.json"

    fixture_write(collection=make_collection(), path=first)
    fixture_write(collection=make_collection(), path=second)

    assert first.read_bytes() == second.read_bytes()
    assert first.read_text(encoding="utf-8").endswith("]\n")


def test_fixture_write_input_order_does_not_matter(tmp_path, collection):
    shuffled = dataclasses.replace(
        collection,
        documents=collection.documents[::-1],
        questions=collection.questions[::-1],
        flashcards=collection.flashcards[::-1],
    )

    fixture_write(collection=collection, path=tmp_path / "a.json")
    fixture_write(collection=shuffled, path=tmp_path / "b.json")

    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_collection_to_fixture_uses_natural_keys_only(collection):
    objects = collection_to_fixture(collection)

    assert all("pk" not in item for item in objects)
    fact = next(item for item in objects if item["model"] == "quiz.fact")
    assert fact["fields"]["document"] == ["doc_000.txt"]
    assert fact["fields"]["key"] == collection.facts[0].key


def test_collection_to_fixture_leaves_out_local_fields(collection):
    objects = collection_to_fixture(collection)

    assert not any("is_enabled" in item["fields"] or "reloaded_at" in item["fields"] for item in objects)


def test_collection_to_fixture_parents_come_first(collection):
    models = [item["model"] for item in collection_to_fixture(collection)]

    order = ["quiz.document", "quiz.fact", "quiz.question", "quiz.choice", "quiz.flashcard"]
    assert sorted(models, key=order.index) == models


def test_collection_to_fixture_dates_are_iso():
    collection = collection_from([make_document("a.txt", published=datetime.date(2025, 5, 27))], [])

    (document,) = collection_to_fixture(collection)

    assert document["fields"]["published"] == "2025-05-27"


@pytest.mark.django_db
def test_fixture_loaddata_fresh_database_loads_everything(tmp_path, collection):
    path = tmp_path / "content.json"
    fixture_write(collection=collection, path=path)

    call_command("loaddata", str(path), verbosity=0)

    counts = [model.objects.count() for model in (Document, Fact, Question, Choice, Flashcard)]
    assert counts == [2, 6, 12, 48, 12]
    assert Question.objects.live().count() == 12


@pytest.mark.django_db
def test_fixture_loaddata_second_load_updates_in_place(tmp_path, collection):
    path = tmp_path / "content.json"
    fixture_write(collection=collection, path=path)
    call_command("loaddata", str(path), verbosity=0)
    question = Question.objects.get(key=collection.questions[0].key)
    Question.objects.filter(pk=question.pk).update(is_enabled=False)
    changed = dataclasses.replace(collection.questions[0], stem="Reworded?")
    fixture_write(
        collection=dataclasses.replace(collection, questions=(changed, *collection.questions[1:])), path=path
    )

    call_command("loaddata", str(path), verbosity=0)

    question.refresh_from_db()
    assert (question.stem, question.is_enabled) == ("Reworded?", False)
    assert Question.objects.count() == 12


def test_fixture_write_one_object_per_line(tmp_path, collection):
    path = tmp_path / "content.json"

    fixture_write(collection=collection, path=path)

    lines = path.read_text(encoding="utf-8").splitlines()
    assert (lines[0], lines[-1]) == ("[", "]")
    assert len(lines) == len(collection_to_fixture(collection)) + 2
