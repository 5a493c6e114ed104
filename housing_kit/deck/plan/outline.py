"""The deck's running order and its text slides, planned without PowerPoint.

Cover, agenda, (a divider per topic in a combined deck), each section's
points followed by its figures, sources, glossary, closing. Text that does
not fit its box at the smallest readable size continues on the next slide,
titled 'Title (cd. 2/3)'. Figures are planned in figures.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from ...errors import ContentError
from ...formatting import plain
from ...library import Library
from ...models import Event, Section, Topic
from .context import Context, Where
from .covers import closing_slide, cover_slide, divider_slide, site_url
from .figures import caption_block, figure_slides
from .fit import Para, Span, fit_paragraphs, number_indent, para, text_width
from .geometry import Box, Geometry
from .specs import DeckSpec, SlideSpec
from .theme import THEME, Theme
from .wording import continued


def plan_deck(
    library: Library,
    topics: Sequence[Topic],
    lang: str,
    geometry: Geometry,
    *,
    event: Event | None = None,
    theme: Theme = THEME,
    glossary: bool = True,
) -> DeckSpec:
    """Every slide of the deck for ``topics`` in ``lang``, measured and split."""
    ctx = Context(library, lang, geometry, theme)
    combined = len(topics) > 1
    date = event.date if event else max(t.reviewed for t in topics)
    title = " · ".join(ctx.tr(t.title) for t in topics)
    subtitle = ctx.tr(topics[0].subtitle) if not combined else library.settings.site_name.get(lang, "")
    slides = [cover_slide(ctx, title, subtitle, date, event, topics)]
    slides += agenda_slides(ctx, topics)
    for number, topic in enumerate(topics, 1):
        footer = _footer(ctx, topic)
        if combined:
            slides.append(divider_slide(ctx, topic, number, len(topics), footer))
        for section in topic.sections:
            slides += points_slides(ctx, topic, section, footer)
            for figure_id in section.figures:
                slides += figure_slides(ctx, topic, topic.figure(figure_id), footer)
        for figure in topic.unplaced_figures():
            slides += figure_slides(ctx, topic, figure, footer)
        slides += sources_slides(ctx, topic, footer, combined)
        if glossary and topic.glossary:
            slides += glossary_slides(ctx, topic, footer, combined)
    slides.append(closing_slide(ctx, topics))
    if ctx.problems:  # every problem of the deck at once, in file order
        raise ContentError(ctx.problems)
    return DeckSpec(
        title=title,
        subtitle=subtitle,
        lang=lang,
        tag=library.language(lang).tag,
        author=library.settings.organisation.short_name,
        keywords=tuple(dict.fromkeys([*(t.slug for t in topics), *(a for t in topics for a in t.aliases)])),
        date=date,
        slides=tuple(unique_titles(ctx, slides)),
    )


def _footer(ctx: Context, topic: Topic | None) -> str:
    org = ctx.library.settings.organisation.short_name
    text = " · ".join(filter(None, [ctx.tr(topic.title) if topic else "", org])) or " "
    return ctx.one_line(text, ctx.geometry.footer, ctx.theme.type.footer.pt)


# ---------------------------------------------------------------- text slides
def text_slides(
    ctx: Context,
    kind: str,
    title: str,
    build: Callable[[float], list[Para]],
    sizes,
    *,
    notes: str = "",
    footer: str | None = None,
    caption: str = "",
    topic: Topic | None = None,
    where: Where | None = None,
) -> list[SlideSpec]:
    """A run of content slides for ``build(size)``'s paragraphs: the largest size
    that needs the fewest slides, continuation titles numbered."""
    g = ctx.geometry
    body = g.body
    shapes: tuple = ()
    if caption:
        block = caption_block(ctx, caption, Box(body.x, body.y, body.w, body.h))
        body = body.shrink_bottom(block.box.h + g.gap)
        shapes = (block,)
    width, height = ctx.inner(body)
    best: list[list[Para]] | None = None
    for size in sizes:
        pages = fit_paragraphs(build(size.pt), width, height)
        if best is None or len(pages) < len(best):
            best = pages
        if len(best) == 1:  # one slide at the largest size that gets there: done
            break
    where = where or ((topic.slug, ("title", ctx.lang)) if topic else None)
    out = []
    for i, page in enumerate(best or [[]], 1):
        page_title = continued(title, i, len(best or [[]]), ctx.continued_word)
        out.append(
            SlideSpec(
                "content",
                kind,
                page_title,
                ctx.title_size(page_title, g.title, ctx.theme.type.title, where),
                notes=notes,
                footer=footer,
                body=tuple(page),
                shapes=shapes,
                topic=topic.slug if topic else None,
                body_box=body if caption else None,
            )
        )
    return out


def agenda_slides(ctx: Context, topics: Sequence[Topic]) -> list[SlideSpec]:
    if len(topics) == 1:
        topic = topics[0]
        items = [ctx.tr(s.title) for s in topic.sections] + [ctx.label("sources")]

        def build(size: float) -> list[Para]:
            return ctx.body_paras(items, size, start=1)

    else:

        def build(size: float) -> list[Para]:
            paras = []
            for i, topic in enumerate(topics, 1):
                paras += ctx.body_paras([ctx.tr(topic.title)], size, start=i)
                sections = " · ".join(ctx.tr(s.title) for s in topic.sections)
                paras.append(para(sections, max(16.0, size - 4), indent=paras[-1].indent, space_before=2))
            return paras

    notes = " ".join(ctx.tr(t.summary) for t in topics)
    footer = _footer(ctx, topics[0] if len(topics) == 1 else None)
    return text_slides(ctx, "agenda", ctx.label("agenda"), build, ctx.theme.type.body, notes=notes, footer=footer)


def points_slides(ctx: Context, topic: Topic, section: Section, footer: str) -> list[SlideSpec]:
    points = [plain(ctx.tr(p)) for p in section.points]
    numbers = topic.source_numbers()
    cites = ", ".join(f"[{n}]" for n in sorted(numbers[c] for c in section.cites))
    return text_slides(
        ctx,
        "points",
        ctx.tr(section.title),
        lambda size: ctx.body_paras(points, size, bullet=True),
        ctx.theme.type.body,
        notes=plain(ctx.tr(section.notes)),
        footer=footer,
        caption=f"{ctx.label('sources')}: {cites}" if cites else "",
        topic=topic,
        where=(topic.slug, ("sections", topic.sections.index(section), "title", ctx.lang)),
    )


def sources_slides(ctx: Context, topic: Topic, footer: str, combined: bool) -> list[SlideSpec]:
    room = ctx.inner(ctx.geometry.body)[0]

    def build(size: float) -> list[Para]:
        indent = number_indent(len(topic.sources), size, ctx.geometry.bullet_indent)
        return [
            Para(
                (
                    Span(f"{s.author} ({s.year}). {s.title}. "),
                    Span(shown_url(s.url, 0.6 * room, size), link=s.url, colour="hlink"),
                ),
                size,
                indent=indent,
                space_before=round(size * 0.4, 1),
                number=n,
            )
            for n, s in enumerate(topic.sources, 1)
        ]

    title = ctx.label("sources") + (f": {ctx.tr(topic.title)}" if combined else "")
    page = f"{site_url(ctx.library, ctx.lang)}topics/{topic.slug}/" if ctx.library.settings.site_url else ""
    notes = f"{ctx.label('sources')}: {len(topic.sources)}. {page}".strip()
    return text_slides(ctx, "sources", title, build, ctx.theme.type.sources, notes=notes, footer=footer, topic=topic)


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


def glossary_slides(ctx: Context, topic: Topic, footer: str, combined: bool) -> list[SlideSpec]:
    def build(size: float) -> list[Para]:
        return [
            Para(
                (Span(ctx.tr(term.term), bold=True), Span(f" – {ctx.tr(term.definition)}")),
                size,
                space_before=round(size * 0.5, 1),
            )
            for term in topic.glossary
        ]

    title = ctx.label("glossary") + (f": {ctx.tr(topic.title)}" if combined else "")
    notes = f"{ctx.label('glossary')}: " + ", ".join(ctx.tr(term.term) for term in topic.glossary) + "."
    return text_slides(ctx, "glossary", title, build, ctx.theme.type.glossary, notes=notes, footer=footer, topic=topic)


# ---------------------------------------------------------------- titles
def unique_titles(ctx: Context, slides: list[SlideSpec]) -> list[SlideSpec]:
    """Every slide title different: a title repeated across topics gets its topic's
    title, one repeated within a topic a number: 'Title (2)'."""
    topics = {t.slug: t for t in ctx.library.topics}
    owners: dict[str, set] = {}
    for slide in slides:
        owners.setdefault(slide.title, set()).add(slide.topic)
    out = []
    for slide in slides:
        if len(owners[slide.title] - {None}) > 1 and slide.topic in topics:
            slide = _retitle(ctx, slide, f"{slide.title} – {ctx.tr(topics[slide.topic].title)}")
        out.append(slide)
    seen: Counter = Counter()
    final = []
    for slide in out:
        seen[slide.title] += 1
        if seen[slide.title] > 1:
            slide = _retitle(ctx, slide, f"{slide.title} ({seen[slide.title]})")
        final.append(slide)
    return final


def _retitle(ctx: Context, slide: SlideSpec, title: str) -> SlideSpec:
    box = {"cover": ctx.geometry.cover_title, "section": ctx.geometry.section_title}.get(slide.role, ctx.geometry.title)
    sizes = ctx.theme.type.cover_title if slide.role in ("cover", "section") else ctx.theme.type.title
    return slide.with_title(title, ctx.title_size(title, box, sizes))
