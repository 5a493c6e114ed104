"""Native tables planned row by row: widths from the text, heights from wrapping.

PowerPoint grows a row whose text does not fit, pushing the table off the
slide; so every row height is budgeted here from measured text, and rows
that do not fit continue on the next slide under a repeated header row.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...errors import ContentError, Problem
from ...formatting import format_number
from ...models import TableFigure, TypologyFigure
from .context import Context
from .fit import SAFETY, Para, Span, cell_height, column_widths, number_indent, paginate, paras_height, text_width
from .geometry import Box
from .specs import FigurePage, TableCell, TableSpec, TextBlock
from .wording import join_sentences

HEADER = {"fill": "dk2", "colour": "lt1", "bold": True}
BAND = {"fill": "lt2"}
PLAIN = {"fill": "lt1"}
GROUP = {"fill": "accent1", "fill_brightness": 0.8, "bold": True}


@dataclass(frozen=True)
class _Sizing:
    ctx: Context
    size: float

    def height(self, text: str, width: float, bold: bool = False) -> float:
        g = self.ctx.geometry
        return cell_height(text, width, self.size, g.cell_pad_x, g.cell_pad_y, bold)

    def widths(self, columns: list[list[str]], total: float) -> list[float]:
        return column_widths(columns, total, self.size, 2 * self.ctx.geometry.cell_pad_x)


def _natural_width(columns: list[list[str]], size: float, pad: float, limit: float) -> float:
    """A table as wide as its longest lines need, between 55% and 100% of the area."""
    natural = sum(max(text_width(c, size, True) for c in column) + 2 * pad for column in columns) * 1.1
    return min(limit, max(natural, 0.55 * limit))


# ---------------------------------------------------------------- plain tables
def table_pages(ctx: Context, figure: TableFigure, area: Box) -> list[FigurePage]:
    header = [ctx.tr(c) for c in figure.columns]
    rows = [[format_number(c, ctx.lang) if isinstance(c, int | float) else ctx.tr(c) for c in r] for r in figure.rows]
    numeric = [all(isinstance(r[i], int | float) for r in figure.rows) for i in range(len(header))]
    columns = [[header[i]] + [r[i] for r in rows] for i in range(len(header))]
    best = None
    for size in (s.pt for s in ctx.theme.type.table):
        sizing = _Sizing(ctx, size)
        width = _natural_width(columns, size, ctx.geometry.cell_pad_x, area.w)
        widths = sizing.widths(columns, width)
        head_h = max(sizing.height(t, w, True) for t, w in zip(header, widths, strict=True))
        heights = [
            max(sizing.height(t, w, bold=(i == 0)) for i, (t, w) in enumerate(zip(row, widths, strict=True)))
            for row in rows
        ]
        pages = paginate(heights, area.h - head_h)
        if best is None or len(pages) < len(best[0]):
            best = (pages, size, widths, head_h, heights)
        if len(best[0]) == 1:
            break
    pages, size, widths, head_h, heights = best
    head = tuple(TableCell(t, align="right" if numeric[i] else "left", **HEADER) for i, t in enumerate(header))
    out = []
    for page in pages:
        body = []
        for n, r in enumerate(page):
            style = BAND if n % 2 else PLAIN
            body.append(
                tuple(
                    TableCell(t, bold=(i == 0), align="right" if numeric[i] else "left", **style)
                    for i, t in enumerate(rows[r])
                )
            )
        spec = TableSpec(
            box=Box(area.x, area.y, sum(widths), head_h + sum(heights[r] for r in page)),
            col_widths=tuple(widths),
            row_heights=(head_h, *(heights[r] for r in page)),
            rows=(head, *body),
            size=size,
            name=f"Table: {figure.id}",
            descr=join_sentences(ctx.tr(figure.title), ctx.tr(figure.remark)),
        )
        out.append(([spec], ""))
    return out


# ---------------------------------------------------------------- typology
@dataclass
class _Block:
    """One operational category with its living situations: kept on one slide."""

    group: int
    first_in_group: bool
    category: str
    situations: list[tuple[str, ...]]
    heights: list[float]


def typology_pages(ctx: Context, figure: TypologyFigure, area: Box, sizes=None) -> list[FigurePage]:
    """ETHOS as a table: a band row per conceptual category, the operational
    category merged down beside its living situations (and definitions).
    ``sizes``: the type sizes to try (the appendix's, which may go down to 14 pt)."""
    levels = [ctx.tr(level) for level in figure.levels]
    header = levels[1:]
    with_definition = len(levels) > 3
    blocks_data = []
    for g, group in enumerate(figure.groups):
        for c, cat in enumerate(group.categories):
            situations = [
                (f"{s.code} {ctx.tr(s.name)}",) + ((ctx.tr(s.definition),) if with_definition else ())
                for s in cat.situations
            ] or [("",) + (("",) if with_definition else ())]
            blocks_data.append((g, c == 0, f"{cat.code}. {ctx.tr(cat.name)}", situations))
    groups = [f"{levels[0]}: {ctx.tr(group.name)}" for group in figure.groups]
    columns = [[header[0]] + [b[2] for b in blocks_data]]
    for i in range(len(header) - 1):
        columns.append([header[i + 1]] + [s[i] for b in blocks_data for s in b[3]])
    best = None
    for size in (s.pt for s in sizes or ctx.theme.type.table):
        sizing = _Sizing(ctx, size)
        widths = sizing.widths(columns, area.w)
        head_h = max(sizing.height(t, w, True) for t, w in zip(header, widths, strict=True))
        group_h = [sizing.height(t, area.w, True) for t in groups]
        blocks = [_measure_block(sizing, widths, *b) for b in blocks_data]
        pages = _pack_blocks(blocks, group_h, area.h - head_h)
        if best is None or len(pages) < len(best[0]):
            best = (pages, size, widths, head_h, group_h)
        if len(best[0]) == 1:
            break
    pages, size, widths, head_h, group_h = best
    return [
        ([_typology_table(ctx, figure, header, groups, page, widths, head_h, group_h, size, area)], "")
        for page in pages
    ]


def _measure_block(sizing: _Sizing, widths, group: int, first: bool, category: str, situations) -> _Block:
    heights = [max(sizing.height(t, w) for t, w in zip(row, widths[1:], strict=True)) for row in situations]
    need = sizing.height(category, widths[0], True)
    if need > sum(heights):  # the merged category cell needs more room than its rows
        heights[-1] += need - sum(heights)
    return _Block(group, first, category, list(situations), heights)


def _pack_blocks(blocks: list[_Block], group_h: list[float], capacity: float) -> list[list[_Block]]:
    """Blocks in order onto pages; a page starting inside a group repeats the group's row."""
    pages: list[list[_Block]] = [[]]
    used = 0.0
    for block in blocks:
        need = sum(block.heights)
        if not pages[-1] or block.first_in_group:
            need += group_h[block.group]
        if pages[-1] and used + need > capacity + 0.01:
            pages.append([])
            used = group_h[block.group] + sum(block.heights)
        else:
            used += need
        pages[-1].append(block)
    return pages


def _typology_table(ctx, figure, header, groups, page, widths, head_h, group_h, size, area) -> TableSpec:
    ncols = len(header)
    rows = [tuple(TableCell(t, **HEADER) for t in header)]
    heights = [head_h]
    cont = f" ({ctx.continued_word})"
    for n, block in enumerate(page):
        if block.first_in_group or n == 0:
            text = groups[block.group] + ("" if block.first_in_group else cont)
            rows.append(
                (
                    TableCell(text, cols=ncols, **GROUP),
                    *(TableCell("", covered=True, **GROUP) for _ in range(ncols - 1)),
                )
            )
            heights.append(group_h[block.group])
        style = BAND if n % 2 else PLAIN
        for i, situation in enumerate(block.situations):
            first = TableCell(block.category, bold=True, rows=len(block.situations), **style)
            lead = first if i == 0 else TableCell("", covered=True, **style)
            rows.append((lead, *(TableCell(t, **style) for t in situation)))
            heights.append(block.heights[i])
    return TableSpec(
        box=Box(area.x, area.y, sum(widths), sum(heights)),
        col_widths=tuple(widths),
        row_heights=tuple(heights),
        rows=tuple(rows),
        size=size,
        name=f"Table: {figure.id}",
        descr=join_sentences(ctx.tr(figure.title), ctx.tr(figure.remark)),
    )


# ---------------------------------------------------------------- typology overview
def typology_overview_pages(ctx: Context, figure: TypologyFigure, area: Box) -> list[FigurePage]:
    """A typology on one slide, readable from the back of the room: a column per
    conceptual category, headed by its name, listing its operational categories
    (number and name). The living situations and definitions are left to the
    full table in the appendix."""
    g = ctx.geometry
    gap = g.gap
    heads = [ctx.tr(group.name) for group in figure.groups]
    last = max(int(c.code) if c.code.isdigit() else 0 for group in figure.groups for c in group.categories)

    def column_paras(group, size: float) -> tuple[Para, ...]:
        indent = number_indent(max(last, 1), size, g.bullet_indent)
        return tuple(
            Para(
                (Span(ctx.tr(cat.name)),),
                size,
                indent=indent,
                space_before=round(size * 0.4, 1),
                number=int(cat.code) if cat.code.isdigit() else None,
            )
            for cat in group.categories
        )

    room = area.w - (len(heads) - 1) * gap
    for size in (s.pt for s in ctx.theme.type.overview):
        head_paras = [(Para((Span(h, bold=True),), size + 2, align="left"),) for h in heads]
        bodies = [column_paras(group, size) for group in figure.groups]
        # each column at least as wide as its longest word (never broken between letters) ...
        widths = [_longest_word(b + h) + 2 * g.inset_x + 1 for b, h in zip(bodies, head_paras, strict=True)]
        if sum(widths) > room:
            continue

        def needs(widths, head_paras=head_paras, bodies=bodies):
            head = max(paras_height(list(p), w - 2 * g.inset_x) for p, w in zip(head_paras, widths, strict=True))
            cols = [paras_height(list(b), w - 2 * g.inset_x) for b, w in zip(bodies, widths, strict=True)]
            return head + 2 * g.inset_y + 4, [c + 2 * g.inset_y + 8 for c in cols]

        # ... then the spare width, a little at a time, to whichever column is tallest
        step = 4.0
        while sum(widths) + step <= room:
            tallest = max(range(len(widths)), key=lambda i: needs(widths)[1][i])
            widths[tallest] += step
        extra = (room - sum(widths)) / len(widths)
        widths = [w + extra for w in widths]
        head_h, body = needs(widths)
        if head_h + gap / 2 + max(body) <= area.h:
            return [(_overview_shapes(figure, area, widths, head_paras, head_h, max(body), bodies, gap), "")]
    problem = "the typology's category names are too long for one overview slide at 18 pt; shorten them"
    raise ContentError([Problem("topics", None, f"figures.{figure.id}", problem)])


def _longest_word(paras) -> float:
    """The width a column needs for the longest word of ``paras`` (with the paragraph's indent)."""
    return max(
        text_width(word, p.size, span.bold) / SAFETY + p.indent
        for p in paras
        for span in p.spans
        for word in span.text.split(" ")  # a no-break space joins its words into one
    )


def _overview_shapes(
    figure, area: Box, widths, head_paras, head_h: float, body_h: float, bodies, gap: float
) -> list[TextBlock]:
    shapes, x = [], area.x
    for i, (width, head, body) in enumerate(zip(widths, head_paras, bodies, strict=True), 1):
        shapes.append(
            TextBlock(
                Box(x, area.y, width, head_h),
                head,
                f"Group {i}",
                shape="rect",
                fill="dk2",
                colour="lt1",
                anchor="middle",
            )
        )
        shapes.append(
            TextBlock(
                Box(x, area.y + head_h + gap / 2, width, body_h),
                body,
                f"Group {i} categories",
                shape="rect",
                fill="lt2",
            )
        )
        x += width + gap
    return shapes
