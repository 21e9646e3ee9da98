"""Content is read-only in the admin (reload_content owns it), except the teacher's switch on questions.

The question list carries the item analysis of quiz.services.statistics, with its CSV export and the
"hardest questions" chart; the document list counts each document's facts and questions.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import URLPattern, path

from quiz.admin import exports
from quiz.admin.lookups import OwnFiltersOnly
from quiz.admin.media import LeanMedia
from quiz.admin.scope import StatisticsClassFilter, answers_scope, chosen_class
from quiz.models import Choice, Document, Fact, Flashcard, Question, SchoolClass
from quiz.services import statistics


class ContentAdmin(LeanMedia, OwnFiltersOnly):
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
    list_display = (
        "title",
        "key",
        "published",
        "is_active",
        "facts",
        "active_questions",
        "inactive_questions",
        "reloaded_at",
    )
    list_filter = ("is_active",)
    search_fields = ("title", "key")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Document]:
        # Inactive: retired by a reload (or its fact was) or switched off by a teacher; the rest are live.
        inactive = (
            Q(facts__questions__is_active=False)
            | Q(facts__questions__is_enabled=False)
            | Q(facts__is_active=False)
        )
        return (
            super()
            .get_queryset(request)
            .with_counts()
            .annotate(inactive_question_count=Count("facts__questions", filter=inactive, distinct=True))
        )

    @admin.display(description="facts", ordering="fact_count")
    def facts(self, document: Document) -> int:
        return document.fact_count

    @admin.display(description="active questions", ordering="question_count")
    def active_questions(self, document: Document) -> int:
        return document.question_count

    @admin.display(description="inactive questions", ordering="inactive_question_count")
    def inactive_questions(self, document: Document) -> int:
        return document.inactive_question_count


@admin.register(Fact)
class FactAdmin(ContentAdmin):
    list_display = ("when", "event", "document", "precision", "is_active")
    list_filter = ("precision", "is_active")
    list_select_related = ("document",)
    search_fields = ("sentence", "event")


class FlagFilter(admin.SimpleListFilter):
    title = "flag"
    parameter_name = "flag"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:  # noqa: ARG002
        return [(flag.replace(" ", "-"), flag) for flag in statistics.FLAGS]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Question]) -> QuerySet[Question]:  # noqa: ARG002
        flag = (self.value() or "").replace("-", " ")
        return statistics.flagged(queryset, flag) if flag in statistics.FLAGS else queryset


class QuestionSwitchForm(forms.ModelForm):
    """The list's on/off switch, named after its question: the admin gives list_editable fields no label."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["is_enabled"].widget.attrs["aria-label"] = f"Enabled: {self.instance.stem}"


@admin.register(Question)
class QuestionAdmin(ContentAdmin):
    editable_fields = ("is_enabled",)
    list_display = (
        "stem",
        "asks",
        "is_active",
        "is_enabled",
        "answered",
        "first_tries",
        "facility",
        "discrimination",
        "flags",
    )
    list_editable = ("is_enabled",)
    list_filter = (StatisticsClassFilter, "asks", "is_active", "is_enabled", FlagFilter)
    search_fields = ("stem",)
    actions = ("switch_off",)
    statistics_fields = ("answered", "first_tries", "facility", "discrimination", "flags", "last_answered")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Question]:
        """Annotate the statistics of the teacher's students' answers (one class's with `?class=`)."""
        return statistics.with_statistics(super().get_queryset(request), answers_scope(request))

    def get_changelist_form(self, request: HttpRequest, **kwargs: Any) -> type[forms.ModelForm]:
        return super().get_changelist_form(request, form=QuestionSwitchForm, **kwargs)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [*super().get_readonly_fields(request, obj), *self.statistics_fields]

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view
        return [
            path("statistics.csv", view(self.statistics_csv_view), name="quiz_question_statistics_csv"),
            path("hardest/", view(self.hardest_view), name="quiz_question_hardest"),
            *super().get_urls(),
        ]

    @admin.display(description="answered", ordering="answer_count")
    def answered(self, question: Question) -> int:
        return question.answer_count

    @admin.display(description="first tries", ordering="first_try_count")
    def first_tries(self, question: Question) -> int:
        return question.first_try_count

    @admin.display(description="facility (%)", ordering="facility")
    def facility(self, question: Question) -> str:
        return statistics.item_counts(question).facility_label

    @admin.display(description="discrimination", ordering="discrimination")
    def discrimination(self, question: Question) -> str:
        return statistics.item_counts(question).discrimination_label

    @admin.display(description="flags")
    def flags(self, question: Question) -> str:
        return ", ".join(statistics.item_counts(question).flags)

    @admin.display(description="last answered", ordering="last_answered")
    def last_answered(self, question: Question) -> Any:
        return question.last_answered

    @admin.action(description="Switch off the selected questions", permissions=("change",))
    def switch_off(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        # The statistics' aggregates cannot ride along in an UPDATE, so the rows are picked by id.
        ids = list(queryset.filter(is_enabled=True).values_list("pk", flat=True))
        switched = Question.objects.filter(pk__in=ids)
        switched.update(is_enabled=False)
        LogEntry.objects.log_actions(
            request.user.pk, switched, CHANGE, change_message=[{"changed": {"fields": ["Is enabled"]}}]
        )
        self.message_user(request, f"Switched off {len(ids)} question(s).", messages.SUCCESS)

    def render_change_form(
        self, request: HttpRequest, context: dict[str, Any], *args: Any, obj: Any = None, **kwargs: Any
    ) -> HttpResponse:
        if obj is not None:
            picks = statistics.option_picks([obj.pk], answers_scope(request))
            context["option_picks"] = picks.get(obj.pk, [])
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def statistics_csv_view(self, request: HttpRequest) -> HttpResponse:
        """Download the statistics of the questions the list shows, with its filters, search and order."""
        questions = exports.listed_rows(self, request)
        if isinstance(questions, HttpResponse):
            return questions
        rows = list(questions.select_related("fact__document"))
        picks = statistics.option_picks((question.pk for question in rows), answers_scope(request))
        options = max((pick.position + 1 for table in picks.values() for pick in table), default=4)
        table = statistics.export_rows(rows, picks, options=options)
        return exports.csv_response(table, name="question-statistics")

    def hardest_view(self, request: HttpRequest) -> TemplateResponse:
        """Show the live questions of lowest facility as a bar chart and a table."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        school_class = chosen_class(request)
        questions = statistics.hardest_questions(Question.objects.all(), students=answers_scope(request))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Hardest questions: {school_class.name}" if school_class else "Hardest questions",
            "school_class": school_class,
            "classes": SchoolClass.objects.taught_by(request.user),
            "questions": [(question, statistics.item_counts(question)) for question in questions],
            "chart": statistics.hardest_chart(questions),
            "min_first_tries": statistics.MIN_FIRST_TRIES,
        }
        return TemplateResponse(request, "admin/quiz/question/hardest.html", context)


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
