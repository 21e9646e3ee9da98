"""The soak test: many students answer at once while content is reloaded and a worker is killed.

Each client thread keeps one keep-alive connection and answers the quizzes of its own students in order,
so it knows which answer each response acknowledges. A share of answers is sent twice: right after the
first (a double click) or a little later by another thread (a replayed POST). A third of the way in,
`manage.py reload_content` loads an edited and an extra document; two thirds in, one gunicorn worker is
killed with SIGKILL. Throughout, slow clients hold connections open with half a request header each (adding
a header line now and then, as slowloris does), while /health/ is probed twice a second: the server must
keep answering both the probe and the students. Afterwards the database must hold every acknowledged answer
exactly once and obey the rules of invariants.py.
"""

from __future__ import annotations

import contextlib
import http.client
import itertools
import os
import random
import re
import shutil
import signal
import socket
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.test.utils import override_settings

from quiz.benchmarks import invariants
from quiz.benchmarks.corpus import render_document
from quiz.benchmarks.server import (
    HOST,
    Server,
    engine,
    health_status,
    manage,
    production_env,
    running_server,
    scratch_site_database,
    secret_key,
)
from quiz.benchmarks.traffic import (
    Request,
    answer_request,
    attempts_open,
    csrf_secret,
    sessions_create,
    site_seed,
    student_ids,
)
from quiz.models import Attempt
from quizsite import gunicorn as gunicorn_config

KILL_WINDOW = 5.0  # seconds after the kill in which a connection error is put down to it
RESPAWN_SECONDS = 20.0
# A request line and one header, then never the blank line that ends the header: the slow client's half.
HALF_HEADER = f"GET /health/ HTTP/1.1\r\nHost: {HOST}\r\n".encode()
TRICKLE_SECONDS = 5.0  # a slow client sends one more header line this often
HEALTH_EVERY = 0.5  # seconds between /health/ probes
HEALTH_LIMIT = 5.0  # seconds within which /health/ must answer (health_status's timeout)
STALL_LIMIT = 10.0  # the longest time the students may go without an acknowledged answer


@dataclass(frozen=True)
class SoakOptions:
    seconds: int = 30
    connections: int = 64
    workers: int | None = None
    documents: int = 40
    students: int = 256
    answers: int = 20_000
    replays: float = 0.1  # share of answers sent twice
    ceiling: int = 800  # answers per second the quizzes prepared can feed
    slow_clients: int = 100  # connections held open with half a header throughout
    seed: int = 1


@dataclass
class Tally:
    """What the clients saw; each thread keeps its own, merged at the end."""

    sent: int = 0
    replays_sent: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    acknowledged: dict[tuple[int, int], int] = field(default_factory=dict)  # (attempt, position): choice
    acknowledged_after_kill: int = 0
    acknowledged_at: list[float] = field(default_factory=list)  # time.monotonic() of each 200
    errors: Counter[str] = field(default_factory=Counter)  # connection errors by kind
    errors_near_kill: int = 0
    ran_out: int = 0  # threads that answered every question prepared before the time was up

    def merge(self, other: Tally) -> None:
        self.sent += other.sent
        self.replays_sent += other.replays_sent
        self.statuses += other.statuses
        self.acknowledged.update(other.acknowledged)
        self.acknowledged_after_kill += other.acknowledged_after_kill
        self.acknowledged_at += other.acknowledged_at
        self.errors += other.errors
        self.errors_near_kill += other.errors_near_kill
        self.ran_out += other.ran_out


@dataclass
class SlowClients:
    """What the slow clients and the /health/ probe saw while the students answered."""

    wanted: int = 0
    opened: int = 0
    open_at_end: int = 0  # still open when the load stopped: the server neither answered nor dropped them
    started: float = 0.0  # time.monotonic() once all were open
    stopped: float = 0.0
    health: list[float | None] = field(default_factory=list)  # seconds per probe; None: no 200 in time
    longest_answer_gap: float | None = None  # seconds without an acknowledged answer while they were open

    def slowest_health(self) -> float:
        return max((seconds for seconds in self.health if seconds is not None), default=0.0)

    def health_failures(self) -> int:
        return sum(seconds is None or seconds > HEALTH_LIMIT for seconds in self.health)

    def held(self) -> bool:
        """Return whether every slow connection was opened and the probe ran while they were open."""
        return self.opened == self.wanted and bool(self.health)


@dataclass
class SoakReport:
    facts: dict[str, object]
    tally: Tally = field(default_factory=Tally)
    reload: dict[str, object] = field(default_factory=dict)
    kill: dict[str, object] = field(default_factory=dict)
    slow: SlowClients = field(default_factory=SlowClients)
    stored_unacknowledged: int = 0
    server_log: list[str] = field(default_factory=list)  # gunicorn's error lines
    problems: dict[str, list[str]] = field(default_factory=dict)

    def checks(self) -> dict[str, bool]:
        statuses = self.tally.statuses
        return {
            "no 5xx responses": not any(status >= 500 for status in statuses),
            "no 4xx responses": not any(400 <= status < 500 for status in statuses),
            "reload_content succeeded mid-load": self.reload.get("returncode") == 0,
            "the killed worker was replaced and the server kept serving": bool(
                self.kill.get("respawned") and self.tally.acknowledged_after_kill
            ),
            f"/health/ answered within {HEALTH_LIMIT:g} s while slow clients held connections": (
                self.slow.held() and not self.slow.health_failures()
            ),
            f"answers never stalled {STALL_LIMIT:g} s while slow clients held connections": (
                self.slow.held()
                and self.slow.longest_answer_gap is not None
                and self.slow.longest_answer_gap < STALL_LIMIT
            ),
            **{name: not problems for name, problems in self.problems.items()},
        }

    def lines(self) -> list[str]:
        tally, facts, reload, slow = self.tally, self.facts, self.reload, self.slow
        statuses = ", ".join(f"{status}: {count:,}" for status, count in sorted(tally.statuses.items()))
        errors = ", ".join(f"{kind}: {count}" for kind, count in tally.errors.items()) or "none"
        lines = [
            f"{facts['engine']}, {facts['workers']} gunicorn {facts['worker_class']} workers, "
            f"{facts['cores']} cores, {facts['connections']} client connections for {facts['seconds']} s",
            f"Sent {tally.sent:,} answer POSTs ({tally.replays_sent:,} repeats); responses: {statuses}",
            f"Acknowledged {len(tally.acknowledged):,} distinct answers, {tally.acknowledged_after_kill:,} "
            f"after the kill; {self.stored_unacknowledged} more stored without an acknowledgement",
            f"Connection errors: {errors} ({tally.errors_near_kill} within {KILL_WINDOW:g} s of the kill)",
            f"reload_content mid-load: exit {reload.get('returncode')} in {reload.get('seconds')} s; "
            + "; ".join(str(line) for line in reload.get("summary", [])),
            f"SIGKILL of worker {self.kill.get('pid')}: replaced by {self.kill.get('replacement')} after "
            f"{self.kill.get('respawn_seconds')} s",
            f"Slow clients: {slow.opened} of {slow.wanted} opened with half a header, {slow.open_at_end} "
            f"still open at the end; /health/ probed {len(slow.health)} times, slowest "
            f"{slow.slowest_health():.3f} s, {slow.health_failures()} without a 200 within "
            f"{HEALTH_LIMIT:g} s; longest wait for an answer {slow.longest_answer_gap} s",
        ]
        lines += [f"gunicorn: {line}" for line in self.server_log]
        if tally.ran_out:
            lines.append(f"{tally.ran_out} client threads answered every prepared question before the end")
        for name, problems in self.problems.items():
            lines += [f"{name}: {problem}" for problem in problems]
        return lines

    def as_dict(self) -> dict[str, object]:
        tally = self.tally
        return {
            "machine": self.facts,
            "sent": tally.sent,
            "replays_sent": tally.replays_sent,
            "statuses": {str(status): count for status, count in sorted(tally.statuses.items())},
            "acknowledged": len(tally.acknowledged),
            "acknowledged_after_kill": tally.acknowledged_after_kill,
            "stored_unacknowledged": self.stored_unacknowledged,
            "connection_errors": dict(tally.errors),
            "connection_errors_near_kill": tally.errors_near_kill,
            "client_threads_out_of_work": tally.ran_out,
            "reload": self.reload,
            "kill": self.kill,
            "slow_clients": {
                "wanted": self.slow.wanted,
                "opened": self.slow.opened,
                "open_at_end": self.slow.open_at_end,
                "health_probes": len(self.slow.health),
                "health_slowest_seconds": self.slow.slowest_health(),
                "health_failures": self.slow.health_failures(),
                "longest_answer_gap_seconds": self.slow.longest_answer_gap,
            },
            "server_log": self.server_log,
            "problems": self.problems,
            "checks": self.checks(),
        }


def soak_test(options: SoakOptions, *, on_progress: Callable[[str], object] = print) -> SoakReport:
    """Seed a scratch database, start gunicorn on it, and run the soak; the report says what passed."""
    secret = secret_key()
    rng = random.Random(options.seed)
    with (
        tempfile.TemporaryDirectory(prefix="quiz-soak-") as temporary,
        scratch_site_database() as url,
        override_settings(SECRET_KEY=secret),
    ):
        directory = Path(temporary)
        on_progress(f"Seeding {options.students:,} students and {options.answers:,} answers...")
        size = site_seed(
            corpus=directory / "seeds",
            documents=options.documents,
            students=options.students,
            answers=options.answers,
            seed=options.seed,
        )
        edited = directory / "edited"
        edited_name, added_name = corpus_edit(
            directory / "seeds", edited, documents=options.documents, seed=options.seed
        )
        queues = _queues(options, rng)
        start = invariants.Snapshot.take()
        with running_server(
            database_url=url, secret_key=secret, workers=options.workers, log=directory / "gunicorn.log"
        ) as server:
            report = SoakReport(
                {
                    "engine": engine(),
                    "cores": os.cpu_count(),
                    "workers": server.workers,
                    "worker_class": gunicorn_config.worker_class,
                    "connections": options.connections,
                    "seconds": options.seconds,
                    "seed": options.seed,
                    "facts": size.facts,
                    "students": size.classroom.students,
                    "answers_seeded": size.classroom.answers,
                    "answers_prepared": sum(map(len, queues)),
                    "edited_document": edited_name,
                    "added_document": added_name,
                    "load_average_before": os.getloadavg(),
                }
            )
            on_progress(f"Answering for {options.seconds} s on {options.connections} connections...")
            env = production_env(database_url=url, secret_key=secret)
            _load(server, queues, options, report, reload=lambda: _reload(env, edited))
            report.facts["load_average_after"] = os.getloadavg()
        # gunicorn's own complaints, such as the killed worker and any worker timeout, and each 500's
        # record from Django (settings.LOGGING: "<time> ERROR django.request ...") with its exception.
        report.server_log = [
            line
            for line in server.log_tail(2000).splitlines()
            if "[ERROR]" in line or "CRITICAL" in line or " ERROR django." in line or _exception_line(line)
        ]
        on_progress("Checking the database...")
        _check(report, start)
    return report


def _exception_line(line: str) -> bool:
    """Tell whether a traceback line names the exception raised ("OperationalError: database is locked")."""
    name = line.split(":", 1)[0]
    return (
        ":" in line and not line.startswith(" ") and name.rsplit(".", 1)[-1].endswith(("Error", "Exception"))
    )


def corpus_edit(source: Path, target: Path, *, documents: int, seed: int) -> tuple[str, str]:
    """Copy a corpus of `documents` documents, move the first year of the first one on, and add the next.

    Return the names of the edited and the added document.
    """
    shutil.copytree(source, target)
    edited = sorted(target.iterdir())[0]
    text = edited.read_text()
    year = re.search(r"\b1[5-9]\d\d\b", text)
    if year is None:
        raise ValueError(f"{edited.name} has no year to edit")
    edited.write_text(text[: year.start()] + str(int(year.group()) + 1) + text[year.end() :])
    name, added = render_document(documents, seed=seed)
    (target / name).write_text(added)
    return edited.name, name


def _queues(options: SoakOptions, rng: random.Random) -> list[list[tuple[Request, bool]]]:
    """Return each client thread's answers: its own students' quizzes in order, with repeats mixed in."""
    students = student_ids()
    sessions = sessions_create(students)
    count = -(-options.seconds * options.ceiling // 10)
    items = attempts_open(user_ids=students, count=count, rng=rng)
    opened = Attempt.objects.filter(pk__gte=min(item.attempt_id for item in items))
    owner = dict(opened.values_list("pk", "user_id"))
    thread_of = {user_id: index % options.connections for index, user_id in enumerate(students)}
    queues: list[list[tuple[Request, bool]]] = [[] for _ in range(options.connections)]
    for item in sorted(items, key=lambda item: (item.attempt_id, item.position)):
        user_id = owner[item.attempt_id]
        queue = queues[thread_of[user_id]]
        request = answer_request(item, sessions[user_id], rng)
        queue.append((request, False))
        if rng.random() < options.replays / 2:  # a double click
            queue.append((request, True))
        if rng.random() < options.replays / 2:  # a replay from elsewhere, a little later
            other = queues[(thread_of[user_id] + 1) % options.connections]
            other.insert(min(len(other), len(queue) + 5), (request, True))
    return queues


def _load(
    server: Server,
    queues: list[list[tuple[Request, bool]]],
    options: SoakOptions,
    report: SoakReport,
    *,
    reload: Callable[[], dict[str, object]],
) -> None:
    """Run the client threads; reload the content a third of the way in, kill a worker two thirds in."""
    csrf = csrf_secret()
    deadline = time.monotonic() + options.seconds
    killed_at: list[float] = []  # set once the worker is killed, read by the clients
    tallies = [Tally() for _ in queues]
    threads = [
        threading.Thread(target=_client, args=(server.port, queue, csrf, deadline, killed_at, tally))
        for queue, tally in zip(queues, tallies, strict=True)
    ]
    # The reload runs beside the load: on SQLite it holds the write lock throughout.
    reloader = threading.Thread(target=lambda: report.reload.update(reload()))
    stop = threading.Event()
    slow = report.slow
    slow.wanted = options.slow_clients
    holder = threading.Thread(target=_hold_slow_clients, args=(server.port, slow, stop))
    prober = threading.Thread(target=_probe_health, args=(server.port, slow, stop))
    holder.start()
    for thread in threads:
        thread.start()
    prober.start()
    time.sleep(options.seconds / 3)
    reloader.start()
    time.sleep(max(0.0, deadline - options.seconds / 3 - time.monotonic()))
    report.kill = _kill_worker(server, killed_at)
    for thread in [*threads, reloader]:
        thread.join()
    stop.set()
    for thread in (holder, prober):
        thread.join()
    for tally in tallies:
        report.tally.merge(tally)
    # Up to the deadline: after it the clients send nothing more, however long the joins take.
    end = min(slow.stopped, deadline)
    slow.longest_answer_gap = longest_gap(report.tally.acknowledged_at, slow.started, end)


def longest_gap(times: list[float], start: float, end: float) -> float | None:
    """Return the longest stretch of [start, end] without one of the times, or None for an empty window."""
    if end <= start:
        return None
    edges = [start, *sorted(t for t in times if start < t < end), end]
    return round(max(b - a for a, b in itertools.pairwise(edges)), 2)


def _hold_slow_clients(port: int, slow: SlowClients, stop: threading.Event) -> None:
    """Open the slow connections, each with half a request header, and trickle a header line until stopped."""
    held: list[socket.socket] = []
    for _ in range(slow.wanted):
        try:
            connection = socket.create_connection((HOST, port), timeout=5)
            connection.sendall(HALF_HEADER)
        except OSError:
            continue
        held.append(connection)
    slow.opened = len(held)
    slow.started = time.monotonic()
    while not stop.wait(TRICKLE_SECONDS):
        for connection in held:
            # The server may have closed it, which is fine: it is not tied up any more.
            with contextlib.suppress(OSError):
                connection.sendall(b"X-Slow: 1\r\n")
    slow.stopped = time.monotonic()
    slow.open_at_end = sum(map(_still_open, held))
    for connection in held:
        connection.close()


def _still_open(connection: socket.socket) -> bool:
    """Return whether the server has neither answered nor closed the connection."""
    connection.setblocking(False)
    try:
        connection.recv(1)  # an answer, or b"" at the end of the stream
    except BlockingIOError:
        return True
    except OSError:
        return False
    return False


def _probe_health(port: int, slow: SlowClients, stop: threading.Event) -> None:
    """GET /health/ twice a second, as a load balancer does; a probe cut off by the kill is sent once more."""
    while not stop.wait(HEALTH_EVERY):
        for _ in range(2):
            started = time.monotonic()
            status = health_status(port)
            if status == 200:
                slow.health.append(round(time.monotonic() - started, 3))
                break
        else:
            slow.health.append(None)


def _client(
    port: int,
    queue: list[tuple[Request, bool]],
    csrf: str,
    deadline: float,
    killed_at: list[float],
    tally: Tally,
) -> None:
    """Send the queue's answers until the deadline; a request cut off is sent once more."""
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    for request, replay in queue:
        if time.monotonic() >= deadline:
            break
        for attempt in range(2):
            tally.sent += 1
            tally.replays_sent += replay or attempt > 0
            try:
                connection.request(request.method, request.path, request.body, request.headers(csrf))
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                tally.errors[type(error).__name__] += 1
                tally.errors_near_kill += bool(killed_at) and time.monotonic() - killed_at[0] < KILL_WINDOW
                continue
            tally.statuses[response.status] += 1
            if response.status == 200:
                attempt_id, position, choice = request.writes
                tally.acknowledged[(attempt_id, position)] = choice
                tally.acknowledged_after_kill += bool(killed_at)
                tally.acknowledged_at.append(time.monotonic())
            if response.will_close:
                connection.close()
            break
    else:
        tally.ran_out += 1
    connection.close()


def _reload(env: dict[str, str], seeds: Path) -> dict[str, object]:
    """Run `manage.py reload_content` on the edited corpus in a subprocess, as a maintainer would."""
    started = time.monotonic()
    finished = manage("reload_content", "--seeds", str(seeds), env=env)
    return {
        "returncode": finished.returncode,
        "seconds": round(time.monotonic() - started, 2),
        "summary": finished.stdout.splitlines(),
        "errors": finished.stderr.splitlines()[-20:],
    }


def _kill_worker(server: Server, killed_at: list[float]) -> dict[str, object]:
    """SIGKILL one worker and wait for the master to start another."""
    before = server.worker_pids()
    victim = before[0]
    os.kill(victim, signal.SIGKILL)
    killed_at.append(time.monotonic())
    while time.monotonic() - killed_at[0] < RESPAWN_SECONDS:
        now = server.worker_pids()
        if victim not in now and len(now) == server.workers:
            seconds = round(time.monotonic() - killed_at[0], 2)
            new = sorted(set(now) - set(before))
            return {"pid": victim, "respawned": True, "replacement": new, "respawn_seconds": seconds}
        time.sleep(0.05)
    return {"pid": victim, "respawned": False, "replacement": None, "respawn_seconds": None}


def _check(report: SoakReport, start: invariants.Snapshot) -> None:
    """Check the database after the load: acknowledged answers, half-written rows, the review log."""
    acknowledged, report.stored_unacknowledged = invariants.acknowledged_problems(report.tally.acknowledged)
    end = invariants.Snapshot.take()
    report.problems = {
        "acknowledged answers stored once with their option": acknowledged,
        "attempts whole": invariants.attempt_problems(),
        "answers agree with their questions": invariants.answer_problems(),
        "review log accounts for every answer and schedule": invariants.review_problems(start),
        "progress kept (before the load and the reload ⊆ after)": invariants.progress_lost(start, end),
    }
