from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from quiz.benchmarks.server import database_url
from quiz.models import ContentStamp, Document, Question
from quiz.services.content_cache import content_current
from quiz.services.reload import content_reload
from tests.factories import collection_from, make_collection, make_document, make_fact

pytestmark = pytest.mark.django_db


def retitled(title: str):
    """Return make_collection()'s content with doc_000.txt under another title."""
    names = ["doc_000.txt", "doc_001.txt"]
    documents = [make_document(names[0], title=title), make_document(names[1])]
    return collection_from(
        documents, [make_fact(name, number=number) for name in names for number in range(3)]
    )


def titles() -> list[str]:
    return [title for _pk, title, _facts, _cards in content_current().document_counts()]


def test_content_current_drops_its_copy_when_a_reload_changes_the_content():
    content_reload(collection=make_collection())
    assert "About doc_000.txt" in titles()

    content_reload(collection=retitled("A new title"))

    assert "A new title" in titles()
    assert "About doc_000.txt" not in titles()


def test_content_current_keeps_its_copy_while_nothing_changes():
    content_reload(collection=make_collection())

    assert content_current() is content_current()


def test_content_question_comes_with_its_fact_document_and_choices_in_order():
    content_reload(collection=make_collection())
    question = Question.objects.filter(asks="date").select_related("fact__document").first()

    cached = content_current().question(question.pk)

    assert cached.question.fact.document.title == question.fact.document.title
    assert list(cached.choices) == list(question.choices.order_by("position").values_list("pk", flat=True))
    assert cached.correct == question.choices.get(is_correct=True)


def test_a_save_outside_reload_gives_the_content_a_new_token():
    content_reload(collection=make_collection())
    before = ContentStamp.objects.token()

    document = Document.objects.first()
    document.title = "Edited in the admin"
    document.save()

    assert ContentStamp.objects.token() != before
    assert "Edited in the admin" in titles()


def test_a_dry_run_reload_keeps_the_token():
    content_reload(collection=make_collection())
    before = ContentStamp.objects.token()

    content_reload(collection=retitled("Never saved"), dry_run=True)

    assert ContentStamp.objects.token() == before


def test_home_page_shows_a_reload_between_two_requests(signed_in):
    content_reload(collection=make_collection())
    assert "About doc_000.txt" in signed_in.get(reverse("quiz:home")).content.decode()

    content_reload(collection=retitled("Retitled between requests"))

    html = signed_in.get(reverse("quiz:home")).content.decode()
    assert "Retitled between requests" in html
    assert "About doc_000.txt" not in html


RELOAD_IN_ANOTHER_PROCESS = textwrap.dedent(
    """
    import django
    django.setup()
    from quiz.services.reload import content_reload
    from tests.test_services_content_cache import retitled
    content_reload(collection=retitled("Reloaded by another process"))
    """
)


@pytest.mark.django_db(transaction=True)
def test_a_reload_committed_by_another_process_reaches_the_next_request(signed_in):
    content_reload(collection=make_collection())
    assert "About doc_000.txt" in signed_in.get(reverse("quiz:home")).content.decode()
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "quizsite.settings",
        "DATABASE_URL": database_url(connection.settings_dict),
    }

    subprocess.run(
        [sys.executable, "-c", RELOAD_IN_ANOTHER_PROCESS], env=env, cwd=settings.BASE_DIR, check=True
    )

    html = signed_in.get(reverse("quiz:home")).content.decode()
    assert "Reloaded by another process" in html
    assert "About doc_000.txt" not in html
