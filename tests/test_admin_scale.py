"""The admin at class scale: 1,000 students in 40 classes, 1,000 facts and 200,000 answers.

Seeding takes about a minute, so one test visits every teacher page, as a superuser and as a teacher.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from quiz.benchmarks.admin_pages import PAGES, TEACHER_PAGES
from quiz.benchmarks.classroom import classes_seed, classroom_seed
from quiz.models import Answer, Fact, Student
from quiz.services.reload import content_reload
from tests.factories import make_collection

pytestmark = pytest.mark.django_db

# The most queries any teacher page may run, whatever the size of the class; the class page, with its two
# inlines, their choices and the status table, runs the most (19). tests/test_admin_queries.py checks that
# each page's count stays the same as the school grows.
MAX_QUERIES = 20


def test_admin_pages_run_constant_queries_for_a_large_class(client, django_assert_max_num_queries):
    content_reload(collection=make_collection(documents=10, facts=100))
    classroom_seed(students=1000, answers=200_000)
    first_class = classes_seed(classes=40)[0]
    head = get_user_model().objects.create_superuser("head", password="a-long-enough-password")
    student = Student.objects.in_class(first_class.pk).order_by("pk").first()
    ids = {"student": student.pk, "school_class": first_class.pk}
    assert Fact.objects.count() == 1000
    assert Answer.objects.count() == 200_000
    assert Student.objects.in_class(first_class.pk).count() == 25

    for user, pages in ((head, PAGES), (first_class.teachers.get(), TEACHER_PAGES)):
        client.force_login(user)
        for page in pages:
            with django_assert_max_num_queries(MAX_QUERIES, info=page.label):
                response = client.get(page.url(**ids))
            assert response.status_code == 200, page.label
