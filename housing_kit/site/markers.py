"""Markers in hand-written pages, replaced with generated content at build time.

A marker is an HTML comment, so a page still reads well in an editor and on
any Markdown preview: ``<!-- hk:email -->``, ``<!-- hk:email subject="..." -->``.
Every value it brings in is escaped; an unknown marker stops the build, since
it is almost always a typo.

| marker | becomes |
| --- | --- |
| ``hk:short-name`` / ``hk:name`` | the organisation's short name / full name and short name |
| ``hk:email`` | the organisation's e-mail address as a link (optional ``subject``) |
| ``hk:region`` | the area the team travels to, in the page's language |
| ``hk:organisation`` | the organisation's details, as a list |
| ``hk:offer`` | every topic: summary, decks, "Request this presentation" |
| ``hk:past-visits`` | public, held visits, newest first, with their reports |
| ``hk:request-form`` | the request form (and what to send without JavaScript) |
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from ..library import Library
from ..models import Event
from ..outputs.downloads import Download
from . import organisation, presentations, request_form
from .page_context import PageContext, page_root

Renderer = Callable[[PageContext, dict[str, str]], str]

RENDERERS: dict[str, Renderer] = {
    "short-name": organisation.short_name,
    "name": organisation.display_name,
    "email": organisation.email_link,
    "region": organisation.region,
    "organisation": organisation.details,
    "offer": presentations.render_offer,
    "past-visits": presentations.render_past_visits,
    "request-form": request_form.render_request_form,
}

MARKER_RE = re.compile(r"<!--\s*hk:([a-z-]+)((?:\s+[a-z]+=\"[^\"]*\")*)\s*-->")
_ARG_RE = re.compile(r"([a-z]+)=\"([^\"]*)\"")


def expand_markers(markdown: str, ctx: PageContext, where: str = "") -> str:
    """Replace every ``<!-- hk:... -->`` marker in ``markdown``."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        renderer = RENDERERS.get(name)
        if renderer is None:
            known = ", ".join(f"hk:{key}" for key in RENDERERS)
            raise PluginError(f"{where}: unknown marker 'hk:{name}'; markers: {known}")
        return renderer(ctx, dict(_ARG_RE.findall(match.group(2))))

    return MARKER_RE.sub(replace, markdown)


def page_context(
    page: Page,
    config: MkDocsConfig,
    library: Library,
    visits: list[Event] | tuple[Event, ...],
    downloads: list[Download],
) -> PageContext:
    """The context of one MkDocs page: its language and its way back to the site root."""
    lang = getattr(page.file, "locale", None) or config.theme["language"]
    prefix = "" if lang == library.default_language.code else f"{lang}/"
    return PageContext(
        library,
        tuple(visits),
        tuple(downloads),
        lang,
        page_root(page.url),
        page_root(page.url, prefix),
        config.use_directory_urls,
    )
