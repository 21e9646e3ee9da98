from __future__ import annotations

import datetime
import io
import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from quiz.models import TemporaryPassword
from quiz.services.accounts import temporary_password_set

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


# A superuser lifts a lock-out before its 15 minutes are up, as README.md's Accounts section says.


@pytest.mark.parametrize(
    "command",
    [
        ["axes_reset_username", "amira"],
        ["axes_reset_ip", "203.0.113.7"],
        ["axes_reset_ip_username", "203.0.113.7", "amira"],
        ["axes_reset"],
    ],
    ids=lambda command: command[0],
)
def test_lockout_lifted_by_an_axes_reset_command(client, user, command):
    fail_five_times(client)
    call_command(*command, stdout=io.StringIO())

    response = sign_in(client, PASSWORD)

    assert response.status_code == 302
    assert signed_in_user_id(client) == str(user.pk)


def test_lockout_lifted_by_deleting_its_record_in_the_admin(client, user):
    fail_five_times(client)
    superuser = get_user_model().objects.create_superuser("root", password=PASSWORD)
    admin = Client()
    admin.force_login(superuser)
    attempt = AccessAttempt.objects.get(username="amira")

    deleted = admin.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"})
    response = sign_in(client, PASSWORD)

    assert deleted.status_code == 302
    assert response.status_code == 302
    assert signed_in_user_id(client) == str(user.pk)


def test_signup_lookalike_username_shows_error_and_creates_nothing(client, user):
    response = client.post(
        reverse("quiz:signup"),
        {"username": "\u0430mira", "password1": PASSWORD, "password2": PASSWORD},  # a Cyrillic а
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "This username looks too much like an existing one." in html
    assert list(get_user_model().objects.values_list("username", flat=True)) == [user.username]
    assert signed_in_user_id(client) is None


# The password change page: Django's view and form, with the site's validators, in the site's layout.

NEW_PASSWORD = "copper-lantern-2031"


def change_password(client: Client, old: str = PASSWORD, new: str = NEW_PASSWORD, new2: str | None = None):
    return client.post(
        reverse("quiz:password_change"),
        {"old_password": old, "new_password1": new, "new_password2": new if new2 is None else new2},
    )


def test_password_change_page_shows_labelled_fields_and_is_linked_from_every_page(client, user):
    client.force_login(user)

    page = client.get(reverse("quiz:password_change")).content.decode()
    home = client.get(reverse("quiz:home")).content.decode()

    for name in ("old_password", "new_password1", "new_password2"):
        assert f'for="id_{name}"' in page
    assert f'<form method="post" action="{reverse("quiz:password_change")}" novalidate>' in page
    assert f'href="{reverse("quiz:password_change")}"' in home


def test_password_change_saves_the_new_password_and_keeps_the_student_signed_in(client, user):
    client.force_login(user)

    response = change_password(client)
    home = client.get(response["Location"])

    assert (response.status_code, response["Location"]) == (302, reverse("quiz:home"))
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert signed_in_user_id(client) == str(user.pk)
    assert "Your password has been changed." in home.content.decode()


def test_password_change_signs_out_the_students_other_sessions(client, user):
    other_device = Client()
    other_device.force_login(user)
    client.force_login(user)

    change_password(client)
    response = other_device.get(reverse("quiz:home"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("quiz:login"))


@pytest.mark.parametrize(
    ("old", "new", "new2", "field", "code"),
    [
        ("not-the-password", NEW_PASSWORD, None, "old_password", "password_incorrect"),
        (PASSWORD, "tiny-7Qx", None, "new_password2", "password_too_short"),
        (PASSWORD, "password123", None, "new_password2", "password_too_common"),
        (PASSWORD, "a quiet orchard " * 8 + "!", None, "new_password2", "password_too_long"),
        (PASSWORD, NEW_PASSWORD, "copper-lantern-2032", "new_password2", "password_mismatch"),
    ],
    ids=["wrong old password", "short", "common", "too long", "mismatched"],
)
def test_password_change_bad_input_shows_the_error_and_changes_nothing(
    client, user, old, new, new2, field, code
):
    client.force_login(user)

    response = change_password(client, old, new, new2)

    assert response.status_code == 200
    assert response.context["form"].has_error(field, code=code)
    assert 'role="alert"' in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_change_needs_a_signed_in_user(client):
    response = client.get(reverse("quiz:password_change"))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('quiz:login')}?next={reverse('quiz:password_change')}"


# A teacher's temporary password: the student must change it at their next sign-in.


@pytest.fixture
def temporary_user(user):
    teacher = get_user_model().objects.create_user("tess", is_staff=True)
    temporary_password_set(student=user, password="lighthouse-ferry-2026", teacher=teacher)
    return user


def test_login_with_a_temporary_password_goes_to_the_password_change_page(client, temporary_user):
    response = sign_in(client, "lighthouse-ferry-2026")
    page = client.get(response["Location"])

    assert (response.status_code, response["Location"]) == (302, reverse("quiz:password_change"))
    assert signed_in_user_id(client) == str(temporary_user.pk)
    assert "Your teacher gave you a temporary password." in page.content.decode()


def test_login_with_a_temporary_password_forgets_next(client, temporary_user):
    next_url = reverse("quiz:progress")

    response = client.post(
        f"{reverse('quiz:login')}?next={next_url}",
        {"username": temporary_user.username, "password": "lighthouse-ferry-2026", "next": next_url},
    )

    assert response["Location"] == reverse("quiz:password_change")


def test_password_change_ends_the_temporary_password(client, temporary_user):
    sign_in(client, "lighthouse-ferry-2026")

    response = change_password(client, old="lighthouse-ferry-2026")
    home = client.get(reverse("quiz:home"))

    assert response["Location"] == reverse("quiz:home")
    assert home.status_code == 200
    assert not TemporaryPassword.objects.filter(user=temporary_user).exists()
    client.post(reverse("quiz:logout"))
    assert sign_in(client, NEW_PASSWORD)["Location"] == reverse("quiz:home")


def test_teacher_setting_a_temporary_password_signs_the_student_out(client, user):
    client.force_login(user)
    teacher = get_user_model().objects.create_user("tess", is_staff=True)

    temporary_password_set(student=user, password="lighthouse-ferry-2026", teacher=teacher)
    response = client.get(reverse("quiz:home"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("quiz:login"))
