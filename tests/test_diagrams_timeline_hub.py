"""Timeline and hub figures: native shapes on a slide, an inline SVG on the page, checked dates.

The decks are built from the real topics (gswb's timeline, ans's hub) and opened
again; the site's pages are the real build's; the loader's messages are exact.
"""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pytest
from pptx.util import Pt

from housing_kit.deck.build import build_deck
from housing_kit.errors import ContentError
from housing_kit.formatting import format_when
from housing_kit.loader import load_topics
from housing_kit.models import HubFigure, TimelineFigure
from housing_kit.site.sanitise import removed_markup
from housing_kit.site.svg.hub import hub_svg
from housing_kit.site.svg.timeline import timeline_svg

from .conftest import FIXTURES
from .test_deck_readback import _paragraphs_height, open_deck

QUOTES = str.maketrans({"„": '"', "”": '"', "“": '"', "’": "'", "\u00a0": " ", "\u202f": " "})


def norm(text: str) -> str:
    """Text as compared: typography (curly quotes, no-break spaces) undone, spaces collapsed."""
    return re.sub(r"\s+", " ", unescape(text).translate(QUOTES)).strip()


def _figures(library, kind):
    return [(t, f) for t in library.topics for f in t.figures if isinstance(f, kind)]


# ---------------------------------------------------------------- dates
def test_a_timeline_date_reads_the_same_on_the_site_and_the_slides(real_library):
    def label(key, lang):
        return real_library.label(key, lang)

    assert format_when("2009-09", label("month_names", "pl")) == "wrzesień 2009"
    assert format_when("2009-09", label("month_names", "en")) == "September 2009"
    assert format_when("2009-09", label("month_short", "pl")) == "IX 2009"
    assert format_when("2014-12", label("month_short", "en")) == "Dec 2014"
    assert format_when("2010", label("month_names", "pl")) == "2010"


# ---------------------------------------------------------------- loader
@pytest.fixture
def diagrams_project(tmp_path) -> Path:
    shutil.copy(FIXTURES / "deck" / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "topics").mkdir()
    return tmp_path


def _problems(project: Path, old: str, new: str) -> list[str]:
    text = (FIXTURES / "deck" / "topics" / "diagrams-b.yaml").read_text(encoding="utf-8")
    assert old in text
    (project / "topics" / "diagrams-b.yaml").write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_topics(project)
    return [str(p) for p in info.value.problems]


def test_a_month_that_does_not_exist_is_named_with_its_line(diagrams_project):
    assert _problems(diagrams_project, 'when: "2010"', 'when: "2009-13"') == [
        "topics/diagrams-b.yaml:39: figures[0].events[1].when: "
        "'2009-13' is not a year or a month; write it as YYYY or YYYY-MM (e.g. 2009-09)"
    ]


def test_events_out_of_date_order_are_named_with_their_line(diagrams_project):
    assert _problems(diagrams_project, 'when: "2011-05"', 'when: "2008-05"') == [
        "topics/diagrams-b.yaml:35: figures[0].events: "
        "events must be in date order: event 3 (2008-05) comes after event 2 (2010)"
    ]


# ---------------------------------------------------------------- deck
def _diagram_groups(prs):
    """(slide number, group) for every group on a figure slide: the diagrams."""
    return [(n, shape) for n, slide in enumerate(prs.slides, 1) for shape in slide.shapes if shape.shape_type == 6]


def _alt(shape) -> tuple[str, str]:
    c_nv_pr = shape._element.find(".//{*}cNvPr")
    return c_nv_pr.get("name"), c_nv_pr.get("descr") or ""


def _check_group(prs, number: int, group) -> str:
    """Checks every diagram shares; returns the text of its boxes."""
    name, descr = _alt(group)
    assert name and descr.strip(), f"slide {number}: the diagram has no name or alt text"
    texts = []
    connectors = 0
    for shape in group.shapes:
        right, bottom = shape.left + shape.width, shape.top + shape.height
        assert min(shape.left, shape.top) >= 0, f"slide {number}: {shape.name} starts off the slide"
        assert right <= prs.slide_width + 1 and bottom <= prs.slide_height + 1, f"slide {number}: {shape.name}"
        if shape._element.tag.endswith("}cxnSp"):
            connectors += 1
            continue
        if not shape.has_text_frame or not shape.text_frame.text.strip():
            continue
        texts.append(shape.text_frame.text)
        for run in (r for p in shape.text_frame.paragraphs for r in p.runs if r.text.strip()):
            assert run.font.size is not None and run.font.size >= Pt(16), f"slide {number}: {run.text!r} too small"
        body = shape.text_frame._txBody
        width = (shape.width - shape.text_frame.margin_left - shape.text_frame.margin_right) / 12700
        height = (shape.height - shape.text_frame.margin_top - shape.text_frame.margin_bottom) / 12700
        if shape._element.find(".//{*}prstGeom[@prst='roundRect']") is not None:
            width, height = width - 5, height - 5  # the rounded corners keep text this far in
        if shape._element.find(".//{*}prstGeom[@prst='ellipse']") is None:
            assert _paragraphs_height(body, width, False) <= height + 0.5, f"slide {number}: {shape.name} overflows"
    assert connectors, f"slide {number}: no arrows drawn as connectors"
    return norm("\n".join(texts))


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_gswb_timeline_is_drawn_as_native_shapes(real_library, lang):
    topic = real_library.find("gswb")
    (figure,) = [f for f in topic.figures if isinstance(f, TimelineFigure)]
    prs = open_deck(build_deck(real_library, [topic], lang).data)
    groups = [(n, g) for n, g in _diagram_groups(prs) if _alt(g)[0].startswith(f"Timeline {figure.id}")]
    assert groups, "no timeline on the slides"
    text = " ".join(_check_group(prs, n, g) for n, g in groups)
    descr = " ".join(norm(_alt(g)[1]) for _, g in groups)
    for event in figure.events:
        long = format_when(event.when, real_library.label("month_names", lang))
        short = format_when(event.when, real_library.label("month_short", lang))
        assert long in text or short in text, f"{event.when} is not on the slide"
        assert norm(event.title[lang]) in text
        assert f"{long}: {norm(event.title[lang])}" in descr
    # one arrow, the axis, per slide
    for _, group in groups:
        assert sum(s._element.tag.endswith("}cxnSp") for s in group.shapes) == 1


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_ans_hub_is_drawn_as_native_shapes(real_library, lang):
    topic = real_library.find("ans")
    (figure,) = [f for f in topic.figures if isinstance(f, HubFigure)]
    prs = open_deck(build_deck(real_library, [topic], lang).data)
    groups = [(n, g) for n, g in _diagram_groups(prs) if _alt(g)[0] == f"Hub {figure.id}"]
    assert len(groups) == 1, "a hub is one slide"
    number, group = groups[0]
    text = _check_group(prs, number, group)
    assert norm(figure.centre[lang]) in text
    for party in figure.parties:
        for value in (party.name, party.gives, party.gets):
            assert norm(value[lang]) in text
            assert norm(value[lang]) in norm(_alt(group)[1])
    arrows = [s for s in group.shapes if s._element.tag.endswith("}cxnSp")]
    assert len(arrows) == len(figure.parties)
    for arrow in arrows:  # two-headed: something flows both ways
        line = arrow._element.find(".//{*}ln")
        assert line.find("{*}headEnd") is not None and line.find("{*}tailEnd") is not None


def test_a_long_timeline_splits_and_the_fixture_hub_fits(tmp_path):
    library = load_topics(FIXTURES / "deck")
    topic = library.find("diagrams-b")
    prs = open_deck(build_deck(library, [topic], "pl").data)
    groups = _diagram_groups(prs)
    timelines = [(n, g) for n, g in groups if _alt(g)[0].startswith("Timeline project-dates")]
    assert len(timelines) == 2, "fourteen events take two slides"
    text = " ".join(_check_group(prs, n, g) for n, g in timelines)
    (figure,) = [f for f in topic.figures if isinstance(f, TimelineFigure)]
    for event in figure.events:
        assert norm(event.title["pl"]) in text
    hubs = [(n, g) for n, g in groups if _alt(g)[0] == "Hub go-between"]
    assert len(hubs) == 1
    assert "<b>co miesiąc</b>" in _check_group(prs, *hubs[0])  # shown as typed, not as markup


# ---------------------------------------------------------------- site
def _figure_html(html: str, fid: str) -> str:
    match = re.search(rf'<figure [^>]*id="figure-{re.escape(fid)}".*?</figure>', html, re.S)
    assert match, f"figure {fid} is not on the page"
    return match.group(0)


def _svg_parts(block: str, kind: str, fid: str) -> tuple[str, str]:
    svg = re.search(r"<svg [^>]*>.*?</svg>", block, re.S)
    assert svg, f"{fid} has no SVG"
    head = svg.group(0)[: svg.group(0).index(">") + 1]
    assert 'role="img"' in head
    base = f"{kind}-{fid}"
    assert f'aria-labelledby="{base}-t {base}-d"' in head
    title = re.search(rf'<title id="{base}-t">(.*?)</title>', svg.group(0), re.S)
    desc = re.search(rf'<desc id="{base}-d">(.*?)</desc>', svg.group(0), re.S)
    assert title and norm(title.group(1)), f"{fid}: empty <title>"
    assert desc and norm(desc.group(1)), f"{fid}: empty <desc>"
    return norm(title.group(1)), norm(desc.group(1))


def _rows(block: str) -> list[list[str]]:
    details = re.search(r'<details class="hk-figure-data">.*?</details>', block, re.S)
    assert details, "no <details> with the text alternative"
    assert 'class="hk-scroll" role="region"' in details.group(0)
    body = re.search(r"<tbody>(.*?)</tbody>", details.group(0), re.S)
    assert body
    return [
        [norm(re.sub(r"<[^>]+>", "", cell)) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", body.group(1), re.S)
    ]


def _page(built_site: Path, slug: str, lang: str) -> str:
    prefix = built_site / "en" if lang == "en" else built_site  # Polish is the root
    return (prefix / "topics" / slug / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_timeline_is_a_picture_with_its_events_as_a_table(built_site, real_library, lang):
    figures = _figures(real_library, TimelineFigure)
    assert figures
    for topic, figure in figures:
        block = _figure_html(_page(built_site, topic.slug, lang), figure.id)
        title, desc = _svg_parts(block, "timeline", figure.id)
        assert title == norm(figure.title[lang])
        rows = _rows(block)
        assert len(rows) == len(figure.events)
        for event, row in zip(figure.events, rows, strict=True):
            when = format_when(event.when, real_library.label("month_names", lang))
            assert row[0] == when
            assert row[1].startswith(norm(event.title[lang]))
            if event.text:
                assert norm(event.text[lang]) in row[1]
            assert f"{when}: {norm(event.title[lang]).rstrip('.')}." in desc
        assert f'<time datetime="{figure.events[0].when}">' in block


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_hub_is_a_picture_with_its_parties_as_a_table(built_site, real_library, lang):
    figures = _figures(real_library, HubFigure)
    assert figures
    for topic, figure in figures:
        block = _figure_html(_page(built_site, topic.slug, lang), figure.id)
        title, desc = _svg_parts(block, "hub", figure.id)
        assert title == norm(figure.title[lang])
        assert norm(figure.centre[lang]) in desc
        rows = _rows(block)
        expected = [[norm(p.name[lang]), norm(p.gives[lang]), norm(p.gets[lang])] for p in figure.parties]
        assert rows == expected
        for party in figure.parties:
            assert norm(party.name[lang]) in desc and norm(party.gets[lang]) in desc


def test_the_sra_table_is_gone_now_that_the_hub_shows_it(real_library):
    ans = real_library.find("ans")
    assert "sra-roles" not in [f.id for f in ans.figures]
    section = next(s for s in ans.sections if s.id == "what-is-an-sra")
    assert section.figures[0] == "sra-hub"


def test_the_pictures_escape_their_text_and_pass_the_sanitiser():
    library = load_topics(FIXTURES / "deck")
    topic = library.find("diagrams-b")
    for figure in topic.figures:
        for lang in ("pl", "en"):
            draw = timeline_svg if isinstance(figure, TimelineFigure) else hub_svg
            svg = str(draw(figure, lang, lambda key, lang=lang: library.label(key, lang)))
            assert "<b>" not in svg
            assert removed_markup(svg) == [], removed_markup(svg)
