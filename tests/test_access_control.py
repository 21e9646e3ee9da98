"""Who may open each URL: anonymous visitors, students, teachers and superusers.

MATRIX has one row per URL (and method) with the outcome for each of the four roles. The coverage test walks
the URL resolver, so a new URL cannot be added without deciding, here, who may open it.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import AbstractBaseUser, Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from quiz.models import (
    Answer,
    Attempt,
    AttemptQuestion,
    CardState,
    Choice,
    Document,
    Fact,
    Flashcard,
    Question,
    Review,
    SchoolClass,
)
from quiz.services.accounts import TEACHERS_GROUP
from quiz.services.attempts import attempt_start
from quiz.services.reload import content_reload
from tests.class_factories import make_class
from tests.factories import make_collection
from tests.learning_factories import PASSWORD, make_attempt_with_answers, make_card_state, make_user

ROLES = ("anonymous", "student", "teacher", "superuser")
GET, POST = "GET", "POST"


@dataclass(frozen=True)
class Outcome:
    status: int
    to: str = ""  # where a redirect goes

    def __repr__(self) -> str:
        return f"{self.status} to {self.to}" if self.to else str(self.status)


def to(view_name: str) -> Outcome:
    """Return a redirect to the view: the request got through, and the view sent it on."""
    return Outcome(302, view_name)


# The legend of the matrix.
OK = Outcome(200)
E400 = Outcome(400)
E403 = Outcome(403)
E404 = Outcome(404)
E405 = Outcome(405)
LOGIN = to("quiz:login?next=")  # to the site's sign-in page, with next= the requested path
ADMIN_LOGIN = to("admin:login?next=")  # to the admin's sign-in page, with next= the requested path
SIGNED_OUT = to("quiz:login")  # to the site's sign-in page, without next=
HOME = to("quiz:home")
ATTEMPT = to("quiz:attempt")
FEEDBACK = to("quiz:feedback")
REVIEW = to("quiz:review")
ADMIN_HOME = to("admin:index")
STATIC = Outcome(302, "a static file")
CHANGE = Outcome(302, "the object's change page")
LIST = Outcome(302, "the model's list")

# What the POST rows send ({braces} name the objects of the `world` fixture).
SIGNUP = {"username": "newcomer", "password1": PASSWORD, "password2": PASSWORD}
START = {"token": "{token}"}
RATING = {"rating": "3", "seen": "0"}
SWITCH = {"is_enabled": "on"}
SWITCH_OFF = {"action": "switch_off", "_selected_action": "{question}"}
DELETE = {"post": "yes"}  # the admin's "Yes, I'm sure"


@dataclass(frozen=True)
class Row:
    """One URL and method and what each role gets; `path` names the objects of `world` in {braces}."""

    id: str
    method: str
    path: str
    anonymous: Outcome
    student: Outcome
    teacher: Outcome
    superuser: Outcome
    data: dict[str, str] = field(default_factory=dict)


# fmt: off
# The student's rows open their own finished attempt, with one of two questions missed. Teachers and
# superusers use the site as learners too, and nobody, not even a superuser, opens another's attempt.
SITE = [
    #   id                 method path                                       anonymous   student     teacher     superuser
    Row("home",            GET,   "/",                                       LOGIN,      OK,         OK,         OK),
    Row("health",          GET,   "/health/",                                OK,         OK,         OK,         OK),
    Row("health-post",     POST,  "/health/",                                E405,       E405,       E405,       E405),
    Row("favicon",         GET,   "/favicon.ico",                            STATIC,     STATIC,     STATIC,     STATIC),
    Row("signup",          GET,   "/accounts/signup/",                       OK,         HOME,       HOME,       HOME),
    Row("signup-post",     POST,  "/accounts/signup/",                       HOME,       HOME,       HOME,       HOME,       SIGNUP),
    Row("login",           GET,   "/accounts/login/",                        OK,         HOME,       HOME,       HOME),
    Row("logout",          GET,   "/accounts/logout/",                       E405,       E405,       E405,       E405),
    Row("logout-post",     POST,  "/accounts/logout/",                       SIGNED_OUT, SIGNED_OUT, SIGNED_OUT, SIGNED_OUT),
    Row("password",        GET,   "/accounts/password/",                     LOGIN,      OK,         OK,         OK),
    Row("password-post",   POST,  "/accounts/password/",                     LOGIN,      OK,         OK,         OK),
    Row("quiz-start",      GET,   "/quizzes/",                               LOGIN,      E405,       E405,       E405),
    Row("quiz-start-post", POST,  "/quizzes/",                               LOGIN,      ATTEMPT,    ATTEMPT,    ATTEMPT,    START),
    Row("attempt",         GET,   "/attempts/{attempt}/",                    LOGIN,      OK,         E404,       E404),
    Row("feedback",        GET,   "/attempts/{attempt}/questions/1/",        LOGIN,      OK,         E404,       E404),
    Row("answer-post",     POST,  "/attempts/{attempt}/questions/1/answer/", LOGIN,      FEEDBACK,   E404,       E404),
    Row("retry-post",      POST,  "/attempts/{attempt}/retry/",              LOGIN,      ATTEMPT,    E404,       E404),
    Row("review",          GET,   "/review/",                                LOGIN,      OK,         OK,         OK),
    Row("rate-post",       POST,  "/review/cards/{flashcard}/",              LOGIN,      REVIEW,     REVIEW,     REVIEW,     RATING),
    Row("progress",        GET,   "/progress/",                              LOGIN,      OK,         OK,         OK),
]

# Students are not staff: the admin sends them to its sign-in page, as it does anonymous visitors.
# Answers and attempts have no admin at all (the catch-all's 404): nobody edits a student's history.
# View on site only redirects: the student's attempt page then refuses the others (the SITE rows).
ADMIN_SITE = [
    #   id                     method path                                  anonymous    student      teacher     superuser
    Row("admin-index",         GET,   "/admin/",                            ADMIN_LOGIN, ADMIN_LOGIN, OK,         OK),
    Row("admin-login",         GET,   "/admin/login/",                      OK,          OK,          ADMIN_HOME, ADMIN_HOME),
    Row("admin-logout",        GET,   "/admin/logout/",                     ADMIN_HOME,  ADMIN_HOME,  E405,       E405),
    Row("admin-logout-post",   POST,  "/admin/logout/",                     ADMIN_HOME,  ADMIN_HOME,  SIGNED_OUT, SIGNED_OUT),
    Row("admin-password",      GET,   "/admin/password_change/",            ADMIN_LOGIN, ADMIN_LOGIN, OK,         OK),
    Row("admin-password-done", GET,   "/admin/password_change/done/",       ADMIN_LOGIN, ADMIN_LOGIN, OK,         OK),
    Row("admin-autocomplete",  GET,   "/admin/autocomplete/",               ADMIN_LOGIN, ADMIN_LOGIN, E403,       E403),
    Row("admin-view-on-site",  GET,   "/admin/r/{attempt_type}/{attempt}/", ADMIN_LOGIN, ADMIN_LOGIN, ATTEMPT,    ATTEMPT),
    Row("admin-jsi18n",        GET,   "/admin/jsi18n/",                     ADMIN_LOGIN, ADMIN_LOGIN, OK,         OK),
    Row("admin-app-quiz",      GET,   "/admin/quiz/",                       ADMIN_LOGIN, ADMIN_LOGIN, OK,         OK),
    Row("admin-app-auth",      GET,   "/admin/auth/",                       ADMIN_LOGIN, ADMIN_LOGIN, E404,       OK),
    Row("admin-app-axes",      GET,   "/admin/axes/",                       ADMIN_LOGIN, ADMIN_LOGIN, E404,       OK),
    Row("admin-answers",       GET,   "/admin/quiz/answer/",                ADMIN_LOGIN, ADMIN_LOGIN, E404,       E404),
    Row("admin-attempts",      GET,   "/admin/quiz/attempt/",               ADMIN_LOGIN, ADMIN_LOGIN, E404,       E404),
]

# Content is read-only (reload_content owns it) to everyone, except the teachers' switch on questions.
CONTENT = [
    #   id                          method path                                          anonymous    student      teacher superuser
    Row("document-list",            GET,   "/admin/quiz/document/",                      ADMIN_LOGIN, ADMIN_LOGIN, OK,     OK),
    Row("document-add",             GET,   "/admin/quiz/document/add/",                  ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("document-add-post",        POST,  "/admin/quiz/document/add/",                  ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("document",                 GET,   "/admin/quiz/document/{document}/",           ADMIN_LOGIN, ADMIN_LOGIN, CHANGE, CHANGE),
    Row("document-change",          GET,   "/admin/quiz/document/{document}/change/",    ADMIN_LOGIN, ADMIN_LOGIN, OK,     OK),
    Row("document-change-post",     POST,  "/admin/quiz/document/{document}/change/",    ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("document-delete",          GET,   "/admin/quiz/document/{document}/delete/",    ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("document-delete-post",     POST,  "/admin/quiz/document/{document}/delete/",    ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403,     DELETE),
    Row("document-history",         GET,   "/admin/quiz/document/{document}/history/",   ADMIN_LOGIN, ADMIN_LOGIN, OK,     OK),
    Row("fact-list",                GET,   "/admin/quiz/fact/",                          ADMIN_LOGIN, ADMIN_LOGIN, OK,     OK),
    Row("fact-add",                 GET,   "/admin/quiz/fact/add/",                      ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("fact-add-post",            POST,  "/admin/quiz/fact/add/",                      ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("fact",                     GET,   "/admin/quiz/fact/{fact}/",                   ADMIN_LOGIN, ADMIN_LOGIN, CHANGE, CHANGE),
    Row("fact-change",              GET,   "/admin/quiz/fact/{fact}/change/",            ADMIN_LOGIN, ADMIN_LOGIN, OK,     OK),
    Row("fact-change-post",         POST,  "/admin/quiz/fact/{fact}/change/",            ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("fact-delete",              GET,   "/admin/quiz/fact/{fact}/delete/",            ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("fact-delete-post",         POST,  "/admin/quiz/fact/{fact}/delete/",            ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403,     DELETE),
    Row("fact-history",             GET,   "/admin/quiz/fact/{fact}/history/",           ADMIN_LOGIN, ADMIN_LOGIN, OK,     OK),
    Row("question-list",            GET,   "/admin/quiz/question/",                      ADMIN_LOGIN, ADMIN_LOGIN, OK,     OK),
    Row("question-switch-off-post", POST,  "/admin/quiz/question/",                      ADMIN_LOGIN, ADMIN_LOGIN, LIST,   LIST,     SWITCH_OFF),
    Row("question-csv",             GET,   "/admin/quiz/question/statistics.csv",        ADMIN_LOGIN, ADMIN_LOGIN, OK,     OK),
    Row("question-hardest",         GET,   "/admin/quiz/question/hardest/",              ADMIN_LOGIN, ADMIN_LOGIN, OK,     OK),
    Row("question-add",             GET,   "/admin/quiz/question/add/",                  ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("question-add-post",        POST,  "/admin/quiz/question/add/",                  ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("question",                 GET,   "/admin/quiz/question/{question}/",           ADMIN_LOGIN, ADMIN_LOGIN, CHANGE, CHANGE),
    Row("question-change",          GET,   "/admin/quiz/question/{question}/change/",    ADMIN_LOGIN, ADMIN_LOGIN, OK,     OK),
    Row("question-change-post",     POST,  "/admin/quiz/question/{question}/change/",    ADMIN_LOGIN, ADMIN_LOGIN, LIST,   LIST,     SWITCH),
    Row("question-delete",          GET,   "/admin/quiz/question/{question}/delete/",    ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("question-delete-post",     POST,  "/admin/quiz/question/{question}/delete/",    ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403,     DELETE),
    Row("question-history",         GET,   "/admin/quiz/question/{question}/history/",   ADMIN_LOGIN, ADMIN_LOGIN, OK,     OK),
    Row("choice-list",              GET,   "/admin/quiz/choice/",                        ADMIN_LOGIN, ADMIN_LOGIN, OK,     OK),
    Row("choice-add",               GET,   "/admin/quiz/choice/add/",                    ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("choice-add-post",          POST,  "/admin/quiz/choice/add/",                    ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("choice",                   GET,   "/admin/quiz/choice/{choice}/",               ADMIN_LOGIN, ADMIN_LOGIN, CHANGE, CHANGE),
    Row("choice-change",            GET,   "/admin/quiz/choice/{choice}/change/",        ADMIN_LOGIN, ADMIN_LOGIN, OK,     OK),
    Row("choice-change-post",       POST,  "/admin/quiz/choice/{choice}/change/",        ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("choice-delete",            GET,   "/admin/quiz/choice/{choice}/delete/",        ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("choice-delete-post",       POST,  "/admin/quiz/choice/{choice}/delete/",        ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403,     DELETE),
    Row("choice-history",           GET,   "/admin/quiz/choice/{choice}/history/",       ADMIN_LOGIN, ADMIN_LOGIN, OK,     OK),
    Row("flashcard-list",           GET,   "/admin/quiz/flashcard/",                     ADMIN_LOGIN, ADMIN_LOGIN, OK,     OK),
    Row("flashcard-add",            GET,   "/admin/quiz/flashcard/add/",                 ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("flashcard-add-post",       POST,  "/admin/quiz/flashcard/add/",                 ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("flashcard",                GET,   "/admin/quiz/flashcard/{flashcard}/",         ADMIN_LOGIN, ADMIN_LOGIN, CHANGE, CHANGE),
    Row("flashcard-change",         GET,   "/admin/quiz/flashcard/{flashcard}/change/",  ADMIN_LOGIN, ADMIN_LOGIN, OK,     OK),
    Row("flashcard-change-post",    POST,  "/admin/quiz/flashcard/{flashcard}/change/",  ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("flashcard-delete",         GET,   "/admin/quiz/flashcard/{flashcard}/delete/",  ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("flashcard-delete-post",    POST,  "/admin/quiz/flashcard/{flashcard}/delete/",  ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403,     DELETE),
    Row("flashcard-history",        GET,   "/admin/quiz/flashcard/{flashcard}/history/", ADMIN_LOGIN, ADMIN_LOGIN, OK,     OK),
]

# Teachers read their students' progress; nobody edits a student's account or history here.
STUDENTS = [
    #   id                        method path                                      anonymous    student      teacher superuser
    Row("student-list",           GET,   "/admin/quiz/student/",                   ADMIN_LOGIN, ADMIN_LOGIN, OK,     OK),
    Row("student-csv",            GET,   "/admin/quiz/student/students.csv",       ADMIN_LOGIN, ADMIN_LOGIN, OK,     OK),
    Row("student-class-progress", GET,   "/admin/quiz/student/class-progress/",    ADMIN_LOGIN, ADMIN_LOGIN, OK,     OK),
    Row("student-add",            GET,   "/admin/quiz/student/add/",               ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("student-add-post",       POST,  "/admin/quiz/student/add/",               ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("student",                GET,   "/admin/quiz/student/{student}/",         ADMIN_LOGIN, ADMIN_LOGIN, CHANGE, CHANGE),
    Row("student-change",         GET,   "/admin/quiz/student/{student}/change/",  ADMIN_LOGIN, ADMIN_LOGIN, OK,     OK),
    Row("student-change-post",    POST,  "/admin/quiz/student/{student}/change/",  ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("student-delete",         GET,   "/admin/quiz/student/{student}/delete/",  ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("student-delete-post",    POST,  "/admin/quiz/student/{student}/delete/",  ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403,     DELETE),
    Row("student-history",        GET,   "/admin/quiz/student/{student}/history/", ADMIN_LOGIN, ADMIN_LOGIN, OK,     OK),
    Row("student-temporary-password",      GET,  "/admin/quiz/student/{student}/temporary-password/", ADMIN_LOGIN, ADMIN_LOGIN, OK, OK),
    Row("student-temporary-password-post", POST, "/admin/quiz/student/{student}/temporary-password/", ADMIN_LOGIN, ADMIN_LOGIN, OK, OK),
]

# Only superusers manage accounts; an empty form gets them through to the form's errors (200).
ACCOUNTS = [
    #   id                    method path                                    anonymous    student      teacher superuser
    Row("user-list",          GET,   "/admin/auth/user/",                    ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("user-add",           GET,   "/admin/auth/user/add/",                ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("user-add-post",      POST,  "/admin/auth/user/add/",                ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("user",               GET,   "/admin/auth/user/{student}/",          ADMIN_LOGIN, ADMIN_LOGIN, CHANGE, CHANGE),
    Row("user-change",        GET,   "/admin/auth/user/{student}/change/",   ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("user-change-post",   POST,  "/admin/auth/user/{student}/change/",   ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("user-password",      GET,   "/admin/auth/user/{student}/password/", ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("user-password-post", POST,  "/admin/auth/user/{student}/password/", ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("user-delete",        GET,   "/admin/auth/user/{student}/delete/",   ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("user-delete-post",   POST,  "/admin/auth/user/{student}/delete/",   ADMIN_LOGIN, ADMIN_LOGIN, E403,   LIST,     DELETE),
    Row("user-history",       GET,   "/admin/auth/user/{student}/history/",  ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("group-list",         GET,   "/admin/auth/group/",                   ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("group-add",          GET,   "/admin/auth/group/add/",               ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("group-add-post",     POST,  "/admin/auth/group/add/",               ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("group",              GET,   "/admin/auth/group/{group}/",           ADMIN_LOGIN, ADMIN_LOGIN, CHANGE, CHANGE),
    Row("group-change",       GET,   "/admin/auth/group/{group}/change/",    ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("group-change-post",  POST,  "/admin/auth/group/{group}/change/",    ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("group-delete",       GET,   "/admin/auth/group/{group}/delete/",    ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("group-delete-post",  POST,  "/admin/auth/group/{group}/delete/",    ADMIN_LOGIN, ADMIN_LOGIN, E403,   LIST,     DELETE),
    Row("group-history",      GET,   "/admin/auth/group/{group}/history/",   ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
]

# django-axes' records of sign-ins (usernames and addresses): superusers only; nobody adds one.
SIGN_INS = [
    #   id                            method path                                                      anonymous    student      teacher superuser
    Row("signin-attempt-list",        GET,   "/admin/axes/accessattempt/",                             ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("signin-attempt-add",         GET,   "/admin/axes/accessattempt/add/",                         ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("signin-attempt-add-post",    POST,  "/admin/axes/accessattempt/add/",                         ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("signin-attempt",             GET,   "/admin/axes/accessattempt/{signin_attempt}/",            ADMIN_LOGIN, ADMIN_LOGIN, CHANGE, CHANGE),
    Row("signin-attempt-change",      GET,   "/admin/axes/accessattempt/{signin_attempt}/change/",     ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("signin-attempt-change-post", POST,  "/admin/axes/accessattempt/{signin_attempt}/change/",     ADMIN_LOGIN, ADMIN_LOGIN, E403,   LIST),
    Row("signin-attempt-delete",      GET,   "/admin/axes/accessattempt/{signin_attempt}/delete/",     ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("signin-attempt-delete-post", POST,  "/admin/axes/accessattempt/{signin_attempt}/delete/",     ADMIN_LOGIN, ADMIN_LOGIN, E403,   LIST,     DELETE),
    Row("signin-attempt-history",     GET,   "/admin/axes/accessattempt/{signin_attempt}/history/",    ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("signin-log-list",            GET,   "/admin/axes/accesslog/",                                 ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("signin-log-add",             GET,   "/admin/axes/accesslog/add/",                             ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("signin-log-add-post",        POST,  "/admin/axes/accesslog/add/",                             ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("signin-log",                 GET,   "/admin/axes/accesslog/{signin_log}/",                    ADMIN_LOGIN, ADMIN_LOGIN, CHANGE, CHANGE),
    Row("signin-log-change",          GET,   "/admin/axes/accesslog/{signin_log}/change/",             ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("signin-log-change-post",     POST,  "/admin/axes/accesslog/{signin_log}/change/",             ADMIN_LOGIN, ADMIN_LOGIN, E403,   LIST),
    Row("signin-log-delete",          GET,   "/admin/axes/accesslog/{signin_log}/delete/",             ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("signin-log-delete-post",     POST,  "/admin/axes/accesslog/{signin_log}/delete/",             ADMIN_LOGIN, ADMIN_LOGIN, E403,   LIST,     DELETE),
    Row("signin-log-history",         GET,   "/admin/axes/accesslog/{signin_log}/history/",            ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("signin-failure-list",        GET,   "/admin/axes/accessfailurelog/",                          ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("signin-failure-add",         GET,   "/admin/axes/accessfailurelog/add/",                      ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("signin-failure-add-post",    POST,  "/admin/axes/accessfailurelog/add/",                      ADMIN_LOGIN, ADMIN_LOGIN, E403,   E403),
    Row("signin-failure",             GET,   "/admin/axes/accessfailurelog/{signin_failure}/",         ADMIN_LOGIN, ADMIN_LOGIN, CHANGE, CHANGE),
    Row("signin-failure-change",      GET,   "/admin/axes/accessfailurelog/{signin_failure}/change/",  ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("signin-failure-change-post", POST,  "/admin/axes/accessfailurelog/{signin_failure}/change/",  ADMIN_LOGIN, ADMIN_LOGIN, E403,   LIST),
    Row("signin-failure-delete",      GET,   "/admin/axes/accessfailurelog/{signin_failure}/delete/",  ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
    Row("signin-failure-delete-post", POST,  "/admin/axes/accessfailurelog/{signin_failure}/delete/",  ADMIN_LOGIN, ADMIN_LOGIN, E403,   LIST,     DELETE),
    Row("signin-failure-history",     GET,   "/admin/axes/accessfailurelog/{signin_failure}/history/", ADMIN_LOGIN, ADMIN_LOGIN, E403,   OK),
]


@dataclass(frozen=True)
class ClassRow:
    """One URL and method and what each role gets, as seen from one class and its neighbour.

    The class 9B is taught by `teacher` and has `student` in it; the class 10A next door is taught by
    `other_teacher` and has `other_student`. `path` names the objects of `class_world` in {braces}; `query`
    is sent as the query string.
    """

    id: str
    method: str
    path: str
    anonymous: Outcome
    student: Outcome
    other_student: Outcome
    teacher: Outcome
    other_teacher: Outcome
    superuser: Outcome
    data: dict[str, str] = field(default_factory=dict)
    query: str = ""


CLASS_ROLES = ("anonymous", "student", "other_student", "teacher", "other_teacher", "superuser")
JOIN = {"code": "{join_code}"}
IN_CLASS = "class={school_class}"

# Knowing a class's code is what lets a student in, so the student of 10A may join 9B with it; staff may
# not join as students (400, the form says why). Every teacher page of 9B, and every scoped page narrowed
# to 9B, is not found for the teacher of 10A.
CLASSES = [
    #        id                          method path                                           anonymous    student      other_student teacher other_teacher superuser
    ClassRow("class-join",               GET,   "/classes/join/",                              LOGIN,       E405,        E405,         E405,   E405,         E405),
    ClassRow("class-join-post",          POST,  "/classes/join/",                              LOGIN,       HOME,        HOME,         E400,   E400,         E400,    JOIN),
    ClassRow("class-join-post-empty",    POST,  "/classes/join/",                              LOGIN,       E400,        E400,         E400,   E400,         E400),
    ClassRow("class-leave-post",         POST,  "/classes/{school_class}/leave/",              LOGIN,       HOME,        E404,         E404,   E404,         E404),
    ClassRow("class-list",               GET,   "/admin/quiz/schoolclass/",                    ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN,  OK,     OK,           OK),
    ClassRow("class-add",                GET,   "/admin/quiz/schoolclass/add/",                ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN,  OK,     OK,           OK),
    ClassRow("class-add-post",           POST,  "/admin/quiz/schoolclass/add/",                ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN,  OK,     OK,           OK),
    ClassRow("class",                    GET,   "/admin/quiz/schoolclass/{school_class}/",     ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN,  CHANGE, CHANGE,       CHANGE),
    ClassRow("class-change",             GET,   "/admin/quiz/schoolclass/{school_class}/change/", ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, OK,   E404,         OK),
    ClassRow("class-change-post",        POST,  "/admin/quiz/schoolclass/{school_class}/change/", ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, OK,   E404,         OK),
    ClassRow("class-delete",             GET,   "/admin/quiz/schoolclass/{school_class}/delete/", ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, OK,   E404,         OK),
    ClassRow("class-delete-post",        POST,  "/admin/quiz/schoolclass/{school_class}/delete/", ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, LIST, E404,         LIST,    DELETE),
    ClassRow("class-history",            GET,   "/admin/quiz/schoolclass/{school_class}/history/", ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, OK,  E404,         OK),
    ClassRow("class-status-csv",         GET,   "/admin/quiz/schoolclass/{school_class}/status.csv", ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, OK, E404,        OK),
    ClassRow("class-roster",             GET,   "/admin/quiz/schoolclass/{school_class}/roster/", ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, OK,   E404,         OK),
    ClassRow("class-roster-post",        POST,  "/admin/quiz/schoolclass/{school_class}/roster/", ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, E400, E404,         E400),
    ClassRow("class-student",            GET,   "/admin/quiz/student/{student}/change/",       ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN,  OK,     E404,         OK),
    ClassRow("class-student-history",    GET,   "/admin/quiz/student/{student}/history/",      ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN,  OK,     E404,         OK),
    ClassRow("class-student-list",       GET,   "/admin/quiz/student/",                        ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN,  OK,     E404,         OK,      query=IN_CLASS),
    ClassRow("class-student-csv",        GET,   "/admin/quiz/student/students.csv",            ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN,  OK,     E404,         OK,      query=IN_CLASS),
    ClassRow("class-progress",           GET,   "/admin/quiz/student/class-progress/",         ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN,  OK,     E404,         OK,      query=IN_CLASS),
    ClassRow("class-question-list",      GET,   "/admin/quiz/question/",                       ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN,  OK,     E404,         OK,      query=IN_CLASS),
    ClassRow("class-question-csv",       GET,   "/admin/quiz/question/statistics.csv",         ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN,  OK,     E404,         OK,      query=IN_CLASS),
    ClassRow("class-question-hardest",   GET,   "/admin/quiz/question/hardest/",               ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN,  OK,     E404,         OK,      query=IN_CLASS),
    ClassRow("class-question",           GET,   "/admin/quiz/question/{question}/change/",     ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN,  OK,     E404,         OK,      query=IN_CLASS),
]
# fmt: on

MATRIX = [*SITE, *ADMIN_SITE, *CONTENT, *STUDENTS, *ACCOUNTS, *SIGN_INS]

# URL patterns with no row, each with the reason why nobody need decide who may open them. None so far:
# even the admin's view-on-site shortcut and JavaScript catalogue are behind the admin's sign-in.
EXEMPT: dict[str, str] = {}


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    """Hash with MD5: hundreds of cases each make three users, and PBKDF2 would take minutes."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def teacher() -> AbstractBaseUser:
    """Make a teacher as quiz.services.accounts does: staff, not superuser, in the Teachers group."""
    user = make_user("tess", is_staff=True, is_superuser=False)
    user.groups.add(Group.objects.get(name=TEACHERS_GROUP))
    return user


@pytest.fixture
def superuser(django_user_model: Any) -> AbstractBaseUser:
    return django_user_model.objects.create_superuser("root", password=PASSWORD)


@pytest.fixture
def users(student: Any, teacher: AbstractBaseUser, superuser: AbstractBaseUser) -> dict[str, Any]:
    """Return the user of each role; the anonymous visitor has none."""
    return {"anonymous": None, "student": student, "teacher": teacher, "superuser": superuser}


@pytest.fixture
def world(student: Any, teacher: Any) -> dict[str, object]:
    """Load 1 document of 2 facts and return the pks the matrix's paths name.

    The student has one finished attempt with one of its two questions missed, and is in the teacher's class.
    """
    content_reload(collection=make_collection(documents=1, facts=2))
    questions = list(Question.objects.order_by("pk")[:2])
    attempt = make_attempt_with_answers(student, questions, correct=[True, False])
    return {
        "attempt": attempt.pk,
        "document": Document.objects.get().pk,
        "fact": Fact.objects.order_by("pk").first().pk,
        "question": questions[0].pk,
        "choice": Choice.objects.order_by("pk").first().pk,
        "flashcard": Flashcard.objects.order_by("pk").first().pk,
        "student": student.pk,
        "group": Group.objects.get(name=TEACHERS_GROUP).pk,
        "attempt_type": ContentType.objects.get_for_model(Attempt).pk,
        "token": str(uuid.uuid4()),
        "school_class": make_class("9B", teachers=(teacher,), students=(student,)).pk,
        **sign_ins(student),
    }


def sign_ins(user: Any) -> dict[str, object]:
    """Record a sign-in of `user` as django-axes does, and return the pks of its three records."""
    request = {"username": user.username, "ip_address": "192.0.2.1", "user_agent": "test", "path_info": "/"}
    return {
        "signin_attempt": AccessAttempt.objects.create(
            **request, get_data="", post_data="", failures_since_start=1
        ).pk,
        "signin_log": AccessLog.objects.create(**request).pk,
        "signin_failure": AccessFailureLog.objects.create(**request).pk,
    }


def outcome(response: HttpResponse, path: str) -> Outcome:
    """Return the response in the matrix's legend; `path` may carry a query string."""
    if response.status_code != 302:
        return Outcome(response.status_code)
    location = urlsplit(response["Location"])
    bare = path.split("?")[0]
    if location.path.startswith("/static/"):
        return STATIC
    if location.path == f"{bare}change/":
        return CHANGE
    if bare.startswith("/admin/") and location.path == "/".join(bare.split("/")[:4]) + "/":
        return LIST
    view_name = resolve(location.path).view_name
    if parse_qs(location.query).get("next") == [path]:
        return to(f"{view_name}?next=")
    return to(view_name)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("row", MATRIX, ids=lambda row: row.id)
def test_url_answers_each_role_as_the_matrix_says(
    client: Client, users: dict[str, Any], world: dict[str, object], row: Row, role: str
) -> None:
    if users[role] is not None:
        client.force_login(users[role])
    path = row.path.format(**world)
    data = {name: value.format(**world) for name, value in row.data.items()}

    response = client.get(path) if row.method == GET else client.post(path, data)

    assert outcome(response, path) == getattr(row, role)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "student"])
@pytest.mark.parametrize("row", [row for row in SITE if row.method == GET], ids=lambda row: row.id)
def test_head_answers_as_get_does(
    client: Client, users: dict[str, Any], world: dict[str, object], row: Row, role: str
) -> None:
    """Monitors and link checkers ask with HEAD: a page that answers GET answers HEAD the same way."""
    if users[role] is not None:
        client.force_login(users[role])
    path = row.path.format(**world)

    response = client.head(path)

    assert outcome(response, path) == getattr(row, role)


@pytest.fixture
def class_world(world: dict[str, object], student: Any, teacher: Any) -> dict[str, object]:
    """Add the class 10A next to 9B, with its own teacher and student, to the matrix's world."""
    other_teacher = make_user("theo", is_staff=True, is_superuser=False)
    other_teacher.groups.add(Group.objects.get(name=TEACHERS_GROUP))
    other_student = make_user("brian")
    make_class("10A", teachers=(other_teacher,), students=(other_student,))
    nine_b = SchoolClass.objects.get(pk=world["school_class"])
    return {
        **world,
        "join_code": nine_b.join_code,
        "users": {
            "student": student,
            "other_student": other_student,
            "teacher": teacher,
            "other_teacher": other_teacher,
        },
    }


@pytest.mark.django_db
@pytest.mark.parametrize("role", CLASS_ROLES)
@pytest.mark.parametrize("row", CLASSES, ids=lambda row: row.id)
def test_class_url_answers_each_role_as_the_matrix_says(
    client: Client, superuser: Any, class_world: dict[str, Any], row: ClassRow, role: str
) -> None:
    user = {**class_world["users"], "superuser": superuser, "anonymous": None}[role]
    if user is not None:
        client.force_login(user)
    path = row.path.format(**class_world)
    data = {name: value.format(**class_world) for name, value in row.data.items()}
    query = row.query.format(**class_world)
    url = f"{path}?{query}" if query else path

    response = client.get(url) if row.method == GET else client.post(url, data)

    assert outcome(response, url) == getattr(row, role)


def routes(patterns: list[URLPattern | URLResolver], prefix: str = "") -> Iterator[str]:
    """Yield the full route of every URL pattern, joined the way ResolverMatch.route joins them."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern).removeprefix("^") if prefix else str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, route)
        else:
            yield route


def test_every_url_pattern_has_a_row_in_the_matrix() -> None:
    any_pk: defaultdict[str, str] = defaultdict(lambda: "1")
    covered = {resolve(row.path.format_map(any_pk)).route for row in [*MATRIX, *CLASSES]}

    patterns = set(routes(get_resolver().url_patterns))

    assert patterns - covered - set(EXEMPT) == set(), "decide who may open these URLs: add rows to MATRIX"
    assert set(EXEMPT) <= patterns, "an exemption names a URL pattern that no longer exists"
    assert not set(EXEMPT) & covered


def test_matrix_ids_are_unique() -> None:
    ids = [row.id for row in [*MATRIX, *CLASSES]]

    assert len(ids) == len(set(ids))


# Object-level checks: what a request may touch once it is through the door.

LEARNING_MODELS: tuple[type[Model], ...] = (Attempt, AttemptQuestion, Answer, CardState, Review)


def learning_rows() -> dict[str, list[tuple[Any, ...]]]:
    """Return every row of the students' history, to compare before and after a request."""
    return {model.__name__: list(model.objects.order_by("pk").values_list()) for model in LEARNING_MODELS}


@pytest.fixture
def content() -> None:
    content_reload(collection=make_collection(documents=1, facts=2))


@pytest.fixture
def brians(content: None, other_student: Any) -> dict[str, object]:  # noqa: ARG001
    """Give the other student a finished attempt with a miss, and a started one with nothing answered."""
    finished = make_attempt_with_answers(
        other_student, list(Question.objects.order_by("pk")[:2]), correct=[True, False]
    )
    started = attempt_start(user=other_student, document=None, size=2)
    return {
        "finished": finished.pk,
        "started": started.pk,
        "choice": started.items.get(position=1).choice_order[0],
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "view_name", "args", "data"),
    [
        pytest.param(GET, "quiz:attempt", ("finished",), {}, id="results"),
        pytest.param(GET, "quiz:attempt", ("started",), {}, id="question"),
        pytest.param(GET, "quiz:feedback", ("finished", 1), {}, id="feedback"),
        pytest.param(POST, "quiz:answer", ("started", 1), {"choice": "choice"}, id="answer"),
        pytest.param(POST, "quiz:retry", ("finished",), {}, id="retry"),
    ],
)
def test_another_students_attempt_is_not_found_and_untouched(
    signed_in: Client,
    brians: dict[str, object],
    method: str,
    view_name: str,
    args: tuple[str | int, ...],
    data: dict[str, str],
) -> None:
    url = reverse(view_name, args=[brians.get(arg, arg) for arg in args])
    before = learning_rows()

    if method == GET:
        response = signed_in.get(url)
    else:
        response = signed_in.post(url, {name: brians[key] for name, key in data.items()})

    assert response.status_code == 404
    assert learning_rows() == before


@pytest.mark.django_db
@pytest.mark.usefixtures("content")
def test_rating_a_card_changes_only_the_raters_own_schedule(
    signed_in: Client, student: Any, other_student: Any
) -> None:
    # A card is shared content, not a student's: its URL names no owner, and the rating goes to the rater.
    flashcard = Flashcard.objects.order_by("pk").first()
    brians_state = make_card_state(other_student, flashcard)
    brians_before = CardState.objects.filter(pk=brians_state.pk).values_list().get()

    response = signed_in.post(reverse("quiz:rate", args=[flashcard.pk]), {"rating": "1", "seen": "0"})

    assert response.status_code == 302
    assert CardState.objects.filter(user=student, flashcard=flashcard).exists()
    assert CardState.objects.filter(pk=brians_state.pk).values_list().get() == brians_before
    assert not Review.objects.filter(user=other_student).exists()


@pytest.mark.django_db
@pytest.mark.usefixtures("content")
def test_rating_a_retired_card_is_not_found_and_writes_nothing(signed_in: Client) -> None:
    flashcard = Flashcard.objects.order_by("pk").first()
    Flashcard.objects.filter(pk=flashcard.pk).update(is_active=False)
    before = learning_rows()

    response = signed_in.post(reverse("quiz:rate", args=[flashcard.pk]), RATING)

    assert response.status_code == 404
    assert learning_rows() == before


@pytest.mark.django_db
def test_signup_while_signed_in_makes_no_account(signed_in: Client, django_user_model: Any) -> None:
    response = signed_in.post(reverse("quiz:signup"), SIGNUP)

    assert response.status_code == 302
    assert not django_user_model.objects.filter(username=SIGNUP["username"]).exists()


# The admin's models of content and students, with the key of one of their objects in `world`.
READ_ONLY_MODELS = ("document", "fact", "question", "choice", "flashcard", "student")


def admin_writes(world: dict[str, object]) -> Iterator[tuple[str, dict[str, object]]]:
    """Yield the URL and form of each add, change and delete of content and students in the admin."""
    for model in READ_ONLY_MODELS:
        pk = world[model]
        yield reverse(f"admin:quiz_{model}_add"), {"title": "Written", "username": "written"}
        if model != "question":  # teachers switch questions on and off: see below
            yield (
                reverse(f"admin:quiz_{model}_change", args=[pk]),
                {"title": "Changed", "is_active": "", "username": "changed"},
            )
        yield reverse(f"admin:quiz_{model}_delete", args=[pk]), DELETE


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["teacher", "superuser"])
def test_admin_adds_changes_and_deletes_no_content_or_student(
    client: Client,
    users: dict[str, Any],
    world: dict[str, object],
    db_snapshot: Callable[[], dict[str, list[tuple[Any, ...]]]],
    django_user_model: Any,
    role: str,
) -> None:
    client.force_login(users[role])
    before = (db_snapshot(), learning_rows(), list(django_user_model.objects.values_list()))

    refused = {url: client.post(url, data).status_code for url, data in admin_writes(world)}
    for model in READ_ONLY_MODELS:  # no list offers "Delete selected": a forged one does nothing
        client.post(
            reverse(f"admin:quiz_{model}_changelist"),
            {"action": "delete_selected", "_selected_action": [world[model]], "post": "yes"},
        )

    assert set(refused.values()) == {403}, refused
    assert (db_snapshot(), learning_rows(), list(django_user_model.objects.values_list())) == before


@pytest.mark.django_db
def test_teacher_can_switch_a_question_off_but_change_nothing_else(
    client: Client, teacher: Any, world: dict[str, object]
) -> None:
    client.force_login(teacher)
    question = Question.objects.get(pk=world["question"])
    forged = {"stem": "Rewritten?", "is_active": "", "asks": "event", "key": "forged"}

    response = client.post(reverse("admin:quiz_question_change", args=[question.pk]), forged)

    assert response.status_code == 302
    changed = Question.objects.get(pk=question.pk)
    assert not changed.is_enabled
    assert [getattr(changed, name) for name in forged] == [getattr(question, name) for name in forged]


def user_form(user: Any, **fields: object) -> dict[str, object]:
    """Return the admin's change form of `user` as it stands, with `fields` changed."""
    form = {
        "username": user.username,
        "is_active": "on",
        "is_staff": "on" if user.is_staff else "",
        "is_superuser": "on" if user.is_superuser else "",
        "groups": list(user.groups.values_list("pk", flat=True)),
        "date_joined_0": f"{user.date_joined:%Y-%m-%d}",
        "date_joined_1": f"{user.date_joined:%H:%M:%S}",
    }
    return {**form, **fields}


@pytest.mark.django_db
def test_teacher_cannot_make_themselves_superuser_or_grant_permissions(client: Client, teacher: Any) -> None:
    client.force_login(teacher)
    teachers = Group.objects.get(name=TEACHERS_GROUP)
    everything = list(Permission.objects.values_list("pk", flat=True))
    new_account = {"username": "accomplice", "password1": PASSWORD, "password2": PASSWORD}

    statuses = [
        client.post(
            reverse("admin:auth_user_change", args=[teacher.pk]), user_form(teacher, is_superuser="on")
        ),
        client.post(
            reverse("admin:auth_user_change", args=[teacher.pk]),
            user_form(teacher, user_permissions=everything),
        ),
        client.post(
            reverse("admin:auth_group_change", args=[teachers.pk]),
            {"name": TEACHERS_GROUP, "permissions": everything},
        ),
        client.post(reverse("admin:auth_group_add"), {"name": "Admins", "permissions": everything}),
        client.post(reverse("admin:auth_user_add"), {**new_account, "usable_password": "true"}),
    ]

    assert [response.status_code for response in statuses] == [403] * 5
    teacher.refresh_from_db()
    assert (teacher.is_superuser, teacher.user_permissions.count()) == (False, 0)
    assert list(Group.objects.values_list("name", flat=True)) == [TEACHERS_GROUP]
    assert teachers.permissions.count() == 25  # 12 of 0004, 12 on classes of 0005, 1 of 0006
    assert not type(teacher).objects.filter(username="accomplice").exists()


@pytest.mark.django_db
def test_teacher_cannot_set_a_students_password(client: Client, teacher: Any, student: Any) -> None:
    client.force_login(teacher)
    password = "a-new-password-2026"

    response = client.post(
        reverse("admin:auth_user_password_change", args=[student.pk]),
        {"password1": password, "password2": password},
    )

    assert response.status_code == 403
    student.refresh_from_db()
    assert not student.check_password(password)


@pytest.mark.django_db
def test_teacher_cannot_open_a_staff_account_as_a_student(
    client: Client, teacher: Any, superuser: Any
) -> None:
    client.force_login(teacher)

    for url in (
        reverse("admin:quiz_student_change", args=[superuser.pk]),
        reverse("admin:quiz_student_history", args=[teacher.pk]),
    ):
        response = client.get(url)

        assert response.status_code == 404


@pytest.mark.django_db
def test_superuser_can_promote_a_user_and_grant_a_group_permissions(
    client: Client, superuser: Any, teacher: Any
) -> None:
    client.force_login(superuser)
    teachers = Group.objects.get(name=TEACHERS_GROUP)
    add_question = Permission.objects.get(codename="add_question")
    permissions = [*teachers.permissions.values_list("pk", flat=True), add_question.pk]

    promoted = client.post(
        reverse("admin:auth_user_change", args=[teacher.pk]), user_form(teacher, is_superuser="on")
    )
    granted = client.post(
        reverse("admin:auth_group_change", args=[teachers.pk]),
        {"name": TEACHERS_GROUP, "permissions": permissions},
    )

    assert (promoted.status_code, granted.status_code) == (302, 302)
    teacher.refresh_from_db()
    assert teacher.is_superuser
    assert teachers.permissions.filter(pk=add_question.pk).exists()
