"""A deck as plain data: the slides, their text and every shape's box.

The planner (plan/outline.py, plan/figures.py) produces these from the topics
with all measuring done; the drawer (draw/slides.py, draw/figures.py) only draws
them. Tests can check a plan without opening PowerPoint files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .fit import Para
from .geometry import Box


@dataclass(frozen=True)
class TextBlock:
    """A text box or an auto shape with text (ladder step, list number)."""

    box: Box
    paras: tuple[Para, ...]
    name: str
    shape: str = "text"  # text, rounded (rectangle), oval, rect
    corner: float = 0.0  # corner radius of a rounded rectangle, in points
    fill: str | None = None  # theme slot, e.g. "accent1"
    fill_brightness: float = 0.0  # lighter (> 0) tint of the fill colour
    colour: str | None = "dk1"  # default text colour slot
    anchor: str = "top"  # top, middle, bottom
    descr: str = ""  # alt text for shapes whose meaning is not in their text


@dataclass(frozen=True)
class TableCell:
    """One cell of a planned table (not a topic file's table cell, models.Cell)."""

    text: str
    bold: bool = False
    align: str = "left"
    fill: str | None = None
    fill_brightness: float = 0.0
    colour: str = "dk1"
    rows: int = 1  # rows this cell spans (merged downwards)
    cols: int = 1  # columns it spans (merged to the right)
    covered: bool = False  # part of another cell's span: drawn empty


@dataclass(frozen=True)
class TableSpec:
    """A native table whose every row height was budgeted from measured text."""

    box: Box
    col_widths: tuple[float, ...]
    row_heights: tuple[float, ...]
    rows: tuple[tuple[TableCell, ...], ...]  # the first row is the header
    size: float
    name: str
    descr: str


@dataclass(frozen=True)
class ChartSpec:
    box: Box
    chart: str  # column, bar, line
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...]], ...]
    unit: str | None
    size: float
    name: str
    descr: str
    lang: str = "en"  # how numbers are grouped on labels and the axis
    years: tuple[int, ...] = ()  # a line chart over unevenly spaced years: drawn on a date axis


@dataclass(frozen=True)
class PictureSpec:
    """A picture (the closing slide's QR code): PNG bytes drawn into ``box``."""

    box: Box
    data: bytes
    name: str
    descr: str


@dataclass(frozen=True)
class Arrow:
    """A straight connector from ``start`` to ``end`` (points on the slide), with an arrow head at
    ``end`` (and at ``start`` too when ``both``): the links of a diagram."""

    start: tuple[float, float]
    end: tuple[float, float]
    colour: str = "dk2"  # theme slot
    weight: float = 2.25  # line width in points
    both: bool = False
    dashed: bool = False


@dataclass(frozen=True)
class DiagramSpec:
    """A picture made of native shapes (paths, flow, timeline, hub figures): text blocks and arrows,
    drawn as one group so it moves as one and a screen reader meets one described object."""

    box: Box
    blocks: tuple[TextBlock, ...]
    arrows: tuple[Arrow, ...]
    name: str
    descr: str


Shape = TextBlock | TableSpec | ChartSpec | PictureSpec | DiagramSpec

FigurePage = tuple[Sequence[Shape], str]
"""The shapes of one figure slide and what its speaker notes add."""


@dataclass(frozen=True)
class SlideSpec:
    """One slide. ``role`` picks the layout (cover, section, content, figure);
    ``kind`` says what the slide is for (agenda, points, table, ...)."""

    role: str
    kind: str
    title: str
    title_size: float
    notes: str = ""
    footer: str | None = None  # None: no footer or slide number (cover slides)
    body: tuple[Para, ...] = ()  # the layout's body or subtitle placeholder
    shapes: tuple[Shape, ...] = ()
    topic: str | None = None  # slug of the topic the slide belongs to
    body_box: Box | None = None  # where the body placeholder goes when not where the layout has it

    def with_title(self, title: str, size: float) -> SlideSpec:
        return replace(self, title=title, title_size=size)


@dataclass(frozen=True)
class DeckSpec:
    title: str
    subtitle: str
    lang: str
    tag: str  # BCP 47, e.g. pl-PL
    author: str
    keywords: tuple[str, ...]
    date: dt.date  # of the talk, else of the content (reviewed): the file's timestamps
    slides: tuple[SlideSpec, ...]
