from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from quiz.content.collection import Collection
from quiz.models import Choice, Document, Fact, Flashcard, Question
from tests.factories import make_collection

CONTENT_MODELS = (Document, Fact, Question, Choice, Flashcard)


@pytest.fixture
def collection() -> Collection:
    return make_collection()


@pytest.fixture
def db_snapshot() -> Callable[[], dict[str, list[tuple[Any, ...]]]]:
    """Return a function that reads every content row, to compare the database before and after."""

    def snapshot() -> dict[str, list[tuple[Any, ...]]]:
        return {model.__name__: list(model.objects.order_by("pk").values_list()) for model in CONTENT_MODELS}

    return snapshot


@pytest.fixture(autouse=True)
def _fsrs_without_fuzz(settings: Any) -> None:
    """Schedule without FSRS's random fuzz, so that due dates in tests are exact."""
    settings.QUIZ_FSRS_FUZZING = False
