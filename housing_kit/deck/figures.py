"""Drawing planned figures as native, editable PowerPoint elements.

Tables become real tables (row heights as budgeted), charts real charts
with their data in an embedded workbook, ladder steps and list numbers
auto shapes. Colours are theme slots, so a branded template recolours them.
"""

from __future__ import annotations

from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.util import Emu, Pt

from .fit import Para, Span
from .ooxml import describe, mark_decorative, replace_child, scheme_colour, solid_fill
from .specs import ChartSpec, TableSpec, TextBlock
from .text import Writer

_SHAPES = {"rounded": MSO_SHAPE.ROUNDED_RECTANGLE, "oval": MSO_SHAPE.OVAL, "rect": MSO_SHAPE.RECTANGLE}
_CHARTS = {
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
}
NO_STYLE_TABLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"  # "No Style, No Grid": our cells carry their own fills


def _emu(points: float) -> Emu:
    return Emu(int(round(points * 12700)))


def _box(box):
    return _emu(box.x), _emu(box.y), _emu(box.w), _emu(box.h)


def draw(slide, shape, writer: Writer, geometry) -> None:
    if isinstance(shape, TableSpec):
        draw_table(slide, shape, writer, geometry)
    elif isinstance(shape, ChartSpec):
        draw_chart(slide, shape, writer)
    else:
        draw_block(slide, shape, writer, geometry)


# ---------------------------------------------------------------- text blocks and shapes
def draw_block(slide, block: TextBlock, writer: Writer, geometry) -> None:
    if block.shape == "text":
        shape = slide.shapes.add_textbox(*_box(block.box))
    else:
        shape = slide.shapes.add_shape(_SHAPES[block.shape], *_box(block.box))
        style = shape._element.find(qn("p:style"))
        if style is not None:  # the default style adds a theme outline and shadow
            shape._element.remove(style)
        sp_pr = shape._element.spPr
        replace_child(sp_pr, solid_fill(block.fill or "lt1", block.fill_brightness), before=("a:ln",))
        sp_pr.append(parse_xml(f"<a:ln {nsdecls('a')}><a:noFill/></a:ln>"))
        if block.shape == "rounded":
            shape.adjustments[0] = min(0.5, block.corner / min(block.box.w, block.box.h))
    describe(shape, block.name, block.descr)
    if not block.paras and not block.descr:
        mark_decorative(shape)  # a bullet mark: nothing for a screen reader to say
    inset_x = 0.0 if block.shape == "oval" else geometry.inset_x
    inset_y = 0.0 if block.shape == "oval" else geometry.inset_y
    writer.frame(
        shape.text_frame._txBody,
        block.paras,
        part=slide.part,
        inset_x=inset_x,
        inset_y=inset_y,
        anchor=block.anchor,
        colour=block.colour,
    )


# ---------------------------------------------------------------- tables
def draw_table(slide, spec: TableSpec, writer: Writer, geometry) -> None:
    """A native table; its grid, rows and cells are written as one piece of XML
    (python-pptx's cell-by-cell API costs more than the rest of the slide)."""
    frame = slide.shapes.add_table(1, len(spec.col_widths), *_box(spec.box))
    describe(frame, spec.name, spec.descr)
    tbl = frame.table._tbl
    tbl.tblPr.set("firstRow", "1")  # the first row is a header row for screen readers
    tbl.tblPr.set("bandRow", "0")
    style_id = tbl.tblPr.find(qn("a:tableStyleId"))
    if style_id is not None:
        style_id.text = NO_STYLE_TABLE
    for child in list(tbl):
        if child.tag != qn("a:tblPr"):
            tbl.remove(child)
    grid = "".join(f'<a:gridCol w="{_emu(w)}"/>' for w in spec.col_widths)
    merged = _merged_cells(spec)
    rows = []
    for r, (row, height) in enumerate(zip(spec.rows, spec.row_heights, strict=True)):
        cells = [_cell_xml(cell, (r, c), merged, spec.size, writer, slide.part, geometry) for c, cell in enumerate(row)]
        rows.append(f'<a:tr h="{_emu(height)}">{"".join(cells)}</a:tr>')
    xml = f"<a:tbl {nsdecls('a', 'r')}><a:tblGrid>{grid}</a:tblGrid>{''.join(rows)}</a:tbl>"
    tbl.extend(parse_xml(xml))


def _merged_cells(spec: TableSpec) -> dict[tuple[int, int], str]:
    """Covered cells -> their merge attributes (hMerge right of a span's origin, vMerge below it)."""
    merged = {}
    for r, row in enumerate(spec.rows):
        for c, cell in enumerate(row):
            for rr in range(r, r + cell.rows):
                for cc in range(c, c + cell.cols):
                    if (rr, cc) != (r, c):
                        flags = (' hMerge="1"' if cc > c else "") + (' vMerge="1"' if rr > r else "")
                        merged[(rr, cc)] = flags
    return merged


def _cell_xml(cell, at, merged, size: float, writer: Writer, part, geometry) -> str:
    spans = (f' gridSpan="{cell.cols}"' if cell.cols > 1 else "") + (f' rowSpan="{cell.rows}"' if cell.rows > 1 else "")
    covered = at in merged
    paras = [] if covered else [Para((Span(cell.text, bold=cell.bold),), size, align=cell.align)]
    text = writer.paragraphs_xml(paras, part=part, colour=cell.colour)
    pad_x, pad_y = _emu(geometry.cell_pad_x), _emu(geometry.cell_pad_y)
    line = scheme_colour("lt1")
    borders = "".join(f'<a:{edge} w="9525"><a:solidFill>{line}</a:solidFill></a:{edge}>' for edge in _EDGES)
    fill = scheme_colour(cell.fill or "lt1", cell.fill_brightness)
    return (
        f"<a:tc{spans}{merged.get(at, '')}><a:txBody><a:bodyPr/><a:lstStyle/>{text}</a:txBody>"
        f'<a:tcPr marL="{pad_x}" marR="{pad_x}" marT="{pad_y}" marB="{pad_y}" anchor="t">'
        f"{borders}<a:solidFill>{fill}</a:solidFill></a:tcPr></a:tc>"
    )


_EDGES = ("lnL", "lnR", "lnT", "lnB")


# ---------------------------------------------------------------- charts
def draw_chart(slide, spec: ChartSpec, writer: Writer) -> None:
    from pptx.chart.data import CategoryChartData

    data = CategoryChartData(number_format="General")
    data.categories = list(spec.categories)
    for name, values in spec.series:
        data.add_series(name, list(values))
    frame = slide.shapes.add_chart(_CHARTS[spec.chart], *_box(spec.box), data)
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
    labels.number_format = "General"
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
    values = [v for _, series in spec.series for v in series if v is not None]
    if spec.unit == "%" and values and min(values) >= 0 and max(values) <= 100:
        axis.minimum_scale, axis.maximum_scale = 0, 100  # shares: the whole is 100
    elif spec.chart != "line" and values and min(values) >= 0:
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
    chart_space = chart._chartSpace
    lang = parse_xml(f'<c:lang {nsdecls("c")} val="{writer.tag}"/>')
    replace_child(
        chart_space, lang, before=("c:roundedCorners", "c:AlternateContent", "c:style", "c:clrMapOvr", "c:chart")
    )
