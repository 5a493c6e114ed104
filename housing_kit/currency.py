"""Which statements may be out of date: ``python build.py check --stale``.

A section or figure that describes a current state (a law in force, an
institution, the latest count) carries ``as_of``; every source carries
``accessed``. Anything older than the chosen age is listed, per topic, with
the file and line to open, so a review starts from a list instead of a reread.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .library import Library
from .loader import relative
from .yaml_source import parse_yaml

DEFAULT_MONTHS = 18


@dataclass(frozen=True)
class StaleItem:
    topic: str
    where: str  # "topics/ans.yaml:177"
    what: str  # "sections[3] polish-san: as of 2024-09-01"
    date: dt.date


def months_between(earlier: dt.date, later: dt.date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)


def stale_items(library: Library, today: dt.date, months: int = DEFAULT_MONTHS) -> list[StaleItem]:
    """Every dated statement and source older than ``months`` on ``today``, in file order."""
    items: list[StaleItem] = []
    for topic in library.topics:
        path = library.root / "topics" / f"{topic.slug}.yaml"
        dated: list[tuple[tuple[str | int, ...], str, dt.date]] = [(("reviewed",), "reviewed", topic.reviewed)]
        for i, section in enumerate(topic.sections):
            if section.as_of:
                dated.append((("sections", i, "as_of"), f"sections[{i}] {section.id}: as of", section.as_of))
        for i, figure in enumerate(topic.figures):
            if figure.as_of:
                dated.append((("figures", i, "as_of"), f"figures[{i}] {figure.id}: as of", figure.as_of))
        for i, source in enumerate(topic.sources):
            if source.accessed:
                dated.append((("sources", i, "accessed"), f"sources[{i}] {source.id}: accessed", source.accessed))
        old = [(loc, label, date) for loc, label, date in dated if months_between(date, today) >= months]
        if not old:
            continue
        doc = parse_yaml(Path(path).read_text(encoding="utf-8"))
        name = relative(path, library.root)
        items += [
            StaleItem(topic.slug, f"{name}:{doc.line_of(loc)}", f"{label} {date}", date) for loc, label, date in old
        ]
    return items


def undated(library: Library) -> list[str]:
    """Sources without an ``accessed`` date: they cannot be checked for currency."""
    return [
        f"{topic.slug}: sources.{source.id} has no 'accessed' date"
        for topic in library.topics
        for source in topic.sources
        if source.accessed is None
    ]


def stale_report(library: Library, today: dt.date, months: int = DEFAULT_MONTHS) -> str:
    items = stale_items(library, today, months)
    lines = []
    for slug in dict.fromkeys(item.topic for item in items):
        lines.append(f"  {slug}:")
        lines += [f"    {item.where}: {item.what}" for item in items if item.topic == slug]
    missing = undated(library)
    lines += [f"  {line}" for line in missing]
    if not items and not missing:
        return f"nothing older than {months} months; every source has an 'accessed' date."
    topics = len({item.topic for item in items})
    lines.append(
        f"{len(items)} item(s) older than {months} months in {topics} topic(s); {len(missing)} undated source(s). "
        "Check each against its source, then update its as_of, accessed or reviewed date."
    )
    return "\n".join(lines)
