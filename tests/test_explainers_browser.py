"""The explainers on topic pages, in headless Debian Chromium, under the site's real
Content-Security-Policy (only the axe runs bypass it, to inject axe)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = Path(pytest.importorskip("axe_playwright_python").__file__).with_name("axe.min.js")
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LANGS = {"pl": "", "en": "en/"}
NAMES = {"pl": "Polski", "en": "English"}
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def strict_page(browser):
    """A page under the site's own policy that fails the test on any CSP violation or script error."""
    context = browser.new_context(viewport=DESKTOP)
    pg = context.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    yield pg
    context.close()
    assert problems == []


def switch_language(page, other: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name=NAMES[other]).click()
    page.wait_for_load_state()


def axe_problems(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
    return [
        f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})" for v in result["violations"]
    ]


# ---- the ETHOS explorer -----------------------------------------------------------------------

ETHOS = ".hk-explainer-ethos"


def ethos_shown(page) -> tuple[str, list[str]]:
    status = page.locator(f"{ETHOS} [role=status]").inner_text()
    return status, page.locator(f"{ETHOS} .hk-ethos-results > li:visible .hk-ethos-code").all_inner_texts()


def ethos_search(page, query: str = "", group: str = "") -> tuple[str, list[str]]:
    page.select_option(f"{ETHOS} select", group)
    page.fill(f"{ETHOS} input[type=search]", query)
    return ethos_shown(page)


@pytest.mark.parametrize(
    ("lang", "query", "group", "status", "codes"),
    [
        ("pl", "", "", "Pasujące sytuacje życiowe: 24 z 24", None),
        ("pl", "bezdomnosc", "", "Pasujące sytuacje życiowe: 2 z 24", ["7.1", "7.2"]),
        ("pl", "BEZDOMNOŚĆ", "", "Pasujące sytuacje życiowe: 2 z 24", ["7.1", "7.2"]),
        ("pl", "przemoc", "", "Pasujące sytuacje życiowe: 2 z 24", ["4.1", "10.1"]),
        ("pl", "", "1", "Pasujące sytuacje życiowe: 2 z 24", ["1.1", "2.1"]),
        ("pl", "zaklady karne", "2", "Pasujące sytuacje życiowe: 1 z 24", ["6.1"]),
        ("pl", "zzzz", "", "Pasujące sytuacje życiowe: 0 z 24", []),
        ("en", "", "", "Matching living situations: 24 of 24", None),
        ("en", "hostel", "", "Matching living situations: 1 of 24", ["3.1"]),
        ("en", "", "4", "Matching living situations: 5 of 24", ["11.1", "11.2", "11.3", "12.1", "13.1"]),
        ("en", "institutions", "2", "Matching living situations: 3 of 24", ["6.1", "6.2", "6.3"]),
    ],
)
def test_the_ethos_explorer_filters_and_searches(strict_page, site_url, lang, query, group, status, codes):
    strict_page.goto(f"{site_url}/{LANGS[lang]}topics/ethos/")
    got_status, got_codes = ethos_search(strict_page, query, group)
    assert got_status == status
    if codes is not None:
        assert got_codes == codes
    assert strict_page.locator(f"{ETHOS} .hk-explainer-empty").is_visible() == (got_codes == [])


@pytest.mark.parametrize(
    ("lang", "light"),
    [("pl", "ETHOS Light 4: Osoby w\u00a0instytucjach"), ("en", "ETHOS Light 4: People living in institutions")],
)
def test_the_ethos_explorer_shows_the_ethos_light_category_beside_a_situation(strict_page, site_url, lang, light):
    strict_page.goto(f"{site_url}/{LANGS[lang]}topics/ethos/")
    _, codes = ethos_search(strict_page, "6.2")
    assert codes == ["6.2"]
    assert strict_page.locator(f"{ETHOS} .hk-ethos-results > li:visible .hk-ethos-light").inner_text() == light


def test_without_javascript_the_explorer_stays_hidden_and_the_full_table_is_there(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/topics/ethos/")
    assert page.locator(ETHOS).is_hidden()
    assert page.locator("#figure-ethos-typology tbody td").count() >= 24 * 2
    context.close()


@pytest.mark.parametrize(("lang", "other"), [("pl", "en"), ("en", "pl")])
def test_the_ethos_explorer_works_after_arriving_from_another_page_and_a_language_switch(
    strict_page, site_url, lang, other
):
    strict_page.goto(f"{site_url}/{LANGS[lang]}topics/")
    strict_page.locator('.md-content a[href$="ethos/"]').first.click()
    strict_page.wait_for_url(f"{site_url}/{LANGS[lang]}topics/ethos/")
    assert ethos_search(strict_page, "noclegownia" if lang == "pl" else "night shelter")[1] == ["2.1"]
    switch_language(strict_page, other)
    strict_page.wait_for_url(f"{site_url}/{LANGS[other]}topics/ethos/")
    assert ethos_search(strict_page, "noclegownia" if other == "pl" else "night shelter")[1] == ["2.1"]


def test_the_ethos_explorer_is_keyboard_operable(strict_page, site_url):
    strict_page.goto(f"{site_url}/en/topics/ethos/")
    strict_page.locator(f"{ETHOS} select").focus()
    strict_page.keyboard.press("ArrowDown")  # Roofless
    strict_page.keyboard.press("Tab")
    strict_page.keyboard.type("rough")
    assert ethos_shown(strict_page) == ("Matching living situations: 1 of 24", ["1.1"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_ethos_explorer_in_use_is_axe_clean(browser, site_url, lang, viewport):
    context = browser.new_context(viewport=viewport, bypass_csp=True)  # axe is injected inline
    page = context.new_page()
    page.goto(f"{site_url}/{LANGS[lang]}topics/ethos/")
    ethos_search(page, "a", "2")
    try:
        assert axe_problems(page) == []
    finally:
        context.close()
