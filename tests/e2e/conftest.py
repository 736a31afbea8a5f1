"""Browser journeys: Playwright driving the system Chromium against a live server.

Where no Chromium is installed the journeys are skipped with the reason, never silently.
Every page a journey reaches is scanned with axe-core and must have no violations.
"""

import os
import shutil
from collections.abc import Iterator

import pytest

from tests.html_check import html_problems

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")


def find_chromium() -> str | None:
    explicit = os.environ.get("PAHUB_CHROMIUM")
    if explicit:
        return explicit
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


CHROMIUM = find_chromium()


def pytest_collection_modifyitems(config, items) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if CHROMIUM is None:
                item.add_marker(
                    pytest.mark.skip(
                        reason="No Chromium found (looked for chromium, chromium-browser, "
                        "google-chrome on the PATH, or PAHUB_CHROMIUM): browser tests skipped"
                    )
                )


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread while it is open; Django's ORM
    # calls made by the test itself (not the server) are still synchronous and safe. Allow
    # them only while a journey module runs, so the setting neither reaches other tests nor
    # the processes they start (`manage.py check --deploy` rejects it).
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, reference_data_loaded, settings) -> Iterator:
    settings.SITE_URL = live_server.url
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


class AxeScanner:
    """Scan each distinct page once; collect every violation with the page it was on, and the
    page's HTML, which html-validate checks at the end (`tests/html_check.py`)."""

    def __init__(self) -> None:
        from axe_playwright_python.sync_playwright import Axe

        self.axe = Axe()
        self.scanned: list[str] = []
        self.failures: list[str] = []
        self.documents: list[tuple[str, str]] = []

    def check(self, page, label: str = "") -> None:
        results = self.axe.run(page)
        self.scanned.append(label or page.url)
        # The document as the browser holds it; GOV.UK Frontend's scripts only add attributes
        # and classes, which the rules allow.
        html = page.evaluate("'<!DOCTYPE html>\\n' + document.documentElement.outerHTML")
        self.documents.append((label or page.url, html))
        if results.violations_count:
            self.failures.append(f"{label or page.url}:\n{results.generate_report()}")

    def assert_clean(self) -> None:
        assert not self.failures, "axe-core found violations:\n\n" + "\n\n".join(self.failures)
        problems = html_problems(self.documents)
        assert not problems, "html-validate found problems:\n" + "\n".join(problems)


@pytest.fixture
def axe() -> Iterator[AxeScanner]:
    scanner = AxeScanner()
    yield scanner
    scanner.assert_clean()
