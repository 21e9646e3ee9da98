"""gunicorn settings for `make serve` and the load benchmarks; the environment overrides each one.

Run with `gunicorn --config python:quizsite.gunicorn`: the application comes from here, ASGI or WSGI to suit
the worker class.
"""

from __future__ import annotations

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# gunicorn's own asyncio worker serving Django's ASGI application: a connection that sends its request
# slowly waits in the event loop and ties up nothing, while Django runs the (synchronous) views one at a time
# per worker in a thread, as a sync worker would. Measured with `make soak`'s slow clients (README, "Slow
# clients"): 100 connections holding half a header each stopped 5 sync workers dead (/health/ timed out,
# no answer in 30 s) and, beyond threads × workers, gthread too (a thread reading a header never times
# out); this worker answered /health/ in under 0.7 s throughout. GUNICORN_WORKER_CLASS=sync (or gthread,
# gevent) runs the WSGI application instead, for comparison.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "asgi")
wsgi_app = "quizsite.asgi:application" if worker_class == "asgi" else "quizsite.wsgi:application"
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
