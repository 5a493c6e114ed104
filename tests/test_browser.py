"""What a visitor does, in headless Debian Chromium: read, switch language, search, stay private."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = Path(pytest.importorskip("axe_playwright_python").__file__).with_name("axe.min.js")
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = ["", "topics/ethos/", "contact/"]


def test_both_languages_render(page, site_url):
    page.goto(f"{site_url}/topics/ethos/")
    assert page.locator("html").get_attribute("lang") == "pl"
    assert page.locator("h1").first.inner_text().strip()
    assert page.get_by_role("heading", name="Źródła").is_visible()
    page.goto(f"{site_url}/en/topics/ethos/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Sources").is_visible()
    # Material's interface follows the page's language
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "Search"


def test_language_switch_keeps_the_reader_on_the_same_page(page, site_url):
    page.goto(f"{site_url}/topics/ethos/")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{site_url}/en/topics/ethos/")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="Polski").click()
    page.wait_for_url(f"{site_url}/topics/ethos/")


def search(page, url: str, query: str) -> list[str]:
    """Type a query as a visitor does and return the result links."""
    page.goto(url, wait_until="networkidle")  # the search worker has its index
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    # Material says how many results it found (a number) or that there are none.
    page.wait_for_function(
        "() => /\\d|Brak|No matching/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    return page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")


def test_search_finds_a_polish_word_with_diacritics_in_polish_pages_only(page, site_url):
    hrefs = search(page, f"{site_url}/", "bezdomności")
    assert hrefs
    assert not [h for h in hrefs if "/en/" in h], "Polish search must not show English pages"


def test_search_without_diacritics_finds_the_same_word(page, site_url):
    hrefs = search(page, f"{site_url}/", "bezdomnosci")
    assert any("/topics/" in h for h in hrefs)


def test_search_finds_an_english_word_in_english_pages_only(page, site_url):
    hrefs = search(page, f"{site_url}/en/", "homelessness")
    assert hrefs
    assert all("/en/" in h for h in hrefs), "English search must show English pages only"


def test_no_request_leaves_the_local_server(page, site_url):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    for path in PAGES + ["en/", "en/topics/ethos/", "en/contact/"]:
        page.goto(f"{site_url}/{path}", wait_until="networkidle")
    search(page, f"{site_url}/en/", "homelessness")
    outside = [u for u in requests if not u.startswith(site_url) and not u.startswith(("data:", "blob:"))]
    assert outside == []
    assert failed == [], "no request should end in an error (e.g. a missing sitemap.xml)"


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_wcag_21_aa_violations(browser, site_url, lang, path):
    context = browser.new_context(bypass_csp=True)  # axe is injected inline; the site's policy forbids that
    page = context.new_page()
    page.goto(f"{site_url}/{lang}{path}", wait_until="networkidle")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
    context.close()
    problems = [
        f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})" for v in result["violations"]
    ]
    assert problems == []
