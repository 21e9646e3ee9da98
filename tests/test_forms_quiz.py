from __future__ import annotations

import time

from django.core import signing

from quiz.forms import MAX_RESPONSE_MS, AnswerForm, RatingForm, elapsed_ms, shown_stamp
from quiz.models import AttemptQuestion, Choice, Question


def make_item(pk: int = 7) -> AttemptQuestion:
    return AttemptQuestion(pk=pk, question=Question(stem="When did the Battle of Actium happen?"))


def make_choices() -> list[Choice]:
    return [Choice(pk=pk, text=text) for pk, text in ((11, "32 BC"), (12, "31 BC"), (13, "30 BC"))]


def answer_form(data: dict | None = None, item: AttemptQuestion | None = None) -> AnswerForm:
    return AnswerForm(data, item=item or make_item(), choices=make_choices())


def stamp_at(pk: int, shown_ms: int) -> str:
    return signing.dumps([pk, shown_ms], salt="quiz.shown")


def now_ms() -> int:
    return int(time.time() * 1000)


# shown_stamp and elapsed_ms


def test_elapsed_ms_fresh_stamp_is_small_and_not_negative():
    elapsed = elapsed_ms(shown_stamp(7), 7)

    assert elapsed is not None
    assert 0 <= elapsed < 5_000


def test_elapsed_ms_counts_time_since_shown():
    elapsed = elapsed_ms(stamp_at(7, now_ms() - 12_000), 7)

    assert 12_000 <= elapsed < 17_000


def test_elapsed_ms_other_items_stamp_is_none():
    assert elapsed_ms(shown_stamp(8), 7) is None


def test_elapsed_ms_forged_stamp_is_none():
    forged = shown_stamp(7)[:-3] + "abc"

    assert elapsed_ms(forged, 7) is None
    assert elapsed_ms("[7, 0]", 7) is None
    assert elapsed_ms("", 7) is None


def test_elapsed_ms_stamp_with_other_salt_is_none():
    assert elapsed_ms(signing.dumps([7, now_ms()]), 7) is None


def test_elapsed_ms_page_left_open_is_none():
    assert elapsed_ms(stamp_at(7, now_ms() - MAX_RESPONSE_MS - 60_000), 7) is None


def test_elapsed_ms_stamp_from_future_is_none():
    assert elapsed_ms(stamp_at(7, now_ms() + 60_000), 7) is None


def test_elapsed_ms_malformed_payload_is_none():
    assert elapsed_ms(signing.dumps("hello", salt="quiz.shown"), 7) is None
    assert elapsed_ms(signing.dumps([7], salt="quiz.shown"), 7) is None


# AnswerForm


def test_answer_form_unbound_stamps_the_item_and_labels_with_stem():
    form = answer_form()

    assert elapsed_ms(form.initial["shown"], 7) is not None
    assert form.fields["choice"].label == "When did the Battle of Actium happen?"
    assert [text for _pk, text in form.fields["choice"].choices] == ["32 BC", "31 BC", "30 BC"]


def test_answer_form_valid_returns_chosen_choice_and_time():
    form = answer_form({"choice": "12", "shown": shown_stamp(7)})

    assert form.is_valid(), form.errors
    assert form.chosen().text == "31 BC"
    assert 0 <= form.cleaned_data["shown"] < 5_000


def test_answer_form_other_items_stamp_gives_no_time():
    form = answer_form({"choice": "12", "shown": shown_stamp(8)})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["shown"] is None


def test_answer_form_forged_or_missing_stamp_gives_no_time():
    for shown in ("forged", ""):
        form = answer_form({"choice": "11", "shown": shown})

        assert form.is_valid(), form.errors
        assert form.cleaned_data["shown"] is None


def test_answer_form_choice_not_an_option_invalid():
    form = answer_form({"choice": "99", "shown": shown_stamp(7)})

    assert not form.is_valid()
    assert form.has_error("choice", code="invalid_choice")
    assert form.errors["choice"] == ["That is not one of this question's options."]


def test_answer_form_no_choice_invalid():
    form = answer_form({"shown": shown_stamp(7)})

    assert not form.is_valid()
    assert form.errors["choice"] == ["Pick one of the options."]


def autofocused(form: AnswerForm) -> list[str]:
    """Return the labels of the options that ask for the focus, as the question page renders them."""
    return [radio.choice_label for radio in form["choice"] if "autofocus" in radio.tag()]


def test_answer_form_autofocus_on_the_first_option_only():
    assert autofocused(answer_form()) == ["32 BC"]


def test_answer_form_autofocus_on_the_checked_option_only():
    form = answer_form({"choice": "12", "shown": "forged"})

    assert autofocused(form) == ["31 BC"]


# RatingForm


def test_rating_form_valid_rating_and_time():
    form = RatingForm({"rating": "3", "seen": "2", "shown": shown_stamp(5)}, flashcard_id=5)

    assert form.is_valid(), form.errors
    assert form.cleaned_data["rating"] == 3
    assert form.cleaned_data["seen"] == 2
    assert 0 <= form.cleaned_data["shown"] < 5_000


def test_rating_form_unbound_stamps_the_flashcard():
    form = RatingForm(flashcard_id=5)

    assert elapsed_ms(form.initial["shown"], 5) is not None


def test_rating_form_other_flashcards_stamp_gives_no_time():
    form = RatingForm({"rating": "1", "seen": "0", "shown": shown_stamp(6)}, flashcard_id=5)

    assert form.is_valid(), form.errors
    assert form.cleaned_data["shown"] is None


def test_rating_form_rating_out_of_range_invalid():
    for rating in ("5", "0", "x"):
        form = RatingForm({"rating": rating, "seen": "0"}, flashcard_id=5)

        assert not form.is_valid()
        assert form.errors["rating"] == ["Ratings go from 1 (Again) to 4 (Easy)."]


def test_rating_form_missing_rating_invalid():
    form = RatingForm({"seen": "0"}, flashcard_id=5)

    assert not form.is_valid()
    assert form.errors["rating"] == ["Pick a rating."]


def test_rating_form_negative_seen_invalid():
    form = RatingForm({"rating": "3", "seen": "-1"}, flashcard_id=5)

    assert not form.is_valid()
    assert form.has_error("seen", code="min_value")
