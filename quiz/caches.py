"""A cache that every gunicorn worker shares, for counters that must add up across them."""

from __future__ import annotations

from typing import Any

from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction


class AtomicDatabaseCache(DatabaseCache):
    """Django's database cache, with an `incr` that loses no count when requests run in parallel.

    Django's `DatabaseCache.incr` reads the value and writes it back, so two workers counting at once can
    both write the same number. Here the read and the write share a transaction that holds the row: a
    `SELECT ... FOR UPDATE` on PostgreSQL, and on SQLite the write lock its IMMEDIATE transactions
    (`transaction_mode` in settings.py) take at their start.
    """

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        with transaction.atomic(using=db):
            if connection.features.has_select_for_update:
                table, column = (connection.ops.quote_name(name) for name in (self._table, "cache_key"))
                with connection.cursor() as cursor:
                    cursor.execute(
                        f"SELECT 1 FROM {table} WHERE {column} = %s FOR UPDATE",
                        [self.make_and_validate_key(key, version=version)],
                    )
            return super().incr(key, delta, version)
