from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.urls import reverse

from quiz.models import Choice, Document, Question, Student
from quiz.services.reload import content_reload
from tests.class_factories import make_class
from tests.factories import make_collection
from tests.learning_factories import save_answers

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["document", "fact", "question", "choice", "flashcard"])
def test_admin_changelist_shows_content(admin_client, collection, model):
    content_reload(collection=collection)

    response = admin_client.get(reverse(f"admin:quiz_{model}_changelist"))

    assert response.status_code == 200


def test_admin_question_is_enabled_is_the_only_editable_field(admin_client, collection):
    content_reload(collection=collection)
    question = Question.objects.first()

    response = admin_client.get(reverse("admin:quiz_question_change", args=[question.pk]))

    form = response.context["adminform"].form
    assert list(form.fields) == ["is_enabled"]


def test_admin_content_cannot_be_added_or_deleted(admin_client):
    assert admin_client.get(reverse("admin:quiz_fact_add")).status_code == 403


def make_students(django_user_model, count):
    return django_user_model.objects.bulk_create(
        django_user_model(username=f"student{n}") for n in range(count)
    )


def answer_everything(students, *, correct):
    """Let every student answer every question once; `correct(n, question_index)` says who gets it right."""
    choices = {}
    for choice in Choice.objects.order_by("question_id", "position"):
        choices.setdefault(choice.question_id, {}).setdefault(choice.is_correct, choice)
    save_answers(
        [
            (student, choices[question_id][correct(n, index)], True)
            for n, student in enumerate(students)
            for index, question_id in enumerate(sorted(choices))
        ]
    )


def make_teacher(django_user_model, *codenames):
    teacher = django_user_model.objects.create_user("teacher", is_staff=True)
    teacher.user_permissions.set(
        Permission.objects.filter(content_type__app_label="quiz", codename__in=codenames)
    )
    return teacher


@pytest.fixture
def answered(django_user_model):
    """Six questions answered by ten students: the first question by nobody right, the others by the best n."""
    content_reload(collection=make_collection(documents=1, facts=3))
    students = make_students(django_user_model, 10)
    # Student n gets question i right when n >= i * 2: question 0 by all, question 5 by none.
    answer_everything(students, correct=lambda n, index: n >= index * 2)
    return list(Question.objects.order_by("pk"))


def cell(response, question, field):
    """Return what the changelist shows in a question's column."""
    changelist = response.context["cl"]
    row = next(q for q in changelist.result_list if q.pk == question.pk)
    value = getattr(changelist.model_admin, field)(row)
    assert f'<td class="field-{field}">{value}</td>' in response.text
    return value


def test_question_changelist_shows_the_statistics(admin_client, answered):
    easiest, *_, hardest = answered

    response = admin_client.get(reverse("admin:quiz_question_changelist"))

    assert [cell(response, easiest, field) for field in ("answered", "facility", "flags")] == [
        10,
        "100.0",
        "too easy, unused distractor",
    ]
    assert [cell(response, hardest, field) for field in ("facility", "flags")] == [
        "0.0",
        "too hard, unused distractor",
    ]
    # The question students 2 and 3 miss: the upper group (students 7-9) all right, the lower (0-2) 1 of 3.
    assert cell(response, answered[1], "discrimination") == "0.67"


def test_question_changelist_filters_by_flag(admin_client, answered):
    response = admin_client.get(reverse("admin:quiz_question_changelist"), {"flag": "too-hard"})

    assert [q.pk for q in response.context["cl"].result_list] == [answered[-1].pk]
    assert f'{reverse("admin:quiz_question_statistics_csv")}?flag=too-hard"' in response.text


def test_question_change_page_shows_the_option_picks(admin_client, answered):
    question = answered[1]

    response = admin_client.get(reverse("admin:quiz_question_change", args=[question.pk]))

    assert 'id="option-picks"' in response.text
    assert [(pick.letter, pick.picks, pick.percent_label) for pick in response.context["option_picks"]] == [
        ("A", 2, "20.0"),
        ("B", 8, "80.0"),
        ("C", 0, "0.0"),
        ("D", 0, "0.0"),
    ]


def test_switch_off_action_disables_questions_and_a_reload_keeps_them_off(admin_client):
    collection = make_collection()
    content_reload(collection=collection)
    chosen = list(Question.objects.order_by("pk").values_list("pk", flat=True)[:2])

    response = admin_client.post(
        reverse("admin:quiz_question_changelist"), {"action": "switch_off", "_selected_action": chosen}
    )
    content_reload(collection=collection)

    assert response.status_code == 302
    assert set(Question.objects.filter(is_enabled=False).values_list("pk", flat=True)) == set(chosen)
    assert LogEntry.objects.filter(object_id__in=[str(pk) for pk in chosen]).count() == 2


def test_switch_off_action_needs_the_change_permission(client, django_user_model):
    content_reload(collection=make_collection())
    client.force_login(make_teacher(django_user_model, "view_question"))
    chosen = list(Question.objects.values_list("pk", flat=True))

    response = client.get(reverse("admin:quiz_question_changelist"))
    client.post(
        reverse("admin:quiz_question_changelist"), {"action": "switch_off", "_selected_action": chosen}
    )

    assert response.context["action_form"] is None  # switching off is the only action
    assert not Question.objects.filter(is_enabled=False).exists()


def test_switch_off_action_is_offered_to_teachers_who_may_change_questions(client, django_user_model):
    content_reload(collection=make_collection())
    client.force_login(make_teacher(django_user_model, "view_question", "change_question"))
    chosen = list(Question.objects.values_list("pk", flat=True)[:1])

    client.post(
        reverse("admin:quiz_question_changelist"), {"action": "switch_off", "_selected_action": chosen}
    )

    assert list(Question.objects.filter(is_enabled=False).values_list("pk", flat=True)) == chosen


def read_csv(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_statistics_csv_matches_the_changelist(admin_client, answered):
    changelist = admin_client.get(reverse("admin:quiz_question_changelist"))

    response = admin_client.get(reverse("admin:quiz_question_statistics_csv"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = {int(row["Question id"]): row for row in read_csv(response)}
    assert len(rows) == len(answered)
    for question in answered:
        row = rows[question.pk]
        assert row["Answered"] == str(cell(changelist, question, "answered"))
        assert row["Facility (%)"] == cell(changelist, question, "facility")
        assert row["Discrimination"] == cell(changelist, question, "discrimination")
        assert row["Flags"] == cell(changelist, question, "flags").replace(", ", "; ")
        assert datetime.datetime.fromisoformat(row["Last answered"]).tzinfo is not None


def test_statistics_csv_keeps_the_changelist_filters(admin_client, answered):
    response = admin_client.get(reverse("admin:quiz_question_statistics_csv"), {"flag": "too-hard"})

    assert [row["Question id"] for row in read_csv(response)] == [str(answered[-1].pk)]


def test_statistics_csv_needs_the_view_permission(client, django_user_model):
    client.force_login(make_teacher(django_user_model, "view_document"))

    assert client.get(reverse("admin:quiz_question_statistics_csv")).status_code == 403
    assert client.get(reverse("admin:quiz_question_hardest")).status_code == 403


def test_hardest_questions_page_draws_an_svg_with_a_text_alternative(client, django_user_model, answered):
    teacher = make_teacher(django_user_model, "view_question")
    make_class("9B", teachers=(teacher,), students=tuple(Student.objects.learners()))
    client.force_login(teacher)

    response = client.get(reverse("admin:quiz_question_hardest"))

    assert '<svg role="img" aria-labelledby="hardest-title hardest-desc"' in response.text
    assert '<title id="hardest-title">' in response.text
    assert '<desc id="hardest-desc">' in response.text
    assert 'id="hardest-table"' in response.text
    assert [bar.label for bar in response.context["chart"].bars] == [f"Q{q.pk}" for q in reversed(answered)]
    assert [bar.value for bar in response.context["chart"].bars] == [0, 20, 40, 60, 80, 100]
    assert 'id="hardest-questions"' in response.text


def test_hardest_questions_page_without_enough_answers_says_so(admin_client):
    content_reload(collection=make_collection())

    response = admin_client.get(reverse("admin:quiz_question_hardest"))

    assert "No question has enough first tries yet." in response.text
    assert 'id="hardest-questions"' not in response.text


def test_document_changelist_counts_facts_and_questions(admin_client):
    content_reload(collection=make_collection(documents=2, facts=3))
    first = Document.objects.order_by("key").first()
    switched = Question.objects.filter(fact__document=first).order_by("pk").first()  # of a kept fact
    Question.objects.filter(pk=switched.pk).update(is_enabled=False)
    content_reload(collection=make_collection(documents=2, facts=2))  # retires each document's third fact

    response = admin_client.get(reverse("admin:quiz_document_changelist"))

    row = next(d for d in response.context["cl"].result_list if d.pk == first.pk)
    assert (row.fact_count, row.question_count, row.inactive_question_count) == (2, 3, 3)
    assert '<td class="field-facts">2</td>' in response.text
    assert '<td class="field-inactive_questions">3</td>' in response.text


@pytest.mark.parametrize("facts", [5, 50])
def test_changelists_run_a_fixed_number_of_queries(
    admin_client, django_user_model, django_assert_max_num_queries, facts
):
    content_reload(collection=make_collection(documents=3, facts=facts))  # 30 or 300 questions
    answer_everything(make_students(django_user_model, 20), correct=lambda n, index: (n + index) % 3 > 0)

    # Session, user, the students' ranking, the classes of the class filter, the count and the page; the
    # document list has no ranking and no class filter.
    with django_assert_max_num_queries(6):
        response = admin_client.get(reverse("admin:quiz_question_changelist"))
    with django_assert_max_num_queries(4):
        admin_client.get(reverse("admin:quiz_document_changelist"))

    assert len(response.context["cl"].result_list) == min(6 * facts, 100)
