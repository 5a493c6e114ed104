"""Timeline figures as native shapes: a horizontal axis with a dot per event.

The events sit at even steps along an arrow pointing to later dates (their order
matters, not the gaps between them); each event's date and title are set in a
text box centred on its dot, alternately above and below the axis, so a label
may be twice as wide as the step between dots (and must be at least MIN_LABEL
wide). The planner picks the fewest slides, then the largest text, at which
every label fits; the date is written in
full ("wrzesień 2009") when it fits one line, else in its short form ("IX 2009").
An event's longer text goes to the table on the site and to the speaker notes.
"""

from __future__ import annotations

import math

from ...formatting import format_when
from ...models import TimelineEvent, TimelineFigure
from .context import Context, LayoutProblem
from .fit import Para, Span, count_lines, paras_height
from .geometry import Box
from .specs import Arrow, DiagramSpec, FigurePage, TextBlock
from .wording import join_sentences

DOT = 14.0  # diameter of an event's dot, in points
CLEAR = 6.0  # space between a dot and its label
MIN_LABEL = 140.0  # a label narrower than this (in points) reads as a column of single words


def event_date(ctx: Context, event: TimelineEvent, *, short: bool = False) -> str:
    """The event's date as the deck shows it: 'wrzesień 2009', or 'IX 2009' when ``short``."""
    months = ctx.library.label("month_short" if short else "month_names", ctx.lang)
    return ctx.text(format_when(event.when, months))


def _label_paras(ctx: Context, event: TimelineEvent, size: float, width: float) -> tuple[Para, ...]:
    date = event_date(ctx, event)
    if count_lines((Span(date, bold=True),), width, size) > 1:
        date = event_date(ctx, event, short=True)
    return (
        Para((Span(date, bold=True, colour="accent1"),), size, align="centre"),
        Para((Span(ctx.tr(event.title), bold=True),), size, space_before=2.0, align="centre"),
    )


Layout = tuple[float, float, list[tuple[Para, ...]], list[float], float]
"""One slide's timeline: the step between dots, a label's width, the labels, their heights, the axis's y."""


def _layout(ctx: Context, events: list[TimelineEvent], area: Box, size: float, per_page: int) -> Layout | None:
    """Where each event's label goes on one slide, or None when a label does not fit."""
    g = ctx.geometry
    step = (area.w + g.gap) / (per_page + 1)
    width = 2 * step - g.gap
    if width < MIN_LABEL and per_page > 1:
        return None
    inner = width - 2 * g.inset_x
    paras = [_label_paras(ctx, e, size, inner) for e in events]
    heights = [paras_height(list(p), inner) + 2 * g.inset_y for p in paras]
    above = max(heights[0::2])
    below = max(heights[1::2], default=0.0)
    if above + below + 2 * (DOT / 2 + CLEAR) > area.h:
        return None
    # the picture is centred in the area; the axis runs through the dots
    used = above + below + 2 * (DOT / 2 + CLEAR)
    axis = area.y + (area.h - used) / 2 + above + CLEAR + DOT / 2
    return step, width, paras, heights, axis


def timeline_pages(ctx: Context, figure: TimelineFigure, area: Box) -> list[FigurePage]:
    """As few slides as possible, then the largest text, with every event's label inside the area."""
    events = list(figure.events)
    sizes = [s.pt for s in ctx.theme.type.figure_text]
    for count in range(1, len(events) + 1):
        per_page = math.ceil(len(events) / count)
        chunks = [events[i : i + per_page] for i in range(0, len(events), per_page)]
        for size in sizes:
            layouts = [_layout(ctx, chunk, area, size, per_page) for chunk in chunks]
            fitted = [layout for layout in layouts if layout is not None]
            if len(fitted) == len(layouts):
                return [
                    _page(ctx, figure, area, chunk, layout, i, len(chunks))
                    for i, (chunk, layout) in enumerate(zip(chunks, fitted, strict=True))
                ]
    problem = f"an event's title is too long to fit the slide even alone at {sizes[-1]:g} pt; shorten it"
    raise LayoutProblem(("events",), problem)


def describe(ctx: Context, figure: TimelineFigure, events: list[TimelineEvent]) -> str:
    """The events in words: the alt text of the picture."""
    return join_sentences(*(f"{event_date(ctx, e)}: {ctx.tr(e.title)}" for e in events))


def _page(
    ctx: Context,
    figure: TimelineFigure,
    area: Box,
    chunk: list[TimelineEvent],
    layout: Layout,
    index: int,
    pages: int,
) -> FigurePage:
    step, width, paras, heights, axis = layout
    g = ctx.geometry
    blocks = []
    for i, (event, event_paras, h) in enumerate(zip(chunk, paras, heights, strict=True)):
        x = area.x + step - g.gap / 2 + i * step  # the dot's centre
        number = figure.events.index(event) + 1
        dot = Box(x - DOT / 2, axis - DOT / 2, DOT, DOT)
        blocks.append(TextBlock(dot, (), f"Event {number} dot", shape="oval", fill="accent1"))
        top = axis - DOT / 2 - CLEAR - h if i % 2 == 0 else axis + DOT / 2 + CLEAR
        blocks.append(
            TextBlock(
                Box(x - width / 2, top, width, h),
                event_paras,
                f"Event {number}",
                anchor="bottom" if i % 2 == 0 else "top",
            )
        )
    # the axis: from the area's left edge (or the previous slide) to past the last dot, pointing on in time
    last = area.x + step - g.gap / 2 + (len(chunk) - 1) * step
    end = min(area.right, last + step / 2) if index == pages - 1 else area.right
    axis_arrow = Arrow((area.x, axis), (end, axis), colour="dk2", weight=3.0)
    title = ctx.tr(figure.title)
    diagram = DiagramSpec(
        Box(area.x, area.y, area.w, area.h),
        tuple(blocks),
        (axis_arrow,),
        f"Timeline {figure.id}" + (f" ({index + 1}/{pages})" if pages > 1 else ""),
        f"{title}. {describe(ctx, figure, chunk)}",
    )
    notes = join_sentences(*(f"{event_date(ctx, e)} – {ctx.tr(e.title)}: {ctx.tr(e.text)}" for e in chunk if e.text))
    return [diagram], notes
