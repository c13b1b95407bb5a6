"""Playwright drives Debian's chromium (never a downloaded browser) against pytest-django's live server."""

import pytest
from playwright.sync_api import expect

from tests.conftest import chromium_pad, vereist

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# How long a page action or an expect() waits for the live server, which shares two cores with the
# rest of the suite. expect() has its own default (5 s), apart from the page's: both get this.
GEDULD_MS = 15_000
expect.set_options(timeout=GEDULD_MS)


@pytest.fixture
def browser(monkeypatch):
    """Chromium under Playwright's sync API, which switches greenlets: Django keeps a separate
    database connection per greenlet context, so tests request their data fixtures before this one."""
    # Its event loop runs in this thread; the ORM calls of the fixtures stay synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    pad = chromium_pad()
    vereist(pad is not None, "chromium ontbreekt (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=pad, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def pagina(browser):
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    page = context.new_page()
    page.set_default_timeout(GEDULD_MS)
    yield page
    context.close()
