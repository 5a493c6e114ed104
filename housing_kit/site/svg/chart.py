"""Chart figures as inline SVG: columns, bars or a line, with a value axis and grid.

The numbers are grouped per language by ``format_number`` and the series take the
decks' palette slots in order, so a chart looks the same on a slide and on a page.
"""

from __future__ import annotations

import math

from markupsafe import Markup

from ...formatting import format_number
from ...models import ChartFigure, Text
from .draw import CHAR, FONT, GRID, INK, LINE, WIDTH, Label, num, rule, series_colour, svg, text, wrap


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
        out.append(f'<rect x="0" y="{num(top)}" width="14" height="14" rx="2" fill="{series_colour(i)}"></rect>')
        out.append(text(20, top + 12, series.name[lang]))
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
        out.append(rule(left, y(tick), GRID))
        out.append(text(left - 8, y(tick) + FONT * 0.35, format_number(tick, lang), "end"))
    out.append(rule(left, y(0), INK))
    for i, lines in enumerate(label_lines):
        cx = left + band * (i + 0.5)
        for j, line in enumerate(lines):
            out.append(text(cx, base + 8 + FONT + j * LINE, line, "middle"))
    count = len(figure.series)
    if figure.chart == "line":
        for s, series in enumerate(figure.series):
            colour = series_colour(s)
            points = [(left + band * (i + 0.5), y(v)) for i, v in enumerate(series.values) if v is not None]
            coords = " ".join(f"{num(px)},{num(py)}" for px, py in points)
            out.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="3"></polyline>')
            for i, v in enumerate(series.values):
                if v is None:
                    continue
                px, py = left + band * (i + 0.5), y(v)
                out.append(f'<circle cx="{num(px)}" cy="{num(py)}" r="4.5" fill="{colour}"></circle>')
                if count == 1:
                    out.append(text(px, py - 10, format_number(v, lang), "middle", "bold"))
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
                    f'<rect x="{num(x + 1)}" y="{num(y0)}" width="{num(bar_w - 2)}" height="{num(y1 - y0)}" '
                    f'fill="{series_colour(s)}"></rect>'
                )
                out.append(text(x + bar_w / 2, y(max(v, 0)) - 6, format_number(v, lang), "middle", "bold"))
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
            out.append(text(0, y - 4, line))
        y += 2
        for s, series in enumerate(figure.series):
            v = series.values[i]
            if v is not None:
                w = max(v, 0) / high * plot_w
                colour = series_colour(s)
                out.append(f'<rect x="0" y="{num(y)}" width="{num(w)}" height="{bar_h:g}" fill="{colour}"></rect>')
                out.append(text(w + 6, y + bar_h / 2 + FONT * 0.35, format_number(v, lang), weight="bold"))
            y += bar_h + 2
        y += gap
    out.append(f'<line x1="0" y1="{num(top)}" x2="0" y2="{num(y - gap)}" stroke="{INK}" stroke-width="1"></line>')
    out.append("</g>")
    return out, y - top


def chart_svg(figure: ChartFigure, lang: str, label: Label) -> Markup:
    legend, legend_h = _legend(figure, lang, 0)
    body, body_h = (_bars if figure.chart == "bar" else _columns_or_line)(figure, lang, legend_h)
    unit = figure.unit[lang] if figure.unit else ""
    if unit and figure.chart != "bar":
        body.insert(0, f'<g aria-hidden="true">{text(0, legend_h + FONT, unit)}</g>')
    return svg("chart", figure.id, figure.title[lang], describe(figure, lang, label), legend + body, legend_h + body_h)
