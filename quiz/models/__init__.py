"""The quiz app's models: the content taken from documents, and each student's learning."""

from quiz.models.classes import Assignment, Membership, SchoolClass, join_code_normalise
from quiz.models.content import (
    CARD_ASKED,
    Asks,
    Choice,
    ContentStamp,
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
    "Assignment",
    "Attempt",
    "AttemptQuestion",
    "CardStage",
    "CardState",
    "Choice",
    "ContentStamp",
    "Direction",
    "Document",
    "Fact",
    "Flashcard",
    "Membership",
    "Precision",
    "Question",
    "Rating",
    "Review",
    "ReviewSource",
    "SchoolClass",
    "Student",
    "TemporaryPassword",
    "join_code_normalise",
    "keep_local_fields",
]
