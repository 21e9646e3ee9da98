"""Forms of the quiz site."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.core import signing

from quiz.models import AttemptQuestion, Choice, Document, Rating
from quiz.usernames import validate_distinct_username


class SignupForm(UserCreationForm):
    """Ask for a username and a password typed twice.

    `UserCreationForm` already rejects a username taken in any letter case (code "unique"), two passwords
    that differ (code "password_mismatch") and a password that fails `AUTH_PASSWORD_VALIDATORS`, each with
    the validator's code ("password_too_short", "password_too_common", ...). A username that looks like an
    existing one is refused too (code "username_confusable", quiz.usernames).
    """

    class Meta(UserCreationForm.Meta):
        fields = ("username",)

    def clean_username(self) -> str | None:
        username = super().clean_username()  # None when taken in any letter case: already an error
        if username is not None:
            validate_distinct_username(username)
        return username


class QuizStartForm(forms.Form):
    """Start a quiz on one document, or on all of them when `document` is empty."""

    document = forms.ModelChoiceField(
        queryset=Document.objects.active(),
        required=False,
        error_messages={"invalid_choice": "That document is not available any more."},
    )
    token = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={
            "required": "The form was incomplete. Start the quiz from the home page.",
            "invalid": "The form was incomplete. Start the quiz from the home page.",
        },
    )


class JoinClassForm(forms.Form):
    """Type the join code a teacher gave out; spaces, hyphens and small letters are allowed."""

    code = forms.CharField(
        label="Join code",
        max_length=20,
        help_text="The 8 letters and digits your teacher gave you, such as ABCD-EF34.",
        error_messages={"required": "Type the join code your teacher gave you."},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class FocusedRadioSelect(forms.RadioSelect):
    """Radio buttons with `autofocus` on one of them: the checked option, or else the first."""

    def optgroups(self, name: str, value: Any, attrs: dict[str, Any] | None = None) -> list[Any]:
        groups = super().optgroups(name, value, attrs)
        options = [option for _group, group_options, _index in groups for option in group_options]
        if options:
            focused = next((option for option in options if option["selected"]), options[0])
            focused["attrs"]["autofocus"] = True
        return groups


class AnswerForm(forms.Form):
    """Pick one option of an attempt's question; `shown` is the signed moment the question was shown."""

    choice = forms.TypedChoiceField(
        coerce=int,
        widget=FocusedRadioSelect,
        error_messages={
            "required": "Pick one of the options.",
            "invalid_choice": "That is not one of this question's options.",
        },
    )
    shown = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, item: AttemptQuestion, choices: Sequence[Choice], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.item = item
        self.fields["choice"].choices = [(choice.pk, choice.text) for choice in choices]
        self.fields["choice"].label = item.question.stem
        self.choices = {choice.pk: choice for choice in choices}
        if not self.is_bound:
            self.initial["shown"] = shown_stamp(item.pk)

    def clean_shown(self) -> int | None:
        """Return the milliseconds since the question was shown, or None if the stamp is missing or forged."""
        return elapsed_ms(self.cleaned_data["shown"], self.item.pk)

    def chosen(self) -> Choice:
        return self.choices[self.cleaned_data["choice"]]


class RatingForm(forms.Form):
    """Rate a flashcard; `seen` is the card's review count when it was shown, so a replay changes nothing."""

    rating = forms.TypedChoiceField(
        coerce=int,
        choices=Rating.choices,
        error_messages={
            "required": "Pick a rating.",
            "invalid_choice": "Ratings go from 1 (Again) to 4 (Easy).",
        },
    )
    seen = forms.IntegerField(
        min_value=0,
        widget=forms.HiddenInput,
        error_messages=dict.fromkeys(
            ("required", "invalid", "min_value"),
            "The form was incomplete. Reload the page and rate the card again.",
        ),
    )
    shown = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, flashcard_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.flashcard_id = flashcard_id
        if not self.is_bound:
            self.initial["shown"] = shown_stamp(flashcard_id)

    def clean_shown(self) -> int | None:
        return elapsed_ms(self.cleaned_data["shown"], self.flashcard_id)


# A stamp older than this is a page left open, not thinking time.
MAX_RESPONSE_MS = 60 * 60 * 1000


def shown_stamp(pk: int) -> str:
    """Sign the moment an item is shown, so the response time can be measured without a write on GET."""
    return signing.dumps([pk, int(time.time() * 1000)], salt="quiz.shown")


def elapsed_ms(stamp: str, pk: int) -> int | None:
    try:
        stamped_pk, shown_ms = signing.loads(stamp, salt="quiz.shown")
    except (signing.BadSignature, TypeError, ValueError):
        return None
    elapsed = int(time.time() * 1000) - shown_ms
    return elapsed if stamped_pk == pk and 0 <= elapsed <= MAX_RESPONSE_MS else None
