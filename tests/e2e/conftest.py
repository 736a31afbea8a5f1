"""Browser journeys: Playwright driving the system Chromium against a live server.

Where no Chromium is installed the journeys are skipped with the reason, never silently.
Every page a journey reaches is scanned with axe-core and must have no violations.
"""

import io
import os
import shutil
from collections.abc import Iterator

import pytest
from django.core.management import call_command

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


def load_reference_data() -> None:
    """What migrations put in a fresh database: postcode places, the skills taxonomy (with
    interests and languages) and version 1 of the code of conduct. Safe to repeat."""
    from django.utils import timezone

    from pahub.register.code_of_conduct import VERSION_1_BODY, VERSION_1_TITLE
    from pahub.register.models import CodeOfConductVersion
    from pahub.register.taxonomy import load_taxonomy

    call_command("load_places", verbosity=0, stdout=io.StringIO())
    load_taxonomy()
    if not CodeOfConductVersion.objects.exists():
        CodeOfConductVersion.objects.create(
            number=1,
            title=VERSION_1_TITLE,
            body=VERSION_1_BODY,
            published_at=timezone.now(),
        )


RELOAD_AFTER_TEST = pytest.StashKey[object]()


@pytest.fixture
def reference_data_loaded(transactional_db, django_db_blocker, request) -> None:
    """Live-server tests use a transactional database that is emptied after each test, so
    the data migrations loaded is gone: load it before the test, and again after it (see
    `pytest_runtest_teardown`), so later tests that rely on migration data still find it."""
    load_reference_data()
    request.node.stash[RELOAD_AFTER_TEST] = django_db_blocker


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem) -> Iterator[None]:
    # The emptying happens in pytest-django's own teardown, after every fixture of the test
    # has finished, so reloading from a fixture's teardown would be undone at once. Reload
    # once all of the test's teardown is done, and only while the test database still exists
    # (with no next test, the session's teardown has just destroyed it).
    result = yield
    blocker = item.stash.get(RELOAD_AFTER_TEST, None)
    if blocker is not None and nextitem is not None:
        with blocker.unblock():
            load_reference_data()
    return result


@pytest.fixture
def page(browser, live_server, reference_data_loaded, settings) -> Iterator:
    settings.SITE_URL = live_server.url
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


class AxeScanner:
    """Scan each distinct page once; collect every violation with the page it was on."""

    def __init__(self) -> None:
        from axe_playwright_python.sync_playwright import Axe

        self.axe = Axe()
        self.scanned: list[str] = []
        self.failures: list[str] = []

    def check(self, page, label: str = "") -> None:
        results = self.axe.run(page)
        self.scanned.append(label or page.url)
        if results.violations_count:
            self.failures.append(f"{label or page.url}:\n{results.generate_report()}")

    def assert_clean(self) -> None:
        assert not self.failures, "axe-core found violations:\n\n" + "\n\n".join(self.failures)


@pytest.fixture
def axe() -> Iterator[AxeScanner]:
    scanner = AxeScanner()
    yield scanner
    scanner.assert_clean()
