"""Who we are and what we offer, in the built site: footer, Presentations, Contact, the logo,
and axe-core on the new pages at desktop and phone widths."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markupsafe import escape

from housing_kit.formatting import format_date
from housing_kit.loader import load_events, load_topics, public_visits
from housing_kit.typography import typeset, typeset_html

from .conftest import ROOT

pytestmark = pytest.mark.slow

LIBRARY = load_topics(ROOT)
ORG = LIBRARY.settings.organisation
AXE = Path(pytest.importorskip("axe_playwright_python").__file__).with_name("axe.min.js")
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_every_page_names_the_organisation_and_its_address_in_the_footer(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        footer = re.search(r'<p class="hk-footer-org">(.*?)</p>', html, re.S)
        assert footer, page
        assert f'<span class="hk-footer-name">{ORG.display_name}</span>' in footer.group(1)
        assert f'<a href="mailto:{ORG.email}">{ORG.email}</a>' in footer.group(1)


@pytest.mark.parametrize(("lang", "prefix"), [("pl", ""), ("en", "en/")])
def test_presentations_page_lists_the_radom_visit_with_its_report(built_site, lang, prefix):
    html = read(built_site, f"{prefix}presentations/index.html")
    [radom] = [v for v in public_visits(load_events(LIBRARY)) if v.city == "Radom"]
    date = format_date(radom.date, LIBRARY.label("months", lang))
    assert f'<time datetime="2013-11-14">{date}</time>, Radom' in html
    report = typeset_html(str(escape(radom.report[lang])), lang)  # as the plugin sets each page's text
    assert f'<p class="hk-visit-report">{report}</p>' in html
    assert f"<dd>{typeset(radom.host, lang)} (mazowieckie)</dd>" in html
    ans = LIBRARY.find("ans")
    assert f'<a href="../topics/ans/">{ans.title[lang]}</a>' in html
    other = "en" if lang == "pl" else "pl"
    assert escape(radom.report[other]) not in html


@pytest.mark.parametrize(("lang", "prefix"), [("pl", ""), ("en", "en/")])
def test_presentations_page_offers_every_topic_with_its_decks_and_the_region(built_site, lang, prefix):
    html = read(built_site, f"{prefix}presentations/index.html")
    root = "../" * (1 + bool(prefix))
    for topic in LIBRARY.topics:
        assert f'id="offer-{topic.slug}"' in html
        assert f'href="../contact/?topic={topic.slug}#request-form"' in html
        deck = f"downloads/{topic.slug}.{lang}.pptx"
        assert f'<a href="{root}{deck}" download' in html and (built_site / deck).exists()
    assert f"<strong>{typeset(ORG.region[lang], lang)}</strong>" in html
    assert "30–45" in html


def test_new_pages_are_in_the_navigation_in_both_languages(built_site):
    assert re.search(
        r'href="[./]*presentations/"[^>]*>\s*<span class="md-ellipsis">\s*Prezentacje', read(built_site, "index.html")
    )
    assert re.search(
        r'href="[./]*presentations/"[^>]*>\s*<span class="md-ellipsis">\s*Presentations',
        read(built_site, "en/index.html"),
    )


@pytest.mark.parametrize(("lang", "prefix"), [("pl", ""), ("en", "en/")])
def test_contact_and_about_pages_take_who_we_are_from_the_settings(built_site, lang, prefix):
    for page in ("contact", "about"):
        html = read(built_site, f"{prefix}{page}/index.html")
        assert '<dl class="hk-org">' in html
        assert f'<a href="mailto:{ORG.email}">{ORG.email}</a>' in html
        assert f"<dd>{typeset(ORG.region[lang], lang)}</dd>" in html
    contact = read(built_site, f"{prefix}contact/index.html")
    form = contact[contact.index('<div class="hk-request" id="request-form"') :]
    form = form[: form.index("</form>")]
    assert "<script" not in form and not re.search(r"\son[a-z]+=", form)
    assert re.search(r'<script src="[./]*assets/javascripts/request-form\.js"></script>', contact)


def test_no_hand_written_page_repeats_the_address(tmp_path):
    for page in (ROOT / "docs").glob("*.md"):
        assert ORG.email not in page.read_text(encoding="utf-8"), f"{page.name}: use <!-- hk:email --> instead"


def test_topic_pages_link_the_request_form_with_their_topic(built_site):
    html = read(built_site, "topics/gswb/index.html")
    assert re.search(r'<a class="md-button hk-request-link" href="\.\./\.\./contact/\?topic=gswb#request-form">', html)
    assert "Zamów tę prezentację" in html
    html = read(built_site, "en/topics/gswb/index.html")
    assert re.search(r'href="\.\./\.\./contact/\?topic=gswb#request-form">Request this presentation</a>', html)


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_header_logo_stands_out_against_the_header_colour(built_site):
    html = read(built_site, "index.html")
    logo = re.search(
        r'<a href="[^"]*" title="[^"]*" class="md-header__button md-logo"[^>]*>\s*<img src="([^"]+)"', html
    )
    assert logo and logo.group(1).endswith("assets/logo.svg")
    fill = re.search(r'fill="(#[0-9a-fA-F]{6})"', read(built_site, "assets/logo.svg")).group(1)
    header = re.search(r"--md-primary-fg-color:\s*(#[0-9a-fA-F]{6})", read(built_site, "assets/extra.css")).group(1)
    light, dark = sorted((_luminance(fill), _luminance(header)), reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 3, "WCAG 1.4.11: graphics need 3:1 against their background"


# ---- in the browser ------------------------------------------------------------------------


def axe_problems(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
    return [
        f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})" for v in result["violations"]
    ]


@pytest.mark.browser
@pytest.mark.parametrize("width", [1366, 390])
@pytest.mark.parametrize("path", ["contact/", "presentations/", "en/contact/", "en/presentations/"])
def test_axe_finds_no_violations_on_the_new_pages(browser, site_url, path, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)  # axe is injected inline
    page = context.new_page()
    page.goto(f"{site_url}/{path}", wait_until="networkidle")
    assert axe_problems(page) == []
    # Nothing wider than a phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", ["contact/", "en/contact/"])
def test_axe_finds_no_violations_with_the_validation_messages_shown(browser, site_url, path):
    context = browser.new_context(viewport={"width": 390, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{site_url}/{path}", wait_until="networkidle")
    page.locator("form[data-hk-request] button[type=submit]").click()
    assert page.locator(".hk-error:not([hidden])").count() >= 5
    assert axe_problems(page) == []
    context.close()
