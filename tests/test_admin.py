from __future__ import annotations

import pytest
from django.urls import reverse

from quiz.models import Question
from quiz.services.reload import content_reload

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["document", "fact", "question", "choice", "flashcard"])
def test_admin_changelist_shows_content(admin_client, collection, model):
    content_reload(collection=collection)

    response = admin_client.get(reverse(f"admin:quiz_{model}_changelist"))

    assert response.status_code == 200


def test_admin_question_is_enabled_is_the_only_editable_field(admin_client, collection):
    content_reload(collection=collection)
    question = Question.objects.first()

    response = admin_client.get(reverse("admin:quiz_question_change", args=[question.pk]))

    form = response.context["adminform"].form
    assert list(form.fields) == ["is_enabled"]


def test_admin_content_cannot_be_added_or_deleted(admin_client):
    assert admin_client.get(reverse("admin:quiz_fact_add")).status_code == 403
