"""The admin pages teachers use, in a real browser: every one renders under the Content-Security-Policy."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from django.conf import settings
from django.urls import reverse

from quiz.models import Assignment, Choice, Document, Question, SchoolClass
from quiz.services.attempts import answer_submit, attempt_start
from tests.browser.helpers import load_seeds

if TYPE_CHECKING:
    from collections.abc import Callable

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


@pytest.fixture
def signed_in_teacher(page: Page, live_server: Any, teacher: User) -> Page:
    """Return a phone-sized tab signed in to the admin as the teacher."""
    page.goto(live_server.url + reverse("admin:login"))
    page.get_by_label("Username").fill(teacher.username)
    page.get_by_label("Password").fill(TEACHER_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(live_server.url + reverse("admin:index"))
    return page


@pytest.fixture
def pupil(teacher: User, django_user_model: type[User]) -> User:  # noqa: ARG001  (the seeds come first)
    """Return a student who has answered three questions of a quiz, one of them wrong."""
    student = django_user_model.objects.create_user("ada", password=TEACHER_PASSWORD)
    attempt = attempt_start(user=student, document=None, size=settings.QUIZ_ATTEMPT_SIZE)
    for position, item in enumerate(attempt.items.order_by("position")[:3]):
        choices = Choice.objects.filter(question=item.question_id).order_by(
            "is_correct" if position else "-is_correct"
        )
        answer_submit(item=item, choice=choices.first())
    return student


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


def teacher_page(name: str, student: User) -> tuple[str, dict[str, Any], str]:
    """Return the URL name, its arguments and the query of one of the pages `ACCESSIBLE_PAGES` names."""
    document = Document.objects.order_by("pk").first()
    return {
        "admin login": ("admin:login", {}, ""),
        "admin index": ("admin:index", {}, ""),
        # A search and a filter: the list then offers "Show all" beside the search and marks the filter chosen.
        "student list, searched and filtered": (
            "admin:quiz_student_changelist",
            {},
            f"?q={student.username[:2]}&document={document.pk}",
        ),
        "student page": ("admin:quiz_student_change", {"object_id": student.pk}, ""),
        "class progress": ("admin:quiz_student_class_progress", {}, ""),
        "question statistics": ("admin:quiz_question_changelist", {}, "?o=-4"),
        "question page": (
            "admin:quiz_question_change",
            {"object_id": Question.objects.order_by("pk")[0].pk},
            "",
        ),
        "hardest questions": ("admin:quiz_question_hardest", {}, ""),
        "document list": ("admin:quiz_document_changelist", {}, ""),
    }[name]


ACCESSIBLE_PAGES = [
    "admin login",
    "admin index",
    "student list, searched and filtered",
    "student page",
    "class progress",
    "question statistics",
    "question page",
    "hardest questions",
    "document list",
]


@pytest.mark.parametrize("name", ACCESSIBLE_PAGES)
def test_admin_page_passes_axe_with_contrast_and_target_size_on_a_phone(
    signed_in_teacher: Page,
    live_server: Any,
    pupil: User,
    assert_accessible: Callable[[Page], None],
    name: str,
) -> None:
    page = signed_in_teacher
    viewname, kwargs, query = teacher_page(name, pupil)
    if viewname == "admin:login":
        page.context.clear_cookies()

    response = page.goto(live_server.url + reverse(viewname, kwargs=kwargs) + query)

    assert response.status == 200
    assert_accessible(page)


def test_admin_list_actions_work_without_jquery(signed_in_teacher: Page, live_server: Any) -> None:
    page = signed_in_teacher
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + reverse("admin:quiz_question_changelist"))
    rows = page.locator("input.action-select").count()

    page.locator("#action-toggle").check()

    assert rows > 0
    assert page.locator("input.action-select:checked").count() == rows
    assert page.locator(".action-counter").inner_text().startswith(f"{rows} of {rows} selected")
    assert errors == []
