"""The admin: read-only content with the teacher's switch, and teachers' views of their students."""

from quiz.admin import (
    accounts,  # noqa: F401  (re-registers Django's user admin with the lookalike check)
    classes,  # noqa: F401  (registers the classes admin)
    content,  # noqa: F401  (registers the content admins)
    students,  # noqa: F401  (registers the teachers' student admin)
)
