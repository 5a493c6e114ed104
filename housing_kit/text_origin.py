"""Where a text shown in a deck came from: file, line and field.

Some problems appear only when a deck is laid out (a title too long for any
slide). The planner sees texts, not files: it raises a ``TextProblem`` that
carries the text, and ``locate`` finds the field of the topic file holding it,
so the editor is pointed at ``topics/ans.yaml:6: title.en``. Messages quote
at most ``QUOTE`` characters of the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import ContentError, Problem
from .yaml_source import SourceDoc, dotted, parse_yaml

QUOTE = 80


def quote(text: str, limit: int = QUOTE) -> str:
    """``text`` as an error message quotes it: on one line, at most ``limit`` characters."""
    line = " ".join(text.split())
    return repr(line if len(line) <= limit else line[: limit - 1] + "…")


@dataclass(frozen=True, order=True)
class TextProblem(Problem):
    """A problem with a text whose place in the files the planner does not know."""

    text: str = field(default="", compare=False, repr=False)


def _strings(data: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, path + (i,))
    elif isinstance(data, str):
        yield path, data.strip()


def _best(doc: SourceDoc, text: str) -> tuple[str | int, ...] | None:
    """The field holding ``text``: the same text, else the longest one the shown text starts
    with (a title with "(cd. 2/2)" or "(2)" added), else the longest one it contains."""
    text = text.strip()
    found = [(path, value) for path, value in _strings(doc.data) if value]
    for match in (
        lambda v: v == text,
        lambda v: text.startswith(v) and len(v) >= len(text) // 2,
        lambda v: len(v) >= 20 and v in text,
    ):
        candidates = [(len(v), path) for path, v in found if match(v)]
        if candidates:
            return max(candidates, key=lambda c: c[0])[1]
    return None


def locate(error: ContentError, root: Path) -> ContentError:
    """``error`` with each TextProblem placed at the file, line and field that hold its text."""
    if not any(isinstance(p, TextProblem) and p.line is None for p in error.problems):
        return error
    docs: dict[str, SourceDoc] = {}
    for path in sorted((Path(root) / "topics").glob("*.yaml")):
        try:
            docs[f"topics/{path.name}"] = parse_yaml(path.read_text(encoding="utf-8"))
        except Exception:  # checked when loaded; here only a better address is at stake
            continue
    located = []
    for problem in error.problems:
        if isinstance(problem, TextProblem) and problem.line is None:
            problem = _place(problem, docs)
        located.append(problem)
    return ContentError(located)


def _place(problem: TextProblem, docs: dict[str, SourceDoc]) -> Problem:
    # The planner's guess of the file first, then every topic file.
    order = sorted(docs, key=lambda name: name != problem.path)
    for name in order:
        path = _best(docs[name], problem.text)
        if path is not None:
            return replace(problem, path=name, line=docs[name].line_of(path), field=dotted(path))
    return problem
