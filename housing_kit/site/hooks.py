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
from housing_kit.loader import Library, load_topics  # noqa: E402
from housing_kit.deck.downloads import list_downloads  # noqa: E402
from housing_kit.site.notfound import NOT_FOUND, not_found_context, place_not_found  # noqa: E402
from housing_kit.site.pages import render_topic_cards, write_pages  # noqa: E402
from housing_kit.site.precompress import precompress  # noqa: E402
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
    downloads = list_downloads(Path(decks) if decks else None)
    write_pages(library, Path(config.docs_dir), downloads, directory_urls=config.use_directory_urls)
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
        cards = render_topic_cards(_state["library"], lang, prefix="topics/", directory_urls=config.use_directory_urls)
        markdown = markdown.replace(CARDS_MARKER, cards)
    return markdown


def on_template_context(context, template_name, config):
    if template_name == NOT_FOUND:
        context = not_found_context(context, config, _state["library"])
    return context


def on_post_template(output_content, template_name, config):
    if template_name == NOT_FOUND:  # one 404 per language (housing_kit/site/notfound.py)
        return place_not_found(output_content, config, _state["library"].default_language.code)
    return output_content


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
    precompress(site)  # last: every file is in place
