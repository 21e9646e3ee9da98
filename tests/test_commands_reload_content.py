from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from quiz.management.commands import reload_content
from quiz.models import Assignment, Document, Fact, Membership, Question, SchoolClass
from quiz.services.assignments import student_assignments
from tests.class_factories import make_assignment, make_class, make_teacher
from tests.factories import make_collection
from tests.learning_factories import make_attempt_with_answers, make_user

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("reload_content", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def fake_seeds(monkeypatch, collection):
    """Make the command read the factory collection instead of a directory."""
    monkeypatch.setattr(reload_content, "collection_from_directory", lambda _directory: collection)
    return collection


@pytest.mark.usefixtures("fake_seeds")
def test_reload_content_prints_counts_per_model():
    output = run()

    assert "documents: 2 added, 0 updated, 0 unchanged, 0 retired" in output
    assert "choices: 48 added, 0 updated, 0 unchanged, 0 retired" in output


@pytest.mark.usefixtures("fake_seeds")
def test_reload_content_second_run_reports_no_changes():
    run()

    output = run()

    assert "facts: 0 added, 0 updated, 6 unchanged, 0 retired" in output
    assert "Content already up to date." in output


@pytest.mark.usefixtures("fake_seeds")
def test_reload_content_dry_run_saves_nothing():
    output = run("--dry-run")

    assert "facts: 6 added" in output
    assert Document.objects.count() == 0


@pytest.mark.usefixtures("fake_seeds")
def test_reload_content_bad_document_leaves_database_as_it_was(tmp_path, db_snapshot, monkeypatch):
    run()
    before = db_snapshot()
    monkeypatch.undo()
    (tmp_path / "good.txt").write_text("In 1947 Pakistan became independent.\n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 opened in 1950.\n".encode("latin-1"))

    with pytest.raises(CommandError, match=r"latin1\.txt: not UTF-8 text"):
        run("--seeds", str(tmp_path))

    assert db_snapshot() == before


def test_reload_content_missing_directory_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="no such directory"):
        run("--seeds", str(tmp_path / "nowhere"))


def test_reload_content_real_seeds_loads_facts_and_questions():
    run("--seeds", str(settings.CONTENT_SEEDS_DIR))

    assert Fact.objects.active().count() > 0
    assert Question.objects.live().count() > 0
    assert "0 added, 0 updated" in run("--seeds", str(settings.CONTENT_SEEDS_DIR))


def test_reload_content_keeps_classes_memberships_and_assignments(monkeypatch):
    both, one = make_collection(documents=2, facts=2), make_collection(documents=1, facts=2)
    monkeypatch.setattr(reload_content, "collection_from_directory", lambda _directory: both)
    run()
    ada = make_user("ada")
    school_class = make_class("9B", teachers=(make_teacher("tess"),), students=(ada,))
    kept, retired = Document.objects.order_by("key")
    make_assignment(school_class, kept)
    make_assignment(school_class, retired)
    make_attempt_with_answers(ada, list(Question.objects.filter(fact__document=retired)[:3]))
    before = [
        list(model.objects.order_by("pk").values_list()) for model in (SchoolClass, Membership, Assignment)
    ]

    monkeypatch.setattr(reload_content, "collection_from_directory", lambda _directory: one)
    output = run()

    assert "documents: 0 added, 0 updated, 1 unchanged, 1 retired" in output
    after = [
        list(model.objects.order_by("pk").values_list()) for model in (SchoolClass, Membership, Assignment)
    ]
    assert after == before
    rows = {
        row.assignment.document_id: row for row in student_assignments(user=ada, today=datetime.date.today())
    }
    assert not rows[kept.pk].is_retired
    assert rows[retired.pk].is_retired
    assert rows[retired.pk].progress.answered == 3
