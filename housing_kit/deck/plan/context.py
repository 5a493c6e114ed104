"""What every planning step needs to know: language, wording, boxes, look.

Every text a deck shows, and its notes, enters through ``tr``, ``plain``,
``label`` or ``text`` here, which apply the language's typography
(typography.py: no-break spaces, quotes, grouped thousands) before anything
is measured, so what is measured is what is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ...errors import Problem
from ...formatting import plain
from ...library import Library
from ...models import Source, Topic
from ...text_origin import quote
from ...typography import typeset
from .fit import SAFETY, Para, choose_size, fits, number_indent, para, text_width
from .geometry import Box, Geometry
from .theme import Theme

Where = tuple[str | None, tuple[str | int, ...]]
"""Where a planning problem lies: the topic's slug and the field's path in its file,
e.g. ``("ans", ("sections", 2, "title", "pl"))``."""


class LayoutProblem(Exception):
    """Raised by a figure's planner when the figure cannot be laid out; ``loc`` is the
    path inside the figure (``("steps",)``). The caller reports it with the figure's place."""

    def __init__(self, loc: tuple[str | int, ...], message: str):
        super().__init__(message)
        self.loc = loc
        self.message = message


@dataclass(frozen=True)
class Context:
    """The deck being planned: whose words (library, language), which boxes, which look."""

    library: Library
    lang: str
    geometry: Geometry
    theme: Theme
    sources: SourceIndex = field(default_factory=lambda: SourceIndex(()))
    problems: list[Problem] = field(default_factory=list, compare=False)
    """What does not fit, collected over the whole deck (plan_deck raises them together)."""

    def report(self, where: Where | None, message: str) -> None:
        """Note a content problem at ``where`` (topic slug, field path in its file) and go on planning."""
        slug, loc = where or (None, ())
        self.problems.append(self.library.problem(slug, loc, message))

    def tr(self, text: dict[str, str] | None) -> str:
        """A translated text in the deck's language, typeset."""
        return typeset(text[self.lang], self.lang) if text else ""

    def plain(self, text: dict[str, str] | None) -> str:
        """A translated Markdown text as one plain, typeset line (citations and marks removed)."""
        return typeset(plain(text[self.lang], self.link_titles), self.lang) if text else ""

    def paragraphs(self, text: dict[str, str] | None) -> list[str]:
        """A translated text's paragraphs (split at blank lines), each plain and typeset: speaker notes."""
        if not text:
            return []
        return [typeset(plain(p, self.link_titles), self.lang) for p in text[self.lang].split("\n\n") if p.strip()]

    @cached_property
    def link_titles(self) -> dict[str, str]:
        """Links to topics (``[[ans]]``) are shown on slides as the topic's or section's title."""
        return self.library.link_titles(self.lang)

    def text(self, text: str) -> str:
        """Any other text shown in the deck's language (names from settings, an event's host), typeset."""
        return typeset(text, self.lang)

    def label(self, key: str) -> str:
        return typeset(self.library.label(key, self.lang), self.lang)

    @property
    def continued_word(self) -> str:
        return self.label("continued")

    def cites(self, topic: Topic, ids) -> str:
        """Deck-wide source numbers of ``ids`` in ``topic``: '[1], [4]' (sorted)."""
        return ", ".join(f"[{n}]" for n in sorted({self.sources.number(topic, i) for i in ids}))

    def inner(self, box: Box) -> tuple[float, float]:
        """Room for text inside ``box`` once the text box insets are taken off."""
        return box.inner(self.geometry.inset_x, self.geometry.inset_y)

    def title_size(self, text: str, box: Box, sizes, where: Where | None = None) -> float:
        """The largest title size at which ``text`` fits ``box``; a title too long even
        at the smallest size is a content problem (titles are never split)."""
        width, height = self.inner(box)
        size, paras = choose_size(lambda s: [para(text, s, bold=True)], [s.pt for s in sizes], width, height)
        if not fits(paras, width, height):
            self.report(where, f"title {quote(text)} is too long for a slide even at {size:g} pt; shorten it")
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


@dataclass(frozen=True)
class SourceIndex:
    """The deck's sources, numbered once for the whole deck: a source cited by two
    topics of a combined deck (the same URL) has one number and one appendix entry."""

    entries: tuple[tuple[str, Source], ...]  # (topic slug, source), each URL once, in order

    @classmethod
    def of(cls, topics) -> SourceIndex:
        seen: dict[str, tuple[str, Source]] = {}
        for topic in topics:
            for source in topic.sources:
                seen.setdefault(source.url, (topic.slug, source))
        return cls(tuple(seen.values()))

    @property
    def sources(self) -> list[Source]:
        return [source for _, source in self.entries]

    def number(self, topic: Topic, source_id: str) -> int:
        url = next(s.url for s in topic.sources if s.id == source_id)
        return next(n for n, (_, s) in enumerate(self.entries, 1) if s.url == url)
