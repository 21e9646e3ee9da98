"""URL lookups on admin lists: only the list's own filters, so no other field can be probed.

Django's admin lets any lookup on a model's own fields through a list's query string
(`?password__startswith=pbkdf2`), and the CSV exports read the same query string. A teacher could
then binary-search any column the list does not show, password hashes included.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.utils import get_fields_from_path
from django.http import HttpRequest


class OwnFiltersOnly(admin.ModelAdmin):
    """Allow exactly the query-string lookups of the list's own filters."""

    def lookup_allowed(self, lookup: str, value: str, request: HttpRequest) -> bool:  # noqa: ARG002
        return lookup in self.filter_parameters(request)

    def filter_parameters(self, request: HttpRequest) -> set[str]:
        """Return the parameter names that the list's filters read from the query string."""
        parameters: set[str] = set()
        for spec in self.get_list_filter(request):
            if isinstance(spec, type) and issubclass(spec, admin.SimpleListFilter):
                parameters.add(spec.parameter_name)
                continue
            field_path, filter_class = spec if isinstance(spec, tuple | list) else (spec, None)
            field = get_fields_from_path(self.model, field_path)[-1]
            create: Any = filter_class or admin.FieldListFilter.create
            parameters.update(create(field, request, {}, self.model, self, field_path).expected_parameters())
        return parameters
