"""Charts planned: the figure's data in the deck's language, and the same numbers in words.

The numbers in words go into the speaker notes and the chart's alt text,
so the deck is usable when the chart cannot be seen.
"""

from __future__ import annotations

from ...formatting import format_number
from ...models import ChartFigure
from .context import Context
from .geometry import Box
from .specs import ChartSpec, FigurePage
from .wording import join_sentences


def _category(ctx: Context, value) -> str:
    return str(value) if isinstance(value, int) else ctx.tr(value)  # years: never grouped


def chart_notes(ctx: Context, figure: ChartFigure) -> str:
    """The chart's numbers in words: 'Amsterdam 97 %, Copenhagen 94 %'."""
    unit = f"\u00a0{ctx.tr(figure.unit)}" if figure.unit else ""
    parts = []
    for series in figure.series:
        values = ", ".join(
            f"{_category(ctx, c)} {format_number(v, ctx.lang)}{unit}"
            for c, v in zip(figure.categories, series.values, strict=True)
        )
        parts.append(f"{ctx.tr(series.name)}: {values}" if len(figure.series) > 1 or values else values)
    return ctx.text(join_sentences(*parts))


def uneven_years(figure: ChartFigure) -> bool:
    """Whether the categories are years with unequal gaps (2013, 2015, 2017, 2019, 2024):
    drawn evenly, such a series would misstate how fast things changed."""
    years = [y for y in figure.categories if isinstance(y, int)]
    if len(years) < 3 or len(years) != len(figure.categories):
        return False
    return len({b - a for a, b in zip(years, years[1:], strict=False)}) > 1


def chart_spec(ctx: Context, figure: ChartFigure, area: Box) -> ChartSpec:
    categories = tuple(_category(ctx, c) for c in figure.categories)
    return ChartSpec(
        box=area,
        chart=figure.chart,
        categories=categories,
        series=tuple((ctx.tr(s.name), tuple(s.values)) for s in figure.series),
        unit=ctx.tr(figure.unit) or None,
        size=ctx.theme.type.chart.pt,
        name=f"Chart: {figure.id}",
        descr=join_sentences(ctx.tr(figure.title), chart_notes(ctx, figure)),
        lang=ctx.lang,
        # a line over uneven years goes on a date axis; columns get a caption line instead (figures.py)
        years=tuple(y for y in figure.categories if isinstance(y, int))
        if figure.chart == "line" and uneven_years(figure)
        else (),
    )


def chart_pages(ctx: Context, figure: ChartFigure, area: Box) -> list[FigurePage]:
    """A chart takes one slide: the chart, and its numbers in words for the notes."""
    return [([chart_spec(ctx, figure, area)], chart_notes(ctx, figure))]
