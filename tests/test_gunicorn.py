"""The gunicorn settings of `make serve`: slow clients do not take the server."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

from quiz.benchmarks.server import (
    HOST,
    Server,
    free_port,
    health_status,
    production_env,
    secret_key,
    wait_until_serving,
)

# A request line and one header, never the blank line that ends the header.
HALF_HEADER = f"GET /health/ HTTP/1.1\r\nHost: {HOST}\r\n".encode()


@pytest.fixture
def server(tmp_path: Path, static_root: Path) -> Iterator[Server]:
    """Start gunicorn with quizsite/gunicorn.py and production settings, with one worker."""
    env = production_env(
        database_url=f"sqlite:///{tmp_path / 'unused.sqlite3'}",  # /health/ touches no database
        secret_key=secret_key(),
        port=free_port(),
        workers=1,
    )
    env["DJANGO_STATIC_ROOT"] = str(static_root)
    env.pop("GUNICORN_WORKER_CLASS", None)  # the shipped worker class, not one chosen for a comparison
    command = [sys.executable, "-m", "gunicorn", "--config", "python:quizsite.gunicorn"]
    log = tmp_path / "gunicorn.log"
    with log.open("wb") as output:
        process = subprocess.Popen(command, env=env, cwd=settings.BASE_DIR, stdout=output, stderr=output)
    server = Server(int(env["GUNICORN_BIND"].rsplit(":", 1)[1]), 1, process, log)
    try:
        wait_until_serving(server)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=40)


def test_gunicorn_health_answers_while_slow_clients_hold_half_headers(server: Server) -> None:
    # Ten times the workers: each sync worker would sit reading one of these headers until its timeout.
    slow = [socket.create_connection((HOST, server.port), timeout=5) for _ in range(10)]
    try:
        for connection in slow:
            connection.sendall(HALF_HEADER)
        time.sleep(0.5)  # let the worker take them all

        status = health_status(server.port)  # None when nothing answers within 5 s

        assert status == 200, server.log_tail()
    finally:
        for connection in slow:
            connection.close()
