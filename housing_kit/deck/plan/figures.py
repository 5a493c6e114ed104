"""Figures planned as slides: one or more per figure, each with a caption.

Each kind's planner is named in housing_kit/figure_kinds.py: tables and the
ETHOS typology are laid out in tables.py, the ladder and numbered lists in
shapes.py, charts in charts.py. Every figure slide carries speaker notes that
describe its data in words, so the deck is usable when a chart cannot be seen.
"""

from __future__ import annotations

from ...figure_kinds import PLANNERS, figure_kind, resolve
from ...models import Topic
from .context import Context, LayoutProblem
from .fit import Para, Span, paras_height
from .geometry import Box
from .specs import SlideSpec, TextBlock
from .wording import continued, join_sentences


def caption_block(ctx: Context, text: str, box: Box) -> TextBlock:
    """A caption in the theme's caption size, measured and set at the bottom of ``box``."""
    size = ctx.theme.type.caption.pt
    paras = (Para((Span(text, colour="muted"),), size),)
    height = paras_height(list(paras), box.w - 2 * ctx.geometry.inset_x) + 2 * ctx.geometry.inset_y
    return TextBlock(box.bottom_part(height), paras, "Caption", colour="muted")


def figure_caption(ctx: Context, topic: Topic, figure) -> str:
    """The figure's note and the numbers of its data sources, as on the site."""
    numbers = topic.source_numbers()
    cited = " ".join(f"[{n}]" for n in sorted(numbers[s] for s in figure.sources))
    source = f"{ctx.label('figure_source')}: {cited}" if cited else ""
    return " ".join(filter(None, [ctx.tr(figure.remark), source]))


def figure_slides(ctx: Context, topic: Topic, figure, footer: str) -> list[SlideSpec]:
    """The slides showing ``figure``: a caption at the bottom, the figure above it."""
    area = ctx.geometry.figure
    shapes_below: tuple = ()
    text = figure_caption(ctx, topic, figure)
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
    slides = []
    for i, (shapes, notes) in enumerate(pages, 1):
        page_title = continued(title, i, len(pages), ctx.continued_word)
        slides.append(
            SlideSpec(
                "figure",
                figure.kind,
                page_title,
                ctx.title_size(page_title, ctx.geometry.title, ctx.theme.type.title, where),
                notes=join_sentences(title, notes, ctx.tr(figure.remark)),
                footer=footer,
                shapes=(*shapes, *shapes_below),
                topic=topic.slug,
            )
        )
    return slides
