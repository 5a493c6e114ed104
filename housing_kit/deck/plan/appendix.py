"""The appendix after the closing slide: reference material, not part of the talk.

A divider with the content review date(s), the sources (numbered once for the
whole deck, each URL once), the glossary (each term once) and the full
versions of tables the body showed as an overview (the ETHOS typology).
Appendix text may go down to 14 pt.
"""

from __future__ import annotations

from ...formatting import format_date
from ...models import Figure, Topic, TypologyFigure
from ...typography import join_reference, typeset
from .context import Context
from .figures import caption_block, figure_caption
from .fit import Para, Span, choose_size, number_indent, para, text_width
from .specs import Shape, SlideSpec, TextBlock
from .tables import typology_pages
from .text_slides import text_slides
from .wording import continued


def appendix_slides(
    ctx: Context, shown: list[tuple[Topic, list[Figure]]], footer: str, *, glossary: bool
) -> list[SlideSpec]:
    """The divider, sources, glossary and full tables of the topics in ``shown``
    (each topic with the figures its body showed)."""
    topics = [topic for topic, _ in shown]
    slides = [divider(ctx, topics, footer)]
    slides += sources_slides(ctx, footer)
    if glossary:
        slides += glossary_slides(ctx, topics, footer)
    for topic, figures in shown:
        for figure in figures:
            if isinstance(figure, TypologyFigure):
                slides += full_typology_slides(ctx, topic, figure, footer)
    return slides


def divider(ctx: Context, topics: list[Topic], footer: str) -> SlideSpec:
    """'Appendix', with the date each topic's content was last checked against its sources."""
    g, sizes = ctx.geometry, ctx.theme.type
    months = ctx.library.label("months", ctx.lang)
    dates = {t.reviewed for t in topics}
    if len(dates) == 1:
        lines = [f"{ctx.label('reviewed')}: {format_date(topics[0].reviewed, months)}"]
    else:
        lines = [f"{ctx.label('reviewed')}:"]
        lines += [f"{ctx.tr(t.title)} – {format_date(t.reviewed, months)}" for t in topics]
    lines = [ctx.text(line) for line in lines]
    box = g.section_body or g.cover_subtitle
    size, paras = choose_size(
        lambda s: [para(line, s, space_before=4.0) for line in lines],
        [s.pt for s in sizes.appendix_note],
        *ctx.inner(box),
    )
    title = ctx.label("appendix")
    return SlideSpec(
        "section",
        "appendix",
        title,
        ctx.title_size(title, g.section_title, sizes.cover_title),
        notes=ctx.label("appendix_notes"),
        footer=footer,
        body=tuple(paras),
    )


def sources_slides(ctx: Context, footer: str) -> list[SlideSpec]:
    """The deck's sources, numbered as the slides cite them; each title in its own language."""
    room = ctx.inner(ctx.geometry.body)[0]
    sources = ctx.sources.sources

    def build(size: float) -> list[Para]:
        indent = number_indent(len(sources), size, ctx.geometry.bullet_indent)
        return [
            Para(
                (
                    Span(typeset(join_reference(f"{s.author} ({s.year})", s.title), s.lang) + " ", lang=s.lang),
                    Span(shown_url(s.url, 0.6 * room, size), link=s.url, colour="hlink"),
                ),
                size,
                indent=indent,
                space_before=round(size * 0.4, 1),
                number=n,
            )
            for n, s in enumerate(sources, 1)
        ]

    notes = ctx.label("sources_notes")
    return text_slides(
        ctx,
        "sources",
        ctx.label("sources"),
        build,
        ctx.theme.type.sources,
        notes=notes,
        footer=footer,
        share_notes=False,
    )


def shown_url(url: str, width: float, size: float) -> str:
    """A URL as a slide shows it: without its scheme and, when longer than ``width``,
    cut with an ellipsis (the link keeps the whole address). Keeping every URL
    shorter than a line means no renderer has to break it, so it fits as measured."""
    shown = url.split("://", 1)[-1].removeprefix("www.").rstrip("/")
    if text_width(shown, size) <= width:
        return shown
    low, high = 12, len(shown)  # the longest prefix that fits with its ellipsis
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if text_width(shown[:middle] + "…", size) <= width else (low, middle - 1)
    return shown[:low] + "…"


def glossary_slides(ctx: Context, topics: list[Topic], footer: str) -> list[SlideSpec]:
    """Every topic's terms, each term once (the first topic's definition wins)."""
    terms: dict[str, str] = {}
    for topic in topics:
        for term in topic.glossary:
            terms.setdefault(ctx.tr(term.term), ctx.tr(term.definition))
    if not terms:
        return []

    def build(size: float) -> list[Para]:
        return [
            Para((Span(term, bold=True), Span(f" – {definition}")), size, space_before=round(size * 0.5, 1))
            for term, definition in terms.items()
        ]

    notes = ctx.label("glossary_notes")
    return text_slides(
        ctx,
        "glossary",
        ctx.label("glossary"),
        build,
        ctx.theme.type.glossary,
        notes=notes,
        footer=footer,
        share_notes=False,
    )


def full_typology_slides(ctx: Context, topic: Topic, figure: TypologyFigure, footer: str) -> list[SlideSpec]:
    """The whole typology as a table (every living situation and its definition) at
    appendix sizes, split over slides under a repeated header."""
    area = ctx.geometry.figure
    below: tuple[Shape, ...] = ()
    text = figure_caption(ctx, topic, figure)
    if text:
        caption: TextBlock = caption_block(ctx, text, area)
        area = area.shrink_bottom(caption.box.h + ctx.geometry.gap)
        below = (caption,)
    pages = typology_pages(ctx, figure, area, ctx.theme.type.appendix_table)
    title = f"{ctx.label('full_table')}: {ctx.tr(figure.title)}"
    where = (topic.slug, ("figures", topic.figures.index(figure), "title", ctx.lang))
    out = []
    for i, (shapes, _) in enumerate(pages, 1):
        page_title = continued(title, i, len(pages), ctx.continued_word)
        out.append(
            SlideSpec(
                "figure",
                "full-table",
                page_title,
                ctx.title_size(page_title, ctx.geometry.title, ctx.theme.type.title, where),
                notes=ctx.label("full_table_notes"),
                footer=footer,
                shapes=(*shapes, *below),
                topic=topic.slug,
            )
        )
    return out
