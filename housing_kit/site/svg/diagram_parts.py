"""Boxes of the diagram pictures (paths, flow): a bold title and an optional sentence, wrapped."""

from __future__ import annotations

from dataclasses import dataclass

from .draw import esc, num, text_lines


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


def lines(title: str, text: str | None, width: float, lang: str, title_size: float, text_size: float) -> Lines:
    return Lines(
        text_lines(title, width, lang, title_size, bold=True),
        text_lines(text, width, lang, text_size) if text else [],
        title_size,
        text_size,
    )


def _text(x: float, y: float, content: str, size: float, fill: str, bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{num(x)}" y="{num(y)}" text-anchor="start" font-size="{num(size)}"{weight} fill="{fill}">'
        f"{esc(content)}</text>"
    )
