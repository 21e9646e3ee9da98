"""Usernames that look like an existing one are refused: NFKC, case folding and TR39 confusable skeletons."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from quiz.usernames import lookalike_of, skeletons, validate_distinct_username

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "lookalike",
    [
        pytest.param("stud\u0435nt", id="Cyrillic e"),
        pytest.param("\u0455tudent", id="Cyrillic dze for s"),
        pytest.param("ｓｔｕｄｅｎｔ", id="full width (NFKC)"),
        pytest.param("STUDENT", id="capitals (case folding)"),
        pytest.param("Stud\u0415nt", id="capital Cyrillic E (case folding, then skeleton)"),
    ],
)
def test_lookalike_of_an_existing_username_is_found(lookalike):
    get_user_model().objects.create_user("student")

    assert lookalike_of(lookalike) == "student"


@pytest.mark.parametrize(
    ("existing", "new"),
    [("adal", "ada1"), ("lan", "Ian"), ("arnold", "amold"), ("strasse", "Straße")],
    ids=["digit one for l", "capital I for l", "rn for m", "sharp s folds to ss"],
)
def test_lookalike_of_catches_letters_that_pass_for_others(existing, new):
    get_user_model().objects.create_user(existing)

    assert lookalike_of(new) == existing


@pytest.mark.parametrize("different", ["students", "studant", "stu-dent", "teacher"])
def test_lookalike_of_lets_different_names_through(different):
    get_user_model().objects.create_user("student")

    assert lookalike_of(different) is None


def test_lookalike_of_ignores_the_account_itself():
    user = get_user_model().objects.create_user("student")

    assert lookalike_of("Student", exclude_pk=user.pk) is None


def test_validate_distinct_username_refuses_with_a_code():
    get_user_model().objects.create_user("student")

    with pytest.raises(ValidationError) as raised:
        validate_distinct_username("stud\u0435nt")

    assert raised.value.code == "username_confusable"
    assert "looks too much like an existing one" in raised.value.messages[0]


def test_skeletons_of_the_cyrillic_lookalike_equal_those_of_the_latin_name():
    assert skeletons("stud\u0435nt") & skeletons("student")
    assert not skeletons("studant") & skeletons("student")


def test_lookalike_of_reads_every_user_in_one_query(django_assert_max_num_queries):
    get_user_model().objects.bulk_create(get_user_model()(username=f"pupil{n}") for n in range(200))

    with django_assert_max_num_queries(1):
        assert lookalike_of("pupi1199") == "pupil199"
