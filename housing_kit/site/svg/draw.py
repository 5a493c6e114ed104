"""The pieces every inline SVG figure is drawn with: sizes, colours, escaped text, wrapping, the frame.

Each figure kind's picture (chart.py, and one module per further kind) is built on
the server from the figure's validated data and written into the page as one
``<svg role="img">`` with a ``<title>`` (the figure's title) and a ``<desc>`` (the
content in words): a screen reader announces one image, and the data stay beside it
as a table, the text alternative. Nothing runs in the browser or loads anything.
Every piece of text is escaped here; the page sanitiser (sanitise.py) allows exactly
the elements and attributes these modules write.
"""

from __future__ import annotations

import colorsys
from collections.abc import Callable, Iterable
from html import escape

from markupsafe import Markup

from ...palette import PALETTE, SERIES_SLOTS
from ...typography import NBSP, typeset

WIDTH = 520
FONT = 14
CHAR = FONT * 0.56  # an average character's width, for wrapping labels
LINE = FONT * 1.25
INK = f"#{PALETTE['dk1']}"
PAPER = f"#{PALETTE['lt1']}"
GRID = "#D5D9DD"
BOLD = 1.08  # bold letters are this much wider than wrap() reckons
_GLUE = "\u2060"  # stands for a no-break space while wrapping (wrap() breaks at every space)

Label = Callable[[str], str]
"""A label of the site's labels.yaml in the page's language: ``label("chart_line")``."""


def esc(text: str) -> str:
    return escape(str(text), quote=True)


def num(value: float) -> str:
    """A coordinate: short, no trailing zeros."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def colour(slot: str) -> str:
    """A palette slot (``accent1``, ``dk2`` …) as a CSS colour."""
    return f"#{PALETTE[slot]}"


def tint(slot: str, lighter: float = 0.0) -> str:
    """A palette slot as a CSS colour, lightened as PowerPoint lightens a theme colour
    (``lumMod``/``lumOff`` on the HSL lightness, deck/draw/ooxml.py): a box on a page has
    the colour of the same box on a slide."""
    hex_ = PALETTE[slot]
    if not lighter:
        return f"#{hex_}"
    r, g, b = (int(hex_[i : i + 2], 16) / 255 for i in (0, 2, 4))
    h, light, s = colorsys.rgb_to_hls(r, g, b)
    r, g, b = colorsys.hls_to_rgb(h, light * (1 - lighter) + lighter, s)
    return "#" + "".join(f"{round(v * 255):02X}" for v in (r, g, b))


def series_colour(index: int) -> str:
    return colour(SERIES_SLOTS[index % len(SERIES_SLOTS)])


def text(
    x: float,
    y: float,
    content: str,
    anchor: str = "start",
    weight: str | None = None,
    fill: str = INK,
    size: float = FONT,
) -> str:
    bold = f' font-weight="{weight}"' if weight else ""
    return (
        f'<text x="{num(x)}" y="{num(y)}" text-anchor="{anchor}" font-size="{num(size)}"{bold} fill="{fill}">'
        f"{esc(content)}</text>"
    )


def rule(x1: float, y: float, stroke: str, x2: float = WIDTH) -> str:
    """A horizontal line from ``x1`` to ``x2`` (the right edge): a grid line or the zero line."""
    at = num(y)
    return f'<line x1="{num(x1)}" y1="{at}" x2="{num(x2)}" y2="{at}" stroke="{stroke}" stroke-width="1"></line>'


def rect(x: float, y: float, w: float, h: float, fill: str, stroke: str | None = None, rx: float = 0) -> str:
    edge = f' stroke="{stroke}" stroke-width="1.5"' if stroke else ""
    round_ = f' rx="{num(rx)}"' if rx else ""
    return f'<rect x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}"{round_} fill="{fill}"{edge}></rect>'


def wrap(content: str, width: float, size: float = FONT) -> list[str]:
    """``content`` in lines of at most ``width`` units, broken between words (a long word keeps its line)."""
    most = max(4, int(width / (size * 0.56)))
    lines: list[str] = []
    for word in content.split():
        if lines and len(lines[-1]) + 1 + len(word) <= most:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def text_lines(content: str, width: float, lang: str, size: float = FONT, bold: bool = False) -> list[str]:
    """Topic text with its language's typography (quotes, no-break spaces), in lines of at most
    ``width`` units: typeset first, so a quotation split over two lines keeps its pair of marks
    and a Polish one-letter word (``z``, ``w``) stays with the word after it. A word longer than
    the line (an address, a long compound) is cut: it never leaves its box."""
    size = size * BOLD if bold else size
    most = max(4, int(width / (size * 0.56)))  # as wrap() reckons a line
    glued = typeset(content, lang).replace(NBSP, _GLUE)
    out = []
    for line in wrap(glued, width, size):
        out += [line[i : i + most] for i in range(0, len(line), most)]
    return [line.replace(_GLUE, NBSP) for line in out]


def arrow(x1: float, y1: float, x2: float, y2: float, stroke: str, width: float = 2.5, head: float = 9.0) -> str:
    """A straight line from (x1, y1) with a filled triangular head ending at (x2, y2)
    (a ``polyline``: no element beyond those the page sanitiser allows)."""
    dx, dy = x2 - x1, y2 - y1
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    ux, uy = dx / length, dy / length
    bx, by = x2 - ux * head, y2 - uy * head  # the head's base
    px, py = -uy * head * 0.55, ux * head * 0.55
    points = f"{num(x2)},{num(y2)} {num(bx + px)},{num(by + py)} {num(bx - px)},{num(by - py)}"
    return (
        f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(bx)}" y2="{num(by)}" stroke="{stroke}" '
        f'stroke-width="{num(width)}"></line>'
        f'<polyline points="{points}" fill="{stroke}" stroke="{stroke}" stroke-width="1"></polyline>'
    )


def svg(kind: str, figure_id: str, title: str, desc: str, body: Iterable[str], height: float) -> Markup:
    """The figure as one ``<svg>`` element on one line (the page is Markdown: no blank lines inside).

    ``body`` is drawn inside ``<g aria-hidden="true">`` pieces by the caller; the
    ``<title>`` and ``<desc>`` are what assistive technology reads.
    """
    base = f"{kind}-{figure_id}"
    head = (
        f'<svg class="hk-svg hk-{kind}" xmlns="http://www.w3.org/2000/svg" role="img" focusable="false" '
        f'aria-labelledby="{base}-t {base}-d" viewBox="0 -4 {WIDTH} {num(height + 8)}" '
        f'width="{WIDTH}" height="{num(height + 8)}">'
        f'<title id="{base}-t">{esc(title)}</title>'
        f'<desc id="{base}-d">{esc(desc)}</desc>'
    )
    return Markup(head + "".join(body) + "</svg>")
