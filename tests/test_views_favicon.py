from __future__ import annotations

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse

from quiz.views.favicon import ICON

pytestmark = pytest.mark.django_db


def test_favicon_redirects_to_the_static_icon(client):
    response = client.get("/favicon.ico")

    assert (response.status_code, response["Location"]) == (302, static(ICON))
    assert finders.find(ICON) is not None


@pytest.mark.parametrize("view_name", ["quiz:login", "quiz:signup"])
def test_favicon_pages_link_the_icon(client, view_name):
    html = client.get(reverse(view_name)).content.decode()

    assert f'<link rel="icon" href="{static(ICON)}" type="image/svg+xml">' in html
