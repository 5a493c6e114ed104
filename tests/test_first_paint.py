"""What holds up the first paint on a phone (issue 11, item 7): only the screen stylesheets.
No script loads in <head>, the print stylesheet loads for print only, and Material's scripts
(served as files) still run before its bundle, in Material's order."""

from __future__ import annotations

import re

import lxml.html
import pytest

pytestmark = pytest.mark.slow

PAGES = ["index.html", "topics/housing-first/index.html", "en/topics/ethos/index.html", "404.html", "en/404.html"]


@pytest.mark.parametrize("path", PAGES)
def test_only_screen_stylesheets_hold_up_the_first_paint(built_site, path):
    doc = lxml.html.fromstring((built_site / path).read_text(encoding="utf-8"))
    head = doc.find("head")
    assert head.xpath(".//script[@src]") == [], path
    print_css = head.xpath('.//link[@rel="stylesheet"][contains(@href, "print.css")]')
    assert [link.get("media") for link in print_css] == ["print"], path
    blocking = [link.get("href") for link in head.xpath('.//link[@rel="stylesheet"]') if link.get("media") != "print"]
    assert blocking and not any("print" in href for href in blocking), path
    scripts = [re.sub(r"^.*/", "", s.get("src")) for s in doc.xpath("//body//script[@src]")]
    bundle = next(i for i, name in enumerate(scripts) if name.startswith("bundle."))
    assert scripts[:bundle] == ["material-base.js", "material-content.js", "hk-lazy-search.js"], path
    assert "hk-tooltips.js" in scripts[bundle:], path


PAGE_SCRIPTS = {"request-form.js", "hk-ethos-explorer.js", "hk-stock-flow.js", "hk-self-assessment.js"}


@pytest.mark.parametrize(
    ("path", "needed"),
    [
        ("index.html", set()),
        ("en/topics/housing-first/index.html", set()),
        ("404.html", set()),
        ("en/404.html", set()),
        ("contact/index.html", {"request-form.js"}),
        ("en/contact/index.html", {"request-form.js"}),
        ("topics/ethos/index.html", {"hk-ethos-explorer.js"}),
        ("en/topics/measurement/index.html", {"hk-stock-flow.js"}),
        ("topics/regional-monitoring/index.html", {"hk-self-assessment.js"}),
    ],
)
def test_a_page_loads_only_the_page_scripts_it_uses(built_site, path, needed):
    doc = lxml.html.fromstring((built_site / path).read_text(encoding="utf-8"))
    scripts = {re.sub(r"^.*/", "", s.get("src")) for s in doc.xpath("//script[@src]")}
    assert scripts & PAGE_SCRIPTS == needed, path
    assert {"hk-page.js", "hk-tooltips.js"} <= scripts, path  # what every page uses stays
