"""What a teacher may see in the admin: the students of the classes they teach, one class at a time if asked.

A superuser sees every student. A class or student outside the teacher's scope is not found (404), in
lists, filters, charts, exports and object pages alike: the admin's own "doesn't exist, perhaps it was
deleted?" redirect would say nothing different for an id that exists and one that does not, but it is no
refusal; a 404 is.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse

from quiz.models import SchoolClass, Student

CLASS_PARAMETER = "class"
MAX_ID = 2**63 - 1  # the largest value of a BigAutoField


def id_or_none(value: str) -> int | None:
    """Return the value as a row id, or None if it cannot be one."""
    # "²".isdigit() is true but int("²") fails; a number beyond MAX_ID overflows SQLite's integers.
    if not (value.isascii() and value.isdigit() and len(value) <= len(str(MAX_ID))):
        return None
    number = int(value)
    return number if number <= MAX_ID else None


def chosen_class(request: HttpRequest) -> SchoolClass | None:
    """Return the class that `?class=` names among the user's, None without one, or raise Http404."""
    value = request.GET.get(CLASS_PARAMETER, "")
    if not value:
        return None
    class_id = id_or_none(value)
    school_class = (
        None if class_id is None else SchoolClass.objects.taught_by(request.user).filter(pk=class_id).first()
    )
    if school_class is None:
        raise Http404("You teach no class with that id.")
    return school_class


def students_in_scope(request: HttpRequest) -> QuerySet[Student]:
    """Return the students the user may see, narrowed to `?class=` when given."""
    school_class = chosen_class(request)
    students = Student.objects.taught_by(request.user)
    return students if school_class is None else students.in_class(school_class.pk)


def answers_scope(request: HttpRequest) -> QuerySet[Student] | None:
    """Return whose answers the statistics count: None (everyone's) for a superuser without `?class=`."""
    if request.user.is_superuser and not request.GET.get(CLASS_PARAMETER):
        return None
    return students_in_scope(request)


class ClassFilter(admin.SimpleListFilter):
    """Narrow a list of students to one of the teacher's classes; any other class id is not found."""

    title = "class"
    parameter_name = CLASS_PARAMETER

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:  # noqa: ARG002
        return [
            (str(pk), name)
            for pk, name in SchoolClass.objects.taught_by(request.user).values_list("pk", "name")
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        school_class = chosen_class(request)
        return queryset if school_class is None else queryset.in_class(school_class.pk)


class StatisticsClassFilter(ClassFilter):
    """Count the statistics of one class's students; the list's rows (questions) stay the same."""

    title = "answers of class"

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        chosen_class(request)  # a class outside the teacher's is not found
        return queryset


class NotFoundOutsideScope(admin.ModelAdmin):
    """Answer an object outside `get_queryset` with a 404 rather than the admin's redirect to its index."""

    # Django's signature.
    def _get_obj_does_not_exist_redirect(
        self,
        request: HttpRequest,  # noqa: ARG002
        opts: Any,
        object_id: str,  # noqa: ARG002
    ) -> HttpResponse:
        raise Http404(f"No {opts.verbose_name} with that id in your classes.")
