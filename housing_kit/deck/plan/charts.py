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
    return str(value) if isinstance(value, int) else ctx.tr(value)


def chart_notes(ctx: Context, figure: ChartFigure) -> str:
    """The chart's numbers in words: 'Amsterdam 97 %, Copenhagen 94 %'."""
    unit = f" {ctx.tr(figure.unit)}" if figure.unit else ""
    parts = []
    for series in figure.series:
        values = ", ".join(
            f"{_category(ctx, c)} {format_number(v, ctx.lang)}{unit}"
            for c, v in zip(figure.categories, series.values, strict=True)
        )
        parts.append(f"{ctx.tr(series.name)}: {values}" if len(figure.series) > 1 or values else values)
    return join_sentences(*parts)


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
    )


def chart_pages(ctx: Context, figure: ChartFigure, area: Box) -> list[FigurePage]:
    """A chart takes one slide: the chart, and its numbers in words for the notes."""
    return [([chart_spec(ctx, figure, area)], chart_notes(ctx, figure))]
