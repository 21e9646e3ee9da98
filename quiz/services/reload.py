"""Load a content collection into the database: add, update, keep or retire each row by its key.

Rows are compared as the database cursor returns them and upserted with one `executemany` per model.
`bulk_create` would build and compile a model instance per row, which costs about ten times the database
work and makes a reload of a thousand documents take a minute instead of seconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection, models, transaction
from django.db.backends.utils import CursorWrapper
from django.db.models.constants import OnConflict
from django.utils import timezone

from quiz.content.collection import Collection
from quiz.models import ContentStamp, Document
from quiz.services.rows import ModelRows, Values, content_rows

RETIRE_CHUNK = 500  # primary keys per UPDATE, below SQLite's limit of 999 parameters


@dataclass(frozen=True)
class ModelCounts:
    added: int
    updated: int
    unchanged: int
    retired: int

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.retired)


@dataclass(frozen=True)
class ReloadSummary:
    counts: dict[str, ModelCounts]  # by the model's plural name, parents first

    @property
    def changed(self) -> bool:
        return any(counts.changed for counts in self.counts.values())


@transaction.atomic
def content_reload(*, collection: Collection, dry_run: bool = False) -> ReloadSummary:
    """Save the rows of a collection, retire the active rows it no longer has, and count the changes.

    Only new and changed rows are written; `Question.is_enabled` of existing rows is never written.
    With `dry_run` the changes are counted and then rolled back.
    """
    levels = content_rows(collection)
    stamps = {Document: {"reloaded_at": timezone.now()}}
    ids: dict[type[models.Model], dict[str, int]] = {}
    counts: dict[str, ModelCounts] = {}
    with connection.cursor() as cursor:
        for level in levels:
            parent_ids = ids[level.model._meta.get_field(level.parent).related_model] if level.parent else {}
            name = str(level.model._meta.verbose_name_plural)
            counts[name], ids[level.model] = _level_reload(
                cursor, level, parent_ids=parent_ids, stamp=stamps.get(level.model, {})
            )
    # In this transaction: a request that starts once the reload is committed finds the new token and drops
    # its process's copy of the old content (quiz.services.content_cache).
    ContentStamp.objects.bump()
    if dry_run:
        transaction.set_rollback(True)
    return ReloadSummary(counts)


def _level_reload(
    cursor: CursorWrapper, level: ModelRows, *, parent_ids: dict[str, int], stamp: dict[str, Any]
) -> tuple[ModelCounts, dict[str, int]]:
    """Reload the rows of one model and return its counts and the ids of its rows by key."""
    model = level.model
    fields = [model._meta.get_field(name) for name in level.fields]
    columns = [model._meta.pk.column, "key", *(field.column for field in fields)]
    existing = {row[1]: row for row in _select(cursor, model, columns)}
    desired = {key: _with_parent_id(level, values, parent_ids) for key, values in level.rows.items()}
    added = [key for key in desired if key not in existing]
    updated = [key for key, values in desired.items() if key in existing and existing[key][2:] != values]
    _upsert(cursor, level, fields, {key: desired[key] for key in added + updated}, stamp=stamp)
    active = 2 + level.fields.index("is_active")
    retired = [row[0] for key, row in existing.items() if row[active] and key not in desired]
    _retire(model, retired)
    ids = (
        dict(_select(cursor, model, ["key", model._meta.pk.column]))
        if added
        else {key: row[0] for key, row in existing.items()}
    )
    return ModelCounts(len(added), len(updated), len(desired) - len(added) - len(updated), len(retired)), ids


def _with_parent_id(level: ModelRows, values: Values, parent_ids: dict[str, int]) -> Values:
    return (parent_ids[values[0]], *values[1:]) if level.parent else values


def _select(
    cursor: CursorWrapper, model: type[models.Model], columns: Sequence[str]
) -> list[tuple[Any, ...]]:
    quote = connection.ops.quote_name
    cursor.execute(f"SELECT {', '.join(map(quote, columns))} FROM {quote(model._meta.db_table)}")
    return cursor.fetchall()


def _upsert(
    cursor: CursorWrapper,
    level: ModelRows,
    fields: list[models.Field],
    rows: dict[str, Values],
    *,
    stamp: dict[str, Any],
) -> None:
    """Insert new rows and update changed ones, matching them by key; never write is_enabled of a row."""
    if not rows:
        return
    meta = level.model._meta
    stamped = [meta.get_field(name) for name in stamp]
    stamp_values = tuple(field.get_db_prep_save(stamp[field.name], connection) for field in stamped)
    # Fields the content does not carry (Question.is_enabled) get their default, on insert only.
    others = [
        f for f in meta.concrete_fields if not f.primary_key and f.name != "key" and f not in fields + stamped
    ]
    other_values = tuple(field.get_db_prep_save(field.get_default(), connection) for field in others)
    updated = [field.column for field in fields + stamped]
    cursor.executemany(
        _upsert_sql(meta.db_table, ["key", *updated, *(field.column for field in others)], updated),
        [(key, *values, *stamp_values, *other_values) for key, values in rows.items()],
    )


def _upsert_sql(table: str, columns: Sequence[str], updated: Sequence[str]) -> str:
    quote = connection.ops.quote_name
    on_conflict = connection.ops.on_conflict_suffix_sql([], OnConflict.UPDATE, updated, ["key"])
    placeholders = ", ".join(["%s"] * len(columns))
    return (
        f"INSERT INTO {quote(table)} ({', '.join(map(quote, columns))}) VALUES ({placeholders}) {on_conflict}"
    )


def _retire(model: type[models.Model], pks: Sequence[int]) -> None:
    """Mark rows inactive, a chunk of primary keys per query."""
    for start in range(0, len(pks), RETIRE_CHUNK):
        model._default_manager.filter(pk__in=pks[start : start + RETIRE_CHUNK]).update(is_active=False)
