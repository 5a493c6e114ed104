"""Building one deck: template -> geometry -> plan (plan/) -> drawing (draw/) -> reproducible bytes.

The one public entry point for code (the CLI, the site's downloads, tests):
``build_deck`` takes validated models and returns the finished file's bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError, Problem
from ..library import Library
from ..models import Event, Topic
from .plan.theme import THEME, Theme
from .saving import save_atomically


@dataclass(frozen=True)
class Deck:
    """A built deck: the .pptx bytes and what a summary line needs."""

    data: bytes
    slides: int
    titles: tuple[str, ...]

    def save(self, path: Path) -> Path:
        """Write atomically: a failed or interrupted build never leaves half a file."""
        return save_atomically(path, self.data)


def build_deck(
    library: Library,
    topics: Sequence[Topic],
    lang: str,
    *,
    event: Event | None = None,
    date: dt.date | None = None,
    template: Path | None = None,
    theme: Theme = THEME,
    glossary: bool = True,
) -> Deck:
    """The deck for ``topics`` (one, or several combined) in language ``lang``.

    The title slide shows the date of the talk: the event's, else ``date``; with
    neither it shows none (the site's decks, which must come out the same every day)."""
    from .draw.document import finish
    from .draw.reproducible import save_reproducibly
    from .draw.slides import render_deck
    from .draw.template import find_layouts, open_template, read_geometry
    from .plan.outline import plan_deck

    prs = open_template(template, theme)
    layouts = find_layouts(prs, str(template) if template else "default template", theme)
    geometry = read_geometry(prs, layouts, theme)
    plan = plan_deck(library, topics, lang, geometry, event=event, date=date, theme=theme, glossary=glossary)
    render_deck(prs, layouts, plan, geometry, theme)
    finish(prs, plan)
    data = save_reproducibly(prs, plan.date)
    return Deck(data=data, slides=len(plan.slides), titles=tuple(s.title for s in plan.slides))


def check_decks(library: Library, *, template: Path | None = None, theme: Theme = THEME) -> list[Problem]:
    """Plan every topic's deck in every language, without drawing; returns every
    problem found (a title that cannot fit, a ladder too long to draw), each placed
    by file, line and field like the loader's."""
    from .draw.template import find_layouts, open_template, read_geometry
    from .plan.outline import plan_deck

    prs = open_template(template, theme)
    geometry = read_geometry(prs, find_layouts(prs, str(template) if template else "default template", theme), theme)
    problems: list[Problem] = []
    for topic in library.topics:
        for lang in library.codes:
            try:
                plan_deck(library, [topic], lang, geometry, theme=theme)
            except ContentError as exc:
                problems += [p for p in exc.problems if p not in problems]
    return problems
