from __future__ import annotations

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection

from quiz.models import Attempt, AttemptQuestion, ContentStamp, Question
from quiz.services.reload import content_reload
from tests.factories import make_collection
from tests.learning_factories import make_attempt_with_answers, make_user

pytestmark = pytest.mark.django_db

migration = importlib.import_module("quiz.migrations.0007_attempt_counters_content_stamp")


def test_counters_migration_counts_the_questions_and_answers_of_existing_attempts():
    content_reload(collection=make_collection())
    student = make_user()
    finished = make_attempt_with_answers(student, list(Question.objects.all()[:4]))
    half = make_attempt_with_answers(student, list(Question.objects.all()[:3]))
    half.items.get(position=3).answer.delete()
    AttemptQuestion.objects.create(
        attempt=half, question=Question.objects.last(), position=4, choice_order=[]
    )
    empty = Attempt.objects.create(user=student)
    Attempt.objects.update(size=0, answered=0)  # as the column was added, before the migration counts

    # The function only reads the editor's connection; SQLite's real editor refuses to open in a transaction.
    migration.attempt_counters_fill(apps, SimpleNamespace(connection=connection))

    counters = {
        pk: (size, answered) for pk, size, answered in Attempt.objects.values_list("pk", "size", "answered")
    }
    assert counters == {finished.pk: (4, 4), half.pk: (4, 2), empty.pk: (0, 0)}


def test_the_migrations_leave_a_content_stamp_row():
    assert ContentStamp.objects.token() is not None
