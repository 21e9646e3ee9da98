"""Settings for the quiz site, read from the environment with safe development defaults."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "development-only-key-never-used-in-production"
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    # Before the admin, so that its templates can extend and override the admin's (admin/base_site.html).
    "quiz",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "django_ratelimit",
    "csp",
    "django_htmx",
    "template_partials",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # After the CSRF check, so that a cross-site form cannot spend a school's sign-in allowance.
    "quiz.throttling.ThrottleMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "quiz.middleware.PasswordChangeRequiredMiddleware",
    "quiz.middleware.CacheHeadersMiddleware",
    "quiz.middleware.MethodNotAllowedMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "quizsite.urls"
WSGI_APPLICATION = "quizsite.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

SQLITE_OPTIONS = {
    # Concurrent readers and one writer at a time, waiting instead of failing with "database is locked".
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
DATABASES = {
    "default": dj_database_url.parse(
        # An empty DATABASE_URL means unset, as in `DATABASE_URL= make test`.
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Persistent connections on PostgreSQL: under ASGI each gunicorn worker runs its requests on
        # QUIZ_REQUEST_THREADS long-lived threads (quizsite/asgi.py), one connection each, so a server
        # holds at most workers x threads of them. Django's default handler, a thread per request, leaked
        # them until PostgreSQL refused more ("too many clients already"). SQLite: see below.
        conn_max_age=600,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
    # A connection per request on SQLite, as before: with persistent ones `make soak` got "database is
    # locked" (1 and 3 answers in two runs) in the seconds after it killed a worker mid-write, though
    # connecting costs 2.6-3.4 ms a request. The cause is not found yet.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Tests get a file too, not shared-cache memory, where concurrent writers fail at once with "table is
    # locked" instead of queueing: the concurrency tests then meet SQLite as production does.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# OWASP ASVS 4.0 level 1, section 2.1: at least 12 characters, up to 128 (so a megabyte "password" cannot
# tie up a worker in PBKDF2), any characters at all, no composition rules (hence no NumericPasswordValidator),
# and a check against the common and breached passwords Django ships.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "quiz.passwords.MaximumLengthValidator", "OPTIONS": {"max_length": 128}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Sign-in rate limit (site and admin): 5 failures for one username from one address lock that pair out for
# 15 minutes. Not per address alone: a whole school signs in from one address.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Per address (django-ratelimit, quiz/throttling.py): every sign-in POST, on the site and the admin together,
# and every sign-up POST. Generous enough for a school behind one address, tight enough to stop a spray of
# usernames (each sign-in costs a PBKDF2 hash) or a flood of new accounts. "600/h": 600 per hour.
QUIZ_SIGN_IN_RATE = os.environ.get("QUIZ_SIGN_IN_RATE", "600/h")
QUIZ_SIGN_UP_RATE = os.environ.get("QUIZ_SIGN_UP_RATE", "100/h")
LOGIN_URL = "quiz:login"
LOGIN_REDIRECT_URL = "quiz:home"
LOGOUT_REDIRECT_URL = "quiz:login"

# The rate limits count in the database, which every gunicorn worker (and every server) shares, where the
# default process-local memory cache would give each worker its own count. The table is made by
# `manage.py createcachetable` (`make run` and `make serve` run it; so does the test runner).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": {
        "BACKEND": "quiz.caches.AtomicDatabaseCache",
        "LOCATION": "quiz_ratelimit",
        # A count outlives its window (at most an hour), and no count is culled while the table is small.
        "TIMEOUT": 2 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
}
RATELIMIT_USE_CACHE = "ratelimit"
# django-ratelimit warns about any cache but memcached and Redis, because Django's DatabaseCache increments
# by reading and writing back; quiz.caches.AtomicDatabaseCache increments under a lock instead.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
# collectstatic gives each file a name with a hash of its content (site.3f2a…css) and writes gzip and Brotli
# copies beside it; whitenoise sends the smallest the browser accepts, and caches hashed names for ten years
# (`Cache-Control: max-age=315360000, public, immutable`), since a changed file gets a new name. With DEBUG on
# `{% static %}` gives the plain names and whitenoise serves them straight from the apps, so `make run` needs
# no collectstatic.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# HTTPS in production (DEBUG off): redirect to it, mark cookies Secure, and ask browsers to remember it for
# a year. Behind a proxy that ends TLS, set DJANGO_SECURE_PROXY_SSL_HEADER=true so that Django believes the
# proxy's X-Forwarded-Proto; `make serve` and the benchmarks on plain loopback HTTP turn the redirect off.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True  # every form carries its token; no script needs to read the cookie
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 3600))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG

# Scripts, styles and images only from this site: the vendored htmx and the site's own files. Nothing
# inline, no eval, no plugins, and no framing by other sites.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Server errors (django.request logs each 5xx with its path and traceback, never the body or cookies) go to
# stderr, which gunicorn and any process manager keep. With DEBUG on, Django's own console handler shows them.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "formatters": {"plain": {"format": "{asctime} {levelname} {name} {message}", "style": "{"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "filters": ["require_debug_false"],
            "formatter": "plain",
            "level": "ERROR",
        }
    },
    "loggers": {"django.request": {"handlers": ["stderr"]}},
}

# The content pipeline reads documents from here and writes fixtures there.
CONTENT_SEEDS_DIR = Path(os.environ.get("QUIZ_SEEDS_DIR", BASE_DIR / "seeds"))
CONTENT_FIXTURE = BASE_DIR / "fixtures" / "content.json"

# Flashcard scheduling (FSRS). Fuzzing spreads reviews that would fall on the same day; tests turn it off.
QUIZ_FSRS_FUZZING = env_bool("QUIZ_FSRS_FUZZING", True)
QUIZ_DESIRED_RETENTION = 0.9
QUIZ_NEW_CARDS_PER_DAY = int(os.environ.get("QUIZ_NEW_CARDS_PER_DAY", "20"))
QUIZ_ATTEMPT_SIZE = 10
# Threads per gunicorn worker that run Django's synchronous code, each with its own database connection.
QUIZ_REQUEST_THREADS = int(os.environ.get("QUIZ_REQUEST_THREADS", "4"))
