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
    r",\s+(?:[\w'’-]+\s+){0,4}(?:said|says|told|added|announced|reported|stated)\b[^,]*$"
)
# "on" ends a phrase as an adverb, not a preposition: "while the conflict was still on,".
ADVERB_ON = re.compile(r"(?i)\b(?:still|was|were|is|are|be|been|going|went|carried|held|came|moved|live)\s+$")
MIN_EVENT_WORDS = 3


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
}
# Checks of an event as an option or a card's answer.
EVENT_CHECKS: dict[str, Callable[[str], bool]] = {
    "date inside an event": lambda text: bool(find_dates(text)),
    "event under 3 words": lambda text: len(re.findall(r"[A-Za-z]+", text)) < MIN_EVENT_WORDS,
}


def text_defects(text: str) -> list[str]:
    """Return the kinds of defect of a text students read."""
    return [kind for kind, check in TEXT_CHECKS.items() if check(text)]


def event_defects(text: str) -> list[str]:
    """Return the kinds of defect of an event text, as an option or a card's answer."""
    return [kind for kind, check in {**TEXT_CHECKS, **EVENT_CHECKS}.items() if check(text)]
