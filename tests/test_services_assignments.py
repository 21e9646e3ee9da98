from __future__ import annotations

import datetime

import pytest

from quiz.models import CardStage, Document, Flashcard, Question
from quiz.services.assignments import Status, class_table, export_rows, student_assignments
from quiz.services.reload import content_reload
from tests.class_factories import make_assignment, make_class
from tests.factories import make_collection
from tests.learning_factories import make_attempt_with_answers, make_card_states, make_user

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 10)


@pytest.fixture
def documents():
    content_reload(collection=make_collection(documents=2, facts=3))
    return list(Document.objects.order_by("key"))


def test_status_goes_from_not_started_to_in_progress_to_mastered(documents):
    ada, brian, chloe = make_user("ada"), make_user("brian"), make_user("chloe")
    school_class = make_class("9B", students=(ada, brian, chloe))
    first = documents[0]
    assignment = make_assignment(school_class, first)
    make_attempt_with_answers(brian, list(Question.objects.filter(fact__document=first)[:1]))
    make_card_states(chloe, list(Flashcard.objects.filter(fact__document=first)))

    table = class_table(school_class)

    statuses = {student.username: cells[0].status for student, cells in table.rows()}
    assert statuses == {"ada": Status.NOT_STARTED, "brian": Status.IN_PROGRESS, "chloe": Status.MASTERED}
    assert dict(table.summary())[assignment] == {
        Status.NOT_STARTED: 1,
        Status.IN_PROGRESS: 1,
        Status.MASTERED: 1,
    }


def test_progress_counts_distinct_questions_of_the_document_only(documents):
    ada = make_user("ada")
    school_class = make_class("9B", students=(ada,))
    first, second = documents
    make_assignment(school_class, first)
    own = list(Question.objects.filter(fact__document=first).order_by("pk")[:2])
    make_attempt_with_answers(ada, [own[0], own[0], own[1]])
    make_attempt_with_answers(ada, list(Question.objects.filter(fact__document=second)))

    [row] = student_assignments(user=ada, today=TODAY)

    assert row.progress.answered == 2
    assert row.progress.questions == Question.objects.live().filter(fact__document=first).count()
    assert row.progress.status == Status.IN_PROGRESS


def test_student_sees_only_their_classes_assignments_soonest_due_first(documents):
    ada, brian = make_user("ada"), make_user("brian")
    first, second = documents
    nine_b = make_class("9B", students=(ada,))
    make_assignment(nine_b, first)
    make_assignment(nine_b, second, due=TODAY)
    make_assignment(make_class("10A", students=(brian,)), first, due=TODAY)

    rows = student_assignments(user=ada, today=TODAY)

    assert [(row.assignment.document, row.assignment.due_date) for row in rows] == [
        (second, TODAY),
        (first, None),
    ]


def test_overdue_is_past_the_due_date_and_not_mastered(documents):
    ada = make_user("ada")
    first, second = documents
    school_class = make_class("9B", students=(ada,))
    make_assignment(school_class, first, due=TODAY - datetime.timedelta(days=1))
    make_assignment(school_class, second, due=TODAY - datetime.timedelta(days=1))
    make_card_states(ada, list(Flashcard.objects.filter(fact__document=second)), stage=CardStage.REVIEW)

    rows = {row.assignment.document: row for row in student_assignments(user=ada, today=TODAY)}

    assert rows[first].overdue
    assert not rows[second].overdue  # mastered: done, even if late
    assert not student_assignments(user=ada, today=TODAY - datetime.timedelta(days=1))[0].overdue


def test_a_retired_documents_assignment_stays_and_counts_what_was_done(documents):
    ada = make_user("ada")
    school_class = make_class("9B", students=(ada,))
    retired = documents[1]
    assignment = make_assignment(school_class, retired)
    questions = list(Question.objects.filter(fact__document=retired))
    make_attempt_with_answers(ada, questions[:2])
    make_card_states(ada, list(Flashcard.objects.filter(fact__document=retired)))

    content_reload(collection=make_collection(documents=1, facts=3))

    [row] = student_assignments(user=ada, today=TODAY)
    assert row.assignment == assignment
    assert row.is_retired
    assert (row.progress.answered, row.progress.questions) == (2, len(questions))
    assert row.progress.status == Status.MASTERED


def test_export_rows_give_one_row_per_assignment_and_student(documents):
    ada, brian = make_user("ada"), make_user("brian")
    school_class = make_class("9B", students=(brian, ada))
    make_assignment(school_class, documents[0], due=TODAY)

    header, *rows = export_rows(school_class, class_table(school_class))

    assert header[:6] == ("class", "document", "document retired", "due date", "username", "status")
    assert [row[:6] for row in rows] == [
        ("9B", documents[0].title, "no", "2026-03-10", "ada", "not started"),
        ("9B", documents[0].title, "no", "2026-03-10", "brian", "not started"),
    ]


def test_class_table_runs_the_same_queries_for_more_students_and_answers(
    documents, django_assert_num_queries
):
    school_class = make_class("9B")
    for document in documents:
        make_assignment(school_class, document)

    def grow(count):
        for _ in range(count):
            user = make_user()
            school_class.memberships.create(student=user)
            make_attempt_with_answers(user, list(Question.objects.all()[:3]))

    grow(2)
    with django_assert_num_queries(5):
        class_table(school_class)
    grow(20)
    with django_assert_num_queries(5):
        table = class_table(school_class)
    assert len(table.students) == 22
