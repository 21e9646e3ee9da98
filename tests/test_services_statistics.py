from __future__ import annotations

import pytest

from quiz.models import Choice, Question
from quiz.services import statistics
from quiz.services.reload import content_reload
from quiz.services.statistics import ItemCounts, StudentScore
from tests.factories import make_collection
from tests.learning_factories import save_answers


def counts(**overrides: int) -> ItemCounts:
    values = {
        "answered": 10,
        "first_tries": 10,
        "first_correct": 5,
        "upper_tries": 3,
        "upper_correct": 2,
        "lower_tries": 3,
        "lower_correct": 1,
        "unused_distractors": 0,
    }
    return ItemCounts(**(values | overrides))


def option(question: Question, *, correct: bool, position: int | None = None) -> Choice:
    choices = question.choices.filter(is_correct=correct)
    return choices.get(position=position) if position is not None else choices.first()


def make_students(django_user_model, count, *, first=1):
    return [django_user_model.objects.create_user(f"student{n}") for n in range(first, first + count)]


# The hand-computed example: six students, first tries at X, Y and Z (1 = correct, - = not tried).
#       X  Y  Z   score       rank
#   s1  1  1  1   3/3         1  upper
#   s2  0  1  1   2/3         2  upper (ties with s3 on share and tries; the lower user id ranks first)
#   s3  1  1  0   2/3         3
#   s4  1  0  -   1/2         4
#   s5  0  0  1   1/3         5  lower
#   s6  0  0  0   0/3         6  lower
# Six students make groups of round(0.27 * 6) = 2.
# X: facility 3/6 = 50%, D = 1/2 - 0/2 = 0.5; Y: 50%, D = 2/2 - 0/2 = 1; Z: 3/5 = 60%, D = 2/2 - 1/2 = 0.5.
HAND_EXAMPLE = {"X": "011100", "Y": "111000", "Z": "110-10"}


@pytest.fixture
def hand_example(django_user_model):
    content_reload(collection=make_collection(documents=1, facts=2))
    x, y, z = Question.objects.order_by("pk")[:3]
    students = make_students(django_user_model, 6)
    rows = []
    for question, marks in zip((x, y, z), HAND_EXAMPLE.values(), strict=True):
        for student, mark in zip(students, marks, strict=True):
            if mark != "-":
                rows.append((student, option(question, correct=mark == "1"), True))
    # A later answer is practice: it counts as answered but not in facility or discrimination.
    rows.append((students[5], option(x, correct=True), False))
    save_answers(rows)
    return x, y, z


def test_group_size_is_27_percent_rounded_half_up_with_one_at_least():
    assert [statistics.group_size(n) for n in (0, 1, 2, 3, 6, 100, 1000)] == [0, 0, 1, 1, 2, 27, 270]


def test_student_groups_rank_by_share_then_tries_then_user_id():
    scores = [
        StudentScore(user_id=1, tries=4, correct=2),
        StudentScore(user_id=2, tries=2, correct=1),
        StudentScore(user_id=3, tries=10, correct=9),
        StudentScore(user_id=4, tries=3, correct=0),
        StudentScore(user_id=5, tries=0, correct=0),
    ]

    upper, lower = statistics.student_groups(scores)

    assert upper == {3}
    assert lower == {4}
    assert statistics.student_groups(scores[:2]) == ({1}, {2})


def test_student_groups_with_one_student_are_empty():
    assert statistics.student_groups([StudentScore(1, 3, 3)]) == (frozenset(), frozenset())


def test_facility_is_the_percentage_of_correct_tries():
    assert statistics.facility(3, 4) == 75
    assert statistics.facility(0, 0) is None


def test_discrimination_is_upper_share_minus_lower_share():
    assert statistics.discrimination(upper_correct=3, upper_tries=4, lower_correct=1, lower_tries=4) == 0.5
    assert statistics.discrimination(upper_correct=0, upper_tries=2, lower_correct=2, lower_tries=2) == -1


def test_discrimination_without_tries_in_a_group_is_unknown():
    assert statistics.discrimination(upper_correct=3, upper_tries=4, lower_correct=0, lower_tries=0) is None


@pytest.mark.parametrize(
    ("overrides", "flags"),
    [
        ({"first_correct": 10}, ("too easy",)),
        ({"first_tries": 100, "first_correct": 91}, ("too easy",)),
        ({"first_tries": 100, "first_correct": 90}, ()),
        ({"first_tries": 100, "first_correct": 19}, ("too hard",)),
        ({"first_tries": 100, "first_correct": 20}, ()),
        ({"upper_correct": 0}, ("negative discrimination",)),
        ({"upper_correct": 1}, ()),
        ({"unused_distractors": 1}, ("unused distractor",)),
        (
            {"first_correct": 0, "upper_correct": 0, "unused_distractors": 2},
            ("too hard", "negative discrimination", "unused distractor"),
        ),
    ],
)
def test_question_flags_by_threshold(overrides, flags):
    assert statistics.question_flags(counts(**overrides)) == flags


def test_question_flags_below_the_minimum_of_first_tries_are_none():
    few = counts(first_tries=4, first_correct=0, upper_correct=0, unused_distractors=3)

    assert statistics.MIN_FIRST_TRIES == 5
    assert statistics.question_flags(few) == ()
    assert statistics.question_flags(counts(first_tries=5, first_correct=0)) == ("too hard",)


def test_pick_table_gives_each_option_its_share_of_answers():
    table = statistics.pick_table(
        [(1, "1902", True, True, 6), (0, "1901", False, True, 2), (2, "1903", False, True, 0)]
    )

    assert [(pick.letter, pick.picks, pick.percent_label) for pick in table] == [
        ("A", 2, "25.0"),
        ("B", 6, "75.0"),
        ("C", 0, "0.0"),
    ]


def test_pick_table_keeps_retired_options_only_when_picked():
    table = statistics.pick_table(
        [(0, "old", False, False, 1), (1, "gone", False, False, 0), (2, "new", True, True, 0)]
    )

    assert [(pick.text, pick.percent) for pick in table] == [("old", 100), ("new", 0)]


def test_pick_table_without_answers_has_no_percentages():
    assert [pick.percent for pick in statistics.pick_table([(0, "a", True, True, 0)])] == [None]


@pytest.mark.django_db
def test_with_statistics_matches_the_hand_computed_example(hand_example):
    x, y, z = hand_example

    rows = statistics.with_statistics(Question.objects.filter(pk__in=[x.pk, y.pk, z.pk])).order_by("pk")

    figures = [
        (
            q.answer_count,
            q.first_try_count,
            statistics.item_counts(q).facility,
            statistics.item_counts(q).discrimination,
        )
        for q in rows
    ]
    assert figures == [(7, 6, 50, 0.5), (6, 6, 50, 1), (5, 5, 60, 0.5)]
    assert [q.facility for q in rows] == [50, 50, 60]
    assert [q.discrimination for q in rows] == [0.5, 1, 0.5]


@pytest.mark.django_db
def test_with_statistics_counts_unused_active_distractors(hand_example):
    x, _, z = hand_example

    rows = {q.pk: q for q in statistics.with_statistics(Question.objects.all())}

    # Everyone who missed X picked the same wrong option, so two of its three distractors are unused.
    assert rows[x.pk].unused_distractor_count == 2
    assert statistics.item_counts(rows[x.pk]).flags == ("unused distractor",)
    assert rows[z.pk].unused_distractor_count == 2
    assert statistics.item_counts(rows[z.pk]).flags == ("unused distractor",)


@pytest.mark.django_db
def test_with_statistics_without_answers_has_no_figures():
    content_reload(collection=make_collection(documents=1, facts=1))

    question = statistics.with_statistics(Question.objects.all()).first()

    assert (question.answer_count, question.facility, question.discrimination) == (0, None, None)
    assert statistics.item_counts(question).flags == ()


@pytest.mark.django_db
def test_flagged_selects_what_question_flags_says(hand_example, django_user_model):
    x, y, _ = hand_example
    w = Question.objects.exclude(pk__in=[q.pk for q in hand_example]).get()
    late = make_students(django_user_model, 10, first=7)
    # Ten more students miss X and Y (3/16: too hard) and get W right; the best student misses W, so W
    # is too easy (10/11) and discriminates negatively (upper s1-s4: 0/1, lower s6, s14-s16: 3/3).
    save_answers([(student, option(q, correct=False), True) for student in late for q in (x, y)])
    save_answers([(student, option(w, correct=True), True) for student in late])
    best = django_user_model.objects.get(username="student1")
    save_answers([(best, option(w, correct=False), True)])
    annotated = statistics.with_statistics(Question.objects.all())

    found = {}
    for flag in statistics.FLAGS:
        expected = {q.pk for q in annotated if flag in statistics.item_counts(q).flags}
        assert set(statistics.flagged(annotated, flag).values_list("pk", flat=True)) == expected
        found[flag] = expected
    assert found == {
        "too easy": {w.pk},
        "too hard": {x.pk, y.pk},
        "negative discrimination": {w.pk},
        "unused distractor": {q.pk for q in annotated},
    }


@pytest.mark.django_db
def test_option_picks_counts_every_answer_per_option(hand_example):
    x, _, _ = hand_example

    table = statistics.option_picks([x.pk])[x.pk]

    assert [(pick.letter, pick.is_correct, pick.picks) for pick in table] == [
        ("A", False, 3),
        ("B", True, 4),
        ("C", False, 0),
        ("D", False, 0),
    ]
    assert round(sum(pick.percent for pick in table)) == 100


@pytest.mark.django_db
def test_hardest_questions_are_live_with_enough_first_tries_lowest_facility_first(hand_example):
    x, y, z = hand_example
    Question.objects.filter(pk=y.pk).update(is_enabled=False)

    hardest = statistics.hardest_questions(Question.objects.all())

    assert [q.pk for q in hardest] == [x.pk, z.pk]


@pytest.mark.django_db
def test_export_rows_write_the_figures_the_admin_shows(hand_example):
    x, _, _ = hand_example
    rows = list(statistics.with_statistics(Question.objects.filter(pk=x.pk)).select_related("fact__document"))

    header, row = statistics.export_rows(rows, statistics.option_picks([x.pk]))

    record = dict(zip(header, row, strict=True))
    assert record["Answered"] == "7"
    assert record["First tries"] == "6"
    assert record["Facility (%)"] == "50.0"
    assert record["Discrimination"] == "0.50"
    assert record["Flags"] == "unused distractor"
    assert [record[f"Option {letter} picks"] for letter in "ABCD"] == ["3", "4", "0", "0"]
    assert record["Correct option"] == "B"
    assert record["Last answered"][:4].isdigit()
    assert record["Last answered"][10] == "T"
