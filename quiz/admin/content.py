"""Content is read-only in the admin (reload_content owns it), except the teacher's switch on questions."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from quiz.models import Choice, Document, Fact, Flashcard, Question


class ContentAdmin(admin.ModelAdmin):
    editable_fields: tuple[str, ...] = ()
    show_full_result_count = False

    # Django's signatures: the answer does not depend on the request or the object.
    def has_add_permission(self, request: HttpRequest) -> bool:  # noqa: ARG002
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ARG002
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(self.editable_fields) and super().has_change_permission(request, obj)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:  # noqa: ARG002
        return [field.name for field in self.model._meta.fields if field.name not in self.editable_fields]


@admin.register(Document)
class DocumentAdmin(ContentAdmin):
    list_display = ("title", "key", "published", "is_active", "reloaded_at")
    list_filter = ("is_active",)
    search_fields = ("title", "key")


@admin.register(Fact)
class FactAdmin(ContentAdmin):
    list_display = ("when", "event", "document", "precision", "is_active")
    list_filter = ("precision", "is_active")
    list_select_related = ("document",)
    search_fields = ("sentence", "event")


@admin.register(Question)
class QuestionAdmin(ContentAdmin):
    editable_fields = ("is_enabled",)
    list_display = ("stem", "asks", "is_active", "is_enabled")
    list_editable = ("is_enabled",)
    list_filter = ("asks", "is_active", "is_enabled")
    search_fields = ("stem",)


@admin.register(Choice)
class ChoiceAdmin(ContentAdmin):
    list_display = ("text", "question", "position", "is_correct", "is_active")
    list_filter = ("is_correct", "is_active")
    list_select_related = ("question",)


@admin.register(Flashcard)
class FlashcardAdmin(ContentAdmin):
    list_display = ("front", "back", "direction", "is_active")
    list_filter = ("direction", "is_active")
    search_fields = ("front", "back")
