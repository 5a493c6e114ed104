"""List figures as inline SVG: numbered badges (principles, steps) or bullets, with the items' titles.

The deck's list: a teal number badge (or a terracotta square for a bulleted
list) beside each item's title, on a sand panel. Only the titles are drawn; the
items' text is read in the list under the picture.
"""

from __future__ import annotations

from markupsafe import Markup

from ...models import ListFigure
from .draw import INK, PAPER, WIDTH, Label, colour, num, rect, svg, text, text_lines

SIZE = 19.0  # the titles (bold)
LINE = 1.25
PAD = 8.0
BADGE = 32.0  # the number's circle
BULLET = 12.0
GAP = 6.0


def describe(figure: ListFigure, lang: str) -> str:
    """The titles in order: '1. Housing is a human right; 2. …' (bulleted lists without the numbers)."""
    titles = [item.title[lang] for item in figure.items]
    if figure.numbered:
        titles = [f"{i}. {title}" for i, title in enumerate(titles, 1)]
    return "; ".join(titles) + "."


def list_svg(figure: ListFigure, lang: str, label: Label) -> Markup:
    mark = BADGE if figure.numbered else BULLET
    title_x = PAD + mark + 12
    body, y = [], 0.0
    for i, item in enumerate(figure.items, 1):
        lines = text_lines(item.title[lang], WIDTH - title_x - PAD, lang, SIZE, bold=True)
        h = max(mark, len(lines) * SIZE * LINE) + 2 * PAD
        mid = y + h / 2
        out = [rect(0, y, WIDTH, h, colour("lt2"), rx=6)]
        if figure.numbered:
            cx, r = num(PAD + BADGE / 2), num(BADGE / 2)
            out.append(f'<circle cx="{cx}" cy="{num(mid)}" r="{r}" fill="{colour("accent1")}"></circle>')
            out.append(text(PAD + BADGE / 2, mid + SIZE * 0.36, str(i), "middle", "bold", PAPER, SIZE))
        else:
            out.append(rect(PAD, mid - BULLET / 2, BULLET, BULLET, colour("accent2")))
        first = mid - (len(lines) - 1) * SIZE * LINE / 2 + SIZE * 0.36
        for j, line in enumerate(lines):
            out.append(text(title_x, first + j * SIZE * LINE, line, weight="bold", fill=INK, size=SIZE))
        body.append(f'<g aria-hidden="true" class="hk-box">{"".join(out)}</g>')
        y += h + GAP
    return svg("list", figure.id, figure.title[lang], describe(figure, lang), body, y - GAP)
