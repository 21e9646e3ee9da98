from __future__ import annotations

import csv
import datetime
import io

import pytest
from axes.models import AccessAttempt
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from quiz.admin.students import StudentAdmin
from quiz.models import (
    Answer,
    Attempt,
    AttemptQuestion,
    CardStage,
    CardState,
    Choice,
    Document,
    Flashcard,
    Question,
    Student,
    TemporaryPassword,
)
from quiz.services import class_progress
from quiz.services.accounts import TEACHERS_GROUP
from quiz.services.reload import content_reload
from tests.class_factories import TeacherOfEveryone, make_class
from tests.factories import make_collection
from tests.learning_factories import make_attempt_with_answers, make_card_states, make_user

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:quiz_student_changelist"


@pytest.fixture(autouse=True)
def _content():
    """Load 2 documents of 3 facts: 12 questions and 12 flashcards."""
    content_reload(collection=make_collection(documents=2, facts=3))


@pytest.fixture
def teacher_client(client):
    teacher = make_user("tess", is_staff=True)
    teacher.groups.add(Group.objects.get(name=TEACHERS_GROUP))
    client.force_login(teacher)
    return TeacherOfEveryone(client, make_class("9B", teachers=(teacher,)))


def questions_of(document_key: str) -> list[Question]:
    return list(Question.objects.filter(fact__document__key=document_key).order_by("key"))


def cards_of(document_key: str) -> list[Flashcard]:
    return list(Flashcard.objects.filter(fact__document__key=document_key).order_by("key"))


def make_ada() -> object:
    """Make a student with 2 attempts, 4 answers of which 3 right, 3 of 12 cards mastered and 2 due."""
    ada = make_user("ada")
    now = timezone.now()
    first = questions_of("doc_000.txt")
    make_attempt_with_answers(ada, first[:2], correct=True, when=now - datetime.timedelta(days=3))
    make_attempt_with_answers(ada, first[2:4], correct=[True, False], when=now - datetime.timedelta(hours=1))
    cards = cards_of("doc_000.txt")
    make_card_states(ada, cards[:3], stage=CardStage.REVIEW, due=now + datetime.timedelta(days=5))
    make_card_states(ada, cards[3:5], stage=CardStage.LEARNING, due=now - datetime.timedelta(minutes=1))
    return ada


def make_students(count: int) -> None:
    """Bulk-create `count` students, each with an attempt of 5 answers and 4 card schedules."""
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"pupil{index:04d}", password="!") for index in range(count)
    )
    questions = list(Question.objects.values_list("pk", flat=True))[:5]
    choices = {
        question: pk for pk, question in Choice.objects.filter(is_correct=True).values_list("pk", "question")
    }
    cards = list(Flashcard.objects.values_list("pk", flat=True))[:4]
    now = timezone.now()
    attempts = Attempt.objects.bulk_create(Attempt(user=user, finished_at=now) for user in users)
    items = AttemptQuestion.objects.bulk_create(
        AttemptQuestion(attempt=attempt, question_id=question, position=position, choice_order=[])
        for attempt in attempts
        for position, question in enumerate(questions, start=1)
    )
    Answer.objects.bulk_create(
        Answer(
            item=item,
            user_id=item.attempt.user_id,
            question_id=item.question_id,
            choice_id=choices[item.question_id],
            is_correct=True,
            is_first_try=True,
            answered_at=now,
        )
        for item in items
    )
    CardState.objects.bulk_create(
        CardState(user=user, flashcard_id=card, stage=CardStage.REVIEW, due=now, reviews=1)
        for user in users
        for card in cards
    )


def changelist_rows(response) -> dict[str, list[str]]:
    """Return the figures of each row of the changelist, as the page shows them, by username."""
    cl = response.context["cl"]
    model_admin = cl.model_admin
    columns = ("attempts", "answered", "accuracy", "mastery", "due")
    return {
        student.username: [str(getattr(model_admin, column)(student)) for column in columns]
        for student in cl.result_list
    }


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_student_changelist_shows_each_students_figures(teacher_client):
    make_ada()
    make_user("brian")

    response = teacher_client.get(reverse(CHANGELIST))

    assert response.status_code == 200
    assert changelist_rows(response) == {
        "ada": ["2", "4", "75", "25", "2"],
        "brian": ["0", "0", "None", "0", "0"],
    }
    assert "never" in response.content.decode()


def test_student_changelist_leaves_out_staff_and_superusers(teacher_client):
    make_user("ada")
    make_user("root", is_superuser=True)

    response = teacher_client.get(reverse(CHANGELIST))

    assert list(changelist_rows(response)) == ["ada"]


def test_student_changelist_mastery_ignores_retired_cards(teacher_client):
    make_ada()
    Flashcard.objects.filter(fact__document__key="doc_001.txt").update(is_active=False)

    response = teacher_client.get(reverse(CHANGELIST))

    assert changelist_rows(response)["ada"][3] == "50"  # 3 of the 6 cards still in the documents


def test_student_changelist_search_by_username(teacher_client):
    make_ada()
    make_user("brian")

    response = teacher_client.get(reverse(CHANGELIST), {"q": "bri"})

    assert list(changelist_rows(response)) == ["brian"]


def test_student_changelist_filters_by_document(teacher_client):
    make_ada()
    brian = make_user("brian")
    make_attempt_with_answers(brian, questions_of("doc_001.txt")[:1])
    second = Document.objects.get(key="doc_001.txt")

    response = teacher_client.get(reverse(CHANGELIST), {"document": second.pk})

    assert list(changelist_rows(response)) == ["brian"]


def test_student_changelist_filters_by_last_activity(teacher_client):
    make_ada()  # last answered an hour ago
    brian = make_user("brian")
    make_attempt_with_answers(
        brian, questions_of("doc_001.txt")[:1], when=timezone.now() - datetime.timedelta(days=20)
    )
    make_user("cleo")

    week = teacher_client.get(reverse(CHANGELIST), {"active": "7d"})
    month = teacher_client.get(reverse(CHANGELIST), {"active": "30d"})
    never = teacher_client.get(reverse(CHANGELIST), {"active": "never"})

    assert list(changelist_rows(week)) == ["ada"]
    assert list(changelist_rows(month)) == ["ada", "brian"]
    assert list(changelist_rows(never)) == ["cleo"]


def test_student_changelist_orders_by_accuracy(teacher_client):
    make_ada()  # 75%
    brian = make_user("brian")
    make_attempt_with_answers(brian, questions_of("doc_001.txt")[:2], correct=[True, False])  # 50%

    response = teacher_client.get(reverse(CHANGELIST), {"o": "3"})

    assert list(changelist_rows(response)) == ["brian", "ada"]


@pytest.mark.parametrize("count", [10, 200])
def test_student_changelist_queries_do_not_grow_with_students(
    teacher_client, django_assert_max_num_queries, count
):
    make_students(count)
    document = Document.objects.first()

    teacher_client.enrol()
    # Session, user, two for permissions, the class and document filters' choices, the count, the page.
    with django_assert_max_num_queries(8):
        response = teacher_client.client.get(reverse(CHANGELIST), {"document": document.pk})

    assert len(changelist_rows(response)) == min(count, 100)


def test_student_change_page_shows_documents_and_recent_attempts(teacher_client):
    ada = make_ada()

    response = teacher_client.get(reverse("admin:quiz_student_change", args=[ada.pk]))

    assert response.status_code == 200
    total, first, second = response.context["breakdown"]
    assert (total.progress.title, total.answered, total.accuracy, total.progress.mastery) == (
        "All documents",
        4,
        75,
        25,
    )
    assert (first.progress.facts, first.answered, first.accuracy, first.progress.mastery) == (3, 4, 75, 50)
    assert (second.answered, second.accuracy) == (0, None)
    attempts = list(response.context["recent_attempts"])
    assert [(attempt.correct_count, attempt.question_count) for attempt in attempts] == [(1, 2), (2, 2)]
    page = response.content.decode()
    assert 'id="student-documents"' in page
    assert "1 of 2" in page
    assert 'name="_save"' not in page


def test_student_change_page_lists_at_most_ten_attempts(teacher_client):
    ada = make_user("ada")
    question = questions_of("doc_000.txt")[0]
    for _ in range(12):
        make_attempt_with_answers(ada, [question])

    response = teacher_client.get(reverse("admin:quiz_student_change", args=[ada.pk]))

    assert len(response.context["recent_attempts"]) == 10


def test_student_admin_cannot_add_or_delete(teacher_client, admin_client):
    ada = make_user("ada")

    for client in (teacher_client, admin_client):
        assert client.get(reverse("admin:quiz_student_add")).status_code == 403
        assert (
            client.post(reverse("admin:quiz_student_delete", args=[ada.pk]), {"post": "yes"}).status_code
            == 403
        )
    assert type(ada).objects.filter(pk=ada.pk).exists()


def test_students_csv_matches_the_changelist(teacher_client):
    make_ada()
    make_user("brian")

    page = changelist_rows(teacher_client.get(reverse(CHANGELIST)))
    response = teacher_client.get(reverse("admin:quiz_student_csv"))

    header, *rows = read_csv(response)
    assert header[:3] == ["username", "attempts", "questions answered"]
    columns = [
        header.index(name)
        for name in ("attempts", "questions answered", "accuracy (%)", "mastery (%)", "cards due")
    ]
    exported = {row[0]: [row[column] or "None" for column in columns] for row in rows}
    assert exported == page


def test_students_csv_is_utf8_with_bom_and_iso_dates(teacher_client):
    make_ada()

    response = teacher_client.get(reverse("admin:quiz_student_csv"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    assert "attachment" in response["Content-Disposition"]
    header, row = read_csv(response)
    last_activity = datetime.datetime.fromisoformat(row[header.index("last activity")])
    assert timezone.now() - last_activity < datetime.timedelta(hours=2)


def test_students_csv_honours_the_search_and_filters(teacher_client):
    make_ada()
    make_user("brian")

    searched = read_csv(teacher_client.get(reverse("admin:quiz_student_csv"), {"q": "ada"}))
    never = read_csv(teacher_client.get(reverse("admin:quiz_student_csv"), {"active": "never"}))

    assert [row[0] for row in searched[1:]] == ["ada"]
    assert [row[0] for row in never[1:]] == ["brian"]


def test_students_changelist_links_to_export_and_charts(teacher_client):
    response = teacher_client.get(reverse(CHANGELIST), {"q": "ada"})

    page = response.content.decode()
    assert f'href="{reverse("admin:quiz_student_csv")}?q=ada"' in page
    assert f'href="{reverse("admin:quiz_student_class_progress")}"' in page


def test_class_progress_draws_both_charts_with_tables(teacher_client):
    make_ada()
    make_user("brian")

    response = teacher_client.get(reverse("admin:quiz_student_class_progress"))

    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('role="img"') == 2
    assert '<title id="class-accuracy-title">' in page
    assert '<desc id="mastery-desc">' in page
    assert 'id="class-accuracy-table"' in page
    assert 'id="mastery-table"' in page
    assert [bar.value for bar in response.context["mastery_chart"].bars] == [1, 0, 1, 0, 0, 0, 0, 0, 0, 0]


def test_class_progress_needs_view_student(client):
    staff = make_user("staff", is_staff=True)
    client.force_login(staff)

    assert client.get(reverse("admin:quiz_student_class_progress")).status_code == 403
    assert client.get(reverse("admin:quiz_student_csv")).status_code == 403


def test_class_accuracy_by_day_counts_every_student_but_not_staff():
    today = timezone.localdate()
    questions = questions_of("doc_000.txt")
    make_attempt_with_answers(make_user("ada"), questions[:2], correct=[True, False])
    make_attempt_with_answers(make_user("brian"), questions[:2], correct=True)
    make_attempt_with_answers(make_user("tess", is_staff=True), questions[:2], correct=False)

    days = class_progress.class_accuracy_by_day(today=today)

    assert len(days) == 30
    assert (days[-1].day, days[-1].answered, days[-1].correct, days[-1].accuracy) == (today, 4, 3, 75)
    assert all(day.answered == 0 for day in days[:-1])


def test_mastery_distribution_puts_full_mastery_in_the_top_band():
    ada = make_user("ada")
    make_card_states(ada, list(Flashcard.objects.all()))
    brian = make_user("brian")
    make_card_states(brian, list(Flashcard.objects.order_by("pk"))[:6])  # 50%

    bands = class_progress.mastery_distribution(now=timezone.now())

    assert [band.students for band in bands] == [0, 0, 0, 0, 0, 1, 0, 0, 0, 1]
    assert (bands[0].label, bands[-1].label) == ("0–9%", "90–100%")


# Temporary passwords: a teacher sets one for a student the list shows; the student must change it.

TEMPORARY = "lighthouse-ferry-2026"


def set_temporary(client, student_pk: object, password: str = TEMPORARY, password2: str | None = None):
    return client.post(
        reverse("admin:quiz_student_temporary_password", args=[student_pk]),
        {"new_password1": password, "new_password2": password if password2 is None else password2},
    )


def test_temporary_password_replaces_the_students_and_is_recorded(teacher_client):
    ada = make_user("ada")

    response = set_temporary(teacher_client, ada.pk)

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:quiz_student_change", args=[ada.pk])
    ada.refresh_from_db()
    assert ada.check_password(TEMPORARY)
    record = TemporaryPassword.objects.get(user=ada)
    assert record.set_by.username == "tess"
    entry = LogEntry.objects.get(object_id=str(ada.pk))
    assert entry.get_change_message() == "Set a temporary password."
    assert TEMPORARY not in entry.get_change_message()


def test_temporary_password_page_shows_the_form_and_the_students_page_links_it(teacher_client):
    ada = make_user("ada")

    form_page = teacher_client.get(reverse("admin:quiz_student_temporary_password", args=[ada.pk]))
    student_page = teacher_client.get(reverse("admin:quiz_student_change", args=[ada.pk]))

    html = form_page.content.decode()
    assert form_page.status_code == 200
    assert 'for="id_new_password1"' in html
    assert 'for="id_new_password2"' in html
    url = reverse("admin:quiz_student_temporary_password", args=[ada.pk])
    assert f'href="{url}"' in student_page.content.decode()
    assert "The student chose their own password." in student_page.content.decode()


def test_students_page_says_a_temporary_password_is_pending(teacher_client):
    ada = make_user("ada")
    set_temporary(teacher_client, ada.pk)

    html = teacher_client.get(reverse("admin:quiz_student_change", args=[ada.pk])).content.decode()

    assert "A temporary password was set by tess on" in html
    assert "has not chosen their own yet" in html


@pytest.mark.parametrize(
    ("password", "password2", "code"),
    [
        ("tiny-7Qx", None, "password_too_short"),
        ("password123", None, "password_too_common"),
        ("lovelacebyron", None, "password_too_similar"),
        (TEMPORARY, "lighthouse-ferry-2027", "password_mismatch"),
    ],
)
def test_temporary_password_bad_input_is_refused_and_changes_nothing(
    teacher_client, password, password2, code
):
    ada = make_user("ada", last_name="Lovelacebyron")
    before = ada.password

    response = set_temporary(teacher_client, ada.pk, password, password2)

    assert response.status_code == 200
    assert response.context["form"].has_error("new_password2", code=code)
    ada.refresh_from_db()
    assert ada.password == before
    assert not TemporaryPassword.objects.exists()
    assert not LogEntry.objects.exists()


def test_temporary_password_for_an_id_outside_the_student_list_is_not_found(teacher_client):
    staff = make_user("root", is_staff=True, is_superuser=True)

    responses = [set_temporary(teacher_client, staff.pk), set_temporary(teacher_client, 10**12)]

    assert [response.status_code for response in responses] == [404, 404]
    staff.refresh_from_db()
    assert not staff.check_password(TEMPORARY)
    assert not TemporaryPassword.objects.exists()


def test_temporary_password_takes_the_student_through_the_admins_queryset(teacher_client, monkeypatch):
    # The classes branch scopes StudentAdmin.get_queryset to a teacher's own classes; this view follows it.
    ada = make_user("ada")
    monkeypatch.setattr(StudentAdmin, "get_queryset", lambda *_: Student.objects.none())

    response = set_temporary(teacher_client, ada.pk)

    assert response.status_code == 404
    ada.refresh_from_db()
    assert not ada.check_password(TEMPORARY)


def test_temporary_password_needs_the_permission(client):
    ada = make_user("ada")
    staff = make_user("inspector", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_student"))
    make_class("9B", teachers=(staff,), students=(ada,))
    client.force_login(staff)

    page = client.get(reverse("admin:quiz_student_change", args=[ada.pk]))
    response = set_temporary(client, ada.pk)

    assert page.status_code == 200
    assert reverse("admin:quiz_student_temporary_password", args=[ada.pk]) not in page.content.decode()
    assert response.status_code == 403
    ada.refresh_from_db()
    assert not ada.check_password(TEMPORARY)


def test_temporary_password_of_a_student_of_another_class_is_404_and_changes_nothing(client):
    ada = make_user("ada")
    mine, theirs = make_user("tess", is_staff=True), make_user("tom", is_staff=True)
    for teacher in (mine, theirs):
        teacher.groups.add(Group.objects.get(name=TEACHERS_GROUP))
    make_class("9B", teachers=(theirs,), students=(ada,))
    make_class("9C", teachers=(mine,))
    client.force_login(mine)

    page = client.get(reverse("admin:quiz_student_temporary_password", args=[ada.pk]))
    response = set_temporary(client, ada.pk)

    assert (page.status_code, response.status_code) == (404, 404)
    ada.refresh_from_db()
    assert not ada.check_password(TEMPORARY)


def test_temporary_password_lifts_the_students_sign_in_lock_out(teacher_client):
    ada = make_user("ada")
    for _ in range(5):
        Client().post(reverse("quiz:login"), {"username": "ada", "password": "wrong-password"})
    assert AccessAttempt.objects.filter(username="ada").exists()

    set_temporary(teacher_client, ada.pk)
    response = Client().post(reverse("quiz:login"), {"username": "ada", "password": TEMPORARY})

    assert response.status_code == 302
    assert response["Location"] == reverse("quiz:password_change")
