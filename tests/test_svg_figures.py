"""Chart figures as accessible inline SVG on the topic pages, with the data table as their text alternative."""

from __future__ import annotations

import re
from html import unescape

import pytest

from housing_kit.formatting import format_number
from housing_kit.models import ChartFigure
from housing_kit.site.sanitise import removed_markup, sanitise_html
from housing_kit.site.svg.chart import chart_svg, nice_step
from housing_kit.site.svg.draw import wrap


def _charts(library):
    return [(topic, figure) for topic in library.topics for figure in topic.figures if isinstance(figure, ChartFigure)]


def _figure_html(html: str, fid: str) -> str:
    match = re.search(rf'<figure [^>]*id="figure-{re.escape(fid)}".*?</figure>', html, re.S)
    assert match, f"figure {fid} is not on the page"
    return match.group(0)


def _text(fragment: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def test_there_are_real_charts(real_library):
    assert _charts(real_library)


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_every_chart_is_an_inline_svg_with_its_table_beside_it(built_site, real_library, lang):
    for topic, figure in _charts(real_library):
        prefix = built_site / "en" if lang == "en" else built_site  # Polish is the root
        html = (prefix / "topics" / topic.slug / "index.html").read_text(encoding="utf-8")
        block = _figure_html(html, figure.id)
        svg = re.search(r"<svg [^>]*>.*?</svg>", block, re.S)
        assert svg, f"{topic.slug}/{figure.id} ({lang}) has no SVG"
        svg_html = svg.group(0)
        assert 'role="img"' in svg_html
        base = f"chart-{figure.id}"
        assert f'aria-labelledby="{base}-t {base}-d"' in svg_html
        title = re.search(rf'<title id="{base}-t">(.*?)</title>', svg_html, re.S)
        desc = re.search(rf'<desc id="{base}-d">(.*?)</desc>', svg_html, re.S)
        assert title and _text(title.group(1)), f"{topic.slug}/{figure.id}: empty <title>"
        assert desc and _text(desc.group(1)), f"{topic.slug}/{figure.id}: empty <desc>"
        assert "<script" not in svg_html and " on" not in re.sub(r"<(title|desc|text)[^>]*>.*?</\1>", "", svg_html)
        # the text alternative: the table in a <details>, with the topic's values
        details = re.search(r"<details[^>]*>.*?</details>", block, re.S)
        assert details, f"{topic.slug}/{figure.id}: no <details> with the table"
        cells = [_text(c) for c in re.findall(r'<td class="hk-num">(.*?)</td>', details.group(0), re.S)]
        width = len(figure.series)
        expected = [format_number(s.values[i], lang) for i in range(len(figure.categories)) for s in figure.series]
        assert len(cells) == len(figure.categories) * width
        assert cells == expected
        # every value is drawn in the SVG too, and named in its description
        desc_text = _text(desc.group(1))
        for value in expected:
            assert value in desc_text


def _chart(kind: str, values: list[float | None], cats: int | None = None) -> ChartFigure:
    categories = list(range(2000, 2000 + (cats or len(values))))
    return ChartFigure.model_validate(
        {
            "id": "t",
            "kind": "chart",
            "chart": kind,
            "title": {"pl": "Tytuł <b>&", "en": "Title <b>&"},
            "categories": categories,
            "series": [
                {"name": {"pl": "A", "en": "A"}, "values": values},
                {"name": {"pl": "B <i>", "en": "B <i>"}, "values": values[::-1]},
            ],
            "unit": {"pl": "osoby", "en": "people"},
            "notes": {"pl": "n", "en": "n"},
        }
    )


@pytest.mark.parametrize("kind", ["column", "bar", "line"])
def test_the_svg_survives_the_sanitiser_and_escapes_text(kind):
    svg = str(chart_svg(_chart(kind, [30330, None, 2.5, 1200]), "pl", lambda key: key))
    assert "<b>" not in svg and "<i>" not in svg and "Tytuł &lt;b&gt;&amp;" in svg
    assert "30\u00a0330" in svg and "2,5" in svg
    assert sanitise_html(svg).replace("viewbox", "viewBox").count("<") == svg.count("<")
    assert removed_markup(svg) == []
    assert 'viewBox="' in sanitise_html(svg)


def test_the_sanitiser_strips_handlers_scripts_and_links_inside_an_svg():
    dirty = (
        '<svg role="img" viewBox="0 0 10 10" onload="alert(1)" style="fill:red">'
        '<title id="x">T</title><script>alert(2)</script>'
        '<a href="javascript:alert(3)"><rect x="1" y="1" width="2" height="2" onclick="alert(4)"></rect></a>'
        '<use href="#x"></use><foreignObject><p>f</p></foreignObject></svg>'
    )
    clean = sanitise_html(dirty)
    assert "<svg" in clean and "<rect" in clean and "<title" in clean
    for bad in ("onload", "onclick", "alert", "<script", "href", "style", "<use", "foreignObject"):
        assert bad not in clean, bad


def test_helpers():
    assert nice_step(31042) == 10000 and nice_step(97) == 25 and nice_step(0) == 1
    assert wrap("Prevalence over a year", 80) == ["Prevalence", "over a", "year"]
