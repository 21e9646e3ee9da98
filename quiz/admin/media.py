"""The admin's scripts, without those of fields these admins never have."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin


class LeanMedia(admin.ModelAdmin):
    """Load the admin's scripts except urlify, prepopulate and XRegExp, which only prepopulated fields use.

    Django's ModelAdmin.media loads them on every page of every model, and in the page's head, where each
    one holds up the first paint; XRegExp alone is 163 KB. None of the quiz admins prepopulates a field.
    """

    @property
    def media(self) -> forms.Media:
        if self.prepopulated_fields:
            return super().media
        extra = "" if settings.DEBUG else ".min"
        scripts = (
            f"vendor/jquery/jquery{extra}.js",
            "jquery.init.js",
            "core.js",
            "admin/RelatedObjectLookups.js",
            "actions.js",
        )
        return forms.Media(js=[f"admin/js/{name}" for name in scripts])
