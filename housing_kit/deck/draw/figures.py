"""Drawing planned figures as native, editable PowerPoint elements.

Tables become real tables (row heights as budgeted; tables.py), charts real
charts with their data in an embedded workbook (charts.py), ladder steps and
list numbers auto shapes (shapes.py). Colours are theme slots, so a branded
template recolours them.
"""

from __future__ import annotations

from ..plan.geometry import Geometry
from ..plan.specs import ChartSpec, Shape, TableSpec, TextBlock
from .charts import draw_chart
from .shapes import draw_block
from .tables import draw_table
from .text import Writer


def draw(slide, shape: Shape, writer: Writer, geometry: Geometry) -> None:
    if isinstance(shape, TableSpec):
        draw_table(slide, shape, writer, geometry)
    elif isinstance(shape, ChartSpec):
        draw_chart(slide, shape, writer)
    elif isinstance(shape, TextBlock):
        draw_block(slide, shape, writer, geometry)
    else:
        raise TypeError(f"no drawer for {type(shape).__name__}")
