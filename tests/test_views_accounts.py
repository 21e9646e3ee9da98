from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "violet-harbour-1947"


@pytest.fixture
def user():
    return get_user_model().objects.create_user(username="amira", password=PASSWORD)


def signed_in_user_id(client: Client) -> str | None:
    return client.session.get("_auth_user_id")


def signup(client: Client, password1: str = PASSWORD, password2: str | None = None):
    return client.post(
        reverse("quiz:signup"),
        {
            "username": "amira",
            "password1": password1,
            "password2": password1 if password2 is None else password2,
        },
    )


def test_signup_get_shows_labelled_fields(client):
    response = client.get(reverse("quiz:signup"))

    html = response.content.decode()
    assert response.status_code == 200
    for name in ("username", "password1", "password2"):
        assert f'for="id_{name}"' in html
        assert f'id="id_{name}"' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_signup_post_creates_user_signs_in_and_redirects_home(client):
    response = signup(client)

    assert response.status_code == 302
    assert response.url == reverse("quiz:home")
    user = get_user_model().objects.get(username="amira")
    assert user.check_password(PASSWORD)
    assert signed_in_user_id(client) == str(user.pk)


def test_signup_success_welcomes_user_in_status_message(client):
    response = client.post(
        reverse("quiz:signup"),
        {"username": "amira", "password1": PASSWORD, "password2": PASSWORD},
        follow=True,
    )

    html = response.content.decode()
    assert '<div role="status"' in html
    assert "Welcome, amira." in html


@pytest.mark.parametrize(
    ("password1", "password2", "message"),
    [
        ("tiny-7Qx", None, "This password is too short."),
        ("password123", None, "This password is too common."),
        (PASSWORD, "violet-harbour-1948", "The two password fields didn’t match."),
    ],
    ids=["short", "common", "mismatched"],
)
def test_signup_bad_password_shows_error_and_creates_nothing(client, password1, password2, message):
    response = signup(client, password1, password2)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html
    assert html.count(message) == 2  # in the summary and next to the field
    assert 'aria-invalid="true"' in html
    assert not get_user_model().objects.exists()
    assert signed_in_user_id(client) is None


def test_signup_error_summary_links_to_field(client):
    html = signup(client, "tiny-7Qx").content.decode()

    assert '<a href="#id_password2">' in html


def test_signup_signed_in_user_redirected_home(client, user):
    client.force_login(user)

    response = client.get(reverse("quiz:signup"))

    assert response.status_code == 302
    assert response.url == reverse("quiz:home")


def test_signup_without_csrf_token_forbidden_and_creates_nothing():
    client = Client(enforce_csrf_checks=True)

    response = signup(client)

    assert response.status_code == 403
    assert not get_user_model().objects.exists()


def test_login_get_shows_labelled_fields(client):
    html = client.get(reverse("quiz:login")).content.decode()

    assert 'for="id_username"' in html
    assert 'for="id_password"' in html


def test_login_right_password_signs_in_and_redirects_home(client, user):
    response = client.post(reverse("quiz:login"), {"username": "amira", "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("quiz:home")
    assert signed_in_user_id(client) == str(user.pk)


@pytest.mark.usefixtures("user")
def test_login_returns_to_next_page(client):
    next_url = reverse("quiz:progress")

    response = client.post(
        f"{reverse('quiz:login')}?next={next_url}",
        {"username": "amira", "password": PASSWORD, "next": next_url},
    )

    assert response.url == next_url


@pytest.mark.usefixtures("user")
def test_login_wrong_password_shows_error(client):
    response = client.post(reverse("quiz:login"), {"username": "amira", "password": "not-the-password"})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html
    assert "Please enter a correct username and password." in html
    assert signed_in_user_id(client) is None


def test_login_without_csrf_token_forbidden(user):
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("quiz:login"), {"username": "amira", "password": PASSWORD})

    assert response.status_code == 403
    assert signed_in_user_id(client) is None
    assert user.last_login is None


def test_logout_get_refused_and_stays_signed_in(client, user):
    client.force_login(user)

    response = client.get(reverse("quiz:logout"))

    assert response.status_code == 405
    assert signed_in_user_id(client) == str(user.pk)


def test_logout_post_signs_out_and_redirects_to_login(client, user):
    client.force_login(user)

    response = client.post(reverse("quiz:logout"))

    assert response.status_code == 302
    assert response.url == reverse("quiz:login")
    assert signed_in_user_id(client) is None


def test_layout_signed_out_offers_sign_in_and_sign_up(client):
    html = client.get(reverse("quiz:login")).content.decode()

    assert f'href="{reverse("quiz:login")}"' in html
    assert f'href="{reverse("quiz:signup")}"' in html
    assert "Sign out" not in html
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main">' in html


def test_layout_signed_in_shows_nav_username_and_sign_out_form(client, user):
    client.force_login(user)

    html = client.get(reverse("quiz:home")).content.decode()

    assert f'href="{reverse("quiz:review")}"' in html
    assert f'href="{reverse("quiz:progress")}"' in html
    assert "<strong>amira</strong>" in html
    assert f'<form method="post" action="{reverse("quiz:logout")}">' in html
    assert f'href="{reverse("quiz:signup")}"' not in html


def test_layout_loads_local_stylesheet_and_htmx(client):
    html = client.get(reverse("quiz:login")).content.decode()

    assert 'href="/static/quiz/site.css"' in html
    assert "django_htmx/htmx" in html
    assert "https://" not in html
