"""Run the site under gunicorn with production settings on loopback, against a scratch database.

The load benchmark and the soak test share this: a scratch database the subprocesses reach through their
own `DATABASE_URL`, a random secret key that the benchmark also signs its sessions and stamps with, and a
gunicorn master whose workers can be listed (and killed) from `/proc`.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils.crypto import get_random_string

from quiz.benchmarks.timing import scratch_database
from quizsite import gunicorn as gunicorn_config

HOST = "127.0.0.1"
STARTUP_SECONDS = 60


@dataclass(frozen=True)
class Server:
    port: int
    workers: int
    process: subprocess.Popen[bytes]
    log: Path

    def worker_pids(self) -> list[int]:
        """Return the pids of the master's live children, its workers."""
        return child_pids(self.process.pid)

    def log_tail(self, lines: int = 20) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


def secret_key() -> str:
    """Return a random secret key of 70 characters for the server, and for signing what it must accept."""
    return "bench-" + get_random_string(64)


def engine() -> str:
    """Return the configured database engine: "sqlite" or "postgresql"."""
    return connections[DEFAULT_DB_ALIAS].vendor


@contextmanager
def scratch_site_database() -> Iterator[str]:
    """Give this process a new migrated database and yield the `DATABASE_URL` that reaches it."""
    with scratch_database():
        yield database_url(connections[DEFAULT_DB_ALIAS].settings_dict)


def database_url(settings_dict: dict[str, object]) -> str:
    """Return a `DATABASE_URL` for dj-database-url that points at the same database."""
    name = str(settings_dict["NAME"])
    if "sqlite" in str(settings_dict["ENGINE"]):
        return f"sqlite:///{name}"
    user = quote(str(settings_dict.get("USER") or ""))
    password = quote(str(settings_dict.get("PASSWORD") or ""))
    credentials = f"{user}:{password}@" if password else f"{user}@" if user else ""
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{credentials}{settings_dict.get('HOST') or HOST}{port}/{quote(name)}"


def production_env(*, database_url: str, secret_key: str, port: int = 0, workers: int = 1) -> dict[str, str]:
    """Return the environment of a production process on plain loopback HTTP."""
    return {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secret_key,
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_SECURE_SSL_REDIRECT": "false",  # loopback has no TLS to redirect to
        "DATABASE_URL": database_url,
        "GUNICORN_BIND": f"{HOST}:{port}",
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_ACCESS_LOG": "",
        "GUNICORN_LOG_LEVEL": "warning",
    }


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run `manage.py` in a subprocess with the environment given, capturing its output."""
    command = [sys.executable, str(settings.BASE_DIR / "manage.py"), *args]
    return subprocess.run(
        command, env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, check=False
    )


@contextmanager
def running_server(*, database_url: str, secret_key: str, workers: int | None, log: Path) -> Iterator[Server]:
    """Collect the static files, start gunicorn on a free loopback port, wait for /health/, then stop it."""
    count = workers or gunicorn_config.workers
    env = production_env(database_url=database_url, secret_key=secret_key, port=free_port(), workers=count)
    collected = manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
    if collected.returncode:
        raise RuntimeError(f"collectstatic failed:\n{collected.stderr}")
    command = [sys.executable, "-m", "gunicorn", "--config", "python:quizsite.gunicorn"]
    with log.open("wb") as output:
        process = subprocess.Popen(command, env=env, cwd=settings.BASE_DIR, stdout=output, stderr=output)
    server = Server(int(env["GUNICORN_BIND"].rsplit(":", 1)[1]), count, process, log)
    try:
        wait_until_serving(server)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_serving(server: Server) -> None:
    """Wait until /health/ answers 200 and every worker has started."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.process.returncode}:\n{server.log_tail()}")
        if health_status(server.port) == 200 and len(server.worker_pids()) == server.workers:
            return
        time.sleep(0.1)
    raise RuntimeError(
        f"gunicorn did not answer 200 on /health/ within {STARTUP_SECONDS} s:\n{server.log_tail()}"
    )


def health_status(port: int) -> int | None:
    """Return the status of GET /health/, or None when nothing answers."""
    connection = http.client.HTTPConnection(HOST, port, timeout=5)
    try:
        connection.request("GET", "/health/")
        return connection.getresponse().status
    except OSError:
        return None
    finally:
        connection.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def child_pids(parent: int) -> list[int]:
    """Return the pids of a process's live children, read from /proc (Linux)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(fields[1]) == parent and fields[0] != "Z":  # fields: state, ppid, ...; Z is a dead child
            children.append(int(stat.parent.name))
    return sorted(children)
