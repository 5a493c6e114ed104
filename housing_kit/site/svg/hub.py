"""Hub figures as inline SVG: the centre in the middle, the parties above and below it.

The parties go in rows of two (the first two above the centre, the rest below),
each a box with its name, what it gives to the centre and what it gets from it;
a two-headed arrow joins each box to the centre. Two columns at most, so the
boxes keep readable lines on a phone, and the same places as on the slide (the
first party top left, the second top right …).
"""

from __future__ import annotations

from markupsafe import Markup

from ...models import HubFigure, HubParty
from .draw import INK, PAPER, WIDTH, Label, colour, num, rect, svg, text, text_lines

SIZE = 19  # the boxes' text: 0.69 of this on a 390 px phone
PITCH = SIZE * 1.25
PAD = 10.0
COL_GAP = 14.0
LINK = 44.0  # the height of the arrows between a row of boxes and the centre


def describe(figure: HubFigure, lang: str, label: Label) -> str:
    """The hub in words: the centre, then each party with what it gives and gets."""
    gives, gets = label("hub_gives").lower(), label("hub_gets").lower()
    parts = [f"{figure.centre[lang]}:"]
    for p in figure.parties:
        parts.append(f"{p.name[lang]} – {gives}: {p.gives[lang]}; {gets}: {p.gets[lang]}.")
    return " ".join(parts)


def _party_lines(party: HubParty, lang: str, label: Label, width: float) -> list[tuple[str, str]]:
    """(kind, text) per line: the name, then each heading and its wrapped text."""
    lines = [("name", row) for row in text_lines(party.name[lang], width, lang, SIZE + 1, bold=True)]
    for key, value in (("hub_gives", party.gives), ("hub_gets", party.gets)):
        lines.append(("head", label(key)))
        lines += [("text", row) for row in text_lines(value[lang], width, lang, SIZE)]
    return lines


def _arrow(x: float, y1: float, y2: float, stroke: str) -> str:
    """A vertical line from y1 to y2 with a filled head at both ends."""
    head = 8.0
    down = 1 if y2 > y1 else -1
    line = (
        f'<line x1="{num(x)}" y1="{num(y1 + down * head)}" x2="{num(x)}" y2="{num(y2 - down * head)}" '
        f'stroke="{stroke}" stroke-width="3"></line>'
    )
    heads = "".join(
        f'<polyline points="{num(x - 7)},{num(tip + d * head)} {num(x + 7)},{num(tip + d * head)} '
        f'{num(x)},{num(tip)}" fill="{stroke}"></polyline>'
        for tip, d in ((y1, down), (y2, -down))
    )
    return line + heads


def hub_svg(figure: HubFigure, lang: str, label: Label) -> Markup:
    accent, line, sand = colour("accent1"), colour("dk2"), colour("lt2")
    box_w = (WIDTH - COL_GAP) / 2
    inner = box_w - 2 * PAD
    rows = [figure.parties[0:2], figure.parties[2:4]]
    rows = [r for r in rows if r]
    lines = [_party_lines(p, lang, label, inner) for p in figure.parties]
    # the boxes in a row are as tall as the longest
    heights = [max(len(lines[figure.parties.index(p)]) for p in row) * PITCH + 2 * PAD for row in rows]
    centre_lines = text_lines(figure.centre[lang], WIDTH * 0.7 - 2 * PAD, lang, SIZE + 2, bold=True)
    centre_h = len(centre_lines) * PITCH + 2 * PAD + 6
    centre_w = WIDTH * 0.7
    out = ['<g aria-hidden="true">']
    y = 0.0
    centre_y = heights[0] + LINK
    for r, row in enumerate(rows):
        top = 0.0 if r == 0 else centre_y + centre_h + LINK
        for c, party in enumerate(row):
            x = c * (box_w + COL_GAP) if len(row) == 2 else (WIDTH - box_w) / 2
            out.append('<g class="hk-box">')  # a box is a group, its rect first: tests find each line's box
            out.append(rect(x, top, box_w, heights[r], sand, rx=8))
            ty = top + PAD
            for kind, content in lines[figure.parties.index(party)]:
                ty += PITCH
                if kind == "name":
                    out.append(text(x + PAD, ty - 4, content, weight="bold", fill=line, size=SIZE + 1))
                elif kind == "head":
                    out.append(text(x + PAD, ty - 4, content, weight="bold", fill=accent, size=SIZE))
                else:
                    out.append(text(x + PAD, ty - 4, content, fill=INK, size=SIZE))
            out.append("</g>")
            mid = x + box_w / 2
            if r == 0:
                out.append(_arrow(mid, top + heights[r] + 2, centre_y - 2, line))
            else:
                out.append(_arrow(mid, top - 2, centre_y + centre_h + 2, line))
        y = top + heights[r]
    cx = (WIDTH - centre_w) / 2
    out.append('<g class="hk-box">' + rect(cx, centre_y, centre_w, centre_h, accent, rx=14))
    for i, row_text in enumerate(centre_lines):
        base = centre_y + PAD + 3 + (i + 1) * PITCH - 4
        out.append(text(WIDTH / 2, base, row_text, "middle", "bold", PAPER, SIZE + 2))
    out.append("</g>")
    out.append("</g>")
    height = max(y, centre_y + centre_h)
    title = figure.title[lang]
    return svg("hub", figure.id, title, describe(figure, lang, label), out, height)
