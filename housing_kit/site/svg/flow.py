"""Flow figures as inline SVG: a stock carried through a period, with what flows in and out.

The same picture as the deck's (housing_kit/deck/plan/flow.py), read from top to
bottom as time runs: the stock on the first day; a band standing for the stock
through the period, which the inflow joins from the right and the outflow leaves
to the right; the stock on the last day; and, when the figure has one, the total,
with an ochre bar grouping what it adds up (the stock on the first day and the inflow).
"""

from __future__ import annotations

from markupsafe import Markup

from ...models import FlowFigure, FlowPart
from .diagram_parts import arrow, lines, tint
from .draw import WIDTH, Label, num, svg

TITLE, TEXT = 20.0, 18.0
PAD = 10.0
GAP = 14.0
BAR = 7.0
BAND = 44.0
REACH = 40.0
INK = tint("dk1")
NAVY = tint("dk2")
# (slot, lighter by): the deck's colours (housing_kit/deck/plan/flow.py)
FILLS = {
    "start": tint("accent1", 0.75),
    "inflow": tint("accent5", 0.6),
    "outflow": tint("accent2", 0.7),
    "end": tint("accent1", 0.75),
    "total": tint("accent4", 0.7),
}
BAND_FILL = tint("accent1", 0.5)
BAR_FILL = tint("accent4")
NAMES = ("start", "inflow", "outflow", "end", "total")


def flow_parts(figure: FlowFigure) -> list[tuple[str, FlowPart]]:
    return [(name, part) for name in NAMES if (part := getattr(figure, name)) is not None]


def describe(figure: FlowFigure, lang: str) -> str:
    return " ".join(f"{part.title[lang]}: {part.text[lang]}" for _, part in flow_parts(figure))


def flow_svg(figure: FlowFigure, lang: str, label: Label) -> Markup:
    left = BAR + 8 if figure.total else 0.0
    side_x = left + BAND + REACH
    out = ['<g aria-hidden="true">']
    boxes: dict[str, tuple[float, float, float]] = {}  # name -> (x, top, height)
    y = 0.0
    drawn = []
    for name, part in flow_parts(figure):
        x = side_x if name in ("inflow", "outflow") else left
        ls = lines(part.title[lang], part.text[lang], lang, WIDTH - x - 2 * PAD, TITLE, TEXT)
        h = ls.height + 2 * PAD
        boxes[name] = (x, y, h)
        drawn.append((name, ls))
        y += h + GAP
    height = y - GAP
    sx, st, sh = boxes["start"]
    ex, et, eh = boxes["end"]
    band_top, band_bottom = st + sh, et
    out.append(
        f'<rect x="{num(left)}" y="{num(band_top)}" width="{num(BAND)}" height="{num(band_bottom - band_top)}" '
        f'fill="{BAND_FILL}"></rect>'
    )
    for name, ls in drawn:
        x, top, h = boxes[name]
        out.append(
            f'<rect x="{num(x)}" y="{num(top)}" width="{num(WIDTH - x)}" height="{num(h)}" rx="6" '
            f'fill="{FILLS[name]}"></rect>'
        )
        out += ls.draw(x + PAD, top + PAD, INK)
    mid = left + BAND / 2
    out.append(arrow(mid, band_top + 3, mid, band_bottom - 2, NAVY, width=3.5, head=12))
    ix, it, ih = boxes["inflow"]
    ox, ot, oh = boxes["outflow"]
    out.append(arrow(ix - 2, it + ih / 2, left + BAND + 3, it + ih / 2, NAVY))
    out.append(arrow(left + BAND, ot + oh / 2, ox - 3, ot + oh / 2, NAVY))
    if figure.total:
        tx, tt, th = boxes["total"]
        out.append(
            f'<rect x="0" y="{num(st)}" width="{num(BAR)}" height="{num(it + ih - st)}" fill="{BAR_FILL}"></rect>'
        )
        out.append(f'<rect x="0" y="{num(tt)}" width="{num(BAR)}" height="{num(th)}" fill="{BAR_FILL}"></rect>')
    out.append("</g>")
    return svg("flow", figure.id, figure.title[lang], describe(figure, lang), out, height)
