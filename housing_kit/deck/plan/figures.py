"""Figures planned as slides: one or more per figure, each with a caption.

Each kind's planner is named in housing_kit/figure_kinds.py: tables and the
ETHOS typology (as a one-slide overview; the full table goes to the appendix)
are laid out in tables.py, the ladder and numbered lists in shapes.py, charts
in charts.py. A figure slide's notes are the figure's own notes, split when
the figure runs over several slides; a chart's numbers in words are its alt text.
"""

from __future__ import annotations

from ...figure_kinds import PLANNERS, figure_kind, resolve
from ...models import ChartFigure, Topic, TypologyFigure
from .charts import uneven_years
from .context import Context, LayoutProblem
from .fit import Para, Span, paras_height
from .geometry import Box
from .specs import SlideSpec, TextBlock
from .wording import continued, split_notes


def caption_block(ctx: Context, text: str, box: Box) -> TextBlock:
    """A caption in the theme's caption size, measured and set at the bottom of ``box``."""
    size = ctx.theme.type.caption.pt
    paras = (Para((Span(text, colour="muted"),), size),)
    height = paras_height(list(paras), box.w - 2 * ctx.geometry.inset_x) + 2 * ctx.geometry.inset_y
    return TextBlock(box.bottom_part(height), paras, "Caption", colour="muted")


def figure_caption(ctx: Context, topic: Topic, figure, *, remark: bool = True) -> str:
    """The figure's remark and the deck-wide numbers of its data sources, as on the site;
    under a column chart over unevenly spaced years, a line saying so."""
    cited = ctx.cites(topic, figure.sources)
    source = f"{ctx.label('figure_source')}: {cited}" if cited else ""
    gaps = ctx.label("years_uneven") if isinstance(figure, ChartFigure) and figure.chart != "line" else ""
    gaps = gaps if gaps and uneven_years(figure) else ""
    return " ".join(filter(None, [gaps, ctx.tr(figure.remark) if remark else "", source]))


def figure_slides(ctx: Context, topic: Topic, figure, footer: str) -> list[SlideSpec]:
    """The slides showing ``figure``: a caption at the bottom, the figure above it."""
    area = ctx.geometry.figure
    shapes_below: tuple = ()
    # the overview of a typology leaves its remark (on the full table's wording) to the appendix
    text = figure_caption(ctx, topic, figure, remark=not isinstance(figure, TypologyFigure))
    if text:
        caption = caption_block(ctx, text, area)
        area = area.shrink_bottom(caption.box.h + ctx.geometry.gap)
        shapes_below = (caption,)
    index = topic.figures.index(figure)
    try:
        pages = resolve(PLANNERS, figure_kind(figure.kind).planner)(ctx, figure, area)
    except LayoutProblem as problem:
        ctx.report((topic.slug, ("figures", index, *problem.loc)), problem.message)
        return []
    title = ctx.tr(figure.title)
    where = (topic.slug, ("figures", index, "title", ctx.lang))
    shares = split_notes(ctx.paragraphs(figure.notes), len(pages))
    slides = []
    for i, ((shapes, _), notes) in enumerate(zip(pages, shares, strict=True), 1):
        page_title = continued(title, i, len(pages), ctx.continued_word)
        slides.append(
            SlideSpec(
                "figure",
                figure.kind,
                page_title,
                ctx.title_size(page_title, ctx.geometry.title, ctx.theme.type.title, where),
                notes=notes,
                footer=footer,
                shapes=(*shapes, *shapes_below),
                topic=topic.slug,
            )
        )
    return slides
