"""Real-browser fixtures: Playwright's sync API drives Debian's chromium against pytest-django's live server."""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from playwright.sync_api import Browser, Page
    from pytest_django.live_server_helper import LiveServer

# Playwright's sync API keeps an asyncio loop registered on the main thread until the session ends, and Django
# refuses ORM calls from a thread with a running loop. Test code here is synchronous, so the check is a false alarm.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

HERE = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
PHONE = {"width": 360, "height": 740}
# Fail a missing element in seconds, not after Playwright's default 30 s.
TIMEOUT_MS = 5_000
AXE_JS = HERE / "vendor" / "axe.min.js"
BLOCKING_IMPACTS = ("critical", "serious")
# axe's defaults plus the rules it ships switched off that a phone user or a reader with low vision would
# notice: touch targets of at least 24 × 24 px (WCAG 2.2, 2.5.8). color-contrast (4.5:1) is on by default.
# No preload: on pages whose stylesheets use @import (the admin's) axe copies them into <style> elements to
# read them, which the policy rightly blocks; only css-orientation-lock needs that.
AXE_OPTIONS = {
    "rules": {"target-size": {"enabled": True}, "color-contrast": {"enabled": True}},
    "preload": False,
}
STUDENT_PASSWORD = "quiet-harbour-lantern-47"
# Django's labels end with its label suffix, "Username:".
USERNAME_LABEL = re.compile(r"^Username:?$")
PASSWORD_LABEL = re.compile(r"^Password:?$")
# Chromium logs every resource or script the policy refuses with this phrase.
CSP_REPORT = "Content Security Policy"


def _skip_reason() -> str:
    """Return why the browser tests cannot run here, or "" when they can."""
    if importlib.util.find_spec("playwright") is None:
        return "browser tests skipped: the playwright package is not installed (pip install -e '.[dev]')"
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        return f"browser tests skipped: chromium not found at {CHROMIUM} (apt-get install chromium, or set CHROMIUM)"
    return ""


SKIP_REASON = _skip_reason()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The hook sees the whole session's items, so mark only the ones in this directory.
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup() -> None:
    # Skipping from this hook rather than from a fixture or a mark reports the skip at this line, not at each
    # test, so `pytest -ra` folds the whole directory into one line with the reason.
    if SKIP_REASON:
        pytest.skip(SKIP_REASON)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Launch the system chromium once for the session; Playwright never downloads a browser here."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _new_page(browser: Browser, **context_options: Any) -> Iterator[Page]:
    """Yield a tab, then fail the test if the Content-Security-Policy blocked anything the site itself sent."""
    context = browser.new_context(viewport=PHONE, **context_options)
    context.set_default_timeout(TIMEOUT_MS)
    blocked: list[str] = []
    page = context.new_page()
    page.on("console", lambda message: blocked.append(message.text) if CSP_REPORT in message.text else None)
    try:
        yield page
    finally:
        context.close()
    assert not blocked, "the Content-Security-Policy blocked:\n" + "\n".join(blocked)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """Return a fresh tab at phone size (360×740), with its own cookies."""
    yield from _new_page(browser)


@pytest.fixture
def page_nojs(browser: Browser) -> Iterator[Page]:
    """Return a fresh phone-sized tab with JavaScript switched off, to check pages work without htmx."""
    yield from _new_page(browser, java_script_enabled=False)


@pytest.fixture(scope="session")
def live_server(request: pytest.FixtureRequest, static_root: Path) -> Iterator[LiveServer]:  # noqa: ARG001
    """Serve static files as production does: whitenoise sends the collected, hashed and compressed copies.

    pytest-django's own live server answers /static/ from the apps' folders through Django's finders,
    which know no hashed names; here every request goes through the middleware instead.
    """
    from pytest_django.live_server_helper import LiveServer

    address = (
        request.config.getvalue("liveserver")
        or os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(address, start=False)
    server.thread.static_handler = lambda application: application
    server.start()
    yield server
    server.stop()


@pytest.fixture
def live_url(live_server: LiveServer) -> Callable[..., str]:
    """Return a function that turns a URL name and its arguments into an address on the live server."""

    def url(viewname: str, *args: Any, **kwargs: Any) -> str:
        return live_server.url + reverse(viewname, args=args, kwargs=kwargs)

    return url


@pytest.fixture
def student(transactional_db: None, django_user_model: type[User]) -> User:  # noqa: ARG001
    """Return a student account whose password is `student_password`."""
    # The live server reads from another thread, so the account must be committed, not in a test transaction.
    return django_user_model.objects.create_user(username="ada", password=STUDENT_PASSWORD)


@pytest.fixture
def student_password() -> str:
    return STUDENT_PASSWORD


@pytest.fixture
def sign_in(live_url: Callable[..., str]) -> Callable[[Page, str, str], None]:
    """Return a function that signs a user in through the real login form and waits to leave it."""

    def sign_in_(page: Page, username: str, password: str) -> None:
        from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

        login_url = live_url("quiz:login")
        page.goto(login_url)
        page.get_by_label(USERNAME_LABEL).fill(username)
        page.get_by_label(PASSWORD_LABEL).fill(password)
        page.locator("form:has(#id_password) [type=submit]").click()
        login_path = urlsplit(login_url).path
        try:
            page.wait_for_url(lambda url: urlsplit(url).path != login_path)
        except PlaywrightTimeoutError as error:
            raise AssertionError(
                f"signing in as {username!r} stayed on the login page:\n{page.locator('main').inner_text()}"
            ) from error

    return sign_in_


# With scripting off the HTML parser reads <noscript> content as markup, so this tells a page_nojs tab apart
# without running a script tag (which a Content-Security-Policy could block).
JS_ENABLED = """() => {
    const probe = document.createElement("div");
    probe.innerHTML = "<noscript><p></p></noscript>";
    return probe.querySelector("noscript p") === null;
}"""


def _selector(target: list[str | list[str]]) -> str:
    # axe gives one selector per frame; a selector inside shadow DOM is itself a list, host first.
    return " >>> ".join(part if isinstance(part, str) else " >> ".join(part) for part in target)


@pytest.fixture
def assert_accessible() -> Callable[[Page], None]:
    """Return a function that runs axe-core on a page and fails listing every serious or critical violation."""

    def assert_accessible_(page: Page) -> None:
        if not page.evaluate(JS_ENABLED):
            # axe waits on timers, which never fire with JavaScript off: fail now rather than hang.
            pytest.fail("assert_accessible needs JavaScript: check the page with the `page` fixture instead")
        # Evaluated rather than added with page.add_script_tag, which a Content-Security-Policy would block.
        page.evaluate("source => (0, eval)(source)", AXE_JS.read_text())
        results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
        violations = [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
        if violations:
            report = "".join(
                f"- {v['id']} ({v['impact']}): {v['help']}\n"
                + "".join(f"    {_selector(node['target'])}\n" for node in v["nodes"])
                for v in violations
            )
            pytest.fail(
                f"axe-core found {len(violations)} serious or critical problem(s) on {page.url}:\n{report}"
            )

    return assert_accessible_
