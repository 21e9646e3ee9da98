"""Dated facts: one date expression in one sentence, with a description of its event."""

from __future__ import annotations

import datetime
import hashlib
import itertools
import pickle
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from pathlib import Path

from quiz.content import cache as store
from quiz.content.checks import event_defects, placeable, text_defects, vague_stem
from quiz.content.documents import Document
from quiz.content.events import (
    EVENT_NOUNS,
    Event,
    find_event,
    main_subject,
    named_in,
    pair_in,
    subject_of,
    two_subjects,
)
from quiz.content.masking import MASK, hide
from quiz.content.parsing import Parse, parse_sentences, parser_versions
from quiz.content.sentences import split_sentences
from quiz.content.temporal import Mention, find_dates, find_dates_in_sentences, needs_publication_date
from quiz.content.timespan import Point, Precision, Span
from quiz.content.worth import Candidate, left_out_because


@dataclass(frozen=True)
class Fact:
    key: str  # hash of the document name, the sentence and the date words
    document: str  # file name
    sentence: str
    when: str  # the date words as written
    span: Span
    event: str  # what happened, readable on its own, without the date
    sentence_spans: tuple[Span, ...]  # every date the sentence makes true, this one included
    horizon: Point | None  # the latest date a distractor may fall on for a past event
    in_name: bool = False  # the date belongs to a name: "the Indo-Pakistani War of 1965"
    at: int = -1  # where `when` starts in `sentence`
    cloze: str = ""  # the sentence, or else the event's clause, with the date blanked: for date questions
    stands_alone: bool = True  # the event says what it is about without its sentence: it may be an option
    asked: bool = True  # worth a question (quiz.content.worth); otherwise `reason` says why not
    reason: str = ""


@dataclass(frozen=True)
class Skipped:
    """A date expression left out, and why (shown by the preview)."""

    document: str
    sentence: str
    when: str
    reason: str


def fact_key(document: str, sentence: str, when: str, occurrence: int = 0) -> str:
    """Return a stable key for one date expression of one sentence."""
    parts = [document, sentence, when] + ([str(occurrence)] if occurrence else [])
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]


@dataclass(frozen=True)
class PublicationDate:
    """A document's publication date and where it came from."""

    date: datetime.date | None
    origin: str  # "front matter", "inferred from ...", or why it is unknown

    @property
    def guessed(self) -> bool:
        """Tell whether the date is only the text's latest date, not one the text gives as its own."""
        return self.origin.startswith(LATEST_DATE_ORIGIN)


def extract_facts(document: Document) -> tuple[list[Fact], list[Skipped]]:
    """Return the dated facts of a document and the date expressions left out.

    The result is cached on disk by the document and the pipeline's own code and model, so a reload
    of unchanged documents finds every fact again without parsing or reading a sentence.
    """
    key = _extraction_key(document)
    stored = store.read("facts", [key]).get(key)
    if isinstance(stored, bytes):
        facts, skipped = pickle.loads(stored)  # written below, by this same code
        return facts, skipped
    result = _extract_facts(document)
    store.write("facts", {key: pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)})
    return result


def _extraction_key(document: Document) -> str:
    parts = [_code_stamp(), document.name, document.title, document.text, str(document.published)]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


@cache
def _code_stamp() -> str:
    """Return a hash of the pipeline's source and of the parser's versions: what the facts depend on."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    digest.update(parser_versions().encode())
    return digest.hexdigest()


def _extract_facts(document: Document) -> tuple[list[Fact], list[Skipped]]:
    sentences = [sentence.text for sentence in split_sentences(document.text)]
    found = find_dates_in_sentences(sentences, published=document.published)
    if document.published is None and any(map(needs_publication_date, itertools.chain(*found))):
        inferred = _infer_publication_date(document, found)
        published = inferred.date
        if published is not None:
            again = find_dates_in_sentences(sentences, published=published)
            found = _keep_yearless(found, again) if inferred.guessed else again
    else:
        published = document.published
    horizon = _horizon(published, found)
    events = _events(sentences, found, document.title)
    facts: list[Fact] = []
    skipped: list[Skipped] = []
    occurrences: Counter[tuple[str, str]] = Counter()  # a sentence may repeat within a document
    for sentence, mentions, sentence_events in zip(sentences, found, events, strict=True):
        dateline = _dateline_end(sentence) if mentions else 0
        publication_line = bool(_PUBLISHED_MARKER.match(sentence))
        resolved = [mention for mention in mentions if mention.span is not None]
        spans = tuple(mention.span for mention in resolved if mention.span is not None)
        for mention in mentions:
            if mention.span is None:
                skipped.append(Skipped(document.name, sentence, mention.text, mention.reason))
                continue
            occurrence = occurrences[sentence, mention.text]
            occurrences[sentence, mention.text] += 1
            event = _refuse_defects(sentence_events[mention.start])
            # Only a stated publication date says what lay ahead; an inferred one is a guess from the text.
            candidate = Candidate(
                event,
                mention.span,
                mention.start < dateline or publication_line,
                document.published,
                mention.text,
                approximate=bool(_APPROXIMATE.search(sentence, 0, mention.start)),
                about_an_event=_title_is_an_event(document.title),
            )
            cloze, unclear = _cloze(event, mention.span, [other for other in spans if other != mention.span])
            reason = left_out_because(candidate) or unclear
            facts.append(
                Fact(
                    key=fact_key(document.name, sentence, mention.text, occurrence),
                    document=document.name,
                    sentence=sentence,
                    when=mention.text,
                    span=mention.span,
                    event=event.text,
                    sentence_spans=spans,
                    horizon=horizon,
                    in_name=event.kind == "name",
                    at=mention.start,
                    cloze=cloze,
                    stands_alone=placeable(event.text, noun=event.kind == "noun")
                    and not (event.unnamed or event.cut),
                    asked=not reason,
                    reason=reason,
                )
            )
    return facts, skipped


def _events(sentences: list[str], found: list[list[Mention]], title: str) -> list[dict[int, Event]]:
    """Find the event of every resolved date, parsing only the sentences that hold one."""
    dated = [index for index, mentions in enumerate(found) if any(m.span is not None for m in mentions)]
    parses = dict(zip(dated, parse_sentences([sentences[index] for index in dated]), strict=True))
    whole = _DocumentParses(sentences, title)
    events: list[dict[int, Event]] = []
    for index, mentions in enumerate(found):
        ranges = [(m.start, m.end) for m in mentions]  # unplaced dates are still not part of an event
        context = _DocumentContext(whole, index, title)
        prefix = _prefix_end(sentences[index], first=index == 0) if mentions else 0
        events.append(
            {
                m.start: find_event(
                    parses[index],
                    m.start,
                    m.end,
                    [r for r in ranges if r[0] != m.start],
                    context,
                    after=prefix,
                )
                for m in mentions
                if m.span is not None
            }
        )
    return events


# "Iran–Pakistan relations", "India-Iran ties": a title about two parties.
_TITLE_PAIR = re.compile(r"([A-Z][a-z]+)\s?[–-]\s?([A-Z][a-z]+)\s+(?:relations|ties|talks|war|border)\b")
ANTECEDENT_REACH = 3  # sentences a pronoun may look back through a chain of the same pronoun
# Words that make a title the name of a thing, not a person: "Suez Canal", "House of Tudor" are not "he".
THING_WORDS = frozenset(
    """
    canal war wars empire dynasty house railway river city town history revolution treaty discovery
    movement mission republic kingdom restoration programme program dam bridge crisis rising rebellion
    company bank party church university museum island islands sea ocean lake street epidemic union
    era age reform reforms expedition siege battle campaign act fire wall plague famine earthquake flood
    """.split()
)
# News convention: "the city" is the dateline's city, "the company" the one the lead sentence is about.
DATELINE_NOUNS = frozenset({"city", "capital", "town"})
# Last words of a business's name: "Nordvik Shipping", "Suncoast Airlines", "Bank Nusantara" aside.
BUSINESS_WORDS = frozenset(
    """
    shipping airlines airways air bank group motors corp corporation inc ltd plc holdings energy steel
    industries company telecom petroleum oil mining insurance logistics electric
    """.split()
)
LEAD_NOUNS = frozenset(
    "company firm group carrier airline bank lender maker manufacturer retailer insurer business".split()
)


# Nouns that make "X is a ..." a person: anything else the lead calls its subject is a thing, an "it".
PERSON_NOUNS = frozenset(
    """
    person man woman king queen emperor empress ruler monarch sultan prince princess duke pope saint
    writer poet novelist author playwright painter artist sculptor composer musician singer actor
    scientist physicist chemist biologist physician mathematician philosopher economist historian
    statesman politician president minister chancellor general admiral soldier leader activist
    explorer navigator engineer inventor architect industrialist businessman banker lawyer judge
    """.split()
)
# A building may be "the building" whatever the lead called it, and a cathedral "the church".
BUILDING_NOUNS = frozenset("church cathedral mosque basilica temple palace castle tower museum abbey".split())
HISTORY_OF = re.compile(r"^(?:The )?History of ", re.IGNORECASE)  # "History of Istanbul" is about Istanbul
# Places that a later town may stand on and be named after: "Mexico City was built on its ruins".
SETTLEMENTS = frozenset({"city", "town", "village", "capital", "settlement"})
ALSO_CALLED = {"cathedral": "church", "basilica": "church", "abbey": "church", "railway": "line"}


@dataclass
class _DocumentParses:
    """Every sentence of a document, parsed in one batch the first time a word points back."""

    sentences: list[str]
    title: str = ""
    parses: list[Parse] = field(default_factory=list)

    def before(self, index: int) -> list[Parse]:
        if not self.parses:
            self.parses.extend(parse_sentences(self.sentences))
        return self.parses[:index]

    @cached_property
    def title_nouns(self) -> frozenset[str]:
        """Return what the first sentence says a named title is: "Hagia Sophia is a former cathedral and
        mosque" gives {"cathedral", "mosque", "building"}; nothing when it does not say."""
        if not _title_is_name(self.title) or not self.sentences:
            return frozenset()
        parse = parse_sentences(self.sentences[:1])[0]
        root = next((token for token in parse.tokens if token.dep == "ROOT"), None)
        subject = main_subject(parse)
        if root is None or root.lemma != "be" or subject is None:
            return frozenset()
        if not set(self.title.lower().split()) <= {parse.tokens[i].lower for i in parse.subtree(subject.i)}:
            return frozenset()
        nouns = set()
        for child in parse.children(root.i):
            if child.dep == "attr" and child.pos == "NOUN":
                words = parse.subtree(child.i)
                for token in parse.children(child.i):
                    if token.dep in {"prep", "relcl", "acl", "punct"}:
                        words -= parse.subtree(token.i)
                nouns |= {parse.tokens[i].lemma.lower() for i in words if parse.tokens[i].pos == "NOUN"}
        nouns |= {ALSO_CALLED[noun] for noun in nouns if noun in ALSO_CALLED}
        return frozenset(nouns | ({"building"} if nouns & BUILDING_NOUNS else set()))

    @cached_property
    def title_phrase(self) -> str:
        """Return the title as the first sentence says it: "the Black Death" for "Black Death"."""
        if self.sentences and (subject := subject_of(parse_sentences(self.sentences[:1])[0])):
            phrase, _ = subject
            if phrase.lower() == f"the {self.title.lower()}":
                return phrase
        return self.title

    @property
    def title_is_a_thing(self) -> bool:
        return bool(self.title_nouns) and not self.title_nouns & PERSON_NOUNS


@dataclass(frozen=True)
class _DocumentContext:
    """The sentences before sentence `index` of a document, for the words that point back to them."""

    document: _DocumentParses
    index: int
    title: str

    def antecedent(self, kind: str) -> str | None:
        """Return the subject of the sentence before when it is of the pronoun's kind.

        When that subject is itself such a pronoun ("He ... He ..."), the search goes further
        back, and at the start of a chain the document's subject, its title, is what "He" or "It"
        means. In a life of Joseph Conrad, "He" is Conrad even when the sentence before was about
        "Lord Jim".
        """
        parses = self._parses_before()
        for back in range(self.index - 1, max(self.index - 1 - ANTECEDENT_REACH, -1), -1):
            subject = subject_of(parses[back])
            if subject is None:
                continue  # "His father was sent into exile": no subject to point at, look further back
            if two_subjects(parses[back]):
                return None  # "The Vienna Convention was agreed, and the Montreal Protocol followed. It"
            phrase, found_kind = subject
            if found_kind == "person" and self.document.title_is_a_thing and self.title in phrase:
                found_kind = "singular"  # "Hagia Sophia ... is a former cathedral": an "it"
            other_person = not set(phrase.split()) & set(self.title.split())
            if found_kind == kind == "person" and _title_is_name(self.title) and other_person:
                return self._title_as(kind)
            if found_kind == kind == "singular" and " " not in phrase:
                return None  # "Deregulation ... It bought National Airlines": a bare noun is rarely "it"
            if found_kind == kind:
                return phrase
            if found_kind != f"pronoun {kind}":
                return None  # another subject came between: the pronoun may be about it
        if self.index == 0:
            return None
        return self._title_as(kind)

    def _title_as(self, kind: str) -> str | None:
        """Return the title as what a pronoun of this kind stands for, if the title can be one."""
        if self.document.title_is_a_thing:  # "The Hundred Days was the period ...": never "he"
            return self.document.title_phrase if kind == "singular" else None
        return _title_subject(self.title, kind)

    def _parses_before(self) -> list[Parse]:
        return self.document.before(self.index)

    def pair(self) -> str | None:
        """Return the nearest earlier subject of exactly two names, or the two of the title."""
        for parse in reversed(self._parses_before()):
            if found := pair_in(parse):
                return found
        match = _TITLE_PAIR.match(self.title)
        return f"{match.group(1)} and {match.group(2)}" if match else None

    def named(self, noun: str) -> str | None:
        """Return the one name the document gave `noun` before: "the Zoji La pass" for "the pass".

        Two different names ("the Mughal emperor", "the Maurya emperor") leave the noun bare: the
        reader could not tell which one is meant, and neither can we.
        """
        if _title_names(self.title, noun):
            # "the empire" of a text titled "Inca Empire" is "the Inca Empire", even after it named the
            # Spanish Empire
            title = self.title
            return title[:1].lower() + title[1:] if title.startswith("The ") else f"the {title}"
        if noun in SETTLEMENTS and _title_is_name(self.title) and noun not in self.document.title_nouns:
            return None  # "the city" of "Tenochtitlan" is not "Mexico City", built on its ruins
        names = {found for parse in self._parses_before() if (found := named_in(parse, noun))}
        if noun in self.document.title_nouns and not names:  # "the church" of "Hagia Sophia is a church"
            title = HISTORY_OF.sub("", self.title)  # "the city" of "History of Istanbul" is Istanbul
            head = title.split(" of ")[0].split()[-1].lower()  # "Fire" of "Great Fire of London"
            return f"the {title}" if head in THING_WORDS and not title.startswith("The ") else title
        if not names and self.index > 0:
            names |= {found} if (found := self._from_the_lead(noun)) else set()
        return names.pop() if len(names) == 1 else None

    def _from_the_lead(self, noun: str) -> str | None:
        """Return what a news story's first sentence makes of "the city" or "the company", if anything."""
        lead = self.document.sentences[0]
        if noun in DATELINE_NOUNS and (place := _DATELINE_PLACE.match(lead)):
            city = place.group(1).title()
            # A story filed from Lausanne may be about Barcelona: only a city its headline names is sure.
            return city if city.casefold() in self.title.casefold() else None
        story = lead[_prefix_end(lead, first=True) :]  # the dateline would read as a subject
        parse = parse_sentences([story])[0]
        if noun in LEAD_NOUNS and (subject := subject_of(parse)):
            phrase, _ = subject
            named = all(word[:1].isupper() for word in phrase.split())  # a name, not "the carrier"
            business = _described_as_a_business(parse) or phrase.split()[-1].lower() in BUSINESS_WORDS
            if named and business:
                return phrase
        return None


def _described_as_a_business(parse: Parse) -> bool:
    """Tell whether a lead's subject is set off as a business: "Nordvik Shipping, a container carrier,"."""
    subject = main_subject(parse)
    if subject is None:
        return False
    return any(c.dep == "appos" and c.lemma.lower() in LEAD_NOUNS for c in parse.children(subject.i))


def _title_subject(title: str, kind: str) -> str | None:
    """Return the title as the subject a pronoun chain starts from: "Joseph Conrad", "The Kiel Canal"."""
    if not _title_is_name(title):
        return None
    words = title.lower().split()
    person = words[0] != "the" and "of" not in words and not THING_WORDS & set(words)
    return title if (kind == "person") == person and kind != "plural" else None


def _title_is_name(title: str) -> bool:
    words = title.split()
    return 1 <= len(words) <= 4 and all(word[:1].isupper() for word in words if word.lower() != "of")


def _title_is_an_event(title: str) -> bool:
    """Tell whether a title names an event with sides to it: "Battle of Adwa", "Mexican Revolution"."""
    head = HISTORY_OF.sub("", title).split(" of ")[0].split()
    return _title_is_name(title) and bool(head) and head[-1].lower() in EVENT_NOUNS


def _title_names(title: str, noun: str) -> bool:
    """Tell whether a short title is the name of a thing of kind `noun`: "Inca Empire" for "the empire",
    "The Broad Street cholera outbreak" for "the outbreak", "Treaty of Waitangi" for "the treaty"."""
    words = title.split()
    named = _title_is_name(title) or (len(words) <= 6 and any(word[:1].isupper() for word in words[1:]))
    head = title.split(" of ")[0].split()[-1]  # "the treaty" of "Treaty of Waitangi"
    return named and noun in {words[-1].lower(), head.lower()}


def _cloze(event: Event, span: Span, others: list[Span]) -> tuple[str, str]:
    """Return the words a date question shows, the date blanked, and why they cannot be asked, if so.

    The whole sentence is preferred: a clause cut out of it can lose what it needs ("The last of whom
    left on ____"). Not when another of its dates would give the answer away ("In the ____ ... the
    Süleymaniye Mosque (1550–1557)") or narrow it down ("Valmy on 20 September, and the following day
    ...; the Republic was proclaimed on ____"): then the clause alone, if it says what it is about.
    """
    whole = event.sentence_cloze
    clean = bool(whole) and MASK not in hide(whole, span)
    if clean and not any(_near(other, span) for other in others):
        if vague_stem(whole, whole=True):  # "A poor harvest in ____ drove up the price of bread"
            return whole, "the sentence does not say what it is about"
        return whole, ""
    if not event.cloze:
        return "", ""
    if clean and event.cut:
        return "", "the other dates of the sentence would give the answer away"
    if MASK in hide(event.cloze, span):  # "the Nika riots of 532" beside 532–537
        return event.cloze, "the date cannot be hidden without hiding another"
    if event.cut:  # "brought giraffes from Bengal [in 1414 and from Malindi] the following year"
        return event.cloze, "the clause would lose another date of its sentence"
    if vague_stem(event.cloze):  # "A treaty was signed in Paris in ____": which treaty?
        return event.cloze, "the clause does not say what it is about"
    return event.cloze, ""


# How close another date of the sentence may come before it narrows the answer down, in days.
NEAR_DAYS = {
    Precision.DAY: 45,
    Precision.MONTH: 190,
    Precision.YEAR: 6 * 366,
    Precision.DECADE: 20 * 366,
    Precision.CENTURY: 100 * 366,
}


def _near(other: Span, span: Span) -> bool:
    def days(point: Point) -> int:
        return point.year * 366 + point.month * 31 + point.day

    return abs(days(other.start) - days(span.start)) <= NEAR_DAYS[span.precision]


def _refuse_defects(event: Event) -> Event:
    """Drop a cloze or an event text that reads badly: asking nothing beats asking in broken English."""
    if event.sentence_cloze and text_defects(event.sentence_cloze):
        event = replace(event, sentence_cloze="")
    if event.cloze and (kinds := text_defects(event.cloze)):
        return replace(event, text="", cloze="", reason=f"would read badly ({', '.join(kinds)})")
    if event.text and (kinds := event_defects(event.text)):
        return replace(event, text="", reason=f"the event would read badly ({', '.join(kinds)})")
    return event


# "around 1400", "c. 1070", "about the 5th century": the words that make a date approximate, just before it.
_APPROXIMATE = re.compile(r"(?i)\b(?:around|about|circa|c\.|ca\.|approximately|roughly)\s+(?:the\s+)?$")


# Capital letters of the Latin alphabets: a dateline may be "TURNU MĂGURELE" or "GÖLCÜK".
_CAPS = "".join(letter for letter in map(chr, range(0x250)) if letter.isupper())
# "LONDON — ", "HARRISBURG, Pa. — ", "SRINAGAR -- ", "TURNU MĂGURELE, Romania — ": a place that opens a story.
_PLACE_LINE = re.compile(
    rf"[{_CAPS}][{_CAPS} .'-]{{2,40}}(?:,\s*[{_CAPS}][\w.]{{1,12}})?\s*"
    r"(?:\([^)\n]{1,30}\)\s*)?(?:—|–|--)\s*"
)


# The place of a dateline, with or without its date: "SARAJEVO, Aug 30 —", "LONDON —".
_DATELINE_PLACE = re.compile(
    rf"([{_CAPS}][{_CAPS}.'-]+(?: [{_CAPS}][{_CAPS}.'-]+){{0,3}})(?=,|\s*(?:—|–|--))"
)


# "HALVERSEN: ", "TOM HALVERSEN, BYLINE: ", "BERNARD SHAW, Anchor: ": a speaker in a transcript.
_SPEAKER = re.compile(r"[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Za-z][A-Za-z .'-]{1,30})?:\s+")


def _prefix_end(sentence: str, *, first: bool) -> int:
    """Return where a speaker's name, or in a document's first sentence a dateline, ends; else 0."""
    speaker = _SPEAKER.match(sentence)
    end = speaker.end() if speaker else 0
    if first:
        place = _PLACE_LINE.match(sentence)
        end = max(end, _dateline_end(sentence), place.end() if place else 0)
    return end


def _horizon(published: datetime.date | None, found: list[list[Mention]]) -> Point | None:
    if published is not None:
        return Point(published.year, published.month, published.day)
    return max((m.span.end for m in itertools.chain(*found) if m.span is not None), default=None)


# Publication date ---------------------------------------------------------------------------------

_PUBLISHED_MARKER = re.compile(r"(?i)\b(?:published|posted|updated|dated|last modified)\b\s*(?:on|:)?\s*")


# "NEW DELHI, May 27, 2025 —", "Monday, 26 May 2025:", or a first line that is only a date.
_DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Za-z .'-]{1,40},\s+)?[^\n—–(]{0,25}?\d{1,4}(?:\s*\([^)\n]{1,30}\))?"
    r"(?:\s+(?:—|–|--|-)\s|\s*:\s|\s*\n)"
)


def publication_date(document: Document) -> PublicationDate:
    """Return the publication date from front matter, or infer it from the text where it says so."""
    if document.published is not None:
        return PublicationDate(document.published, "front matter")
    found = find_dates_in_sentences([s.text for s in split_sentences(document.text)], published=None)
    if not any(map(needs_publication_date, itertools.chain(*found))):
        return PublicationDate(None, "not needed: no date in the text depends on it")
    return _infer_publication_date(document, found)


LATEST_DATE_ORIGIN = "inferred from the latest full date in the text"


def _keep_yearless(first: list[list[Mention]], again: list[list[Mention]]) -> list[list[Mention]]:
    """Keep the days and months without a year that the first reading placed after the date before them.

    A publication date guessed from a text's latest date may say when "today" is, but a history's "on
    6 November" after "5 November 1956" is 1956, not the November nearest the guess.
    """
    merged = []
    for before, after in zip(first, again, strict=True):
        placed = {m.start: m for m in before if m.yearless and m.span is not None}
        merged.append([placed.get(m.start, _unless_a_weekday(m)) for m in after])
    return merged


GUESSED_WEEKDAY = "a weekday in a text without a date of its own"


def _unless_a_weekday(mention: Mention) -> Mention:
    """Leave out a bare weekday counted from a guessed publication date: a history's "By Thursday" is
    the Thursday after the day it last named, in a calendar (Old Style) no rule here can count."""
    if mention.rule != "weekday" or mention.span is None:
        return mention
    return replace(mention, span=None, reason=GUESSED_WEEKDAY)


def _infer_publication_date(document: Document, found: list[list[Mention]]) -> PublicationDate:
    for marker in _PUBLISHED_MARKER.finditer(document.text):
        dates = _full_dates(find_dates(document.text[marker.end() : marker.end() + 40]))
        if dates and dates[0][1] == 0:
            return PublicationDate(dates[0][0], f"inferred from '{marker.group().strip()} {dates[0][2]}'")
    if (end := _dateline_end(document.text)) and (dates := _full_dates(find_dates(document.text[:end]))):
        return PublicationDate(dates[0][0], f"inferred from the dateline '{dates[0][2]}'")
    mentions = list(itertools.chain(*found))
    latest = max(_full_dates(mentions), default=None)
    if latest is not None and any(m.relative and not m.yearless for m in mentions):
        return PublicationDate(latest[0], f"{LATEST_DATE_ORIGIN}, '{latest[2]}'")
    return PublicationDate(None, "no front matter, no dateline and no 'Published' line")


def _dateline_end(text: str) -> int:
    """Return where a dateline ("BEIJING, Jan 8 (Reuters) —") ends at the start of the text, or 0."""
    dateline = _DATELINE.match(text)
    return dateline.end() if dateline and find_dates(dateline.group()) else 0


def _full_dates(mentions: list[Mention]) -> list[tuple[datetime.date, int, str]]:
    return [
        (datetime.date(m.span.start.year, m.span.start.month, m.span.start.day), m.start, m.text)
        for m in mentions
        if m.span is not None
        and not m.relative
        and m.span.precision is Precision.DAY
        and not m.span.is_range
        and m.span.start.year > 0
    ]
