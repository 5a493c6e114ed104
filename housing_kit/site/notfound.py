"""One 404 page per language: ``/404.html`` in the default language, ``/<lang>/404.html`` for the others.

MkDocs renders the theme's ``404.html`` into the site's root on every build
pass, and mkdocs-static-i18n makes one pass per language, so on its own the
last language built wins. Here each non-default pass writes its page into its
language's folder instead, and gives MkDocs nothing to write over the default
language's page.

MkDocs already renders error pages with links from the site's root (its
``base_url`` for them is the path of ``site_url``: ``/``, or ``/housing-kit/``
for a site in a sub-folder), so styles, scripts, the menu and the search work
at any depth of a missing address. Only the language switch needs setting:
mkdocs-static-i18n leaves it pointing at whichever page was built last, and on
a 404 it leads to each language's home page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

from ..languages import Language
from ..library import Library

NOT_FOUND = "404.html"


def home_links(site_url: str | None, languages: tuple[Language, ...]) -> list[dict[str, str]]:
    """The language switch of a 404 page: each language's home page, from the site's root."""
    base = urlsplit(site_url or "/").path.rstrip("/")
    return [
        {"name": lang.name, "link": f"{base}/" if lang.default else f"{base}/{lang.code}/", "lang": lang.code}
        for lang in languages
    ]


def not_found_context(context: Any, config: MkDocsConfig, library: Library) -> Any:
    """Point the language switch at the home pages; give the template its wording."""
    lang = config.theme["language"]
    links = home_links(config.site_url, library.languages)
    # mkdocs-static-i18n sets the switch as an attribute of ``extra`` (which
    # templates read first) and as its key; set both.
    config.extra["alternate"] = links
    config.extra.alternate = links  # type: ignore[attr-defined]  # static-i18n reads it as an attribute
    context["hk_label"] = lambda key: library.label(key, lang)
    return context


def place_not_found(output: str, config: MkDocsConfig, default_language: str) -> str:
    """Write a non-default language's 404 into its own folder; return what MkDocs should write.

    MkDocs skips a template that renders empty, so returning ``""`` keeps the
    default language's ``/404.html`` from being overwritten."""
    lang = config.theme["language"]
    if lang == default_language:
        return output
    target = Path(config.site_dir) / lang / NOT_FOUND
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""
