"""What each student did: quiz attempts and answers, flashcard schedules and the review log.

Everything here belongs to one user. Content rows are referenced with PROTECT: content is retired by
reloads, never deleted, so a student's history always points at the question they saw.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from quiz.models.content import Choice, Document, Flashcard, Question


class Attempt(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts")
    document = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attempts",
        help_text="Empty for a quiz over all documents.",
    )
    retry_of = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="retry"
    )
    token = models.UUIDField(
        null=True, blank=True, help_text="From the start form, so a repeated submit starts nothing new."
    )
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Kept by the services in the answer's transaction, so no page counts the items or their answers.
    size = models.PositiveSmallIntegerField(default=0, help_text="How many questions it asks.")
    answered = models.PositiveSmallIntegerField(default=0, help_text="How many of them are answered.")

    class Meta:
        indexes = (models.Index(fields=("user", "started_at"), name="quiz_attempt_user_started"),)
        constraints = (models.UniqueConstraint(fields=("user", "token"), name="quiz_attempt_user_token"),)

    def __str__(self) -> str:
        scope = self.document.title if self.document_id else "all documents"
        return f"Quiz on {scope}, {self.started_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("quiz:attempt", args=(self.pk,))

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None


class AttemptQuestionQuerySet(models.QuerySet):
    def next_unanswered(self, *, attempt_id: int, user: models.Model) -> AttemptQuestion | None:
        """Return the user's attempt's first unanswered question, with the attempt; None if none is left."""
        items = self.select_related("attempt").filter(attempt__pk=attempt_id, attempt__user=user)
        return items.filter(answer__isnull=True).order_by("position").first()


class AttemptQuestion(models.Model):
    """One question of an attempt, with the order its options are shown in."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="items")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="attempt_items")
    position = models.PositiveSmallIntegerField(help_text="1 for the first question.")
    choice_order = models.JSONField(help_text="The ids of the question's choices, as shown.")

    objects = AttemptQuestionQuerySet.as_manager()

    class Meta:
        ordering = ("position",)
        constraints = (
            models.UniqueConstraint(fields=("attempt", "position"), name="quiz_item_position_unique"),
        )

    def __str__(self) -> str:
        return f"{self.attempt_id} #{self.position}"

    def get_absolute_url(self) -> str:
        return reverse("quiz:feedback", args=(self.attempt_id, self.position))


class Answer(models.Model):
    """The one answer to an attempt's question; the one-to-one key makes a second answer impossible."""

    item = models.OneToOneField(AttemptQuestion, on_delete=models.CASCADE, related_name="answer")
    # `user` and `question` repeat the item's, so statistics need no joins through attempts.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    choice = models.ForeignKey(Choice, on_delete=models.PROTECT, related_name="answers")
    is_correct = models.BooleanField()
    is_first_try = models.BooleanField(help_text="The first time this student answered this question.")
    response_ms = models.PositiveIntegerField(
        null=True, blank=True, help_text="Time from showing the question to the answer, when known."
    )
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = (
            models.Index(fields=("user", "answered_at"), name="quiz_answer_user_time"),
            models.Index(fields=("question", "is_first_try"), name="quiz_answer_question_first"),
            # A class's answers to a question (the statistics narrowed to a teacher's students): without it
            # SQLite reads every answer to the question and filters the students row by row.
            models.Index(fields=("question", "user"), name="quiz_answer_question_user"),
        )

    def __str__(self) -> str:
        return f"{self.user} → {self.choice}"


class CardStage(models.IntegerChoices):
    """The FSRS states; a card with no CardState row is new."""

    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


class Rating(models.IntegerChoices):
    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


class CardStateQuerySet(models.QuerySet):
    def for_user(self, user: models.Model) -> CardStateQuerySet:
        """Return the user's schedules of flashcards still in the documents."""
        return self.filter(user=user, flashcard__is_active=True, flashcard__fact__is_active=True)

    def due(self, now: datetime.datetime) -> CardStateQuerySet:
        return self.filter(due__lte=now)


class CardState(models.Model):
    """A student's FSRS schedule for one flashcard, created by its first review."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="card_states")
    flashcard = models.ForeignKey(Flashcard, on_delete=models.PROTECT, related_name="states")
    stage = models.PositiveSmallIntegerField(choices=CardStage)
    step = models.PositiveSmallIntegerField(null=True, blank=True)
    stability = models.FloatField(null=True, blank=True)
    difficulty = models.FloatField(null=True, blank=True)
    due = models.DateTimeField()
    last_review = models.DateTimeField(null=True, blank=True)
    reviews = models.PositiveIntegerField(
        default=0, help_text="Counts reviews, so a replayed rating is seen."
    )

    objects = CardStateQuerySet.as_manager()

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("user", "flashcard"), name="quiz_cardstate_user_flashcard"),
        )
        indexes = (models.Index(fields=("user", "due"), name="quiz_cardstate_user_due"),)

    def __str__(self) -> str:
        return f"{self.user}: {self.flashcard} (due {self.due:%Y-%m-%d})"

    @property
    def is_mastered(self) -> bool:
        return self.stage == CardStage.REVIEW


class ReviewSource(models.TextChoices):
    REVIEW = "review", "flashcard review"
    QUIZ = "quiz", "quiz answer"


class ReviewQuerySet(models.QuerySet):
    def new_cards_since(self, user: models.Model, since: datetime.datetime) -> ReviewQuerySet:
        """Return the first flashcard reviews of new cards since a moment (for the daily new-card limit)."""
        return self.filter(user=user, source=ReviewSource.REVIEW, stage_before=None, reviewed_at__gte=since)


class Review(models.Model):
    """One rating of one card, kept complete so that FSRS parameters can be optimised from it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviews")
    flashcard = models.ForeignKey(Flashcard, on_delete=models.PROTECT, related_name="reviews")
    card_state = models.ForeignKey(CardState, on_delete=models.CASCADE, related_name="log")
    rating = models.PositiveSmallIntegerField(choices=Rating)
    source = models.CharField(max_length=10, choices=ReviewSource)
    answer = models.OneToOneField(
        Answer, on_delete=models.CASCADE, null=True, blank=True, related_name="review"
    )
    stage_before = models.PositiveSmallIntegerField(
        choices=CardStage, null=True, blank=True, help_text="Empty when the card was new."
    )
    reviewed_at = models.DateTimeField(default=timezone.now)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        indexes = (models.Index(fields=("user", "reviewed_at"), name="quiz_review_user_time"),)
        constraints = (
            models.CheckConstraint(
                condition=Q(source=ReviewSource.REVIEW, answer__isnull=True)
                | Q(source=ReviewSource.QUIZ, answer__isnull=False),
                name="quiz_review_answer_matches_source",
            ),
        )

    def __str__(self) -> str:
        return f"{self.user}: {self.get_rating_display()} on {self.flashcard}"
