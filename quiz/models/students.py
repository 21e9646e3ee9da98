"""Students as the admin sees them: the site's users who are not staff, with their progress."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import User, UserManager
from django.db import models
from django.db.models import Exists, OuterRef

from quiz.models.classes import Membership, SchoolClass


class StudentQuerySet(models.QuerySet):
    def learners(self) -> StudentQuerySet:
        """Return every user who is neither staff nor superuser, active or not."""
        return self.filter(is_staff=False, is_superuser=False)

    def taught_by(self, user: Any) -> StudentQuerySet:
        """Return the learners in the user's classes; a superuser's are every learner."""
        if user.is_superuser:
            return self.learners()
        classes = SchoolClass.objects.taught_by(user)
        member = Membership.objects.filter(student=OuterRef("pk"), school_class__in=classes)
        return self.learners().filter(Exists(member))

    def in_class(self, class_id: int) -> StudentQuerySet:
        """Return the students of one class."""
        return self.filter(
            Exists(Membership.objects.filter(student=OuterRef("pk"), school_class_id=class_id))
        )


class StudentManager(UserManager.from_queryset(StudentQuerySet)):  # type: ignore[misc]
    pass


class Student(User):
    """A learner: a user without access to the admin, shown to teachers read-only."""

    objects = StudentManager()

    class Meta:
        proxy = True
        verbose_name = "student"
        verbose_name_plural = "students"
        permissions = (("set_temporary_password", "Can set a temporary password for a student"),)


class TemporaryPassword(models.Model):
    """A password a teacher set for a student: while this row exists, the student must choose their own."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="temporary_password"
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    set_at = models.DateTimeField()

    class Meta:
        verbose_name = "temporary password"

    def __str__(self) -> str:
        return f"temporary password of {self.user}"
