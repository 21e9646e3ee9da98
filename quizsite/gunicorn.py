"""gunicorn settings for `make serve` and the load benchmarks; the environment overrides each one.

Run with `gunicorn --config python:quizsite.gunicorn quizsite.wsgi`.
"""

from __future__ import annotations

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: each request holds one database connection for its whole life, which suits SQLite's single
# writer and keeps PostgreSQL's connection count equal to the number of workers.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so that a slow leak cannot grow without bound; jitter avoids all at once.
max_requests = 10_000
max_requests_jitter = 1_000
# No shared control socket in the home directory: two servers on one machine (a benchmark beside `make
# serve`) would fight over it, and nothing here uses `gunicornc`.
control_socket_disable = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
