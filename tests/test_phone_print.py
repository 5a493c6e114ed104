"""The site on a phone, on paper and by keyboard (issue 11), in headless Debian Chromium, both languages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = Path(pytest.importorskip("axe_playwright_python").__file__).with_name("axe.min.js")
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LANGS = {"pl": "", "en": "en/"}
# Every page type: home, topics index, a topic with a wide table, the glossary, presentations, contact, about, 404.
PAGE_TYPES = ["", "topics/", "topics/ethos/", "glossary/", "presentations/", "contact/", "about/", "404.html"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}

# Elements reaching past the viewport's right edge, except inside a focusable scroll region.
# Material's drawer and search sit off-screen until opened; the honeypot field is off-screen on purpose.
WIDER_THAN_VIEWPORT = """() => {
  const w = document.documentElement.clientWidth, out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= 0) continue;
    if (r.right <= w + 1 && r.left >= -1) continue;
    if (el.closest('.md-sidebar, .md-search, .hk-hp, .hk-offscreen')) continue;
    const region = el.closest('.hk-scroll');
    if (region && region.tabIndex === 0 && region.getAttribute('role') === 'region'
        && (region.getAttribute('aria-label') || region.getAttribute('aria-labelledby'))) continue;
    out.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  return out.slice(0, 5);
}"""


def open_page(browser, url: str, viewport: dict):
    context = browser.new_context(
        viewport=viewport, bypass_csp=True
    )  # axe is injected inline (test_csp.py checks the policy)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    return context, page


def axe_problems(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
    return [
        f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})" for v in result["violations"]
    ]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_every_page_type_fits_a_phone_and_is_axe_clean_on_phone_and_desktop(browser, site_url, lang, path):
    context, page = open_page(browser, f"{site_url}/{LANGS[lang]}{path}", PHONE)
    try:
        assert page.locator("html").get_attribute("lang") == lang
        assert page.evaluate(WIDER_THAN_VIEWPORT) == []
        assert axe_problems(page) == []
        page.set_viewport_size(DESKTOP)
        page.reload(wait_until="networkidle")
        assert axe_problems(page) == []
    finally:
        context.close()


def test_wide_tables_scroll_in_named_focusable_regions_with_a_cue(browser, site_url):
    context, page = open_page(browser, f"{site_url}/topics/ethos/", PHONE)
    try:
        regions = page.locator(".hk-scroll")
        assert regions.count() >= 2
        for region in regions.all():
            assert region.get_attribute("tabindex") == "0" and region.get_attribute("role") == "region"
            assert page.evaluate(
                "el => document.getElementById(el.getAttribute('aria-labelledby')).textContent.trim()",
                region.element_handle(),
            )
            # the cue: shadows drawn in the region's own background
            assert "radial-gradient" in region.evaluate("el => getComputedStyle(el).backgroundImage")
        # the typology is stacked: it fits the phone without scrolling
        typology = page.locator(".hk-typology .hk-scroll")
        assert typology.evaluate("el => el.scrollWidth <= el.clientWidth")
    finally:
        context.close()


# ---- focus ----------------------------------------------------------------------------------

FOCUS_RING = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect(), s = getComputedStyle(el);
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  let bgEl = parseFloat(s.outlineOffset) < 0 ? el : el.parentElement, bg = null;
  for (; bgEl; bgEl = bgEl.parentElement) {
    const c = rgb(getComputedStyle(bgEl).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) { bg = c.slice(0, 3); break; }
  }
  return {name: el.tagName.toLowerCase() + '.' + el.className + ' ' + (el.textContent || '').trim().slice(0, 30),
          visible: r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.opacity !== '0',
          width: parseFloat(s.outlineWidth), style: s.outlineStyle,
          ring: rgb(s.outlineColor).slice(0, 3), bg: bg || [255, 255, 255]};
}"""


def contrast(a: list[float], b: list[float]) -> float:
    def luminance(rgb: list[float]) -> float:
        lin = [(c / 255 / 12.92) if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted([luminance(a), luminance(b)], reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGS)
def test_every_tab_stop_is_visible_with_a_focus_ring_of_3_to_1(browser, site_url, lang, viewport):
    context, page = open_page(browser, f"{site_url}/{LANGS[lang]}topics/ethos/", viewport)
    try:
        problems, seen = [], 0
        for _ in range(70):
            page.keyboard.press("Tab")
            ring = page.evaluate(FOCUS_RING)
            if ring is None:
                continue
            if not ring["visible"]:  # Material fades some in on focus (the skip link, headings' links)
                page.wait_for_timeout(300)
                ring = page.evaluate(FOCUS_RING)
            seen += 1
            if not ring["visible"]:
                problems.append(f"invisible tab stop: {ring['name']}")
            elif ring["style"] == "none" or ring["width"] < 2:
                problems.append(f"no focus ring: {ring['name']}")
            elif contrast(ring["ring"], ring["bg"]) < 3:
                problems.append(f"{contrast(ring['ring'], ring['bg']):.1f}:1 focus ring: {ring['name']}")
        assert seen > 20
        assert problems == [], "\n".join(problems)
    finally:
        context.close()


def test_the_footer_focus_ring_has_3_to_1(browser, site_url):
    context, page = open_page(browser, f"{site_url}/en/", DESKTOP)
    try:
        page.locator(".md-footer a").last.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        ring = page.evaluate(FOCUS_RING)
        assert ring["style"] != "none" and contrast(ring["ring"], ring["bg"]) >= 3, ring
    finally:
        context.close()


# ---- the language switch --------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "other"), [("pl", "en"), ("en", "pl")])
def test_the_language_switch_names_the_current_language_and_keeps_the_section(page, site_url, lang, other):
    names = {"pl": "Polski", "en": "English"}
    page.goto(f"{site_url}/{LANGS[lang]}topics/ethos/#actions")
    button = page.locator(".md-header__option .md-select button")
    assert names[lang] in button.inner_text()
    assert page.locator(f'.md-select__link[aria-current="true"][hreflang="{lang}"]').count() == 1
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name=names[other]).click()
    page.wait_for_url(f"{site_url}/{LANGS[other]}topics/ethos/#actions")


# ---- at a glance ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_in_short_box_has_key_points_and_requests_this_topic(page, site_url, lang):
    page.goto(f"{site_url}/{LANGS[lang]}topics/ans/")
    box = page.locator(".hk-inshort")
    assert 3 <= box.locator("li").count() <= 5
    assert box.locator(".hk-reading").inner_text() and box.locator("time").get_attribute("datetime")
    assert box.locator("a[download]").count() >= 1
    assert box.locator(".hk-request-link").get_attribute("href").endswith("contact/?topic=ans#request-form")
    box.locator("a.hk-jump").click()
    assert page.url.endswith("#actions")
    assert page.locator("#actions").is_visible()


# ---- print ----------------------------------------------------------------------------------

A4_PRINTABLE_PX = round((210 - 2 * 14) / 25.4 * 96)  # print.css: A4 with 14 mm side margins


def longest_topic(built_site: Path, lang: str) -> str:
    pages = (built_site / LANGS[lang] / "topics").glob("*/index.html")
    return max(pages, key=lambda p: p.stat().st_size).parent.name


@pytest.mark.parametrize("lang", LANGS)
def test_the_longest_topic_prints_as_a_handout(browser, site_url, built_site, lang, tmp_path):
    if not shutil.which("pdftotext"):
        pytest.fail("poppler-utils is required (python build.py test --install)")
    slug = longest_topic(built_site, lang)
    context, page = open_page(
        browser, f"{site_url}/{LANGS[lang]}topics/{slug}/", {"width": A4_PRINTABLE_PX, "height": 1000}
    )
    try:
        page.emulate_media(media="print")
        widths = page.evaluate(
            "() => [...document.querySelectorAll('table')].map(t => t.getBoundingClientRect().right)"
        )
        assert widths and max(widths) <= A4_PRINTABLE_PX + 1
        pdf = tmp_path / "page.pdf"
        page.pdf(path=str(pdf), prefer_css_page_size=True)
    finally:
        context.close()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    print(f"{lang} {slug}: {pages} A4 pages")
    assert pages <= 12
    assert f"topics/{slug}/" in text  # the page's address
    assert ("Wydrukowano:" if lang == "pl" else "Printed:") in text
    assert re.search(r"20\d\d", text.split("\n", 3)[0] + text.split("\n", 3)[1])  # the print date, at the top


@pytest.mark.parametrize("lang", LANGS)
def test_a_printout_keeps_what_the_ladder_and_typology_pictures_leave_out(browser, site_url, real_library, lang):
    """On paper nobody can open a <details>: the ladder's indicators and the typology's living
    situations print with their pictures; on screen the tables stay folded, before and after."""
    ladder = real_library.find("regional-monitoring").figures[0]
    typology = real_library.find("ethos").figures[0]
    for slug, figure, word in (
        ("regional-monitoring", ladder, ladder.steps[-1].indicator[lang]),
        ("ethos", typology, typology.groups[0].categories[0].situations[0].name[lang]),
    ):
        context, page = open_page(browser, f"{site_url}/{LANGS[lang]}topics/{slug}/", {"width": 800, "height": 1000})
        try:
            table = page.locator(f"#figure-{figure.id} details.hk-figure-data table")
            assert not table.is_visible()
            page.emulate_media(media="print")
            assert table.is_visible(), f"{slug}: the table is not printed"
            assert " ".join(word.split()[:3]) in " ".join(table.inner_text().split())
            assert not page.locator(f"#figure-{figure.id} details.hk-figure-data > summary").is_visible()
            page.emulate_media(media="screen")
            assert not table.is_visible()
        finally:
            context.close()


# ---- shared links ---------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "locale", "other"), [("pl", "pl_PL", "en_GB"), ("en", "en_GB", "pl_PL")])
def test_shared_links_have_open_graph_tags_and_a_valid_social_card(built_site, lang, locale, other):
    from PIL import Image

    html = (built_site / LANGS[lang] / "topics" / "ethos" / "index.html").read_text(encoding="utf-8")
    meta = dict(re.findall(r'<meta (?:property|name)="((?:og|twitter):[\w:]+)" content="([^"]*)"', html))
    for key in ("og:title", "og:description", "og:url", "og:image", "og:locale", "twitter:card", "twitter:image"):
        assert meta.get(key), key
    assert meta["og:locale"] == locale and f'<meta property="og:locale:alternate" content="{other}">' in html
    assert meta["og:url"].startswith("https://") and meta["og:url"].endswith(f"{LANGS[lang]}topics/ethos/")
    card = built_site / meta["og:image"].split("/", 3)[3]
    with Image.open(card) as image:
        image.verify()
    with Image.open(card) as image:
        assert image.format == "PNG" and image.size == (1200, 630)
    title = re.search(r"<title>([^<]*)</title>", html).group(1)
    assert len(title) <= 60 and title.startswith("Typologia ETHOS" if lang == "pl" else "ETHOS")


def test_robots_txt_names_the_sitemap(built_site):
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert re.search(r"^Sitemap: https://\S+/sitemap\.xml$", robots, re.MULTILINE)


# ---- speed ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_search_index_loads_only_when_search_is_opened(page, site_url, lang):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{site_url}/{LANGS[lang]}topics/housing-first/", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert not [u for u in requests if "search_index" in u]
    page.locator("input.md-search__input").click()
    page.wait_for_function(
        "() => !/Inicjalizacja|Initializing/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    assert [u for u in requests if u.endswith(f"/{LANGS[lang]}search/search_index.json")]
