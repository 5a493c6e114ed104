"""The offline copy (``python build.py site --offline``), unpacked and opened from file:// in headless Chromium."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from housing_kit.cli import main
from housing_kit.site.offline import FOLDER, OFFLINE_ZIP, write_zip

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def offline_zip(built_site) -> Path:
    # The project the session's site was built in: its decks are cached, so only MkDocs runs again.
    root = built_site.parent
    assert main(["--root", str(root), "site", "--offline"]) == 0
    return root / OFFLINE_ZIP


@pytest.fixture(scope="module")
def offline_site(offline_zip, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(offline_zip) as zf:
        zf.extractall(target)
    return target / FOLDER


def test_the_zip_holds_one_folder_with_pages_without_directory_urls(offline_zip):
    names = zipfile.ZipFile(offline_zip).namelist()
    assert offline_zip.name == "site-offline.zip"
    assert {n.split("/")[0] for n in names} == {FOLDER}
    for page in ["index.html", "en/index.html", "topics/ethos.html", "en/topics/ethos.html"]:
        assert f"{FOLDER}/{page}" in names
    assert f"{FOLDER}/search/search_index.js" in names and f"{FOLDER}/en/search/search_index.js" in names
    assert not [n for n in names if n.endswith(".gz")], "precompressed copies are for web servers"
    assert any(n.startswith(f"{FOLDER}/downloads/") and n.endswith(".pptx") for n in names)


def test_the_zip_is_reproducible(tmp_path):
    site = tmp_path / "copy"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("<p>a</p>", encoding="utf-8")
    (site / "en" / "index.html").write_text("<p>b</p>", encoding="utf-8")
    first = write_zip(site, tmp_path / "one.zip").read_bytes()
    (site / "index.html").touch()  # a new time stamp changes nothing
    assert write_zip(site, tmp_path / "two.zip").read_bytes() == first


LINK = re.compile(r'\b(?:href|src)="([^"]+)"')


def test_every_link_inside_the_copy_leads_to_a_file(offline_site):
    """Navigation, cards, the language switch and downloads: no link to a folder or a missing file."""
    broken = []
    for page in offline_site.rglob("*.html"):
        if page.name == "404.html":
            continue  # for web servers; its links start from the server's root
        for link in LINK.findall(page.read_text(encoding="utf-8")):
            parts = urlsplit(link)
            if parts.scheme or link.startswith(("#", "//")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.is_file():
                broken.append(f"{page.relative_to(offline_site)}: {link}")
    assert broken == []


def search(page, url: str, query: str) -> list[str]:
    page.goto(url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item a').length > 0")
    return page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")


@pytest.mark.browser
def test_search_from_file_finds_a_polish_word_in_polish_pages(page, offline_site):
    root = offline_site.as_uri()
    hrefs = search(page, f"{root}/topics/ethos.html", "bezdomności")
    assert hrefs and all(h.startswith(root) for h in hrefs)
    assert not [h for h in hrefs if h.startswith(f"{root}/en/")]
    assert all(Path(unquote(urlsplit(h).path)).is_file() for h in hrefs)


@pytest.mark.browser
def test_search_from_file_finds_an_english_word_in_english_pages(page, offline_site):
    root = offline_site.as_uri()
    hrefs = search(page, f"{root}/en/index.html", "homelessness")
    assert hrefs and all(h.startswith(f"{root}/en/") for h in hrefs)
    page.goto(hrefs[0])
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.browser
def test_language_switch_from_file_keeps_the_page(page, offline_site):
    root = offline_site.as_uri()
    page.goto(f"{root}/topics/ethos.html")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{root}/en/topics/ethos.html")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="Polski").click()
    page.wait_for_url(f"{root}/topics/ethos.html")
    page.goto(f"{root}/en/index.html")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="Polski").click()
    page.wait_for_url(f"{root}/index.html")


@pytest.mark.browser
def test_navigation_and_deck_downloads_work_from_file(page, offline_site):
    root = offline_site.as_uri()
    page.goto(f"{root}/index.html")
    page.locator(".hk-card a").first.click()
    page.wait_for_url(re.compile(re.escape(f"{root}/topics/") + r"[a-z-]+\.html"))
    for lang, home in [("pl", "topics/ethos.html"), ("en", "en/topics/ethos.html")]:
        page.goto(f"{root}/{home}")
        links = page.locator(".hk-downloads a[download]").evaluate_all("els => els.map(e => e.href)")
        assert any(h.endswith(f"ethos.{lang}.pptx") for h in links)
        for href in links:
            assert Path(unquote(urlsplit(href).path)).is_file(), href
