"""The ASGI application: Django's handler, running its synchronous code on a few long-lived threads."""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import django
from asgiref.sync import ThreadSensitiveContext, sync_to_async
from django.conf import settings
from django.core.handlers.asgi import ASGIHandler
from django.db import connections

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quizsite.settings")


class PooledASGIHandler(ASGIHandler):
    """Run each request's synchronous code (middleware, view, signals) on one of a fixed set of threads.

    Django's own handler gives every request a thread of its own, and a database connection belongs to
    its thread, so each request connected anew: a persistent connection would be left open by every
    request until PostgreSQL refused more. Here a worker has `threads` threads, each keeping its one
    connection (CONN_MAX_AGE). A request that finds them all busy waits for one in the event loop, but
    no longer than `overflow_after` seconds: then it runs as Django would run it, on a thread of its own
    whose connection is closed at its end, so that requests stuck behind a held lock (a reload on
    SQLite) cannot keep the liveness probe or anything else waiting.
    """

    def __init__(self, threads: int, overflow_after: float = 0.1) -> None:
        super().__init__()
        self.overflow_after = overflow_after
        self.executors: asyncio.Queue[ThreadPoolExecutor] = asyncio.Queue()
        for number in range(threads):
            executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"django-{number}")
            self.executors.put_nowait(executor)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return await super().__call__(scope, receive, send)  # Django refuses it, as it always did
        if (executor := await self._executor()) is None:
            async with ThreadSensitiveContext():  # a new thread, as in Django's handler
                await self.handle(scope, receive, send)
                await sync_to_async(connections.close_all)()  # on that thread: nothing is left open
            return None
        try:
            async with ThreadSensitiveContext(executor=executor):
                await self.handle(scope, receive, send)
        finally:
            self.executors.put_nowait(executor)
        return None

    async def _executor(self) -> ThreadPoolExecutor | None:
        """Return a free thread's executor, or None when none came free within `overflow_after`."""
        getter = asyncio.ensure_future(self.executors.get())
        done, _pending = await asyncio.wait({getter}, timeout=self.overflow_after)
        if done:
            return getter.result()
        getter.cancel()
        try:
            return await getter  # it may have got one as it was cancelled: never lose a thread
        except asyncio.CancelledError:
            return None


django.setup(set_prefix=False)
application = PooledASGIHandler(threads=settings.QUIZ_REQUEST_THREADS)
