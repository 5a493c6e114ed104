"""Typology figures (ETHOS) as inline SVG: one band per conceptual category.

As on the deck's overview slide, each conceptual category is headed by its name
on the deep navy band and lists its operational categories (number and name) on
the sand panel below; a stripe in the category's own palette colour runs down
its left edge, so the four read as four. A column each would leave a phone about
ten characters a line, so the categories are stacked as full-width bands. The
living situations and their definitions stay in the table beside the picture.
"""

from __future__ import annotations

from markupsafe import Markup

from ...models import TypologyFigure
from .draw import INK, PAPER, WIDTH, Label, colour, rect, series_colour, svg, text, text_lines

HEAD = 21.0  # a conceptual category's name
SIZE = 19.0  # an operational category's name
LINE = 1.25  # line height, in font sizes
STRIPE = 8.0
PAD = 10.0
BADGE_H = 28.0
GAP = 12.0  # between two conceptual categories


def describe(figure: TypologyFigure, lang: str) -> str:
    """'Roofless: 1 People living rough; 2 People in emergency accommodation. Houseless: …'."""
    return " ".join(
        f"{group.name[lang]}: " + "; ".join(f"{c.code} {c.name[lang]}" for c in group.categories) + "."
        for group in figure.groups
    )


def typology_svg(figure: TypologyFigure, lang: str, label: Label) -> Markup:
    codes = [c.code for group in figure.groups for c in group.categories]
    badge_w = max(len(code) for code in codes) * SIZE * 0.62 + 14
    left = STRIPE + PAD  # where the text starts
    name_x = left + badge_w + PAD
    body, y = [], 0.0
    for g, group in enumerate(figure.groups):
        head_lines = text_lines(group.name[lang], WIDTH - left - PAD, lang, HEAD, bold=True)
        head_h = len(head_lines) * HEAD * LINE + 2 * PAD - 4
        rows = []
        for cat in group.categories:
            lines = text_lines(cat.name[lang], WIDTH - name_x - PAD, lang, SIZE)
            rows.append((cat.code, lines, max(BADGE_H, len(lines) * SIZE * LINE)))
        panel_h = sum(h for _, _, h in rows) + (len(rows) - 1) * 8 + 2 * PAD
        out = [rect(0, y, WIDTH, head_h + panel_h, colour("lt2"))]  # the group's box: its text stays inside
        out.append(rect(0, y, WIDTH, head_h, colour("dk2")))
        out.append(rect(0, y, STRIPE, head_h + panel_h, series_colour(g)))
        for j, line in enumerate(head_lines):
            out.append(text(left, y + PAD - 2 + HEAD * (0.9 + j * LINE), line, weight="bold", fill=PAPER, size=HEAD))
        row_y = y + head_h + PAD
        for code, lines, h in rows:
            out.append(rect(left, row_y + (h - BADGE_H) / 2, badge_w, BADGE_H, colour("accent1"), rx=4))
            mid = row_y + h / 2
            out.append(text(left + badge_w / 2, mid + SIZE * 0.36, code, "middle", "bold", PAPER, SIZE))
            first = mid - (len(lines) - 1) * SIZE * LINE / 2 + SIZE * 0.36
            for j, line in enumerate(lines):
                out.append(text(name_x, first + j * SIZE * LINE, line, fill=INK, size=SIZE))
            row_y += h + 8
        body.append(f'<g aria-hidden="true" class="hk-box">{"".join(out)}</g>')
        y += head_h + panel_h + GAP
    return svg("typology", figure.id, figure.title[lang], describe(figure, lang), body, y - GAP)
