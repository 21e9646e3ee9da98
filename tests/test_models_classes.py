from __future__ import annotations

import pytest
from django.db import IntegrityError

from quiz.models import Membership, SchoolClass, Student, join_code_normalise
from quiz.models.classes import JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, join_code_new
from tests.class_factories import make_class, make_teacher
from tests.learning_factories import make_user

pytestmark = pytest.mark.django_db


def test_join_code_uses_no_ambiguous_characters():
    codes = {join_code_new() for _ in range(200)}

    assert len(codes) == 200
    assert all(len(code) == JOIN_CODE_LENGTH for code in codes)
    assert not set("".join(codes)) & set("0O1IL2Z5S")
    assert set("".join(codes)) <= set(JOIN_CODE_ALPHABET)


def test_join_code_normalise_accepts_spaces_hyphens_and_small_letters():
    assert join_code_normalise(" abcd-ef34 ") == "ABCDEF34"
    assert join_code_normalise("ab cd ef 34") == "ABCDEF34"


def test_regenerated_join_code_replaces_the_old_one():
    school_class = make_class("9B")
    old = school_class.join_code

    new = school_class.join_code_regenerate()

    assert new != old
    assert SchoolClass.objects.get().join_code == new
    assert not SchoolClass.objects.filter(join_code=old).exists()


def test_a_student_is_in_a_class_once():
    ada = make_user("ada")
    school_class = make_class("9B", students=(ada,))

    with pytest.raises(IntegrityError):
        Membership.objects.create(school_class=school_class, student=ada)


def test_taught_by_returns_the_teachers_own_classes_only():
    tess, theo = make_teacher("tess"), make_teacher("theo")
    nine_b = make_class("9B", teachers=(tess,))
    shared = make_class("10A", teachers=(theo, tess))
    make_class("11C", teachers=(theo,))

    assert list(SchoolClass.objects.taught_by(tess)) == [shared, nine_b]
    assert list(SchoolClass.objects.taught_by(make_user("ada"))) == []


def test_superuser_is_taught_every_class():
    make_class("9B", teachers=(make_teacher("tess"),))
    root = make_user("root", is_staff=True, is_superuser=True)

    assert SchoolClass.objects.taught_by(root).count() == 1


def test_students_taught_by_are_the_learners_of_the_teachers_classes_once_each():
    tess, theo = make_teacher("tess"), make_teacher("theo")
    ada, brian, chloe = make_user("ada"), make_user("brian"), make_user("chloe")
    make_class("9B", teachers=(tess,), students=(ada, brian))
    make_class("10A", teachers=(tess,), students=(ada,))
    make_class("11C", teachers=(theo,), students=(chloe,))

    assert list(Student.objects.taught_by(tess).order_by("username").values_list("username", flat=True)) == [
        "ada",
        "brian",
    ]
    assert list(Student.objects.taught_by(theo).values_list("username", flat=True)) == ["chloe"]


def test_students_taught_by_a_superuser_are_every_learner_and_no_staff():
    make_user("ada")
    make_teacher("tess")
    root = make_user("root", is_staff=True, is_superuser=True)

    assert list(Student.objects.taught_by(root).values_list("username", flat=True)) == ["ada"]


def test_in_class_returns_that_class_only():
    ada, brian = make_user("ada"), make_user("brian")
    nine_b = make_class("9B", students=(ada,))
    make_class("10A", students=(brian,))

    assert list(Student.objects.in_class(nine_b.pk).values_list("username", flat=True)) == ["ada"]
