"""A student's whole journey in a real browser at phone size: quizzes, flashcard reviews and progress."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from django.conf import settings
from django.utils import timezone

from quiz.models import (
    Answer,
    Attempt,
    AttemptQuestion,
    CardState,
    Choice,
    Flashcard,
    Rating,
    Review,
    ReviewSource,
)
from quiz.services.attempts import answer_submit, attempt_start
from quiz.services.scheduling import card_review
from tests.browser.helpers import (
    PHONE_WIDTH,
    expect,
    load_seeds,
    option_index,
    review_counts,
    scroll_width,
    tab_to,
    wait_for_focus,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from playwright.sync_api import Page

ATTEMPT_PATH = re.compile(r"/attempts/(\d+)/$")
START_ALL = "Start quiz on all documents"
# The positions answered wrong on purpose, so that the score and the retry have something to show.
WRONG_AT = frozenset({2, 5, 9})


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    """Hash the student's password cheaply: every test signs in, and these tests are not about passwords."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def seeds(transactional_db: None) -> None:  # noqa: ARG001
    load_seeds()


@pytest.fixture
def signed_in(page: Page, sign_in: Callable[..., None], student: User, student_password: str) -> Page:
    sign_in(page, student.username, student_password)
    return page


@pytest.fixture
def signed_in_nojs(
    page_nojs: Page, sign_in: Callable[..., None], student: User, student_password: str
) -> Page:
    sign_in(page_nojs, student.username, student_password)
    return page_nojs


def choice(item: AttemptQuestion, *, correct: bool) -> Choice:
    return Choice.objects.get(pk=item.choice_order[option_index(item, correct=correct)])


def start_quiz(page: Page) -> Attempt:
    """Start a quiz on all documents from the home page with a click, and return it."""
    page.get_by_role("button", name=START_ALL).click()
    page.wait_for_url(ATTEMPT_PATH)
    return Attempt.objects.get(pk=int(ATTEMPT_PATH.search(page.url)[1]))


def pick_and_answer_by_click(page: Page, item: AttemptQuestion, *, correct: bool) -> None:
    page.locator("#question .options label").nth(option_index(item, correct=correct)).click()
    page.get_by_role("button", name="Answer", exact=True).click()


def quiz_reviews(student: User) -> int:
    return Review.objects.filter(user=student, source=ReviewSource.QUIZ).count()


def flashcard_reviews(student: User) -> list[int]:
    reviews = Review.objects.filter(user=student, source=ReviewSource.REVIEW).order_by("pk")
    return list(reviews.values_list("rating", flat=True))


@pytest.mark.usefixtures("seeds")
def test_quiz_with_keyboard_only_swaps_in_place_scores_and_retries_the_missed(
    page: Page, live_url: Callable[..., str], student: User, student_password: str
) -> None:
    page.goto(live_url("quiz:login"))
    tab_to(page, page.locator("#id_username"))
    page.keyboard.type(student.username)
    page.keyboard.press("Tab")
    page.keyboard.type(student_password)
    page.keyboard.press("Enter")
    page.wait_for_url(live_url("quiz:home"))
    tab_to(page, page.get_by_role("button", name=START_ALL))
    page.keyboard.press("Enter")
    page.wait_for_url(ATTEMPT_PATH)
    attempt = Attempt.objects.get(user=student)
    attempt_url = live_url("quiz:attempt", attempt.pk)
    size = settings.QUIZ_ATTEMPT_SIZE
    assert page.url == attempt_url
    assert attempt.items.count() == size

    correct_seen = 0
    for position in range(1, size + 1):
        expect(page.locator("#question")).to_contain_text(f"Question {position} of {size}")
        # htmx wires up swapped-in forms only when they settle, and then focuses the first option.
        wait_for_focus(page, "#question input[type=radio]")
        item = attempt.items.select_related("question__fact").get(position=position)
        correct = position not in WRONG_AT
        index = option_index(item, correct=correct)
        # Alternate the two sets of keys: 1-4 on odd questions, a-d on even ones.
        page.keyboard.press(str(index + 1) if position % 2 else "abcd"[index])
        expect(page.locator("#question input[type=radio]").nth(index)).to_be_checked()
        page.keyboard.press("Enter")

        feedback = page.locator("#stage #feedback")
        expect(feedback.locator("h2")).to_have_text("Correct!" if correct else "Incorrect.")
        expect(feedback.locator("blockquote")).to_have_text(item.question.fact.sentence)
        correct_seen += feedback.locator("h2").inner_text() == "Correct!"
        assert page.url == attempt_url, "htmx should swap the feedback in, not navigate"
        wait_for_focus(page, "#feedback [data-keys=next]")
        page.keyboard.press("Enter")

    results = page.locator("#stage #results")
    expect(results.locator("h2")).to_have_text(f"Your score: {correct_seen} of {size}")
    assert correct_seen == size - len(WRONG_AT)
    assert page.url == attempt_url
    # Ten questions, ten answers, and the schedule fed once per answer: a keypress never counts twice.
    assert Answer.objects.filter(user=student).count() == size
    assert quiz_reviews(student) == size
    missed = [attempt.items.get(position=position) for position in sorted(WRONG_AT)]
    expect(results.locator(".missed > li")).to_have_count(len(missed))
    for number, item in enumerate(missed):
        expect(results.locator(".missed > li").nth(number)).to_contain_text(item.question.stem)

    wait_for_focus(page, "#results button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url != attempt_url)
    retry = Attempt.objects.get(retry_of=attempt)
    assert page.url == live_url("quiz:attempt", retry.pk)
    assert sorted(retry.items.values_list("question_id", flat=True)) == sorted(
        item.question_id for item in missed
    )
    expect(page.locator("#question")).to_contain_text(f"Question 1 of {len(missed)}")
    expect(page.get_by_text("Retrying the questions you missed.")).to_be_visible()


@pytest.mark.usefixtures("seeds")
def test_quiz_without_javascript_answers_through_forms_and_redirects(
    signed_in_nojs: Page, live_url: Callable[..., str], student: User
) -> None:
    page = signed_in_nojs
    attempt = start_quiz(page)
    size = settings.QUIZ_ATTEMPT_SIZE

    for position in range(1, size + 1):
        assert page.url == live_url("quiz:attempt", attempt.pk)
        expect(page.locator("#question")).to_contain_text(f"Question {position} of {size}")
        correct = position not in WRONG_AT
        pick_and_answer_by_click(page, attempt.items.get(position=position), correct=correct)
        page.wait_for_url(live_url("quiz:feedback", attempt.pk, position))
        expect(page.locator("#feedback h2")).to_have_text("Correct!" if correct else "Incorrect.")
        next_link = "See your results" if position == size else "Next question"
        page.get_by_role("link", name=next_link).click()
        page.wait_for_url(live_url("quiz:attempt", attempt.pk))

    expect(page.locator("#results h2")).to_have_text(f"Your score: {size - len(WRONG_AT)} of {size}")
    expect(page.locator("#results .missed > li")).to_have_count(len(WRONG_AT))
    assert Answer.objects.filter(user=student).count() == size


@pytest.mark.usefixtures("seeds")
def test_answer_submitted_twice_is_stored_once_with_the_same_feedback(
    signed_in_nojs: Page, live_url: Callable[..., str], student: User
) -> None:
    first = signed_in_nojs
    attempt = start_quiz(first)
    item = attempt.items.get(position=1)
    # The same question open in a second tab: its form is the first tab's form, submitted again.
    second = first.context.new_page()
    second.goto(first.url)

    for tab in (first, second):
        pick_and_answer_by_click(tab, item, correct=False)
        tab.wait_for_url(live_url("quiz:feedback", attempt.pk, 1))

    expect(second.locator("#feedback h2")).to_have_text("Incorrect.")
    assert second.locator("#feedback").inner_text() == first.locator("#feedback").inner_text()
    assert Answer.objects.filter(user=student).count() == 1
    assert quiz_reviews(student) == 1
    assert CardState.objects.get(user=student).reviews == 1


def make_due_card(student: User) -> None:
    """Answer one quiz question wrong an hour ago, so that its flashcard is due for review now."""
    attempt = attempt_start(user=student, document=None, size=1)
    item = attempt.items.get()
    answer_submit(
        item=item, choice=choice(item, correct=False), now=timezone.now() - datetime.timedelta(hours=1)
    )


def new_cards_today(*, due: int) -> int:
    """Return the new cards the review page offers: the daily limit, or fewer if the seeds have fewer."""
    return min(settings.QUIZ_NEW_CARDS_PER_DAY, Flashcard.objects.filter(is_active=True).count() - due)


@pytest.mark.usefixtures("seeds")
def test_review_with_keyboard_reveals_with_space_and_rates_with_digits(
    signed_in: Page, live_url: Callable[..., str], student: User
) -> None:
    page = signed_in
    make_due_card(student)
    new_limit = new_cards_today(due=1)
    page.goto(live_url("quiz:review"))
    assert review_counts(page) == (1, new_limit)
    # A mark on the window survives htmx swaps but not a page load: each rating must swap the card in place.
    page.evaluate("() => { window.sameReviewPage = true; }")

    # The due card comes first; then new cards, each rated once. Again on a new card is due in a minute.
    ratings = [3, 3, 1, 3]
    expected_counts = [(0, new_limit), (0, new_limit - 1), (0, new_limit - 2), (0, new_limit - 3)]
    for number, (rating, counts) in enumerate(zip(ratings, expected_counts, strict=True), start=1):
        card = page.locator("#stage #card")
        front = card.locator(".front").inner_text()
        wait_for_focus(page, "#card summary")
        expect(card.locator(".back")).to_be_hidden()
        page.keyboard.press("Space")
        expect(card.locator(".back")).to_be_visible()
        page.keyboard.press(str(rating))

        expect(card.locator("p").first).to_have_text(f"{counts[0]} due now · {counts[1]} new left today")
        assert card.locator(".front").inner_text() != front, "the next card should replace the rated one"
        assert flashcard_reviews(student) == ratings[:number]
        assert page.evaluate("() => window.sameReviewPage") is True, "the rating reloaded the page"


@pytest.mark.usefixtures("seeds")
def test_review_without_javascript_reveals_by_click_and_rates_by_button(
    signed_in_nojs: Page, live_url: Callable[..., str], student: User
) -> None:
    page = signed_in_nojs
    page.goto(live_url("quiz:review"))
    new_limit = new_cards_today(due=0)
    assert review_counts(page) == (0, new_limit)
    front = page.locator("#card .front").inner_text()

    page.locator("#card summary").click()
    expect(page.locator("#card .back")).to_be_visible()
    page.get_by_role("button", name="Good", exact=True).click()

    expect(page.locator("#card p").first).to_have_text(f"0 due now · {new_limit - 1} new left today")
    assert page.url == live_url("quiz:review")
    assert page.locator("#card .front").inner_text() != front
    assert flashcard_reviews(student) == [Rating.GOOD]


def give_history(student: User) -> None:
    """Answer two quiz questions today, one right and one wrong, and rate one new flashcard Easy."""
    attempt = attempt_start(user=student, document=None, size=settings.QUIZ_ATTEMPT_SIZE)
    right, wrong = attempt.items.order_by("position")[:2]
    answer_submit(item=right, choice=choice(right, correct=True))
    answer_submit(item=wrong, choice=choice(wrong, correct=False))
    flashcard = Flashcard.objects.active().exclude(states__user=student).first()
    card_review(user=student, flashcard=flashcard, rating=Rating.EASY, seen_reviews=0)


@pytest.mark.usefixtures("seeds")
def test_progress_shows_streak_mastery_and_both_charts_with_text_alternatives(
    signed_in: Page, live_url: Callable[..., str], student: User
) -> None:
    page = signed_in
    give_history(student)
    page.goto(live_url("quiz:progress"))

    expect(page.locator("#streak")).to_contain_text("1 day in a row")
    cards = Flashcard.objects.active().count()
    total = page.locator("#mastery tbody tr").filter(has_text="All documents")
    # One card rated Easy is mastered; the quiz's two cards are still learning.
    expect(total).to_contain_text(re.compile(rf"(?<!\d){100 // cards}%"))
    expect(total).to_contain_text(re.compile(rf"(?<!\d)1 of {cards}\b"))

    charts = page.locator("svg[role=img]")
    expect(charts).to_have_count(2)
    names = [charts.nth(index).evaluate("svg => svg.getAttribute('aria-labelledby')") for index in range(2)]
    for index in range(2):
        expect(charts.nth(index)).to_have_accessible_name(re.compile(r"\w"))
    assert len(set(names)) == 2, "each chart should be named by its own title"
    # Today's accuracy: one bar, and the same figure in the chart's data table.
    expect(page.locator("#accuracy-chart rect")).to_have_count(1)
    today = page.locator("#accuracy-table tbody tr").last
    expect(today).to_contain_text("50%")
    expect(today).to_contain_text("1 of 2")
    expect(page.locator("#forecast-chart rect").first).to_be_attached()
    expect(page.locator("#forecast-table tbody tr")).to_have_count(14)


def open_quiz_at(page: Page, live_url: Callable[..., str], state: str) -> None:
    """Bring the quiz to a question, its feedback or the results, answering as a student would."""
    page.goto(live_url("quiz:home"))
    attempt = start_quiz(page)
    if state == "results":
        # Answer all but the last question in the database, one of them wrong, so results list a miss.
        for item in attempt.items.order_by("position")[: settings.QUIZ_ATTEMPT_SIZE - 1]:
            answer_submit(item=item, choice=choice(item, correct=item.position != 1))
        page.reload()
    if state in ("feedback", "results"):
        page.keyboard.press("1")
        page.keyboard.press("Enter")
        wait_for_focus(page, "#feedback [data-keys=next]")
    if state == "results":
        page.keyboard.press("Enter")
        wait_for_focus(page, "#results [autofocus]")


def open_page(page: Page, live_url: Callable[..., str], student: User, name: str) -> None:
    if name == "home":
        page.goto(live_url("quiz:home"))
    elif name in ("question", "feedback", "results"):
        open_quiz_at(page, live_url, name)
    elif name.startswith("review"):
        page.goto(live_url("quiz:review"))
        if name == "review-revealed":
            page.locator("#card summary").click()
            expect(page.locator("#card .back")).to_be_visible()
    else:
        give_history(student)
        page.goto(live_url("quiz:progress"))


@pytest.mark.usefixtures("seeds")
@pytest.mark.parametrize(
    "name", ["home", "question", "feedback", "results", "review-front", "review-revealed", "progress"]
)
def test_student_page_is_accessible_and_fits_a_phone(
    signed_in: Page,
    live_url: Callable[..., str],
    assert_accessible: Callable[[Page], None],
    student: User,
    name: str,
) -> None:
    open_page(signed_in, live_url, student, name)
    width = scroll_width(signed_in)
    assert_accessible(signed_in)
    assert width <= PHONE_WIDTH, f"the {name} page scrolls sideways at {PHONE_WIDTH} px: {width} px wide"


@pytest.mark.usefixtures("seeds")
def test_focus_on_a_control_reached_by_tab_is_visible(signed_in: Page) -> None:
    button = signed_in.get_by_role("button", name=START_ALL)
    tab_to(signed_in, button)
    outline, shadow = button.evaluate(
        "element => [getComputedStyle(element).outlineStyle, getComputedStyle(element).boxShadow]"
    )
    assert outline != "none" or shadow != "none", "the focused button shows no outline and no shadow"
