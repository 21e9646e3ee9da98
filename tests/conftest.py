from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test.utils import override_settings
from django.utils import timezone

from quiz.content.collection import Collection
from quiz.models import (
    Answer,
    Attempt,
    AttemptQuestion,
    CardStage,
    CardState,
    Choice,
    Document,
    Fact,
    Flashcard,
    Question,
)
from quiz.services.reload import content_reload
from tests.factories import make_collection

CONTENT_MODELS = (Document, Fact, Question, Choice, Flashcard)


@pytest.fixture(scope="session", autouse=True)
def static_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Collect the static files once, as `make serve` does, and serve only those, as in production.

    Pages then link the hashed names of the manifest, and whitenoise serves them with their compressed copies,
    so a template naming a file that collectstatic does not know fails here rather than in production.
    """
    root = tmp_path_factory.mktemp("staticfiles")
    with override_settings(STATIC_ROOT=root, WHITENOISE_USE_FINDERS=False, WHITENOISE_AUTOREFRESH=False):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield root


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


@pytest.fixture
def student(django_user_model: Any) -> Any:
    return django_user_model.objects.create_user("ada", password="a-long-enough-password")


@pytest.fixture
def signed_in(client: Any, student: Any) -> Any:
    """Return the test client signed in as `student`."""
    client.force_login(student)
    return client


@pytest.fixture
def other_student(django_user_model: Any) -> Any:
    return django_user_model.objects.create_user("brian", password="a-long-enough-password")


@pytest.fixture
def big_history(student: Any) -> Any:
    """Load 1,000 facts and give `student` 5,000 answers and a schedule for every flashcard."""
    content_reload(collection=make_collection(documents=10, facts=100))
    questions = list(Question.objects.values_list("pk", flat=True))
    choices = {}
    for question_id, choice_id, is_correct in Choice.objects.values_list("question_id", "pk", "is_correct"):
        choices.setdefault(question_id, []).append((choice_id, is_correct))
    start = timezone.now() - datetime.timedelta(days=60)
    attempts = Attempt.objects.bulk_create(
        Attempt(
            user=student,
            started_at=start + datetime.timedelta(hours=n),
            finished_at=start,
            size=10,
            answered=10,
        )
        for n in range(500)
    )
    items = AttemptQuestion.objects.bulk_create(
        AttemptQuestion(
            attempt=attempt,
            question_id=questions[(a * 10 + p) % len(questions)],
            position=p + 1,
            choice_order=[pk for pk, _ in choices[questions[(a * 10 + p) % len(questions)]]],
        )
        for a, attempt in enumerate(attempts)
        for p in range(10)
    )
    Answer.objects.bulk_create(
        Answer(
            item=item,
            user=student,
            question_id=item.question_id,
            choice_id=choices[item.question_id][n % 4][0],
            is_correct=choices[item.question_id][n % 4][1],
            is_first_try=n < len(questions),
            answered_at=start + datetime.timedelta(minutes=n * 10),
        )
        for n, item in enumerate(items)
    )
    now = timezone.now()
    CardState.objects.bulk_create(
        CardState(
            user=student,
            flashcard_id=pk,
            stage=CardStage.REVIEW,
            stability=5.0,
            difficulty=5.0,
            due=now + datetime.timedelta(hours=n - 1000),
            last_review=now - datetime.timedelta(days=3),
            reviews=3,
        )
        for n, pk in enumerate(Flashcard.objects.values_list("pk", flat=True))
    )
    return student
