"""Teachers' classes: name, join code, teachers, students and assignments, each student's status and a roster.

A teacher sees and changes only the classes they teach (a superuser, all of them); any other class id is
not found. Students join with the code on the site, or a teacher adds existing students by username or
imports a CSV roster that creates the missing accounts.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path

from quiz.admin import exports
from quiz.admin.lookups import OwnFiltersOnly
from quiz.admin.media import LeanMedia
from quiz.admin.scope import NotFoundOutsideScope
from quiz.models import Assignment, Document, Membership, SchoolClass, Student
from quiz.services import assignments
from quiz.services.accounts import TEACHERS_GROUP
from quiz.services.classes import learners_by_username, students_add
from quiz.services.roster import RosterError, roster_import


def teachers() -> QuerySet[Any]:
    """Return the accounts that may teach a class: active staff in the Teachers group, and superusers."""
    return (
        get_user_model()
        .objects.filter(Q(is_superuser=True) | Q(is_staff=True, groups__name=TEACHERS_GROUP), is_active=True)
        .distinct()
        .order_by("username")
    )


class SchoolClassForm(forms.ModelForm):
    add_students = forms.CharField(
        label="Add students",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Usernames of existing student accounts, separated by spaces, commas or new lines.",
    )

    class Meta:
        model = SchoolClass
        fields = ("name", "description", "teachers")

    def clean_add_students(self) -> list[Student]:
        names = self.cleaned_data["add_students"].replace(",", " ").split()
        found = learners_by_username(names)
        missing = sorted({name for name in names if name.casefold() not in found}, key=str.casefold)
        staff = sorted(user.username for user in found.values() if user.is_staff or user.is_superuser)
        if missing:
            raise ValidationError(
                "No student has the username %(names)s.", code="unknown", params={"names": ", ".join(missing)}
            )
        if staff:
            raise ValidationError(
                "%(names)s: a teacher's or administrator's account cannot be a student.",
                code="staff",
                params={"names": ", ".join(staff)},
            )
        return list(found.values())


class AssignmentForm(forms.ModelForm):
    class Meta:
        model = Assignment
        fields = ("document", "due_date")

    def clean_document(self) -> Document:
        document = self.cleaned_data["document"]
        if not document.is_active and document.pk != self.initial.get("document"):
            raise ValidationError(
                "That document was retired by a reload: assign a current one.", code="retired"
            )
        return document


class AssignmentInline(admin.TabularInline):
    model = Assignment
    form = AssignmentForm
    extra = 1

    def get_queryset(self, request: HttpRequest) -> QuerySet[Assignment]:
        return super().get_queryset(request).select_related("document", "school_class")

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name != "document":
            return super().formfield_for_foreignkey(db_field, request, **kwargs)
        # Retired documents stay choosable so that their existing assignments stay valid.
        kwargs["queryset"] = Document.objects.order_by("-is_active", "title")
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        # Read the choices once: each row's select would otherwise query the documents again.
        field.choices = [
            ("", "---------"),
            *((document.pk, document_label(document)) for document in field.queryset),
        ]
        return field


def document_label(document: Document) -> str:
    return document.title if document.is_active else f"{document.title} (retired)"


class MembershipInline(admin.TabularInline):
    model = Membership
    fields = ("student", "joined_at")
    readonly_fields = ("student", "joined_at")
    extra = 0
    verbose_name_plural = "students (tick “Delete” to take a student out of the class)"

    # Django's signature: students join with the code, by username or from a roster, not from a blank row.
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ARG002
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Membership]:
        return (
            super()
            .get_queryset(request)
            .select_related("student", "school_class")
            .order_by("student__username")
        )


@admin.register(SchoolClass)
class SchoolClassAdmin(LeanMedia, NotFoundOutsideScope, OwnFiltersOnly):
    form = SchoolClassForm
    list_display = ("name", "join_code", "students", "assignments", "teacher_names")
    search_fields = ("name",)
    readonly_fields = ("join_code", "created_by", "created_at")
    inlines = (AssignmentInline, MembershipInline)
    actions = ("join_code_regenerate",)
    show_full_result_count = False

    def get_queryset(self, request: HttpRequest) -> QuerySet[SchoolClass]:
        """Return the classes the user teaches, with their counts and teachers."""
        return (
            SchoolClass.objects.taught_by(request.user)
            .annotate(
                student_count=Count("memberships", distinct=True),
                assignment_count=Count("assignments", distinct=True),
            )
            .prefetch_related("teachers")
        )

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:  # noqa: ARG002
        main = ("name", "description", "teachers", "add_students")
        if obj is None:
            return [(None, {"fields": main})]
        return [
            (None, {"fields": main}),
            ("Join code", {"fields": ("join_code", "created_by", "created_at")}),
        ]

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "teachers":
            kwargs["queryset"] = teachers()
            kwargs["help_text"] = "The class's creator stays one of its teachers."
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        return {"teachers": [request.user.pk]}

    def save_model(self, request: HttpRequest, obj: SchoolClass, form: Any, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        school_class = form.instance
        if school_class.created_by_id is not None:
            school_class.teachers.add(school_class.created_by_id)
        added = students_add(school_class=school_class, students=form.cleaned_data["add_students"])
        if added:
            self.message_user(request, f"Added {added} student(s) to {school_class.name}.", messages.SUCCESS)

    @admin.display(description="students", ordering="student_count")
    def students(self, school_class: SchoolClass) -> int:
        return school_class.student_count

    @admin.display(description="assignments", ordering="assignment_count")
    def assignments(self, school_class: SchoolClass) -> int:
        return school_class.assignment_count

    @admin.display(description="teachers")
    def teacher_names(self, school_class: SchoolClass) -> str:
        return ", ".join(sorted(teacher.username for teacher in school_class.teachers.all()))

    @admin.action(description="Make new join codes for the selected classes", permissions=("change",))
    def join_code_regenerate(self, request: HttpRequest, queryset: QuerySet[SchoolClass]) -> None:
        changed = [f"{school_class.name}: {school_class.join_code_regenerate()}" for school_class in queryset]
        self.message_user(
            request, f"New join codes (the old ones no longer work): {'; '.join(changed)}.", messages.SUCCESS
        )

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/status.csv", view(self.status_csv_view), name="quiz_schoolclass_status_csv"),
            path("<int:pk>/roster/", view(self.roster_view), name="quiz_schoolclass_roster"),
            *super().get_urls(),
        ]

    def render_change_form(
        self, request: HttpRequest, context: dict[str, Any], *args: Any, obj: Any = None, **kwargs: Any
    ) -> HttpResponse:
        if obj is not None:
            context["table"] = assignments.class_table(obj)
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def _class(self, request: HttpRequest, pk: int) -> SchoolClass:
        """Return one of the user's classes, or raise Http404."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        return get_object_or_404(SchoolClass.objects.taught_by(request.user), pk=pk)

    def status_csv_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Download each student's status in each assignment of the class."""
        school_class = self._class(request, pk)
        rows = assignments.export_rows(school_class, assignments.class_table(school_class))
        return exports.csv_response(rows, name=f"class-{school_class.pk}-assignments")

    def roster_view(self, request: HttpRequest, pk: int) -> TemplateResponse:
        """Import a CSV roster into the class: the form, then what the import did or why it did nothing."""
        school_class = self._class(request, pk)
        if request.method == "POST" and not self.has_change_permission(request, school_class):
            raise PermissionDenied
        form = RosterForm(request.POST, request.FILES) if request.method == "POST" else RosterForm()
        report, status = None, 200
        if form.is_bound and form.is_valid():
            try:
                report = roster_import(
                    school_class=school_class,
                    text=form.cleaned_data["text"],
                    dry_run=form.cleaned_data["dry_run"],
                )
            except RosterError as error:
                form.add_error(None, [ValidationError(problem, code="roster") for problem in error.problems])
        if form.errors:
            status = 400
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": school_class,
            "title": f"Import a roster into {school_class.name}",
            "form": form,
            "report": report,
        }
        return TemplateResponse(request, "admin/quiz/schoolclass/roster.html", context, status=status)


class RosterForm(forms.Form):
    roster = forms.FileField(
        label="Roster (CSV)",
        help_text="One student a line: username, then optionally a password for a new account. "
        "A first line “username,password” is skipped.",
    )
    dry_run = forms.BooleanField(label="Only show what would be done", required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        upload = cleaned.get("roster")
        if upload is not None:
            if upload.size > 1_000_000:
                raise ValidationError("A roster file holds at most 1 MB.", code="too_big")
            try:
                cleaned["text"] = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                raise ValidationError(
                    "Save the roster as UTF-8 CSV and try again.", code="encoding"
                ) from None
        return cleaned
