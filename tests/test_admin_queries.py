"""Every teacher page runs the same number of queries for a small school and for a bigger one.

The bigger school has more classes, more students per class, more assignments and more answers; the
pages are measured for a teacher of all the classes, on the newest class (the biggest) and its student.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from quiz.models import Document, Flashcard, Question, SchoolClass, Student
from quiz.services.reload import content_reload
from tests.class_factories import make_assignment, make_class, make_teacher
from tests.factories import make_collection
from tests.learning_factories import make_attempt_with_answers, make_card_states, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def grow(teacher, *, classes: int, students: int) -> None:
    """Add classes of `students` students each, every document assigned, every student with answers."""
    documents = list(Document.objects.all())
    questions = list(Question.objects.all())
    cards = list(Flashcard.objects.all())
    for _ in range(classes):
        members = tuple(make_user() for _ in range(students))
        school_class = make_class(
            f"class {SchoolClass.objects.count() + 1}", teachers=(teacher,), students=members
        )
        for document in documents:
            make_assignment(school_class, document)
        for number, student in enumerate(members):
            make_attempt_with_answers(student, questions[number % 3 :: 3], correct=number % 2 == 0)
            make_card_states(student, cards[number % 2 :: 2])


def pages() -> list[tuple[str, str]]:
    school_class = SchoolClass.objects.order_by("pk").last()  # the newest class is the biggest
    student = Student.objects.in_class(school_class.pk).order_by("pk").last()
    question = Question.objects.order_by("pk").first()
    narrowed = f"?class={school_class.pk}"
    return [
        ("class list", reverse("admin:quiz_schoolclass_changelist")),
        ("class page", reverse("admin:quiz_schoolclass_change", args=[school_class.pk])),
        ("class status CSV", reverse("admin:quiz_schoolclass_status_csv", args=[school_class.pk])),
        ("class roster", reverse("admin:quiz_schoolclass_roster", args=[school_class.pk])),
        ("student list", reverse("admin:quiz_student_changelist")),
        ("student list of a class", reverse("admin:quiz_student_changelist") + narrowed),
        ("student CSV of a class", reverse("admin:quiz_student_csv") + narrowed),
        ("student page", reverse("admin:quiz_student_change", args=[student.pk])),
        ("class progress", reverse("admin:quiz_student_class_progress")),
        ("class progress of a class", reverse("admin:quiz_student_class_progress") + narrowed),
        ("question list of a class", reverse("admin:quiz_question_changelist") + narrowed),
        ("question CSV of a class", reverse("admin:quiz_question_statistics_csv") + narrowed),
        ("hardest questions of a class", reverse("admin:quiz_question_hardest") + narrowed),
        ("question page of a class", reverse("admin:quiz_question_change", args=[question.pk]) + narrowed),
    ]


def test_teacher_pages_run_the_same_queries_at_two_sizes(client, django_assert_max_num_queries):
    content_reload(collection=make_collection(documents=3, facts=3))
    teacher = make_teacher("tess")
    client.force_login(teacher)
    grow(teacher, classes=1, students=2)
    small = {}
    for label, url in pages():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, label
        small[label] = len(queries)

    content_reload(collection=make_collection(documents=5, facts=3))
    grow(teacher, classes=4, students=6)

    for label, url in pages():
        with django_assert_max_num_queries(small[label], info=label):
            assert client.get(url).status_code == 200, label
    assert SchoolClass.objects.count() == 5
    assert SchoolClass.objects.order_by("pk").last().assignments.count() == 5
