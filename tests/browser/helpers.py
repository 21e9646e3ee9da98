"""Steps shared by the browser tests: loading the seed documents, keyboard moves and reading the quiz's answers."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

import pytest
from django.conf import settings

from quiz.content.collection import Collection, collection_from_directory
from quiz.models import AttemptQuestion, Choice
from quiz.services.reload import content_reload

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

PHONE_WIDTH = 360
# "Question 3 of 10" and "Your score: 7 of 10", as the attempt page writes them.
QUESTION_OF = re.compile(r"Question (\d+) of (\d+)")
SCORE_OF = re.compile(r"Your score: (\d+) of (\d+)")
# "0 due now · 20 new left today", as the review page writes them.
REVIEW_COUNTS = re.compile(r"(\d+) due now · (\d+) new left today")


@functools.cache
def _seeds() -> Collection:
    return collection_from_directory(settings.CONTENT_SEEDS_DIR)


def load_seeds() -> None:
    """Load the real seed documents, the content a student meets in production (read once per session)."""
    content_reload(collection=_seeds())


def is_focused(locator: Locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page: Page, locator: Locator, limit: int = 30) -> None:
    """Press Tab until the element has focus (it may have it already), failing if it never does."""
    for _ in range(limit):
        if is_focused(locator):
            return
        page.keyboard.press("Tab")
    if not is_focused(locator):
        pytest.fail(f"{locator} is not reachable with {limit} presses of Tab")


def wait_for_focus(page: Page, selector: str) -> None:
    """Wait until the element matching the CSS selector has focus (htmx focuses it after a swap)."""
    page.wait_for_function("selector => document.activeElement?.matches(selector)", arg=selector)


def scroll_width(page: Page) -> int:
    return page.evaluate("() => document.documentElement.scrollWidth")


def option_index(item: AttemptQuestion, *, correct: bool) -> int:
    """Return the 0-based place, as shown, of the item's first right (or first wrong) option."""
    is_correct = dict(Choice.objects.filter(pk__in=item.choice_order).values_list("pk", "is_correct"))
    return next(index for index, pk in enumerate(item.choice_order) if is_correct[pk] is correct)


def review_counts(page: Page) -> tuple[int, int]:
    """Return the (due now, new left today) counts the review page shows."""
    match = REVIEW_COUNTS.search(page.locator("#card").inner_text())
    assert match, f"the review page shows no counts:\n{page.locator('#card').inner_text()}"
    return int(match[1]), int(match[2])


def expect(target: Locator | Page) -> Any:
    """Return Playwright's assertions on the target, imported late so that collection works without Playwright."""
    from playwright.sync_api import expect as expect_

    return expect_(target)
