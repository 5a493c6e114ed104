"""Building one deck: template -> geometry -> plan (plan/) -> drawing (draw/) -> reproducible bytes.

The one public entry point for code (the CLI, the site's downloads, tests):
``build_deck`` takes validated models and returns the finished file's bytes.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError
from ..library import Library
from ..models import Event, Topic
from ..text_origin import locate
from .plan.theme import THEME, Theme


@dataclass(frozen=True)
class Deck:
    """A built deck: the .pptx bytes and what a summary line needs."""

    data: bytes
    slides: int
    titles: tuple[str, ...]

    def save(self, path: Path) -> Path:
        """Write atomically: a failed or interrupted build never leaves half a file."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(self.data)
            os.chmod(tmp, 0o644)  # mkstemp makes files private; decks are published on the site
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path


def build_deck(
    library: Library,
    topics: Sequence[Topic],
    lang: str,
    *,
    event: Event | None = None,
    template: Path | None = None,
    theme: Theme = THEME,
    glossary: bool = True,
) -> Deck:
    """The deck for ``topics`` (one, or several combined) in language ``lang``."""
    from .draw.document import finish
    from .draw.reproducible import save_reproducibly
    from .draw.slides import render_deck
    from .draw.template import find_layouts, open_template, read_geometry
    from .plan.outline import plan_deck

    prs = open_template(template, theme)
    layouts = find_layouts(prs, str(template) if template else "default template", theme)
    geometry = read_geometry(prs, layouts, theme)
    try:
        plan = plan_deck(library, topics, lang, geometry, event=event, theme=theme, glossary=glossary)
    except ContentError as exc:  # a text that fits no slide: point at its file, line and field
        raise locate(exc, library.root) from None
    render_deck(prs, layouts, plan, geometry, theme)
    finish(prs, plan)
    data = save_reproducibly(prs, plan.date)
    return Deck(data=data, slides=len(plan.slides), titles=tuple(s.title for s in plan.slides))
