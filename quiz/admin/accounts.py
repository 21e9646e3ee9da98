"""The superusers' user admin: Django's own, with forms that refuse a username that looks like another."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.models import User

from quiz.usernames import validate_distinct_username


class UserCreationForm(auth_forms.AdminUserCreationForm):
    def clean_username(self) -> str | None:
        username = super().clean_username()  # None when taken in any letter case: already an error
        if username is not None:
            validate_distinct_username(username)
        return username


class UserChangeForm(auth_forms.UserChangeForm):
    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        validate_distinct_username(username, exclude_pk=self.instance.pk)
        return username


admin.site.unregister(User)


@admin.register(User)
class UserAdmin(auth_admin.UserAdmin):
    add_form = UserCreationForm
    form = UserChangeForm
