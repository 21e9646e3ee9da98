"""A catalogue of malformed and hostile requests to the student site, one line each in CASES.

Every case must end in a 4xx page that says what went wrong in a sentence, or in a redirect to this site
whose page says it; never in a server error. Nothing may be written unless the case's `writes` says so.
`at.<name>` in a case stands for a value of the `World` built for the test: an id, a signed stamp, a body.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db.models import Model
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from quiz.forms import shown_stamp
from quiz.models import Answer, Attempt, CardState, Choice, Document, Flashcard, Question, Review
from quiz.services.attempts import attempt_start
from quiz.services.reload import content_reload
from quiz.services.reviews import review_queue
from tests.factories import make_collection
from tests.learning_factories import make_attempt_with_answers, make_card_state

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-enough-password"  # the `student` fixture's
COUNTED: tuple[type[Model], ...] = (Attempt, Answer, CardState, Review, get_user_model())
ANSWERED = {"Answer": 1, "CardState": 1, "Review": 1}  # an answer also rates its fact's flashcard
RATED = {"CardState": 0, "Review": 1}  # the card already has a schedule: it changes, no row is added

# The pages' sentences that the cases expect.
NOT_FOUND = "There is nothing here, or it is not yours to see."
NOT_HERE = "This address does not take that kind of request, and nothing was saved."
UNREADABLE = "It was too large, had too many fields or was malformed, and nothing was saved."
EXPIRED = "Nothing was saved. Go back, reload the page and send the form again."
NOT_STARTED = "That quiz could not be started. The form was incomplete."
GONE = "That quiz could not be started. That document is not available any more."
PICK = "Pick one of the options."
NOT_AN_OPTION = "That is not one of this question's options."
RATINGS = "Ratings go from 1 (Again) to 4 (Easy)."
INCOMPLETE = "The form was incomplete. Reload the page and rate the card again."
SIGN_IN = "Sign in"
HOME = "Your documents"
REVIEW = "How well did you remember?"


@dataclass(frozen=True)
class Ref:
    name: str


class _At:
    def __getattr__(self, name: str) -> Ref:
        return Ref(name)


at = _At()


@dataclass(frozen=True)
class Case:
    method: str
    url: str | tuple[Any, ...]  # a literal path, or a URL name and its arguments
    data: Any = None  # form fields, or raw bytes sent as application/x-www-form-urlencoded
    expect: int = 400  # the status; a 302 must stay on this site
    says: str = ""  # a sentence of the page, or of the page redirected to
    who: str = "student"  # student, anonymous, csrf (a student whose client checks CSRF) or csrf-anonymous
    query: str = ""  # the raw query string
    htmx: bool = False
    host: str = ""  # the Host header, when not the test server's
    content_type: str = "application/x-www-form-urlencoded"
    resend: Mapping[str, Any] | None = None  # send again, with these fields changed: a double submit
    writes: Mapping[str, int] = field(default_factory=dict)  # rows added, by model
    check: Callable[[], bool] | None = None  # what else must hold afterwards


def case(name: str, method: str, url: str | tuple[Any, ...], data: Any = None, **fields: Any) -> Any:
    return pytest.param(Case(method, url, data, **fields), id=name)


# fmt: off
CASES = [
    # Wrong methods
    case("start-get", "get", ("quiz:quiz_start",), expect=405, says=NOT_HERE),
    case("answer-head", "head", ("quiz:answer", at.attempt, 1), expect=405),
    case("answer-get", "get", ("quiz:answer", at.attempt, 1), expect=405, says=NOT_HERE),
    case("retry-get", "get", ("quiz:retry", at.finished), expect=405, says=NOT_HERE),
    case("rate-get", "get", ("quiz:rate", at.card), expect=405, says=NOT_HERE),
    case("logout-get", "get", ("quiz:logout",), expect=405, says=NOT_HERE),
    case("attempt-put", "put", ("quiz:attempt", at.attempt), expect=405, says=NOT_HERE),
    case("review-delete", "delete", ("quiz:review",), expect=405, says=NOT_HERE),
    case("progress-patch", "patch", ("quiz:progress",), expect=405, says=NOT_HERE),
    case("answer-put", "put", ("quiz:answer", at.attempt, 1), {"choice": 1}, expect=405, says=NOT_HERE),
    case("signup-delete", "delete", ("quiz:signup",), who="anonymous", expect=405, says=NOT_HERE),
    case("login-put", "put", ("quiz:login",), who="anonymous", expect=405, says=NOT_HERE),
    case("logout-put", "put", ("quiz:logout",), expect=405, says=NOT_HERE),
    # Missing and extra fields
    case("answer-no-choice", "post", ("quiz:answer", at.attempt, 1), {"shown": at.stamp}, says=PICK),
    case("answer-json-body", "post", ("quiz:answer", at.attempt, 1), b'{"choice": 1}',
         content_type="application/json", says=PICK),
    case("start-no-token", "post", ("quiz:quiz_start",), {"document": ""}, expect=302, says=NOT_STARTED),
    case("rate-no-rating", "post", ("quiz:rate", at.card), {"seen": 1}, says="Pick a rating."),
    case("rate-no-seen", "post", ("quiz:rate", at.card), {"rating": 3}, says=INCOMPLETE),
    case("answer-extra-is-correct", "post", ("quiz:answer", at.attempt, 1),
         {"choice": at.wrong, "is_correct": "true", "user": at.other_user}, expect=302, says="Incorrect.",
         writes=ANSWERED, check=lambda: not Answer.objects.latest("pk").is_correct),
    case("signup-extra-is-staff", "post", ("quiz:signup",),
         {"username": "eve", "password1": PASSWORD, "password2": PASSWORD, "is_staff": "on",
          "is_superuser": "on"}, who="anonymous", expect=302, says="Welcome, eve.", writes={"User": 1},
         check=lambda: not get_user_model().objects.filter(username="eve", is_staff=True).exists()),
    # Non-numeric, out-of-range and huge ids, in the URL and in fields
    case("attempt-id-letters", "get", "/attempts/abc/", expect=404, says=NOT_FOUND),
    case("attempt-id-huge", "get", ("quiz:attempt", 10**30), expect=404, says=NOT_FOUND),
    case("answer-position-0", "post", ("quiz:answer", at.attempt, 0), {"choice": at.right}, expect=404,
         says=NOT_FOUND),
    case("answer-position-huge", "post", ("quiz:answer", at.attempt, 10**30), {"choice": at.right},
         expect=404, says=NOT_FOUND),
    case("rate-card-huge", "post", ("quiz:rate", 10**30), {"rating": 3, "seen": 0}, expect=404,
         says=NOT_FOUND),
    case("rate-card-retired", "post", ("quiz:rate", at.retired_card), {"rating": 3, "seen": 0}, expect=404,
         says=NOT_FOUND),
    case("choice-letters", "post", ("quiz:answer", at.attempt, 1), {"choice": "B"}, says=NOT_AN_OPTION),
    case("choice-negative", "post", ("quiz:answer", at.attempt, 1), {"choice": -1}, says=NOT_AN_OPTION),
    case("choice-huge", "post", ("quiz:answer", at.attempt, 1), {"choice": 10**30}, says=NOT_AN_OPTION),
    case("choice-of-other-question", "post", ("quiz:answer", at.attempt, 1), {"choice": at.foreign},
         says=NOT_AN_OPTION),
    case("document-letters", "post", ("quiz:quiz_start",), {"document": "x", "token": at.token}, expect=302,
         says=GONE),
    case("document-huge", "post", ("quiz:quiz_start",), {"document": 10**30, "token": at.token}, expect=302,
         says=GONE),
    case("document-unknown", "post", ("quiz:quiz_start",), {"document": 999_999, "token": at.token},
         expect=302, says=GONE),
    case("review-document-huge", "get", ("quiz:review",), query=f"document={10**30}", expect=404,
         says=NOT_FOUND),
    case("review-document-superscript", "get", ("quiz:review",), query="document=%C2%B2", expect=404,
         says=NOT_FOUND),
    case("token-not-uuid", "post", ("quiz:quiz_start",), {"document": "", "token": "1 OR 1=1"}, expect=302,
         says=NOT_STARTED),
    case("rating-5", "post", ("quiz:rate", at.card), {"rating": 5, "seen": 1}, says=RATINGS),
    case("rating-0", "post", ("quiz:rate", at.card), {"rating": 0, "seen": 1}, says=RATINGS),
    case("rating-word", "post", ("quiz:rate", at.card), {"rating": "easy", "seen": 1}, says=RATINGS),
    case("rating-of-card-not-shown", "post", ("quiz:rate", at.later_card), {"rating": 9, "seen": 0},
         says=f"That rating was not saved. {RATINGS}"),
    case("seen-negative", "post", ("quiz:rate", at.card), {"rating": 3, "seen": -1}, says=INCOMPLETE),
    case("seen-huge", "post", ("quiz:rate", at.card), {"rating": 3, "seen": 10**30}, expect=302, says=REVIEW),
    # Other students' rows
    case("attempt-of-other", "get", ("quiz:attempt", at.other_attempt), expect=404, says=NOT_FOUND),
    case("answer-of-other", "post", ("quiz:answer", at.other_attempt, 1), {"choice": at.other_right},
         expect=404, says=NOT_FOUND),
    case("feedback-of-other", "get", ("quiz:feedback", at.other_attempt, 1), expect=404, says=NOT_FOUND),
    case("retry-of-other", "post", ("quiz:retry", at.other_attempt), expect=404, says=NOT_FOUND),
    case("rate-with-others-count", "post", ("quiz:rate", at.others_card), {"rating": 4, "seen": 7},
         expect=302, says=REVIEW),
    # Bodies and query strings that cannot be read
    case("host-not-allowed", "get", ("quiz:home",), host="quiz.evil.example", expect=400, says=UNREADABLE),
    case("static-path-traversal", "get", "/static/quiz/%2e%2e/%2e%2e/settings.py", expect=404, says=NOT_FOUND),
    case("body-too-large", "post", ("quiz:answer", at.attempt, 1), at.huge_body, says=UNREADABLE),
    case("too-many-fields", "post", ("quiz:quiz_start",), at.many_fields, says=UNREADABLE),
    case("query-too-many-fields", "get", ("quiz:review",), query="&".join(["a=1"] * 1001), says=UNREADABLE),
    case("body-invalid-utf8", "post", ("quiz:answer", at.attempt, 1), b"choice=\xff\xfe&shown=\xc3",
         says=NOT_AN_OPTION),
    case("query-invalid-utf8", "get", ("quiz:review",), query="document=%ff%fe\xff", expect=404,
         says=NOT_FOUND),
    case("path-invalid-utf8", "get", "/attempts/%ff/", expect=404, says=NOT_FOUND),
    # Forms without their CSRF token
    case("csrf-start", "post", ("quiz:quiz_start",), {"token": at.token}, who="csrf", expect=403,
         says=EXPIRED),
    case("csrf-answer", "post", ("quiz:answer", at.attempt, 1), {"choice": at.right}, who="csrf",
         expect=403, says=EXPIRED),
    case("csrf-login", "post", ("quiz:login",), {"username": "ada", "password": PASSWORD},
         who="csrf-anonymous", expect=403, says=EXPIRED),
    # Forged and replayed stamps, double submits
    case("stamp-forged", "post", ("quiz:answer", at.attempt, 1), {"choice": at.right, "shown": at.forged},
         expect=302, says="Correct!", writes=ANSWERED,
         check=lambda: Answer.objects.latest("pk").response_ms is None),
    case("stamp-of-other-item", "post", ("quiz:answer", at.attempt, 1),
         {"choice": at.right, "shown": at.stamp_other}, expect=302, says="Correct!", writes=ANSWERED,
         check=lambda: Answer.objects.latest("pk").response_ms is None),
    case("stamp-garbage", "post", ("quiz:rate", at.card), {"rating": 3, "seen": 1, "shown": "x" * 5000},
         expect=302, says=REVIEW, writes=RATED, check=lambda: Review.objects.get().duration_ms is None),
    case("answer-twice", "post", ("quiz:answer", at.attempt, 1), {"choice": at.right, "shown": at.stamp},
         resend={}, expect=302, says="Correct!", writes=ANSWERED),
    case("answer-two-tabs", "post", ("quiz:answer", at.attempt, 1), {"choice": at.right},
         resend={"choice": at.wrong}, expect=302, says="Correct!", writes=ANSWERED,
         check=lambda: Answer.objects.latest("pk").is_correct),
    case("start-token-reused", "post", ("quiz:quiz_start",), {"document": "", "token": at.token}, resend={},
         expect=302, says="Question 1 of", writes={"Attempt": 1}),
    case("retry-twice", "post", ("quiz:retry", at.finished), resend={}, expect=302, says="Question 1 of",
         writes={"Attempt": 1}),
    case("retry-unfinished", "post", ("quiz:retry", at.attempt), expect=302,
         says="Finish this quiz before retrying its missed questions."),
    case("rate-twice", "post", ("quiz:rate", at.card), {"rating": 3, "seen": 1}, resend={}, expect=302,
         says=REVIEW, writes=RATED),
    case("rate-two-tabs", "post", ("quiz:rate", at.card), {"rating": 1, "seen": 1}, resend={"rating": 4},
         expect=302, says=REVIEW, writes=RATED, check=lambda: Review.objects.latest("pk").rating == 1),
    # htmx requests
    case("htmx-progress-full-page", "get", ("quiz:progress",), htmx=True, expect=200,
         says="Skip to main content"),
    case("htmx-answer-no-choice", "post", ("quiz:answer", at.attempt, 1), {}, htmx=True, says=PICK),
    case("htmx-attempt-of-other", "get", ("quiz:attempt", at.other_attempt), htmx=True, expect=404,
         says=NOT_FOUND),
    case("htmx-start-get", "get", ("quiz:quiz_start",), htmx=True, expect=405, says=NOT_HERE),
    # Sign-in redirects and anonymous posts
    case("login-next-offsite", "post", ("quiz:login",), {"username": "ada", "password": PASSWORD,
         "next": "https://evil.example/"}, who="anonymous", expect=302, says=HOME),
    case("login-next-scheme-relative", "post", ("quiz:login",), {"username": "ada", "password": PASSWORD,
         "next": "//evil.example/"}, who="anonymous", expect=302, says=HOME),
    case("login-next-backslash", "post", ("quiz:login",), {"username": "ada", "password": PASSWORD,
         "next": "/\\evil.example/"}, who="anonymous", expect=302, says=HOME),
    case("login-next-javascript", "get", ("quiz:login",), query="next=javascript:alert(1)", expect=302,
         says=HOME),
    case("login-next-itself", "get", ("quiz:login",), query="next=/accounts/login/", expect=302, says=HOME),
    case("anonymous-start", "post", ("quiz:quiz_start",), {"token": at.token}, who="anonymous", expect=302,
         says=SIGN_IN),
    case("anonymous-answer", "post", ("quiz:answer", at.attempt, 1), {"choice": at.right}, who="anonymous",
         expect=302, says=SIGN_IN),
    case("anonymous-rate", "post", ("quiz:rate", at.card), {"rating": 3, "seen": 1}, who="anonymous",
         expect=302, says=SIGN_IN),
]
# fmt: on


@dataclass(frozen=True)
class World:
    """A student mid-quiz with some progress, and another student with theirs."""

    attempt: int  # the student's quiz, its first question unanswered
    right: int  # that question's correct choice
    wrong: int
    foreign: int  # a choice of another question
    stamp: str  # the signed moment that question was shown
    stamp_other: str  # a genuine stamp of another question
    forged: str
    finished: int  # the student's finished quiz, with a missed question
    card: int  # the student's next card in review, reviewed once
    later_card: int  # a card the review page does not show now
    retired_card: int
    others_card: int  # a card the other student has reviewed 7 times, the student never
    other_user: int
    other_attempt: int
    other_right: int
    token: str = field(default_factory=lambda: str(uuid.uuid4()))

    @property
    def huge_body(self) -> bytes:
        return b"choice=" + b"1" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE

    @property
    def many_fields(self) -> bytes:
        return "&".join(f"field{n}=1" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)).encode()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    """Hash with MD5: PBKDF2 would spend most of each case's time on the two students' passwords."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(student: Any, other_student: Any) -> World:
    content_reload(collection=make_collection(documents=2, facts=6))
    questions = list(Question.objects.order_by("pk"))
    make_attempt_with_answers(student, questions[:2], correct=[True, False], when=timezone.now())
    finished = Attempt.objects.get(user=student)
    first, second = Document.objects.order_by("pk")
    attempt = attempt_start(user=student, document=first, size=3)
    other_attempt = attempt_start(user=other_student, document=first, size=3)
    assert attempt is not None
    assert other_attempt is not None
    item, other_item = attempt.items.get(position=1), other_attempt.items.get(position=1)
    # The cards with a schedule are the second document's, so an answer in the quiz adds a schedule.
    cards = list(Flashcard.objects.filter(fact__document=second).order_by("pk"))
    make_card_state(student, cards[0], reviews=1)
    make_card_state(other_student, cards[1], reviews=7)
    Flashcard.objects.filter(pk=cards[2].pk).update(is_active=False)
    next_card = review_queue(user=student, document=None, now=timezone.now()).flashcard
    assert next_card == cards[0]
    stamp = shown_stamp(item.pk)
    return World(
        attempt=attempt.pk,
        right=Choice.objects.get(pk__in=item.choice_order, is_correct=True).pk,
        wrong=Choice.objects.filter(pk__in=item.choice_order, is_correct=False).first().pk,
        foreign=Choice.objects.exclude(pk__in=item.choice_order).first().pk,
        stamp=stamp,
        stamp_other=shown_stamp(attempt.items.get(position=2).pk),
        forged=stamp[:-1] + ("A" if stamp[-1] != "A" else "B"),
        finished=finished.pk,
        card=cards[0].pk,
        later_card=cards[-1].pk,
        retired_card=cards[2].pk,
        others_card=cards[1].pk,
        other_user=other_student.pk,
        other_attempt=other_attempt.pk,
        other_right=Choice.objects.get(pk__in=other_item.choice_order, is_correct=True).pk,
    )


@pytest.mark.parametrize("bad", CASES)
def test_bad_request_gets_a_clear_answer_and_writes_nothing(bad: Case, world: World, student: Any) -> None:
    client = _client(bad.who, student)
    before = _counts()

    response = _send(client, bad, world)
    if bad.resend is not None:
        response = _send(client, bad, world, changed=bad.resend)

    assert response.status_code < 500
    assert response.status_code == bad.expect, response.content.decode(errors="replace")[:2000]
    page = _followed(client, response) if bad.expect == 302 else response
    assert bad.says in html.unescape(page.content.decode())
    assert _added(before) == {name: bad.writes.get(name, 0) for name in before}
    assert bad.check is None or bad.check()


def test_catalogue_has_forty_cases_or_more() -> None:
    assert len(CASES) >= 40


def _client(who: str, student: Any) -> Client:
    client = Client(enforce_csrf_checks=who.startswith("csrf"), raise_request_exception=False)
    if who in ("student", "csrf"):
        client.force_login(student)
    return client


def _send(client: Client, bad: Case, world: World, changed: Mapping[str, Any] | None = None) -> HttpResponse:
    if isinstance(bad.url, str):
        url = bad.url
    else:
        name, *args = bad.url
        url = reverse(name, args=[_value(arg, world) for arg in args])
    data = _value(bad.data, world)
    if isinstance(data, dict):
        data = {key: _value(value, world) for key, value in {**data, **(changed or {})}.items()}
    extra: dict[str, Any] = {"QUERY_STRING": bad.query} if bad.query else {}
    if bad.host:
        extra["HTTP_HOST"] = bad.host
    headers = {"HX-Request": "true"} if bad.htmx else {}
    if bad.method in ("get", "head"):
        return getattr(client, bad.method)(url, headers=headers, **extra)
    if isinstance(data, dict) and bad.method == "post":
        return client.post(url, data, headers=headers, **extra)
    body = data if isinstance(data, bytes) else _encoded(data or {})
    send = getattr(client, bad.method)
    return send(url, body, content_type=bad.content_type, headers=headers, **extra)


def _value(value: Any, world: World) -> Any:
    return getattr(world, value.name) if isinstance(value, Ref) else value


def _encoded(data: Mapping[str, Any]) -> bytes:
    return "&".join(f"{key}={value}" for key, value in data.items()).encode()


def _followed(client: Client, response: HttpResponse) -> HttpResponse:
    """Follow a redirect once, after checking that it stays on this site."""
    location = response["Location"]
    parts = urlsplit(location)
    assert (parts.scheme, parts.netloc) == ("", ""), location
    assert location.startswith("/"), location
    assert not location.startswith(("//", "/\\")), location
    page = client.get(location)
    assert page.status_code == 200, location
    return page


def _counts() -> dict[str, int]:
    return {model.__name__: model._default_manager.count() for model in COUNTED}


def _added(before: dict[str, int]) -> dict[str, int]:
    return {name: count - before[name] for name, count in _counts().items()}


def test_forged_stamp_is_not_a_valid_signature(world: World) -> None:
    with pytest.raises(signing.BadSignature):
        signing.loads(world.forged, salt="quiz.shown")
