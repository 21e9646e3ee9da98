"""Lift the per-address sign-in and sign-up limits at once, before their hour is over."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from quiz.throttling import counts_clear


class Command(BaseCommand):
    help = "Forget the sign-in and sign-up counts of every address (django-axes' lock-outs stay: axes_reset)."

    def handle(self, **_options: Any) -> None:
        counts_clear()
        self.stdout.write(self.style.SUCCESS("Every address may sign in and sign up again."))
