"""Where a paths figure puts each stage and how it colours it: one answer for the deck and the site.

The deck's planner (deck/plan/paths.py) and the page's picture (site/svg/paths.py) draw the
same staircase; both ask here, so a stage sits on the same level in the same tint on a slide
and on a page. Colours are palette slots with a lightening (as a deck lightens a theme colour).
"""

from __future__ import annotations

from .models import PathsFigure, Route


def levels_of(figure: PathsFigure) -> int:
    """How many levels the picture has: the longest route's number of stages."""
    return max(len(route.stages) for route in figure.routes)


def stage_levels(route: Route, levels: int) -> list[int]:
    """The level (0 = bottom) of each stage: spread evenly, the first at the bottom, the last at the top."""
    n = len(route.stages)
    if n == 1:
        return [levels - 1]
    return [round(i * (levels - 1) / (n - 1)) for i in range(n)]


def stage_fill(level: int, levels: int) -> tuple[str, float]:
    """(palette slot, lightening): lighter teal low down, full teal on the top level, where every route ends."""
    if level == levels - 1:
        return "accent1", 0.0
    return "accent1", round(0.85 - 0.3 * level / max(1, levels - 2), 2)
