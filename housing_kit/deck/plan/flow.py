"""Flow figures as one diagram of native shapes: a stock carried through a period, in and out.

Read from top to bottom, as time runs: the stock on the first day, then the inflow
arriving from the right into a band that stands for the stock over the period, the
outflow leaving it to the right, and the stock on the last day. When the figure has
a total (e.g. prevalence over the year), an ochre bar marks what it adds up (the
stock on the first day and the inflow) and the total's box below carries the same
bar. The site draws the same picture (housing_kit/site/svg/flow.py).
"""

from __future__ import annotations

from ...models import FlowFigure, FlowPart
from .context import Context, LayoutProblem
from .fit import Para, Span, paras_height
from .geometry import Box
from .specs import Arrow, DiagramSpec, FigurePage, TextBlock

CORNER = 6.0  # radius of a box's rounded corners, in points
CORNER_INSET = CORNER * (1 - 0.5**0.5)  # how far inside its edges a rounded rectangle keeps its text
BAR = 8.0  # the ochre bar that groups what the total adds up
BAND = 64.0  # width of the band that carries the stock through the period
REACH = 56.0  # length of the inflow and outflow arrows
MIN_GAP = 6.0  # between the boxes, when the text needs the room

# (fill slot, lighter by) of each part: the same slots as the site's picture
FILLS: dict[str, tuple[str, float]] = {
    "start": ("accent1", 0.75),
    "inflow": ("accent5", 0.6),
    "outflow": ("accent2", 0.7),
    "end": ("accent1", 0.75),
    "total": ("accent4", 0.7),
}
BAND_FILL = ("accent1", 0.5)
BAR_FILL = "accent4"
NAMES = ("start", "inflow", "outflow", "end", "total")


def flow_parts(figure: FlowFigure) -> list[tuple[str, FlowPart]]:
    """The figure's parts in reading order, the total last when there is one."""
    return [(name, part) for name in NAMES if (part := getattr(figure, name)) is not None]


def describe(ctx: Context, figure: FlowFigure) -> str:
    return " ".join(f"{ctx.tr(part.title)}: {ctx.tr(part.text)}" for _, part in flow_parts(figure))


def _paras(ctx: Context, part: FlowPart, size: float) -> tuple[Para, ...]:
    return (
        Para((Span(ctx.tr(part.title), bold=True),), size + 2),
        Para((Span(ctx.tr(part.text)),), size, space_before=2.0),
    )


def flow_pages(ctx: Context, figure: FlowFigure, area: Box) -> list[FigurePage]:
    g = ctx.geometry
    parts = flow_parts(figure)
    left = area.x + (BAR + g.gap if figure.total else 0.0)
    wide = area.right - left
    side = area.right - (left + BAND + REACH)
    gap = g.gap * 1.2
    inset = CORNER_INSET
    size = 0.0
    for size in (s.pt for s in ctx.theme.type.figure_text):
        paras = {name: _paras(ctx, part, size) for name, part in parts}
        heights = {
            name: paras_height(list(p), (side if name in ("inflow", "outflow") else wide) - 2 * (g.inset_x + inset))
            + 2 * (g.inset_y + inset)
            for name, p in paras.items()
        }
        spare = (area.h - sum(heights.values())) / (len(heights) - 1)
        if spare >= MIN_GAP:
            return [([_diagram(ctx, figure, area, paras, heights, left, min(gap, spare))], "")]
    problem = f"the parts' texts are too long for one slide even at {size:g} pt; shorten them"
    raise LayoutProblem(("start",), problem)


def _diagram(
    ctx: Context,
    figure: FlowFigure,
    area: Box,
    paras: dict[str, tuple[Para, ...]],
    heights: dict[str, float],
    left: float,
    gap: float,
) -> DiagramSpec:
    boxes: dict[str, Box] = {}
    y = area.y
    for name in paras:
        x = left + BAND + REACH if name in ("inflow", "outflow") else left
        boxes[name] = Box(x, y, area.right - x, heights[name])
        y += heights[name] + gap
    blocks: list[TextBlock] = []
    band = Box(left, boxes["start"].bottom, BAND, boxes["end"].y - boxes["start"].bottom)
    blocks.append(TextBlock(band, (), "Stock band", shape="rect", fill=BAND_FILL[0], fill_brightness=BAND_FILL[1]))
    for name, p in paras.items():
        slot, lighter = FILLS[name]
        part = getattr(figure, name)
        blocks.append(
            TextBlock(
                boxes[name],
                p,
                f"Part {name}",
                shape="rounded",
                corner=CORNER,
                fill=slot,
                fill_brightness=lighter,
                anchor="middle",
                descr=f"{ctx.tr(part.title)}: {ctx.tr(part.text)}",
            )
        )
    if figure.total:
        start, inflow, total = boxes["start"], boxes["inflow"], boxes["total"]
        for box, name in (
            (Box(area.x, start.y, BAR, inflow.bottom - start.y), "Total bar"),
            (Box(area.x, total.y, BAR, total.h), "Total bar (total)"),
        ):
            blocks.append(TextBlock(box, (), name, shape="rect", fill=BAR_FILL))
    mid = band.x + BAND / 2
    inflow, outflow = boxes["inflow"], boxes["outflow"]
    arrows = (
        Arrow((mid, band.y + 2), (mid, band.bottom - 1), colour="dk2", weight=3.0),
        Arrow((inflow.x - 1, inflow.y + inflow.h / 2), (band.right + 2, inflow.y + inflow.h / 2)),
        Arrow((band.right, outflow.y + outflow.h / 2), (outflow.x - 2, outflow.y + outflow.h / 2)),
    )
    return DiagramSpec(area, tuple(blocks), arrows, f"Figure {figure.id}", describe(ctx, figure))
