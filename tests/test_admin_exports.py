from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from quiz.admin.exports import spreadsheet_safe
from quiz.models import Document, Question
from quiz.services.accounts import TEACHERS_GROUP
from quiz.services.reload import content_reload
from tests.class_factories import TeacherOfEveryone, make_class
from tests.factories import make_collection
from tests.learning_factories import make_attempt_with_answers, make_user

pytestmark = pytest.mark.django_db

FORMULAS = ["+1+1", "-2+3", "@SUM(A1:A9)", "=cmd|' /C calc'!A0", "\tdate", "\r=1+1"]
HUGE = "9" * 30  # beyond any id, and beyond SQLite's integers


@pytest.fixture
def teacher_client(client):
    """Sign a teacher in; the student "ada" has answered one question of the only document."""
    content_reload(collection=make_collection(documents=1, facts=2))
    make_attempt_with_answers(make_user("ada"), [Question.objects.order_by("pk").first()])
    teacher = make_user("tess", is_staff=True)
    teacher.groups.add(Group.objects.get(name=TEACHERS_GROUP))
    client.force_login(teacher)
    return TeacherOfEveryone(client, make_class("9B", teachers=(teacher,)))


def read_csv(response) -> list[list[str]]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize("cell", FORMULAS)
def test_spreadsheet_safe_formula_gets_a_leading_quote(cell):
    assert spreadsheet_safe(cell) == f"'{cell}"


@pytest.mark.parametrize(
    "cell", ["ada", "", "-0.25", "+3", "12", "75.0", "2026-12-01T10:00:00+00:00", 7, None]
)
def test_spreadsheet_safe_text_and_numbers_unchanged(cell):
    assert spreadsheet_safe(cell) == cell


def test_students_csv_neutralises_formula_usernames(teacher_client):
    for username in FORMULAS[:4]:
        make_user(username)

    _header, *rows = read_csv(teacher_client.get(reverse("admin:quiz_student_csv")))

    usernames = {row[0] for row in rows}
    assert usernames == {"ada", *(f"'{username}" for username in FORMULAS[:4])}


def test_statistics_csv_neutralises_formula_stems_and_titles(teacher_client):
    Question.objects.filter(pk=Question.objects.order_by("pk").first().pk).update(stem="=HYPERLINK(x)")
    Document.objects.update(title="@SUM(1)")

    header, *rows = read_csv(teacher_client.get(reverse("admin:quiz_question_statistics_csv")))

    stems = [row[header.index("Question")] for row in rows]
    assert "'=HYPERLINK(x)" in stems
    assert {row[header.index("Document")] for row in rows} == {"'@SUM(1)"}
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)


@pytest.mark.parametrize(
    ("export", "query"),
    [
        ("admin:quiz_question_statistics_csv", "is_active__exact=2"),
        ("admin:quiz_question_statistics_csv", "is_enabled__exact=%00"),
    ],
)
def test_export_bad_filter_value_is_a_400_that_says_so(teacher_client, export, query):
    response = teacher_client.get(f"{reverse(export)}?{query}")

    assert response.status_code == 400
    assert "nothing was exported" in response.text


@pytest.mark.parametrize(
    ("changelist", "query"),
    [
        ("admin:quiz_question_changelist", "is_active__exact=2"),
        ("admin:quiz_document_changelist", "is_active__exact=2"),
    ],
)
def test_changelist_bad_filter_value_redirects_to_its_error_page(teacher_client, changelist, query):
    response = teacher_client.get(f"{reverse(changelist)}?{query}")

    assert (response.status_code, response["Location"]) == (302, f"{reverse(changelist)}?e=1")
    assert teacher_client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("export", ["admin:quiz_student_csv", "admin:quiz_question_statistics_csv"])
def test_export_ignores_the_lists_error_flag(teacher_client, export):
    whole = read_csv(teacher_client.get(reverse(export)))

    assert read_csv(teacher_client.get(f"{reverse(export)}?e=1")) == whole


@pytest.mark.parametrize("value", [HUGE, "²", "-1", "1e3", "abc"])
def test_student_list_and_csv_no_such_document_are_empty(teacher_client, value):
    listed = teacher_client.get(reverse("admin:quiz_student_changelist"), {"document": value})
    exported = teacher_client.get(reverse("admin:quiz_student_csv"), {"document": value})

    assert listed.status_code == 200
    assert list(listed.context["cl"].result_list) == []
    assert len(read_csv(exported)) == 1  # the header alone


def test_student_list_and_csv_real_document_still_filter(teacher_client):
    document = str(Document.objects.get().pk)

    listed = teacher_client.get(reverse("admin:quiz_student_changelist"), {"document": document})
    exported = teacher_client.get(reverse("admin:quiz_student_csv"), {"document": document})

    assert [student.username for student in listed.context["cl"].result_list] == ["ada"]
    assert [row[0] for row in read_csv(exported)[1:]] == ["ada"]
