from __future__ import annotations

import datetime
import re

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

    assert re.search(r'href="/static/quiz/site\.[0-9a-f]{12}\.css"', html)
    assert "django_htmx/htmx" in html
    assert "https://" not in html


# Sign-in rate limit (django-axes): five wrong passwords for one username from one address pause that pair.


@pytest.mark.parametrize("view_name", ["quiz:login", "quiz:signup"])
def test_layout_public_page_describes_itself_for_search_engines(client, view_name):
    html = client.get(reverse(view_name)).content.decode()

    match = re.search(r'<meta name="description" content="([^"]+)">', html)
    assert match is not None
    assert "quizzes and review flashcards" in match[1]


def test_layout_anonymous_home_ends_on_a_described_page(client):
    response = client.get(reverse("quiz:home"), follow=True)

    assert '<meta name="description" content="Sign in to take quizzes' in response.content.decode()


def sign_in(client: Client, password: str, username: str = "amira", address: str = "203.0.113.7", url=None):
    return client.post(
        url or reverse("quiz:login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def fail_five_times(client: Client, username: str = "amira") -> None:
    for _ in range(5):
        sign_in(client, "not-the-password", username=username)


def test_login_fifth_wrong_password_locks_out_even_the_right_one(client, user):
    for attempt in range(4):
        assert sign_in(client, "not-the-password").status_code == 200, attempt

    fifth = sign_in(client, "not-the-password")
    sixth = sign_in(client, PASSWORD)

    for response in (fifth, sixth):
        assert response.status_code == 429
        assert "Too many sign-in attempts" in response.content.decode()
        assert "paused for 15 minutes" in response.content.decode()
    assert signed_in_user_id(client) is None
    user.refresh_from_db()
    assert user.last_login is None


@pytest.mark.usefixtures("user")
def test_login_lockout_spares_classmates_behind_the_same_address(client):
    get_user_model().objects.create_user(username="bilal", password=PASSWORD)
    fail_five_times(client)

    response = sign_in(client, PASSWORD, username="bilal")

    assert response.status_code == 302
    assert signed_in_user_id(client) is not None


def test_login_lockout_spares_the_owner_at_another_address(client, user):
    fail_five_times(client)

    response = sign_in(client, PASSWORD, address="198.51.100.20")

    assert response.status_code == 302
    assert signed_in_user_id(client) == str(user.pk)


def test_login_works_again_after_the_cool_off(client, user, settings):
    fail_five_times(client)
    settings.AXES_COOLOFF_TIME = datetime.timedelta(seconds=0)

    response = sign_in(client, PASSWORD)

    assert response.status_code == 302
    assert signed_in_user_id(client) == str(user.pk)


@pytest.mark.usefixtures("user")
def test_login_success_forgets_earlier_failures(client):
    for _ in range(4):
        sign_in(client, "not-the-password")
    sign_in(client, PASSWORD)
    client.post(reverse("quiz:logout"))

    for _ in range(4):
        sign_in(client, "not-the-password")
    response = sign_in(client, PASSWORD)

    assert response.status_code == 302


def test_admin_login_shares_the_limit(client, user):
    user.is_staff = True
    user.save()
    fail_five_times(client)

    response = sign_in(client, PASSWORD, url=reverse("admin:login"))

    assert response.status_code == 429
    assert signed_in_user_id(client) is None
