"""What every planning step needs to know: language, wording, boxes, look."""

from __future__ import annotations

from dataclasses import dataclass

from ...errors import ContentError
from ...library import Library
from ...text_origin import TextProblem, quote
from .fit import SAFETY, Para, choose_size, fits, number_indent, para, text_width
from .geometry import Box, Geometry
from .theme import Theme


@dataclass(frozen=True)
class Context:
    """The deck being planned: whose words (library, language), which boxes, which look."""

    library: Library
    lang: str
    geometry: Geometry
    theme: Theme

    def tr(self, text: dict[str, str] | None) -> str:
        return text[self.lang] if text else ""

    def label(self, key: str) -> str:
        return self.library.label(key, self.lang)

    @property
    def continued_word(self) -> str:
        return self.label("continued")

    def inner(self, box: Box) -> tuple[float, float]:
        """Room for text inside ``box`` once the text box insets are taken off."""
        return box.inner(self.geometry.inset_x, self.geometry.inset_y)

    def title_size(self, text: str, box: Box, sizes, where: tuple[str, str] | None = None) -> float:
        """The largest title size at which ``text`` fits ``box``; a title too long even
        at the smallest size is a content problem (titles are never split)."""
        width, height = self.inner(box)
        size, paras = choose_size(lambda s: [para(text, s, bold=True)], [s.pt for s in sizes], width, height)
        if not fits(paras, width, height):
            path, field = where or ("topics", "title")
            message = f"title {quote(text)} is too long for a slide even at {size:g} pt; shorten it"
            raise ContentError([TextProblem(path, None, field, message, text=text)])  # located by build_deck
        return size

    def one_line(self, text: str, box: Box, size: float) -> str:
        """``text`` shortened with an ellipsis until it fits one line of ``box`` (footers)."""
        width = (box.w - 2 * self.geometry.inset_x) * SAFETY
        if text_width(text, size) <= width:
            return text
        words = text.split(" ")
        while len(words) > 1 and text_width(" ".join(words) + "…", size) > width:
            words.pop()
        return " ".join(words) + "…"

    def body_paras(
        self, texts: list[str], size: float, *, bullet: bool = False, start: int | None = None
    ) -> list[Para]:
        """Body paragraphs with the theme's spacing: bullets or numbers hang in the indent."""
        indent = self.geometry.bullet_indent if bullet else 0.0
        if start is not None:
            indent = number_indent(start + len(texts) - 1, size, self.geometry.bullet_indent)
        return [
            para(
                text,
                size,
                indent=indent,
                space_before=round(size * 0.5, 1),
                bullet=bullet,
                number=None if start is None else start + i,
            )
            for i, text in enumerate(texts)
        ]
