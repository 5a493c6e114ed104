"""The ``housing_kit`` MkDocs plugin: the only place the site build meets our content.

Listed in mkdocs.yml (``plugins: - housing_kit``) and registered as an entry
point in pyproject.toml, so ``mkdocs build``, ``mkdocs serve``, ``python
build.py site`` and ``python build.py serve`` run this same code with the same
settings. Its state lives on the plugin instance, which on_config resets at
the start of every build (MkDocs keeps the instance across the rebuilds of
``mkdocs serve``, where content problems become a page rather than a failed build).

mkdocs-static-i18n rebuilds once per extra language and runs every event
again each time; every step here gives the same result on every pass.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..errors import BuildError, ContentError
from ..formatting import plain as plain_title
from ..languages import load_languages
from ..library import Library
from ..loader import load_events, load_topics, public_visits
from ..models import Event
from ..outputs.downloads import Download, build_downloads
from ..typography import typeset_html
from .csp import content_security_policy
from .explainers import insert_explainers
from .markers import expand_markers, page_context
from .notfound import NOT_FOUND, not_found_context, place_not_found
from .page_scripts import drop_unused_scripts
from .pages import generated_pages, render_topic_cards
from .precompress import precompress
from .problems_page import placeholder_pages, problems_page
from .sanitise import sanitise_html
from .scroll_regions import wrap_markdown_tables
from .search import split_search_index
from .social import draw_card, locale, page_title, robots_txt

CARDS_MARKER = "<!-- topic-cards -->"
TOPICS_NAV_MARKER = "topics/"
log = logging.getLogger("housing_kit")  # outside "mkdocs.*": a note, not a strict-mode warning


class HousingKitConfig(base.Config):
    decks = c.Type(bool, default=True)
    """Build every topic's deck in every language and offer them for download."""
    pdf = c.Type(bool, default=True)
    """Also offer PDF copies, where LibreOffice is installed."""
    csp = c.Type(bool, default=True)
    """Give every page the Content-Security-Policy of csp.py. The offline copy turns it off: its
    search runs through an iframe shim that Chromium counts as inline script on file:// pages."""
    cache_dir = c.Type(str, default=".cache/decks")
    """Where decks are kept between builds, relative to mkdocs.yml; rebuilt only when their inputs change."""


class HousingKitPlugin(BasePlugin[HousingKitConfig]):
    def __init__(self) -> None:
        self.serving = False  # under `mkdocs serve`: show content problems in the browser
        self._new_build()

    def _new_build(self) -> None:
        self.library: Library | None = None
        self.visits: list[Event] = []  # public, held visits for the Presentations page
        self.downloads: list[Download] = []
        self.pages: dict[str, str] = {}  # src_uri -> Markdown of the generated pages
        self.problems: str | None = None  # under serve: why the content could not be built

    # ------------------------------------------------------------ startup
    # Defining on_startup makes MkDocs keep this object across the rebuilds of one
    # `mkdocs serve` (and across builds in one process), so on_config starts each build afresh.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_shutdown(self) -> None:
        self.serving = False

    # ------------------------------------------------------------ config
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not _inner_pass(config):  # a new build; later i18n passes reuse what was built
            self._new_build()
            root = Path(config.config_file_path).resolve().parent
            try:
                self.library = load_topics(root)
                self.visits = public_visits(load_events(self.library))
                if self.config.decks:
                    # previews skip PDFs: LibreOffice would add seconds to every save
                    pdf = self.config.pdf and not self.serving
                    self.downloads = _build_decks(self.library, root / self.config.cache_dir, pdf=pdf)
                self.pages = generated_pages(self.library, self.downloads, config.use_directory_urls)
            except Exception as exc:
                if not self.serving:
                    if isinstance(exc, ContentError):
                        # Abort prints the message without a traceback and fails the build.
                        raise Abort(f"content problems:\n{exc}") from None
                    raise
                self._show_problems(exc, root, config)
        if self.serving:
            # A failed build under serve leaves every request waiting; warnings stay in the terminal.
            config.strict = False
        slugs = [t.slug for t in self.library.topics] if self.library else _placeholder_slugs(self.pages)
        config.nav = _expand_topics_nav(config.nav, slugs)
        return config

    def _show_problems(self, exc: Exception, root: Path, config: MkDocsConfig) -> None:
        """Under serve: build stand-in pages, each replaced by the list of problems (on_post_page)."""
        if isinstance(exc, ContentError):
            count = len(exc.problems)
            self.problems = f"{exc}\n{count} problem{'s' if count != 1 else ''} found"
        else:
            log.error("the site could not be built", exc_info=not isinstance(exc, BuildError))
            self.problems = f"build failed: {exc}"
        log.error("content problems; the preview shows them until they are fixed:\n%s", self.problems)
        try:
            codes = tuple(lang.code for lang in load_languages(root / "mkdocs.yml"))
        except ContentError:
            codes = (config.theme["language"],)
        self.library, self.visits, self.downloads = None, [], []
        self.pages = placeholder_pages(root, codes)

    # ------------------------------------------------------------ files
    def _add_pages(self, files: Files, config: MkDocsConfig) -> Files:
        """The topic pages as generated files, before mkdocs-static-i18n sorts files by language."""
        for uri, text in self.pages.items():
            old = files.get_file_from_path(uri)
            if old is not None:  # e.g. a docs/topics/ left over from an older version of the kit
                files.remove(old)
            page = File.generated(config, uri, content=text)
            # mkdocs-static-i18n (1.3) takes only files under docs_dir, and re-creates each file
            # from its path; give it the path the page would have, and the text back below.
            page.abs_src_path = os.path.join(config.docs_dir, uri)
            files.append(page)
        return files

    @event_priority(-200)  # after mkdocs-static-i18n (-100) has replaced the files with its own
    def _restore_page_text(self, files: Files, config: MkDocsConfig) -> Files:
        for file in files:
            text = self.pages.get(file.src_uri)
            if text is not None:
                file.content_string = text
        return files

    on_files = CombinedEvent(_add_pages, _restore_page_text)

    # ------------------------------------------------------------ pages
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri in self.pages and isinstance(page.meta.get("title"), str):
            # Written escaped by the template; Markup, so that templates escaping it again keep it as it is.
            page.meta["title"] = Markup(page.meta["title"])
        if self.library is None:
            return markdown
        lang = _page_language(page, config)
        if CARDS_MARKER in markdown:
            cards = render_topic_cards(self.library, lang, prefix="topics/", directory_urls=config.use_directory_urls)
            markdown = markdown.replace(CARDS_MARKER, cards)
        # organisation, offer, past visits, request form (markers.py)
        context = page_context(page, config, self.library, self.visits, self.downloads)
        return expand_markers(markdown, context, page.file.src_uri)

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        organisation = config.extra.get("organisation") or {}
        endpoint = organisation.get("form_endpoint", "") if isinstance(organisation, dict) else ""
        policy = content_security_policy(endpoint or "", serving=self.serving) if self.config.csp else ""
        env.globals["hk_content_security_policy"] = policy
        if self.library is not None:
            env.globals["organisation"] = self.library.settings.organisation  # the footer (overrides/partials)
        return env

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Generated pages cleaned to the allow-lists of sanitise.py (topic text may carry raw HTML
        or attribute lists), then given their explainers (explainers.py), Markdown tables put in a
        focusable scroll region (scroll_regions.py), then each language's typography."""
        lang = _page_language(page, config)
        if page.file.src_uri in self.pages:
            html = sanitise_html(html)
            if self.library is not None and page.meta.get("hk_topic"):
                # the explainers' form controls, built from the models, after cleaning (explainers.py)
                topic = self.library.find(str(page.meta["hk_topic"]))
                html = insert_explainers(html, topic, lang, self.library)
        if self.library is not None:
            html = wrap_markdown_tables(html, self.library.label("table", lang))
        return typeset_html(html, lang)

    def on_page_context(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """Our interface wording in the page's language, for the theme overrides (the print header)."""
        if self.library is not None:
            library, lang = self.library, _page_language(page, config)
            context["hk_label"] = lambda key: library.label(key, lang)
            context["hk_social"] = _social(page, config, lang, [c for c in library.codes if c != lang])
        return context

    # ------------------------------------------------------------ the 404 pages (notfound.py)
    def on_template_context(self, context: Any, /, *, template_name: str, config: MkDocsConfig) -> Any:
        if template_name == NOT_FOUND and self.library is not None:
            context = not_found_context(context, config, self.library)
        elif template_name == NOT_FOUND:  # content problems under serve: on_post_build writes the 404 page
            context["hk_label"] = lambda key: ""
        return context

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str | None:
        if template_name == NOT_FOUND and self.library is not None:  # one 404 per language
            return place_not_found(drop_unused_scripts(output_content), config, self.library.default_language.code)
        return output_content

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if self.problems is not None:
            return problems_page(self.problems, _page_language(page, config))
        return drop_unused_scripts(output)

    # ------------------------------------------------------------ after the build
    @event_priority(-200)  # after mkdocs-static-i18n (-100) has written the combined search index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if _inner_pass(config):
            return  # an inner, per-language pass: the final index is not written yet
        site = Path(config.site_dir)
        if self.problems is not None:  # the server answers unknown paths with 404.html
            (site / "404.html").write_text(problems_page(self.problems), encoding="utf-8")
            return
        assert self.library is not None
        split_search_index(site, list(self.library.codes), self.library.default_language.code)
        if self.downloads:
            target = site / "downloads"
            target.mkdir(exist_ok=True)
            for download in self.downloads:
                shutil.copy2(download.path, target / download.path.name)
        (site / "robots.txt").write_text(robots_txt(config.site_url), encoding="utf-8")
        precompress(site)  # last: every file is in place


def _inner_pass(config: MkDocsConfig) -> bool:
    """mkdocs-static-i18n runs the whole build again for each further language; True during those."""
    i18n = config.plugins.get("i18n")
    return i18n is not None and bool(getattr(i18n, "building", False))


def _placeholder_slugs(pages: dict[str, str]) -> list[str]:
    stems = {uri.split("/", 1)[1].split(".", 1)[0] for uri in pages if uri.startswith("topics/")}
    return sorted(stems - {"index"})


def _page_language(page: Page, config: MkDocsConfig) -> str:
    """The language a page is written in: mkdocs-static-i18n marks each file with its locale."""
    return getattr(page.file, "locale", None) or config.theme["language"]


def _social(page: Page, config: MkDocsConfig, lang: str, others: list[str]) -> dict[str, Any]:
    """The page's title, Open Graph data and social card (drawn here, into the site)."""
    home = page.is_homepage or page.file.src_uri.split(".")[0] == "index"  # each language's home page
    title = "" if home else plain_title(page.title or "")
    key = (page.url or "").removesuffix(".html").strip("/") or "index"
    card = f"assets/social/{key}.png"
    draw_card(title or config.site_name, config.site_name, Path(config.site_dir) / card)
    base = (config.site_url or "").rstrip("/")
    return {
        "title": page_title(title or None, config.site_name),
        "og_title": title or config.site_name,
        "image": f"{base}/{card}",
        "locale": locale(lang),
        "alternates": [locale(code) for code in others],
    }


def _build_decks(library: Library, out: Path, *, pdf: bool) -> list[Download]:
    """Every topic's deck in every language, rebuilt only when its inputs changed."""
    downloads = build_downloads(library, out, pdf=pdf)  # PDFs only where LibreOffice is found
    if pdf and not any(d.kind == "pdf" for d in downloads):
        log.warning("LibreOffice (soffice) not found: the site offers PPTX decks only")
    return downloads


def _expand_topics_nav(nav: Any, slugs: list[str]) -> Any:
    """Replace the ``topics/`` entry of the nav with the generated topic pages, in topic order."""
    if not nav:
        return nav
    pages = ["topics/index.md"] + [f"topics/{slug}.md" for slug in slugs]
    expanded = []
    for item in nav:
        if isinstance(item, dict) and list(item.values()) == [TOPICS_NAV_MARKER]:
            item = {next(iter(item)): pages}
        expanded.append(item)
    return expanded
