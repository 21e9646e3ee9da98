"""Small builders of content-pipeline objects, so tests do not depend on the real extraction."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from quiz.content import timespan
from quiz.content.collection import Collection
from quiz.content.documents import Document
from quiz.content.facts import Fact, Skipped, fact_key
from quiz.content.questions import Asks, Direction, Flashcard, Question


def make_document(
    name: str = "alpha.txt", *, title: str = "", published: datetime.date | None = None
) -> Document:
    return Document(
        name=name, title=title or f"About {name}", text=f"The text of {name}.", published=published
    )


def make_fact(
    document: str = "alpha.txt",
    *,
    number: int = 0,
    span: timespan.Span | None = None,
    event: str = "",
) -> Fact:
    span = span or timespan.year(1900 + number)
    when = timespan.label(span)
    event = event or f"event {number} of {document} happened"
    sentence = f"In {when}, {event}."
    return Fact(
        key=fact_key(document, sentence, when),
        document=document,
        sentence=sentence,
        when=when,
        span=span,
        event=event,
        sentence_spans=(span,),
        horizon=None,
    )


def make_question(fact: Fact, *, asks: Asks = Asks.DATE, answer: int = 0) -> Question:
    if asks is Asks.DATE:
        stem, correct = f"When did {fact.event}?", fact.when
        wrong = [timespan.label(timespan.shift(fact.span, step)) for step in (1, 2, 3)]
    else:
        stem, correct = f"What happened in {fact.when}?", fact.event
        wrong = [f"{fact.event}, or not ({step})" for step in (1, 2, 3)]
    options = [*wrong[:answer], correct, *wrong[answer:]]
    return Question(
        key=f"{fact.key}:{asks.value}", fact=fact, asks=asks, stem=stem, options=tuple(options), answer=answer
    )


def make_flashcard(fact: Fact, *, direction: Direction = Direction.DATE_TO_EVENT) -> Flashcard:
    front, back = (fact.when, fact.event) if direction is Direction.DATE_TO_EVENT else (fact.event, fact.when)
    return Flashcard(
        key=f"{fact.key}:{direction.value}", fact=fact, direction=direction, front=front, back=back
    )


def collection_from(
    documents: Sequence[Document], facts: Sequence[Fact], skipped: Sequence[Skipped] = ()
) -> Collection:
    """Return a collection with two questions and two flashcards for each fact."""
    return Collection(
        documents=tuple(documents),
        facts=tuple(facts),
        questions=tuple(make_question(fact, asks=asks, answer=1) for fact in facts for asks in Asks),
        flashcards=tuple(
            make_flashcard(fact, direction=direction) for fact in facts for direction in Direction
        ),
        skipped=tuple(skipped),
    )


def make_collection(*, documents: int = 2, facts: int = 3) -> Collection:
    """Return `documents` documents with `facts` facts each."""
    names = [f"doc_{index:03d}.txt" for index in range(documents)]
    return collection_from(
        [make_document(name) for name in names],
        [make_fact(name, number=number) for name in names for number in range(facts)],
    )
