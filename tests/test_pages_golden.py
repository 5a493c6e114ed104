"""Golden files: the topic pages (Markdown with their figures' HTML) rendered from the fixtures.

Compared byte for byte with tests/fixtures/<fixture>/expected/. After an intended
change to the pages, regenerate them and review the diff:

    HOUSING_KIT_UPDATE_GOLDEN=1 python3 -m pytest tests/test_pages_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from housing_kit.loader import load_topics
from housing_kit.outputs.downloads import Download
from housing_kit.site.pages import generated_pages

from .conftest import FIXTURES

UPDATE = os.environ.get("HOUSING_KIT_UPDATE_GOLDEN") == "1"


def rendered(fixture: str) -> dict[str, str]:
    library = load_topics(FIXTURES / fixture)
    downloads = [  # fixed sizes: the golden files must not depend on the deck bytes
        Download(t.slug, lang, kind, Path(f"{t.slug}.{lang}.{kind}"), 180_000 if kind == "pptx" else 1_300_000)
        for t in library.topics
        for lang in library.codes
        for kind in ("pptx", "pdf")
    ]
    return generated_pages(library, downloads)


@pytest.mark.parametrize("fixture", ["minimal", "deck"])
def test_topic_pages_match_their_golden_files(fixture):
    expected_dir = FIXTURES / fixture / "expected"
    pages = rendered(fixture)
    if UPDATE:
        for uri, text in pages.items():
            path = expected_dir / uri
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    on_disk = sorted(p.relative_to(expected_dir).as_posix() for p in expected_dir.rglob("*.md"))
    assert on_disk == sorted(pages), "run with HOUSING_KIT_UPDATE_GOLDEN=1 to add or remove golden files"
    for uri, text in pages.items():
        expected = (expected_dir / uri).read_text(encoding="utf-8")
        assert text == expected, f"{fixture}/{uri} differs; HOUSING_KIT_UPDATE_GOLDEN=1 regenerates it"
