"""Pieces of the diagram pictures (paths, flow): tinted palette colours, boxes of wrapped text, arrows.

A tint is computed the way PowerPoint lightens a theme colour (``lumMod``/``lumOff``
on the HSL lightness, housing_kit/deck/draw/ooxml.py), so a box on a page has the
colour of the same box on a slide. Arrow heads are filled ``polyline`` triangles:
no element beyond those the page sanitiser allows.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass

from ...palette import PALETTE
from ...typography import typeset
from .draw import esc, num

BOLD_WIDTH = 1.08  # bold letters are wider than the average wrap() assumes


def tint(slot: str, lighter: float = 0.0) -> str:
    """A palette slot as a CSS colour, lightened as PowerPoint lightens a theme colour."""
    hex_ = PALETTE[slot]
    if not lighter:
        return f"#{hex_}"
    r, g, b = (int(hex_[i : i + 2], 16) / 255 for i in (0, 2, 4))
    h, light, s = colorsys.rgb_to_hls(r, g, b)
    r, g, b = colorsys.hls_to_rgb(h, light * (1 - lighter) + lighter, s)
    return "#" + "".join(f"{round(v * 255):02X}" for v in (r, g, b))


@dataclass(frozen=True)
class Lines:
    """A title (bold) and an optional sentence, wrapped for a width: what a box shows."""

    title: list[str]
    text: list[str]
    title_size: float
    text_size: float

    @property
    def height(self) -> float:
        gap = 4 if self.text else 0
        return len(self.title) * self.title_size * 1.2 + gap + len(self.text) * self.text_size * 1.25

    def draw(self, x: float, top: float, fill: str) -> list[str]:
        """The lines as ``<text>`` elements, the first baseline one line below ``top``."""
        out = []
        y = top
        for line in self.title:
            y += self.title_size * 1.2
            out.append(_text(x, y - self.title_size * 0.25, line, self.title_size, fill, bold=True))
        y += 4 if self.text else 0
        for line in self.text:
            y += self.text_size * 1.25
            out.append(_text(x, y - self.text_size * 0.3, line, self.text_size, fill))
        return out


def wrap(content: str, width: float, size: float) -> list[str]:
    """``content`` in lines of at most ``width`` units, broken only at ordinary spaces: the no-break
    spaces typography puts after a one-letter word keep it on the line of the next word."""
    most = max(4, int(width / (size * 0.56)))
    out: list[str] = []
    for word in content.split(" "):
        if out and len(out[-1]) + 1 + len(word) <= most:
            out[-1] += " " + word
        elif word:
            out.append(word)
    return out or [""]


def typeset_lines(content: str, lang: str, width: float, size: float, bold: bool = False) -> list[str]:
    """A text typeset for ``lang`` (quotes, no-break spaces: what the page does to its own text, done here
    because a quote split over two ``<text>`` lines escapes the page's pass) and wrapped."""
    return wrap(typeset(content, lang), width / BOLD_WIDTH if bold else width, size)


def lines(title: str, text: str | None, lang: str, width: float, title_size: float, text_size: float) -> Lines:
    return Lines(
        typeset_lines(title, lang, width, title_size, bold=True),
        typeset_lines(text, lang, width, text_size) if text else [],
        title_size,
        text_size,
    )


def _text(x: float, y: float, content: str, size: float, fill: str, bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{num(x)}" y="{num(y)}" text-anchor="start" font-size="{num(size)}"{weight} fill="{fill}">'
        f"{esc(content)}</text>"
    )


def arrow(x1: float, y1: float, x2: float, y2: float, colour: str, width: float = 2.5, head: float = 9.0) -> str:
    """A straight line from (x1, y1) with a filled triangular head ending at (x2, y2)."""
    dx, dy = x2 - x1, y2 - y1
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    ux, uy = dx / length, dy / length
    bx, by = x2 - ux * head, y2 - uy * head  # the head's base
    px, py = -uy * head * 0.55, ux * head * 0.55
    points = f"{num(x2)},{num(y2)} {num(bx + px)},{num(by + py)} {num(bx - px)},{num(by - py)}"
    return (
        f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(bx)}" y2="{num(by)}" stroke="{colour}" '
        f'stroke-width="{num(width)}"></line>'
        f'<polyline points="{points}" fill="{colour}" stroke="{colour}" stroke-width="1"></polyline>'
    )
