from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

from asgiref.testing import ApplicationCommunicator
from django.core.signals import request_started

from quizsite.asgi import PooledASGIHandler


def scope(path: str) -> dict[str, object]:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }


async def get(handler: PooledASGIHandler, path: str) -> int:
    communicator = ApplicationCommunicator(handler, scope(path))
    await communicator.send_input({"type": "http.request", "body": b"", "more_body": False})
    start = await communicator.receive_output(timeout=10)
    await communicator.receive_output(timeout=10)  # the body
    await communicator.wait(timeout=10)
    return start["status"]


def test_pooled_handler_runs_every_request_on_one_of_its_threads() -> None:
    handler = PooledASGIHandler(threads=2, overflow_after=30)
    threads: set[int] = set()

    def record(**_kwargs: object) -> None:
        threads.add(threading.get_ident())

    async def many() -> list[int]:
        return await asyncio.gather(*(get(handler, "/health/") for _ in range(12)))

    request_started.connect(record)
    try:
        # A loop of its own in a thread of its own: browser tests may leave one running in this thread.
        with ThreadPoolExecutor(max_workers=1) as runner:
            statuses = runner.submit(asyncio.run, many()).result()
    finally:
        request_started.disconnect(record)

    assert statuses == [200] * 12
    assert 1 <= len(threads) <= 2  # Django's own handler starts a thread per request: 12 of them


def test_pooled_handler_serves_a_request_when_every_thread_is_busy() -> None:
    handler = PooledASGIHandler(threads=1, overflow_after=0.05)
    held = handler.executors.get_nowait()  # its one thread, taken as by a request stuck behind a lock

    with ThreadPoolExecutor(max_workers=1) as runner:
        status = runner.submit(asyncio.run, get(handler, "/health/")).result()

    assert status == 200
    assert handler.executors.empty()  # the overflow request took no thread of the pool
    held.shutdown()
