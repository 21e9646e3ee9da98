"""The site, signed-in students and requests that the load benchmark and the soak test send.

Everything is written straight to the database: content from a synthetic corpus, a class with history,
a session per student (the sign-in form is rate limited) and open quizzes in bulk. Sessions and `shown`
stamps are signed with the current `SECRET_KEY`, so build them under the server's key.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from itertools import zip_longest
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string

from quiz.benchmarks.classroom import ATTEMPT_SIZE, BATCH, Classroom, classroom_seed
from quiz.benchmarks.corpus import write_corpus
from quiz.content.collection import build_collection
from quiz.content.documents import read_documents
from quiz.forms import shown_stamp
from quiz.models import Attempt, AttemptQuestion, CardState, Choice, Fact, Flashcard, Question
from quiz.services.reload import content_reload
from quiz.services.reviews import new_cards_left

SESSION_BACKEND = "django.contrib.auth.backends.ModelBackend"


@dataclass(frozen=True)
class SiteSize:
    documents: int
    facts: int
    questions: int
    flashcards: int
    classroom: Classroom


@dataclass(frozen=True)
class Request:
    """One HTTP request; `writes` names what a POST stores, for checking it against the database."""

    method: str
    path: str
    session: str = ""  # the session key, empty for an anonymous request
    body: str = ""
    writes: tuple[int, ...] = field(default=(), compare=False)

    def headers(self, csrf_secret: str) -> dict[str, str]:
        """Return the headers of a signed-in htmx request; a POST carries the CSRF secret twice."""
        cookies = [f"{settings.SESSION_COOKIE_NAME}={self.session}"] if self.session else []
        headers = {}
        if self.method == "POST":
            cookies.append(f"{settings.CSRF_COOKIE_NAME}={csrf_secret}")
            header = settings.CSRF_HEADER_NAME.removeprefix("HTTP_").replace("_", "-")
            headers = {
                header: csrf_secret,
                "HX-Request": "true",  # what htmx sends: the fragment comes back, not a redirect
                "Content-Type": "application/x-www-form-urlencoded",
            }
        if cookies:
            headers["Cookie"] = "; ".join(cookies)
        return headers

    def line(self, csrf_secret: str) -> str:
        """Return the request as one tab-separated line for quiz/benchmarks/wrk/requests.lua."""
        headers = (f"{name}: {value}" for name, value in self.headers(csrf_secret).items())
        return "\t".join((self.method, self.path, self.body, *headers))


def csrf_secret() -> str:
    """Return a CSRF secret: Django accepts its unmasked 32 characters in the header."""
    return get_random_string(32)


def site_seed(*, corpus: Path, documents: int, students: int, answers: int, seed: int) -> SiteSize:
    """Write a corpus into `corpus`, load it, and seed a class of students with history."""
    write_corpus(corpus, documents=documents, seed=seed)
    content_reload(collection=build_collection(read_documents(corpus)))
    classroom = classroom_seed(students=students, answers=answers, seed=seed)
    return SiteSize(
        documents=documents,
        facts=Fact.objects.active().count(),
        questions=Question.objects.live().count(),
        flashcards=Flashcard.objects.active().count(),
        classroom=classroom,
    )


def student_ids() -> list[int]:
    return list(get_user_model().objects.filter(is_staff=False).order_by("pk").values_list("pk", flat=True))


def sessions_create(user_ids: Iterable[int]) -> dict[int, str]:
    """Sign each student in as the login view would, by writing a session; return the keys by user."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    keys = {}
    for user in get_user_model().objects.filter(pk__in=list(user_ids)):
        session = store()
        session[SESSION_KEY] = user._meta.pk.value_to_string(user)
        session[BACKEND_SESSION_KEY] = SESSION_BACKEND
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        keys[user.pk] = session.session_key
    return keys


@transaction.atomic
def attempts_open(*, user_ids: Sequence[int], count: int, rng: random.Random) -> list[AttemptQuestion]:
    """Start `count` quizzes of ten live questions, one per fact, taking the students in turn.

    Return their questions, none answered yet. Options keep their stored order: the benchmark does not
    measure the shuffle.
    """
    by_fact: dict[int, list[int]] = {}
    for pk, fact_id in Question.objects.live().values_list("pk", "fact_id"):
        by_fact.setdefault(fact_id, []).append(pk)
    facts = list(by_fact.values())
    choices: dict[int, list[int]] = {}
    for question_id, pk in Choice.objects.active().values_list("question_id", "pk"):
        choices.setdefault(question_id, []).append(pk)
    attempts = Attempt.objects.bulk_create(
        (Attempt(user_id=user_ids[index % len(user_ids)], size=ATTEMPT_SIZE) for index in range(count)),
        batch_size=BATCH,
    )
    items = []
    for attempt in attempts:
        # One question per fact, as attempt_start picks: two on one fact would give each other away.
        for position, fact in enumerate(rng.sample(facts, ATTEMPT_SIZE), start=1):
            pk = rng.choice(fact)
            items.append(
                AttemptQuestion(attempt=attempt, question_id=pk, position=position, choice_order=choices[pk])
            )
    return AttemptQuestion.objects.bulk_create(items, batch_size=BATCH)


def answer_request(item: AttemptQuestion, session: str, rng: random.Random) -> Request:
    """Return the htmx POST that answers `item` with a random option and a valid `shown` stamp."""
    choice = rng.choice(item.choice_order)
    return Request(
        "POST",
        reverse("quiz:answer", args=(item.attempt_id, item.position)),
        session,
        urlencode({"choice": choice, "shown": shown_stamp(item.pk)}),
        writes=(item.attempt_id, item.position, choice),
    )


def rating_requests(*, sessions: dict[int, str], count: int, rng: random.Random) -> list[Request]:
    """Return up to `count` ratings, each of a different card due or new for its student, students in turn.

    When the students have too few cards due, the schedules due soonest are brought forward to now.
    """
    now = timezone.now()
    cards = {user_id: _new_cards(user_id, rng) for user_id in sessions}
    states = CardState.objects.filter(
        user_id__in=sessions, flashcard__is_active=True, flashcard__fact__is_active=True
    )
    short = count - sum(map(len, cards.values())) - states.due(now).count()
    if short > 0:
        later = states.filter(due__gt=now).order_by("due").values_list("pk", flat=True)
        CardState.objects.filter(pk__in=list(later[:short])).update(due=now)
    for user_id, flashcard_id, reviews in states.due(now).values_list("user_id", "flashcard_id", "reviews"):
        cards[user_id].append((flashcard_id, reviews))
    queues = [[(user_id, card) for card in rng.sample(owned, len(owned))] for user_id, owned in cards.items()]
    # Students in turn, so one student's ratings are far apart, as a person's are.
    interleaved = [pair for turn in zip_longest(*queues) for pair in turn if pair is not None][:count]
    return [
        Request(
            "POST",
            reverse("quiz:rate", args=(flashcard_id,)),
            sessions[user_id],
            urlencode({"rating": rng.randint(1, 4), "seen": seen, "shown": shown_stamp(flashcard_id)}),
            writes=(user_id, flashcard_id),
        )
        for user_id, (flashcard_id, seen) in interleaved
    ]


def _new_cards(user_id: int, rng: random.Random) -> list[tuple[int, int]]:
    """Return today's allowance of the student's new cards, each with its review count, 0."""
    scheduled = CardState.objects.filter(user_id=user_id).values("flashcard_id")
    new = Flashcard.objects.active().filter(fact__is_active=True).exclude(pk__in=scheduled)
    pks = list(new.values_list("pk", flat=True))
    return [(pk, 0) for pk in rng.sample(pks, min(len(pks), new_cards_left(user=user_id)))]
