from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse

from quiz.models import Student
from quiz.services.accounts import TEACHERS_GROUP
from quiz.services.reload import content_reload
from tests.factories import make_collection
from tests.learning_factories import make_user

pytestmark = pytest.mark.django_db

QUIZ_ADMINS = sorted(
    (model._meta.model_name for model in admin.site._registry if model._meta.app_label == "quiz"),
)
EXPORTS = ["admin:quiz_student_csv", "admin:quiz_question_statistics_csv"]
# Lookups a teacher could use to binary-search a column the list does not show.
PROBES = [
    "password__startswith=pbkdf2_sha256%24",
    "password__lt=q",
    "password__regex=%5Epbkdf2",
    "user__password__startswith=pbkdf2_sha256%24",
    "user__password__lt=q",
    "attempts__user__password__startswith=p",
    "fact__document__facts__questions__attempt_items__attempt__user__password__lt=q",
    "username=student&password__startswith=pbkdf2",
]


@pytest.fixture
def teacher_client(client):
    content_reload(collection=make_collection(documents=1, facts=2))
    make_user("student")
    teacher = make_user("tess", is_staff=True)
    teacher.groups.add(Group.objects.get(name=TEACHERS_GROUP))
    client.force_login(teacher)
    return client


def test_quiz_admins_are_all_probed():
    assert QUIZ_ADMINS == ["choice", "document", "fact", "flashcard", "question", "schoolclass", "student"]


@pytest.mark.parametrize("probe", PROBES)
@pytest.mark.parametrize("model", QUIZ_ADMINS)
def test_changelist_refuses_lookups_outside_its_filters(teacher_client, model, probe):
    response = teacher_client.get(f"{reverse(f'admin:quiz_{model}_changelist')}?{probe}")

    assert response.status_code == 400
    assert b"student" not in response.content


@pytest.mark.parametrize("probe", PROBES)
@pytest.mark.parametrize("export", EXPORTS)
def test_export_refuses_lookups_outside_its_filters(teacher_client, export, probe):
    response = teacher_client.get(f"{reverse(export)}?{probe}")

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(
    ("url", "query"),
    [
        ("admin:quiz_student_changelist", "active=never"),
        ("admin:quiz_student_changelist", "document=1"),
        ("admin:quiz_student_csv", "active=7d"),
        ("admin:quiz_question_changelist", "asks__exact=date&is_active__exact=1&is_enabled__exact=1"),
        ("admin:quiz_question_changelist", "flag=too-easy"),
        ("admin:quiz_question_statistics_csv", "is_enabled__exact=0"),
        ("admin:quiz_fact_changelist", "precision__exact=year&is_active__exact=1"),
        ("admin:quiz_choice_changelist", "is_correct__exact=1"),
        ("admin:quiz_flashcard_changelist", "direction__exact=date_to_event"),
        ("admin:quiz_document_changelist", "is_active__exact=1"),
    ],
)
def test_the_lists_own_filters_still_work(teacher_client, url, query):
    assert teacher_client.get(f"{reverse(url)}?{query}").status_code == 200


def test_student_list_answers_the_same_with_or_without_a_matching_hash(teacher_client):
    hashed = Student.objects.get(username="student").password
    url = reverse("admin:quiz_student_changelist")

    right = teacher_client.get(f"{url}?password__startswith={hashed[:20]}")
    wrong = teacher_client.get(f"{url}?password__startswith=x")

    assert right.status_code == wrong.status_code == 400
    assert b"student" not in right.content
