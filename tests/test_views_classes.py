from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from quiz.models import Document, Membership, Question
from quiz.services.reload import content_reload
from tests.class_factories import make_assignment, make_class, make_teacher
from tests.factories import make_collection
from tests.learning_factories import make_attempt_with_answers

pytestmark = pytest.mark.django_db

JOIN = reverse("quiz:class_join")


def hyphenated(code: str) -> str:
    return f"{code[:4].lower()}-{code[4:].lower()}"


def test_home_offers_join_a_class(signed_in):
    response = signed_in.get(reverse("quiz:home"))

    assert b'id="join-class"' in response.content
    assert b"Join a class" in response.content


def test_join_with_a_code_puts_the_student_in_the_class(signed_in, student):
    school_class = make_class("9B")

    response = signed_in.post(JOIN, {"code": hyphenated(school_class.join_code)}, follow=True)

    assert Membership.objects.filter(student=student, school_class=school_class).exists()
    assert "You joined the class 9B." in response.content.decode()
    assert "Leave the class 9B" in response.content.decode()


def test_join_with_htmx_returns_the_classes_section(signed_in, student):
    school_class = make_class("9B")

    response = signed_in.post(JOIN, {"code": school_class.join_code}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="classes"')
    assert "You joined the class 9B." in html
    assert Membership.objects.filter(student=student).count() == 1


def test_joining_twice_keeps_one_membership(signed_in, student):
    school_class = make_class("9B")
    signed_in.post(JOIN, {"code": school_class.join_code})

    response = signed_in.post(JOIN, {"code": school_class.join_code}, follow=True)

    assert "You are already in the class 9B." in response.content.decode()
    assert Membership.objects.filter(student=student).count() == 1


@pytest.mark.parametrize("htmx", [False, True])
def test_an_old_code_is_refused_with_a_clear_message_and_joins_nothing(signed_in, htmx):
    school_class = make_class("9B")
    old = school_class.join_code
    school_class.join_code_regenerate()
    headers = {"HX-Request": "true"} if htmx else {}

    response = signed_in.post(JOIN, {"code": old}, headers=headers)

    assert response.status_code == 400
    assert "No class has that code" in response.content.decode()
    assert "a code stops working when the teacher makes a new one" in response.content.decode()
    assert not Membership.objects.exists()


@pytest.mark.parametrize("code", ["", "ABC", "O0O0O0O0", "ABCDEFGH" * 3])
def test_a_malformed_code_is_refused_with_a_message(signed_in, code):
    make_class("9B")

    response = signed_in.post(JOIN, {"code": code})

    assert response.status_code == 400
    assert b'class="error-summary"' in response.content
    assert not Membership.objects.exists()


def test_a_teacher_cannot_join_as_a_student(client):
    teacher = make_teacher("tess")
    school_class = make_class("9B")
    client.force_login(teacher)

    response = client.post(JOIN, {"code": school_class.join_code})

    assert response.status_code == 400
    assert "Teachers and administrators cannot join a class" in response.content.decode()
    assert not Membership.objects.exists()


def test_leave_takes_the_student_out_of_that_class_only(signed_in, student):
    nine_b = make_class("9B", students=(student,))
    ten_a = make_class("10A", students=(student,))

    response = signed_in.post(reverse("quiz:class_leave", args=[nine_b.pk]), follow=True)

    assert "You left the class 9B." in response.content.decode()
    assert list(Membership.objects.values_list("school_class", flat=True)) == [ten_a.pk]


def test_leaving_a_class_one_is_not_in_is_not_found(signed_in, other_student):
    school_class = make_class("9B", students=(other_student,))

    response = signed_in.post(reverse("quiz:class_leave", args=[school_class.pk]))

    assert response.status_code == 404
    assert Membership.objects.filter(student=other_student).exists()


def test_home_shows_the_assignments_first_with_due_date_overdue_mastery_and_answers(signed_in, student):
    content_reload(collection=make_collection(documents=2, facts=3))
    first, second = Document.objects.order_by("key")
    school_class = make_class("9B", students=(student,))
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    make_assignment(school_class, second, due=yesterday)
    make_attempt_with_answers(student, list(Question.objects.filter(fact__document=second)[:2]))
    live = Question.objects.live().filter(fact__document=second).count()

    html = signed_in.get(reverse("quiz:home")).content.decode()

    assignments = html[html.index('id="assignments"') : html.index("</table>")]
    assert html.index('id="assignments"') < html.index('id="documents"')
    assert second.title in assignments
    assert first.title not in assignments
    assert f'datetime="{yesterday:%Y-%m-%d}"' in assignments
    assert "Overdue" in assignments
    assert "0%<br>" in assignments
    assert "in progress" in assignments
    assert f"2 of {live} questions" in assignments


def test_home_with_assignments_runs_the_same_queries_for_more_classes_and_answers(
    signed_in, student, django_assert_max_num_queries
):
    content_reload(collection=make_collection(documents=4, facts=3))
    documents = list(Document.objects.order_by("key"))

    def grow(classes):
        for _ in range(classes):
            school_class = make_class("9B", students=(student,))
            for document in documents:
                make_assignment(school_class, document)
        make_attempt_with_answers(student, list(Question.objects.all()))

    grow(1)
    with django_assert_max_num_queries(11):  # the first page after a reload also counts the documents' facts
        signed_in.get(reverse("quiz:home"))
    grow(3)
    with django_assert_max_num_queries(10):
        response = signed_in.get(reverse("quiz:home"))
    assert len(response.context["assignments"]) == 16


def test_a_teachers_home_page_points_to_the_admin_instead_of_a_join_form(client):
    client.force_login(make_teacher("tess"))

    html = client.get(reverse("quiz:home")).content.decode()

    assert 'id="join-class"' not in html
    assert reverse("admin:quiz_schoolclass_changelist") in html
