"""The admin at class scale: 1,000 students, 1,000 facts and 200,000 answers.

Seeding takes about a minute, so one test visits every teacher page.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from quiz.benchmarks.admin_pages import PAGES
from quiz.benchmarks.classroom import classroom_seed
from quiz.models import Answer, Fact
from quiz.services.reload import content_reload
from tests.factories import make_collection

pytestmark = pytest.mark.django_db

# The most queries any teacher page may run, whatever the size of the class.
MAX_QUERIES = 10


def test_admin_pages_run_constant_queries_for_a_large_class(client, django_assert_max_num_queries):
    content_reload(collection=make_collection(documents=10, facts=100))
    classroom_seed(students=1000, answers=200_000)
    teacher = get_user_model().objects.create_superuser("head", password="a-long-enough-password")
    client.force_login(teacher)
    student = get_user_model().objects.filter(is_staff=False).order_by("pk").first()
    assert Fact.objects.count() == 1000
    assert Answer.objects.count() == 200_000

    for label, name, per_student in PAGES:
        url = reverse(name, args=(student.pk,) if per_student else ())
        with django_assert_max_num_queries(MAX_QUERIES, info=label):
            response = client.get(url)
        assert response.status_code == 200, label
