"""The Content-Security-Policy: no inline script runs, and the site's own scripts work under it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from housing_kit.site.csp import content_security_policy

OVERRIDES = Path(__file__).resolve().parent.parent / "housing_kit" / "site" / "overrides"
PAGES = ["", "topics/ethos/", "contact/"]
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


def material_partial(name: str) -> str:
    import material

    return (Path(material.__file__).parent / "templates" / "partials" / "javascripts" / name).read_text("utf-8")


def test_policy_forbids_inline_scripts_and_other_hosts():
    policy = content_security_policy()
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy and "base-uri 'self'" in policy


def test_policy_admits_the_forms_endpoint_and_serves_live_reload():
    assert "connect-src 'self' https://forms.example.org;" in content_security_policy("https://forms.example.org/x/y")
    assert "script-src 'self' 'unsafe-inline'" in content_security_policy(serving=True)


@pytest.mark.parametrize(
    ("partial", "ours", "expression", "replacement"),
    [
        (
            "base.html",
            "material-base.js",
            '"{{ config.extra.scope | d(base_url) }}"',
            'document.currentScript.getAttribute("data-md-scope")',
        ),
        ("content.html", "material-content.js", None, None),
    ],
)
def test_material_inline_scripts_are_served_as_the_same_code(partial, ours, expression, replacement):
    """Material's upgrades may change its inline scripts; our copies must follow."""
    scripts = re.findall(r"<script>(.*?)</script>", material_partial(partial), re.S)
    expected = scripts[-1] if expression is None else scripts[-1].replace(expression, replacement)
    code = (OVERRIDES / "assets" / "javascripts" / ours).read_text("utf-8")
    assert expected in code


@pytest.mark.slow
def test_every_page_carries_the_policy_first_in_head(built_site):
    for path in ["index.html", "en/topics/ethos/index.html", "404.html", "contact/index.html"]:
        html = (built_site / path).read_text(encoding="utf-8")
        head = html.split("<head>", 1)[1]
        assert re.match(r'\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy"', head), path
        inline = [s for s in re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html) if "application/json" not in s]
        assert inline == [], f"{path} has inline scripts"


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("lang", ["", "en/"])
def test_no_policy_violation_while_reading_and_searching(browser, site_url, lang):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        for path in PAGES:
            page.goto(f"{site_url}/{lang}{path}", wait_until="networkidle")
            assert page.evaluate("typeof __md_get") == "function", "Material's base script ran"
            assert page.evaluate("window.__csp") == [], path
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially("ETHOS", delay=20)
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        assert page.evaluate("window.__csp") == []
        assert console == []
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.slow
def test_an_inline_script_that_slipped_into_a_page_would_not_run(browser, site_url):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/en/", wait_until="networkidle")
        page.evaluate(
            """() => { const s = document.createElement('script'); s.textContent = 'window.__ran = true';
                       document.body.appendChild(s);
                       const i = document.createElement('img'); i.setAttribute('onerror', 'window.__ran = true');
                       i.src = 'data:,x'; document.body.appendChild(i); }"""
        )
        page.wait_for_timeout(300)
        assert page.evaluate("window.__ran") is None
        assert any("script-src" in v for v in page.evaluate("window.__csp"))
    finally:
        context.close()
