"""Paths figures as one diagram of native shapes: routes to the same end, side by side, as stairs.

Each route is a column; its stages are boxes on levels, the lowest at the bottom and
the route's last stage (where every route ends, e.g. a home of one's own) on the top
level, so the columns end at the same height. A route with as many stages as there
are levels climbs every level, each box set a little further right than the one
below: a staircase. A route with fewer stages spreads them over the levels and
skips the rest: Housing First goes from the street to the top in one long arrow.
Every stage after the first carries the number of the move that reaches it, so
the picture answers "how many steps?" at a glance. The site draws the same
picture (housing_kit/site/svg/paths.py).
"""

from __future__ import annotations

from ...diagram_layout import levels_of, stage_fill, stage_levels
from ...models import PathsFigure, Stage
from .context import Context, LayoutProblem
from .fit import Para, Span, paras_height
from .geometry import Box
from .specs import Arrow, DiagramSpec, FigurePage, TextBlock

CORNER = 6.0  # radius of a stage box's rounded corners, in points
# PowerPoint and LibreOffice keep a rounded rectangle's text this far inside its edges.
CORNER_INSET = CORNER * (1 - 0.5**0.5)
BADGE = 26.0  # diameter of a move's number
STEP_X = 22.0  # how far each level's box sits to the right of the one below it
MIN_ROW_GAP, MAX_ROW_GAP = 10.0, 28.0  # between levels: the arrows' room
HEAD_GAP = 4.0  # between the routes' names and the top level


def describe(ctx: Context, figure: PathsFigure) -> str:
    """The picture in words: each route's stages in order and how many moves it takes."""
    parts = []
    for route in figure.routes:
        stages = " → ".join(ctx.tr(s.title) for s in route.stages)
        parts.append(f"{ctx.tr(route.name)} ({ctx.label('paths_moves')}: {len(route.stages) - 1}): {stages}.")
    return " ".join(parts)


def _stage_paras(ctx: Context, stage: Stage, size: float, with_text: bool) -> tuple[Para, ...]:
    paras = [Para((Span(ctx.tr(stage.title), bold=True),), size + 2)]
    if with_text and stage.text:
        paras.append(Para((Span(ctx.tr(stage.text)),), size))
    return tuple(paras)


def paths_pages(ctx: Context, figure: PathsFigure, area: Box) -> list[FigurePage]:
    """One slide; the largest text at which every stage fits, its sentence included if it can be."""
    g = ctx.geometry
    levels = levels_of(figure)
    count = len(figure.routes)
    col_gap = 2 * g.gap
    col_w = (area.w - (count - 1) * col_gap) / count
    box_w = col_w - (levels - 1) * STEP_X
    text_w = box_w - BADGE - 6 - 2 * (g.inset_x + CORNER_INSET)
    size = 0.0
    for with_text in (True, False):
        for size in (s.pt for s in ctx.theme.type.figure_text):
            heads = [Para((Span(ctx.tr(r.name), bold=True, colour="dk2"),), size + 2) for r in figure.routes]
            head_h = max(paras_height([h], col_w - 2 * g.inset_x) for h in heads) + 2 * g.inset_y
            paras = [[_stage_paras(ctx, s, size, with_text) for s in r.stages] for r in figure.routes]
            rows = [0.0] * levels
            for route, route_paras in zip(figure.routes, paras, strict=True):
                for level, p in zip(stage_levels(route, levels), route_paras, strict=True):
                    need = max(paras_height(list(p), text_w) + 2 * (g.inset_y + CORNER_INSET), BADGE + 6)
                    rows[level] = max(rows[level], need)
            spare = area.h - (head_h + HEAD_GAP + sum(rows))
            if spare >= (levels - 1) * MIN_ROW_GAP:
                row_gap = min(MAX_ROW_GAP, spare / max(1, levels - 1))  # room to spare goes to the arrows
                shapes = _layout(ctx, figure, area, heads, head_h, paras, rows, col_w, box_w, row_gap)
                return [(shapes, "")]
    problem = f"the stages' titles are too long to draw every route on one slide even at {size:g} pt; shorten them"
    raise LayoutProblem(("routes",), problem)


def _layout(
    ctx: Context,
    figure: PathsFigure,
    area: Box,
    heads: list[Para],
    head_h: float,
    paras: list[list[tuple[Para, ...]]],
    rows: list[float],
    col_w: float,
    box_w: float,
    row_gap: float,
) -> list[DiagramSpec]:
    g = ctx.geometry
    levels = len(rows)
    # level tops, the top level first under the route names
    tops = [0.0] * levels
    y = area.y + head_h + HEAD_GAP
    for level in range(levels - 1, -1, -1):
        tops[level] = y
        y += rows[level] + row_gap
    blocks: list[TextBlock] = []
    arrows: list[Arrow] = []
    for r, (route, route_paras, head) in enumerate(zip(figure.routes, paras, heads, strict=True)):
        x0 = area.x + r * (col_w + 2 * g.gap)
        name = ctx.tr(route.name)
        blocks.append(TextBlock(Box(x0, area.y, col_w, head_h), (head,), f"Route {r + 1}", colour="dk2"))
        previous: Box | None = None
        for i, (level, p) in enumerate(zip(stage_levels(route, levels), route_paras, strict=True)):
            box = Box(x0 + level * STEP_X, tops[level], box_w, rows[level])
            fill, brightness = stage_fill(level, levels)
            top = level == levels - 1
            title = ctx.tr(route.stages[i].title)
            blocks.append(
                TextBlock(
                    box,
                    tuple(Para(pa.spans, pa.size, indent=BADGE + 6, space_before=pa.space_before) for pa in p),
                    f"Route {r + 1} stage {i + 1}",
                    shape="rounded",
                    corner=CORNER,
                    fill=fill,
                    fill_brightness=brightness,
                    colour="lt1" if top else "dk1",
                    anchor="middle",
                    descr=f"{name}: {title}",
                )
            )
            badge = Box(box.x + g.inset_x, box.y + (box.h - BADGE) / 2, BADGE, BADGE)
            if i:
                blocks.append(
                    TextBlock(
                        badge,
                        (Para((Span(str(i), bold=True),), 16.0, align="centre"),),
                        f"Route {r + 1} move {i}",
                        shape="oval",
                        fill="dk2",
                        colour="lt1",
                        anchor="middle",
                    )
                )
            if previous is not None:
                x = badge.x + BADGE / 2
                arrows.append(Arrow((x, previous.y), (x, box.bottom + 1)))
            previous = box
    descr = describe(ctx, figure)
    return [DiagramSpec(area, tuple(blocks), tuple(arrows), f"Figure {figure.id}", descr)]
