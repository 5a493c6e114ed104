"""Hostile topic text (script tags, event handlers, javascript: links, attribute lists)
never reaches the built site as active content, wherever the text is shown."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from housing_kit.cli import main
from housing_kit.site.build import build_site
from housing_kit.site.sanitise import removed_markup, sanitise_html

from .conftest import FIXTURES, ROOT, copy_project

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
JS_LINK = "[click](javascript:alert(3))"
ATTR_LIST = '{: onclick="alert(4)" }'
PAYLOAD = f"{SCRIPT} {IMG} {JS_LINK} {ATTR_LIST}"


BODY = (
    f"Body [@src-a]. {PAYLOAD}\n{ATTR_LIST}\n\n## Heading {IMG} {ATTR_LIST}\n\n"
    "<a href='javascript:alert(5)' onmouseover='alert(6)'>x</a>\n\n<iframe src='https://evil.example'></iframe>"
)


def hostile_topic() -> str:
    """The sample topic with every payload in a title, summary, body, section title, glossary term and definition."""
    topic = yaml.safe_load((FIXTURES / "minimal" / "topics" / "sample.yaml").read_text(encoding="utf-8"))
    for lang in ("pl", "en"):
        topic["title"][lang] += " " + PAYLOAD
        topic["summary"][lang] += " " + PAYLOAD
        topic["sections"][0]["title"][lang] += " " + PAYLOAD
        topic["sections"][0]["body"][lang] = BODY
        topic["glossary"][0]["term"][lang] += " " + PAYLOAD
        topic["glossary"][0]["definition"][lang] += " " + PAYLOAD
        topic["figures"][0]["title"][lang] += " " + PAYLOAD
    return yaml.safe_dump(topic, allow_unicode=True, sort_keys=False)


class ActiveContent(HTMLParser):
    """Everything in a page that could run code: scripts of our own excepted."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "script" and not (values.get("src", "").endswith(".js") or values.get("type") == "application/json"):
            self.found.append(f"<script {values}>")
        if tag in ("iframe", "object", "embed", "base", "form") and tag != "form":
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{name}= on <{tag}>")
            if name in ("href", "src", "action", "formaction") and re.match(
                r"\s*(javascript|data|vbscript):", value or "", re.I
            ):
                self.found.append(f"{name}={value} on <{tag}>")

    handle_startendtag = handle_starttag


def active_content(html: str) -> list[str]:
    parser = ActiveContent()
    parser.feed(html)
    return parser.found


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("hostile") / "p", topics=FIXTURES / "minimal" / "topics")
    (root / "topics" / "sample.yaml").write_text(hostile_topic(), encoding="utf-8")
    return build_site(root, decks=False)


@pytest.mark.slow
def test_no_active_content_in_any_built_page(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 10
    found = {p.relative_to(hostile_site).as_posix(): active_content(p.read_text(encoding="utf-8")) for p in pages}
    assert {page: items for page, items in found.items() if items} == {}


@pytest.mark.slow
def test_the_payloads_are_shown_as_text_where_plain_text_is_expected(hostile_site):
    html = (hostile_site / "en" / "topics" / "sample" / "index.html").read_text(encoding="utf-8")
    assert "<h1 id=" in html and "Sample topic &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<title>Sample topic &lt;script&gt;" in html
    assert not re.search(r"<h[1-6][^>]*\sonclick\s*=", html)
    home = (hostile_site / "en" / "index.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(2)&gt;" in home  # the topic card
    description = re.search(r'<meta name="description" content="([^"]*)"', html).group(1)
    assert "<" not in description


@pytest.mark.slow
def test_search_index_carries_no_markup_from_topics(hostile_site):
    for index in (hostile_site / "search" / "search_index.json", hostile_site / "en" / "search" / "search_index.json"):
        docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
        for doc in docs:
            assert "<script" not in doc["title"] + doc["text"]
            assert "<img" not in doc["title"] + doc["text"]


def test_sanitiser_keeps_the_sites_own_markup():
    own = (
        '<h2 id="x">T<a class="headerlink" href="#x" title="#">#</a></h2>'
        '<figure class="hk-figure" id="figure-a">'
        '<div class="hk-table-wrap" role="region" aria-labelledby="c" tabindex="0">'
        '<table><caption id="c">C</caption><tbody><tr><th scope="row" rowspan="2">a</th>'
        '<td class="hk-num"><span class="hk-bar" style="--hk-bar:50.0%"></span>1</td></tr></tbody></table>'
        "</div></figure>"
        '<p><sup class="hk-cite"><a href="#source-1" aria-label="Source 1">[1]</a></sup>'
        '<time datetime="2026-11-20">20</time> <cite lang="pl">T</cite> '
        '<a href="https://example.org/a" hreflang="pl">u</a>'
        ' <a href="mailto:a@example.org">m</a> <a href="../../downloads/x.pl.pptx" download="" type="a/b">d</a></p>'
        '<dl><dt>t</dt><dd>d</dd></dl><details open=""><summary>s</summary>b</details>'
    )
    assert sanitise_html(own) == own


@pytest.mark.parametrize(
    ("html", "removed"),
    [
        ("<p>a<script>alert(1)</script></p>", "<script>"),
        ('<p onclick="alert(1)">a</p>', "onclick= on <p>"),
        ('<a href="javascript:alert(1)">a</a>', "a javascript: link on <a>"),
        ('<a href="java\tscript:alert(1)">a</a>', "a javascript: link on <a>"),
        ('<img src="x" onerror="alert(1)">', "onerror= on <img>"),
        ('<p style="position: fixed">a</p>', "style= on <p>"),
        ("<svg><script>alert(1)</script></svg>", "<script>"),  # charts are SVG: the svg stays, its script goes
    ],
)
def test_sanitiser_removes_active_content_and_names_it(html, removed):
    assert removed in removed_markup(html)
    assert active_content(sanitise_html(html)) == []
    assert "alert" not in sanitise_html(html).replace("alert(1)</p>", "")


def test_check_warns_about_raw_html_with_file_and_line_and_exits_0(tmp_path, capsys):
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))  # its Markdown extensions
    (tmp_path / "topics").mkdir()
    text = (FIXTURES / "minimal" / "topics" / "sample.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "en: Body text with a citation [@src-a].", 'en: "Body [@src-a]. <script>x</script>\\n{: onclick=\\"y\\" }"'
    )
    (tmp_path / "topics" / "sample.yaml").write_text(text, encoding="utf-8")
    assert main(["--root", str(tmp_path), "check"]) == 0
    err = capsys.readouterr().err
    assert (
        "warning: topics/sample.yaml:15: sections[0].body.en: the site removes onclick= on <p>, <script> "
        "(raw HTML and attribute lists may not run code or load anything)\n"
    ) in err
