"""Where things go on a slide, in points, as read from the template's layouts.

The planner decides what fits using these boxes, and the renderer draws
into the same boxes, so the two cannot disagree. The default template and an
organisation's own template are read the same way (template.read_geometry).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    """A rectangle in points from the slide's top-left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def bottom_part(self, height: float) -> Box:
        return Box(self.x, self.bottom - height, self.w, height)

    def shrink_bottom(self, by: float) -> Box:
        return Box(self.x, self.y, self.w, max(0.0, self.h - by))

    def inner(self, inset_x: float, inset_y: float) -> tuple[float, float]:
        """Width and height left for text inside the box's insets."""
        return self.w - 2 * inset_x, self.h - 2 * inset_y


@dataclass(frozen=True)
class Geometry:
    """The boxes of each slide role.

    ``body`` is the content layout's body placeholder; ``figure`` the area a
    figure may take on a figure slide (below the title, above the footer).
    ``cover_details`` is the free area under the cover subtitle, if any."""

    width: float
    height: float
    title: Box
    body: Box
    figure: Box
    cover_title: Box
    cover_subtitle: Box
    cover_details: Box | None
    section_title: Box
    section_body: Box | None
    footer: Box
    number: Box
    inset_x: float
    inset_y: float
    gap: float
    cell_pad_x: float
    cell_pad_y: float
    bullet_indent: float
