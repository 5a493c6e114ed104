"""The Presentations page: the offer (one entry per topic) and past visits.

Both are rendered from validated models into the hand-written page
(``docs/presentations.*.md``) through markers; see ``markers.py``."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..formatting import format_date, plain
from ..outputs.downloads import Download
from .page_context import PageContext, markdown_text, render_html

PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


@dataclass(frozen=True)
class OfferEntry:
    slug: str
    title: str
    summary: str
    page: str
    """Link to the topic's page."""
    request: str
    """Link to the request form with this topic ticked."""
    downloads: tuple[Download, ...]


def request_link(ctx: PageContext, slug: str) -> str:
    """The contact form, opened with ``slug`` ticked."""
    return ctx.href("contact", f"?topic={slug}#request-form")


def offer_entries(ctx: PageContext) -> list[OfferEntry]:
    return [
        OfferEntry(
            slug=topic.slug,
            title=topic.title[ctx.lang],
            summary=plain(topic.summary[ctx.lang], ctx.library.link_titles(ctx.lang)),
            page=ctx.href(f"topics/{topic.slug}"),
            request=request_link(ctx, topic.slug),
            downloads=tuple(d for d in ctx.downloads if d.slug == topic.slug and d.lang == ctx.lang),
        )
        for topic in ctx.library.topics
    ]


def _md(text: str) -> Markup:
    return Markup(markdown_text(text))


def render_offer(ctx: PageContext, args: dict[str, str]) -> str:
    """``<!-- hk:offer -->``: every topic with its summary, decks and a request link."""
    return render_html(
        "offer.md.j2",
        entries=offer_entries(ctx),
        L=ctx.label,
        lang=ctx.lang,
        root=ctx.root,
        md=_md,
        pptx_type=PPTX_TYPE,
    )


def render_past_visits(ctx: PageContext, args: dict[str, str]) -> str:
    """``<!-- hk:past-visits -->``: public, held visits, newest first, with their reports."""
    library = ctx.library
    return render_html(
        "visits.md.j2",
        visits=ctx.visits,
        L=ctx.label,
        lang=ctx.lang,
        md=_md,
        date=lambda d: format_date(d, library.label("months", ctx.lang)),
        topic=library.find,
        href=ctx.href,
    )
