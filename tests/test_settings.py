"""Production settings come from the environment: the deploy check passes and the responses say HTTPS only."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "quiz" / "templates"
PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "k7Qw-production-secret-for-the-settings-test-only-3vJx9pLm2ZrT8bYc",
    "DJANGO_ALLOWED_HOSTS": "quiz.example.org",
}
# Run in a fresh interpreter with production settings: one request over HTTP, then over HTTPS.
PROBE = """
import json, re, django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="quiz.example.org")
plain = client.get("/accounts/login/")
health = client.get("/health/")
secure = client.get("/accounts/login/", secure=True)
stylesheet = re.search(r'href="(/static/quiz/site[^"]*)"', secure.content.decode())[1]
style = client.get(stylesheet, secure=True, headers={"Accept-Encoding": "gzip, br"})
print(json.dumps({
    "plain": [plain.status_code, plain.get("Location", "")],
    "health": health.status_code,
    "secure": [secure.status_code, dict(secure.headers), str(secure.cookies["csrftoken"])],
    "stylesheet": [stylesheet, style.status_code, dict(style.headers)],
}))
"""

# Break the health check in a fresh production interpreter, with a cookie that must not reach the log.
ERROR_PROBE = """
from unittest import mock
import django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="quiz.example.org", raise_request_exception=False)
client.cookies["tracker"] = "cookie-value-that-stays-private"
with mock.patch("quiz.views.health.HttpResponse", side_effect=RuntimeError("the probe broke it")):
    print(client.get("/health/?from=probe", secure=True).status_code)
"""


def run_with(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "quizsite.settings", **env}
    environment.pop("DATABASE_URL", None)  # nothing here needs the database; keep the test engine-neutral
    environment.pop(
        "DJANGO_ALLOW_ASYNC_UNSAFE", None
    )  # set by tests/browser for Playwright, never in production
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_deploy_check_passes_at_warning_level_with_production_settings():
    result = run_with(PRODUCTION, "manage.py", "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_fails_on_development_settings():
    result = run_with({"DJANGO_DEBUG": "true"}, "manage.py", "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode != 0
    assert "security.W018" in result.stderr  # DEBUG on


def test_production_refuses_to_start_without_a_secret_key():
    result = run_with({**PRODUCTION, "DJANGO_SECRET_KEY": ""}, "manage.py", "check")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_redirects_to_https_and_sends_strict_headers_and_secure_cookies(static_root):
    result = run_with({**PRODUCTION, "DJANGO_STATIC_ROOT": str(static_root)}, "-c", PROBE)
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout)

    assert probe["plain"] == [301, "https://quiz.example.org/accounts/login/"]
    assert probe["health"] == 200  # load balancers probe over plain HTTP
    status, headers, csrf_cookie = probe["secure"]
    assert status == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "Secure" in csrf_cookie
    assert "HttpOnly" in csrf_cookie


def test_production_serves_hashed_static_files_compressed_and_cached_for_years(static_root):
    """`make serve`'s settings, with the files collectstatic wrote: what a browser fetches after the page."""
    result = run_with({**PRODUCTION, "DJANGO_STATIC_ROOT": str(static_root)}, "-c", PROBE)
    assert result.returncode == 0, result.stderr
    url, status, headers = json.loads(result.stdout)["stylesheet"]

    assert re.fullmatch(r"/static/quiz/site\.[0-9a-f]{12}\.css", url)
    assert status == 200
    assert headers["Content-Encoding"] == "br"
    assert headers["Cache-Control"] == "max-age=315360000, public, immutable"


def test_production_logs_a_server_error_with_its_path_to_stderr(static_root):
    result = run_with({**PRODUCTION, "DJANGO_STATIC_ROOT": str(static_root)}, "-c", ERROR_PROBE)

    assert result.stdout.strip() == "500", result.stderr
    assert " ERROR django.request Internal Server Error: /health/\n" in result.stderr
    assert "RuntimeError: the probe broke it" in result.stderr  # the traceback
    assert "cookie-value-that-stays-private" not in result.stderr


@pytest.mark.django_db
def test_every_page_carries_a_policy_allowing_only_this_sites_scripts_and_styles(client):
    policy = client.get(reverse("quiz:login"))["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))

    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy


INLINE_CODE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)


@pytest.mark.parametrize(
    "template", sorted(TEMPLATES.rglob("*.html")), ids=lambda path: str(path.relative_to(TEMPLATES))
)
def test_templates_hold_no_inline_script_style_or_event_handler(template):
    """The policy would block them: scripts and styles live in quiz/static."""
    assert INLINE_CODE.findall(template.read_text()) == []
