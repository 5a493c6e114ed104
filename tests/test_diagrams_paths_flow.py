"""Paths and flow figures: drawn in the decks as one group of native shapes, on the site as an
inline SVG with a table beside it, and refused with a clear message when incomplete."""

from __future__ import annotations

import re
from functools import cache
from html import unescape
from pathlib import Path

import pytest
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn

from housing_kit.deck import build_deck
from housing_kit.deck.draw.template import find_layouts, open_template, read_geometry
from housing_kit.deck.plan.context import Context, LayoutProblem
from housing_kit.deck.plan.paths import paths_pages
from housing_kit.deck.plan.theme import THEME
from housing_kit.errors import ContentError
from housing_kit.loader import load_topics
from housing_kit.models import FlowFigure, PathsFigure
from housing_kit.site.sanitise import removed_markup, sanitise_html
from housing_kit.site.svg.flow import flow_svg
from housing_kit.site.svg.paths import paths_svg
from housing_kit.typography import typeset

from .conftest import FIXTURES, load_real_library
from .test_deck_readback import EMU_PER_PT, _paragraphs_height, open_deck

REAL = (("housing-first", "staircase-vs-hf-paths"), ("measurement", "stock-flow-year"))


def _titles(figure) -> list[dict[str, str]]:
    """The stage or part titles a reader must find: from the loaded model, not from this test."""
    if isinstance(figure, PathsFigure):
        return [route.name for route in figure.routes] + [s.title for r in figure.routes for s in r.stages]
    return [p.title for p in (figure.start, figure.inflow, figure.outflow, figure.end, figure.total) if p]


def _seen(text: str) -> str:
    """Text as a reader sees it: no-break spaces read as spaces."""
    return unescape(text).replace("\u00a0", " ")


def _expected(text: dict[str, str], lang: str) -> str:
    return _seen(typeset(text[lang], lang))


@cache
def _real():
    return load_real_library()


@cache
def _deck(slug: str, lang: str):
    library = _real()
    return open_deck(build_deck(library, [library.find(slug)], lang).data)


# ---------------------------------------------------------------- deck
@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize(("slug", "fid"), REAL)
def test_the_deck_draws_the_figure_as_one_described_group_of_native_shapes(slug, fid, lang):
    figure = _real().find(slug).figure(fid)
    assert isinstance(figure, PathsFigure | FlowFigure)
    prs = _deck(slug, lang)
    title = _seen(typeset(figure.title[lang], lang))
    slides = [s for s in prs.slides if _seen(s.shapes.title.text_frame.text) == title]
    assert len(slides) == 1, f"{fid}: one slide titled {title!r}"
    slide = slides[0]
    groups = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.GROUP]
    assert len(groups) == 1
    group = groups[0]
    c_nv_pr = group._element.find(".//" + qn("p:cNvPr"))
    assert c_nv_pr.get("name") == f"Figure {fid}"
    descr = _seen(c_nv_pr.get("descr") or "")
    for text in _titles(figure):
        assert _expected(text, lang) in descr, f"the alt text names {text[lang]!r}"

    children = list(group.shapes)
    written = " | ".join(_seen(c.text_frame.text) for c in children if c.has_text_frame)
    for text in _titles(figure):
        assert _expected(text, lang) in written, f"a text box carries {text[lang]!r}"
    connectors = [c for c in children if c._element.tag == qn("p:cxnSp")]
    expected_arrows = sum(len(r.stages) - 1 for r in figure.routes) if isinstance(figure, PathsFigure) else 3
    assert len(connectors) == expected_arrows
    for line in connectors:
        assert line._element.find(f".//{qn('a:tailEnd')}").get("type") == "triangle", "an arrow, with a head"

    for shape in [group, *children]:
        assert shape.left >= 0 and shape.top >= 0, shape.name
        assert shape.left + shape.width <= prs.slide_width and shape.top + shape.height <= prs.slide_height
    sizes = [int(r.get("sz")) / 100 for r in group._element.iter(qn("a:rPr"))]
    assert sizes and min(sizes) >= 16, f"figure text of at least 16 pt, got {min(sizes)}"
    # every box holds its text, measured from the saved file as the deck checks do
    for child in children:
        if not (child.has_text_frame and child.text_frame.text.strip()):
            continue
        geometry = child._element.find(f".//{qn('a:prstGeom')}")
        if geometry is not None and geometry.get("prst") == "ellipse":
            continue  # a move's number
        body_pr = child.text_frame._txBody.find(qn("a:bodyPr"))
        width = (child.width - int(body_pr.get("lIns")) - int(body_pr.get("rIns"))) / EMU_PER_PT
        height = (child.height - int(body_pr.get("tIns")) - int(body_pr.get("bIns"))) / EMU_PER_PT
        if geometry is not None and geometry.get("prst") == "roundRect":
            corner = child.adjustments[0] * min(child.width, child.height) / EMU_PER_PT * (1 - 0.5**0.5)
            width, height = width - 2 * corner, height - 2 * corner
        needed = _paragraphs_height(child.text_frame._txBody, width, False)
        assert needed <= height + 0.5, f"{child.name}: needs {needed:.1f} pt, has {height:.1f} pt"


def test_a_staircase_shows_its_moves_numbered_and_the_routes_end_on_one_level():
    figure = _real().find("housing-first").figure("staircase-vs-hf-paths")
    group = next(
        s for slide in _deck("housing-first", "en").slides for s in slide.shapes if s.name == f"Figure {figure.id}"
    )
    numbers = sorted(c.text_frame.text for c in group.shapes if c.name.startswith("Route 1 move"))
    assert numbers == [str(i) for i in range(1, len(figure.routes[0].stages))]
    last = [
        next(c for c in group.shapes if c.name == f"Route {r + 1} stage {len(route.stages)}")
        for r, route in enumerate(figure.routes)
    ]
    assert len({c.top for c in last}) == 1, "every route ends at the same height"


def test_stage_titles_too_long_for_a_slide_are_a_layout_problem():
    prs = open_template(None, THEME)
    geometry = read_geometry(prs, find_layouts(prs, "default", THEME), THEME)
    long = {"pl": "Bardzo długi tytuł etapu " * 12, "en": "A very long stage title " * 12}
    stages = [{"title": long} for _ in range(5)]
    figure = PathsFigure.model_validate(
        {
            "id": "p",
            "kind": "paths",
            "title": {"pl": "P", "en": "P"},
            "notes": {"pl": "n", "en": "n"},
            "routes": [{"name": {"pl": "A", "en": "A"}, "stages": stages}] * 3,
        }
    )
    with pytest.raises(LayoutProblem, match="too long to draw every route on one slide even at 16 pt"):
        paths_pages(Context(_real(), "en", geometry, THEME), figure, geometry.figure)


# ---------------------------------------------------------------- site
def _figure_html(html: str, fid: str) -> str:
    match = re.search(rf'<figure [^>]*id="figure-{re.escape(fid)}".*?</figure>', html, re.S)
    assert match, f"figure {fid} is not on the page"
    return match.group(0)


def _text(fragment: str) -> str:
    return _seen(re.sub(r"<[^>]+>", "", fragment)).strip()


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize(("slug", "fid"), REAL)
def test_the_page_draws_the_figure_as_an_svg_with_a_table_of_every_title(built_site, real_library, slug, fid, lang):
    figure = real_library.find(slug).figure(fid)
    prefix = built_site / "en" if lang == "en" else built_site
    block = _figure_html((prefix / "topics" / slug / "index.html").read_text(encoding="utf-8"), fid)
    svg = re.search(r"<svg [^>]*>.*?</svg>", block, re.S)
    assert svg, f"{slug}/{fid} ({lang}) has no SVG"
    svg_html = svg.group(0)
    assert 'role="img"' in svg_html
    base = f"{figure.kind}-{fid}"
    assert f'aria-labelledby="{base}-t {base}-d"' in svg_html
    title = re.search(rf'<title id="{base}-t">(.*?)</title>', svg_html, re.S)
    desc = re.search(rf'<desc id="{base}-d">(.*?)</desc>', svg_html, re.S)
    assert title and _text(title.group(1)) == _expected(figure.title, lang)
    assert desc and _text(desc.group(1))
    details = re.search(r'<details class="hk-figure-data">.*?</details>', block, re.S)
    assert details and 'class="hk-scroll"' in details.group(0), "the table, in a scroll region, in a <details>"
    table = _text(details.group(0))
    drawn = _text(" ".join(re.findall(r"<text [^>]*>(.*?)</text>", svg_html, re.S)))
    for text in _titles(figure):
        assert _expected(text, lang) in table, f"the table names {text[lang]!r}"
        assert _expected(text, lang) in _text(desc.group(1)), f"the description names {text[lang]!r}"
        # the picture wraps long titles over lines: each word is drawn
        for word in _expected(text, lang).split():
            assert word in drawn, f"{word!r} of {text[lang]!r} is drawn"


@pytest.mark.parametrize("draw", [paths_svg, flow_svg])
def test_the_svg_survives_the_sanitiser_and_escapes_text(draw):
    library = load_topics(FIXTURES / "deck")
    figure = next(f for f in library.find("diagrams-a").figures if f.kind == draw.__name__.split("_")[0])
    svg = str(draw(figure, "en", lambda key: key))
    assert "<b>" not in svg and ("&lt;b&gt;&amp;" in svg or draw is flow_svg)
    assert sanitise_html(svg).replace("viewbox", "viewBox").count("<") == svg.count("<")
    assert removed_markup(svg) == []


# ---------------------------------------------------------------- validation
SAMPLE = (FIXTURES / "minimal" / "topics" / "sample.yaml").read_text(encoding="utf-8")
ONE_ROUTE = """  - id: paths-one
    kind: paths
    title: {pl: P, en: P}
    notes: {pl: n, en: n}
    routes:
      - name: {pl: A, en: A}
        stages:
          - title: {pl: S, en: S}
"""
NO_OUTFLOW = """  - id: flow-part
    kind: flow
    title: {pl: F, en: F}
    notes: {pl: n, en: n}
    start: {title: {pl: a, en: a}, text: {pl: a, en: a}}
    inflow: {title: {pl: b, en: b}, text: {pl: b, en: b}}
    end: {title: {pl: c, en: c}, text: {pl: c, en: c}}
"""


def _problems(tmp_path: Path, figures: str) -> list[str]:
    (tmp_path / "topics").mkdir()
    (tmp_path / "mkdocs.yml").write_text((FIXTURES / "minimal" / "mkdocs.yml").read_text(encoding="utf-8"))
    text = SAMPLE.replace("glossary:", figures + "glossary:", 1)
    (tmp_path / "topics" / "sample.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_topics(tmp_path)
    return [str(p) for p in info.value.problems]


def _line(figures: str, needle: str) -> int:
    text = SAMPLE.replace("glossary:", figures + "glossary:", 1)
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.strip().startswith(needle))


def test_a_paths_figure_with_one_route_names_the_file_line_and_the_count(tmp_path):
    assert _problems(tmp_path, ONE_ROUTE) == [
        f"topics/sample.yaml:{_line(ONE_ROUTE, 'routes:')}: figures[1].routes: has 1 entry; at least 2 needed"
    ]


def test_a_flow_figure_without_its_outflow_names_the_file_line_and_the_key(tmp_path):
    assert _problems(tmp_path, NO_OUTFLOW) == [
        f"topics/sample.yaml:{_line(NO_OUTFLOW, '- id: flow-part')}: figures[1].outflow: required key is missing"
    ]
