from __future__ import annotations

import datetime
import random
import threading
import uuid
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from quiz.models import (
    Answer,
    Asks,
    Attempt,
    AttemptQuestion,
    CardState,
    Choice,
    Direction,
    Document,
    Fact,
    Flashcard,
    Question,
    Rating,
    Review,
    ReviewSource,
)
from quiz.services.attempts import answer_submit, attempt_retry, attempt_start
from quiz.services.reload import content_reload
from tests.factories import make_collection
from tests.learning_factories import make_card_state, make_user

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2025, 3, 3, 9, 0, tzinfo=datetime.UTC)


def content_load(*, documents: int = 1, facts: int = 3) -> None:
    content_reload(collection=make_collection(documents=documents, facts=facts))


def fact_get(number: int, document: str = "doc_000.txt") -> Fact:
    return Fact.objects.get(document__key=document, position=number)


def start(user, *, document=None, size=10, seed=0, token=None) -> Attempt | None:
    return attempt_start(user=user, document=document, size=size, token=token, rng=random.Random(seed))


def only_asking(asks: Asks) -> None:
    """Disable every question that asks for the other thing, as a teacher would."""
    Question.objects.exclude(asks=asks).update(is_enabled=False)


def items_of(attempt: Attempt) -> list[AttemptQuestion]:
    return list(attempt.items.select_related("question__fact__document").order_by("position"))


def option(item: AttemptQuestion, *, correct: bool) -> Choice:
    return Choice.objects.filter(pk__in=item.choice_order, is_correct=correct).first()


def answer(item: AttemptQuestion, *, correct: bool = True, response_ms: int | None = 4_000, now=NOW):
    return answer_submit(item=item, choice=option(item, correct=correct), response_ms=response_ms, now=now)


# attempt_start


def test_attempt_start_size_respected():
    content_load(documents=2, facts=5)

    attempt = start(make_user(), size=4)

    assert [item.position for item in items_of(attempt)] == [1, 2, 3, 4]


def test_attempt_start_one_question_per_fact():
    content_load(facts=3)

    attempt = start(make_user(), size=10)

    facts = [item.question.fact_id for item in items_of(attempt)]
    assert len(facts) == 3
    assert len(set(facts)) == 3


def test_attempt_start_document_scope_only_asks_that_document():
    content_load(documents=2, facts=3)
    document = Document.objects.get(key="doc_001.txt")

    attempt = start(make_user(), document=document)

    assert attempt.document == document
    assert {item.question.fact.document.key for item in items_of(attempt)} == {"doc_001.txt"}
    assert len(items_of(attempt)) == 3


def test_attempt_start_disabled_and_retired_questions_never_picked():
    content_load(facts=5)
    only_asking(Asks.EVENT)
    Question.objects.filter(fact=fact_get(0)).update(is_active=False)
    Fact.objects.filter(pk=fact_get(1).pk).update(is_active=False)
    live = set(
        Question.objects.filter(fact__position__in=(2, 3, 4), asks=Asks.EVENT).values_list("pk", flat=True)
    )

    for seed in range(5):
        attempt = start(make_user(), seed=seed)

        assert {item.question_id for item in items_of(attempt)} == live


def test_attempt_start_unknown_and_due_facts_before_facts_scheduled_later():
    content_load(facts=6)
    user = make_user()
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=5)
    earlier = datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=1)
    for number, due in ((0, later), (1, later), (2, later), (3, earlier)):
        for flashcard in fact_get(number).flashcards.all():
            make_card_state(user, flashcard, due=due)

    for seed in range(5):
        attempt = start(user, size=3, seed=seed)

        assert {item.question.fact.position for item in items_of(attempt)} == {3, 4, 5}


def test_attempt_start_same_token_returns_first_attempt():
    content_load(facts=3)
    user = make_user()
    token = uuid.uuid4()
    first = start(user, token=token, seed=1)

    again = start(user, token=token, seed=2)

    assert again == first
    assert Attempt.objects.count() == 1
    assert AttemptQuestion.objects.count() == 3


def test_attempt_start_no_questions_returns_none():
    content_load(facts=2)
    Question.objects.update(is_enabled=False)

    assert start(make_user()) is None
    assert not Attempt.objects.exists()


def test_attempt_start_choice_order_holds_active_choices():
    content_load(facts=3)
    retired = Choice.objects.filter(question__fact=fact_get(0), is_correct=False).first()
    Choice.objects.filter(pk=retired.pk).update(is_active=False)

    attempt = start(make_user())

    for item in items_of(attempt):
        active = Choice.objects.active().filter(question=item.question).values_list("pk", flat=True)
        assert sorted(item.choice_order) == sorted(active)
    assert all(retired.pk not in item.choice_order for item in items_of(attempt))


def test_attempt_start_date_questions_keep_choices_in_position_order():
    content_load(facts=4)
    only_asking(Asks.DATE)

    for seed in range(3):
        attempt = start(make_user(), seed=seed)

        for item in items_of(attempt):
            assert item.choice_order == list(
                item.question.choices.order_by("position").values_list("pk", flat=True)
            )


def test_attempt_start_event_questions_spread_correct_positions_evenly():
    content_load(facts=10)
    only_asking(Asks.EVENT)

    for seed in range(5):
        attempt = start(make_user(), seed=seed)

        correct = Counter(
            item.choice_order.index(option(item, correct=True).pk) for item in items_of(attempt)
        )
        counts = [correct[position] for position in range(4)]
        assert sum(counts) == 10
        assert max(counts) - min(counts) <= 1


# answer_submit


def test_answer_submit_stores_answer_once():
    content_load(facts=2)
    item = items_of(start(make_user()))[0]

    stored, created = answer(item, correct=False, response_ms=3_500)

    assert created
    assert Answer.objects.get() == stored
    assert not stored.is_correct
    assert stored.response_ms == 3_500
    assert stored.answered_at == NOW


def test_answer_submit_second_choice_returns_first_answer_unchanged():
    content_load(facts=2)
    item = items_of(start(make_user()))[0]
    first, _created = answer(item, correct=False)

    again, created = answer(item, correct=True, now=NOW + datetime.timedelta(seconds=5))

    assert not created
    assert again.pk == first.pk
    assert again.choice == first.choice
    assert not again.is_correct
    assert Answer.objects.count() == 1
    assert Review.objects.count() == 1


def test_answer_submit_choice_of_other_question_raises_and_stores_nothing():
    content_load(facts=2)
    first, second = items_of(start(make_user()))

    with pytest.raises(ValueError, match="not an option"):
        answer_submit(item=first, choice=option(second, correct=True), now=NOW)

    assert not Answer.objects.exists()
    assert not CardState.objects.exists()


def test_answer_submit_first_try_only_on_first_answer_to_question():
    content_load(facts=1)
    only_asking(Asks.DATE)
    user = make_user()
    earlier, _ = answer(items_of(start(user))[0])

    later, _ = answer(items_of(start(user))[0], now=NOW + datetime.timedelta(days=1))

    assert earlier.question == later.question
    assert earlier.is_first_try
    assert not later.is_first_try


def test_answer_submit_first_try_counts_per_student():
    content_load(facts=1)
    only_asking(Asks.DATE)
    answer(items_of(start(make_user()))[0])

    other, _ = answer(items_of(start(make_user()))[0])

    assert other.is_first_try


def test_answer_submit_finishes_attempt_only_with_last_answer():
    content_load(facts=2)
    attempt = start(make_user())
    first, last = items_of(attempt)

    answer(first, now=NOW)
    attempt.refresh_from_db()
    assert attempt.finished_at is None

    answer(last, now=NOW + datetime.timedelta(seconds=30))
    attempt.refresh_from_db()
    assert attempt.finished_at == NOW + datetime.timedelta(seconds=30)


def test_answer_submit_date_question_schedules_event_to_date_card():
    content_load(facts=1)
    only_asking(Asks.DATE)
    user = make_user()

    stored, _ = answer(items_of(start(user))[0], correct=True, response_ms=5_000)

    state = CardState.objects.get(user=user)
    assert state.flashcard.direction == Direction.EVENT_TO_DATE
    assert state.flashcard.fact == stored.question.fact
    review = Review.objects.get()
    assert review.source == ReviewSource.QUIZ
    assert review.answer == stored
    assert review.card_state == state
    assert review.rating == Rating.GOOD
    assert review.duration_ms == 5_000
    assert review.reviewed_at == NOW


def test_answer_submit_wrong_event_answer_rates_date_to_event_card_again():
    content_load(facts=1)
    only_asking(Asks.EVENT)
    user = make_user()

    stored, _ = answer(items_of(start(user))[0], correct=False)

    review = Review.objects.get(answer=stored)
    assert review.flashcard.direction == Direction.DATE_TO_EVENT
    assert review.rating == Rating.AGAIN


def test_answer_submit_retired_flashcard_leaves_schedule_alone():
    content_load(facts=1)
    only_asking(Asks.DATE)
    Flashcard.objects.filter(direction=Direction.EVENT_TO_DATE).update(is_active=False)

    stored, created = answer(items_of(start(make_user()))[0])

    assert created
    assert stored.is_correct
    assert not CardState.objects.exists()
    assert not Review.objects.exists()


# attempt_retry


def test_attempt_retry_contains_missed_questions_in_order():
    content_load(facts=5)
    user = make_user()
    attempt = start(user)
    items = items_of(attempt)
    for item, correct in zip(items, (False, True, False, False, True), strict=True):
        answer(item, correct=correct)

    retry = attempt_retry(attempt=attempt, rng=random.Random(0))

    assert retry.retry_of == attempt
    assert retry.user == user
    assert [item.question_id for item in items_of(retry)] == [items[i].question_id for i in (0, 2, 3)]
    assert [item.position for item in items_of(retry)] == [1, 2, 3]


def test_attempt_retry_second_call_returns_same_retry():
    content_load(facts=3)
    attempt = start(make_user())
    for item in items_of(attempt):
        answer(item, correct=False)
    first = attempt_retry(attempt=attempt)

    again = attempt_retry(attempt=attempt)

    assert again == first
    assert Attempt.objects.count() == 2
    assert AttemptQuestion.objects.filter(attempt=first).count() == 3


def test_attempt_retry_nothing_missed_returns_none():
    content_load(facts=3)
    attempt = start(make_user())
    for item in items_of(attempt):
        answer(item, correct=True)

    assert attempt_retry(attempt=attempt) is None
    assert Attempt.objects.count() == 1


def test_attempt_retry_lists_each_missed_question_once_when_missed_before():
    content_load(facts=3)
    only_asking(Asks.EVENT)
    user = make_user()
    for item in items_of(start(user, seed=1)):
        answer(item, correct=False)
    attempt = start(user, seed=2)
    items = items_of(attempt)
    for item in items:
        answer(item, correct=False, now=NOW + datetime.timedelta(days=1))

    retry = attempt_retry(attempt=attempt)

    assert [item.question_id for item in items_of(retry)] == [item.question_id for item in items]


def test_attempt_retry_keeps_document_scope_and_leaves_out_retired_questions():
    content_load(documents=2, facts=3)
    document = Document.objects.get(key="doc_000.txt")
    attempt = start(make_user(), document=document)
    items = items_of(attempt)
    for item in items:
        answer(item, correct=False)
    Question.objects.filter(pk=items[1].question_id).update(is_enabled=False)

    retry = attempt_retry(attempt=attempt)

    assert retry.document == document
    assert [item.question_id for item in items_of(retry)] == [items[0].question_id, items[2].question_id]


# answer_submit from two tabs at once: each call in its own thread and database connection

RACES = 10  # a race is lost only now and then, so each test runs it several times


@pytest.fixture
def _fast_hashing(settings: Any) -> None:
    """Each race makes its own student: hash their passwords cheaply."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def at_once(*calls: Callable[[], object]) -> None:
    """Run the calls in threads released together, each on its own database connection, and re-raise."""
    barrier = threading.Barrier(len(calls))
    errors: list[BaseException] = []

    def run(call: Callable[[], object]) -> None:
        try:
            barrier.wait()
            call()
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("_fast_hashing")
def test_answer_submit_two_first_answers_to_one_card_at_once_both_rate_it():
    content_load(facts=1)
    only_asking(Asks.DATE)
    for _ in range(RACES):
        user = make_user()
        tabs = [items_of(start(user, token=uuid.uuid4()))[0] for _ in range(2)]

        at_once(*(lambda item=item: answer(item) for item in tabs))

        assert Review.objects.filter(user=user, source=ReviewSource.QUIZ).count() == 2
        assert CardState.objects.get(user=user).reviews == 2


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("_fast_hashing")
def test_answer_submit_last_two_answers_at_once_finish_the_attempt():
    content_load(facts=2)
    for _ in range(RACES):
        attempt = start(make_user())

        at_once(*(lambda item=item: answer(item) for item in items_of(attempt)))

        attempt.refresh_from_db()
        assert attempt.finished_at is not None
        assert Answer.objects.filter(item__attempt=attempt).count() == 2


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("_fast_hashing")
def test_answer_submit_same_answer_twice_at_once_is_stored_once():
    content_load(facts=1)
    for _ in range(RACES):
        user = make_user()
        item = items_of(start(user))[0]

        at_once(*(lambda item=item: answer(item) for _ in range(2)))

        assert Answer.objects.filter(user=user).count() == 1
        assert Review.objects.filter(user=user).count() == 1
