"""Native tables drawn as planned: the grid, rows and cells written as one piece of XML."""

from __future__ import annotations

from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn

from ..plan.fit import Para, Span
from ..plan.geometry import Geometry
from ..plan.specs import TableSpec
from ..units import box_emu, emu
from .ooxml import describe, scheme_colour
from .text import Writer

NO_STYLE_TABLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"  # "No Style, No Grid": our cells carry their own fills


def draw_table(slide, spec: TableSpec, writer: Writer, geometry: Geometry) -> None:
    """A native table; its grid, rows and cells are written as one piece of XML
    (python-pptx's cell-by-cell API costs more than the rest of the slide)."""
    frame = slide.shapes.add_table(1, len(spec.col_widths), *box_emu(spec.box))
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
    grid = "".join(f'<a:gridCol w="{emu(w)}"/>' for w in spec.col_widths)
    merged = _merged_cells(spec)
    rows = []
    for r, (row, height) in enumerate(zip(spec.rows, spec.row_heights, strict=True)):
        cells = [_cell_xml(cell, (r, c), merged, spec.size, writer, slide.part, geometry) for c, cell in enumerate(row)]
        rows.append(f'<a:tr h="{emu(height)}">{"".join(cells)}</a:tr>')
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
    pad_x, pad_y = emu(geometry.cell_pad_x), emu(geometry.cell_pad_y)
    line = scheme_colour("lt1")
    borders = "".join(f'<a:{edge} w="9525"><a:solidFill>{line}</a:solidFill></a:{edge}>' for edge in _EDGES)
    fill = scheme_colour(cell.fill or "lt1", cell.fill_brightness)
    return (
        f"<a:tc{spans}{merged.get(at, '')}><a:txBody><a:bodyPr/><a:lstStyle/>{text}</a:txBody>"
        f'<a:tcPr marL="{pad_x}" marR="{pad_x}" marT="{pad_y}" marB="{pad_y}" anchor="t">'
        f"{borders}<a:solidFill>{fill}</a:solidFill></a:tcPr></a:tc>"
    )


_EDGES = ("lnL", "lnR", "lnT", "lnB")
