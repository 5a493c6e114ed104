"""Every figure kind, declared once: its model, deck planner and drawer, and site partial.

A figure kind is data (models.py) that the site shows as HTML and a deck
shows as native shapes. This registry is the one list of kinds: the loader's
message for a missing ``kind:`` and the JSON Schema's choices come from it,
the deck's planner and drawer, the site's page partial and its SVG picture are
looked up in it,
and a test fails when a kind lacks any part.

The parts above the model layer are *named*, not imported, so the layers
still point one way (the deck and the site import this module; it imports
neither). To add a kind: its model in models.py (and in ``Figure`` there),
then one entry here; the test names whatever is still missing.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from .models import (
    ChartFigure,
    FigureBase,
    FlowFigure,
    HubFigure,
    LadderFigure,
    ListFigure,
    PathsFigure,
    TableFigure,
    TimelineFigure,
    TypologyFigure,
)

PLANNERS = "housing_kit.deck.plan"
DRAWERS = "housing_kit.deck.draw"
PICTURES = "housing_kit.site.svg"


@dataclass(frozen=True)
class FigureKind:
    model: type[FigureBase]
    planner: str
    """``module.function`` in housing_kit.deck.plan: (context, figure, area) -> the figure's slides' shapes."""
    drawer: str
    """``module.function`` in housing_kit.deck.draw that draws the shapes the planner makes."""
    partial: str
    """The page partial under housing_kit/site/templates/figures/."""
    svg: str | None = None
    """``module.function`` in housing_kit.site.svg: (figure, lang, label) -> the figure as an inline
    SVG picture. None for a kind whose page form is its table (``table``)."""


FIGURE_KINDS: dict[str, FigureKind] = {
    "table": FigureKind(TableFigure, "tables.table_pages", "tables.draw_table", "table.html.j2"),
    "chart": FigureKind(ChartFigure, "charts.chart_pages", "charts.draw_chart", "chart.html.j2", "chart.chart_svg"),
    # in the body a typology is an overview of native shapes; its full table is the appendix's
    "typology": FigureKind(
        TypologyFigure,
        "tables.typology_overview_pages",
        "shapes.draw_block",
        "typology.html.j2",
        "typology.typology_svg",
    ),
    "ladder": FigureKind(
        LadderFigure, "shapes.ladder_pages", "shapes.draw_block", "ladder.html.j2", "ladder.ladder_svg"
    ),
    "list": FigureKind(ListFigure, "shapes.list_pages", "shapes.draw_block", "list.html.j2", "steps.list_svg"),
    "paths": FigureKind(PathsFigure, "paths.paths_pages", "diagrams.draw_diagram", "paths.html.j2", "paths.paths_svg"),
    "flow": FigureKind(FlowFigure, "flow.flow_pages", "diagrams.draw_diagram", "flow.html.j2", "flow.flow_svg"),
    "timeline": FigureKind(
        TimelineFigure, "timeline.timeline_pages", "diagrams.draw_diagram", "timeline.html.j2", "timeline.timeline_svg"
    ),
    "hub": FigureKind(HubFigure, "hub.hub_pages", "diagrams.draw_diagram", "hub.html.j2", "hub.hub_svg"),
}


def kind_names() -> str:
    """The kinds as an editor reads them: 'table, chart, typology, ladder or list'."""
    names = list(FIGURE_KINDS)
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]


def figure_kind(kind: str) -> FigureKind:
    """The registry entry for ``kind``; an unknown kind is a bug (the loader admits only registered ones)."""
    try:
        return FIGURE_KINDS[kind]
    except KeyError:
        raise LookupError(f"figure kind {kind!r} is not registered in housing_kit/figure_kinds.py") from None


def resolve(package: str, name: str) -> Any:
    """The function ``module.function`` of ``package`` (a planner or a drawer), imported on first use."""
    module, _, function = name.rpartition(".")
    return getattr(importlib.import_module(f"{package}.{module}"), function)
