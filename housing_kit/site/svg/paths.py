"""Paths figures as inline SVG: routes to the same end side by side, each a staircase of its stages.

The same picture as the deck's (housing_kit/deck/plan/paths.py): a column per route,
levels from the bottom (where every route starts) to the top (where every route
ends), each level's box set a little further right, so a route that climbs every
level is drawn as stairs and one that skips levels as one long arrow. Every stage
after the first carries the number of the move that reaches it.
"""

from __future__ import annotations

from markupsafe import Markup

from ...diagram_layout import levels_of, stage_fill, stage_levels
from ...models import PathsFigure
from .diagram_parts import Lines, lines
from .draw import PAPER, WIDTH, Label, arrow, num, svg, text, text_lines, tint

TITLE, TEXT, HEAD = 20.0, 18.5, 20.0  # font sizes: a stage's title and sentence, a route's name
COL_GAP = 16.0
STEP_X = 10.0  # how far each level's box sits to the right of the one below it
BADGE = 11.0  # radius of a move's number
PAD = 7.0
ROW_GAP = 22.0  # between levels: the arrows' room
INK = tint("dk1")
NAVY = tint("dk2")


def _fill(level: int, levels: int) -> tuple[str, str]:
    """(box colour, text colour): lighter teal low down, full teal with white text on the top level."""
    slot, lighter = stage_fill(level, levels)
    return tint(slot, lighter), PAPER if not lighter else INK


def describe(figure: PathsFigure, lang: str, label: Label) -> str:
    parts = []
    for route in figure.routes:
        stages = " → ".join(s.title[lang] for s in route.stages)
        parts.append(f"{route.name[lang]} ({label('paths_moves')}: {len(route.stages) - 1}): {stages}.")
    return " ".join(parts)


def paths_svg(figure: PathsFigure, lang: str, label: Label) -> Markup:
    levels = levels_of(figure)
    count = len(figure.routes)
    col_w = (WIDTH - (count - 1) * COL_GAP) / count
    box_w = col_w - (levels - 1) * STEP_X
    text_x = PAD + 2 * BADGE + 6
    heads = [text_lines(r.name[lang], col_w, lang, HEAD, bold=True) for r in figure.routes]
    head_h = max(len(h) for h in heads) * HEAD * 1.2 + 8
    boxes: list[list[Lines]] = [
        [
            lines(s.title[lang], s.text[lang] if s.text else None, box_w - text_x - PAD, lang, TITLE, TEXT)
            for s in r.stages
        ]
        for r in figure.routes
    ]
    rows = [0.0] * levels
    for route, route_lines in zip(figure.routes, boxes, strict=True):
        for level, ls in zip(stage_levels(route, levels), route_lines, strict=True):
            rows[level] = max(rows[level], ls.height + 2 * PAD, 2 * BADGE + 2 * PAD)
    tops = [0.0] * levels
    y = head_h
    for level in range(levels - 1, -1, -1):
        tops[level] = y
        y += rows[level] + ROW_GAP
    height = y - ROW_GAP
    out = ['<g aria-hidden="true">']
    for r, (route, route_lines, head) in enumerate(zip(figure.routes, boxes, heads, strict=True)):
        x0 = r * (col_w + COL_GAP)
        for j, line in enumerate(head):
            out.append(text(x0, (j + 1) * HEAD * 1.2 - 4, line, weight="bold", fill=NAVY, size=HEAD))
        previous = None
        for i, (level, ls) in enumerate(zip(stage_levels(route, levels), route_lines, strict=True)):
            x, top, h = x0 + level * STEP_X, tops[level], rows[level]
            fill, ink = _fill(level, levels)
            out.append(  # a box is a group, its rect first: tests find each line's box this way
                f'<g class="hk-box"><rect x="{num(x)}" y="{num(top)}" width="{num(box_w)}" height="{num(h)}" '
                f'rx="6" fill="{fill}"></rect>'
            )
            out += ls.draw(x + text_x, top + (h - ls.height) / 2, ink)
            out.append("</g>")
            cx, cy = x + PAD + BADGE, top + h / 2
            if i:
                out.append(f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(BADGE)}" fill="{NAVY}"></circle>')
                out.append(text(cx, cy + 5, str(i), "middle", "bold", PAPER, 14))
            if previous is not None:
                out.append(arrow(cx, previous, cx, top + h + 1, NAVY))
            previous = top
    out.append("</g>")
    return svg("paths", figure.id, figure.title[lang], describe(figure, lang, label), out, height)
