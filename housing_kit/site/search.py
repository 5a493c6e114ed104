"""One search index per language.

mkdocs-static-i18n writes a single index holding every language, so a Polish
reader would get English hits. After the build we split it: the default
language keeps ``search/search_index.json``, each other language gets
``<lang>/search/search_index.json`` with locations relative to its root (the
pages of that language point Material's search at it, see overrides/main.html).

lunr has no Polish support, so every index names our own ``pl`` pipeline
(docs/assets/javascripts/lunr/min/lunr.pl.min.js): it indexes each word as
written and with its diacritics folded, so queries typed without Polish
letters still match. English pages use it too: they quote Polish names
(gmina, MOPS, Gminny Standard Wychodzenia z Bezdomności).
"""

from __future__ import annotations

import json
from pathlib import Path

LUNR_PIPELINE = {"lang": ["pl"], "pipeline": ["trimmer", "stemmer"]}


def split_search_index(site_dir: Path, languages: list[str], default: str) -> dict[str, int]:
    """Rewrite the combined index into one per language; returns entries per language."""
    path = Path(site_dir) / "search" / "search_index.json"
    combined = json.loads(path.read_text(encoding="utf-8"))
    counts = {}
    for lang in languages:
        prefix = "" if lang == default else f"{lang}/"
        others = tuple(f"{other}/" for other in languages if other != default)

        def belongs(location: str, prefix: str = prefix, others: tuple[str, ...] = others) -> bool:
            return location.startswith(prefix) if prefix else not location.startswith(others)

        docs = [
            {**doc, "location": doc["location"][len(prefix) :]} for doc in combined["docs"] if belongs(doc["location"])
        ]
        config = {**combined["config"], **LUNR_PIPELINE}
        target = Path(site_dir) / prefix / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"config": config, "docs": docs}, ensure_ascii=False), encoding="utf-8")
        counts[lang] = len(docs)
    return counts
