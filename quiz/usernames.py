"""Usernames that look alike: refuse a new one whose Unicode confusable skeleton an existing one shares.

`studеnt` with a Cyrillic е, `ｓｔｕｄｅｎｔ` in full width or `STUDENT` would each pass for `student` in a
list of names, and `ada1` for `adal`. Two usernames are confusable when, after NFKC normalisation (with
and without case folding), they have the same skeleton in the sense of Unicode Technical Standard #39, as
ICU's spoof checker computes it.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import icu
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError


@cache
def _checker() -> icu.SpoofChecker:
    return icu.SpoofChecker()


def skeletons(username: str) -> frozenset[str]:
    """Return the TR39 skeletons of the username as typed and case-folded, after NFKC."""
    normalised = unicodedata.normalize("NFKC", username)
    # Both: folding case first hides `I` beside `l`, which look alike only as capital I and small L.
    forms = {normalised, unicodedata.normalize("NFKC", normalised.casefold())}
    return frozenset(_checker().getSkeleton(0, form) for form in forms)


def lookalike_of(username: str, *, exclude_pk: object = None) -> str | None:
    """Return an existing username confusable with `username`, other than the account `exclude_pk`'s."""
    wanted = skeletons(username)
    existing = get_user_model().objects.exclude(pk=exclude_pk).values_list("username", flat=True)
    return next((name for name in existing.iterator() if wanted & skeletons(name)), None)


def validate_distinct_username(username: str, *, exclude_pk: object = None) -> None:
    """Refuse a username that would pass for an existing one."""
    if lookalike_of(username, exclude_pk=exclude_pk) is not None:
        raise ValidationError(
            "This username looks too much like an existing one. Please choose another.",
            code="username_confusable",
        )
