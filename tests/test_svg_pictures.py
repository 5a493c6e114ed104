"""Typology, ladder and list figures drawn as accessible inline SVG, with their text alternative (issue 14, part 1).

The built site: every chart, typology, ladder and list figure of every topic, in
both languages, is one ``<svg role="img">`` named by a non-empty title and
description, drawn with the figure's titles; beside it, the text alternative
holds the same values as the topic's data. The functions alone: topic text is
escaped, and long titles wrap inside their boxes. In Chromium at 390 and 1366 px:
visible, no wider than the screen, every line inside its box, legible on a phone,
axe clean.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import lxml.html
import pytest

from housing_kit.figure_kinds import FIGURE_KINDS
from housing_kit.models import LadderFigure, ListFigure, TypologyFigure
from housing_kit.site.sanitise import removed_markup, sanitise_html
from housing_kit.site.svg.ladder import ladder_svg
from housing_kit.site.svg.steps import list_svg
from housing_kit.site.svg.typology import typology_svg
from housing_kit.typography import typeset

LANGS = {"pl": "", "en": "en/"}
PICTURED = tuple(name for name, kind in FIGURE_KINDS.items() if kind.svg)  # every kind with a picture
SVG = "{http://www.w3.org/2000/svg}"


def words(text: str) -> str:
    """Text as a reader sees it, for comparing: typography applied, every run of spaces one space."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def seen(text: str, lang: str) -> str:
    return words(typeset(text, lang))


def pages(built_site, real_library):
    for lang, prefix in LANGS.items():
        for topic in real_library.topics:
            path = built_site / prefix / "topics" / topic.slug / "index.html"
            yield lang, topic, lxml.html.fromstring(path.read_text(encoding="utf-8"))


def test_the_real_topics_have_every_kind_drawn_here(real_library):
    kinds = {figure.kind for topic in real_library.topics for figure in topic.figures}
    assert {"typology", "ladder", "list"} <= kinds


def test_every_pictured_figure_is_an_svg_image_with_a_title_and_a_description(built_site, real_library):
    count = 0
    for lang, topic, doc in pages(built_site, real_library):
        for figure in topic.figures:
            if figure.kind not in PICTURED:
                continue
            where = f"{topic.slug}/{figure.id} ({lang})"
            svgs = doc.xpath(f'//figure[@id="figure-{figure.id}"]//svg')
            assert len(svgs) == 1, f"{where}: {len(svgs)} pictures"
            svg = svgs[0]
            assert svg.get("role") == "img", where
            base = f"{figure.kind}-{figure.id}"
            assert svg.get("aria-labelledby") == f"{base}-t {base}-d", where
            title, desc = svg.find("title"), svg.find("desc")
            assert title is not None and title.get("id") == f"{base}-t", where
            assert desc is not None and desc.get("id") == f"{base}-d", where
            assert words(title.text_content()) == seen(figure.title[lang], lang), where
            assert words(desc.text_content()), where
            assert svg.xpath(".//g[@aria-hidden='true']"), where  # the drawing itself is hidden from AT
            count += 1
    assert count >= 2 * 14


def _drawn(svg) -> str:
    """The words drawn in the picture, box by box."""
    return " | ".join(" ".join(t.text_content() for t in g.iter("text")) for g in svg.iter("g"))


def test_the_pictures_and_descriptions_name_every_step_category_and_item(built_site, real_library):
    for lang, topic, doc in pages(built_site, real_library):
        for figure in topic.figures:
            if not isinstance(figure, TypologyFigure | LadderFigure | ListFigure):
                continue
            svg = doc.xpath(f'//figure[@id="figure-{figure.id}"]//svg')[0]
            desc, drawn = words(svg.find("desc").text_content()), words(_drawn(svg))
            if isinstance(figure, LadderFigure):
                names = [(str(s.step), s.title[lang]) for s in figure.steps]
            elif isinstance(figure, TypologyFigure):
                names = [(c.code, c.name[lang]) for g in figure.groups for c in g.categories]
                names += [("", g.name[lang]) for g in figure.groups]
            else:
                names = [
                    (str(i) if figure.numbered else "", item.title[lang]) for i, item in enumerate(figure.items, 1)
                ]
            position = -1
            for number, name in names:
                assert seen(name, lang) in desc, (topic.slug, lang, name)
                assert f"{number} {seen(name, lang)}".strip() in drawn, (topic.slug, lang, name)
            for number, name in names[: len(figure.steps) if isinstance(figure, LadderFigure) else 0]:
                at = desc.find(f"{number} – {seen(name, lang)}")  # the steps in order, lowest first
                assert at > position, (topic.slug, lang, name)
                position = at


def test_the_text_alternative_holds_the_topic_data(built_site, real_library):
    checked = set()
    for lang, topic, doc in pages(built_site, real_library):
        for figure in topic.figures:
            block = doc.xpath(f'//figure[@id="figure-{figure.id}"]')
            if isinstance(figure, LadderFigure):
                rows = block[0].xpath('.//details[@class="hk-figure-data"]//tbody/tr')
                assert [words(r.xpath("./th")[0].text_content()) for r in rows] == [
                    f"{s.step} {seen(s.title[lang], lang)}" for s in figure.steps
                ]
                assert [[words(td.text_content()) for td in r.xpath("./td")] for r in rows] == [
                    [seen(s.description[lang], lang), seen(s.indicator[lang], lang)] for s in figure.steps
                ]
            elif isinstance(figure, TypologyFigure):
                table = block[0].xpath('.//details[@class="hk-figure-data"]//table')[0]
                heads = [words(th.text_content()) for th in table.xpath('.//th[@scope="rowgroup"]')]
                expected = []
                for group in figure.groups:
                    expected.append(seen(f"{figure.levels[0][lang]}: {group.name[lang]}", lang))
                    expected += [seen(f"{c.code}. {c.name[lang]}", lang) for c in group.categories]
                assert heads == expected
                cells = [words(td.text_content()) for td in table.xpath(".//tbody/tr/td[1]")]
                situations = [s for g in figure.groups for c in g.categories for s in c.situations]
                assert cells == [seen(f"{s.code} {s.name[lang]}", lang) for s in situations]
            elif isinstance(figure, ListFigure):
                items = block[0].xpath(f'./{"ol" if figure.numbered else "ul"}[@class="hk-items"]/li')
                assert [words(li.text_content()) for li in items] == [
                    seen(i.title[lang] + (f" – {i.text[lang]}" if i.text else ""), lang) for i in figure.items
                ]
            else:
                continue
            checked.add(figure.kind)
    assert checked == {"typology", "ladder", "list"}


# ---- the functions alone --------------------------------------------------------------------

HOSTILE = '<script>alert("x")</script> & \'quoted\' "titles"'
LONG = " ".join(["Osoby", "zagrożone", "długotrwałym", "wykluczeniem", "mieszkaniowym", "i", "bezdomnością"] * 4)
LONG_WORD = "Zusammengesetztwohnungslosenhilfeeinrichtungsverwaltungsvorschriftennummer"


def _text(value: str) -> dict:
    return {"pl": value, "en": value}


def _ladder(title: str) -> LadderFigure:
    steps = [{"step": n, "title": _text(title), "description": _text("d"), "indicator": _text("i")} for n in range(8)]
    return LadderFigure.model_validate(
        {"id": "l", "kind": "ladder", "title": _text(HOSTILE), "notes": _text("n"), "steps": steps}
    )


def _typology(name: str) -> TypologyFigure:
    groups = [
        {"name": _text(name), "categories": [{"code": str(g * 2 + k), "name": _text(name)} for k in (1, 2)]}
        for g in range(4)
    ]
    return TypologyFigure.model_validate(
        {
            "id": "t",
            "kind": "typology",
            "title": _text(HOSTILE),
            "notes": _text("n"),
            "levels": [_text("A"), _text("B"), _text("C")],
            "groups": groups,
        }
    )


def _list(title: str, numbered: bool = True) -> ListFigure:
    return ListFigure.model_validate(
        {
            "id": "s",
            "kind": "list",
            "numbered": numbered,
            "title": _text(HOSTILE),
            "notes": _text("n"),
            "items": [{"title": _text(title), "text": _text("t")}, {"title": _text(title)}],
        }
    )


PICTURES = {
    "ladder": lambda title: ladder_svg(_ladder(title), "pl", lambda key: "Krok"),
    "typology": lambda title: typology_svg(_typology(title), "pl", lambda key: key),
    "list": lambda title: list_svg(_list(title), "pl", lambda key: key),
    "bullets": lambda title: list_svg(_list(title, numbered=False), "en", lambda key: key),
}


@pytest.mark.parametrize("kind", PICTURES)
def test_topic_text_is_escaped_and_survives_the_sanitiser(kind):
    svg = str(PICTURES[kind](HOSTILE))
    assert "<script" not in svg and "&lt;script&gt;" in svg
    assert "&amp;" in svg and "&quot;" in svg and "&#x27;" in svg
    root = ET.fromstring(svg)  # well-formed: nothing the text said became markup
    assert root.find(f"{SVG}title").text == HOSTILE
    assert HOSTILE in root.find(f"{SVG}desc").text
    assert removed_markup(svg) == []
    assert sanitise_html(svg).count("<") == svg.count("<")


def _boxes(svg: str):
    """Each drawn box (the first rect of a ``g``) with its lines: (box, [(x, text, size, bold, anchor)])."""
    root = ET.fromstring(svg)
    for g in root.iter(f"{SVG}g"):
        rect = g.find(f"{SVG}rect")
        box = tuple(float(rect.get(k)) for k in ("x", "y", "width", "height"))
        lines = [
            (
                float(t.get("x")),
                float(t.get("y")),
                t.text,
                float(t.get("font-size")),
                t.get("font-weight") == "bold",
                t.get("text-anchor"),
            )
            for t in g.iter(f"{SVG}text")
        ]
        yield box, lines


@pytest.mark.parametrize("kind", PICTURES)
@pytest.mark.parametrize("title", [LONG, LONG_WORD])
def test_long_titles_wrap_inside_their_boxes(kind, title):
    svg = str(PICTURES[kind](title))
    height = float(ET.fromstring(svg).get("height"))
    wrapped = 0
    for (x, y, w, h), lines in _boxes(svg):
        assert x >= 0 and x + w <= 520 and y >= 0 and y + h <= height
        texts = [line for line in lines if len(line[2]) > 3]  # the titles, not the numbers
        wrapped = max(wrapped, len(texts))
        for left, base, content, size, bold, anchor in lines:
            width = len(content) * size * 0.56 * (1.06 if bold else 1)  # as wrap reckons it
            start = left - width / 2 if anchor == "middle" else left
            assert start >= x and start + width <= x + w + 0.5, (content, start + width, x + w)
            assert y < base - size * 0.7 and base + size * 0.25 <= y + h, (content, base, y, h)
        drawn = "".join(line[2] for line in texts).replace(" ", "").replace("\u00a0", "")
        if texts:
            assert drawn == title.replace(" ", "") or kind == "typology"  # typology boxes hold a whole group
    assert wrapped >= (3 if title == LONG else 2)  # the long title took several lines


def test_a_polish_one_letter_word_stays_with_the_next():
    svg = str(list_svg(_list(LONG), "pl", lambda key: key))
    for _, lines in _boxes(svg):
        for line in lines:
            assert not re.search(r"(^|\s)[iwz]$", line[2]), line[2]


# ---- in the browser -------------------------------------------------------------------------

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}

# Every line of text in a picture, measured in the browser's own font: inside the box it is drawn in
# (the first rect of its group), and its size on screen in CSS pixels.
LINES = """() => [...document.querySelectorAll('svg.hk-svg')].flatMap(svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('g.hk-box')].flatMap(g => {
    const r = g.querySelector('rect').getBBox();
    return [...g.querySelectorAll('text')].map(t => {
      const b = t.getBBox();
      return {kind: svg.classList[1], text: t.textContent, px: parseFloat(t.getAttribute('font-size')) * scale,
              inside: b.x >= r.x - 0.5 && b.x + b.width <= r.x + r.width + 0.5
                      && b.y >= r.y - 0.5 && b.y + b.height <= r.y + r.height + 0.5};
    });
  });
})"""


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", ["ethos", "regional-monitoring", "housing-first", "measurement", "gswb", "ans"])
def test_the_pictures_fit_read_and_pass_axe(browser, site_url, real_library, lang, viewport, slug):
    from .test_phone_print import WIDER_THAN_VIEWPORT, axe_problems, open_page

    topic = real_library.find(slug)
    context, page = open_page(browser, f"{site_url}/{LANGS[lang]}topics/{slug}/", viewport)
    try:
        pictured = [f for f in topic.figures if f.kind in PICTURED]
        svgs = page.locator("figure.hk-figure svg.hk-svg[role=img]")
        assert svgs.count() == len(pictured) > 0
        for svg in svgs.all():
            svg.scroll_into_view_if_needed()
            assert svg.is_visible()
            box = svg.bounding_box()
            assert box["width"] > 300 and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
        assert page.evaluate(WIDER_THAN_VIEWPORT) == []
        lines = [line for line in page.evaluate(LINES) if line["kind"] != "hk-chart"]
        assert lines
        assert [line["text"] for line in lines if not line["inside"]] == []
        # legible on a phone: no line of these pictures under 12.5 CSS pixels
        assert min(line["px"] for line in lines) >= (12.5 if viewport is PHONE else 15)
        if slug == "ethos" and viewport is PHONE:  # the full table, opened, is stacked to fit the phone
            page.locator("#figure-ethos-typology details > summary").click()
            table = page.locator("#figure-ethos-typology .hk-scroll")
            assert table.is_visible() and table.evaluate("el => el.scrollWidth <= el.clientWidth")
        assert axe_problems(page) == []
    finally:
        context.close()
