"""Students as the admin sees them: the site's users who are not staff, with their progress."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.db import models


class Student(User):
    """A learner: a user without access to the admin, shown to teachers read-only."""

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
