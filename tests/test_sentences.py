from __future__ import annotations

import pytest

from quiz.content.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "After the U.S. complete withdrawal, Pakistan acted. Iran agreed.",
            ["After the U.S. complete withdrawal, Pakistan acted.", "Iran agreed."],
        ),
        (
            "Dr. Jaishankar met Mr. Araghchi. They talked.",
            ["Dr. Jaishankar met Mr. Araghchi.", "They talked."],
        ),
        ("Fruit, e.g. apples, grew. Trade rose.", ["Fruit, e.g. apples, grew.", "Trade rose."]),
        (
            "J. R. R. Tolkien wrote it. He was born in 1892.",
            ["J. R. R. Tolkien wrote it.", "He was born in 1892."],
        ),
        (
            '"It is high time," he said. "We want peace." Sharif left.',
            ['"It is high time," he said.', '"We want peace."', "Sharif left."],
        ),
        (
            "The empire (c. 1526 – c. 1857) fell. Its rulers (r. 1556–1605) were strong.",
            ["The empire (c. 1526 – c. 1857) fell.", "Its rulers (r. 1556–1605) were strong."],
        ),
        (
            "The Gaza Unity Factor\nAccording to a report, he spoke.",
            ["The Gaza Unity Factor", "According to a report, he spoke."],
        ),
        ("Prices rose 3.5 percent. Exports fell.", ["Prices rose 3.5 percent.", "Exports fell."]),
    ],
)
def test_split_sentences_respects_abbreviations_quotes_and_brackets(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_split_sentences_offsets_point_at_the_sentence_in_the_text() -> None:
    text = "First one.  Second one.\n\nThird."
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.start + len(sentence.text)] == sentence.text
