"""Lengths on a slide: points for planning, EMU for the file, one conversion.

The planner measures in points (1/72 in); a .pptx stores English Metric
Units (12,700 to the point, 360,000 to the centimetre). ``Length`` is an
integer number of EMU, like python-pptx's, so theme values can be given in
centimetres or points and read back in either, without importing python-pptx.
"""

from __future__ import annotations

from typing import Protocol

EMU_PER_PT = 12700
EMU_PER_CM = 360000


class Length(int):
    """A length in EMU, readable in points or centimetres."""

    @property
    def pt(self) -> float:
        return self / EMU_PER_PT

    @property
    def cm(self) -> float:
        return self / EMU_PER_CM

    @property
    def emu(self) -> int:
        return int(self)


def Emu(emu: float) -> Length:  # noqa: N802 - reads like the unit, as in python-pptx
    return Length(int(emu))


def Pt(points: float) -> Length:  # noqa: N802
    return Length(int(points * EMU_PER_PT))


def Cm(cm: float) -> Length:  # noqa: N802
    return Length(int(cm * EMU_PER_CM))


def emu(points: float) -> int:
    """Points (as the planner measures) to the whole EMU a .pptx stores, rounded."""
    return int(round(points * EMU_PER_PT))


def hundredths(points: float) -> int:
    """Points to the hundredths of a point DrawingML uses for sizes and spacing."""
    return int(round(points * 100))


class _Boxed(Protocol):
    @property
    def x(self) -> float: ...
    @property
    def y(self) -> float: ...
    @property
    def w(self) -> float: ...
    @property
    def h(self) -> float: ...


def box_emu(box: _Boxed) -> tuple[int, int, int, int]:
    """A box in points as the left, top, width and height (EMU) python-pptx takes."""
    return emu(box.x), emu(box.y), emu(box.w), emu(box.h)
