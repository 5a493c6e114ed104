"""Chart figures drawn as accessible inline SVG, on the server, from the same data as the decks.

Each chart becomes ``<svg role="img" aria-labelledby="… …">`` with a ``<title>`` (the
figure's title) and a ``<desc>`` (the data in words), so a screen reader announces one
image with its content; the data table stays beside it as the text alternative. Nothing
here runs in the browser or loads anything: the shapes, the numbers (grouped per
language by ``format_number``) and the colours (the decks' palette) are all in the markup.
Every piece of text is escaped; the page sanitiser (sanitise.py) allows exactly the
elements and attributes written here.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape

from markupsafe import Markup

from ..formatting import format_number
from ..models import ChartFigure, Text
from ..palette import PALETTE, SERIES_SLOTS

WIDTH = 520
FONT = 14
CHAR = FONT * 0.56  # an average character's width, for wrapping labels
LINE = FONT * 1.25
INK = f"#{PALETTE['dk1']}"
GRID = "#D5D9DD"

Label = Callable[[str], str]


def _e(text: str) -> str:
    return escape(str(text), quote=True)


def _num(value: float) -> str:
    """A coordinate: short, no trailing zeros."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def series_colour(index: int) -> str:
    return f"#{PALETTE[SERIES_SLOTS[index % len(SERIES_SLOTS)]]}"


def _text(x: float, y: float, content: str, anchor: str = "start", weight: str | None = None) -> str:
    bold = f' font-weight="{weight}"' if weight else ""
    return (
        f'<text x="{_num(x)}" y="{_num(y)}" text-anchor="{anchor}" font-size="{FONT}"{bold} fill="{INK}">'
        f"{_e(content)}</text>"
    )


def _rule(x1: float, y: float, colour: str) -> str:
    """A horizontal line from ``x1`` to the right edge: a grid line or the zero line."""
    at = _num(y)
    return f'<line x1="{_num(x1)}" y1="{at}" x2="{WIDTH}" y2="{at}" stroke="{colour}" stroke-width="1"></line>'


def wrap(text: str, width: float) -> list[str]:
    """``text`` in lines of at most ``width`` units, broken between words (a long word keeps its line)."""
    most = max(4, int(width / CHAR))
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= most:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def nice_step(top: float, ticks: int = 4) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) dividing 0..top into about ``ticks`` parts."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10.0 ** math.floor(math.log10(raw))
    return next(float(m * power) for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def _category(cat: int | Text, lang: str) -> str:
    return str(cat) if isinstance(cat, int) else cat[lang]


def describe(figure: ChartFigure, lang: str, label: Label) -> str:
    """The chart's data in words: the kind of chart, then each series with every value."""
    unit = f" ({figure.unit[lang]})" if figure.unit else ""
    cats = [_category(c, lang) for c in figure.categories]
    parts = [f"{label('chart_' + figure.chart)}{unit}."]
    for series in figure.series:
        pairs = "; ".join(f"{c}: {format_number(v, lang)}" for c, v in zip(cats, series.values, strict=True))
        parts.append(f"{series.name[lang]} – {pairs}.")
    return " ".join(parts)


def _legend(figure: ChartFigure, lang: str, y: float) -> tuple[list[str], float]:
    """Swatches and names of the series, one per line, when there is more than one; the height used."""
    if len(figure.series) < 2:
        return [], 0.0
    out = ['<g aria-hidden="true">']
    for i, series in enumerate(figure.series):
        top = y + i * (LINE + 4)
        out.append(f'<rect x="0" y="{_num(top)}" width="14" height="14" rx="2" fill="{series_colour(i)}"></rect>')
        out.append(_text(20, top + 12, series.name[lang]))
    out.append("</g>")
    return out, len(figure.series) * (LINE + 4) + 8


def _values(figure: ChartFigure) -> list[float]:
    return [v for s in figure.series for v in s.values if v is not None]


def _scale(figure: ChartFigure) -> tuple[float, float, float]:
    """The axis: lowest and highest value shown and the step between grid lines."""
    values = _values(figure) or [0.0]
    low, high = min(0.0, min(values)), max(0.0, max(values))
    step = nice_step(high - low)
    return math.floor(low / step) * step, math.ceil(high / step) * step or step, step


def _columns_or_line(figure: ChartFigure, lang: str, top: float) -> tuple[list[str], float]:
    """Vertical columns (or a line) over the categories, a value axis with grid lines on the left."""
    low, high, step = _scale(figure)
    left = max(len(format_number(t, lang)) for t in (low, high)) * CHAR * 1.2 + 14
    plot_w = WIDTH - left
    n = len(figure.categories)
    band = plot_w / n
    label_lines = [wrap(_category(c, lang), band - 6) for c in figure.categories]
    if figure.chart == "line" and n > 8:  # only every k-th year fits under a long line
        label_lines = [lines if i % math.ceil(n / 8) == 0 else [] for i, lines in enumerate(label_lines)]
    under = max(len(lines) for lines in label_lines) * LINE + 8
    plot_top, plot_h = top + LINE + 12, 220.0  # the unit's line above the top grid line
    base = plot_top + plot_h

    def y(v: float) -> float:
        return base - (v - low) / (high - low) * plot_h

    out = ['<g aria-hidden="true">']
    ticks = round((high - low) / step)
    for k in range(ticks + 1):
        tick = low + k * step
        out.append(_rule(left, y(tick), GRID))
        out.append(_text(left - 8, y(tick) + FONT * 0.35, format_number(tick, lang), "end"))
    out.append(_rule(left, y(0), INK))
    for i, lines in enumerate(label_lines):
        cx = left + band * (i + 0.5)
        for j, line in enumerate(lines):
            out.append(_text(cx, base + 8 + FONT + j * LINE, line, "middle"))
    count = len(figure.series)
    if figure.chart == "line":
        for s, series in enumerate(figure.series):
            colour = series_colour(s)
            points = [(left + band * (i + 0.5), y(v)) for i, v in enumerate(series.values) if v is not None]
            coords = " ".join(f"{_num(px)},{_num(py)}" for px, py in points)
            out.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="3"></polyline>')
            for i, v in enumerate(series.values):
                if v is None:
                    continue
                px, py = left + band * (i + 0.5), y(v)
                out.append(f'<circle cx="{_num(px)}" cy="{_num(py)}" r="4.5" fill="{colour}"></circle>')
                if count == 1:
                    out.append(_text(px, py - 10, format_number(v, lang), "middle", "bold"))
    else:
        inner = band * 0.7
        bar_w = inner / count
        for s, series in enumerate(figure.series):
            for i, v in enumerate(series.values):
                if v is None:
                    continue
                x = left + band * i + (band - inner) / 2 + s * bar_w
                y0, y1 = sorted((y(0), y(v)))
                out.append(
                    f'<rect x="{_num(x + 1)}" y="{_num(y0)}" width="{_num(bar_w - 2)}" height="{_num(y1 - y0)}" '
                    f'fill="{series_colour(s)}"></rect>'
                )
                out.append(_text(x + bar_w / 2, y(max(v, 0)) - 6, format_number(v, lang), "middle", "bold"))
    out.append("</g>")
    return out, base - top + under


def _bars(figure: ChartFigure, lang: str, top: float) -> tuple[list[str], float]:
    """Horizontal bars: each category's name on its own line(s), its bars below, the value at the end."""
    values = _values(figure) or [0.0]
    high = max(max(values), 0.0) or 1.0
    room = max(len(format_number(v, lang)) for v in values) * CHAR + 12
    plot_w = WIDTH - room
    bar_h, gap = 22.0, 14.0
    out = ['<g aria-hidden="true">']
    y = top
    for i, cat in enumerate(figure.categories):
        for line in wrap(_category(cat, lang), WIDTH):
            y += LINE
            out.append(_text(0, y - 4, line))
        y += 2
        for s, series in enumerate(figure.series):
            v = series.values[i]
            if v is not None:
                w = max(v, 0) / high * plot_w
                colour = series_colour(s)
                out.append(f'<rect x="0" y="{_num(y)}" width="{_num(w)}" height="{bar_h:g}" fill="{colour}"></rect>')
                out.append(_text(w + 6, y + bar_h / 2 + FONT * 0.35, format_number(v, lang), weight="bold"))
            y += bar_h + 2
        y += gap
    out.append(f'<line x1="0" y1="{_num(top)}" x2="0" y2="{_num(y - gap)}" stroke="{INK}" stroke-width="1"></line>')
    out.append("</g>")
    return out, y - top


def chart_svg(figure: ChartFigure, lang: str, label: Label) -> Markup:
    """The chart as one ``<svg>`` element, on one line (the page is Markdown: no blank lines inside)."""
    base = f"chart-{figure.id}"
    legend, legend_h = _legend(figure, lang, 0)
    body, body_h = (_bars if figure.chart == "bar" else _columns_or_line)(figure, lang, legend_h)
    height = legend_h + body_h
    unit = figure.unit[lang] if figure.unit else ""
    if unit and figure.chart != "bar":
        body.insert(0, f'<g aria-hidden="true">{_text(0, legend_h + FONT, unit)}</g>')
    head = (
        f'<svg class="hk-chart" xmlns="http://www.w3.org/2000/svg" role="img" focusable="false" '
        f'aria-labelledby="{base}-t {base}-d" viewBox="0 -4 {WIDTH} {_num(height + 8)}" '
        f'width="{WIDTH}" height="{_num(height + 8)}">'
        f'<title id="{base}-t">{_e(figure.title[lang])}</title>'
        f'<desc id="{base}-d">{_e(describe(figure, lang, label))}</desc>'
    )
    return Markup(head + "".join(legend + body) + "</svg>")
