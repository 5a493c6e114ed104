"""Drawing planned figures as native, editable PowerPoint elements.

Tables become real tables (row heights as budgeted; tables.py), charts real
charts with their data in an embedded workbook (charts.py), ladder steps and
list numbers auto shapes (shapes.py), diagrams groups of shapes and arrows
(diagrams.py). Colours are theme slots, so a branded
template recolours them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..plan.geometry import Geometry
from ..plan.specs import ChartSpec, DiagramSpec, PictureSpec, Shape, TableSpec, TextBlock
from .charts import draw_chart
from .diagrams import draw_diagram
from .shapes import draw_block, draw_picture
from .tables import draw_table
from .text import Writer

DRAWERS: dict[type, Callable[..., None]] = {
    TableSpec: draw_table,
    ChartSpec: draw_chart,
    TextBlock: draw_block,
    PictureSpec: draw_picture,
    DiagramSpec: draw_diagram,
}
"""Each kind of planned shape -> what draws it (figure_kinds.py names the one each figure kind needs)."""


def draw(slide: Any, shape: Shape, writer: Writer, geometry: Geometry) -> None:
    """Draw one planned shape; a shape of a type nothing draws is a bug, never skipped."""
    drawer = DRAWERS.get(type(shape))
    if drawer is None:
        raise TypeError(f"no drawer for {type(shape).__name__}; add one to DRAWERS in housing_kit/deck/draw/figures.py")
    if drawer is draw_chart:
        drawer(slide, shape, writer)
    elif drawer is draw_picture:
        drawer(slide, shape)
    else:
        drawer(slide, shape, writer, geometry)
