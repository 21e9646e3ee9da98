"""The rate limits' cache: shared by every worker through the database, and exact when they count at once."""

from __future__ import annotations

import threading

import pytest
from django.core.cache import caches
from django.db import connections


@pytest.mark.django_db(transaction=True)
def test_incr_from_parallel_workers_loses_no_count():
    cache = caches["ratelimit"]
    cache.add("sign-ins", 0, 600)
    start = threading.Barrier(6)

    def worker() -> None:
        start.wait()
        try:
            for _ in range(20):
                caches["ratelimit"].incr("sign-ins")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert cache.get("sign-ins") == 120
    cache.clear()


@pytest.mark.django_db
def test_incr_keeps_counting_where_another_process_left_off():
    caches["ratelimit"].add("sign-ins", 5, 600)

    # A new cache object is what another gunicorn worker has: it reads the same table.
    other_worker = caches.create_connection("ratelimit")

    assert other_worker.incr("sign-ins") == 6
    assert caches["ratelimit"].get("sign-ins") == 6


@pytest.mark.django_db
def test_incr_of_a_missing_count_is_an_error_as_in_every_django_cache():
    with pytest.raises(ValueError, match="not found"):
        caches["ratelimit"].incr("never-set")
