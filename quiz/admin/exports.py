"""CSV downloads of admin lists: the rows the list shows, written so that a spreadsheet evaluates nothing."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

# OWASP's CSV injection advice: a cell starting with one of these is read as a formula by spreadsheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")  # a signed number such as a negative discrimination is no formula


def spreadsheet_safe(cell: Any) -> Any:
    """Return the cell with a leading quote when a spreadsheet would evaluate it as a formula."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(cell):
        return f"'{cell}"
    return cell


def listed_rows(model_admin: admin.ModelAdmin, request: HttpRequest) -> QuerySet[Any] | HttpResponse:
    """Return the list's rows with its filters, search and order, or a 400 page for filters it refuses."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    try:
        return model_admin.get_changelist_instance(request).queryset
    except IncorrectLookupParameters:
        context = {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.opts,
            "title": "Nothing to export",
        }
        return TemplateResponse(request, "admin/quiz/export_refused.html", context, status=400)


def csv_response(rows: Iterable[Sequence[Any]], *, name: str) -> HttpResponse:
    """Return the rows as a dated UTF-8 CSV download, every cell made safe for spreadsheets."""
    stamp = timezone.localdate().isoformat()
    response = HttpResponse(
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}-{stamp}.csv"'},
    )
    response.write("\ufeff")  # the byte order mark that makes spreadsheets read UTF-8
    csv.writer(response).writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
    return response
