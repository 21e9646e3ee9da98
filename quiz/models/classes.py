"""Classes: a teacher's group of students, joined with a code, and the documents assigned to it.

A class has one or more teachers (its creator among them) and any number of students. Teachers see the
students of their own classes only: every scoped list starts from `SchoolClass.objects.taught_by(user)` or
`Student.objects.taught_by(user)`.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from quiz.models.content import Document

# No 0/O, 1/I/L, nor 2/Z or 5/S, which are easy to misread in handwriting or on a projector.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXY346789"
JOIN_CODE_LENGTH = 8  # 27**8 ≈ 2.8e11 codes, so guessing one is hopeless


def join_code_new() -> str:
    """Return a fresh random join code of JOIN_CODE_ALPHABET."""
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def join_code_normalise(typed: str) -> str:
    """Return a typed code in its stored form: capitals, without spaces or hyphens."""
    return "".join(typed.split()).replace("-", "").upper()


class SchoolClassQuerySet(models.QuerySet):
    def taught_by(self, user: Any) -> SchoolClassQuerySet:
        """Return the classes the user teaches; a superuser's are all of them."""
        if user.is_superuser:
            return self.all()
        if not user.is_staff:
            return self.none()
        return self.filter(teachers=user)

    def joined_by(self, user: Any) -> SchoolClassQuerySet:
        """Return the classes the user is a student of."""
        return self.filter(memberships__student=user)


class SchoolClass(models.Model):
    name = models.CharField(max_length=100)
    description = models.TextField(blank=True)
    join_code = models.CharField(
        max_length=JOIN_CODE_LENGTH,
        unique=True,
        default=join_code_new,
        editable=False,
        help_text="Students type it under “Join a class” on the home page.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="classes_created",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    teachers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="classes_taught")

    objects = SchoolClassQuerySet.as_manager()

    class Meta:
        verbose_name = "class"
        verbose_name_plural = "classes"
        ordering = ("name", "pk")

    def __str__(self) -> str:
        return self.name

    def join_code_regenerate(self) -> str:
        """Give the class a new join code, so the old one stops working, and return it."""
        self.join_code = join_code_new()
        self.save(update_fields=["join_code"])
        return self.join_code


class Membership(models.Model):
    """A student in a class."""

    school_class = models.ForeignKey(SchoolClass, on_delete=models.CASCADE, related_name="memberships")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "student of the class"
        verbose_name_plural = "students of the class"
        constraints = (
            models.UniqueConstraint(fields=("school_class", "student"), name="quiz_membership_once"),
        )

    def __str__(self) -> str:
        return f"{self.student} in {self.school_class}"


class Assignment(models.Model):
    """A document a class is to study, by an optional due date."""

    school_class = models.ForeignKey(SchoolClass, on_delete=models.CASCADE, related_name="assignments")
    # PROTECT: reloads retire documents, never delete them, so an assignment keeps its document.
    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="assignments")
    due_date = models.DateField(null=True, blank=True, help_text="Optional; overdue after this day.")
    assigned_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = (models.F("due_date").asc(nulls_last=True), "pk")
        constraints = (
            models.UniqueConstraint(fields=("school_class", "document"), name="quiz_assignment_once"),
        )

    def __str__(self) -> str:
        return f"{self.document} for {self.school_class}"

    def is_overdue(self, today: Any) -> bool:
        return self.due_date is not None and self.due_date < today
