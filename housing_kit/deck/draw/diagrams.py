"""Diagrams (paths, flow, timeline and hub figures) drawn as one group of native shapes.

The planner (plan/paths.py, plan/flow.py, plan/timeline.py, plan/hub.py) places
every box and arrow; this draws them as editable PowerPoint shapes inside a group
that carries the figure's name and description, so the picture moves as one and a
screen reader meets one described object instead of a dozen boxes and lines.
"""

from __future__ import annotations

from typing import Any

from pptx.enum.shapes import MSO_CONNECTOR
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn

from ..plan.geometry import Geometry
from ..plan.specs import Arrow, DiagramSpec
from ..units import EMU_PER_PT
from .ooxml import describe, mark_decorative, replace_child, scheme_colour
from .shapes import draw_block
from .text import Writer


def _emu(value: float) -> int:
    return round(value * EMU_PER_PT)


def _draw_arrow(shapes: Any, arrow: Arrow, index: int) -> None:
    (x1, y1), (x2, y2) = arrow.start, arrow.end
    line = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, _emu(x1), _emu(y1), _emu(x2), _emu(y2))
    style = line._element.find(qn("p:style"))
    if style is not None:  # the default style draws a theme-coloured line of its own
        line._element.remove(style)
    dash = '<a:prstDash val="dash"/>' if arrow.dashed else ""
    head = '<a:headEnd type="triangle" w="med" len="med"/>' if arrow.both else ""
    replace_child(
        line._element.spPr,
        parse_xml(
            f'<a:ln {nsdecls("a")} w="{_emu(arrow.weight)}"><a:solidFill>{scheme_colour(arrow.colour)}</a:solidFill>'
            f'{dash}{head}<a:tailEnd type="triangle" w="med" len="med"/></a:ln>'
        ),
    )
    describe(line, f"Arrow {index + 1}")
    mark_decorative(line)  # the group's description says what the arrows mean


def draw_diagram(slide: Any, diagram: DiagramSpec, writer: Writer, geometry: Geometry) -> None:
    group = slide.shapes.add_group_shape()
    for block in diagram.blocks:
        draw_block(group, block, writer, geometry)
    for i, arrow in enumerate(diagram.arrows):
        _draw_arrow(group.shapes, arrow, i)
    describe(group, diagram.name, diagram.descr)
