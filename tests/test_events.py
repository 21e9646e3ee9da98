from __future__ import annotations

import pytest

from quiz.content.events import BLANK, find_event
from quiz.content.parsing import Parse, Token, parse_sentences

# (sentence, date words, event text, cloze): the examples of the questions issue and others like them.
EVENTS = [
    (
        "Iran and Pakistan are mending relations after airstrikes a year ago, driven by shared concerns.",
        "a year ago",
        "",  # the airstrikes are too bare to ask about, and the mending is happening now
        "Iran and Pakistan are mending relations after airstrikes ____, driven by shared concerns",
    ),
    (
        "India had strongly condemned the October 2023 attacks in Israel.",
        "October 2023",
        "The attacks in Israel",
        "India had strongly condemned the ____ attacks in Israel",
    ),
    (
        "A dam on the river was finished in 1887, and a power station beside it opened the following year.",
        "1887",
        "A dam on the river was finished",
        "A dam on the river was finished in ____",
    ),
    (
        "A dam on the river was finished in 1887, and a power station beside it opened the following year.",
        "the following year",
        "A power station beside the dam opened",
        "A power station beside the dam opened ____",
    ),
    ("Work on the canal began in 1902 and lasted until 1914.", "1902", "Work on the canal began",
     "Work on the canal began in ____"),
    ("Work on the canal began in 1902 and lasted until 1914.", "1914", "Work on the canal ended",
     "Work on the canal lasted until ____"),
    ("The novel Dust, published in 1936, describes the drought.", "1936", "The novel Dust was published",
     "The novel Dust was published in ____"),
    (
        "The museum that was damaged in the 1999 earthquake has reopened, officials said.",
        "1999",
        "The museum was damaged in the earthquake",
        "The museum was damaged in the ____ earthquake",
    ),
    ("Founded in 1820, the company built the first railway.", "1820", "The company was founded",
     "The company was founded in ____"),
    ("When the war ended in 1945, the city was rebuilt.", "1945", "The war ended", "The war ended in ____"),
    ("The treaty that France signed in 1919 ended the war.", "1919", "France signed the treaty",
     "France signed the treaty in ____"),
    ("During the Cold War (1945–1991), both countries were part of the Western Bloc.", "1945–1991",
     "The Cold War", "During the Cold War (____), both countries were part of the Western Bloc"),
    ("The Meiji Constitution, promulgated on February 11, 1889, created an elected Diet, and the first "
     "general election followed in July 1890.", "July 1890", "The first general election followed",
     "The first general election followed in ____"),
    ("The Bank of England cut its main rate to 4.5 per cent on Thursday, its third cut in six months.",
     "Thursday", "The Bank of England cut its main rate to 4.5 per cent, its third cut in six months",
     "The Bank of England cut its main rate to 4.5 per cent on ____, its third cut in six months"),
    ("That 2000 agreement had allowed 4,000 companies to move data to the United States.", "2000", "",
     "The ____ agreement had allowed 4,000 companies to move data to the United States"),
    ("The 1999 earthquake killed 17,000 people.", "1999", "The earthquake killed 17,000 people",
     "The ____ earthquake killed 17,000 people"),
    ("Apollo hardware was reused for the Skylab space station, visited by three crews in 1973–74, and for "
     "the Apollo–Soyuz Test Project.", "1973–74", "The Skylab space station was visited by three crews",
     "The Skylab space station was visited by three crews in ____"),
    ("By Sunday afternoon, Biden was ahead by more than 40,000 votes.", "Sunday afternoon", "",
     "By ____, Biden was ahead by more than 40,000 votes"),
    ("The United States and Britain offered loans, but they withdrew the offer in July 1956.", "July 1956",
     "The United States and Britain withdrew the offer",
     "The United States and Britain withdrew the offer in ____"),
    ("Snow doubted this, and in 1849 he published a short essay on cholera.", "1849",
     "Snow published a short essay on cholera", "In ____ Snow published a short essay on cholera"),
    ("His grandson Wilhelm II opened the canal on 21 June 1895.", "21 June 1895",
     "Wilhelm II opened the canal", "Wilhelm II opened the canal on ____"),
    ("His first novel, Almayer's Folly, published in 1895, is set in Borneo.", "1895",
     "Almayer's Folly was published", "Almayer's Folly was published in ____"),
    ("On 2 December 1942 scientists at the University of Chicago achieved the first chain reaction.",
     "2 December 1942", "Scientists at the University of Chicago achieved the first chain reaction",
     "On ____ scientists at the University of Chicago achieved the first chain reaction"),
    ("A bomb thrown at a workers' rally on 4 May 1886, and the gunfire that followed, killed policemen.",
     "4 May 1886", "A bomb was thrown at a workers' rally", "A bomb was thrown at a workers' rally on ____"),
    ("Thirty-four men set off on 24 May 1921, and the winner, Bill Rowan, took nine hours.", "24 May 1921",
     "Thirty-four men set off", "Thirty-four men set off on ____"),
    ("Ghana, which in March 1957 became the first British colony in Africa to win independence, began "
     "pumping oil in December 2010.", "March 1957",
     "Ghana became the first British colony in Africa to win independence",
     "Ghana in ____ became the first British colony in Africa to win independence"),
    ("For example, in 1957 Sheehan founded the company.", "1957", "Sheehan founded the company",
     "In ____ Sheehan founded the company"),
    ("Joan was captured in 1430 and burned as a heretic at Rouen on 30 May 1431.", "30 May 1431",
     "Joan was burned as a heretic at Rouen", "Joan was burned as a heretic at Rouen on ____"),
    ("The English fleet destroyed a French navy at Sluys on 24 June 1340, and on 26 August 1346 Edward's "
     "army routed a larger French force at Crécy.", "24 June 1340",
     "The English fleet destroyed a French navy at Sluys",
     "The English fleet destroyed a French navy at Sluys on ____"),
    ("After the war ended, the city was rebuilt in 1950.", "1950", "The city was rebuilt",
     "The city was rebuilt in ____"),
    ("The delegates met at the Treaty of Paris, which was signed in 1783.", "1783",
     "The Treaty of Paris was signed", "The Treaty of Paris was signed in ____"),
    # A participle or relative of what a copula says its subject is belongs to the subject.
    ("The voyages were seven expeditions sent out by the Ming dynasty between 1405 and 1433.",
     "between 1405 and 1433", "The voyages were sent out by the Ming dynasty",
     "The voyages were sent out by the Ming dynasty between ____"),
    ("The Treaty of Waitangi (Māori: Te Tiriti o Waitangi) is a document first signed on 6 February 1840 by "
     "Captain William Hobson.", "6 February 1840", "The Treaty of Waitangi was first signed by Captain William Hobson",
     "The Treaty of Waitangi was first signed on ____ by Captain William Hobson"),
    ("The Apollo program was the third spaceflight program of NASA, which in 1969 landed two astronauts on the "
     "Moon.", "1969", "The Apollo program landed two astronauts on the Moon",
     "The Apollo program in ____ landed two astronauts on the Moon"),

    ("Especially the New York Central was formed in 1853.", "1853", "The New York Central was formed",
     "The New York Central was formed in ____"),
    # A part of a time goes with the date: not "... through much", "For much the sport was".
    ("For much of the 20th century the sport was closely identified with the Afrikaner establishment.",
     "the 20th century", "The sport was closely identified with the Afrikaner establishment",
     f"For much of the {BLANK} the sport was closely identified with the Afrikaner establishment"),
    ("Temperatures exceeded 40 degrees in many parts of the country during the first half of August.", "August",
     "Temperatures exceeded 40 degrees in many parts of the country",
     f"Temperatures exceeded 40 degrees in many parts of the country during the first half of {BLANK}"),
    # An option says it plainly: no "had" where the participle is the past tense, no "himself".
    ("In 1802 a French law had maintained slavery in the colonies.", "1802",
     "A French law maintained slavery in the colonies", f"In {BLANK} a French law had maintained slavery in the colonies"),
    ("Boukman himself was killed in November 1791.", "November 1791", "Boukman was killed",
     f"Boukman himself was killed in {BLANK}"),
    # The antecedent of "who" loses the word that tied it to the noun before: not "Later, the Lombards".
    ("People fled before the Huns and, later, the Lombards, who entered Italy in 568.", "568",
     "The Lombards entered Italy", "The Lombards entered Italy in ____"),
    # A joined verb that is only a past tense borrows no "was": not "Tresham was died in the Tower".
    ("Tresham was arrested on 12 November and died in the Tower on 23 December 1605.", "23 December 1605",
     "Tresham died in the Tower", "Tresham died in the Tower on ____"),
    # A state's years may be asked, but "What happened between 1825 and 1854?" has no event to answer.
    ("His younger brother, Kamehameha III, reigned from 1825 to 1854.", "from 1825 to 1854", "",
     "Kamehameha III reigned ____"),
    ("The Kingdom of Hawaii was a state that existed from 1795 until 1893.", "from 1795 until 1893", "",
     "The Kingdom of Hawaii existed ____"),
    # "him" of a possessive of the subject: Toussaint.
    ("Toussaint's constitution of July 1801 made him governor for life.", "July 1801",
     "Toussaint's constitution made him governor for life", "Toussaint's constitution of ____ made him governor for life"),
]  # fmt: skip


def event_of(sentence: str, when: str, others: tuple[str, ...] = ()):
    parse = parse_sentences([sentence])[0]
    start = sentence.index(when)
    ranges = [(sentence.index(other), sentence.index(other) + len(other)) for other in others]
    return find_event(parse, start, start + len(when), ranges)


@pytest.mark.parametrize(("sentence", "when", "event", "cloze"), EVENTS)
def test_find_event_names_the_event_its_date_belongs_to(sentence, when, event, cloze):
    others = tuple(other for _, other, *_ in EVENTS if other != when and other in sentence)
    found = event_of(sentence, when, others)
    assert (found.text, found.cloze) == (event, cloze)


@pytest.mark.parametrize(
    ("sentence", "when", "reason"),
    [
        ("Iran aided Pakistan in the Indo-Pakistani War of 1965.", "1965", "date inside a name"),
        # "him" is not Madero, and nobody else is named before it.
        (
            "Francisco I. Madero, a wealthy landowner from Coahuila, challenged him in the election of June 1910.",
            "June 1910",
            "pronoun without antecedent",
        ),
        ("Edinburgh staged them in 1970.", "1970", "pronoun without antecedent"),
        # A name the parser left hanging off the first clause, cut off from its own.
        (
            "Italy under Benito Mussolini invaded Ethiopia again on 3 October 1935, partly to avenge the defeat,"
            " and occupied Addis Ababa on 5 May 1936; the country was liberated in 1941, and Haile Selassie"
            " re-entered his capital on 5 May of that year.",
            "3 October 1935",
            "a clause the parser could not read",
        ),
        # The parser made "the Qing foreign office" an apposition of the minister: with the clause of
        # "while" cut, it would follow "the street".
        (
            "On 20 June the German minister, Clemens von Ketteler, was shot dead in the street while on his"
            " way to the Zongli Yamen, the Qing foreign office, and on the following day, 21 June 1900, Cixi"
            " issued an edict declaring war on the foreign powers.",
            "20 June",
            "a clause the parser could not read",
        ),
        (
            "It was closed from 1940 to 1945 after the flood.",
            "from 1940 to 1945",
            "pronoun without antecedent",
        ),
        (
            "Greenspan has headed the Fed since 1987.",
            "1987",
            "the clause is a state since the date, not an event of it",
        ),
        (
            "President Trump had held a narrowing lead in the state until Friday.",
            "Friday",
            "the clause is a state until the date, not an event of it",
        ),
        (
            "A tennis court in the Tuileries garden built in the 19th century now holds the show.",
            "the 19th century",
            "the participle may belong to another noun",
        ),
        (
            "Many cities marked Christmas Eve under heavy police presence.",
            "Christmas Eve",
            "the date is what the verb is about, not when it happened",
        ),
        (
            "Born in Krakow, Poland, on March 3, 1936, Ms. Kowalczyk emigrated with her parents as a girl.",
            "March 3, 1936",
            "the date may belong to the opening participle",
        ),
        (
            "The jet was grounded worldwide after two crashes that killed 346 people, the second of them in "
            "March 2019.",
            "March 2019",
            "the date belongs to an aside",
        ),
        (
            "The religious settlement of 1559 re-established a Protestant church, while the theatre flourished.",
            "1559",
            "the parser split a word",
        ),
        (
            "The caissons at Ouwerkerk now house a museum about the flood, which opened in 2001.",
            "2001",
            "the relative clause may belong to another noun",
        ),
        (
            "Spain recognised the Dutch Republic in the Peace of Münster, signed on 30 January 1648.",
            "30 January 1648",
            "the participle may belong to another noun",
        ),
        (
            "The United States Army built Fort Dearborn there in 1803.",
            "1803",
            "pronoun without antecedent",
        ),
        (
            "One was restored around 500 BC by the Persian king Darius.",
            "500 BC",
            "pronoun without antecedent",
        ),
        (
            "The English fleet destroyed a French navy at Sluys on 24 June 1340, and on 26 August 1346 "
            "Edward's army, relying heavily on longbowmen, routed a much larger French force at Crécy.",
            "26 August 1346",
            "the parser joined the date to the next noun",
        ),
        (
            "In the Soviet period the line was double-tracked and electrified, a process finished in 2002.",
            "2002",
            "a clause the parser could not read",
        ),
        (
            "Passenger numbers have still not recovered to the levels of 2019.",
            "2019",
            "a negated clause, not an event",
        ),
        (
            "Chairman Robert Ellison expected loan demand to recover by mid-1992.",
            "mid-1992",
            "an intention or expectation, not an event",
        ),
    ],
)
def test_find_event_asks_no_event_question_where_it_is_not_sure(sentence, when, reason):
    found = event_of(sentence, when)
    assert found.text == ""
    assert found.reason == reason


def test_find_event_asks_nothing_when_two_dates_hang_on_one_word():
    sentence = (
        "A year ago, an early storm stranded about 300 lorries on the Ladakh side, and two years ago the "
        "army began stocking winter supplies."
    )
    found = event_of(sentence, "A year ago", others=("two years ago",))
    assert (found.text, found.cloze, found.reason) == ("", "", "another date modifies the same word")


def test_find_event_reads_a_date_said_twice_as_one():
    sentence = "Hurricane Andrew devastated south Dade County on Aug. 24, 1992, two years ago."
    found = event_of(sentence, "Aug. 24, 1992", others=("two years ago",))
    assert found.text == "Hurricane Andrew devastated south Dade County"


class Before:
    """The context of a sentence: what its pronouns stand for, and the names of its bare nouns."""

    def __init__(self, antecedent: str | None = None, names: dict[str, str] | None = None) -> None:
        self.subject = antecedent
        self.names = names or {}

    def antecedent(self, kind: str) -> str | None:
        return self.subject if kind == "singular" else None

    def named(self, noun: str) -> str | None:
        return self.names.get(noun)


@pytest.mark.parametrize(
    ("sentence", "when", "whole"),
    [
        # A date said without a preposition gets one before its blank.
        (
            "Passenger services were extended to the capital Dodoma the following month.",
            "the following month",
            f"Passenger services were extended to the capital Dodoma in {BLANK}",
        ),
        (
            "After a long debate, the first signatures were added the next day in a marquee on the lawn.",
            "the next day",
            f"After a long debate, the first signatures were added on {BLANK} in a marquee on the lawn",
        ),
        (
            "An agreement signed in October 1954 provided for the evacuation of British troops, the last "
            "of whom left on 13 June 1956.",
            "13 June 1956",
            "An agreement signed in October 1954 provided for the evacuation of British troops, the last "
            f"of whom left on {BLANK}",
        ),
        (
            "The Convention of Constantinople, signed on 29 October 1888, declared the canal open to all.",
            "29 October 1888",
            f"The Convention of Constantinople, signed on {BLANK}, declared the canal open to all",
        ),
        ("In the 8th century the city was taken by the Moors.", "the 8th century",
         f"In the {BLANK} the city was taken by the Moors"),
    ],
)  # fmt: skip
def test_find_event_blanks_the_date_in_the_whole_sentence(sentence, when, whole):
    assert event_of(sentence, when).sentence_cloze == whole


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        # "it" stands for something an earlier sentence named
        ("Known as Constantinople, it became the seat of the empire after Rome fell in the 5th century.",
         "the 5th century"),
        ('The museum reopened in 2001, "a great day for the town," the mayor said.', "2001"),
        ("The museum reopened in 2001, the mayor said.", "2001"),
        # The sentence is about "the machine": which one? The dated clause names its own subject.
        ("The machine, which cost 10 billion Swiss francs, occupies the tunnel once used by the Large "
         "Electron-Positron collider, which ran from 1989 to 2000.", "from 1989 to 2000"),
    ],
)  # fmt: skip
def test_find_event_keeps_to_the_clause_when_the_sentence_needs_more(sentence, when):
    assert event_of(sentence, when, others=()).sentence_cloze == ""


def test_find_event_borrows_no_passive_for_a_verb_with_an_object():
    sentence = "Vasa was elected king of Sweden on 6 June 1523 and captured Stockholm in July 1523."

    assert event_of(sentence, "July 1523", ("6 June 1523",)).text == "Vasa captured Stockholm"


def test_find_event_borrows_a_passive_only_for_a_participle():
    sentence = "The 2014 Games were judged a success and came a few weeks before the referendum in September."

    assert (
        event_of(sentence, "September", ("2014",)).cloze
        == f"The Games came a few weeks before the referendum in {BLANK}"
    )


def test_find_event_says_no_event_of_a_participle_whose_date_may_be_the_verb_befores():
    found = event_of("The empire was conquered by Spanish forces led by Francisco Pizarro in 1572.", "1572")

    assert found.text == ""
    assert (
        found.sentence_cloze
        == f"The empire was conquered by Spanish forces led by Francisco Pizarro in {BLANK}"
    )


def test_find_event_drops_the_subject_the_parser_joined_to_the_clause_before():
    sentence = (
        "Vilcabamba was captured in 1572 by forces sent by the viceroy Francisco de Toledo, and the last "
        "Inca ruler, Túpac Amaru, was beheaded in Cusco on 24 September of that year."
    )

    found = event_of(sentence, "1572", ("24 September of that year",))

    assert found.text == "Vilcabamba was captured by forces sent by the viceroy Francisco de Toledo"


def test_find_event_says_no_event_of_a_relative_clause_at_the_end_of_another_verbs_object():
    sentence = "Catherine the Great began the art collection that became the Hermitage in 1764."

    found = event_of(sentence, "1764")

    assert (found.text, found.sentence_cloze) == (
        "",
        f"Catherine the Great began the art collection that became the Hermitage in {BLANK}",
    )


def test_find_event_says_no_event_where_the_parser_read_two_sentences():
    sentence = (
        "In 1985 the building was inscribed on the UNESCO World Heritage List as part of the Historic Areas."
    )

    assert event_of(sentence, "1985").text == ""


@pytest.mark.parametrize(
    ("sentence", "when", "others"),
    [
        # the parser joined "formed" to "divided": it is the Catholic League's
        ("By 1600 the empire was divided between the Protestant Union and the Catholic League, formed the "
         "following year.", "the following year", ("1600",)),
        # "who" is the engineer's, not "charge"'s
        ("The cut was renamed in honour of David Gaillard, the engineer in charge of the excavation, who had "
         "died in 1913.", "1913", ()),
        # "signed in Rome" is the accord's, not the civil war's
        ("The community brokered the accord that ended Mozambique's civil war, signed in Rome on 4 October "
         "1992.", "4 October 1992", ()),
    ],
)  # fmt: skip
def test_find_event_says_no_event_of_a_clause_that_may_belong_to_another_noun(sentence, when, others):
    assert event_of(sentence, when, others).text == ""


def test_find_event_says_no_event_of_what_someone_had_done():
    found = event_of("Aurangzeb had his elder brother Dara Shikoh executed in 1659.", "1659")

    assert found.text == ""  # "Dara Shikoh executed" says he did it
    assert found.sentence_cloze.startswith("Aurangzeb had")


def test_find_event_asks_nothing_of_a_participle_read_as_a_clause():
    found = event_of(
        "A Northern Expedition sent against Beijing in 1853 was destroyed in 1855.", "1853", ("1855",)
    )

    assert (found.text, found.cloze) == ("", "")


def event_in_context(sentence: str, when: str, context: Before):
    parse = parse_sentences([sentence])[0]
    start = sentence.index(when)
    return find_event(parse, start, start + len(when), context=context)


def test_find_event_resolves_a_pronoun_from_its_context():
    sentence = "It was closed from 1940 to 1945 after the flood."
    found = event_in_context(sentence, "from 1940 to 1945", Before("the ferry service"))
    assert found.text == "The ferry service was closed after the flood"


def test_find_event_gives_a_participle_of_an_aside_after_the_attribute_not_to_the_subject():
    sentence = (
        "The dam, which took seven years to build, is the largest single work of the Badajoz Plan, "
        "the development programme approved in 1952 to resettle landless labourers."
    )
    assert not event_of(sentence, "1952").text.startswith("The dam")


def test_find_event_asks_nothing_of_an_aside_the_parser_read_as_the_verb():
    sentence = (
        "The war in the north began in 1845, and a series of wars in the North Island, fought mainly "
        "between 1860 and 1872, was followed by the confiscation of land."
    )
    found = event_of(sentence, "between 1860 and 1872", ("1845",))
    assert (found.cloze, found.reason) == ("", "a clause the parser could not read")


def test_find_event_says_no_event_of_a_relative_after_one_of_an_apposition():
    sentence = (
        "The report also addressed an unexpected rise in emissions of CFC-11, one of the banned gases, "
        "which scientists detected in 2018 and traced largely to eastern China."
    )
    found = event_of(sentence, "2018")
    assert (found.text, found.reason) == ("", "the relative clause may belong to another noun")


def test_find_event_leaves_a_pronoun_after_a_subject_of_its_own_sentence_unresolved():
    sentence = "A sister settlement, Tlatelolco, was founded nearby; it was absorbed by Tenochtitlan in 1473."
    found = event_in_context(sentence, "1473", Before("the image"))
    assert (found.cloze, found.reason) == ("", "the pronoun may point to a noun of its own sentence")


def test_find_event_leaves_a_pronoun_in_reported_speech_to_its_speaker():
    sentence = "He was born in 1901, the director said."
    found = event_in_context(sentence, "1901", Before("the director"))
    assert (found.text, found.reason) == ("", "pronoun in reported speech")


def test_find_event_names_a_bare_noun_as_the_document_did_before():
    sentence = "The canal was widened in 1907."
    found = event_in_context(sentence, "1907", Before(names={"canal": "the Kiel Canal"}))
    assert (found.text, found.cloze) == ("The Kiel Canal was widened", "The Kiel Canal was widened in ____")


def test_find_event_reads_a_parse_written_by_hand():
    def token(i, text, start, dep, head, pos, tag="", lemma=""):
        return Token(i, text, start, start + len(text), " ", lemma or text.lower(), tag, pos, dep, head)

    parse = Parse(
        "Rome fell in 476.",
        (
            token(0, "Rome", 0, "nsubj", 1, "PROPN", "NNP"),
            token(1, "fell", 5, "ROOT", 1, "VERB", "VBD", "fall"),
            token(2, "in", 10, "prep", 1, "ADP", "IN"),
            Token(3, "476", 13, 16, "", "476", "CD", "NUM", "pobj", 2),
            token(4, ".", 16, "punct", 1, "PUNCT", "."),
        ),
    )
    found = find_event(parse, 13, 16)
    # Two words are too few for "What happened in 476?", but enough for the date question.
    assert (found.text, found.cloze, found.verb) == ("", f"Rome fell in {BLANK}", "fall")
    assert found.reason == "the event is too short to ask about"
