"""One search index per language.

mkdocs-static-i18n writes a single index holding every language, so a Polish
reader would get English hits. After the build we split it: the default
language keeps ``search/search_index.json``, each other language gets
``<lang>/search/search_index.json`` with locations relative to its root (the
pages of that language point Material's search at it, see overrides/main.html).

lunr has no Polish support, so the indexes name our own ``pl`` pipeline
(docs/assets/javascripts/lunr/min/lunr.pl.min.js): it folds diacritics and
strips common Polish endings, on the index and on the query alike.
"""

from __future__ import annotations

import json
from pathlib import Path

# Pipelines per language: English keeps lunr's stemmer and also runs the
# Polish folding, because English pages quote Polish names (gmina, MOPS...).
LUNR_LANGUAGES = {"pl": ["pl"], "en": ["en", "pl"]}


def split_search_index(site_dir: Path, languages: list[str], default: str) -> dict[str, int]:
    """Rewrite the combined index into one per language; returns entries per language."""
    path = Path(site_dir) / "search" / "search_index.json"
    combined = json.loads(path.read_text(encoding="utf-8"))
    counts = {}
    for lang in languages:
        prefix = "" if lang == default else f"{lang}/"
        others = tuple(f"{other}/" for other in languages if other != default)

        def belongs(location: str, prefix: str = prefix, others: tuple = others) -> bool:
            return location.startswith(prefix) if prefix else not location.startswith(others)

        docs = [
            {**doc, "location": doc["location"][len(prefix) :]} for doc in combined["docs"] if belongs(doc["location"])
        ]
        config = {
            **combined["config"],
            "lang": LUNR_LANGUAGES.get(lang, [lang]),
            "pipeline": ["trimmer", "stemmer"],
        }
        target = Path(site_dir) / prefix / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"config": config, "docs": docs}, ensure_ascii=False), encoding="utf-8")
        counts[lang] = len(docs)
    return counts
