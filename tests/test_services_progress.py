from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from quiz.models import CardStage, Document, Flashcard, Question
from quiz.services.progress import (
    accuracy_by_day,
    accuracy_chart,
    day_start,
    document_progress,
    due_forecast,
    forecast_chart,
    new_cards_left,
    streak,
)
from quiz.services.reload import content_reload
from tests.factories import collection_from, make_collection, make_document, make_fact
from tests.learning_factories import (
    make_attempt_with_answers,
    make_card_state,
    make_card_states,
    make_review,
    make_user,
)

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def content(collection):
    content_reload(collection=collection)
    return collection


@pytest.fixture
def student():
    return make_user("amira")


@pytest.fixture
def now():
    return timezone.now()


@pytest.fixture
def today(now):
    return timezone.localdate(now)


def cards(document_key: str) -> list[Flashcard]:
    return list(Flashcard.objects.filter(fact__document__key=document_key).order_by("pk"))


def noon(day: datetime.date) -> datetime.datetime:
    return day_start(day) + 12 * HOUR


def by_title(rows):
    return {row.title: row for row in rows}


# document_progress


@pytest.mark.usefixtures("content")
def test_document_progress_counts_mastered_due_and_unseen_cards(student, now):
    first, second, third, fourth, *_ = cards("doc_000.txt")
    make_card_state(student, first, stage=CardStage.REVIEW, due=now + 3 * DAY)
    make_card_state(student, second, stage=CardStage.REVIEW, due=now + 5 * DAY)
    make_card_state(student, third, stage=CardStage.REVIEW, due=now - DAY)
    make_card_state(student, fourth, stage=CardStage.LEARNING, due=now - HOUR)

    rows = by_title(document_progress(user=student, now=now))

    studied = rows["About doc_000.txt"]
    assert (studied.facts, studied.cards, studied.mastered, studied.due, studied.unseen) == (3, 6, 3, 2, 2)
    assert studied.mastery == 50
    untouched = rows["About doc_001.txt"]
    assert (untouched.mastered, untouched.due, untouched.unseen, untouched.mastery) == (0, 0, 6, 0)


@pytest.mark.usefixtures("content")
def test_document_progress_starts_with_the_all_documents_total(student, now):
    make_card_state(student, cards("doc_000.txt")[0], stage=CardStage.REVIEW, due=now - DAY)
    make_card_state(student, cards("doc_001.txt")[0], stage=CardStage.RELEARNING, due=now - DAY)

    total, *documents = document_progress(user=student, now=now)

    assert total.is_total
    assert total.document_id is None
    assert total.title == "All documents"
    assert (total.facts, total.cards, total.mastered, total.due, total.unseen) == (6, 12, 1, 2, 10)
    assert total.mastery == 8  # 1 of 12, rounded down
    assert [row.title for row in documents] == ["About doc_000.txt", "About doc_001.txt"]
    assert not any(row.is_total for row in documents)


@pytest.mark.usefixtures("content")
def test_document_progress_mastery_is_100_only_when_every_card_is_mastered(student, now):
    flashcards = cards("doc_000.txt")
    make_card_states(student, flashcards[:5], stage=CardStage.REVIEW, due=now + DAY)

    assert by_title(document_progress(user=student, now=now))["About doc_000.txt"].mastery == 83

    make_card_state(student, flashcards[5], stage=CardStage.REVIEW, due=now + DAY)

    assert by_title(document_progress(user=student, now=now))["About doc_000.txt"].mastery == 100


@pytest.mark.usefixtures("content")
def test_document_progress_never_shows_another_students_cards(student, now):
    other = make_user("bruno")
    make_card_states(other, cards("doc_000.txt"), stage=CardStage.REVIEW, due=now - DAY)

    total, *_ = document_progress(user=student, now=now)

    assert (total.mastered, total.due, total.unseen) == (0, 0, 12)
    assert document_progress(user=other, now=now)[0].mastered == 6


@pytest.mark.usefixtures("content")
def test_document_progress_leaves_out_retired_cards_and_documents(student, now):
    retired, kept = cards("doc_000.txt")[:2]
    make_card_state(student, retired, stage=CardStage.REVIEW, due=now - DAY)
    make_card_state(student, kept, stage=CardStage.REVIEW, due=now - DAY)
    Flashcard.objects.filter(pk=retired.pk).update(is_active=False)
    Document.objects.filter(key="doc_001.txt").update(is_active=False)

    total, *documents = document_progress(user=student, now=now)

    assert [row.title for row in documents] == ["About doc_000.txt"]
    assert (documents[0].cards, documents[0].mastered, documents[0].due, documents[0].unseen) == (5, 1, 1, 4)
    assert total.cards == 5


def test_document_progress_document_without_facts_has_zero_mastery(student, now):
    content_reload(
        collection=collection_from(
            [make_document("empty.txt", title="Empty"), make_document("full.txt", title="Full")],
            [make_fact("full.txt")],
        )
    )

    rows = by_title(document_progress(user=student, now=now))

    assert (rows["Empty"].facts, rows["Empty"].cards, rows["Empty"].mastery) == (0, 0, 0)
    assert rows["Full"].cards == 2


def test_document_progress_empty_database_has_only_a_zero_total(student, now):
    [total] = document_progress(user=student, now=now)

    assert (total.facts, total.cards, total.mastery, total.new_today) == (0, 0, 0, 0)


@pytest.mark.usefixtures("content")
def test_document_progress_new_cards_are_limited_by_new_cards_reviewed_today(student, now, settings):
    settings.QUIZ_NEW_CARDS_PER_DAY = 5
    first, second, third, fourth = cards("doc_000.txt")[:4]
    for flashcard in (first, second, third):  # introduced today
        make_review(make_card_state(student, flashcard, stage=CardStage.LEARNING), when=now)
    make_review(  # introduced yesterday: yesterday's allowance
        make_card_state(student, fourth, stage=CardStage.LEARNING),
        when=day_start(timezone.localdate(now)) - HOUR,
    )

    rows = by_title(document_progress(user=student, now=now))

    assert new_cards_left(user=student, now=now) == 2
    assert rows["About doc_000.txt"].unseen == 2
    assert rows["About doc_000.txt"].new_today == 2
    assert rows["About doc_001.txt"].new_today == 2
    assert rows["All documents"].new_today == 2


@pytest.mark.usefixtures("content")
def test_document_progress_new_cards_count_only_first_reviews_of_new_cards(student, now, settings):
    settings.QUIZ_NEW_CARDS_PER_DAY = 3
    state = make_card_state(student, cards("doc_000.txt")[0], stage=CardStage.REVIEW)
    make_review(state, stage_before=CardStage.LEARNING, when=now)  # a card seen before: not new

    assert document_progress(user=student, now=now)[0].new_today == 3


@pytest.mark.usefixtures("content")
def test_document_progress_new_cards_never_below_zero(student, now, settings):
    settings.QUIZ_NEW_CARDS_PER_DAY = 1
    for flashcard in cards("doc_000.txt")[:2]:
        make_review(make_card_state(student, flashcard, stage=CardStage.LEARNING), when=now)

    assert document_progress(user=student, now=now)[0].new_today == 0


def test_document_progress_queries_stay_constant_with_large_content_and_history(
    student, now, django_assert_max_num_queries
):
    content_reload(collection=make_collection(documents=10, facts=100))
    flashcards = list(Flashcard.objects.order_by("pk"))
    make_card_states(student, flashcards[:1500], stage=CardStage.REVIEW, due=now - DAY)
    make_card_states(make_user(), flashcards, stage=CardStage.LEARNING, due=now - DAY)

    # The content stamp, the documents' counts (cached until the content changes), the schedules, the limit.
    with django_assert_max_num_queries(4):
        total, *documents = document_progress(user=student, now=now)
    with django_assert_max_num_queries(3):
        document_progress(user=student, now=now)

    assert len(documents) == 10
    assert (total.facts, total.cards, total.mastered, total.due) == (1000, 2000, 1500, 1500)


# accuracy_by_day


@pytest.fixture
def questions(content):
    return list(Question.objects.filter(key__in=[question.key for question in content.questions]))


def test_accuracy_by_day_counts_answers_and_correct_ones_per_day(student, questions, today):
    make_attempt_with_answers(
        student, questions[:4], correct=[True, True, True, False], when=noon(today - 2 * DAY)
    )
    make_attempt_with_answers(student, questions[:2], correct=[True, False], when=noon(today))

    days = accuracy_by_day(user=student, today=today)

    assert len(days) == 30
    assert days[0].day == today - 29 * DAY
    assert days[-1].day == today
    assert (days[-3].answered, days[-3].correct, days[-3].accuracy) == (4, 3, 75)
    assert (days[-1].answered, days[-1].correct, days[-1].accuracy) == (2, 1, 50)
    assert (days[-2].answered, days[-2].accuracy) == (0, None)


def test_accuracy_by_day_leaves_out_older_answers_and_other_students(student, questions, today):
    make_attempt_with_answers(student, questions[:3], when=noon(today - 30 * DAY))
    make_attempt_with_answers(make_user(), questions[:5], correct=False, when=noon(today))
    make_attempt_with_answers(student, questions[:1], when=noon(today - 29 * DAY))

    days = accuracy_by_day(user=student, today=today)

    assert sum(day.answered for day in days) == 1
    assert (days[0].answered, days[0].accuracy) == (1, 100)


def test_accuracy_by_day_follows_the_active_time_zone(student, questions):
    auckland = zoneinfo.ZoneInfo("Pacific/Auckland")
    late_utc = datetime.datetime(2025, 3, 10, 23, 30, tzinfo=datetime.UTC)  # 11 March, 12:30 in Auckland
    make_attempt_with_answers(student, questions[:1], when=late_utc)

    with timezone.override(auckland):
        in_auckland = accuracy_by_day(user=student, today=datetime.date(2025, 3, 11), days=2)
    in_utc = accuracy_by_day(user=student, today=datetime.date(2025, 3, 11), days=2)

    assert [day.answered for day in in_auckland] == [0, 1]
    assert [day.answered for day in in_utc] == [1, 0]


def test_accuracy_by_day_runs_one_query(student, questions, today, django_assert_num_queries):
    make_attempt_with_answers(
        student, questions * 50, when=[noon(today - (n % 30) * DAY) for n in range(600)]
    )

    with django_assert_num_queries(1):
        days = accuracy_by_day(user=student, today=today)

    assert sum(day.answered for day in days) == 600


def test_accuracy_chart_draws_a_bar_per_day_in_percent(student, questions, today):
    make_attempt_with_answers(student, questions[:4], correct=[True, True, True, False], when=noon(today))

    chart = accuracy_chart(accuracy_by_day(user=student, today=today, days=3))

    assert [bar.value for bar in chart.bars] == [None, None, 75]
    assert chart.bars[-1].note == "3 of 4"
    assert chart.bars[0].note == "none"
    assert chart.bars[-1].label == f"{today.day} {today:%b}"
    assert chart.max_value == 100


# due_forecast


@pytest.mark.usefixtures("content")
def test_due_forecast_puts_overdue_cards_on_today(student, today):
    flashcards = cards("doc_000.txt")
    make_card_state(student, flashcards[0], due=noon(today - 5 * DAY))
    make_card_state(student, flashcards[1], due=noon(today - DAY))
    make_card_state(student, flashcards[2], due=noon(today))
    make_card_state(student, flashcards[3], due=noon(today + DAY))
    make_card_state(student, flashcards[4], due=noon(today + 13 * DAY))
    make_card_state(student, flashcards[5], due=noon(today + 14 * DAY))  # beyond the forecast

    days = due_forecast(user=student, today=today)

    assert len(days) == 14
    assert days[0].day == today
    assert [day.due for day in days] == [3, 1, *[0] * 11, 1]


@pytest.mark.usefixtures("content")
def test_due_forecast_leaves_out_other_students_and_retired_cards(student, today):
    retired, kept = cards("doc_000.txt")[:2]
    make_card_states(make_user(), cards("doc_001.txt"), due=noon(today))
    make_card_state(student, retired, due=noon(today))
    make_card_state(student, kept, due=noon(today))
    Flashcard.objects.filter(pk=retired.pk).update(is_active=False)

    assert due_forecast(user=student, today=today)[0].due == 1


@pytest.mark.usefixtures("content")
def test_due_forecast_runs_one_query(student, today, django_assert_num_queries):
    make_card_states(student, cards("doc_000.txt"), due=noon(today + 2 * DAY))

    with django_assert_num_queries(1):
        days = due_forecast(user=student, today=today)

    assert days[2].due == 6


@pytest.mark.usefixtures("content")
def test_forecast_chart_draws_a_bar_per_day(student, today):
    make_card_state(student, cards("doc_000.txt")[0], due=noon(today - DAY))

    chart = forecast_chart(due_forecast(user=student, today=today))

    assert [bar.value for bar in chart.bars] == [1, *[0] * 13]
    assert chart.bars[0].height > 0


# streak


def test_streak_counts_consecutive_days_up_to_a_gap(student, questions, today):
    days_ago = [0, 1, 2, 4, 5]  # nothing three days ago
    make_attempt_with_answers(student, questions[:5], when=[noon(today - n * DAY) for n in days_ago])

    result = streak(user=student, today=today)

    assert (result.days, result.today_done) == (3, True)


def test_streak_without_activity_today_counts_up_to_yesterday(student, questions, today):
    make_attempt_with_answers(student, questions[:2], when=[noon(today - DAY), noon(today - 2 * DAY)])

    result = streak(user=student, today=today)

    assert (result.days, result.today_done) == (2, False)


def test_streak_ends_after_a_day_without_activity(student, questions, today):
    make_attempt_with_answers(student, questions[:2], when=[noon(today - 2 * DAY), noon(today - 3 * DAY)])

    assert streak(user=student, today=today).days == 0


@pytest.mark.usefixtures("content")
def test_streak_counts_card_reviews_as_activity(student, questions, today):
    state = make_card_state(student, cards("doc_000.txt")[0])
    make_review(state, when=noon(today))
    make_review(state, stage_before=CardStage.LEARNING, when=noon(today - DAY))
    make_attempt_with_answers(student, questions[:1], when=noon(today - 2 * DAY))

    assert streak(user=student, today=today).days == 3


def test_streak_ignores_other_students(student, questions, today):
    make_attempt_with_answers(make_user(), questions[:1], when=noon(today))

    result = streak(user=student, today=today)

    assert (result.days, result.today_done) == (0, False)


def test_streak_runs_one_query(student, questions, today, django_assert_num_queries):
    make_attempt_with_answers(
        student, questions * 40, when=[noon(today - (n % 60) * DAY) for n in range(480)]
    )

    with django_assert_num_queries(1):
        result = streak(user=student, today=today)

    assert result.days == 60
