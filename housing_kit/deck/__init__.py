"""PowerPoint decks from the validated topics (python-pptx).

``build_deck(library, topics, lang)`` returns a finished deck; see build.py.
Imports are lazy so ``python build.py slides --list`` and the CLI's help
never pay for python-pptx.
"""

from __future__ import annotations

__all__ = ["Deck", "build_deck"]


def __getattr__(name: str):
    if name in __all__:
        from . import build

        return getattr(build, name)
    raise AttributeError(name)
