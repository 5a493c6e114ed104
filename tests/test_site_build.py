"""The real MkDocs build (strict) of the real topics: what the built HTML says."""

from __future__ import annotations

import json
import re
from html import unescape as html_unescape
from pathlib import Path

import pytest

from housing_kit.errors import BuildError, ContentError
from housing_kit.site.build import build_site

from .conftest import FIXTURES, copy_project

FIXTURE = FIXTURES / "minimal"

pytestmark = pytest.mark.slow


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_both_languages_have_every_page(built_site, real_library):
    for topic in real_library.topics:
        pl = read(built_site, f"topics/{topic.slug}/index.html")
        en = read(built_site, f"en/topics/{topic.slug}/index.html")
        assert '<html lang="pl"' in pl and "<h1 id=" in pl and topic.title["pl"] in pl
        assert '<html lang="en"' in en and topic.title["en"] in en
        # no silent fallback: the English page carries no Polish title unless both are the same
        if topic.title["pl"] != topic.title["en"]:
            assert f">{topic.title['pl']}<" not in en


def test_topic_page_has_lead_sections_figures_glossary_sources_and_review_date(built_site, real_library):
    topic = real_library.find("ethos")
    html = read(built_site, "topics/ethos/index.html")
    assert 'class="hk-lead"' in html
    for section in topic.sections:
        assert f'id="{section.id}"' in html
    assert '<time datetime="' + topic.reviewed.isoformat() + '">' in html
    assert html.count("<caption") >= len([f for f in topic.figures if f.kind != "list"])
    assert 'scope="col"' in html and 'scope="row' in html
    assert len(re.findall(r'<li id="source-\d+">', html)) == len(topic.sources)
    assert "<dl>" in html and 'id="glossary"' in html


def test_meta_description_comes_from_the_summary(built_site, real_library):
    topic = real_library.find("ethos")
    html = read(built_site, "en/topics/ethos/index.html")
    description = html_unescape(re.search(r'<meta name="description" content="([^"]*)"', html).group(1))
    assert description and description[:40] in topic.summary["en"].replace("\n", " ")


def test_sitemap_has_absolute_hreflang_alternates_and_pages_have_no_relative_ones(built_site):
    sitemap = read(built_site, "sitemap.xml")
    assert 'hreflang="en" href="https://' in sitemap
    assert "/en/topics/ethos/" in sitemap
    html = read(built_site, "en/topics/ethos/index.html")
    assert not re.search(r'<link rel="alternate"[^>]*href="\.', html)


def test_language_switch_links_to_the_same_page(built_site):
    html = read(built_site, "topics/ethos/index.html")
    assert re.search(r'<a href="[./]*en/topics/ethos/" hreflang="en"', html)
    html = read(built_site, "en/topics/ethos/index.html")
    assert re.search(r'<a href="[./]*topics/ethos/" hreflang="pl"', html)


def test_search_index_per_language(built_site, real_library):
    pl = json.loads(read(built_site, "search/search_index.json"))
    en = json.loads(read(built_site, "en/search/search_index.json"))
    assert pl["config"]["lang"] == en["config"]["lang"] == ["pl"]  # our folding pipeline
    assert all(not d["location"].startswith("en/") for d in pl["docs"])
    assert any(d["location"].startswith("topics/ethos/") for d in en["docs"])
    titles_en = {d["title"] for d in en["docs"]}
    assert real_library.find("ethos").title["en"] in titles_en
    assert (
        real_library.find("ethos").title["pl"] not in titles_en
        or real_library.find("ethos").title["pl"] == real_library.find("ethos").title["en"]
    )


def test_polish_headings_keep_their_letters(built_site):
    html = read(built_site, "index.html")
    assert 'id="jak-pracujemy"' in html
    about = read(built_site, "about/index.html")
    assert 'id="skąd-pochodzą-treści"' in about


def test_one_404_per_language(built_site):
    pl, en = read(built_site, "404.html"), read(built_site, "en/404.html")
    assert '<html lang="pl"' in pl and "<h1>Nie znaleziono strony</h1>" in pl and "Page not found" not in pl
    assert '<html lang="en"' in en and "<h1>Page not found</h1>" in en and "Nie znaleziono" not in en


def test_no_reference_to_other_hosts_in_pages(built_site):
    for path in [built_site / "index.html", built_site / "en/topics/ethos/index.html"]:
        html = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
        # Scripts, stylesheets, icons and images are fetched by the browser; canonical links are not.
        loads = re.findall(r'<script[^>]*\bsrc="(https?://[^"]+)"', html)
        loads += re.findall(r'<img[^>]*\bsrc="(https?://[^"]+)"', html)
        for tag in re.findall(r"<link\b[^>]*>", html):
            rel = re.search(r'\brel="([^"]+)"', tag)
            href = re.search(r'\bhref="(https?://[^"]+)"', tag)
            if href and rel and rel.group(1) not in {"canonical", "alternate"}:
                loads.append(href.group(1))
        assert not loads, f"{path.name} loads {loads}"


def test_topic_pages_offer_the_decks_with_sizes(built_site):
    html = read(built_site, "topics/ethos/index.html")
    match = re.search(
        r'<a href="((?:\.\./)+downloads/ethos\.pl\.pptx)" download[^>]*>PPTX <span class="hk-size">\((\d+) KB\)', html
    )
    assert match, "the ETHOS page links its Polish deck with its size"
    assert round((built_site / "downloads" / "ethos.pl.pptx").stat().st_size / 1024) == int(match.group(2))
    assert (built_site / "downloads" / "ethos.en.pptx").exists()


def test_failed_build_keeps_the_previous_site(tmp_path):
    root = copy_project(tmp_path / "p")
    site = build_site(root, decks=False)
    marker = (site / "index.html").read_text(encoding="utf-8")
    topic = next((root / "topics").glob("*.yaml"))
    topic.write_text(topic.read_text(encoding="utf-8").replace("\nsummary:", "\nsumary:"), encoding="utf-8")
    with pytest.raises(ContentError):
        build_site(root, decks=False)
    assert (site / "index.html").read_text(encoding="utf-8") == marker
    # A failure inside MkDocs (a broken link in strict mode) also leaves the site alone.
    topic.write_text(topic.read_text(encoding="utf-8").replace("\nsumary:", "\nsummary:"), encoding="utf-8")
    (root / "docs" / "about.pl.md").write_text("# O nas\n\n[zepsuty](nie-ma-takiej-strony.md)\n", encoding="utf-8")
    with pytest.raises(BuildError, match="previous site/ was left as it was"):
        build_site(root, decks=False)
    assert (site / "index.html").read_text(encoding="utf-8") == marker
    assert not list(root.glob(".site-new-*"))
