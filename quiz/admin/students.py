"""Teachers' read-only view of the students: progress list, detail page, CSV export and class charts."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.debug import sensitive_post_parameters

from quiz.admin import exports
from quiz.admin.lookups import OwnFiltersOnly
from quiz.admin.media import LeanMedia
from quiz.admin.scope import ClassFilter, NotFoundOutsideScope, chosen_class, id_or_none, students_in_scope
from quiz.models import Document, SchoolClass, Student, TemporaryPassword
from quiz.services import class_progress
from quiz.services.accounts import temporary_password_set
from quiz.services.progress import accuracy_chart, day_start

ACTIVITY_WINDOWS = {"today": 0, "7d": 7, "30d": 30, "90d": 90}


class DocumentFilter(admin.SimpleListFilter):
    title = "answered in document"
    parameter_name = "document"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:  # noqa: ARG002
        return [(str(pk), title) for pk, title in Document.objects.active().values_list("pk", "title")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Student]) -> QuerySet[Student]:  # noqa: ARG002
        value = self.value()
        if not value:
            return queryset
        document_id = id_or_none(value)
        if document_id is None:  # no document has that id, so no student answered in it
            return queryset.none()
        return class_progress.answered_in(queryset, document_id=document_id)


class ActivityFilter(admin.SimpleListFilter):
    title = "last activity"
    parameter_name = "active"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:  # noqa: ARG002
        return [
            ("today", "Today"),
            ("7d", "Past 7 days"),
            ("30d", "Past 30 days"),
            ("90d", "Past 90 days"),
            ("never", "Never"),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Student]) -> QuerySet[Student]:  # noqa: ARG002
        value = self.value()
        if value == "never":
            return queryset.filter(last_activity__isnull=True)
        if value in ACTIVITY_WINDOWS:
            today = timezone.localdate()
            since = day_start(today - datetime.timedelta(days=ACTIVITY_WINDOWS[value]))
            return queryset.filter(last_activity__gte=since)
        return queryset


@admin.register(Student)
class StudentAdmin(LeanMedia, NotFoundOutsideScope, OwnFiltersOnly):
    list_display = (
        "username",
        "attempts",
        "answered",
        "accuracy",
        "mastery",
        "due",
        "last_activity",
    )
    list_filter = (ClassFilter, DocumentFilter, ActivityFilter)
    search_fields = ("username",)
    ordering = ("username",)
    fields = ("username", "first_name", "last_name", "is_active", "date_joined", "last_login")
    show_full_result_count = False

    # Django's signatures: students' accounts and history are never edited here.
    def has_add_permission(self, request: HttpRequest) -> bool:  # noqa: ARG002
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ARG002
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ARG002
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Student]:
        """Return the students of the teacher's classes (every learner for a superuser) with their figures."""
        return class_progress.with_progress(Student.objects.taught_by(request.user), now=timezone.now())

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view
        return [
            path("students.csv", view(self.csv_view), name="quiz_student_csv"),
            path("class-progress/", view(self.class_progress_view), name="quiz_student_class_progress"),
            path(
                "<path:object_id>/temporary-password/",
                view(self.temporary_password_view),
                name="quiz_student_temporary_password",
            ),
            *super().get_urls(),
        ]

    @admin.display(description="attempts", ordering="attempt_count")
    def attempts(self, student: Student) -> int:
        return student.attempt_count

    @admin.display(description="questions answered", ordering="answer_count")
    def answered(self, student: Student) -> int:
        return student.answer_count

    @admin.display(description="accuracy (%)", ordering="accuracy", empty_value="—")
    def accuracy(self, student: Student) -> int | None:
        return class_progress.accuracy_percent(student)

    @admin.display(description="mastery (%)", ordering="mastery")
    def mastery(self, student: Student) -> int:
        return class_progress.mastery_percent(student)

    @admin.display(description="cards due", ordering="due_count")
    def due(self, student: Student) -> int:
        return student.due_count

    @admin.display(description="last activity", ordering="last_activity", empty_value="never")
    def last_activity(self, student: Student) -> datetime.datetime | None:
        return student.last_activity

    def render_change_form(
        self, request: HttpRequest, context: dict[str, Any], *args: Any, obj: Any = None, **kwargs: Any
    ) -> HttpResponse:
        if obj is not None:
            now = timezone.now()
            context["breakdown"] = class_progress.document_breakdown(user=obj, now=now)
            context["recent_attempts"] = class_progress.recent_attempts(user=obj)
            context["temporary_password"] = TemporaryPassword.objects.filter(user=obj).first()
            context["can_set_temporary_password"] = request.user.has_perm("quiz.set_temporary_password")
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def csv_view(self, request: HttpRequest) -> HttpResponse:
        """Download the progress of the students the list shows, with its filters, search and order."""
        rows = exports.listed_rows(self, request)
        if isinstance(rows, HttpResponse):
            return rows
        return exports.csv_response(class_progress.export_rows(rows), name="student-progress")

    def class_progress_view(self, request: HttpRequest) -> TemplateResponse:
        """Chart the students' accuracy per day over 30 days and the students per mastery band."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        now = timezone.now()
        school_class = chosen_class(request)
        students = students_in_scope(request)
        days = class_progress.class_accuracy_by_day(today=timezone.localdate(now), students=students)
        bands = class_progress.mastery_distribution(now=now, students=students)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Class progress: {school_class.name}" if school_class else "Class progress",
            "school_class": school_class,
            "classes": SchoolClass.objects.taught_by(request.user),
            "accuracy_chart": accuracy_chart(days),
            "mastery_chart": class_progress.mastery_chart(bands),
            "student_count": sum(band.students for band in bands),
        }
        return TemplateResponse(request, "admin/quiz/student/class_progress.html", context)

    @method_decorator(sensitive_post_parameters("new_password1", "new_password2"))
    def temporary_password_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Set a password the student must change at their next sign-in; only for a student the list shows."""
        if not request.user.has_perm("quiz.set_temporary_password"):
            raise PermissionDenied
        # Through get_queryset, so a teacher reaches only the students they may see; any other id is a 404.
        student = self.get_object(request, unquote(object_id))
        if student is None:
            raise Http404("No such student.")
        form = SetPasswordForm(student, request.POST if request.method == "POST" else None)
        if form.is_valid():
            with transaction.atomic():  # the password and its line in the student's history, or neither
                temporary_password_set(
                    student=student, password=form.cleaned_data["new_password1"], teacher=request.user
                )
                self.log_change(request, student, "Set a temporary password.")
            self.message_user(request, f"{student} must choose a new password at their next sign-in.")
            return redirect("admin:quiz_student_change", student.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": student,
            "title": f"Set a temporary password for {student}",
            "form": form,
        }
        return TemplateResponse(request, "admin/quiz/student/temporary_password.html", context)
