from __future__ import annotations

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.db import connection
from django.urls import reverse

from quiz.models import Answer, Question, Review
from quiz.services.accounts import TEACHERS_GROUP
from quiz.services.reload import content_reload
from tests.factories import make_collection
from tests.learning_factories import make_user

pytestmark = pytest.mark.django_db

migration = importlib.import_module("quiz.migrations.0004_teachers_group")
temporary_password_migration = importlib.import_module("quiz.migrations.0006_temporary_password")
classes_migration = importlib.import_module("quiz.migrations.0005_classes")

EXPECTED = {
    "view_document",
    "view_fact",
    "view_question",
    "change_question",
    "view_choice",
    "view_flashcard",
    "view_attempt",
    "view_attemptquestion",
    "view_answer",
    "view_cardstate",
    "view_review",
    "view_student",
    "set_temporary_password",  # added by 0006_temporary_password
}


@pytest.fixture
def teacher():
    user = make_user("tess", is_staff=True)
    user.groups.add(Group.objects.get(name=TEACHERS_GROUP))
    return user


@pytest.fixture
def teacher_client(client, teacher):
    client.force_login(teacher)
    return client


def test_teachers_group_has_exactly_the_expected_permissions():
    group = Group.objects.get(name=TEACHERS_GROUP)

    permissions = set(group.permissions.values_list("content_type__app_label", "codename"))

    assert permissions == {("quiz", codename) for codename in EXPECTED | set(classes_migration.PERMISSIONS)}


def test_teachers_group_migration_reverses_and_reapplies():
    # The functions only read the editor's connection; SQLite's real editor refuses to open in a transaction.
    editor = SimpleNamespace(connection=connection)
    migration.teachers_group_delete(apps, editor)
    assert not Group.objects.filter(name=TEACHERS_GROUP).exists()
    migration.teachers_group_create(apps, editor)
    temporary_password_migration.teachers_may_set_temporary_passwords(apps, editor)

    assert (  # 0004's permissions only: 0005_classes adds those on classes
        set(Group.objects.get(name=TEACHERS_GROUP).permissions.values_list("codename", flat=True)) == EXPECTED
    )


def test_temporary_password_migration_reverses_and_reapplies():
    editor = SimpleNamespace(connection=connection)
    group = Group.objects.get(name=TEACHERS_GROUP)

    temporary_password_migration.teachers_may_not_set_temporary_passwords(apps, editor)
    reversed_codenames = set(group.permissions.values_list("codename", flat=True))
    temporary_password_migration.teachers_may_set_temporary_passwords(apps, editor)

    on_classes = set(classes_migration.PERMISSIONS)
    assert reversed_codenames == (EXPECTED | on_classes) - {"set_temporary_password"}
    assert set(group.permissions.values_list("codename", flat=True)) == EXPECTED | on_classes


def test_teacher_can_view_students_and_questions(teacher_client):
    content_reload(collection=make_collection())

    assert teacher_client.get(reverse("admin:quiz_student_changelist")).status_code == 200
    assert teacher_client.get(reverse("admin:quiz_question_changelist")).status_code == 200


def test_teacher_can_switch_a_question_off(teacher_client):
    content_reload(collection=make_collection())
    question = Question.objects.first()

    response = teacher_client.post(reverse("admin:quiz_question_change", args=[question.pk]), {})

    assert response.status_code == 302
    question.refresh_from_db()
    assert not question.is_enabled


@pytest.mark.parametrize("view", ["admin:auth_user_add", "admin:auth_user_changelist"])
def test_teacher_cannot_manage_accounts(teacher_client, view):
    assert teacher_client.get(reverse(view)).status_code == 403


def test_teacher_cannot_change_a_user(teacher_client, teacher):
    url = reverse("admin:auth_user_change", args=[teacher.pk])

    assert teacher_client.get(url).status_code == 403
    assert teacher_client.post(url, {"username": "renamed", "is_superuser": "on"}).status_code == 403
    teacher.refresh_from_db()
    assert (teacher.username, teacher.is_superuser) == ("tess", False)


def test_teacher_cannot_change_a_student(teacher_client):
    student = make_user("ada")
    url = reverse("admin:quiz_student_change", args=[student.pk])

    response = teacher_client.post(url, {"username": "renamed", "is_staff": "on"})

    assert response.status_code == 403
    student.refresh_from_db()
    assert (student.username, student.is_staff) == ("ada", False)


@pytest.mark.parametrize("model", [Answer, Review])
def test_teacher_cannot_add_change_or_delete_history(teacher, model):
    name = model._meta.model_name

    assert teacher.has_perm(f"quiz.view_{name}")
    assert not any(teacher.has_perm(f"quiz.{action}_{name}") for action in ("add", "change", "delete"))


@pytest.mark.parametrize("model", ["answer", "review"])
def test_teacher_gets_no_admin_page_to_edit_history(teacher_client, model):
    assert teacher_client.get(f"/admin/quiz/{model}/1/change/").status_code in {403, 404}


def test_student_is_sent_to_the_admin_login(client):
    client.force_login(make_user("ada"))

    response = client.get(reverse("admin:quiz_student_changelist"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
