"""Tooltips of citations and glossary terms (hk-tooltips.js) in headless Debian Chromium:
one shared tooltip shown on hover and on keyboard focus, hoverable, dismissed with Escape,
and no tooltip elements built when a page loads (issue 11, item 7: Material's
content.tooltips built one per link and blocked the main thread on long pages)."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LANGS = {"pl": "", "en": "en/"}
TIP = "#hk-tooltip"


def source_text(page, cite) -> str:
    item = page.locator(cite.get_attribute("href"))
    return re.sub(r"\s+", " ", item.inner_text())


@pytest.mark.parametrize("lang", LANGS)
def test_hovering_a_citation_shows_its_source_and_leaving_hides_it(strict_page, site_url, lang):
    page = strict_page
    page.goto(f"{site_url}/{LANGS[lang]}topics/housing-first/")
    cites = page.locator(".md-content a[id^=cite-]")
    assert cites.count() > 20
    assert page.locator(".md-tooltip2, .md-tooltip, .hk-tooltip").count() == 0  # nothing built on load
    cite = cites.nth(3)
    title = cite.get_attribute("title")
    author = title.split()[0]
    assert author in source_text(page, cite)
    cite.hover()
    tip = page.locator(TIP)
    tip.wait_for(state="visible")
    assert tip.inner_text() == title
    assert cite.get_attribute("aria-describedby") == "hk-tooltip"
    assert cite.get_attribute("title") is None  # no second, native tooltip while ours shows
    # it sits next to the link and inside the window
    box, link = tip.bounding_box(), cite.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 1280
    assert abs(box["y"] - (link["y"] + link["height"])) < 40 or abs(box["y"] + box["height"] - link["y"]) < 40
    tip.hover()  # the pointer can move onto the tooltip (WCAG 1.4.13)
    page.wait_for_timeout(400)
    assert tip.is_visible()
    page.mouse.move(5, 880)
    tip.wait_for(state="hidden")
    assert cite.get_attribute("title") == title  # back for screen readers and the next hover
    assert cite.get_attribute("aria-describedby") is None


@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_focus_shows_a_glossary_definition_and_escape_dismisses_it(strict_page, site_url, lang):
    page = strict_page
    page.goto(f"{site_url}/{LANGS[lang]}topics/housing-first/")
    term = page.locator(".md-content a.hk-term").first
    definition = term.get_attribute("title")
    assert len(definition) > 20
    term.focus()
    tip = page.locator(TIP)
    tip.wait_for(state="visible")
    assert tip.inner_text() == definition
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    assert term.get_attribute("title") == definition
    # the next tab stop with a tooltip shows its own text, the old one does not linger
    page.locator(".md-content a[id^=cite-]").first.focus()
    tip.wait_for(state="visible")
    assert tip.inner_text() == page.locator(".md-content a[id^=cite-]").first.get_attribute("data-hk-title")
    assert page.locator(".hk-tooltip").count() == 1


def test_material_builds_no_tooltips_of_its_own(strict_page, site_url):
    page = strict_page
    page.goto(f"{site_url}/topics/ethos/")
    page.wait_for_load_state("load")
    page.locator(".md-content a[id^=cite-]").first.hover()
    page.locator(TIP).wait_for(state="visible")
    assert page.locator(".md-tooltip2, .md-tooltip").count() == 0
