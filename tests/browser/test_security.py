"""The Content-Security-Policy in a real browser: the site's own htmx runs, injected inline script does not."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import CSP_REPORT, PHONE

if TYPE_CHECKING:
    from playwright.sync_api import Browser

INJECT_INLINE_SCRIPT = """() => {
    const script = document.createElement("script");
    script.textContent = "window.injected = true";
    document.body.append(script);
    return window.injected === true;
}"""


@pytest.mark.usefixtures("transactional_db")
def test_policy_lets_vendored_htmx_run_and_blocks_an_injected_inline_script(
    browser: Browser, live_url: Callable[..., str]
) -> None:
    # A tab of its own: the `page` fixture fails any test whose page the policy had to block.
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    try:
        response = page.goto(live_url("quiz:login"))

        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert page.evaluate("() => typeof htmx.ajax") == "function"
        assert page.evaluate(INJECT_INLINE_SCRIPT) is False
        assert any(CSP_REPORT in text and "inline script" in text for text in console), console
    finally:
        context.close()
