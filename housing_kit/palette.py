"""The kit's colours, shared by the decks and the site.

Hex RGB. The slot names are the Office theme's: dk1/lt1 are text and
background, dk2/lt2 the secondary pair, accent1..6 feed charts and tables.
The deck's theme (housing_kit/deck/plan/theme.py) writes them into the .pptx;
the site's inline SVG figures (housing_kit/site/svg/) draw with them,
so a chart looks the same on a slide and on a page.
"""

from __future__ import annotations

PALETTE: dict[str, str] = {
    "dk1": "1F2933",  # ink: body text (14.7:1 on white)
    "lt1": "FFFFFF",  # paper
    "dk2": "163A4A",  # deep navy-teal: titles, bands, table headers (11.8:1 on white)
    "lt2": "F5EFE6",  # warm sand: panels and banded rows
    "accent1": "1D6F78",  # teal: bullets, chart series 1, ladder (5.9:1 on white)
    "accent2": "D0703A",  # warm terracotta: accent bars, series 2 (decoration and large text only)
    "accent3": "3E5C76",  # slate blue
    "accent4": "E3B04B",  # ochre
    "accent5": "7A9E7E",  # sage
    "accent6": "8C5E7F",  # plum
    "hlink": "1D6F78",
    "folHlink": "5B4B8A",
}
SERIES_SLOTS: tuple[str, ...] = ("accent1", "accent2", "accent3", "accent4", "accent5", "accent6")
"""The slots chart series take in order, as in the decks' charts."""
