"""An open-loop load: requests sent at a fixed rate, whatever the server's pace, as students arrive.

wrk (and hey without -q) is closed-loop: a connection sends its next request when the last one is
answered, so a slow server is sent less and its delays hide (coordinated omission). Here request n is due
at start + n / rate; a pool of keep-alive connections sends each as soon as it is due and a connection is
free, and its latency counts from when it was due, so time spent waiting for a connection counts too.
hey's `-q` paces its workers the same way, but sends one body to every request, and each answer POST must
answer a different question.
"""

from __future__ import annotations

import http.client
import queue
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from quiz.benchmarks.traffic import Request

TIMEOUT_SECONDS = 30


@dataclass(frozen=True)
class OpenLoopResult:
    rate: float  # requests due per second
    seconds: float
    sent: int
    latencies_ms: tuple[float, ...]  # of the responses received, from when each request was due
    statuses: dict[int, int]
    socket_errors: int
    late_ms: float  # the most the pacer fell behind a request's due time (the client's own delay)

    @property
    def received(self) -> int:
        return len(self.latencies_ms)

    def percentile(self, share: float) -> float:
        """Return the latency that `share` (0 to 1) of the responses took at most (nearest rank)."""
        if not self.latencies_ms:
            return 0.0
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]

    def errors(self, expected: int) -> int:
        return sum(n for status, n in self.statuses.items() if status != expected) + self.socket_errors

    def acknowledged(self, expected: int) -> int:
        return self.statuses.get(expected, 0)


def open_loop_run(
    *,
    host: str,
    port: int,
    requests: Sequence[Request],
    csrf_secret: str,
    rate: float,
    seconds: float,
    connections: int = 32,
) -> OpenLoopResult:
    """Send requests[n] at start + n / rate for `seconds` (each at most once) and time the responses."""
    count = min(len(requests), int(rate * seconds))
    due: queue.Queue[tuple[float, Request] | None] = queue.Queue()
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    socket_errors = [0]
    lock = threading.Lock()

    def send() -> None:
        connection = http.client.HTTPConnection(host, port, timeout=TIMEOUT_SECONDS)
        while (job := due.get()) is not None:
            due_at, request = job
            try:
                connection.request(request.method, request.path, request.body, request.headers(csrf_secret))
                response = connection.getresponse()
                response.read()
            except OSError:
                connection.close()  # reconnects on the next request; this one counts as an error
                with lock:
                    socket_errors[0] += 1
                continue
            with lock:
                latencies.append((time.monotonic() - due_at) * 1000)
                statuses[response.status] += 1
        connection.close()

    senders = [threading.Thread(target=send, daemon=True) for _ in range(connections)]
    for sender in senders:
        sender.start()
    start = time.monotonic()
    late = 0.0
    for number in range(count):
        due_at = start + number / rate
        if (wait := due_at - time.monotonic()) > 0:
            time.sleep(wait)
        late = max(late, time.monotonic() - due_at)
        due.put((due_at, requests[number]))
    for _sender in senders:
        due.put(None)
    for sender in senders:
        sender.join(timeout=TIMEOUT_SECONDS + 5)
    return OpenLoopResult(
        rate=rate,
        seconds=seconds,
        sent=count,
        latencies_ms=tuple(latencies),
        statuses=dict(statuses),
        socket_errors=socket_errors[0],
        late_ms=late * 1000,
    )
