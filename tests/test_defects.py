from __future__ import annotations

from pathlib import Path

import pytest

from quiz.content.checks import placeable
from quiz.content.collection import build_collection
from quiz.content.defects import EVENT_CHECKS, TEXT_CHECKS, check_collection
from quiz.content.documents import read_documents

DATA = Path(__file__).resolve().parent / "data"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CORPORA = [
    SEEDS,
    DATA / "eval",
    DATA / "events" / "dev",
    DATA / "events" / "test",
    DATA / "news" / "dev",
    *sorted(path for path in (DATA / "rated").iterdir() if path.is_dir()),  # the blind ratings' documents
]


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("ellipsis", "The war of … ended."),
        ("dangling word", "Trade grew steadily since."),
        ("empty slot", "The Iran–Iraq War () shaped the region."),
        ("orphan participle", "The novel Dust, published, describes a drought."),
        ("pronoun start", "It was closed after the flood."),
        ("reported-speech tail", "The museum has reopened, officials said."),
        ("cut time frame", "The Taiping army took Wuchang at the start."),
        ("cut time frame", "The convertibility system attracted a wave of foreign investment through much."),
        ("plural with singular verb", "Hanseatic merchants was recovered from the River Weser."),
        ("cut aside", "Troops fired on a procession of workers marching to the Winter Palace, an event."),
        ("split word", "Madero and his vice-, José María Pino Suárez were shot."),
    ],
)
def test_text_checks_catch_each_defect(kind, text):
    assert TEXT_CHECKS[kind](text)


@pytest.mark.parametrize(
    "text",
    [
        "The museum was damaged in the ____ earthquake.",
        "In ____, Rome fell to the Goths.",
        "Pre- and post-war housing was surveyed in ____.",
    ],
)
def test_text_checks_pass_clean_text(text):
    assert not any(check(text) for check in TEXT_CHECKS.values())


@pytest.mark.parametrize(
    "text",
    [
        "A development shaped Chinese politics",  # which development?
        "A treaty was signed in Paris",
        "Texas Air merged the two airlines",
        "The ceremony was called off only weeks before",
        "Berlin Brandenburg Airport handled fewer than 10 million",
        "It was closed after the flood",
        "The last of whom left",
        "9 Thermidor Year II",  # a date in another calendar, not an event
        "For which the Vasco da Gama Bridge was opened",
        "After the Frankish king Pepin attacked the lagoon",
        "The first, built under Constantius II, was inaugurated",
    ],
)
def test_an_event_that_needs_its_sentence_is_never_an_option(text):
    assert not placeable(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nasser bought arms from Czechoslovakia",
        "A British attempt to reach orbit from Cornwall ended in failure",
        "The Convention of Constantinople was signed",
        "Two million people fled the city",
    ],
)
def test_an_event_that_says_what_it_is_about_may_be_an_option(text):
    assert placeable(text)


def test_a_dated_noun_is_an_option_only_with_a_name_of_its_own():
    assert placeable("The Hamas attacks on Israel", noun=True)
    assert not placeable("The airstrikes", noun=True)


def test_event_checks_catch_a_date_inside_an_event_and_a_bare_event():
    assert EVENT_CHECKS["date inside an event"]("The dam of 1887 was finished")
    assert EVENT_CHECKS["event under 3 words"]("Rome fell")


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda path: str(path.relative_to(path.parents[1])))
def test_what_students_read_has_almost_no_defects(corpus):
    report = check_collection(build_collection(read_documents(corpus)))
    kinds = report.by_kind()
    assert report.rate <= 0.02, kinds
    # These would put a wrong or unanswerable question in front of a class: none at all.
    assert kinds["distractor also true"] == 0
    assert kinds["stem without blank"] == 0
