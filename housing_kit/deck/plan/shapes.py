"""Figures drawn as native shapes: the monitoring ladder and numbered lists.

The ladder is a staircase of rounded rectangles rising left to right, one
per step, each with its number, title and indicator. The planner picks the
most steps per slide (and the largest text) for which every step's text
fits its box while the stairs still visibly rise; the rest continue on the
next slide. Lists are number badges beside their text, in one or two
columns read top to bottom.
"""

from __future__ import annotations

import math

from ...models import LadderFigure, LadderStep, ListFigure
from .context import Context, LayoutProblem
from .fit import Para, Span, paginate, paras_height
from .geometry import Box
from .specs import FigurePage, TextBlock
from .wording import join_sentences

MIN_RISE = 12.0  # points: below this the staircase no longer reads as one
CORNER = 8.0  # radius of a step's rounded corners, in points
# PowerPoint and LibreOffice keep a rounded rectangle's text this far inside its edges.
CORNER_INSET = CORNER * (1 - 0.5**0.5)


def _chunks(items: list, per_page: int) -> list[list]:
    """``items`` in consecutive runs of at most ``per_page``, as even as possible."""
    count = math.ceil(len(items) / per_page)
    size, extra = divmod(len(items), count)
    out, start = [], 0
    for i in range(count):
        end = start + size + (1 if i < extra else 0)
        out.append(items[start:end])
        start = end
    return out


# ---------------------------------------------------------------- ladder
def _step_paras(ctx: Context, step: LadderStep, size: float) -> tuple[Para, ...]:
    number = ctx.theme.type.step_number.pt
    return (
        Para((Span(str(step.step), bold=True, colour="dk2"),), number),
        Para((Span(ctx.tr(step.title), bold=True),), size + 2, space_before=2.0),
        Para((Span(f"{ctx.label('indicator')}: ", bold=True), Span(ctx.tr(step.indicator))), size, space_before=6.0),
    )


def _stairs(needs: list[float], height: float) -> list[float] | None:
    """Box heights rising by the same step, each at least its need, the top one ``height``."""
    m = len(needs)
    if max(needs) > height:
        return None
    if m == 1:
        return [height]
    rise = min((height - needs[i]) / (m - 1 - i) for i in range(m - 1))
    rise = min(rise, 0.55 * height / (m - 1))  # keep the lowest step at least ~45% high
    if rise < MIN_RISE:
        return None
    low = height - (m - 1) * rise
    return [low + i * rise for i in range(m)]


def ladder_pages(ctx: Context, figure: LadderFigure, area: Box) -> list[FigurePage]:
    """As few slides as possible, then the largest text, with every step's text inside its box."""
    g = ctx.geometry
    steps = list(figure.steps)
    for count in range(1, len(steps) + 1):
        pages = _chunks(steps, math.ceil(len(steps) / count))
        if len(pages) != count:
            continue
        per_page = max(len(p) for p in pages)
        width = (area.w - (per_page - 1) * g.gap) / per_page
        for size in (s.pt for s in ctx.theme.type.figure_text):
            layouts = []
            for chunk in pages:
                paras = [_step_paras(ctx, s, size) for s in chunk]
                inner = width - 2 * (g.inset_x + CORNER_INSET)
                needs = [paras_height(list(p), inner) + 2 * (g.inset_y + CORNER_INSET) for p in paras]
                heights = _stairs(needs, area.h)
                if heights is None:
                    break
                layouts.append((chunk, paras, heights))
            else:
                return [_ladder_page(ctx, figure, area, width, *layout) for layout in layouts]
    problem = f"the ladder's steps are too long to draw even one per slide at {size:g} pt; shorten the indicators"
    raise LayoutProblem(("steps",), problem)


def _ladder_page(ctx: Context, figure, area: Box, width: float, chunk, paras, heights) -> FigurePage:
    g = ctx.geometry
    top = len(figure.steps) - 1 or 1
    shapes = []
    for i, (step, step_paras, h) in enumerate(zip(chunk, paras, heights, strict=True)):
        index = figure.steps.index(step)
        box = Box(area.x + i * (width + g.gap), area.bottom - h, width, h)
        shapes.append(
            TextBlock(
                box,
                step_paras,
                f"Step {step.step}",
                shape="rounded",
                corner=CORNER,
                fill="accent1",
                fill_brightness=round(0.85 - 0.3 * index / top, 2),
                descr=f"{ctx.label('level_step')} {step.step}: {ctx.tr(step.title)}",
            )
        )
    notes = join_sentences(
        *(
            f"{ctx.label('level_step')} {s.step} – {ctx.tr(s.title)}: {ctx.tr(s.description)} "
            f"{ctx.label('indicator')}: {ctx.tr(s.indicator)}"
            for s in chunk
        )
    )
    return shapes, notes


# ---------------------------------------------------------------- lists
def _item_paras(ctx: Context, item, size: float) -> tuple[Para, ...]:
    paras = [Para((Span(ctx.tr(item.title), bold=True),), size + 2)]
    if item.text:
        paras.append(Para((Span(ctx.tr(item.text)),), size, space_before=2.0))
    return tuple(paras)


def list_pages(ctx: Context, figure: ListFigure, area: Box) -> list[FigurePage]:
    g = ctx.geometry
    items = list(figure.items)
    columns = 1 if len(items) <= 4 else 2
    col_w = (area.w - (columns - 1) * 2 * g.gap) / columns
    badge = 36.0 if figure.numbered else 14.0
    text_w = col_w - badge - g.gap
    best = None
    for size in (s.pt for s in ctx.theme.type.figure_text):
        paras = [_item_paras(ctx, item, size) for item in items]
        heights = [max(badge, paras_height(list(p), text_w - 2 * g.inset_x) + 2 * g.inset_y) for p in paras]
        stacks = paginate(heights, area.h, g.gap)
        pages = [stacks[i : i + columns] for i in range(0, len(stacks), columns)]
        if best is None or len(pages) < len(best[0]):
            best = (pages, paras, heights)
        if len(best[0]) == 1:
            break
    pages, paras, heights = best
    out = []
    for page in pages:
        shapes = []
        for c, stack in enumerate(page):
            y = area.y
            x = area.x + c * (col_w + 2 * g.gap)
            for i in stack:
                shapes += _list_item(ctx, figure, i, paras[i], Box(x, y, col_w, heights[i]), badge)
                y += heights[i] + g.gap
        out.append((shapes, ""))
    return out


def _list_item(ctx: Context, figure: ListFigure, i: int, paras, box: Box, badge: float) -> list[TextBlock]:
    g = ctx.geometry
    number = str(i + 1)
    if figure.numbered:
        mark = TextBlock(
            Box(box.x, box.y, badge, badge),
            (Para((Span(number, bold=True),), 16.0, align="centre"),),
            f"Item {number} number",
            shape="oval",
            fill="accent1",
            colour="lt1",
            anchor="middle",
        )
    else:
        mark = TextBlock(Box(box.x, box.y + 6, badge, badge), (), f"Item {number} bullet", shape="rect", fill="accent2")
    text = TextBlock(
        Box(box.x + badge + g.gap, box.y, box.w - badge - g.gap, box.h), paras, f"Item {number}", anchor="top"
    )
    return [mark, text]
