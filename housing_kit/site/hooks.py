"""MkDocs hooks: the only place the site build meets our content.

Listed in mkdocs.yml, so ``mkdocs build``, ``mkdocs serve``,
``python build.py site`` and ``python build.py serve`` all run this same code.
mkdocs-static-i18n rebuilds once per extra language and calls ``on_config``
again each time; every step here gives the same result on every pass.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # hooks are loaded by path, not as a package

from housing_kit.errors import ContentError  # noqa: E402
from housing_kit.loader import Library, load_events, load_topics, public_visits  # noqa: E402
from housing_kit.deck.downloads import list_downloads  # noqa: E402
from housing_kit.site.markers import expand_markers, page_context  # noqa: E402
from housing_kit.site.pages import render_topic_cards, write_pages  # noqa: E402
from housing_kit.site.search import split_search_index  # noqa: E402

CARDS_MARKER = "<!-- topic-cards -->"
TOPICS_NAV_MARKER = "topics/"

# Set by housing_kit.site.build before MkDocs runs: where the decks were
# built, so pages can link them and on_post_build can copy them.
DECKS_DIR_ENV = "HOUSING_KIT_DECKS_DIR"

_state: dict = {}


def _library(config) -> Library:
    root = Path(config.config_file_path).resolve().parent
    try:
        return load_topics(root)
    except ContentError as exc:
        # Abort prints the message without a traceback and fails the build.
        raise Abort(f"content problems:\n{exc}") from None


def on_config(config):
    library = _library(config)
    _state["library"] = library
    decks = os.environ.get(DECKS_DIR_ENV)
    _state["downloads"] = list_downloads(Path(decks) if decks else None)
    write_pages(library, Path(config.docs_dir), _state["downloads"])
    try:
        _state["visits"] = public_visits(load_events(library))
    except ContentError as exc:
        raise Abort(f"content problems:\n{exc}") from None
    config["nav"] = _expand_topics_nav(config["nav"], library)
    return config


def _expand_topics_nav(nav: list | None, library: Library) -> list | None:
    """Replace the ``topics/`` entry of the nav with the generated topic pages, in topic order."""
    if not nav:
        return nav
    pages = ["topics/index.md"] + [f"topics/{t.slug}.md" for t in library.topics]
    expanded = []
    for item in nav:
        if isinstance(item, dict) and list(item.values()) == [TOPICS_NAV_MARKER]:
            item = {next(iter(item)): pages}
        expanded.append(item)
    return expanded


def on_page_markdown(markdown, page, config, files):
    if CARDS_MARKER in markdown:
        lang = getattr(page.file, "locale", None) or config.theme["language"]
        markdown = markdown.replace(CARDS_MARKER, render_topic_cards(_state["library"], lang, prefix="topics/"))
    context = page_context(page, config, _state["library"], _state["visits"], _state["downloads"])
    return expand_markers(markdown, context, page.file.src_uri)


def on_env(env, config, files):
    env.globals["organisation"] = _state["library"].settings.organisation  # the footer (overrides/partials)
    return env


@event_priority(-200)  # after mkdocs-static-i18n (-100) has written the combined search index
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # an inner, per-language pass: the final index is not written yet
    library: Library = _state["library"]
    site = Path(config.site_dir)
    split_search_index(site, list(library.codes), library.default_language.code)
    decks = os.environ.get(DECKS_DIR_ENV)
    if decks:
        target = site / "downloads"
        target.mkdir(exist_ok=True)
        for download in list_downloads(Path(decks)):
            shutil.copy2(download.path, target / download.path.name)
