from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse_lazy
from django.views.decorators.http import require_http_methods

from quiz.forms import SignupForm
from quiz.middleware import MUST_CHANGE_PASSWORD
from quiz.services.accounts import password_change_required, temporary_password_clear


@require_http_methods(["GET", "HEAD", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    """Create an account from the signup form, sign the new user in and send them home."""
    if request.user.is_authenticated:
        return redirect("quiz:home")
    form = SignupForm(request.POST) if request.method == "POST" else SignupForm()
    if form.is_valid():
        user = form.save()
        # Just made from a valid form: sign in through the model backend, past the sign-in rate limiter.
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome, {user.get_username()}. Your account is ready.")
        return redirect("quiz:home")
    return render(request, "quiz/signup.html", {"form": form})


class LoginView(auth_views.LoginView):
    """Django's sign-in page; a signed-in user goes on to a safe `next`, or home."""

    redirect_authenticated_user = True
    http_method_names = ("get", "post", "head", "options")  # Django's FormView takes a PUT as a POST

    def get_success_url(self) -> str:
        # Django raises a ValueError, a server error, when a signed-in user's `next` is this very page.
        url = super().get_success_url()
        return resolve_url(settings.LOGIN_REDIRECT_URL) if urlsplit(url).path == self.request.path else url

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        if password_change_required(user=form.get_user()):  # a teacher's temporary password
            self.request.session[MUST_CHANGE_PASSWORD] = True
            return redirect("quiz:password_change")
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's password change page (old password, new one twice, the site's validators), in the site's look.

    Choosing a new password ends a teacher's temporary one, and the student's other sessions.
    """

    template_name = "quiz/password_change.html"
    success_url = reverse_lazy("quiz:home")
    http_method_names = ("get", "post", "head", "options")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "temporary": self.request.session.get(MUST_CHANGE_PASSWORD),
        }

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        response = super().form_valid(form)
        temporary_password_clear(user=form.user)
        self.request.session.pop(MUST_CHANGE_PASSWORD, None)
        messages.success(self.request, "Your password has been changed.")
        return response


login_view = LoginView.as_view()
password_change = PasswordChangeView.as_view()
