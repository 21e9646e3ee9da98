"""Quiz attempts: choosing the questions, answering them exactly once, and retrying the missed ones."""

from __future__ import annotations

import datetime
import random
import uuid
from collections import Counter
from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.utils import timezone

from quiz.models import (
    CARD_ASKED,
    Answer,
    Asks,
    Attempt,
    AttemptQuestion,
    CardState,
    Choice,
    Document,
    Question,
)
from quiz.services.content_cache import Content, content_current
from quiz.services.scheduling import answer_schedule


@transaction.atomic
def attempt_start(
    *,
    user: object,
    document: Document | None,
    size: int,
    token: uuid.UUID | None = None,
    rng: random.Random | None = None,
) -> Attempt | None:
    """Start a quiz of `size` questions, favouring facts the student does not know yet or has due.

    A second start with the same token returns the first attempt. Return None when the scope has no
    questions.
    """
    if token is not None and (started := Attempt.objects.filter(user=user, token=token).first()):
        return started
    rng = rng or random.Random()
    questions = _pick_questions(user=user, document=document, size=size, rng=rng)
    if not questions:
        return None
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(user=user, document=document, token=token, size=len(questions))
    except IntegrityError:  # the same form, submitted twice at once
        return Attempt.objects.get(user=user, token=token)
    _add_items(attempt, questions, rng)
    return attempt


@transaction.atomic
def attempt_retry(*, attempt: Attempt, rng: random.Random | None = None) -> Attempt | None:
    """Start a quiz of the attempt's missed questions, once; return None when none was missed."""
    if (retry := Attempt.objects.filter(retry_of=attempt).first()) is not None:
        return retry
    missed = list(
        Question.objects.live()
        .filter(answers__item__attempt=attempt, answers__is_correct=False)
        .order_by("answers__item__position")
        .values_list("pk", flat=True)
    )
    if not missed:
        return None
    try:
        with transaction.atomic():
            retry = Attempt.objects.create(
                user=attempt.user, document=attempt.document, retry_of=attempt, size=len(missed)
            )
    except IntegrityError:
        return Attempt.objects.get(retry_of=attempt)
    _add_items(retry, missed, rng or random.Random())
    return retry


def answer_submit(
    *,
    item: AttemptQuestion,
    choice: Choice,
    response_ms: int | None = None,
    now: datetime.datetime | None = None,
    content: Content | None = None,
) -> tuple[Answer, bool]:
    """Store the answer to an attempt's question once, feed it to the schedule, and return it.

    The second element says whether this call stored it: a double or replayed submit returns the stored
    answer, so the student sees the same feedback and nothing is counted twice.
    """
    if choice.pk not in item.choice_order:
        raise ValueError("The choice is not an option of this question.")
    content = content or content_current()
    now = now or timezone.now()
    try:
        return _answer_store(
            item=item, choice=choice, response_ms=response_ms, now=now, content=content
        ), True
    except IntegrityError:
        # The whole transaction is undone, with no savepoints to pay for on the way. A double or replayed
        # submit finds the item's answer stored (one answer per item); otherwise another request created
        # this card's schedule between the read and the insert (two quizzes at once, or a quiz and a
        # review), and this answer, still new, is stored again over that schedule.
        if (stored := Answer.objects.select_related("choice").filter(item=item).first()) is not None:
            item.attempt.refresh_from_db(fields=("answered", "finished_at"))
            return stored, False
    return _answer_store(item=item, choice=choice, response_ms=response_ms, now=now, content=content), True


@transaction.atomic
def _answer_store(
    *,
    item: AttemptQuestion,
    choice: Choice,
    response_ms: int | None,
    now: datetime.datetime,
    content: Content,
) -> Answer:
    # One answer at a time per attempt: whichever stores the last answer sees every other one counted and
    # finishes the attempt, even when two tabs answer its last two questions at once.
    attempt = item.attempt
    answered, size = (
        Attempt.objects.select_for_update().filter(pk=attempt.pk).values_list("answered", "size").get()
    )
    answer = Answer(
        item=item,
        user_id=attempt.user_id,
        question=item.question,
        choice=choice,
        is_correct=choice.is_correct,
        is_first_try=not Answer.objects.filter(
            user_id=attempt.user_id, question_id=item.question_id
        ).exists(),
        response_ms=response_ms,
        answered_at=now,
    )
    answer.save(force_insert=True)
    answer_schedule(answer=answer, flashcard=content.flashcard(item.question.fact_id, _card_asked(item)))
    attempt.answered = answered + 1
    attempt.size = size
    if attempt.answered >= size:
        attempt.finished_at = now
    attempt.save(update_fields=["answered", "finished_at"])
    return answer


def _card_asked(item: AttemptQuestion) -> str:
    return CARD_ASKED[Asks(item.question.asks)]


def _pick_questions(*, user: object, document: Document | None, size: int, rng: random.Random) -> list[int]:
    """Return the ids of up to `size` live questions, one per fact, unknown and due facts first."""
    questions = Question.objects.live()
    schedules = CardState.objects.for_user(user)
    if document is not None:
        questions = questions.filter(fact__document=document)
        schedules = schedules.filter(flashcard__fact__document=document)
    due_at = {
        (fact_id, direction): due
        for fact_id, direction, due in schedules.values_list(
            "flashcard__fact_id", "flashcard__direction", "due"
        )
    }
    now = timezone.now()
    candidates = list(questions.values_list("id", "fact_id", "asks"))
    rng.shuffle(candidates)
    # Not yet known or due (False) sorts before scheduled later; among those, the soonest due first.
    candidates.sort(key=lambda row: _known_until(due_at.get((row[1], CARD_ASKED[Asks(row[2])])), now))
    chosen: list[int] = []
    facts: set[int] = set()
    for question_id, fact_id, _asks in candidates:
        if fact_id not in facts:  # two questions on one fact would give each other away
            facts.add(fact_id)
            chosen.append(question_id)
        if len(chosen) == size:
            break
    return chosen


def _known_until(due: datetime.datetime | None, now: datetime.datetime) -> tuple[bool, datetime.datetime]:
    if due is None or due <= now:
        return (False, now)
    return (True, due)


def _add_items(attempt: Attempt, ids: Sequence[int], rng: random.Random) -> None:
    asks = dict(Question.objects.filter(pk__in=ids).values_list("pk", "asks"))
    choices: dict[int, list[tuple[int, bool]]] = {}
    for question_id, choice_id, is_correct in (
        Choice.objects.active().filter(question_id__in=ids).values_list("question_id", "id", "is_correct")
    ):
        choices.setdefault(question_id, []).append((choice_id, is_correct))
    orders = _choice_orders([(asks[pk], choices.get(pk, [])) for pk in ids], rng)
    AttemptQuestion.objects.bulk_create(
        AttemptQuestion(attempt=attempt, question_id=pk, position=number, choice_order=order)
        for number, (pk, order) in enumerate(zip(ids, orders, strict=True), start=1)
    )


def _choice_orders(
    questions: Sequence[tuple[str, list[tuple[int, bool]]]], rng: random.Random
) -> list[list[int]]:
    """Order each question's choices so that the correct ones spread evenly over the positions.

    Date options stay in time order, as generated, so their correct position is fixed; the event
    questions' correct options fill the positions used least so far.
    """
    used: Counter[int] = Counter()
    orders: list[list[int] | None] = []
    for asks, choices in questions:
        if asks == Asks.DATE:
            used[_correct_position(choices)] += 1
            orders.append([choice_id for choice_id, _correct in choices])
        else:
            orders.append(None)
    for index, (asks, choices) in enumerate(questions):
        if asks == Asks.DATE:
            continue
        correct = [choice_id for choice_id, is_correct in choices if is_correct]
        wrong = [choice_id for choice_id, is_correct in choices if not is_correct]
        rng.shuffle(wrong)
        fewest = min(used[position] for position in range(len(choices)))
        position = rng.choice([p for p in range(len(choices)) if used[p] == fewest])
        used[position] += 1
        orders[index] = [*wrong[:position], *correct, *wrong[position:]]
    return [order or [] for order in orders]


def _correct_position(choices: Sequence[tuple[int, bool]]) -> int:
    return next((index for index, (_choice, is_correct) in enumerate(choices) if is_correct), 0)
