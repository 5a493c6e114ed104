"""Hub figures as native shapes: the centre in the middle, the parties around it.

The centre (e.g. a social rental agency) is an oval in the middle of the slide;
the parties sit in two columns beside it, the first, third … on the left and the
second, fourth … on the right, each a box with its name, what it gives to the
centre and what it gets from it. A two-headed arrow joins each party to the
centre: something flows both ways. The planner picks the largest text at which
every box fits; a hub is never split (its point is seeing everyone at once).
"""

from __future__ import annotations

from ...models import HubFigure, HubParty
from .context import Context, LayoutProblem
from .fit import Para, Span, paras_height
from .geometry import Box
from .specs import Arrow, DiagramSpec, FigurePage, TextBlock
from .wording import join_sentences

CORNER = 8.0
LINK = 56.0  # room for the arrows between the centre and a column of parties, in points


def _party_paras(ctx: Context, party: HubParty, size: float) -> tuple[Para, ...]:
    return (
        Para((Span(ctx.tr(party.name), bold=True, colour="dk2"),), size + 2),
        Para((Span(f"{ctx.label('hub_gives')}: ", bold=True), Span(ctx.tr(party.gives))), size, space_before=4.0),
        Para((Span(f"{ctx.label('hub_gets')}: ", bold=True), Span(ctx.tr(party.gets))), size, space_before=4.0),
    )


def describe(ctx: Context, figure: HubFigure) -> str:
    """The hub in words: the alt text of the picture and the page's SVG description."""
    parts = [f"{ctx.tr(figure.title)}. {ctx.tr(figure.centre)}:"]
    for p in figure.parties:
        parts.append(
            f"{ctx.tr(p.name)} – {ctx.label('hub_gives').lower()}: {ctx.tr(p.gives)}; "
            f"{ctx.label('hub_gets').lower()}: {ctx.tr(p.gets)}."
        )
    return " ".join(parts)


def hub_pages(ctx: Context, figure: HubFigure, area: Box) -> list[FigurePage]:
    g = ctx.geometry
    parties = list(figure.parties)
    rows = (len(parties) + 1) // 2
    centre_w = min(220.0, area.w * 0.24)
    party_w = (area.w - centre_w - 2 * LINK) / 2
    inner = party_w - 2 * g.inset_x - 2 * CORNER * 0.3
    for size in (s.pt for s in ctx.theme.type.figure_text):
        paras = [_party_paras(ctx, p, size) for p in parties]
        needs = [paras_height(list(p), inner) + 2 * g.inset_y + CORNER for p in paras]
        # the two boxes of a row are as tall as the taller one, so they line up
        row_h = [max(needs[r * 2 : r * 2 + 2]) for r in range(rows)]
        centre_paras = (Para((Span(ctx.tr(figure.centre), bold=True),), size + 2, align="centre"),)
        centre_h = paras_height(list(centre_paras), centre_w * 0.7) + 2 * g.inset_y
        if sum(row_h) + (rows - 1) * g.gap <= area.h and centre_h <= area.h * 0.8:
            break
    else:
        problem = f"the parties' texts are too long for one slide even at {size:g} pt; shorten them"
        raise LayoutProblem(("parties",), problem)
    gap = min(g.gap * 4, (area.h - sum(row_h)) / (rows - 1)) if rows > 1 else 0.0
    used = sum(row_h) + (rows - 1) * gap
    top = area.y + (area.h - used) / 2
    centre_h = max(centre_h + 24.0, min(area.h * 0.45, 120.0))
    centre = Box(area.x + (area.w - centre_w) / 2, area.y + (area.h - centre_h) / 2, centre_w, centre_h)
    blocks = [
        TextBlock(
            centre,
            centre_paras,
            "Hub centre",
            shape="oval",
            fill="accent1",
            colour="lt1",
            anchor="middle",
        )
    ]
    arrows = []
    for i, party in enumerate(parties):
        column, row = i % 2, i // 2
        y = top + sum(row_h[:row]) + row * gap
        x = area.x if column == 0 else area.right - party_w
        box = Box(x, y, party_w, row_h[row])
        blocks.append(
            TextBlock(
                box,
                paras[i],
                f"Party {i + 1}",
                shape="rounded",
                corner=CORNER,
                fill="lt2",
                anchor="middle",
                descr=ctx.tr(party.name),
            )
        )
        arrows.append(_link(centre, box, column))
    diagram = DiagramSpec(
        Box(area.x, area.y, area.w, area.h),
        tuple(blocks),
        tuple(arrows),
        f"Hub {figure.id}",
        describe(ctx, figure),
    )
    notes = join_sentences(*(f"{ctx.tr(p.name)}: {ctx.tr(p.gives)} → {ctx.tr(p.gets)}" for p in parties))
    return [([diagram], notes)]


def _link(centre: Box, box: Box, column: int) -> Arrow:
    """A two-headed arrow from the centre oval's rim towards the middle of the party's inner edge."""
    cx, cy = centre.x + centre.w / 2, centre.y + centre.h / 2
    tx = box.right if column == 0 else box.x
    ty = box.y + box.h / 2
    # where the line from the oval's centre to the target leaves the oval
    dx, dy = tx - cx, ty - cy
    a, b = centre.w / 2, centre.h / 2
    t = 1 / ((dx / a) ** 2 + (dy / b) ** 2) ** 0.5
    start = (cx + dx * t, cy + dy * t)
    end = (tx + (6.0 if column == 0 else -6.0), ty)
    return Arrow(start, end, colour="dk2", weight=2.25, both=True)
