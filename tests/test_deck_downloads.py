"""The decks the site offers: every topic in every language, rebuilt only when needed."""

from __future__ import annotations

import json
import shutil

import pytest

import housing_kit.deck.build as deck_build
import housing_kit.outputs.pdf as deck_pdf
from housing_kit.loader import load_topics
from housing_kit.outputs.downloads import MANIFEST, Download, build_downloads
from housing_kit.outputs.pdf import page_count
from tests.test_deck_build import FIXTURES, fixture_library
from tests.test_deck_readback import open_deck

NEEDS_SOFFICE = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")


@pytest.fixture
def spy(monkeypatch):
    """Counts decks built and LibreOffice runs, while still doing the work."""
    calls = {"decks": [], "pdf": []}
    real_build, real_convert = deck_build.build_deck, deck_pdf.convert_to_pdf

    def build(library, topics, lang, **kw):
        calls["decks"].append(f"{topics[0].slug}.{lang}")
        return real_build(library, topics, lang, **kw)

    def convert(decks, out_dir, **kw):
        calls["pdf"].append([d.name for d in decks])
        return real_convert(decks, out_dir, **kw)

    monkeypatch.setattr(deck_build, "build_deck", build)
    monkeypatch.setattr(deck_pdf, "convert_to_pdf", convert)
    return calls


def test_every_topic_in_every_language_is_built_once_then_reused(tmp_path, spy):
    library = fixture_library("deck")
    found = build_downloads(library, tmp_path, pdf=False)
    assert [(d.slug, d.lang, d.kind) for d in found] == [
        ("diagrams-a", "en", "pptx"),
        ("diagrams-a", "pl", "pptx"),
        ("ladder", "en", "pptx"),
        ("ladder", "pl", "pptx"),
        ("typology", "en", "pptx"),
        ("typology", "pl", "pptx"),
    ]
    assert all(isinstance(d, Download) and d.size == d.path.stat().st_size > 10_000 for d in found)
    assert found[2].path == tmp_path / "ladder.en.pptx" and found[2].href == "downloads/ladder.en.pptx"
    assert len(spy["decks"]) == 6
    stamp = found[0].path.stat().st_mtime_ns
    assert build_downloads(library, tmp_path, pdf=False) == found
    assert len(spy["decks"]) == 6, "nothing changed, nothing rebuilt"
    assert found[0].path.stat().st_mtime_ns == stamp
    assert set(json.loads((tmp_path / MANIFEST).read_text())) == {
        "typology.pl",
        "typology.en",
        "ladder.pl",
        "ladder.en",
        "diagrams-a.pl",
        "diagrams-a.en",
    }


def test_a_changed_topic_rebuilds_only_its_own_decks(tmp_path, spy):
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "deck", project)
    out = tmp_path / "decks"
    build_downloads(load_topics(project), out, pdf=False)
    topic = project / "topics" / "ladder.yaml"
    topic.write_text(topic.read_text().replace("Region widzi więcej niż jedna gmina", "Region widzi więcej"))
    spy["decks"].clear()
    build_downloads(load_topics(project), out, pdf=False)
    assert sorted(spy["decks"]) == ["ladder.en", "ladder.pl"]


def test_files_of_topics_that_are_gone_are_removed(tmp_path):
    (tmp_path / "old-topic.pl.pptx").write_bytes(b"old")
    (tmp_path / "old-topic.pl.pdf").write_bytes(b"old")
    (tmp_path / "notes.txt").write_text("kept")
    build_downloads(fixture_library("minimal"), tmp_path, pdf=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST, "notes.txt", "sample.en.pptx", "sample.pl.pptx"]


def test_without_libreoffice_only_decks_are_offered(tmp_path, monkeypatch):
    monkeypatch.setenv("HOUSING_KIT_SOFFICE", "/nonexistent/soffice")
    (tmp_path / "sample.pl.pdf").write_bytes(b"%PDF stale")
    found = build_downloads(fixture_library("minimal"), tmp_path, pdf=True)
    assert {d.kind for d in found} == {"pptx"}
    assert not (tmp_path / "sample.pl.pdf").exists(), "a PDF we cannot vouch for is not left to be linked"


@pytest.mark.slow  # LibreOffice takes several seconds per run
@NEEDS_SOFFICE
def test_pdfs_of_all_changed_decks_come_from_one_libreoffice_run(tmp_path, spy):
    library = fixture_library("deck")
    found = build_downloads(library, tmp_path, pdf=True)
    assert len(spy["pdf"]) == 1 and len(spy["pdf"][0]) == 6
    pdfs = [d for d in found if d.kind == "pdf"]
    assert [d.path.name for d in pdfs] == [
        "diagrams-a.en.pdf",
        "diagrams-a.pl.pdf",
        "ladder.en.pdf",
        "ladder.pl.pdf",
        "typology.en.pdf",
        "typology.pl.pdf",
    ]
    for d in pdfs:
        assert page_count(d.path) == len(open_deck(d.path.with_suffix(".pptx").read_bytes()).slides)
    build_downloads(library, tmp_path, pdf=True)
    assert len(spy["pdf"]) == 1, "unchanged decks are not converted again"
