from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from quiz.content import cache, parsing
from quiz.content.documents import Document, read_document
from quiz.content.facts import extract_facts, fact_key, publication_date

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def document(text: str, published: datetime.date | None = None) -> Document:
    return Document(name="doc.txt", title="Doc", text=text, published=published)


def events(text: str, published: datetime.date | None = None) -> dict[str, str]:
    facts, _ = extract_facts(document(text, published))
    return {fact.when: fact.event for fact in facts}


def test_extract_facts_leaves_out_a_date_inside_a_name_and_says_why() -> None:
    facts, _ = extract_facts(document("Iran aided Pakistan in the Indo-Pakistani War of 1965."))
    assert [(fact.when, fact.asked, fact.reason) for fact in facts] == [("1965", False, "date inside a name")]


def test_extract_facts_blanks_the_date_and_keeps_its_appositive_in_the_cloze() -> None:
    text = "Iran and Pakistan established relations on 14 August 1947, the day of independence."
    (fact,) = extract_facts(document(text))[0]
    assert fact.event == "Iran and Pakistan established relations"
    assert fact.cloze == "Iran and Pakistan established relations on ____, the day of independence"


def test_extract_facts_keeps_the_article_of_a_date_before_its_noun() -> None:
    (fact,) = extract_facts(document("Both countries cooperated in the 1970s Balochistan operation."))[0]
    assert fact.cloze == "Both countries cooperated in the ____ Balochistan operation"


def test_extract_facts_takes_a_bracketed_range_as_the_period_of_the_name_before_it() -> None:
    text = "During the Cold War (1945–1991), both countries were part of the Western Bloc."
    (fact,) = extract_facts(document(text))[0]
    assert fact.event == "The Cold War"
    assert fact.cloze == "During the Cold War (____), both countries were part of the Western Bloc"


def test_extract_facts_trims_a_clause_that_belongs_to_another_date() -> None:
    text = "A dam on the river was finished in 1887, and a power station beside it opened in 1888."
    assert events(text) == {
        "1887": "A dam on the river was finished",
        "1888": "A power station beside the dam opened",
    }


def test_extract_facts_records_every_date_of_the_sentence() -> None:
    facts, _ = extract_facts(document("Iran aided Pakistan in the wars of 1965 and 1971."))
    assert [len(fact.sentence_spans) for fact in facts] == [2, 2]
    assert facts[0].sentence_spans == facts[1].sentence_spans


def test_extract_facts_leaves_out_relative_dates_without_publication_date_and_says_why() -> None:
    facts, skipped = extract_facts(
        document("Following the September 11 attacks, Iran joined. It began in 1947.")
    )
    assert [fact.when for fact in facts] == ["1947"]
    assert [(item.when, "publication date" in item.reason) for item in skipped] == [("September 11", True)]


def test_extract_facts_resolves_following_year_across_sentences() -> None:
    facts, _ = extract_facts(document("The war began in 1965. The following year a treaty was signed."))
    assert facts[1].span.start.year == 1966


def test_fact_keys_are_stable_and_distinguish_repeated_dates() -> None:
    facts, _ = extract_facts(document("In 1971 the war began and in 1971 it ended."))
    assert facts[0].key == fact_key("doc.txt", facts[0].sentence, "1971")
    assert facts[0].key != facts[1].key


def test_fact_keys_stay_unique_when_a_sentence_repeats_in_a_document() -> None:
    facts, _ = extract_facts(document("It ended in 1971. Talks followed. It ended in 1971."))
    assert len({fact.key for fact in facts}) == 2


def test_publication_date_from_front_matter_wins() -> None:
    result = publication_date(document("Last year, talks failed.", datetime.date(2025, 5, 27)))
    assert (result.date, result.origin) == (datetime.date(2025, 5, 27), "front matter")


def test_publication_date_is_inferred_from_a_dateline() -> None:
    result = publication_date(document("NEW DELHI, May 27, 2025 — Last year, talks failed."))
    assert result.date == datetime.date(2025, 5, 27)
    assert "dateline" in result.origin


def test_publication_date_is_inferred_from_a_published_line() -> None:
    result = publication_date(document("Talks failed last year.\nPublished: 3 March 2024"))
    assert result.date == datetime.date(2024, 3, 3)


def test_publication_date_is_not_guessed_for_an_encyclopedia_text() -> None:
    text = "Relations began on 14 August 1947. Following the September 11 attacks, Iran joined."
    assert publication_date(document(text)).date is None


def test_seed_news_article_relative_dates_resolve_against_its_publication_date() -> None:
    facts, skipped = extract_facts(read_document(SEEDS / "004_8906c05eeb724499.txt"))
    found = {(fact.when, fact.span.start.iso(), fact.span.end.iso()) for fact in facts}
    assert found == {
        ("a year ago", "2024-01-01", "2024-12-31"),
        ("October 2023", "2023-10-01", "2023-10-31"),
        ("Last year", "2024-01-01", "2024-12-31"),
        ("January 2024", "2024-01-01", "2024-01-31"),
        ("May 9", "2025-05-09", "2025-05-09"),
    }
    assert skipped == []


def test_seed_encyclopedia_finds_every_date_and_nothing_else() -> None:
    facts, skipped = extract_facts(read_document(SEEDS / "000_7c2b2f8a2d4a2190.txt"))
    assert [
        (fact.when, fact.span.start.iso(), fact.span.end.iso(), fact.span.precision.value) for fact in facts
    ] == [
        ("14 August 1947", "1947-08-14", "1947-08-14", "day"),
        ("1945–1991", "1945-01-01", "1991-12-31", "year"),
        ("1965", "1965-01-01", "1965-12-31", "year"),
        ("1971", "1971-01-01", "1971-12-31", "year"),
        ("the 1970s", "1970-01-01", "1979-12-31", "decade"),
        ("1971", "1971-01-01", "1971-12-31", "year"),
        ("1978–1979", "1978-01-01", "1979-12-31", "year"),
        ("1979–1989", "1979-01-01", "1989-12-31", "year"),
        ("1980–1988", "1980-01-01", "1988-12-31", "year"),
        ("the 2020s", "2020-01-01", "2029-12-31", "decade"),
    ]
    assert [item.when for item in skipped] == ["September 11"]


def test_extract_facts_never_asks_about_a_dateline() -> None:
    text = "BEIJING, Jan 8 (Reuters) — Rescuers dug through rubble. Talks between the two sides failed last year."
    facts, _ = extract_facts(document(text, datetime.date(2025, 1, 9)))
    assert [(fact.when, fact.asked, fact.reason or fact.event) for fact in facts] == [
        ("Jan 8", False, "dateline"),
        ("last year", True, "Talks between the two sides failed"),
    ]


def test_extract_facts_keeps_the_main_clause_after_an_opening_date() -> None:
    assert events("In 2024, the rate stood at 6.5%, where it had been held for two years.")["2024"] == (
        "The rate stood at 6.5%, where it had been held for two years"
    )


def test_extract_facts_drops_the_preposition_of_a_removed_date() -> None:
    assert (
        events("The next meeting is scheduled for June 2025.")["June 2025"] == "The next meeting is scheduled"
    )


def test_extract_facts_of_an_unchanged_document_come_from_the_cache(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(cache.CACHE_VARIABLE, str(tmp_path / "content.sqlite3"))
    doc = document("The canal opened to ships in 1914 after ten years of work.")
    first = extract_facts(doc)

    def no_parsing(_sentences):
        raise AssertionError("parsed again")

    monkeypatch.setattr(parsing, "_parse", no_parsing)
    parsing.forget_parses()
    assert extract_facts(doc) == first
    changed = document("The canal opened to ships in 1915 after ten years of work.")
    with pytest.raises(AssertionError, match="parsed again"):
        extract_facts(changed)


def test_extract_facts_says_the_two_countries_as_the_two_the_document_is_about() -> None:
    text = "Iran and Pakistan share a long border. The two countries signed a trade pact in 2005."
    assert events(text) == {"2005": "Iran and Pakistan signed a trade pact"}


def test_extract_facts_names_a_bare_object_as_the_document_did_before() -> None:
    text = "The Monetary Policy Committee sets rates. Parliament created the committee in 1998."
    assert events(text) == {"1998": "Parliament created the Monetary Policy Committee"}


def test_extract_facts_of_a_history_keeps_its_days_in_their_years_when_a_date_is_guessed():
    # "a week later" makes the pipeline guess a publication date from the latest full date (1957), but
    # "on 6 November" still follows "5 November 1956".
    text = (
        "Britain and France landed at Port Said on 5 November 1956. A ceasefire took effect on 6 November. "
        "The last troops left on 22 December 1956, and the canal reopened in April 1957. "
        "A week later the first convoy passed."
    )
    facts, _ = extract_facts(Document(name="suez.txt", title="Suez Crisis", text=text))
    assert [fact.span.start.iso() for fact in facts if fact.when == "6 November"] == ["1956-11-06"]


def test_extract_facts_asks_a_date_in_its_whole_sentence() -> None:
    text = (
        "An agreement signed in October 1954 provided for the evacuation of British troops, the last of "
        "whom left on 13 June 1956."
    )
    facts = {fact.when: fact for fact in extract_facts(document(text))[0]}

    assert facts["13 June 1956"].cloze == (
        "An agreement signed in October 1954 provided for the evacuation of British troops, the last of "
        "whom left on ____"
    )
    assert not facts["13 June 1956"].stands_alone  # "The last of whom left" is no option


def test_extract_facts_keeps_to_the_clause_when_the_sentence_would_give_the_answer() -> None:
    text = "In the 16th century Sinan built the Süleymaniye Mosque (1550–1557) for Suleiman."
    facts = {fact.when: fact for fact in extract_facts(document(text))[0]}

    assert facts["the 16th century"].cloze == "In the ____ Sinan built the Süleymaniye Mosque for Suleiman"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "Under Justinian I, who suppressed the Nika riots of 532, Hagia Sophia was rebuilt between 532 and 537.",
            "the date cannot be hidden without hiding another",
        ),
        (
            "The archipelago, whose people still fish in the waters around it, was placed under Norwegian "
            "sovereignty by a treaty signed in Paris in 1920.",
            "the clause does not say what it is about",
        ),
    ],
)
def test_extract_facts_asks_no_date_it_cannot_blank_cleanly(text: str, reason: str) -> None:
    asked = {fact.when: (fact.asked, fact.reason) for fact in extract_facts(document(text))[0]}

    assert (False, reason) in asked.values()


def reference(text: str, title: str) -> dict[str, object]:
    facts, _ = extract_facts(Document(name="ref.txt", title=title, text=text))
    return {fact.when: fact for fact in facts}


def test_extract_facts_names_a_bare_noun_by_what_the_lead_says_the_title_is() -> None:
    text = (
        "Hagia Sophia is a former Byzantine cathedral and Ottoman imperial mosque in Istanbul. "
        "Built between 532 and 537, it was the largest cathedral in the world for a thousand years. "
        "The church was dedicated on 27 December 537."
    )
    facts = reference(text, "Hagia Sophia")

    assert facts["27 December 537"].cloze == "Hagia Sophia was dedicated on ____"
    assert facts["between 532 and 537"].asked


def test_extract_facts_names_the_title_by_its_own_noun() -> None:
    text = "The Inca Empire was the largest state in the Americas. The empire was conquered by Spain in 1572."

    assert reference(text, "Inca Empire")["1572"].cloze == "The Inca Empire was conquered by Spain in ____"


def test_extract_facts_leaves_out_the_words_that_tie_a_sentence_to_the_one_before() -> None:
    text = (
        "Meanwhile Pizarro founded Lima on 18 January 1535, and his rivals fell to fighting among themselves."
    )

    assert reference(text, "Inca Empire")["18 January 1535"].cloze.startswith("Pizarro founded Lima on ____")


def test_extract_facts_keeps_to_the_clause_when_other_dates_narrow_the_answer_down() -> None:
    text = (
        "On 20 September 1792 a French army halted the Prussians at Valmy, and the following day the "
        "Convention abolished the monarchy; the Republic was proclaimed on 22 September."
    )

    assert reference(text, "French Revolution")["22 September"].cloze == "The Republic was proclaimed on ____"


def test_extract_facts_leaves_out_a_weekday_of_a_history_without_its_own_date() -> None:
    text = (
        "The fire burned from 2 September to 6 September 1666. "
        "The fire reached its greatest extent on Tuesday 4 September. "
        "By Thursday the fire was largely extinguished. "
        "Three weeks later, on 27 September 1666, the king appointed commissioners to rebuild the City."
    )
    _, skipped = extract_facts(Document(name="fire.txt", title="Great Fire of London", text=text))

    assert ("Thursday", "a weekday in a text without a date of its own") in {
        (s.when, s.reason) for s in skipped
    }


def test_extract_facts_never_calls_a_title_that_is_a_period_he() -> None:
    text = (
        "The Hundred Days was the period between Napoleon's return to Paris and the second restoration. "
        "Napoleon left Elba in secret. He landed at Golfe-Juan on 1 March 1815."
    )
    facts = reference(text, "Hundred Days")

    assert "Hundred Days" not in facts["1 March 1815"].cloze


def test_extract_facts_says_the_title_as_its_first_sentence_does() -> None:
    text = "The Black Death was a plague pandemic. By the early 1350s it had reached the cities of Russia."

    assert reference(text, "Black Death")["the early 1350s"].cloze.startswith(
        "By the ____ the Black Death had"
    )


def test_extract_facts_resolves_no_it_after_a_sentence_of_two_subjects():
    text = (
        "The Vienna Convention was agreed in 1985, and the Montreal Protocol followed in 1987. "
        "It entered into force on 1 January 1989."
    )
    facts = {fact.when: fact for fact in extract_facts(document(text))[0]}
    assert (facts["1 January 1989"].asked, facts["1 January 1989"].reason) == (
        False,
        "pronoun without antecedent",
    )


def test_extract_facts_takes_no_name_from_an_indefinite():
    text = "The ruins were declared a UNESCO World Heritage Site in 1986. Bent excavated at the site in 1891."
    assert events(text)["1891"] == "Bent excavated at the site"


def test_extract_facts_names_no_city_of_a_named_article_after_the_town_built_on_it():
    text = (
        "Tenochtitlan was the capital of the Mexica. Mexico City was built on its ruins. "
        "A dike protected the city after a flood in 1449."
    )
    facts, _ = extract_facts(Document(name="t.txt", title="Tenochtitlan", text=text))
    assert "Mexico City" not in {fact.when: fact.cloze for fact in facts}["1449"]
