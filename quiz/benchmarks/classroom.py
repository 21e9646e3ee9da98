"""A synthetic class with history, and its classes and teachers, for the admin benchmark and the scale tests.

Students differ in ability and questions in difficulty, so the statistics have something to find. The
rows go in with `bulk_create`: 200,000 answers take seconds, not the hours one save per row would.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from quiz.models import (
    CARD_ASKED,
    Answer,
    Assignment,
    Attempt,
    AttemptQuestion,
    CardStage,
    CardState,
    Choice,
    Document,
    Flashcard,
    Membership,
    Question,
    SchoolClass,
)
from quiz.services.accounts import TEACHERS_GROUP

ATTEMPT_SIZE = 10
BATCH = 5_000


@dataclass(frozen=True)
class Classroom:
    students: int
    attempts: int
    answers: int
    card_states: int


@transaction.atomic
def classroom_seed(*, students: int, answers: int, seed: int = 1, days: int = 60) -> Classroom:
    """Add `students` students who answered `answers` live questions in all over the last `days` days.

    Each student's answers come in attempts of ten; the flashcard each answered question exercises gets
    a schedule, mastered for the stronger students. Content must be loaded first.
    """
    rng = random.Random(seed)
    questions = list(Question.objects.live().values_list("pk", "fact_id", "asks"))
    if not questions:
        raise ValueError("Load content before seeding a class: there are no live questions.")
    choices: dict[int, list[tuple[int, bool]]] = {}
    for question_id, choice_id, is_correct in Choice.objects.active().values_list(
        "question_id", "pk", "is_correct"
    ):
        choices.setdefault(question_id, []).append((choice_id, is_correct))
    cards = {
        (fact_id, direction): pk
        for pk, fact_id, direction in Flashcard.objects.active().values_list("pk", "fact_id", "direction")
    }
    # The flashcard each question exercises, if it is still active.
    exercised = {pk: cards.get((fact_id, CARD_ASKED[asks])) for pk, fact_id, asks in questions}
    difficulty = {pk: rng.random() for pk, _fact, _asks in questions}
    users = _students(students, rng)
    now = timezone.now()
    per_student = [
        answers // students + (1 if index < answers % students else 0) for index in range(students)
    ]

    attempts = Attempt.objects.bulk_create(
        (
            Attempt(user=user, started_at=now - datetime.timedelta(days=rng.uniform(0, days)))
            for user, count in zip(users, per_student, strict=True)
            for _ in range(-(-count // ATTEMPT_SIZE))
        ),
        batch_size=BATCH,
    )
    owners = iter(attempts)
    items: list[AttemptQuestion] = []
    for count in per_student:
        left = count
        while left:
            attempt, size = next(owners), min(left, ATTEMPT_SIZE)
            left -= size
            for position, (pk, _fact, _asks) in enumerate(rng.sample(questions, size), start=1):
                order = [choice_id for choice_id, _correct in choices[pk]]
                items.append(
                    AttemptQuestion(attempt=attempt, question_id=pk, position=position, choice_order=order)
                )
            attempt.finished_at = attempt.started_at + datetime.timedelta(minutes=size)
            attempt.size = attempt.answered = size
    AttemptQuestion.objects.bulk_create(items, batch_size=BATCH)
    Attempt.objects.bulk_update(attempts, ["finished_at", "size", "answered"], batch_size=BATCH)

    ability = {user.pk: rng.betavariate(4, 2) for user in users}
    seen: set[tuple[int, int]] = set()
    rows, states = [], {}
    for item in items:
        user_id = item.attempt.user_id
        right = rng.random() < ability[user_id] * (1.2 - difficulty[item.question_id])
        options = choices[item.question_id]
        wrong = [pk for pk, correct in options if not correct]
        choice_id = (
            next(pk for pk, correct in options if correct) if right else rng.choice(wrong[:2] or wrong)
        )
        first = (user_id, item.question_id) not in seen
        seen.add((user_id, item.question_id))
        answered_at = item.attempt.started_at + datetime.timedelta(seconds=20 * item.position)
        rows.append(
            Answer(
                item=item,
                user_id=user_id,
                question_id=item.question_id,
                choice_id=choice_id,
                is_correct=right,
                is_first_try=first,
                response_ms=rng.randint(2_000, 30_000),
                answered_at=answered_at,
            )
        )
        card = exercised[item.question_id]
        if card is not None:
            states[(user_id, card)] = _state(user_id, card, ability[user_id], answered_at, now, rng)
    Answer.objects.bulk_create(rows, batch_size=BATCH)
    CardState.objects.bulk_create(states.values(), batch_size=BATCH)
    return Classroom(students=len(users), attempts=len(attempts), answers=len(rows), card_states=len(states))


def _students(count: int, rng: random.Random) -> list[Any]:
    """Create the students with one shared, real password hash (hashing each would take minutes)."""
    password = make_password("class-member-password")
    start = get_user_model().objects.count()
    users = [
        get_user_model()(username=f"student{start + index:05d}", password=password) for index in range(count)
    ]
    rng.shuffle(users)
    return get_user_model().objects.bulk_create(users, batch_size=BATCH)


def _state(
    user_id: int,
    card: int,
    ability: float,
    reviewed: datetime.datetime,
    now: datetime.datetime,
    rng: random.Random,
) -> CardState:
    mastered = rng.random() < ability
    return CardState(
        user_id=user_id,
        flashcard_id=card,
        stage=CardStage.REVIEW if mastered else CardStage.LEARNING,
        step=None if mastered else 1,
        stability=rng.uniform(2, 40) if mastered else 0.5,
        difficulty=rng.uniform(3, 8),
        due=now + datetime.timedelta(days=rng.uniform(-5, 20)),
        last_review=reviewed,
        reviews=1,
    )


@transaction.atomic
def classes_seed(*, classes: int, assignments: int = 3, classes_per_teacher: int = 2) -> list[Any]:
    """Put every learner into one of `classes` classes, round robin, each with its teacher and assignments.

    A teacher teaches `classes_per_teacher` classes; class n is assigned `assignments` documents from the
    n-th on, due one to `assignments` weeks from today. Content and students must be loaded first.
    """
    teachers_group = Group.objects.get(name=TEACHERS_GROUP)
    password = make_password("bench-teacher-password")
    teachers = get_user_model().objects.bulk_create(
        get_user_model()(username=f"teacher{index:03d}", password=password, is_staff=True)
        for index in range(-(-classes // classes_per_teacher))
    )
    teachers_group.user_set.add(*teachers)
    made = SchoolClass.objects.bulk_create(
        SchoolClass(name=f"Class {index + 1:02d}", created_by=teachers[index // classes_per_teacher])
        for index in range(classes)
    )
    SchoolClass.teachers.through.objects.bulk_create(
        SchoolClass.teachers.through(schoolclass=school_class, user=teachers[index // classes_per_teacher])
        for index, school_class in enumerate(made)
    )
    learners = get_user_model().objects.filter(is_staff=False, is_superuser=False).order_by("pk")
    Membership.objects.bulk_create(
        (
            Membership(school_class=made[index % classes], student_id=pk)
            for index, pk in enumerate(learners.values_list("pk", flat=True))
        ),
        batch_size=BATCH,
    )
    documents = list(Document.objects.active().order_by("pk").values_list("pk", flat=True))
    today = timezone.localdate()
    Assignment.objects.bulk_create(
        Assignment(
            school_class=school_class,
            document_id=documents[(index + offset) % len(documents)],
            due_date=today + datetime.timedelta(weeks=offset + 1),
        )
        for index, school_class in enumerate(made)
        for offset in range(min(assignments, len(documents)))
    )
    return made
