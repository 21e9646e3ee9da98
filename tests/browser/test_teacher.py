"""The admin pages teachers use, in a real browser: every one renders under the Content-Security-Policy."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from django.urls import reverse

from quiz.models import Assignment, Document, Question, SchoolClass
from tests.browser.helpers import load_seeds

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from playwright.sync_api import Page

TEACHER_PASSWORD = "chalk-board-meridian-52"
# Each page is one a teacher opens; the `page` fixture fails the test if the policy blocked anything on it.
ADMIN_PAGES = [
    ("admin:index", {}),
    ("admin:quiz_student_changelist", {}),
    ("admin:quiz_student_class_progress", {}),
    ("admin:quiz_question_changelist", {}),
    ("admin:quiz_question_hardest", {}),
    ("admin:quiz_document_changelist", {}),
    ("admin:quiz_schoolclass_changelist", {}),
    ("admin:quiz_schoolclass_add", {}),
]


@pytest.fixture
def teacher(transactional_db: None, django_user_model: type[User]) -> User:  # noqa: ARG001
    load_seeds()
    return django_user_model.objects.create_superuser("grace", password=TEACHER_PASSWORD)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_admin_pages_render_charts_and_forms_under_the_policy(
    page: Page, live_server: Any, teacher: User, django_user_model: type[User]
) -> None:
    page.goto(live_server.url + reverse("admin:login"))
    page.get_by_label("Username").fill(teacher.username)
    page.get_by_label("Password").fill(TEACHER_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(live_server.url + reverse("admin:index"))
    student = django_user_model.objects.create_user("ada")
    school_class = SchoolClass.objects.create(name="9B", created_by=teacher)
    school_class.teachers.add(teacher)
    Assignment.objects.create(school_class=school_class, document=Document.objects.order_by("pk").first())
    pages = [
        *ADMIN_PAGES,
        ("admin:quiz_student_change", {"object_id": student.pk}),
        ("admin:quiz_student_temporary_password", {"object_id": student.pk}),
        ("admin:quiz_question_change", {"object_id": Question.objects.order_by("pk").first().pk}),
        ("admin:quiz_document_change", {"object_id": Document.objects.order_by("pk").first().pk}),
        ("admin:quiz_schoolclass_change", {"object_id": school_class.pk}),
        ("admin:quiz_schoolclass_roster", {"pk": school_class.pk}),
    ]

    for name, kwargs in pages:
        response = page.goto(live_server.url + reverse(name, kwargs=kwargs))

        assert response.status == 200, name
        assert page.locator("#content h1").count() == 1, name
    # The hardest-questions chart and the class progress draw SVG charts without inline styles.
    page.goto(live_server.url + reverse("admin:quiz_question_hardest"))
    assert page.locator("svg").count() >= 1
