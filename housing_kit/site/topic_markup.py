"""Raw HTML in topic text that the site removes, as warnings ``check`` prints with file:line.

The site cleans every generated page (sanitise.py), so nothing here stops a
build; but an editor who typed ``<iframe>`` or ``{: onclick="…" }`` should
learn that it will not appear. Each Markdown field (summary, section bodies,
glossary definitions) is rendered with the Markdown extensions named in
mkdocs.yml and checked against the same allow-lists the site uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..library import Library
from ..loader import relative
from ..yaml_source import SourceDoc, dotted, parse_yaml
from .sanitise import removed_markup

# Text without these cannot produce HTML outside the allow-lists: raw HTML, attribute
# lists, character references, and links with a scheme other than the web's and e-mail's.
# Only texts with one are rendered, so check stays fast.
_MAY_HOLD_MARKUP = re.compile(r"[<{]|&#|(?i:(?<![\w/])(?!https?:|mailto:)[a-z][a-z0-9+.\-]*:(?=\S))")
# Where a topic holds Markdown: (list key or None, field). Other texts are plain and shown escaped.
MARKDOWN_FIELDS = ((None, "summary"), ("sections", "body"), ("glossary", "definition"))


def _extensions(mkdocs_yml: Path) -> list[str]:
    import importlib

    import yaml

    from ..languages import _LenientLoader

    try:
        config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_LenientLoader) or {}
    except (OSError, yaml.YAMLError):
        config = {}
    names = []
    for entry in config.get("markdown_extensions") or []:
        name = entry if isinstance(entry, str) else next(iter(entry), None) if isinstance(entry, dict) else None
        if not name or name == "toc":  # headings' ids and permalinks: never removed, and slow to load
            continue
        try:  # only extensions that load without their options; the rest do not change raw HTML
            importlib.import_module(name if "." in name else f"markdown.extensions.{name}")
        except ImportError:
            continue
        names.append(name)
    return names


def _texts(data: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(location, text) of every Markdown text in a topic's data (its model dump or its YAML)."""
    data = data if isinstance(data, dict) else {}
    for list_key, key in MARKDOWN_FIELDS:
        holders: list[tuple[int | None, Any]] = (
            [(None, data)] if list_key is None else list(enumerate(data.get(list_key) or []))
        )
        for index, holder in holders:
            if not isinstance(holder, dict) or not isinstance(holder.get(key), dict):
                continue
            base: tuple[str | int, ...] = (key,) if list_key is None or index is None else (list_key, index, key)
            for lang, text in holder[key].items():
                if isinstance(text, str):
                    yield base + (lang,), text


def _source(library: Library, slug: str) -> tuple[str, SourceDoc | None]:
    """The file a topic came from and its line map (files are read again only for a warning)."""
    for path in sorted((library.root / "topics").glob("*.yaml")):
        try:
            doc = parse_yaml(path.read_text(encoding="utf-8"))
        except Exception:
            continue
        if isinstance(doc.data, dict) and doc.data.get("slug") == slug:
            return relative(path, library.root), doc
    return f"topics/{slug}.yaml", None


def markup_warnings(library: Library) -> list[Problem]:
    """Every Markdown text of the topics whose HTML the site would have to clean."""
    renderer = None
    found = []
    for topic in library.topics:
        hits = []
        for loc, text in _texts(topic.model_dump()):
            if not _MAY_HOLD_MARKUP.search(text):
                continue
            if renderer is None:
                import markdown

                renderer = markdown.Markdown(extensions=_extensions(library.root / "mkdocs.yml"))
            removed = removed_markup(renderer.reset().convert(text))
            if removed:
                hits.append((loc, removed))
        if hits:
            name, doc = _source(library, topic.slug)
            for loc, removed in hits:
                found.append(
                    Problem(
                        name,
                        doc.line_of(loc) if doc else None,
                        dotted(loc),
                        f"the site removes {', '.join(removed)} (raw HTML and attribute lists may not "
                        "run code or load anything)",
                    )
                )
    return found
