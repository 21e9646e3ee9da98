from __future__ import annotations

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import connection

from quiz.services.accounts import TEACHERS_GROUP
from tests.class_factories import make_teacher

pytestmark = pytest.mark.django_db

migration = importlib.import_module("quiz.migrations.0005_classes")
CLASS_PERMISSIONS = {
    f"{action}_{model}"
    for model in ("schoolclass", "membership", "assignment")
    for action in ("view", "add", "change", "delete")
}


def group_codenames() -> set[str]:
    return set(Group.objects.get(name=TEACHERS_GROUP).permissions.values_list("codename", flat=True))


def test_teachers_may_manage_classes_their_students_and_assignments():
    teacher = make_teacher("tess")

    assert group_codenames() >= CLASS_PERMISSIONS
    assert all(teacher.has_perm(f"quiz.{codename}") for codename in CLASS_PERMISSIONS)


def test_classes_permissions_migration_reverses_and_reapplies():
    # The functions only read the editor's connection; SQLite's real editor refuses to open in a transaction.
    editor = SimpleNamespace(connection=connection)

    migration.teachers_may_not_manage_classes(apps, editor)
    assert not group_codenames() & CLASS_PERMISSIONS
    assert not Permission.objects.filter(codename__in=CLASS_PERMISSIONS).exists()
    migration.teachers_may_manage_classes(apps, editor)

    assert group_codenames() >= CLASS_PERMISSIONS
