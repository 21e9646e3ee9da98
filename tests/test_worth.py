from __future__ import annotations

import datetime

import pytest

from quiz.content.documents import Document
from quiz.content.facts import extract_facts

PUBLISHED = datetime.date(2024, 5, 14)


def asked(text: str, published: datetime.date | None = PUBLISHED) -> list[tuple[str, bool, str]]:
    facts, _ = extract_facts(Document(name="news.txt", title="News", text=text, published=published))
    return [(fact.when, fact.asked, fact.reason) for fact in facts]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("The minister said on Tuesday that talks would go on.", "reporting verb"),
        ("A spokesman for the company declined to comment on Monday.", "reporting verb"),
        ("LONDON, May 13 (Reuters) - Factories in the north closed their gates.", "dateline"),
        ("Shares of the airline closed at 12.40 dollars on Monday, up 3 percent.", "market figure"),
        ("The new bridge will open to traffic in June 2026.", "forecast"),
        ("Sales are expected to reach 10 billion dollars by 2030.", "forecast"),
        (
            "The council has met every Monday since the flood of 2019 destroyed its hall.",
            "recurring schedule",
        ),
        ("The festival drew about the same crowd as a year ago.", "comparison"),
        ("Bulldozers began clearing the last lots this morning.", "the article's own day or year"),
        ("Euro zone inflation was 1.3 percent in June 2019.", "market figure"),
        ("The outbreak is taught in every course since a survey in 2013.", "present state"),
        ("Figures published on Monday showed that exports grew.", "reporting verb"),
        ("A poll taken last month showed his approval rating below forty-five percent.", "reporting verb"),
        ("Crude peaked at $40.42 a barrel on Oct. 11.", "market figure"),
        ("Allied earned $88 million in 1997.", "market figure"),
        ("The city hosted the Winter Olympics in 1984.", "no named subject"),
        ("The committee was given its present form in 1998.", "no named subject"),
        ("Gross domestic product shrank about 4 percent in 2001.", "no named subject"),
        ("The two were reunited under Jean-Pierre Boyer in 1820.", "no named subject"),
        ("The two countries signed a peace treaty in Algiers in December 2000.", "no named subject"),
        ("The minister opened the vaccination campaign on Monday.", "the story's own day"),
        ("The owners have pledged to inject fresh capital by the end of April.", "forecast"),
        ("By 1900 the city had some 350,000 inhabitants.", "head count"),
        ("The census of 1841 had recorded 8,175,124 people in Ireland.", "head count"),
        ("The mines produced about 460,000 tons of finished copper in 1985.", "market figure"),
        ("Johannes Gutenberg was born in Mainz around 1400.", "an approximate date"),
        ("A poor harvest in 1788 drove up the price of bread.", "the sentence does not say what it is about"),
        ("The change took effect on 6 September 1991.", "the sentence does not say what it is about"),
        ("Last year the airport handled fewer than 10 million passengers.", "market figure"),
        # Second of which, later than what: a subject that counts on something told before.
        ("A second well on the Reykjanes peninsula reached more than 4.6 km in 2017.", "no named subject"),
        ("A later attempt was abandoned in January 1975.", "no named subject"),
        ("Other powers extracted similar concessions in 1898.", "no named subject"),
        ("The island has been divided since 1974, when Turkey invaded the north.", "no named subject"),
    ],
)
def test_a_fact_not_worth_asking_is_left_out_with_its_reason(text, reason):
    assert asked(text)[0][1:] == (False, reason)


@pytest.mark.parametrize(
    "text",
    [
        "Ethiopia and Eritrea signed a peace treaty in Algiers in December 2000.",
        "An earthquake destroyed much of the old town of Gölcük on 17 August 1999.",
        "Voters approved the new constitution in a referendum in March 2019.",
        "Ethiopia and Eritrea fought a war from 1998 to 2000 over the town of Badme.",  # a range, no comparison
    ],
)
def test_an_event_with_an_actor_and_an_action_is_asked(text):
    assert asked(text)[0][1:] == (True, "")


def test_a_bare_city_in_a_news_story_is_the_dateline_city():
    text = "SARAJEVO, Aug 30 — Workers mended the post office.\nThe city hosted the Winter Olympics in 1984."
    document = Document(name="news.txt", title="Sarajevo rebuilds", text=text, published=PUBLISHED)
    facts, _ = extract_facts(document)
    assert [(fact.event, fact.asked) for fact in facts if fact.when == "1984"] == [
        ("Sarajevo hosted the Winter Olympics", True)
    ]


def test_a_bare_city_is_not_the_dateline_city_when_the_headline_names_another():
    text = "LAUSANNE, Oct 17 — The committee chose Barcelona.\nThe city hosted an exhibition in 1929."
    document = Document(name="news.txt", title="Barcelona wins the Games", text=text, published=PUBLISHED)
    facts, _ = extract_facts(document)
    assert [(fact.asked, fact.reason) for fact in facts if fact.when == "1929"] == [
        (False, "no named subject")
    ]


def test_a_bare_company_in_a_news_story_is_the_one_the_lead_is_about():
    text = (
        "OSLO, Nov 2 (Reuters) — Nordvik Shipping, a container carrier, said Thursday that its profit fell. "
        "The company, founded in 1904 by a whaling captain, bought its rival Kattegat Line in 2017."
    )
    facts, _ = extract_facts(Document(name="news.txt", title="News", text=text, published=PUBLISHED))
    assert [(fact.event, fact.asked) for fact in facts if fact.when == "2017"] == [
        ("Nordvik Shipping bought its rival Kattegat Line", True)
    ]


def test_a_dateline_in_any_latin_capitals_never_opens_an_event():
    text = "TURNU MĂGURELE, Romania — The bridge opened to traffic on 2 May 2024."
    facts, _ = extract_facts(Document(name="news.txt", title="News", text=text, published=PUBLISHED))
    assert [fact.event for fact in facts] == ["The bridge opened to traffic"]


def test_a_day_named_a_week_before_publication_is_still_asked():
    assert asked("The minister opened the vaccination campaign on May 7.")[0][1:] == (True, "")


def test_a_pronoun_never_stands_for_a_title_that_names_a_thing():
    text = "Henry VII founded the dynasty. His elder son, Arthur, had died in 1502."
    facts, _ = extract_facts(Document(name="tudor.txt", title="House of Tudor", text=text))
    assert "House of Tudor" not in " ".join(fact.event + fact.cloze for fact in facts)


def test_a_bare_subject_of_a_reference_text_is_what_the_text_is_about():
    text = "The canal was widened in 1907 to take larger ships."
    assert asked(text, published=None)[0][1:] == (True, "")


@pytest.mark.parametrize(
    ("text", "is_asked"),
    [
        # Which crew, which disease, which two powers? The title of an article of reference does not say.
        ("The crew splashed down in the Pacific on 24 July 1969.", False),
        ("The disease returned with far greater severity in 1848.", False),
        ("The two powers declared war on Russia in March 1854.", False),
        # Its "city" or "republic" is the one it is about.
        ("The city was rebuilt after the earthquake of 1755.", True),
        ("The republic was proclaimed from the balcony of the city hall on 5 October 1910.", True),
        # A capital names it: "the Asian financial crisis".
        ("The Asian financial crisis struck the region in 1997.", True),
        ("The machine was switched on in September 2008.", False),
    ],
)
def test_a_bare_subject_of_a_reference_text_is_asked_only_when_its_title_says_which(text, is_asked):
    [(_, was_asked, reason)] = asked(text, published=None)
    assert (was_asked, reason) == (is_asked, "" if is_asked else "no named subject")


def test_a_short_title_names_the_bare_noun_it_ends_with():
    text = "The outbreak began on 31 August 1854 near a pump in Broad Street."
    document = Document(name="cholera.txt", title="The Broad Street cholera outbreak", text=text)
    [fact] = extract_facts(document)[0]
    assert (fact.asked, fact.event) == (
        True,
        "The Broad Street cholera outbreak began near a pump in Broad Street",
    )


def test_an_inferred_publication_date_never_makes_a_past_event_a_forecast():
    text = "The canal was widened in 1907. Today it carries 30,000 ships. It was last closed on 3 June 1995."
    assert ("1907", True, "") in asked(text, published=None)


def test_a_sequel_is_asked_when_its_sentence_told_the_first():
    text = (
        "Residents backed division in a plebiscite in April 1982, and a second vote in May 1992 approved it."
    )
    assert asked(text, published=None)[1] == ("May 1992", True, "")


@pytest.mark.parametrize(
    ("title", "is_asked"),
    [
        # Which country: Italy or Ethiopia? An article about a battle or a war has two sides.
        ("Battle of Adwa", False),
        # An article about a country means that country.
        ("Ethiopia", True),
    ],
)
def test_the_country_of_an_article_about_a_war_is_not_said_to_be_either_side(title, is_asked):
    text = "Italy invaded Ethiopia in 1935. The country was liberated in 1941."
    facts, _ = extract_facts(Document(name="ref.txt", title=title, text=text))
    assert [(fact.asked, fact.reason) for fact in facts if fact.when == "1941"] == [
        (is_asked, "" if is_asked else "no named subject")
    ]


def test_the_treaty_of_an_article_named_after_it_is_that_treaty():
    text = "The treaty was translated into Maori overnight on 5 February 1840 by Henry Williams."
    facts, _ = extract_facts(Document(name="ref.txt", title="Treaty of Waitangi", text=text))
    assert [(fact.event, fact.asked) for fact in facts] == [
        ("The Treaty of Waitangi was translated into Maori overnight by Henry Williams", True)
    ]
