"""Each teacher sees exactly the students of their own classes, in every admin page and export.

Two teachers with two classes each; ada is in a class of each teacher, brian and chloe in one class each,
dan in none. Everyone answered the same question, once.
"""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from quiz.models import Question
from quiz.services.reload import content_reload
from tests.class_factories import make_class, make_teacher
from tests.factories import make_collection
from tests.learning_factories import make_attempt_with_answers, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def school():
    content_reload(collection=make_collection(documents=1, facts=2))
    question = Question.objects.order_by("pk").first()
    tess, theo = make_teacher("tess"), make_teacher("theo")
    ada, brian, chloe, dan = (make_user(name) for name in ("ada", "brian", "chloe", "dan"))
    for student, correct in ((ada, True), (brian, False), (chloe, True), (dan, True)):
        make_attempt_with_answers(student, [question], correct=correct)
    return {
        "tess": tess,
        "theo": theo,
        "root": make_user("root", is_staff=True, is_superuser=True),
        "question": question,
        "students": {"ada": ada, "brian": brian, "chloe": chloe, "dan": dan},
        "classes": {
            "9A": make_class("9A", teachers=(tess,), students=(ada,)),
            "9B": make_class("9B", teachers=(tess,), students=(brian,)),
            "10C": make_class("10C", teachers=(theo,), students=(ada,)),
            "10D": make_class("10D", teachers=(theo,), students=(chloe,)),
        },
    }


def listed(client, **query) -> list[str]:
    response = client.get(reverse("admin:quiz_student_changelist"), query)
    assert response.status_code == 200
    return sorted(student.username for student in response.context["cl"].result_list)


def exported(client, **query) -> list[str]:
    response = client.get(reverse("admin:quiz_student_csv"), query)
    assert response.status_code == 200
    return sorted(
        row["username"] for row in csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    )


@pytest.mark.parametrize(
    ("user", "expected"),
    [("tess", ["ada", "brian"]), ("theo", ["ada", "chloe"]), ("root", ["ada", "brian", "chloe", "dan"])],
)
def test_each_teacher_lists_and_exports_exactly_their_own_students(client, school, user, expected):
    client.force_login(school[user])

    assert listed(client) == expected
    assert exported(client) == expected


def test_the_class_filter_narrows_the_list_and_the_export_to_one_class(client, school):
    client.force_login(school["tess"])
    nine_a = school["classes"]["9A"].pk

    assert listed(client, **{"class": nine_a}) == ["ada"]
    assert exported(client, **{"class": nine_a}) == ["ada"]


def test_the_class_filter_offers_only_the_teachers_classes(client, school):
    client.force_login(school["tess"])

    response = client.get(reverse("admin:quiz_student_changelist"))

    assert "9A" in response.text
    assert "10C" not in response.text


@pytest.mark.parametrize(
    "view",
    [
        "admin:quiz_student_changelist",
        "admin:quiz_student_csv",
        "admin:quiz_student_class_progress",
        "admin:quiz_question_changelist",
        "admin:quiz_question_statistics_csv",
        "admin:quiz_question_hardest",
    ],
)
@pytest.mark.parametrize("value", ["other", "999999", "x"])
def test_another_teachers_class_or_a_forged_id_is_not_found(client, school, view, value):
    client.force_login(school["tess"])
    class_id = str(school["classes"]["10C"].pk) if value == "other" else value

    response = client.get(reverse(view), {"class": class_id})

    assert response.status_code == 404
    assert "chloe" not in response.text


def test_another_teachers_student_is_not_found(client, school):
    client.force_login(school["tess"])
    chloe = school["students"]["chloe"]

    for view in ("admin:quiz_student_change", "admin:quiz_student_history"):
        response = client.get(reverse(view, args=[chloe.pk]))
        assert response.status_code == 404, view
    assert (
        client.get(reverse("admin:quiz_student_change", args=[school["students"]["ada"].pk])).status_code
        == 200
    )


def test_class_progress_counts_only_the_teachers_students_or_one_class(client, school):
    client.force_login(school["tess"])
    url = reverse("admin:quiz_student_class_progress")

    whole = client.get(url)
    one = client.get(url, {"class": school["classes"]["9B"].pk})

    assert whole.context["student_count"] == 2
    assert one.context["student_count"] == 1
    assert one.context["title"] == "Class progress: 9B"


def statistics_row(client, school, **query) -> dict[str, str]:
    response = client.get(reverse("admin:quiz_question_statistics_csv"), query)
    rows = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    return next(row for row in rows if row["Question id"] == str(school["question"].pk))


def test_question_statistics_count_only_the_teachers_students_answers(client, school):
    client.force_login(school["tess"])

    mine = statistics_row(client, school)
    nine_a = statistics_row(client, school, **{"class": school["classes"]["9A"].pk})
    client.force_login(school["root"])
    everyone = statistics_row(client, school)

    assert (mine["Answered"], mine["Facility (%)"]) == ("2", "50.0")  # ada right, brian wrong
    assert (nine_a["Answered"], nine_a["Facility (%)"]) == ("1", "100.0")
    assert (everyone["Answered"], everyone["Facility (%)"]) == ("4", "75.0")


def test_the_question_list_and_page_count_only_the_teachers_students(client, school):
    client.force_login(school["theo"])
    question = school["question"]

    listed_question = next(
        row
        for row in client.get(reverse("admin:quiz_question_changelist")).context["cl"].result_list
        if row.pk == question.pk
    )
    page = client.get(reverse("admin:quiz_question_change", args=[question.pk]))

    assert listed_question.answer_count == 2  # ada and chloe
    assert sum(pick.picks for pick in page.context["option_picks"]) == 2
