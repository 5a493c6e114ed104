"""Slide wording: continuation titles and sentences joined for alt text."""

from __future__ import annotations


def continued(title: str, index: int, count: int, word: str) -> str:
    """Title of the ``index``-th (1-based) of ``count`` slides: 'Źródła (cd. 2/3)'."""
    return title if count == 1 or index == 1 else f"{title} ({word} {index}/{count})"


def join_sentences(*parts: str | None) -> str:
    """Sentences joined with single spaces, each ending with a full stop."""
    out = []
    for part in parts:
        part = (part or "").strip()
        if part:
            out.append(part if part[-1] in ".!?:…" else part + ".")
    return " ".join(out)
