"""Find the event a date belongs to, from a dependency parse, and word it without the date.

A date modifies one verb or one noun. "was finished in 1887" dates the verb: the event is that verb's
clause. "the 1999 earthquake" and "airstrikes a year ago" date the noun: the event is the noun phrase,
or the clause around it when the noun is its subject or sets its time ("damaged in the 1999 earthquake").
Clauses and phrases that hold other dates are left out, a clause without a subject borrows the subject of
the clause it is joined to, and a participle or relative clause is said as a sentence of its own ("The
novel Dust was published"). Where none of this is certain, the event is empty and `reason` says why.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from quiz.content.parsing import Parse, Token

BLANK = "____"

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# Arcs of a clause that states another event: left out of this date's event when they hold another date.
CLAUSE_DEPS = frozenset({"conj", "advcl", "ccomp", "parataxis", "relcl", "acl", "xcomp"})
# Words that tie a subordinate clause to its main clause: "when", "after", "that".
LINK_DEPS = frozenset({"mark", "cc", "preconj"})
# Prepositions that put a clause at the time of the dated noun they take: "damaged in the 1999 earthquake".
AT_THE_TIME_OF = frozenset({"in", "during", "at", "amid", "amidst", "throughout"})
# Words that tie a sentence to the one before it and mean nothing on their own.
DISCOURSE = frozenset(
    """
    however meanwhile nevertheless nonetheless moreover furthermore instead thus therefore hence
    subsequently consequently accordingly indeed thereafter afterwards later then especially notably
    particularly
    """.split()
)
# Of those, the ones a sentence said on its own can lose without changing what it says: "Meanwhile".
TIES = frozenset("however meanwhile nevertheless nonetheless moreover furthermore instead".split())
OPENING_JOINTS = frozenset({"but", "and", "yet", "so"})
# Verbs that last until a date: "lasted until 1914" means the thing ended in 1914.
DURATIVE = frozenset({"last", "continue", "remain", "run", "stay", "persist", "go"})
UNTIL = frozenset({"until", "till", "through"})
# "has headed the Fed since 1987": the clause is a state that began then, not an event of that date.
STATE_FROM = frozenset({"since"})
STATE_REASON = "the clause is a state since the date, not an event of it"
# Pronouns that point outside the sentence, and the kind of antecedent each needs.
PRONOUNS = {
    "it": "singular", "its": "singular", "he": "person", "him": "person", "his": "person",
    "she": "person", "her": "person", "they": "plural", "them": "plural", "their": "plural",
    "this": "unknown", "that": "unknown", "these": "unknown", "those": "unknown",
    "we": "unknown", "us": "unknown", "our": "unknown", "i": "unknown", "my": "unknown", "you": "unknown",
    "one": "unknown",  # "One was restored around 500 BC": one of what?
}  # fmt: skip
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
# Noun phrases that mean the two parties a document is about.
PAIRS = frozenset({"the two countries", "both countries", "the two sides", "both sides", "the two nations"})
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
QUOTES = frozenset('"“”')
VERBAL = frozenset({"VERB", "AUX"})
NOMINAL = frozenset({"NOUN", "PROPN", "NUM", "PRON"})
# "in addition", "on the contrary": a prepositional phrase that only links to the sentence before.
LINKING_PHRASES = frozenset({"addition", "contrast", "particular", "turn", "example", "instance"})
# Verbs of saying: what they govern is somebody's words, and its pronouns are the speaker's.
REPORTING = frozenset({"say", "tell", "add", "write", "recall", "explain", "note", "insist", "argue"})
# Prepositions after which a noun's date is not the clause's: "stepped up talks after the 2021 return".
TIME_RELATIONS = frozenset({"after", "before", "since", "following", "until", "till", "prior"})
# Nouns of time: a date that is one of them is adverbial even when parsed as an object ("opened the
# following year"); any other date that is the verb's subject or object is an argument ("marked Christmas").
# Words for a part of a time: "much of the 1990s", "the first half of 2003", "the end of the war".
PARTS = frozenset("much most part half end start beginning middle rest remainder course bulk close".split())
INTENSIVES = frozenset({"himself", "herself", "itself", "themselves"})
DAY_WORDS = frozenset(
    "day morning evening night afternoon monday tuesday wednesday thursday friday saturday sunday".split()
)
TIME_NOUNS = frozenset(
    "year years month months day days decade decades century centuries week weeks morning evening night"
    " afternoon today tonight yesterday tomorrow ago monday tuesday wednesday thursday friday saturday"
    " sunday".split()
)
ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "dative"})
# Words that make a clause an embedded question ("show how the elite lived"), not an event.
QUESTION_WORDS = frozenset({"how", "why", "whether", "what"})
# Verbs whose date is a value they give, not when they happened: "pottery has been dated to 300 BC".
VALUE_VERBS = frozenset({"date"})
FUTURE_MODALS = frozenset({"will", "shall", "would", "could", "might", "may"})
# Verbs whose bare participle after a noun is far more often the past tense of a clause of its own:
# "the first general election followed in July 1890", never "the election (was) followed".
INTRANSITIVE = frozenset({"follow", "come", "happen", "occur", "arrive", "die", "last", "fall", "rise"})
BARE_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
DEFINITE = BARE_DETERMINERS - {"a", "an"}  # "a fire destroyed the library" tells of a fire of its own
# Nouns that in an article of reference almost always mean the one its title is about: "the city" of
# "History of Lisbon", "the government" of "Meiji Restoration". In news, which city? A headline rarely says.
TITLE_KINDS = frozenset(
    """
    city town capital village country countries nation state province region island port river pass
    colony empire kingdom republic settlement government regime monarchy king queen emperor ruler family
    site
    """.split()
)
# Figures of an economy said without whose: "Gross domestic product shrank", "inflation exceeded".
MEASURES = frozenset(
    {"gross domestic product", "gdp", "inflation", "unemployment", "output", "exports", "imports", "growth"}
)
# Nouns of other things that have names: bare, "the committee" or "the crew" leaves a student asking which.
NAMED_KINDS = TITLE_KINDS | frozenset(
    """
    company firm group bank carrier airline agency committee council ministry party court team squad
    club games dynasty army armies navy fleet crew expedition mission powers allies rivals victor
    excavation dig disease epidemic outbreak economy machine computer device treaty match project
    programme program scheme plan attempt well data plant station reactor ship vessel
    """.split()
)
# Words that make a subject one of several told of before: "A second well", "a later attempt", "Other
# powers extracted similar concessions". Second after which? Later than what?
SEQUEL_WORDS = frozenset(
    "second third fourth later earlier another other similar next further former latter".split()
)
# Verbs of a state: the years of "existed from 1795 until 1893" may be asked, but "What happened between
# 1795 and 1893? The Kingdom of Hawaii existed" asks for no event.
STATE_VERBS = frozenset({"be", "exist", "reign", "live"})  # not "rule": "the court ruled"
# Pronouns as objects: never the subject of their own clause ("Madero challenged him": not Madero).
OBJECT_PRONOUNS = frozenset({"him", "her", "them"})
CAUSATIVES = frozenset({"have", "get", "see", "make", "watch", "hear", "let"})  # "had him executed"
MIN_WORDS = 3  # an event of fewer words ("Rome fell") is too bare for "What happened in 476?"
MAX_SENTENCE_WORDS = 40  # a longer sentence is asked through its clause alone
# Words that point outside the sentence when nothing before them in it could be what they stand for.
POINTERS = frozenset(word for word, kind in PRONOUNS.items() if word != "one") | {"there"}
# Nouns that name events: a date phrase after one of them may date the noun ("the attacks in October
# 2023"). After any other object ("established relations on 14 August 1947") it dates the verb, whatever
# the parser attached it to.
EVENT_NOUNS = frozenset(
    """
    attack assault bombing strike airstrike raid invasion war battle siege conflict clash fighting
    uprising revolt rebellion revolution coup massacre genocide riot protest election referendum vote
    earthquake quake tsunami flood cyclone hurricane typhoon storm drought famine fire eruption epidemic
    pandemic outbreak crash collapse explosion blast disaster accident crisis recession partition
    independence treaty accord agreement ceasefire summit visit meeting talks election inauguration
    coronation assassination death funeral marriage wedding birth founding launch landing withdrawal
    """.split()
)


@dataclass(frozen=True)
class Event:
    """What a date of a sentence dates, as students will read it."""

    text: str  # the event without its date ("" when it cannot be said cleanly)
    cloze: str  # the event's clause with the date blanked ("" when no date question can be asked)
    reason: str = ""  # why `cloze` (or else `text`) is empty
    verb: str = ""  # the lemma of the verb the date modifies, or of the clause around its noun
    governor: str = ""  # the lemma of the word the date modifies
    kind: str = "clause"  # "clause", "noun" or "name"
    clause_words: tuple[str, ...] = ()  # lower-case words of the dated clause, for the worth rules
    future: bool = False  # the dated verb has a modal of the future ("will", "could")
    preposition: str = ""  # the preposition before the date: "in", "since", "from"
    present: bool = False  # a state, not an event: "remains", "is taught", "was still running"
    unnamed: str = ""  # the noun of a bare subject that nothing names: "city" of "the city"
    sentence_cloze: str = ""  # the whole sentence with the date blanked, when it reads on its own
    cut: bool = False  # another date's phrase was cut out of the clause ("spent much [of the 1430s]")


class _Unsure(Exception):
    """The clause cannot be said on its own; the message is the reason."""


class Context(Protocol):
    """What the sentences before a date's sentence say, for the words that point back to them."""

    def antecedent(self, kind: str) -> str | None:
        """Return the noun phrase a pronoun of this kind ("singular", "person", ...) stands for."""

    def named(self, noun: str) -> str | None:
        """Return the name an earlier sentence gave a bare noun: "the canal" -> "the Kiel Canal"."""

    def pair(self) -> str | None:
        """Return the two the document is about, for "the two countries": "Iran and Pakistan"."""


def find_event(
    parse: Parse,
    start: int,
    end: int,
    others: Sequence[tuple[int, int]] = (),
    context: Context | None = None,
    after: int = 0,
) -> Event:
    """Return the event that the date at characters `start`..`end` belongs to.

    `others` are the other dates of the sentence; words before character `after` (a dateline) are
    never part of an event.
    """
    date = set(parse.covering(start, end))
    if not date:
        return Event("", "", reason="not found in the parse")
    other_dates = {index for first, last in others for index in parse.covering(first, last)} - date
    prefix = {token.i for token in parse.tokens if token.end <= after}
    return _Finder(parse, date, other_dates, context, prefix).event()


class _Finder:
    def __init__(
        self, parse: Parse, date: set[int], others: set[int], context: Context | None, prefix: set[int]
    ) -> None:
        self.parse = parse
        self.prefix = prefix  # a dateline's words
        self.tokens = parse.tokens
        self.date = date
        self.others = others
        self.context = context
        self.dropped: set[int] = set()  # words said by a replacement of the word before them
        self.orphan = self._orphan_preposition()  # "On [2 December 1942] scientists": an empty "On"
        self.phrase = self._date_phrase()  # the date with its preposition: "in 1887"
        self.replace: dict[int, str] = {}  # words said otherwise: a pronoun by its antecedent
        self.lower_first = False
        self.bracketed = False  # set by event(): "the Cold War (1945–1991)"
        self.removed: dict[int, set[int]] = {}  # _other_clauses by root, computed once each
        self.phrases_cut: dict[int, bool] = {}  # whether _other_clauses cut another date's phrase out
        self.preposition = next(
            (self.tokens[i].lower for i in sorted(self.phrase) if self.tokens[i].dep == "prep"), ""
        )

    # The attachment ---------------------------------------------------------------------------

    def _date_phrase(self) -> set[int]:
        phrase = set(self.date)
        for index in list(self.date):
            token = self.tokens[index]
            head = self.tokens[token.head]
            if token.head not in phrase and token.dep in {"pobj", "pcomp"} and head.pos in {"ADP", "SCONJ"}:
                phrase |= self.parse.subtree(head.i)
                phrase |= self._part_of(head)
        # A date may govern words of its own ("1887, the year of the flood", "Sunday's"): they go with it.
        for index in list(phrase):
            phrase |= self.parse.subtree(index) - self.others
        after = max(phrase) + 1
        if after < len(self.tokens) and self.tokens[after].lower in {"onward", "onwards"}:
            phrase.add(after)  # "from the 17th century onward"
        if self.orphan is not None:
            phrase.add(self.orphan.i)
        return phrase

    def _part_of(self, of: Token) -> set[int]:
        """Return the phrase of a part the date's "of" hangs on: "through much [of the 1990s]", "during
        the first half [of 2003]". Without the date the part would say nothing."""
        part = self.tokens[of.head]
        above = self.tokens[part.head]
        if of.lower != "of" or part.lemma.lower() not in PARTS or part.dep != "pobj" or above.pos != "ADP":
            return set()
        return self.parse.subtree(above.i)

    def _orphan_preposition(self) -> Token | None:
        """Return the preposition before the date that the parser left without an object.

        In "On 2 December 1942 scientists achieved ..." parsers read "2 December 1942 scientists" as
        one noun phrase and leave "On" empty; the date is its object, and dates the verb "On" hangs on.
        """
        before = min(self.date) - 1
        if before < 0:
            return None
        token = self.tokens[before]
        empty = not any(c.dep in {"pobj", "pcomp"} for c in self.parse.children(token.i))
        return token if token.pos == "ADP" and token.dep == "prep" and empty else None

    def _possessive(self) -> bool:
        """Tell whether the date is a possessive: "Sunday's ceremony" (said "the ceremony" without it)."""
        return any(self.tokens[i].dep == "poss" for i in self.date)

    def _governor(self) -> Token | None:
        if self.orphan is not None:
            return self.tokens[self.orphan.head]
        heads = {self.tokens[i].head for i in self.phrase if self.tokens[i].head not in self.phrase}
        if len(heads) != 1:
            return None
        return self.tokens[heads.pop()]

    def event(self) -> Event:
        governor = self._governor()
        if governor is None:
            return Event("", "", reason="no word the date modifies")
        if governor.i in self.others:  # "raised in 1912 and 1933": one phrase, two dates
            return Event("", "", reason="shares its phrase with another date")
        self._take_appositive(governor)
        if _swallowed(self.parse, self.date):  # "on 26 August 1346 Edward's army, ..., routed"
            return Event(
                "", "", reason="the parser joined the date to the next noun", governor=governor.lemma
            )
        # "two crashes, the second of them in 2019"
        if governor.dep == "appos" and governor.pos not in VERBAL:
            return Event("", "", reason="the date belongs to an aside", governor=governor.lemma)
        if self._shares_its_word(governor):
            return Event("", "", reason="another date modifies the same word", governor=governor.lemma)
        if self._after_opening_participle(governor):
            return Event(
                "", "", reason="the date may belong to the opening participle", governor=governor.lemma
            )
        self.bracketed = self._in_brackets()
        if governor.pos == "PROPN" and not self.bracketed:
            return Event("", "", reason="date inside a name", governor=governor.lemma, kind="name")
        if governor.pos in NOMINAL:
            if not self._dates_the_verb(governor):
                return self._noun_event(governor)
            while governor.pos not in VERBAL and governor.head != governor.i:
                governor = self.tokens[governor.head]
            self._take_appositive(governor)
        clause = self._clause_of(governor)
        if clause is None:
            return Event("", "", reason="no clause the date belongs to", governor=governor.lemma)
        found = self._clause_event(clause, governor)
        if found.text and self._split_by_the_parser(clause):
            # "In 1985 the building was inscribed on the UNESCO [World Heritage List ...]", read as two
            # sentences: the clause stops in the middle of a name. The whole sentence can still be asked.
            return replace(found, text="", reason="the parser split the sentence")
        return found

    def _split_by_the_parser(self, verb: Token) -> bool:
        """Tell whether the parser read a second sentence after the dated clause."""
        roots = [token for token in self.tokens if token.dep == "ROOT" and token.pos != "PUNCT"]
        return len(roots) > 1 and any(root.i > max(self.parse.subtree(verb.i)) for root in roots)

    def _take_appositive(self, governor: Token) -> None:
        """Count "on 14 August 1947, the day of independence," as part of the date phrase."""
        comma = max(self.phrase) + 1
        if comma + 1 >= len(self.tokens) or self.tokens[comma].text != ",":
            return
        for child in self.parse.children(governor.i):
            below = self.parse.subtree(child.i)
            if child.dep in {"npadvmod", "appos"} and min(below) == comma + 1 and not below & self.others:
                self.phrase |= below | {comma}

    def _shares_its_word(self, governor: Token) -> bool:
        """Tell whether another date hangs on the same word: "A year ago, a storm ..., and two years ago
        the army began", which the parser attached both to "began"."""
        if any(self._gapped(child) for child in self.parse.children(governor.i)):
            return False  # "His mother died in 1865 and his father in 1869": one date each
        for index in self.others - self.phrase:
            token = self.tokens[index]
            head = self.tokens[token.head]
            if token.head in self.others or token.head == index or self._beside(index):
                continue  # "on July 5 last year", "on Aug. 24, 1992, two years ago": one date said twice
            if token.dep in {"pobj", "pcomp"} and head.pos in {"ADP", "SCONJ"}:
                head = self.tokens[head.head]
            if head.i == governor.i:
                return True
        return False

    def _beside(self, index: int) -> bool:
        """Tell whether the other date holding a word touches this date's phrase, or only a comma apart."""
        run = self._run_of(index)
        return min(run) - max(self.phrase) in {1, 2} or min(self.phrase) - max(run) in {1, 2}

    def _after_opening_participle(self, verb: Token) -> bool:
        """Tell whether the date stands between an opening participle and the subject it describes.

        In "Born in Krakow on March 3, 1936, Ms. Kowalczyk emigrated" parsers hang the date on
        "emigrated", but it is the birth's.
        """
        if verb.pos not in VERBAL:
            return False
        children = self.parse.children(verb.i)
        opening = next(
            (
                c
                for c in children
                if c.dep == "advcl" and c.tag in {"VBN", "VBG"} and min(self.parse.subtree(c.i)) == 0
            ),
            None,
        )
        subject = next((c for c in children if c.dep in SUBJECT_DEPS), None)
        if opening is None or subject is None:
            return False
        return max(self.parse.subtree(opening.i)) < min(self.phrase) and max(self.phrase) < min(
            self.parse.subtree(subject.i)
        )

    def _in_brackets(self) -> bool:
        """Tell whether the date stands in brackets after a name: "the Cold War (1945–1991)"."""
        first, last = min(self.phrase), max(self.phrase)
        return (
            first > 0
            and last + 1 < len(self.tokens)
            and self.tokens[first - 1].text == "("
            and self.tokens[last + 1].text == ")"
        )

    def _names_a_period(self) -> bool:
        """Tell whether the date is a decade or a century, whose answer is said without its "the"."""
        last = self.tokens[max(self.date)]
        return last.lower in {"century", "centuries"} or bool(re.fullmatch(r"\d+0'?s", last.lower))

    def _premodifier(self) -> bool:
        """Tell whether the date stands before the noun it modifies: "the 1970s operation"."""
        last = max(self.date)
        head = self.tokens[self.tokens[last].head]
        return head.i > last and head.i not in self.date and head.pos in {"NOUN", "PROPN"}

    def _dates_the_verb(self, noun: Token) -> bool:
        """Tell whether a date phrase after an object dates its verb: "established relations on 14 May".

        Parsers often hang a date phrase on the noun before it. Unless that noun names an event
        ("the attacks in October 2023"), or the noun phrase sits after "after" or "before", the
        date is when the verb happened.
        """
        top = self.tokens[min(self.phrase)]
        if self.bracketed or top.dep != "prep" or top.i < noun.i or noun.lemma.lower() in EVENT_NOUNS:
            return False
        token = noun
        while token.dep in {"pobj", "prep", "compound", "appos", "conj"} and token.head != token.i:
            token = self.tokens[token.head]
            if token.dep == "prep" and token.lower in TIME_RELATIONS:
                return False
        return token.dep in {"dobj", "attr", "oprd", "dative"} and self.tokens[token.head].pos in VERBAL

    def _clause_of(self, token: Token) -> Token | None:
        """Return the verb whose clause holds a word: the word itself, or its nearest verb above."""
        for candidate in (token, *self.parse.ancestors(token.i)):
            if candidate.pos in VERBAL and candidate.dep != "prep":  # not "Following the revolution"
                return self._climb(candidate)
        return None

    def _climb(self, verb: Token) -> Token:
        # "agreed to withdraw by 1989": the event is the agreement, said whole.
        while verb.dep == "xcomp" and verb.head != verb.i:
            verb = self.tokens[verb.head]
        return verb

    # Events of nouns --------------------------------------------------------------------------

    def _noun_event(self, noun: Token) -> Event:
        if (
            noun.dep == "conj"
            and noun.pos in {"NOUN", "PROPN"}
            and self.tokens[min(self.phrase)].dep == "prep"
        ):
            return Event("", "", reason="a clause without its verb", governor=noun.lemma, kind="noun")
        clause = self._clause_of(noun)
        if clause is None:
            return Event("", "", reason="no clause the date belongs to", governor=noun.lemma, kind="noun")
        cloze_event = replace(self._clause_event(clause, noun, kind="noun"), governor=noun.lemma)
        head = self.tokens[noun.head]
        # "The 1999 earthquake killed 17,000 people" dates the killing; "That 2000 agreement had allowed
        # companies to move data" does not date the allowing.
        perfect = any(c.dep == "aux" and c.lemma == "have" for c in self.parse.children(clause.i))
        subject = noun.dep in {"nsubj", "nsubjpass"} and not (perfect and self._premodifier())
        dates_the_clause = subject or (
            noun.dep == "pobj" and head.lower in AT_THE_TIME_OF and head.head == clause.i
        )
        # Without a clause to blank either, what stops the clause is why nothing at all is asked.
        if not cloze_event.cloze and cloze_event.reason:
            return replace(cloze_event, text="")
        if not self._certain_on_noun(noun):
            return replace(cloze_event, text="", reason="the date may belong to another word")
        if dates_the_clause and not self.bracketed:
            return cloze_event
        phrase = self.parse.subtree(noun.i) - self.phrase - self._other_clauses(noun.i)
        for child in self.parse.children(noun.i):
            if child.dep in {"acl", "relcl", "appos", "conj", "cc"}:
                phrase -= self.parse.subtree(child.i)
        self.lower_first = False
        text = _tidy(self._render(phrase, blank=False))
        if text.split(" ", 1)[0].lower() in PRONOUNS:
            return replace(cloze_event, text="", reason="pronoun without antecedent")
        if _words(text) < MIN_WORDS:
            return replace(cloze_event, text="", reason="the dated noun phrase is too short to ask about")
        if noun.lemma.lower() not in EVENT_NOUNS and not self.bracketed:
            return replace(cloze_event, text="", reason="the dated noun does not name an event")
        return replace(cloze_event, text=text, reason=cloze_event.reason if not cloze_event.cloze else "")

    def _certain_on_noun(self, noun: Token) -> bool:
        """Tell whether a date is surely on this noun: next to it, not after a chain of other nouns."""
        first, last = min(self.phrase), max(self.phrase)
        between = range(noun.i + 1, first) if noun.i < first else range(last + 1, noun.i)
        return not any(self.tokens[i].pos in {"NOUN", "PROPN"} for i in between)

    # Events of clauses ------------------------------------------------------------------------

    def _clause_event(self, verb: Token, governor: Token, kind: str = "clause") -> Event:
        others = self._other_clauses(verb.i)
        selection = self.parse.subtree(verb.i) - others - self._links(verb)
        children = self.parse.children(verb.i)
        for child in children:
            if child.dep == "conj" and child.pos == "ADP":  # "visited in 1973, and for the Test Project"
                selection -= self.parse.subtree(child.i) | self._joint_before(child)
        future = any(c.dep == "aux" and c.lower in FUTURE_MODALS for c in children)
        present = (
            verb.tag in {"VBZ", "VBP"}
            or any(c.dep == "auxpass" and c.tag in {"VBZ", "VBP"} for c in children)
            or (verb.tag == "VBG" and any(c.dep == "aux" and c.lemma == "be" for c in children))
        )
        words = tuple(self.tokens[i].lower for i in sorted(selection))
        unasked = Event("", "", verb=verb.lemma, governor=governor.lemma, kind=kind, clause_words=words,
                        future=future, preposition=self.preposition, present=present,
                        cut=self.phrases_cut[verb.i] or self._lost_complement(verb, selection))  # fmt: skip
        selection -= self.prefix
        if selection & self.others:
            return replace(unasked, reason="another date in the same clause")
        after_others = min(others, default=len(self.tokens))
        if any(c.dep == "dep" and c.pos in NOMINAL and c.i > after_others for c in children):
            # "invaded Ethiopia on 3 October 1935 ...; the country was liberated ..., and Haile Selassie
            # re-entered": a name the parser could not place, cut off from its own clause
            return replace(unasked, reason="a clause the parser could not read")
        if any(self._apposition_after_a_cut(self.tokens[i], selection) for i in selection):
            # "the German minister ... was shot dead in the street [while on his way to the Zongli Yamen],
            # the Qing foreign office": the parser made the office an apposition of the minister
            return replace(unasked, reason="a clause the parser could not read")
        if any(self._gapped(c) and c.i < min(self.date) for c in children):
            return replace(unasked, reason="a clause without its verb")
        if any(c.lower in QUESTION_WORDS for c in children):
            return replace(unasked, reason="an embedded question, not an event")
        if self._object_points_outside(verb, selection):
            return replace(unasked, reason="pronoun without antecedent")
        if any(self.tokens[i].lower == "there" and self.tokens[i].dep == "advmod" for i in selection):
            # "built Fort Dearborn there": where?
            return replace(unasked, reason="pronoun without antecedent")
        if self._splits_a_word(selection):  # "The religious settlement re[-established ...]"
            return replace(unasked, reason="the parser split a word")
        if any(c.dep == "neg" for c in children) and self.preposition not in UNTIL:
            return replace(unasked, reason="a negated clause, not an event")  # "have not recovered to"
        # "A Northern Expedition sent against Beijing in 1853 was destroyed": a participle read as a clause.
        if verb.dep in {"csubj", "csubjpass"} or any(c.dep == "conj" and c.pos == "ADJ" for c in children):
            return replace(unasked, reason="a clause the parser could not read")
        if verb.tag == "VB" and any(c.tag == "TO" for c in children):  # "expected loan demand to recover by"
            return replace(unasked, reason="an intention or expectation, not an event")
        try:
            subject, be = self._subject(verb, selection)
        except _Unsure as unsure:
            return replace(unasked, reason=str(unsure))
        self.lower_first = bool(subject)
        self._resolve_inner_pronouns(verb, selection)
        for index in sorted(selection - self.phrase):
            if self.tokens[index].pos == "NOUN" and self.tokens[index].dep in {"dobj", "pobj", "attr"}:
                self._name(self.tokens[index])  # "created the committee" -> "the Monetary Policy Committee"
        unnamed = self._unnamed(verb, subject)
        cloze = _tidy(_join(subject, be, self._render(selection, blank=True)))
        body = self._render(
            selection - self.phrase - self._said_plainly(verb) | self._possessive_place(), blank=False
        )
        ended = self.preposition in UNTIL and verb.lemma in DURATIVE and kind == "clause"
        if ended:
            body = "ended"  # "lasted until 1914": what happened in 1914 is the end
        text = _tidy(_join(subject, be, body))
        unasked = replace(unasked, sentence_cloze=self._sentence_cloze(selection), unnamed=unnamed)
        caused = verb.dep == "ccomp" and self.tokens[verb.head].lemma in CAUSATIVES
        bare = verb.tag == "VBN" and verb.dep in {"ccomp", "xcomp", "oprd"} and not be
        if (caused or bare) and not any(c.dep in {"aux", "auxpass"} for c in children):
            # "had his brother Dara Shikoh executed": "Dara Shikoh executed" says he did it
            return replace(unasked, cloze=_askable(cloze), reason="a participle without its verb")
        if self._trailing_participle(verb):
            # "conquered by Spanish forces led by Francisco Pizarro between 1532 and 1572": the conquest's
            # date or the leading's? The sentence may be asked for its date, the participle never.
            return replace(unasked, cloze=_askable(cloze), reason="the date may belong to the verb before")
        if BLANK not in cloze:
            return replace(unasked, reason="the date cannot be blanked")
        if any(mark in cloze for mark in QUOTES):
            return replace(unasked, reason="quotation")
        if self.preposition in STATE_FROM:
            return replace(unasked, cloze=cloze, reason=STATE_REASON)
        if self.preposition in UNTIL and not ended:  # "had held a lead until Friday": a state that ended
            return replace(
                unasked, cloze=cloze, reason="the clause is a state until the date, not an event of it"
            )
        if self._argument() or verb.lemma in VALUE_VERBS:
            return replace(
                unasked, cloze=cloze, reason="the date is what the verb is about, not when it happened"
            )
        if not subject and self._opens_without_subject(verb, selection - self.phrase):
            return replace(unasked, cloze=cloze, reason="no subject")
        if _words(text) < MIN_WORDS:
            return replace(unasked, cloze=cloze, reason="the event is too short to ask about")
        # "Biden was ahead by 40,000 votes": true then, not an event
        if verb.lemma in STATE_VERBS and kind == "clause":
            return replace(unasked, cloze=cloze, reason="a state, not an event")
        return replace(unasked, text=text, cloze=cloze)

    def _lost_complement(self, verb: Token, selection: set[int]) -> bool:
        """Tell whether the verb lost what it says with another date's clause: "Pius II wrote [that he had
        seen it the previous autumn]"."""
        children = self.parse.children(verb.i)
        return any(c.dep in {"ccomp", "xcomp"} and not self.parse.subtree(c.i) & selection for c in children)

    def _ties(self, words: set[int]) -> set[int]:
        """Return the words that tie a sentence to the one before: "But", "Meanwhile", ", however,"."""
        ties: set[int] = set()
        first = min(words, default=0)
        for index in sorted(words):
            token = self.tokens[index]
            opening = index == first and token.lower in OPENING_JOINTS and token.dep == "cc"
            if opening or (token.lower in TIES and token.dep == "advmod" and index not in self.date):
                ties.add(index)
                after = index + 1
                if after < len(self.tokens) and self.tokens[after].text == ",":
                    ties.add(after)  # "Meanwhile, Pizarro ...", "In 1455, however, Fust ..."
        return ties

    def _trailing_participle(self, verb: Token) -> bool:
        """Tell whether the dated verb is a participle or a relative clause after another verb's object,
        with the date at its end: "conquered by forces led by Pizarro between 1532 and 1572"."""
        if verb.head == verb.i or max(self.parse.subtree(verb.i)) != max(self.phrase):
            return False
        noun = self.tokens[verb.head]
        if verb.dep == "relcl":  # "began the art collection that became the Hermitage in 1764"
            first = min(self.parse.subtree(verb.i))
            aside = first > 0 and self.tokens[first - 1].text == ","  # ", which was signed in 1783"
            return noun.dep in {"dobj", "pobj"} and not aside
        if verb.dep != "acl" or verb.tag != "VBN":
            return False
        return noun.dep == "pobj" and self.tokens[self.tokens[noun.head].head].pos in VERBAL

    def _sentence_cloze(self, clause: set[int]) -> str:
        """Return the whole sentence with the date blanked, or "" when it cannot be read on its own.

        A clause cut out of its sentence can lose what it needs ("The last of whom left on ____",
        "The Convention of Constantinople, signed on ____"); the sentence keeps it. It is not offered
        when it quotes or reports, when a pronoun in it points to an earlier sentence, or when it is
        long. Only the pronouns and bare nouns already said otherwise are replaced.
        """
        words = set(range(len(self.tokens))) - self.prefix
        words -= self._ties(words)
        if any(mark in self.parse.text for mark in QUOTES):
            return ""
        if any(self._reports(self.tokens[i]) for i in words):
            return ""
        for index in sorted(words - clause):  # "the empire was conquered by ...": which empire?
            token = self.tokens[index]
            if token.dep in {"nsubj", "nsubjpass"} and token.pos == "NOUN" and not self.dropped & {index}:
                self._name(token)
        said = {i: text for i, text in self.replace.items() if self.tokens[i].pos in {"PRON", "DET"}}
        if self._points_outside(words, said) or self._pronoun_beside(clause, words, said):
            return ""
        main = main_subject(self.parse)
        # Not for "the empire" and its kind, which in an article of reference is the one of the title.
        other_kinds = NAMED_KINDS - TITLE_KINDS
        if (
            main is not None
            and main.i not in clause
            and main.pos == "NOUN"
            and self._bare_kind(main, other_kinds)
        ):
            return ""  # "The machine, which cost ..., occupies the tunnel once used by LEP, which ran ____"
        kept, self.replace, lower_first = self.replace, said, self.lower_first
        self.lower_first = False
        try:
            text = _tidy(self._render(words, blank=True))
        finally:
            self.replace, self.lower_first = kept, lower_first
        return text if BLANK in text and _words(text) <= MAX_SENTENCE_WORDS else ""

    def _reports(self, verb: Token) -> bool:
        """Tell whether a verb reports what is said: "officials said", not "has added to the strain"."""
        if verb.lemma not in REPORTING or verb.pos != "VERB":
            return False
        return verb.dep == "parataxis" or any(
            c.dep in {"ccomp", "parataxis"} for c in self.parse.children(verb.i)
        )

    def _points_outside(self, words: set[int], said: dict[int, str]) -> bool:
        """Tell whether a pronoun ("it", "his", "there", "that disease") comes before any noun it means."""
        for index in sorted(words):
            token = self.tokens[index]
            if token.pos in {"NOUN", "PROPN"} and index not in self.date:
                return False
            if self._pointer(token) and index not in said:
                return True
        return False

    def _pointer(self, token: Token) -> bool:
        """Tell whether a word stands for something named elsewhere: "it", "his", "there", "that disease".

        Not a relative "that", a "that" joining a clause, an existential "there" or a regnal "I".
        """
        if token.lower not in POINTERS or token.tag in RELATIVE_TAGS or token.tag in {"EX", "IN"}:
            return False
        return token.pos in {"PRON", "DET", "ADV"} and not _regnal(self.parse, token)

    def _pronoun_beside(self, clause: set[int], words: set[int], said: dict[int, str]) -> bool:
        """Tell whether a clause beside the dated one has a pronoun of its own: "Known as Constantinople,
        it became the seat ... after the western provinces were lost in the 5th century"."""
        for index in sorted(words - clause - said.keys()):
            token = self.tokens[index]
            if self._pointer(token) and token.tag != "PRP$":
                return True
        return False

    def _splits_a_word(self, selection: set[int]) -> bool:
        """Tell whether the words keep one part of a hyphenated word and drop the other."""
        kept = selection | self.phrase
        for first, second in itertools.pairwise(self.tokens):
            joined = not first.space and "-" in {first.text, second.text}
            if joined and (first.i in kept) != (second.i in kept):
                return True
        return False

    def _unnamed(self, verb: Token, said: str) -> str:
        """Return the noun of the clause's subject when it is a common noun that no name, here or
        before, pins down, else "".

        "The city hosted the Winter Olympics" or "the committee met": which city, which committee?
        A subject said from elsewhere (`said`) counts by its words.
        """
        if said:
            words = said.split()
            bare = words[0].lower() in DEFINITE and not any(word[:1].isupper() for word in words[1:])
            return words[-1].lower() if bare and words[-1].lower() in NAMED_KINDS else ""
        subject = next((c for c in self._subjects(verb) if c.dep in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.pos == "NUM" and len(self.parse.subtree(subject.i)) <= 2:
            return subject.lower  # "The two were reunited in 1820": which two?
        if subject is None or subject.pos != "NOUN":
            return ""
        return subject.lower if self._bare_kind(subject) else ""

    def _bare_kind(self, subject: Token, kinds: frozenset[str] = NAMED_KINDS) -> bool:
        """Tell whether a subject noun is a thing of a kind that nothing here names: "the committee",
        "the machine", "a second well"; not "the Asian financial crisis", nor a noun named before."""
        words = self.parse.subtree(subject.i) - self._other_clauses(subject.i)
        if words & (set(self.replace) | self.dropped):
            return False  # named from an earlier sentence or the title: "the canal" -> "the Kiel Canal"
        for clause in (c for c in self.parse.children(subject.i) if c.dep == "relcl"):
            words -= self.parse.subtree(clause.i)  # "The machine, which cost 10 billion Swiss francs"
        first = self.tokens[min(words)]
        if " ".join(self.tokens[i].lower for i in sorted(words)) in MEASURES:
            return True  # "Gross domestic product shrank about 4 percent": whose?
        # "The Asian financial crisis", "the two German states": a capital names the thing.
        named = any(
            self.tokens[i].pos == "PROPN" or self.tokens[i].text[:1].isupper() for i in words - {first.i}
        )
        # "A second well on the Reykjanes peninsula": the second of which, even with a name beside it. Not
        # "a plebiscite in April 1982, and a second vote in May 1992": the sentence said the first.
        sequel = any(
            c.lower in SEQUEL_WORDS and c.pos != "PROPN" and c.dep in {"amod", "det"}
            for c in self.parse.children(subject.i)
        )
        if sequel and not any(t.pos in {"NOUN", "PROPN"} for t in self.tokens[: min(words)]):
            return True
        return not named and first.lower in DEFINITE and subject.lower in kinds

    def _object_points_outside(self, verb: Token, selection: set[int]) -> bool:
        """Tell whether "him", "her" or "them" stands for nothing the sentence names before it but the
        clause's own subject: "Madero challenged him in the presidential election of June 1910".

        A possessive of the subject may be what it means: "Toussaint's constitution made him governor",
        "His study of alpha particles led him".
        """
        subjects: set[int] = set()
        for subject in self._subjects(verb):
            subjects |= self.parse.subtree(subject.i)
            for owner in (i for i in self.parse.subtree(subject.i) if self.tokens[i].dep == "poss"):
                subjects -= self.parse.subtree(owner)
        for index in sorted(selection - subjects - set(self.replace)):
            token = self.tokens[index]
            if token.lower in OBJECT_PRONOUNS and token.tag == "PRP":
                before = self.tokens[:index]
                return not any(t.pos in {"NOUN", "PROPN", "PRON"} and t.i not in subjects for t in before)
        return False

    def _other_clauses(self, root: int) -> set[int]:
        """Return the words under `root` that belong to other events: clauses joined on, other dates.

        A clause that holds another date goes whole; a phrase that holds one loses only the
        innermost phrase of that date ("on the move in one of the migrations [of the 20th century]").
        """
        if root in self.removed:
            return self.removed[root]
        removed: set[int] = set()
        for index in sorted(self.parse.subtree(root)):
            token = self.tokens[index]
            if index == root or index in removed:
                continue
            below = self.parse.subtree(index)
            if below & self.date:
                continue
            is_clause = token.dep in CLAUSE_DEPS and token.pos in VERBAL
            joined_clause = token.dep == "conj" and token.pos in VERBAL and token.head == root
            # "became the first British colony to win independence": without it the clause is false.
            completes = self._completes_a_first(root) and token.tag == "VB"
            own_clause = token.dep in {"advcl", "parataxis"} and token.head == root and not completes
            if (is_clause and below & self.others) or joined_clause or own_clause or self._gapped(token):
                removed |= below
                removed |= {c.i for c in self.parse.children(token.head) if c.dep == "cc" and c.i < index}
                removed |= self._lost_subject(min(below))
        cut = sorted(self.others & self.parse.subtree(root) - removed)
        for other in cut:
            removed |= self._phrase_of(other)
        self.phrases_cut[root] = bool(cut)
        self.removed[root] = removed
        return removed

    def _completes_a_first(self, verb: int) -> bool:
        """Tell whether the verb's object or complement is "the first", "the last" or "the only" one."""
        for child in self.parse.children(verb):
            if child.dep in {"attr", "dobj"}:
                words = self.parse.children(child.i)
                if any(w.lower in {"first", "last", "only"} or w.tag == "JJS" for w in words):
                    return True
        return False

    def _phrase_of(self, index: int) -> set[int]:
        """Return a date's own phrase: "of the 20th century" for the date "the 20th century"."""
        top = index
        while self.tokens[top].head in self.others and self.tokens[top].head != top:
            top = self.tokens[top].head
        head = self.tokens[self.tokens[top].head]
        if self.tokens[top].dep in {"pobj", "pcomp"} and head.pos in {"ADP", "SCONJ"}:
            top = head.i
        words = self.parse.subtree(top) - self.date
        run = self._run_of(index)
        if _swallowed(self.parse, run):  # "at Sluys on 24 June 1340, and [on 26 August 1346 Edward's army]"
            words |= self.parse.subtree(min(run) - 1)
        if self.tokens[top].dep == "conj":  # "in 1912 and 1933": the "and" goes with 1933
            words |= self._joint_before(self.tokens[top])
        owner = self.tokens[self.tokens[top].head]
        if self.tokens[top].dep == "prep" and owner.dep == "conj" and owner.pos in {"NOUN", "PROPN"}:
            # "His mother died in 1865 and his father in 1869": the father goes with his own date.
            words |= self.parse.subtree(owner.i) | self._joint_before(owner)
        return words

    def _run_of(self, index: int) -> set[int]:
        """Return the words of the other date that holds a word."""
        first = last = index
        while first - 1 in self.others:
            first -= 1
        while last + 1 in self.others:
            last += 1
        return set(range(first, last + 1))

    def _gapped(self, token: Token) -> bool:
        """Tell whether a noun joined to a verb is a clause without its verb: "and his father in 1869"."""
        head = self.tokens[token.head]
        return token.dep == "conj" and token.pos in {"NOUN", "PROPN", "PRON"} and head.pos in VERBAL

    def _joint_before(self, token: Token) -> set[int]:
        """Return the "and" that joins a conjunct to what comes before it."""
        return {c.i for c in self.parse.children(token.head) if c.dep == "cc" and c.i < token.i}

    def _orphan_comma(self, index: int, kept: set[int]) -> bool:
        """Tell whether a comma stood beside words that were left out: "The Bank[, which ...,] was"."""
        if self.tokens[index].text != ",":
            return False
        last = len(self.tokens) - 1
        before_gone = index > 0 and index - 1 not in kept and index - 1 not in self.dropped
        if before_gone and not self._gone_after_comma(index, kept):
            # "to 4.5 per cent [on Thursday], its third cut": the comma opens the appositive
            before_gone = False
        after_gone = index < last and index + 1 not in kept and self.tokens[index + 1].pos != "PUNCT"
        return before_gone or after_gone

    def _gone_after_comma(self, index: int, kept: set[int]) -> bool:
        """Tell whether the words dropped before a comma start the text or follow a comma of their own."""
        start = index - 1
        while start >= 0 and start not in kept and start not in self.dropped:
            start -= 1
        return start < 0 or self.tokens[start].pos == "PUNCT"

    def _opens_without_subject(self, verb: Token, words: set[int]) -> bool:
        """Tell whether a clause would start with its verb or a relative word: "Became a British subject"."""
        first = next((self.tokens[i] for i in sorted(words) if self.tokens[i].pos != "PUNCT"), None)
        if first is None:
            return True
        own_verb = first.i == verb.i or (first.head == verb.i and first.dep in {"aux", "auxpass", "neg"})
        return own_verb or first.tag in RELATIVE_TAGS

    def _argument(self) -> bool:
        """Tell whether the date is the verb's subject or object: "many cities marked Christmas Eve"."""
        heads = [self.tokens[i] for i in self.date if self.tokens[i].head not in self.date]
        return any(h.dep in ARGUMENT_DEPS and h.lower not in TIME_NOUNS for h in heads)

    def _possessive_place(self) -> set[int]:
        """Return the date's first word, said "the", when the date is a possessive."""
        if not self._possessive():
            return set()
        self.replace[min(self.date)] = "the"
        return {min(self.date)}

    def _lost_subject(self, start: int) -> set[int]:
        """Return "and Pakistan" before a dropped clause when the parser joined it to the wrong noun.

        The subject may be long: "..., and the last Inca ruler, Túpac Amaru, was beheaded on ...".
        """
        index = start - 1
        while index >= 0 and self.tokens[index].pos == "PUNCT":
            index -= 1
        if index < 1:
            return set()
        token = self.tokens[index]
        noun = next(
            (
                t
                for t in (token, *self.parse.ancestors(index))
                if t.dep == "conj" and t.pos in {"NOUN", "PROPN"}
            ),
            None,
        )
        if noun is None:
            return set()
        words = self.parse.subtree(noun.i)
        if max(i for i in words if self.tokens[i].pos != "PUNCT") != index:
            return set()
        joint = min(words) - 1
        if self.tokens[joint].dep != "cc":
            return set()
        return words | {joint}

    def _links(self, verb: Token) -> set[int]:
        """Return the words that tie the clause to another: "when", "that", "however,"."""
        links = set()
        children = self.parse.children(verb.i)
        mark = min((c.i for c in children if c.dep == "mark"), default=-1)
        for child in children:
            if child.dep == "npadvmod" and child.i < mark:  # "a week after"
                links |= self.parse.subtree(child.i)
            if child.dep in LINK_DEPS or (child.tag == "WRB" and child.dep == "advmod"):
                links.add(child.i)
            if child.dep == "advmod" and child.lower in DISCOURSE:
                links |= self.parse.subtree(child.i)
            following = self.tokens[child.i + 1].lower if child.i + 1 < len(self.tokens) else ""
            if child.dep == "prep" and child.lower in {"in", "on", "for"} and following in LINKING_PHRASES:
                links |= self.parse.subtree(child.i)  # "In addition,", "in turn"
        return links

    def _subject(self, verb: Token, selection: set[int]) -> tuple[str, str]:
        """Return the subject to say before the clause ("" if it is inside it) and a passive "was"/"were".

        Raise _Unsure when the clause has no subject that can be said.
        """
        if verb.dep == "relcl" and verb.head != verb.i:
            return self._relative_subject(verb, selection)
        own = self._subjects(verb)
        if own and self._misread_subject(verb, own[0]):
            raise _Unsure("a clause the parser could not read")
        if own:
            first = self.tokens[min(self.parse.subtree(own[0].i))]
            if _regnal(self.parse, first):  # "Emperor Wilhelm I laid", which parsers read as "I laid"
                return "", ""
            if first.lower == "one" and len(self.parse.subtree(own[0].i)) == 1:
                raise _Unsure("pronoun without antecedent")  # "One was restored around 500 BC"
            if (name := self._name_beside_possessive(own[0])) is not None:
                self.dropped |= self.parse.subtree(own[0].i) - name  # "His grandson Wilhelm II opened"
                return "", ""
            if (
                first.lower in PRONOUNS
                and first.pos == "PRON"
                and (near := self._joined_subject(verb, first))
            ):
                # "Snow doubted this, and in 1849 he published an essay"; "their aircraft" -> "Britain
                # and France's aircraft"
                self.replace[first.i] = f"{near}'s" if first.tag == "PRP$" else near
                return "", ""
            if first.lower in PRONOUNS and (first.pos == "PRON" or first.lower in DEMONSTRATIVES):
                return self._resolve(first)
            self._name(own[0])
            return "", ""
        if verb.dep == "conj":
            before = verb.i - 1
            if (
                before > 0
                and self.tokens[before].text == ","
                and self.tokens[before - 1].pos in {"NOUN", "PROPN"}
            ):
                # "and the Catholic League, formed the following year": a participle of the noun before
                raise _Unsure("the participle may belong to another noun")
            if verb.i > 0 and self.tokens[verb.i - 1].pos in {"NOUN", "PROPN", "PRON"}:
                raise _Unsure("unclear subject")  # "... and Pakistan supported": the parser lost a subject
            for above in self.parse.ancestors(verb.i):
                subjects = self._subjects(above)
                if subjects and (pronoun := self._pronoun_start(subjects[0])):
                    self._resolve(pronoun)  # "He later joined the navy and became a subject in 1886"
                    return self.replace.pop(pronoun.i), ""
                if subjects:
                    return self._phrase(subjects[0]), self._borrowed_passive(verb, above)
                if above.dep != "conj":
                    break
            raise _Unsure("no subject")
        if verb.dep == "acl" and verb.tag == "VBN" and verb.head != verb.i:
            noun = self.tokens[verb.head]
            if noun.dep == "appos":  # "electrified, a process finished in 2002": a process of what?
                raise _Unsure("the participle belongs to an aside")
            if self._far_from(noun, verb):  # "Spain recognised ... in the Peace of Münster, signed on"
                raise _Unsure("the participle may belong to another noun")
            if self._aside_in_a_clause(noun, verb):  # "the accord that ended the civil war, signed in Rome"
                raise _Unsure("the participle may belong to another noun")
            children = self.parse.children(verb.i)
            # "34 men set off on 24 May" is active; "expeditions sent out by the Ming" is not.
            phrasal = any(c.dep == "prt" for c in children) and not any(c.dep == "agent" for c in children)
            if verb.lemma in INTRANSITIVE or phrasal:  # "and the first election followed in 1890": active
                return self._phrase(noun, without=verb.i), ""
            if noun.dep == "pobj" and self.tokens[self.tokens[noun.head].head].pos in {"NOUN", "PROPN"}:
                # "a tennis court in the Tuileries garden built in the 19th century": court or garden?
                raise _Unsure("the participle may belong to another noun")
            if (said := self._described(noun)) is not None:
                return self._phrase(said), _be(said)  # "The Treaty ... is a document first signed on"
            return self._phrase(noun, without=verb.i), _be(noun)
        if verb.dep == "advcl" and verb.tag == "VBN":  # "Founded in 1820, the company ..."
            main = self.tokens[verb.head]
            subjects = [c for c in self.parse.children(main.i) if c.dep in SUBJECT_DEPS]
            if subjects and subjects[0].i < verb.i:  # "Spain recognised ... the Peace of Münster, signed on"
                raise _Unsure("the participle may belong to another noun")
            if subjects and (pronoun := self._pronoun_start(subjects[0])):
                self._resolve(pronoun)  # "Built between 532 and 537, it was ...": what "it" stands for
                return self.replace.pop(pronoun.i), "were" if PRONOUNS[pronoun.lower] == "plural" else "was"
            if subjects:
                return self._phrase(subjects[0]), _be(subjects[0])
        raise _Unsure("no subject")

    def _subjects(self, verb: Token) -> list[Token]:
        """Return a verb's subjects, leaving out a dateline's words ("LONDON — The Bank cut ...")."""
        return [c for c in self.parse.children(verb.i) if c.dep in SUBJECT_DEPS and c.i not in self.prefix]

    def _name_beside_possessive(self, noun: Token) -> set[int] | None:
        """Return the name beside a possessive: "His grandson Wilhelm II"."""
        children = self.parse.children(noun.i)
        if not any(c.dep == "poss" and c.tag == "PRP$" for c in children):
            return None
        name = next((c for c in children if c.dep == "appos" and c.pos == "PROPN"), None)
        if name is None:
            return None
        words = self.parse.subtree(name.i)
        return None if words & (self.phrase | self.others) else words

    def _misread_subject(self, verb: Token, subject: Token) -> bool:
        """Tell whether a subject shows that the parser went wrong around it.

        "The Baikal–Amur Mainline, a route begun in the 1930s and resumed in 1974, was completed": an
        "and" hangs on the subject with nothing joined to it. "The line was double-tracked and
        electrified, a process finished in 2002": the verb's words before its subject hold a verb of
        their own, so "a process finished" is an aside read as the main clause.
        """
        children = self.parse.children(subject.i)
        if any(c.dep == "cc" for c in children) and not any(c.dep == "conj" for c in children):
            return True
        if self._aside_read_as_verb(verb, subject):
            return True
        start = min(self.parse.subtree(subject.i))
        if start == 0 or self.tokens[start - 1].text != ",":
            return False
        openers = {"punct", "prep", "advmod", "advcl", "mark", "npadvmod", "cc"}  # "After the war ended, ..."
        before = [c for c in self.parse.children(verb.i) if c.i < start and c.dep not in openers]
        return any(self.tokens[i].pos in VERBAL for c in before for i in self.parse.subtree(c.i))

    def _aside_read_as_verb(self, verb: Token, subject: Token) -> bool:
        """Tell whether a past tense between commas after its subject is an aside whose sentence goes
        on with the real verb: "a series of wars in the North Island, fought mainly between 1860 and
        1872, was followed by ..."."""
        if verb.tag not in {"VBD", "VBN"} or verb.i < 2 or self.tokens[verb.i - 1].text != ",":
            return False
        if max(self.parse.subtree(subject.i)) != verb.i - 1:
            return False
        for index in range(verb.i + 1, len(self.tokens) - 1):
            token = self.tokens[index]
            if token.dep in SUBJECT_DEPS:
                return False  # another clause with its own subject came first
            after_comma = self.tokens[index - 1].text == ","
            if after_comma and token.pos == "AUX" and token.tag in {"VBD", "VBZ", "VBP"}:
                return self.tokens[index + 1].tag == "VBN"  # ", was followed by"
        return False

    def _aside_in_a_clause(self, noun: Token, participle: Token) -> bool:
        """Tell whether a participle after a comma follows the object of a clause inside another: it may
        describe the noun that clause belongs to ("the 1992 accord that ended Mozambique's civil war,
        signed in Rome")."""
        first = min(self.parse.subtree(participle.i))
        if first == 0 or self.tokens[first - 1].text != "," or noun.dep not in {"dobj", "pobj"}:
            return False
        return any(above.dep in {"relcl", "acl"} for above in self.parse.ancestors(noun.i))

    def _apposition_after_a_cut(self, token: Token, selection: set[int]) -> bool:
        """Tell whether an apposition would follow words other than its noun's, once others are cut."""
        if token.dep != "appos" or token.head > token.i:
            return False
        between = range(max(self.parse.subtree(token.head) - self.parse.subtree(token.i)) + 1, token.i)
        cut = [i for i in between if i not in selection | self.date | self.phrase]
        return any(self.tokens[i].pos != "PUNCT" for i in cut)

    def _far_from(self, noun: Token, participle: Token) -> bool:
        """Tell whether words the noun does not govern stand between it and its participle."""
        own = self.parse.subtree(noun.i) - self.parse.subtree(participle.i)
        between = range(max(own) + 1, min(self.parse.subtree(participle.i)))
        return any(self.tokens[i].text != "," for i in between)

    def _parenthesised(self, words: set[int]) -> set[int]:
        """Return the words between brackets that open among `words`, the brackets with them."""
        inside: set[int] = set()
        depth = 0
        for index in range(min(words, default=0), len(self.tokens)):
            text = self.tokens[index].text
            if text == "(" and (depth or index in words):
                depth += 1
            if depth:
                inside.add(index)
            if text == ")" and depth:
                depth -= 1
                if not depth and index > max(words):
                    break
        return inside

    def _said_plainly(self, verb: Token) -> set[int]:
        """Return the words an event said on its own can do without: the "had" of a past perfect
        whose participle is also the past tense ("A French law had maintained slavery"), and a
        "himself" after its subject ("Boukman himself was killed")."""
        children = self.parse.children(verb.i)
        plain = not any(c.dep in {"auxpass", "neg"} for c in children) and verb.lower.endswith("ed")
        # ", had previously erupted" keeps its "had": the comma before it closes an aside.
        had = [
            c for c in children if c.dep == "aux" and c.lower == "had" and self.tokens[c.i - 1].text != ","
        ]
        dropped = {had[0].i} if plain and had and verb.tag == "VBN" else set()
        for token in self.tokens:
            head = self.tokens[token.head]
            if token.lower in INTENSIVES and head.dep in SUBJECT_DEPS and token.i == head.i + 1:
                dropped.add(token.i)
        return dropped

    def _in_an_aside(self, noun: Token) -> bool:
        """Tell whether a noun hangs by prepositions from an apposition: "one of the banned gases"."""
        token = noun
        while token.dep in {"pobj", "prep", "appos"} and token.head != token.i and noun.dep == "pobj":
            if token.dep == "appos":
                return True
            token = self.tokens[token.head]
        return False

    def _described(self, noun: Token) -> Token | None:
        """Return the subject a copula's attribute describes: "the Treaty" of "the Treaty is a document"."""
        copula = self.tokens[noun.head]
        # Right after it: in "The dam is the largest work of the Badajoz Plan, the development programme
        # approved in 1952" the programme is not the dam.
        if noun.dep != "attr" or copula.lemma != "be" or min(self.parse.subtree(noun.i)) != copula.i + 1:
            return None
        return next((c for c in self.parse.children(copula.i) if c.dep in {"nsubj", "nsubjpass"}), None)

    def _borrowed_passive(self, verb: Token, first: Token) -> str:
        """Return the "was" a joined participle shares with its first clause: "was captured and burned"."""
        # "came" is only a past tense: "The Games were judged a success and came" keeps its own verb.
        participle = verb.tag == "VBN" or (verb.tag == "VBD" and verb.lower.endswith("ed"))
        # "was arrested and died": never "was died"
        participle = participle and verb.lemma not in INTRANSITIVE
        # "was elected king and captured Stockholm": a verb with an object of its own is active.
        if not participle or any(c.dep in {"aux", "auxpass", "dobj"} for c in self.parse.children(verb.i)):
            return ""
        passive = next((c for c in self.parse.children(first.i) if c.dep == "auxpass"), None)
        return passive.text if passive is not None else ""

    def _pronoun_start(self, subject: Token) -> Token | None:
        """Return the personal pronoun that is a whole subject ("He", "they"), if it is one."""
        words = self.parse.subtree(subject.i)
        if len(words) == 1 and subject.pos == "PRON" and subject.lower in PRONOUNS:
            return subject if PRONOUNS[subject.lower] != "unknown" else None
        return None

    def _joined_subject(self, verb: Token, pronoun: Token) -> str | None:
        """Return the subject of the clause a pronoun's clause is joined to, when it is of its kind.

        In "The United States and Britain offered loans, but they withdrew the offer", "they" is the
        first clause's subject: nothing else in the sentence could be.
        """
        if verb.dep != "conj" or self._pronoun_start(pronoun) is None or self._reported(pronoun):
            return None
        head = self.tokens[verb.head]
        subject = next((c for c in self.parse.children(head.i) if c.dep in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.pos not in {"NOUN", "PROPN"} or subject.i in self.prefix:
            return None
        plural = subject.tag in {"NNS", "NNPS"} or any(
            c.dep == "conj" for c in self.parse.children(subject.i)
        )
        # "Snow doubted this": a capitalised noun without an article is a name, whatever the tagger says.
        named = subject.pos == "PROPN" or (
            subject.text[:1].isupper() and not any(c.dep == "det" for c in self.parse.children(subject.i))
        )
        # A name may be a person's or a thing's ("The Aswan Low Dam was built ..., and it was raised").
        kinds = {"plural"} if plural else ({"person", "singular"} if named else {"singular"})
        if PRONOUNS[pronoun.lower] not in kinds:
            return None
        try:
            return self._phrase(subject)
        except _Unsure:
            return None

    def _relative_subject(self, verb: Token, selection: set[int]) -> tuple[str, str]:
        """Say a relative clause on its own: "the treaty that France signed" -> "France signed the treaty"."""
        noun = self.tokens[verb.head]
        owner = self.tokens[self.tokens[noun.head].head]
        if noun.dep == "pobj" and owner.pos in {"NOUN", "PROPN"}:
            if self.tokens[noun.head].lower != "of":  # "a museum about the flood, which opened": which one?
                raise _Unsure("the relative clause may belong to another noun")
            if owner.dep == "pobj":  # "the engineer in charge of the excavation, who had died": not "charge"
                raise _Unsure("the relative clause may belong to another noun")
            noun = owner  # "the Treaty of Paris, which was signed": the treaty
        if self._in_an_aside(noun):  # "a rise in emissions of CFC-11, one of the banned gases, which ..."
            raise _Unsure("the relative clause may belong to another noun")
        noun = self._described(noun) or noun  # "The Apollo program was the third program ..., which flew"
        relative = [c for c in self.parse.children(verb.i) if c.tag in RELATIVE_TAGS]
        phrase = self._phrase(noun, without=verb.i)
        if not relative or not phrase:
            raise _Unsure("relative clause")
        selection.discard(relative[0].i)
        if relative[0].dep in SUBJECT_DEPS:
            return phrase, ""
        if relative[0].dep == "dobj":
            self.replace[verb.i] = f"{verb.text} {phrase[:1].lower() + phrase[1:]}"
            return "", ""
        raise _Unsure("relative clause")

    def _phrase(self, head: Token, without: int | None = None) -> str:
        """Return a noun phrase without its clauses, its dates and the clause `without`."""
        words = self.parse.subtree(head.i) - self.phrase - self._other_clauses(head.i)
        if without is not None:
            words -= self.parse.subtree(without)
            for child in self.parse.children(head.i):  # "A bomb thrown at a rally [, and the gunfire ...]"
                if child.i > without and child.dep in {"conj", "cc", "punct"}:
                    words -= self.parse.subtree(child.i)
        for index in sorted(words):
            token = self.tokens[index]
            name = token.dep == "appos" and token.pos == "PROPN" and self.tokens[index - 1].text != ","
            if token.dep in {"relcl", "acl", "appos"} and index != head.i and not name:
                words -= self.parse.subtree(index)  # "Shah Jahan's son Aurangzeb" keeps its name
        words -= self._parenthesised(words)  # "The Treaty of Waitangi (Māori: Te Tiriti o Waitangi)"
        if not words:
            raise _Unsure("no subject")
        if (name := self._name_beside_possessive(head)) is not None:
            return _tidy(self._render(name, blank=False))  # "Almayer's Folly was published"
        while words and self.tokens[max(words)].dep in {"cc", "punct"}:
            words.discard(max(words))  # "The Baikal–Amur Mainline[, a route begun ... and resumed ...]"
        while words and (
            self.tokens[min(words)].lower in DISCOURSE or self.tokens[min(words)].dep == "punct"
        ):
            words.discard(min(words))  # "before the Huns and[, later,] the Lombards, who entered Italy"
        self._name(head)
        text = _tidy(self._render(words, blank=False))
        first = text.split(" ", 1)[0].lower()
        if not text or first in PRONOUNS or self.tokens[min(words)].tag in RELATIVE_TAGS:
            raise _Unsure("pronoun without antecedent")
        return text[:1].lower() + text[1:] if self.tokens[min(words)].pos == "DET" else text

    def _resolve_inner_pronouns(self, verb: Token, selection: set[int]) -> None:
        """Say "it" inside a joined clause as the noun it stands for: "a power station beside the dam"."""
        if verb.dep != "conj":
            return
        first = self.tokens[verb.head]
        subjects = [c for c in self.parse.children(first.i) if c.dep in SUBJECT_DEPS]
        if not subjects or subjects[0].tag != "NN":
            return
        for index in selection:
            token = self.tokens[index]
            if token.lower == "it" and token.dep not in SUBJECT_DEPS:
                self.replace[index] = f"the {subjects[0].lower}"

    def _name(self, noun: Token) -> None:
        """Say a bare "the canal" as the name the document gave it before: "the Kiel Canal"."""
        words = self.parse.subtree(noun.i) - self.phrase
        for child in self.parse.children(noun.i):
            if child.dep in {"acl", "relcl", "appos", "punct"}:  # "the company, founded in 1904 by ..."
                words -= self.parse.subtree(child.i)
        if not words or noun.i in self.phrase or self.context is None:
            return
        first = self.tokens[min(words)]
        said = " ".join(self.tokens[i].lower for i in sorted(words))
        if said in PAIRS and (pair := self.context.pair()):
            self.replace[first.i] = pair
            self.dropped |= words - {first.i}
            return
        bare = (
            noun.pos == "NOUN"
            and noun.tag != "NNS"  # "the unequal treaties" are not "the Harris Treaty"
            and first.lower == "the"
            and all(self.tokens[i].pos in {"DET", "ADJ", "NOUN"} for i in words)
        )
        found = self.context.named(noun.lemma.lower()) if bare and self.context else None
        if found:
            self.replace[first.i] = found if first.i else found[:1].upper() + found[1:]
            self.dropped |= words - {first.i}

    def _reported(self, token: Token) -> bool:
        """Tell whether a word is in a quotation or in what somebody said: its pronouns are theirs."""
        if any(mark in self.parse.text for mark in QUOTES):
            return True
        return any(
            above.dep in {"ccomp", "parataxis"} and self.tokens[above.head].lemma in REPORTING
            for above in self.parse.ancestors(token.i)
        )

    def _resolve(self, pronoun: Token) -> tuple[str, str]:
        """Put the antecedent in place of a pronoun that starts the subject, when it is certain."""
        if pronoun.lower in DEMONSTRATIVES and pronoun.dep == "det":
            self.replace[pronoun.i] = "the"
            return "", ""
        if self._reported(pronoun):
            raise _Unsure("pronoun in reported speech")  # "'He was a great witness,' Bouvier said"
        if any(
            token.dep in {"nsubj", "nsubjpass"} and token.pos in {"NOUN", "PROPN"}
            for token in self.tokens[: pronoun.i]
        ):
            # "a sister settlement, Tlatelolco, was established ...; it was absorbed": not the one before's
            raise _Unsure("the pronoun may point to a noun of its own sentence")
        found = self.context.antecedent(PRONOUNS[pronoun.lower]) if self.context else None
        if not found:
            raise _Unsure("pronoun without antecedent")
        bare = found.split()
        if len(bare) == 2 and bare[0] == "the" and self.context and (name := self.context.named(bare[1])):
            found = name  # "It" -> "the company" -> "Nordvik Shipping"
        self.replace[pronoun.i] = f"{found}'s" if pronoun.tag == "PRP$" else found
        return "", ""

    def _render(self, indices: set[int], *, blank: bool) -> str:
        """Say some words in order; with `blank`, the date becomes one blank ("the ____ floods")."""
        words = sorted(set(indices) - self.dropped)
        blank_at = -1
        if blank:
            blank_at = min(self.date)
            if self.tokens[blank_at].lower == "the" and (self._premodifier() or self._names_a_period()):
                blank_at += 1  # "the 1970s operation" -> "the ____ operation", "in the ____" (8th century)
            words = [i for i in words if i not in self.date or i <= blank_at]
        kept = set(words) | (self.date if blank else set())  # a blank stands for all the date's words
        words = [i for i in words if not self._orphan_comma(i, kept)]
        pieces = []
        for position, index in enumerate(words):
            token = self.tokens[index]
            text = BLANK if index == blank_at else self.replace.get(index, token.text)
            if index == blank_at and token.lower == "between" and len(self.date) > 1:
                text = f"{token.text} {BLANK}"  # "was built between ____": the range keeps its word
            elif index == blank_at and (preposition := self._preposition_of_a_bare_date()):
                text = f"{preposition} {BLANK}"  # "extended to Dodoma the following month" -> "in ____"
            if blank and index in self.date and index != blank_at:
                text = token.text
            if position == 0 and index == 0 and token.pos not in {"PROPN", "PRON"} and self.lower_first:
                text = text[:1].lower() + text[1:]  # "Founded in 1820" said after its subject
            following = words[position + 1] if position + 1 < len(words) else None
            pieces.append(text + (token.space if following == index + 1 else " "))
        return "".join(pieces).strip()

    def _preposition_of_a_bare_date(self) -> str:
        """Return the preposition a blank needs where the date was said without one: "the following
        month", "the next day". A blank alone would read "extended to the capital Dodoma ____"."""
        heads = [i for i in self.date if self.tokens[i].head not in self.date or self.tokens[i].head == i]
        if len(heads) != 1 or self.tokens[heads[0]].dep not in {"npadvmod", "tmod"}:
            return ""
        before = self.tokens[min(self.date) - 1] if min(self.date) else None
        if before is not None and (before.pos == "ADP" or before.text == "("):
            return ""  # "began on the same day", "the War of the Pacific (1879–1884)"
        words = [self.tokens[i] for i in sorted(self.date)]
        day = words[-1].lower in DAY_WORDS or any(
            word.text.isdigit() and int(word.text) <= 31 for word in words
        )
        return "on" if day else "in"  # "on ____" for "the next day" or "6 February 1840", else "in ____"


def subject_of(parse: Parse) -> tuple[str, str] | None:
    """Return the subject of a sentence's main clause and its kind ("singular", "plural", "person")."""
    subject = main_subject(parse)
    if subject is not None and _regnal(parse, subject):
        return _tidy(parse.render(range(subject.i + 1))), "person"
    if subject is not None and subject.lower in PRONOUNS and PRONOUNS[subject.lower] != "unknown":
        return subject.text, f"pronoun {PRONOUNS[subject.lower]}"
    if subject is None or subject.pos not in {"NOUN", "PROPN"}:
        return None
    words = parse.subtree(subject.i)
    for child in parse.children(subject.i):
        if child.dep in {"relcl", "acl", "appos", "punct", "prep"} or child.pos == "NUM":
            words -= parse.subtree(child.i)
    if any(parse.tokens[i].pos in {"PRON", "NUM"} for i in words):
        return None
    phrase = _tidy(parse.render(words))
    if any(child.dep == "conj" for child in parse.children(subject.i)) or subject.tag in {"NNS", "NNPS"}:
        kind = "plural"
    elif subject.pos == "PROPN" and parse.tokens[min(words)].pos != "DET":
        kind = "person"  # a bare name: "Nehru"; "the Suez Canal" is a thing
    else:
        kind = "singular"
    first = parse.tokens[min(words)]
    return (phrase[:1].lower() + phrase[1:] if first.pos == "DET" else phrase), kind


def two_subjects(parse: Parse) -> bool:
    """Tell whether a clause joined to the main one has a noun subject of its own: "The Vienna
    Convention was agreed in 1985, and the Montreal Protocol followed". An "It" after it may be either."""
    root = next((token for token in parse.tokens if token.dep == "ROOT"), None)
    if root is None:
        return False
    subjects = {"nsubj", "nsubjpass"}
    return any(
        verb.dep == "conj"
        and verb.pos in VERBAL
        and any(c.dep in subjects and c.pos in {"NOUN", "PROPN"} for c in parse.children(verb.i))
        for verb in parse.children(root.i)
    )


def main_subject(parse: Parse) -> Token | None:
    """Return the subject word of a sentence's main clause, if it has one."""
    root = next((token for token in parse.tokens if token.dep == "ROOT"), None)
    if root is None:
        return None
    return next((c for c in parse.children(root.i) if c.dep in {"nsubj", "nsubjpass"}), None)


def pair_in(parse: Parse) -> str | None:
    """Return a main-clause subject of exactly two names: "India and Pakistan"."""
    root = next((token for token in parse.tokens if token.dep == "ROOT"), None)
    subject = next((c for c in parse.children(root.i) if c.dep in SUBJECT_DEPS), None) if root else None
    if subject is None or subject.pos != "PROPN":
        return None
    joined = [c for c in parse.children(subject.i) if c.dep == "conj"]
    if len(joined) != 1 or joined[0].pos != "PROPN" or parse.children(joined[0].i):
        return None
    if any(c.dep not in {"cc", "conj"} for c in parse.children(subject.i)):
        return None
    return f"{subject.text} and {joined[0].text}"


def named_in(parse: Parse, noun: str) -> str | None:
    """Return a name of a sentence whose head noun is `noun`: "the Kiel Canal", "the Zoji La pass"."""
    for token in parse.tokens:
        # Only a name of the thing itself ("the Kiel Canal"), not a description ("the Maurya emperor").
        if token.lemma.lower() != noun or token.pos != "PROPN" or not token.text[:1].isupper():
            continue
        words = {token.i}
        for child in parse.children(token.i):
            if child.i < token.i and child.dep in {"compound", "amod", "det", "nmod", "poss"}:
                words |= parse.subtree(child.i)
        if not any(parse.tokens[i].pos == "PROPN" for i in words - {token.i}):
            continue
        if any(parse.tokens[i].pos in {"PRON", "NUM"} or parse.tokens[i].tag in RELATIVE_TAGS for i in words):
            continue
        if parse.tokens[min(words)].lower in {"a", "an"}:
            continue  # "declared a UNESCO World Heritage Site": one of many, not the name of "the site"
        phrase = _tidy(parse.render(words))
        return phrase[:1].lower() + phrase[1:] if phrase.startswith("The ") else phrase
    return None


def _swallowed(parse: Parse, date: set[int]) -> bool:
    """Tell whether a date stands between a preposition and the noun parsed as its object.

    In "on 26 August 1346 Edward's army, ..., routed" parsers read the date as a modifier of "army",
    though it is the preposition's object and the army the subject of a clause of its own.
    """
    if not date or min(date) == 0:
        return False
    before = parse.tokens[min(date) - 1]
    heads = {parse.tokens[i].head for i in date} - date
    if before.pos != "ADP" or len(heads) != 1:
        return False
    noun = parse.tokens[heads.pop()]
    if any(child.dep == "det" for child in parse.children(noun.i)):
        return False  # "in the 1970s Balochistan operation": the date stands inside the noun phrase
    return (
        noun.i > max(date) and noun.dep == "pobj" and noun.head == before.i and noun.lower not in TIME_NOUNS
    )


def _regnal(parse: Parse, token: Token) -> bool:
    """Tell whether an "I" is a regnal number after a name ("Wilhelm I"), not the pronoun."""
    return token.text == "I" and token.i > 0 and parse.tokens[token.i - 1].pos == "PROPN"


def _be(noun: Token) -> str:
    return "were" if noun.tag in {"NNS", "NNPS"} else "was"


def _join(subject: str, be: str, body: str) -> str:
    if be:  # "The novel Dust" + "was" + "published in ____"
        return " ".join(part for part in (subject, be, body) if part)
    return f"{subject} {body}" if subject else body


def _askable(cloze: str) -> str:
    """Return a cloze that has its blank and quotes no one, or ""."""
    return cloze if BLANK in cloze and not any(mark in cloze for mark in QUOTES) else ""


def _words(text: str) -> int:
    return len(re.findall(r"[A-Za-z]+", text))


def _tidy(text: str) -> str:
    """Mend the punctuation that dropping words leaves behind, and start with a capital."""
    text = re.sub(r"\(\s*[,;:–—-]?\s*\)", "", text)  # "()" left by a date in brackets
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
    text = re.sub(r"([(])\s+", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)  # ", ," and ",;"
    text = re.sub(r"[,;:]\s*([.!?)])", r"\1", text)
    text = text.strip(" ,;:–—-")
    text = re.sub(r"\s*[–—-]\s*$", "", text)
    text = text.rstrip(".").strip(" ,;:")
    return text[:1].upper() + text[1:]
