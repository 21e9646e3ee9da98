from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.views.decorators.http import require_http_methods

from quiz.forms import SignupForm


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


login_view = LoginView.as_view()
