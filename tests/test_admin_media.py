from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

# The scripts of prepopulated fields, hashed or not: "admin/js/urlify.js", "admin/js/urlify.1a2b3c4d5e6f.js".
UNUSED = re.compile(
    r"admin/js/(?:urlify|prepopulate|vendor/xregexp/xregexp(?:\.min)?)\.(?:[0-9a-f]{12}\.)?js"
)


@pytest.mark.parametrize(
    "name", ["admin:quiz_student_changelist", "admin:quiz_question_changelist", "admin:quiz_schoolclass_add"]
)
def test_admin_pages_load_no_script_of_prepopulated_fields(admin_client, name):
    html = admin_client.get(reverse(name)).content.decode()

    assert UNUSED.findall(html) == []
    assert "admin/js/core" in html


@pytest.mark.parametrize("name", ["admin:quiz_student_changelist", "admin:quiz_question_changelist"])
def test_admin_lists_load_their_actions_without_jquery(admin_client, name):
    html = admin_client.get(reverse(name)).content.decode()

    assert "admin/js/actions" in html
    assert "jquery" not in html.lower()


def test_admin_forms_load_jquery_before_the_scripts_that_use_it(admin_client):
    html = admin_client.get(reverse("admin:quiz_schoolclass_add")).content.decode()

    order = [html.index(name) for name in ("jquery/jquery", "jquery.init", "RelatedObjectLookups", "inlines")]
    assert order == sorted(order)


def test_a_page_that_only_shows_a_student_loads_no_jquery(admin_client, django_user_model):
    student = django_user_model.objects.create_user("ada")

    html = admin_client.get(reverse("admin:quiz_student_change", args=[student.pk])).content.decode()

    assert "jquery" not in html.lower()
