"""The quiz app's models: the content taken from documents, and each student's learning."""

from quiz.models.content import (
    CARD_ASKED,
    Asks,
    Choice,
    Direction,
    Document,
    Fact,
    Flashcard,
    Precision,
    Question,
    keep_local_fields,
)
from quiz.models.learning import (
    Answer,
    Attempt,
    AttemptQuestion,
    CardStage,
    CardState,
    Rating,
    Review,
    ReviewSource,
)
from quiz.models.students import Student, TemporaryPassword

__all__ = [
    "CARD_ASKED",
    "Answer",
    "Asks",
    "Attempt",
    "AttemptQuestion",
    "CardStage",
    "CardState",
    "Choice",
    "Direction",
    "Document",
    "Fact",
    "Flashcard",
    "Precision",
    "Question",
    "Rating",
    "Review",
    "ReviewSource",
    "Student",
    "TemporaryPassword",
    "keep_local_fields",
]
