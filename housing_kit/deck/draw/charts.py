"""Native charts drawn as planned, their data in an embedded workbook."""

from __future__ import annotations

import datetime as dt

from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.util import Pt

from ..plan.specs import ChartSpec
from ..units import box_emu
from .ooxml import describe, replace_child
from .text import Writer

_CHARTS = {
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
}


def number_format(lang: str) -> str:
    """How labels and the axis write numbers, as formatting.format_number does: grouped
    from 10,000 up, with a no-break space in Polish (a literal, so every viewer
    shows it whatever its own locale), a comma in English."""
    separator = "," if lang == "en" else '"\u00a0"'
    return f"[>=10000]#{separator}##0;General"


def draw_chart(slide, spec: ChartSpec, writer: Writer) -> None:
    from pptx.chart.data import CategoryChartData

    data = CategoryChartData(number_format="General")
    if spec.years:  # uneven years on a date axis, so the gaps show
        data.categories = [dt.date(year, 1, 1) for year in spec.years]
        data.categories.number_format = "yyyy"
    else:
        data.categories = list(spec.categories)
    for name, values in spec.series:
        data.add_series(name, list(values))
    frame = slide.shapes.add_chart(_CHARTS[spec.chart], *box_emu(spec.box), data)
    describe(frame, spec.name, spec.descr)
    chart = frame.chart
    chart.font.size = Pt(spec.size)
    chart.font.name = writer.font
    chart.has_title = False
    chart.has_legend = len(spec.series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    plot = chart.plots[0]
    plot.vary_by_categories = False
    if spec.chart != "line":
        plot.gap_width = 60
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = number_format(spec.lang)
    labels.number_format_is_linked = False
    labels.position = XL_LABEL_POSITION.ABOVE if spec.chart == "line" else XL_LABEL_POSITION.OUTSIDE_END
    labels.font.size = Pt(spec.size)
    labels.font.bold = True
    axis = chart.value_axis
    axis.has_major_gridlines = True
    gridlines = axis.major_gridlines.format.line.color
    gridlines.theme_color = MSO_THEME_COLOR.TEXT_1
    gridlines.brightness = 0.85
    axis.format.line.fill.background()
    axis.tick_labels.font.size = Pt(spec.size - 2)
    axis.tick_labels.number_format = number_format(spec.lang)
    axis.tick_labels.number_format_is_linked = False
    known: list[float] = [v for _, series in spec.series for v in series if v is not None]
    if spec.unit == "%" and known and min(known) >= 0 and max(known) <= 100:
        axis.minimum_scale, axis.maximum_scale = 0, 100  # shares: the whole is 100
    elif spec.chart != "line" and known and min(known) >= 0:
        # Bars start at zero: LibreOffice otherwise cuts the axis near the smallest
        # value, and a 15 % rise is drawn as a tripling.
        axis.minimum_scale = 0
    if spec.unit:
        axis.has_title = True
        axis.axis_title.text_frame.text = spec.unit
        axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(spec.size - 2)
    categories = chart.category_axis
    categories.tick_labels.font.size = Pt(spec.size)
    if spec.chart == "bar":  # first category on top, as it is read
        categories.reverse_order = True
        # the value axis crosses the reversed category axis at its last category,
        # which is now at the bottom: the axis stays below the bars, where it is read.
        # (Written directly: python-pptx 1.0's `crosses` setter leaves autoZero in place.)
        chart.value_axis._element.find(qn("c:crosses")).set("val", "max")
    if spec.years:
        _years_as_time(chart._chartSpace)
    chart_space = chart._chartSpace
    lang = parse_xml(f'<c:lang {nsdecls("c")} val="{writer.tag}"/>')
    replace_child(
        chart_space, lang, before=("c:roundedCorners", "c:AlternateContent", "c:style", "c:clrMapOvr", "c:chart")
    )


def _years_as_time(chart_space) -> None:
    """A date axis counted in years, one tick a year: 2019 → 2024 takes five steps."""
    date_ax = chart_space.find(f".//{qn('c:dateAx')}")
    date_ax.find(qn("c:baseTimeUnit")).set("val", "years")
    base = date_ax.find(qn("c:baseTimeUnit"))
    base.addnext(parse_xml(f'<c:majorTimeUnit {nsdecls("c")} val="years"/>'))
    base.addnext(parse_xml(f'<c:majorUnit {nsdecls("c")} val="1"/>'))
