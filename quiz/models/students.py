"""Students as the admin sees them: the site's users who are not staff, with their progress."""

from __future__ import annotations

from django.contrib.auth.models import User


class Student(User):
    """A learner: a user without access to the admin, shown to teachers read-only."""

    class Meta:
        proxy = True
        verbose_name = "student"
        verbose_name_plural = "students"
