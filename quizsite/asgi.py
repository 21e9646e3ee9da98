"""The ASGI application: Django's handler, running its synchronous code on a few long-lived threads."""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import django
from asgiref.sync import ThreadSensitiveContext
from django.conf import settings
from django.core.handlers.asgi import ASGIHandler

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quizsite.settings")


class PooledASGIHandler(ASGIHandler):
    """Run each request's synchronous code (middleware, view, signals) on one of a fixed set of threads.

    Django's own handler gives every request a thread of its own, and a database connection belongs to
    its thread, so each request connected anew: a persistent connection would be left open by every
    request until PostgreSQL refused more. Here a worker has `threads` threads, each keeping its one
    connection (CONN_MAX_AGE), so a worker holds at most that many; a request that finds them all busy
    waits in the event loop, where slow clients wait too.
    """

    def __init__(self, threads: int) -> None:
        super().__init__()
        self.executors: asyncio.Queue[ThreadPoolExecutor] = asyncio.Queue()
        for number in range(threads):
            executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"django-{number}")
            self.executors.put_nowait(executor)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return await super().__call__(scope, receive, send)  # Django refuses it, as it always did
        executor = await self.executors.get()
        try:
            async with ThreadSensitiveContext(executor=executor):
                await self.handle(scope, receive, send)
        finally:
            self.executors.put_nowait(executor)


django.setup(set_prefix=False)
application = PooledASGIHandler(threads=settings.QUIZ_REQUEST_THREADS)
