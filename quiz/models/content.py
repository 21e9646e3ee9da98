"""Documents, their dated facts, and the questions and flashcards generated from them.

Rows are keyed by stable natural keys taken from the content, so reloads and `loaddata` update them in
place. Content is never deleted: rows that leave the documents get `is_active=False`.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db import models
from django.db.models import Count, F, Q
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from quiz.content import timespan

KEY_LENGTH = 100


class ContentQuerySet(models.QuerySet):
    def get_by_natural_key(self, key: str) -> models.Model:
        return self.get(key=key)

    def active(self) -> ContentQuerySet:
        """Return the rows present in the current documents."""
        return self.filter(is_active=True)


class DocumentQuerySet(ContentQuerySet):
    def with_counts(self) -> DocumentQuerySet:
        """Annotate `fact_count` (active facts) and `question_count` (live questions)."""
        return self.annotate(
            fact_count=Count("facts", filter=Q(facts__is_active=True), distinct=True),
            question_count=Count(
                "facts__questions",
                filter=Q(
                    facts__is_active=True,
                    facts__questions__is_active=True,
                    facts__questions__is_enabled=True,
                ),
                distinct=True,
            ),
        )


class QuestionQuerySet(ContentQuerySet):
    def live(self) -> QuestionQuerySet:
        """Return the questions students may be asked: active, enabled, of an active fact."""
        return self.filter(is_active=True, is_enabled=True, fact__is_active=True)


class Precision(models.TextChoices):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


class Asks(models.TextChoices):
    DATE = "date"
    EVENT = "event"


class Direction(models.TextChoices):
    DATE_TO_EVENT = "date_to_event", "date → event"
    EVENT_TO_DATE = "event_to_date", "event → date"


# The flashcard a question exercises: asking for a date is recall from the event, and the reverse.
CARD_ASKED = {Asks.DATE: Direction.EVENT_TO_DATE, Asks.EVENT: Direction.DATE_TO_EVENT}


class Document(models.Model):
    key = models.CharField("file name", max_length=255, unique=True)
    title = models.TextField()
    source = models.TextField(blank=True)
    published = models.DateField(null=True, blank=True)
    content_hash = models.CharField(max_length=64)
    is_active = models.BooleanField(default=True)
    reloaded_at = models.DateTimeField(
        null=True, blank=True, help_text="When a reload last added or changed this document."
    )

    objects = DocumentQuerySet.as_manager()

    def __str__(self) -> str:
        return self.title

    def natural_key(self) -> tuple[str]:
        return (self.key,)


class Fact(models.Model):
    key = models.CharField(max_length=KEY_LENGTH, unique=True)
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="facts")
    sentence = models.TextField()
    when = models.TextField(help_text="The date words as written.")
    start = models.CharField(max_length=20, help_text="ISO date, years before 1 AD expanded: -0299-01-01.")
    end = models.CharField(max_length=20)
    start_sort = models.BigIntegerField()
    end_sort = models.BigIntegerField()
    precision = models.CharField(max_length=10, choices=Precision)
    event = models.TextField()
    in_name = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    position = models.PositiveIntegerField(help_text="Order within the document.")

    objects = ContentQuerySet.as_manager()

    class Meta:
        indexes = (
            models.Index(fields=("document", "position"), name="quiz_fact_document_position"),
            models.Index(fields=("start_sort", "end_sort"), name="quiz_fact_span"),
        )
        constraints = (
            models.CheckConstraint(condition=Q(start_sort__lte=F("end_sort")), name="quiz_fact_ordered"),
        )

    def __str__(self) -> str:
        return f"{self.when}: {self.event}"

    def natural_key(self) -> tuple[str]:
        return (self.key,)

    @property
    def span(self) -> timespan.Span:
        start, end = timespan.Point.from_iso(self.start), timespan.Point.from_iso(self.end)
        return timespan.Span(start, end, timespan.Precision(self.precision))


class Question(models.Model):
    key = models.CharField(max_length=KEY_LENGTH, unique=True)
    fact = models.ForeignKey(Fact, on_delete=models.PROTECT, related_name="questions")
    asks = models.CharField(max_length=10, choices=Asks)
    stem = models.TextField()
    is_active = models.BooleanField(default=True)
    is_enabled = models.BooleanField(
        default=True, help_text="The teacher's switch; reloads and fixtures never change it."
    )

    objects = QuestionQuerySet.as_manager()

    def __str__(self) -> str:
        return self.stem

    def natural_key(self) -> tuple[str]:
        return (self.key,)


class Choice(models.Model):
    key = models.CharField(max_length=KEY_LENGTH, unique=True)
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="choices")
    text = models.TextField()
    position = models.PositiveSmallIntegerField()
    is_correct = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ("position",)
        constraints = (models.CheckConstraint(condition=~Q(text=""), name="quiz_choice_has_text"),)

    def __str__(self) -> str:
        return self.text

    def natural_key(self) -> tuple[str]:
        return (self.key,)


class Flashcard(models.Model):
    key = models.CharField(max_length=KEY_LENGTH, unique=True)
    fact = models.ForeignKey(Fact, on_delete=models.PROTECT, related_name="flashcards")
    direction = models.CharField(max_length=20, choices=Direction)
    front = models.TextField()
    back = models.TextField()
    is_active = models.BooleanField(default=True)

    objects = ContentQuerySet.as_manager()

    def __str__(self) -> str:
        return self.front

    def natural_key(self) -> tuple[str]:
        return (self.key,)


class ContentStampQuerySet(models.QuerySet):
    def token(self) -> uuid.UUID | None:
        """Return the current token, None before the first change."""
        return self.filter(pk=1).values_list("token", flat=True).first()

    def bump(self) -> None:
        """Give the content a new token, in the caller's transaction, so every process drops its copy."""
        token = uuid.uuid4()  # random, not a counter: a rolled-back change must not come back as a new one
        if not self.filter(pk=1).update(token=token):
            self.create(pk=1, token=token)


class ContentStamp(models.Model):
    """One row whose token changes with every change of the content, so processes know their copy is stale.

    Each process keeps the content its pages show in memory (quiz.services.content_cache) and compares this
    token, one small query per request, before using it.
    """

    token = models.UUIDField(default=uuid.uuid4)

    objects = ContentStampQuerySet.as_manager()

    def __str__(self) -> str:
        return str(self.token)


# Fixtures leave these out, but loaddata saves whole rows, so it would reset them to their defaults.
LOCAL_FIELDS: dict[type[models.Model], tuple[str, ...]] = {
    Document: ("reloaded_at",),
    Question: ("is_enabled",),
}


@receiver(pre_save, sender=Document)
@receiver(pre_save, sender=Question)
def keep_local_fields(sender: type[models.Model], instance: models.Model, raw: bool, **_kwargs: Any) -> None:
    """Keep the database's values of LOCAL_FIELDS when loaddata (a raw save) rewrites a row."""
    if not raw or instance.pk is None:
        return
    names = LOCAL_FIELDS[sender]
    current = sender._base_manager.filter(pk=instance.pk).values(*names).first()
    for name, value in (current or {}).items():
        setattr(instance, name, value)


@receiver(post_save, sender=Document)
@receiver(post_save, sender=Fact)
@receiver(post_save, sender=Question)
@receiver(post_save, sender=Choice)
@receiver(post_save, sender=Flashcard)
@receiver(post_delete, sender=Document)
@receiver(post_delete, sender=Fact)
@receiver(post_delete, sender=Question)
@receiver(post_delete, sender=Choice)
@receiver(post_delete, sender=Flashcard)
def content_stamp_bump(sender: type[models.Model], **_kwargs: Any) -> None:  # noqa: ARG001
    """Mark the content changed when a row is saved one at a time: loaddata, the admin, a shell.

    As Django's sites framework clears its cache of Site: a save anywhere must reach every process's copy.
    `reload_content` writes with SQL of its own and bumps the stamp itself, once.
    """
    ContentStamp.objects.bump()
