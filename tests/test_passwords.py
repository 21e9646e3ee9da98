from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from quiz.passwords import MaximumLengthValidator


def test_maximum_length_accepts_the_limit_itself():
    MaximumLengthValidator(max_length=128).validate("p" * 128)


def test_maximum_length_rejects_one_character_more_with_its_code():
    with pytest.raises(ValidationError) as raised:
        MaximumLengthValidator(max_length=128).validate("p" * 129)

    assert raised.value.code == "password_too_long"
    assert raised.value.messages == ["This password is too long. It must contain at most 128 characters."]


def test_maximum_length_help_text_names_the_limit():
    assert MaximumLengthValidator(max_length=64).get_help_text() == (
        "Your password can contain at most 64 characters."
    )
