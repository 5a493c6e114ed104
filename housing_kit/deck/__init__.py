"""PowerPoint decks from the validated topics (python-pptx).

``build_deck(library, topics, lang)`` returns a finished deck; see build.py.
Imports are lazy so ``python build.py slides --list`` and the CLI's help
never pay for python-pptx.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .build import Deck, build_deck

__all__ = ["Deck", "build_deck"]


def __getattr__(name: str) -> object:
    if name in __all__:
        from . import build

        return getattr(build, name)
    raise AttributeError(name)
