from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quiz.models import Assignment, Document, Flashcard, Membership, SchoolClass
from quiz.services.reload import content_reload
from tests.class_factories import make_assignment, make_class, make_teacher
from tests.factories import make_collection
from tests.learning_factories import make_card_states, make_user

pytestmark = pytest.mark.django_db

ADD = reverse("admin:quiz_schoolclass_add")
LIST = reverse("admin:quiz_schoolclass_changelist")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def tess():
    return make_teacher("tess")


@pytest.fixture
def tess_client(client, tess):
    client.force_login(tess)
    return client


def class_form(school_class=None, **fields):
    """Return the class's change form as the admin renders it, with `fields` changed."""
    memberships = list(school_class.memberships.order_by("student__username")) if school_class else []
    assignments = list(school_class.assignments.all()) if school_class else []
    form = {
        "name": school_class.name if school_class else "",
        "description": school_class.description if school_class else "",
        "teachers": [teacher.pk for teacher in school_class.teachers.all()] if school_class else [],
        "add_students": "",
        "assignments-TOTAL_FORMS": str(len(assignments) + 1),
        "assignments-INITIAL_FORMS": str(len(assignments)),
        "memberships-TOTAL_FORMS": str(len(memberships)),
        "memberships-INITIAL_FORMS": str(len(memberships)),
    }
    for index, assignment in enumerate(assignments):
        form[f"assignments-{index}-id"] = assignment.pk
        form[f"assignments-{index}-school_class"] = school_class.pk
        form[f"assignments-{index}-document"] = assignment.document_id
        form[f"assignments-{index}-due_date"] = assignment.due_date.isoformat() if assignment.due_date else ""
    for index, membership in enumerate(memberships):
        form[f"memberships-{index}-id"] = membership.pk
        form[f"memberships-{index}-school_class"] = school_class.pk
    return {**form, **fields}


def test_a_teacher_creates_a_class_and_is_its_creator_and_teacher(tess_client, tess):
    theo = make_teacher("theo")

    response = tess_client.post(ADD, class_form(name="9B", description="Year 9, set B", teachers=[theo.pk]))

    assert response.status_code == 302
    school_class = SchoolClass.objects.get()
    assert (school_class.name, school_class.description, school_class.created_by) == (
        "9B",
        "Year 9, set B",
        tess,
    )
    assert set(school_class.teachers.all()) == {tess, theo}
    assert len(school_class.join_code) == 8


def test_the_add_form_offers_the_teacher_as_a_teacher(tess_client, tess):
    response = tess_client.get(ADD)

    assert response.context["adminform"].form.initial["teachers"] == [tess.pk]


def test_only_teachers_can_be_made_teachers_of_a_class(tess_client):
    student = make_user("ada")

    response = tess_client.post(ADD, class_form(name="9B", teachers=[student.pk]))

    assert response.status_code == 200
    assert "teachers" in response.context["adminform"].form.errors
    assert not SchoolClass.objects.exists()


def test_the_creator_stays_a_teacher(tess_client, tess):
    theo = make_teacher("theo")
    school_class = make_class("9B", teachers=(tess, theo))

    tess_client.post(
        reverse("admin:quiz_schoolclass_change", args=[school_class.pk]),
        class_form(school_class, teachers=[theo.pk]),
    )

    assert set(school_class.teachers.all()) == {tess, theo}


def test_the_class_list_shows_only_the_teachers_classes(tess_client, tess):
    make_class("9B", teachers=(tess,), students=(make_user("ada"),))
    make_class("10A", teachers=(make_teacher("theo"),))

    response = tess_client.get(LIST)

    assert [school_class.name for school_class in response.context["cl"].result_list] == ["9B"]
    assert "10A" not in response.text


def test_another_teachers_class_is_not_found(tess_client):
    other = make_class("10A", teachers=(make_teacher("theo"),))

    for url in (
        reverse("admin:quiz_schoolclass_change", args=[other.pk]),
        reverse("admin:quiz_schoolclass_delete", args=[other.pk]),
        reverse("admin:quiz_schoolclass_history", args=[other.pk]),
        reverse("admin:quiz_schoolclass_status_csv", args=[other.pk]),
        reverse("admin:quiz_schoolclass_roster", args=[other.pk]),
    ):
        assert tess_client.get(url).status_code == 404, url
    assert (
        tess_client.post(
            reverse("admin:quiz_schoolclass_change", args=[other.pk]), class_form(other, name="Mine")
        ).status_code
        == 404
    )
    other.refresh_from_db()
    assert other.name == "10A"


def test_add_students_by_username_in_any_letter_case(tess_client, tess):
    ada, brian = make_user("ada"), make_user("Brian")
    school_class = make_class("9B", teachers=(tess,))
    url = reverse("admin:quiz_schoolclass_change", args=[school_class.pk])

    response = tess_client.post(url, class_form(school_class, add_students="ADA, brian"), follow=True)

    assert set(school_class.memberships.values_list("student", flat=True)) == {ada.pk, brian.pk}
    assert "Added 2 student(s) to 9B." in response.text


@pytest.mark.parametrize(
    ("names", "message"),
    [
        ("ada nobody", "No student has the username nobody."),
        ("ada tess", "tess: a teacher&#x27;s or administrator&#x27;s account cannot be a student."),
    ],
)
def test_add_students_with_an_unknown_or_staff_username_adds_nobody(tess_client, tess, names, message):
    make_user("ada")
    school_class = make_class("9B", teachers=(tess,))
    url = reverse("admin:quiz_schoolclass_change", args=[school_class.pk])

    response = tess_client.post(url, class_form(school_class, add_students=names))

    assert response.status_code == 200
    assert message in response.text
    assert not Membership.objects.exists()


def test_a_teacher_takes_a_student_out_of_the_class(tess_client, tess):
    ada, brian = make_user("ada"), make_user("brian")
    school_class = make_class("9B", teachers=(tess,), students=(ada, brian))
    url = reverse("admin:quiz_schoolclass_change", args=[school_class.pk])

    tess_client.post(url, class_form(school_class, **{"memberships-0-DELETE": "on"}))

    assert list(school_class.memberships.values_list("student", flat=True)) == [brian.pk]
    assert ada.pk  # the account itself stays


def test_a_teacher_assigns_a_document_with_a_due_date(tess_client, tess):
    content_reload(collection=make_collection(documents=2, facts=2))
    document = Document.objects.order_by("key").first()
    school_class = make_class("9B", teachers=(tess,))
    url = reverse("admin:quiz_schoolclass_change", args=[school_class.pk])

    fields = {"assignments-0-document": document.pk, "assignments-0-due_date": "2026-03-20"}
    response = tess_client.post(url, class_form(school_class, **fields))

    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert (assignment.school_class, assignment.document, str(assignment.due_date)) == (
        school_class,
        document,
        "2026-03-20",
    )


def test_a_retired_document_cannot_be_newly_assigned_but_an_old_assignment_stays_valid(tess_client, tess):
    content_reload(collection=make_collection(documents=2, facts=2))
    first, second = Document.objects.order_by("key")
    school_class = make_class("9B", teachers=(tess,))
    make_assignment(school_class, second)
    content_reload(collection=make_collection(documents=1, facts=2))  # retires the second document
    url = reverse("admin:quiz_schoolclass_change", args=[school_class.pk])

    kept = tess_client.post(url, class_form(school_class, description="kept"))
    refused = tess_client.post(url, class_form(school_class, **{"assignments-1-document": second.pk}))

    assert kept.status_code == 302
    assert refused.status_code == 200
    assert "That document was retired by a reload" in refused.text
    assert list(Assignment.objects.values_list("document", flat=True)) == [second.pk]
    assert first.is_active


def test_regenerate_join_codes_action_changes_the_code_and_says_the_new_one(tess_client, tess):
    school_class = make_class("9B", teachers=(tess,))
    old = school_class.join_code

    response = tess_client.post(
        LIST, {"action": "join_code_regenerate", "_selected_action": [school_class.pk]}, follow=True
    )

    school_class.refresh_from_db()
    assert school_class.join_code != old
    assert f"9B: {school_class.join_code}" in response.text


def test_the_regenerate_action_cannot_reach_another_teachers_class(tess_client):
    other = make_class("10A", teachers=(make_teacher("theo"),))
    old = other.join_code

    tess_client.post(LIST, {"action": "join_code_regenerate", "_selected_action": [other.pk]})

    other.refresh_from_db()
    assert other.join_code == old


@pytest.fixture
def status_class(tess):
    """A class of two students with one assignment: ada has mastered it, brian has not started."""
    content_reload(collection=make_collection(documents=1, facts=2))
    ada, brian = make_user("ada"), make_user("brian")
    school_class = make_class("9B", teachers=(tess,), students=(ada, brian))
    make_assignment(school_class, Document.objects.get())
    make_card_states(ada, list(Flashcard.objects.all()))
    return school_class


def test_the_class_page_shows_each_students_status_per_assignment(tess_client, status_class):
    response = tess_client.get(reverse("admin:quiz_schoolclass_change", args=[status_class.pk]))

    table = response.text[response.text.index('id="assignment-status"') :]
    assert table.index("ada") < table.index("mastered") < table.index("brian") < table.index("not started")
    assert status_class.join_code in response.text


def test_the_status_csv_has_one_row_per_student_and_assignment(tess_client, status_class):
    response = tess_client.get(reverse("admin:quiz_schoolclass_status_csv", args=[status_class.pk]))

    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert [(row["username"], row["status"]) for row in rows] == [
        ("ada", "mastered"),
        ("brian", "not started"),
    ]


def upload(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("roster.csv", text.encode(), content_type="text/csv")


def test_roster_upload_creates_accounts_adds_students_and_says_what_it_did(tess_client, tess):
    make_user("ada")
    school_class = make_class("9B", teachers=(tess,))
    url = reverse("admin:quiz_schoolclass_roster", args=[school_class.pk])

    response = tess_client.post(
        url, {"roster": upload("username,password\nada\nchloe,amber-lantern-river-7\n")}
    )

    assert response.status_code == 200
    assert "Created 1 account(s) and added 1 existing student(s) to 9B; 0 already in it." in response.text
    assert sorted(school_class.memberships.values_list("student__username", flat=True)) == ["ada", "chloe"]


def test_roster_upload_with_a_bad_line_imports_nothing_and_names_the_line(tess_client, tess):
    school_class = make_class("9B", teachers=(tess,))
    url = reverse("admin:quiz_schoolclass_roster", args=[school_class.pk])

    response = tess_client.post(url, {"roster": upload("chloe,amber-lantern-river-7\ndan,short\n")})

    assert response.status_code == 400
    assert "Nothing was imported" in response.text
    assert "line 2 (dan)" in response.text
    assert not Membership.objects.exists()
    assert not get_user_model().objects.filter(username="chloe").exists()
