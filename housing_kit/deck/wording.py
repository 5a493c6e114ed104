"""Text as a slide shows it: plain sentences, numbers in the reader's style.

Section points and notes are plain text, but an editor may leave Markdown
or a ``[@source-id]`` citation in them; slides show neither.
"""

from __future__ import annotations

import re

from ..models import CITATION_RE

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"(\*\*|__|[*_`])(?=\S)(.+?)(?<=\S)\1")


def plain(text: str) -> str:
    """Markdown to one plain line: citations and emphasis marks removed, spaces collapsed."""
    text = CITATION_RE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _MARKS.sub(r"\2", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r" ([.,;:!?)])", r"\1", text)


def format_number(value: float | int | None, lang: str) -> str:
    """Numbers as the site writes them: 30 330 and 2,5 in Polish; 30,330 and 2.5 in English.

    Four-digit numbers (years above all) get no separator."""
    if value is None:
        return "–"
    grouping = "," if abs(value) >= 10000 else ""
    text = f"{value:{grouping}.0f}" if float(value).is_integer() else f"{value:{grouping}.1f}"
    if lang == "en":
        return text
    return text.replace(",", "\u202f").replace(".", ",")


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
