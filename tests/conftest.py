"""Shared fixtures: a copy of the project to build in, and the built site served locally."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def copy_project(dest: Path, topics: Path | None = None) -> Path:
    """A working copy of the project (settings, pages, topics) to build in.

    The package is linked, not copied, so the copy runs the code under test."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=shutil.ignore_patterns("topics"))
    shutil.copytree(topics or ROOT / "topics", dest / "topics")
    (dest / "slides" / "events").mkdir(parents=True)
    if topics is None:  # the real visits name the real topics
        for event in (ROOT / "slides" / "events").glob("*.yaml"):
            shutil.copy(event, dest / "slides" / "events" / event.name)
    (dest / "housing_kit").symlink_to(ROOT / "housing_kit")
    return dest


def fixture_project(dest: Path, fixture: str) -> Path:
    """A small project to run the command line in: a fixture's settings and topics, no events yet."""
    shutil.copy(FIXTURES / fixture / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(FIXTURES / fixture / "topics", dest / "topics")
    (dest / "slides" / "events").mkdir(parents=True)
    return dest


@pytest.fixture
def project(tmp_path) -> Path:
    """The deck fixture's project (a module may override it with another fixture's)."""
    return fixture_project(tmp_path, "deck")


def load_real_library():
    """The real topics, loaded when a test asks (never at import). Broken real topics
    fail the tests that use them, with the loader's messages; they are never skipped."""
    from housing_kit.errors import ContentError
    from housing_kit.loader import load_topics

    try:
        library = load_topics(ROOT)
    except ContentError as exc:
        pytest.fail(f"the real topics do not load:\n{exc}", pytrace=False)
    if not library.topics:
        pytest.fail("there are no real topics", pytrace=False)
    return library


@pytest.fixture(scope="session")
def real_library():
    return load_real_library()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real topics built once, decks included, with the real MkDocs build (strict)."""
    from housing_kit.site.build import build_site

    root = copy_project(tmp_path_factory.mktemp("project"))
    return build_site(root)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is required for the browser tests (apt-get install chromium)")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture
def strict_page(browser):
    """A page under the site's own policy that fails the test on any CSP violation or script error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    yield pg
    context.close()
    assert problems == []
