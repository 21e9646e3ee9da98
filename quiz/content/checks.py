"""The patterns of text a teacher would not hand out: a dangling "in", an empty "()", "he said" tails.

Kept apart from quiz.content.defects so that the pipeline can refuse such a text when it writes it,
and the report can count what still got through.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from quiz.content.temporal import find_dates

ELLIPSIS = re.compile(r"…|\.\.\.")
DANGLING = re.compile(
    r"(?i)(?<![\w.])(?:in|on|at|of|from|to|by|the|(?-i:a)|an|and|or|with|since|until|during|between|for|than|as)"
    r"\s*(?:[,.;:!?)](?=\s|$)|$)"
)
EMPTY_SLOT = re.compile(r"\(\s*[,;:–—-]?\s*\)|\s[,;:]|[,;]\s*[,;.]|\(\s*[,;–—-]")
ORPHAN_PARTICIPLE = re.compile(r",\s+[a-z]+(?:ed|en|ught)\s*(?:[,.;]|$)")  # ", published,", ", fought"
PRONOUN_START = re.compile(r"^(?:It|He|She|They|This|These|Those|Its|His|Her|Their|We|I|Them|Him)\b")
REPORTED_TAIL = re.compile(
    r",\s+(?:[\w'’-]+\s+){0,4}(?<!has )(?<!have )(?<!had )"
    r"(?:said|says|told|added|announced|reported|stated)\b[^,]*$"
)
# "on" ends a phrase as an adverb, not a preposition: "while the conflict was still on,".
ADVERB_ON = re.compile(r"(?i)\b(?:still|was|were|is|are|be|been|going|went|carried|held|came|moved|live)\s+$")
MIN_EVENT_WORDS = 3
# "took Wuchang at the start", "investment through much": the frame of a date that was cut out of it.
CUT_FRAME = re.compile(
    r"(?i)\b(?:at|by|in|from|until|to|towards?) the (?:start|end|beginning|middle|close|turn|height|dawn)\b"
    r"(?!\s+of\b)"
    r"|(?i:\b(?:through|for|during|over|in) (?:much|most|the (?:first|second|latter) half)\b)(?!\s+of\b)"
)
# "troops fired on the procession, an event [that ...]": an aside that lost the clause saying what it is.
CUT_ASIDE = re.compile(
    r",\s+(?:an?|the)\s+(?:event|development|process|period|move|decision|step|act)\s*[.]?$"
)
# "Hanseatic merchants was recovered": a plural noun with a singular verb, where words were said otherwise.
SINGULAR_AFTER_PLURAL = re.compile(
    r"\b(?!(?:news|series|species|means|headquarters)\b)[a-z]+[^suia'sc]s (?:was|has)\b"
)

# "Madero and his vice-, José María Pino Suárez": half of a hyphenated word ("pre- and post-war" is fine).
SPLIT_WORD = re.compile(r"\w-(?=[,.;:)]|\s*$)")


def _dangling(text: str) -> bool:
    return any(
        not (match.group().lower().startswith("on") and ADVERB_ON.search(text, 0, match.start()))
        for match in DANGLING.finditer(text)
    )


# Checks of any text a student reads.
TEXT_CHECKS: dict[str, Callable[[str], bool]] = {
    "ellipsis": lambda text: bool(ELLIPSIS.search(text)),
    "dangling word": _dangling,
    "empty slot": lambda text: bool(EMPTY_SLOT.search(text)),
    "orphan participle": lambda text: bool(ORPHAN_PARTICIPLE.search(text)),
    "pronoun start": lambda text: bool(PRONOUN_START.match(text)),
    "reported-speech tail": lambda text: bool(REPORTED_TAIL.search(text.rstrip(".?! "))),
    "cut time frame": lambda text: bool(CUT_FRAME.search(text)),
    "cut aside": lambda text: bool(CUT_ASIDE.search(text)),
    "plural with singular verb": lambda text: bool(SINGULAR_AFTER_PLURAL.search(text)),
    "split word": lambda text: bool(SPLIT_WORD.search(text)),
}
# Checks of an event as an option or a card's answer.
EVENT_CHECKS: dict[str, Callable[[str], bool]] = {
    "date inside an event": lambda text: bool(find_dates(text)),
    "event under 3 words": lambda text: len(re.findall(r"[A-Za-z]+", text)) < MIN_EVENT_WORDS,
}


# An event among other options must say what it is about by itself: a student sees no sentence around it.
POINTERS = re.compile(r"(?i)\b(?:it|its|he|him|his|she|her|they|them|their|this|these|those|there)\b")
VAGUE_PHRASES = re.compile(
    r"\b(?i:the same|the two|both|the other|the latter|the former|the last of|the rest)\b"
    r"|\b[Tt]he (?:new|old) (?=[a-z])"  # "the new building", not "the New York State Legislature"
)
# "The change took effect", "The decision was closer": a word that stands for something said before.
ABSTRACT_START = re.compile(
    r"^The (?:change|move|decision|deal|case|crisis|ruling|plan|float|incident|dispute|proposal|project|"
    r"agreement|talks|idea|practice|development|effort|reform|reforms|strike|protest|protests|"
    r"community|government|authorities|region|works|parties|group)\b"
)
# "A development shaped ...", "A treaty was signed in Paris": which one? A name in the subject would say.
INDEFINITE_START = re.compile(r"(?:A|An|Some|One)\s")
SUBJECT_END = re.compile(r"\b(?:was|were|is|are|has|have|had|[a-z]+ed)\b")


def _generic_subject(text: str) -> bool:
    if not INDEFINITE_START.match(text):
        return False
    end = SUBJECT_END.search(text)
    subject = text[: end.start()] if end else text
    return not any(word[:1].isupper() for word in subject.split()[1:])


# "The airstrikes", "The floods": a dated noun names an event only with a name of its own.
NAMELESS_NOUN = re.compile(r"^[A-Z]\S*(?:\s+[a-z][\w'-]*)*$")

# "only weeks before", "three years later": counted from a date the option does not show.
COUNTED_FROM_ELSEWHERE = re.compile(
    r"(?i)\b(?:days?|weeks?|months?|years?|decades?)\s+(?:before|after|later|earlier)\b"
    r"|\bthe (?:following|previous|next|same) (?:day|week|month|year)\b"
)
# "handled fewer than 10 million", "The roughly 35 million used": a count with nothing counted.
BARE_COUNT = re.compile(r"\b(?:million|billion|thousand)\b(?!\s+(?:of\s+)?(?:[a-z]+s|people)\b)")

# "For which the bridge was opened", "The first, built under Constantius II, ...", "The largest, the
# Eastern Scheldt barrier, ...": words that lean on a noun of the sentence they came from.
LEANING_START = re.compile(
    r"(?i)^(?:\w+\s+)?(?:which|whom|whose)\b|^The (?:first|second|third|fourth|last|\w+est),"
)

# "After the Frankish king Pepin attacked the lagoon", "Later, the Lombards ...": half of a sentence.
JOINED_START = re.compile(
    r"^(?:After|Before|When|While|Although|Though|Because|Since|Until|As|If|Once|Later|Then|Meanwhile|However)\b"
)

OPTION_CHECKS: dict[str, Callable[[str], bool]] = {
    "half of a sentence": lambda text: bool(JOINED_START.match(text)),
    "leans on its sentence": lambda text: bool(LEANING_START.match(text)),
    "a date, not an event": lambda text: text[:1].isdigit(),  # "9 Thermidor Year II"
    "counted from elsewhere": lambda text: bool(COUNTED_FROM_ELSEWHERE.search(text)),
    "bare count": lambda text: bool(BARE_COUNT.search(text)),
    "pronoun": lambda text: bool(POINTERS.search(text)),
    "vague reference": lambda text: bool(VAGUE_PHRASES.search(text)),
    "generic subject": _generic_subject,
    "abstract subject": lambda text: bool(ABSTRACT_START.match(text)),
}


# "Construction formally began": three words say something only with a name among them.
SHORT_WORDS = 3


def placeable(text: str, *, noun: bool = False) -> bool:
    """Tell whether an event can stand as an option or a card's answer, with nothing around it."""
    if not text or any(check(text) for check in OPTION_CHECKS.values()):
        return False
    if len(text.split()) <= SHORT_WORDS and not any(word[:1].isupper() for word in text.split()[1:]):
        return False
    return not (noun and NAMELESS_NOUN.match(text))


def vague_stem(text: str, *, whole: bool = False) -> bool:
    """Tell whether words asked for their date do not say what they are about: "A letter was written in
    ____", "The change took effect on ____". A whole sentence with a name in it says enough."""
    named = any(word[:1].isupper() for word in text.split()[1:])
    generic = _generic_subject(text) or bool(ABSTRACT_START.match(text))
    if whole:  # "the two coasts" of a whole sentence is what its own words say
        return generic and not named
    return generic or bool(VAGUE_PHRASES.search(text) or LEANING_START.match(text))


def text_defects(text: str) -> list[str]:
    """Return the kinds of defect of a text students read."""
    return [kind for kind, check in TEXT_CHECKS.items() if check(text)]


def event_defects(text: str) -> list[str]:
    """Return the kinds of defect of an event text, as an option or a card's answer."""
    return [kind for kind, check in {**TEXT_CHECKS, **EVENT_CHECKS}.items() if check(text)]
