"""The deck's look, defined once: colours, type, sizes, margins and layout names.

Everything visual a designer may want to change lives here. The default
template (template.py) writes the palette and fonts into the theme part of
the .pptx, and the drawing code refers to theme colour *slots* (accent 1,
dark 2, ...), so an organisation's own template recolours our tables,
charts and ladders too.

Lengths are ``units.Length`` values (EMU integers with ``.pt`` and
``.cm``), so units are never guessed; nothing here needs python-pptx.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...palette import PALETTE
from ..units import Cm, Emu, Length, Pt

# ---------------------------------------------------------------- palette
# Hex RGB, in the neutral module housing_kit/palette.py: the site draws its SVG charts with them too.
# Colours derived from the slots: (slot, lighter by). "muted" is body text
# lightened to a grey that keeps 5:1 contrast on white (captions, footers).
DERIVED: dict[str, tuple[str, float]] = {"muted": ("dk1", 0.3)}

# ---------------------------------------------------------------- type
# The deck names "Calibri": PowerPoint on Windows and macOS has it, and
# LibreOffice substitutes Carlito, which has identical metrics (fontconfig
# and LibreOffice's own replacement table both map Calibri -> Carlito).
# Naming "Carlito" instead would fall back to an unrelated font in
# PowerPoint. We measure with Carlito's files, so measurements hold in both.
FONT_NAME = "Calibri"
METRIC_FONT_FAMILY = "Carlito"
LINE_SPACING = 1.2  # exact line pitch as a multiple of the font size (Calibri's "single" is ~1.22)


@dataclass(frozen=True)
class TypeScale:
    """Font sizes by use, chosen to be read from the back of a room of twenty.
    Lists are tried largest first; text that does not fit at the smallest goes
    onto a continuation slide (or the figure is split) instead of shrinking more.
    Floors: body text 18 pt, tables and figure text 16 pt, captions and the
    appendix 14 pt; only the footer and slide number are smaller."""

    cover_title: tuple[Length, ...] = (Pt(44), Pt(40), Pt(36), Pt(32), Pt(28))
    cover_subtitle: Length = Pt(24)
    cover_details: Length = Pt(20)
    title: tuple[Length, ...] = (Pt(30), Pt(28), Pt(26), Pt(24))
    body: tuple[Length, ...] = (Pt(28), Pt(26), Pt(24), Pt(22), Pt(20))  # never below 18 pt
    table: tuple[Length, ...] = (Pt(24), Pt(22), Pt(20), Pt(18), Pt(16))
    figure_text: tuple[Length, ...] = (Pt(22), Pt(20), Pt(18), Pt(16))
    overview: tuple[Length, ...] = (Pt(22), Pt(20), Pt(18))  # a typology's categories on one slide
    step_number: Length = Pt(28)
    chart: Length = Pt(18)  # data labels and categories; axis numbers and title 2 pt smaller
    caption: Length = Pt(14)
    appendix_table: tuple[Length, ...] = (Pt(16), Pt(15), Pt(14))
    sources: tuple[Length, ...] = (Pt(16), Pt(14))
    glossary: tuple[Length, ...] = (Pt(20), Pt(18), Pt(16))
    appendix_note: tuple[Length, ...] = (Pt(24), Pt(20), Pt(18), Pt(16), Pt(14))  # the review date(s)
    footer: Length = Pt(12)
    notes: Length = Pt(12)


TYPE = TypeScale()

# ---------------------------------------------------------------- geometry
SLIDE_WIDTH = Emu(12192000)  # 13.333 in: 16:9
SLIDE_HEIGHT = Emu(6858000)  # 7.5 in


@dataclass(frozen=True)
class Margins:
    """Page geometry of the default template, from the slide's edges."""

    side: Length = Cm(1.6)
    title_top: Length = Cm(0.9)
    title_height: Length = Cm(2.9)
    rule_gap: Length = Cm(0.25)  # accent rule under the title
    rule_height: Length = Cm(0.12)
    rule_width: Length = Cm(2.4)
    body_top: Length = Cm(4.5)
    footer_height: Length = Cm(0.8)
    footer_bottom: Length = Cm(0.5)
    body_bottom: Length = Cm(1.7)  # space kept free above the slide's bottom edge
    cover_band: float = 0.60  # share of the height the navy band takes on cover slides
    text_inset: Length = Cm(0.15)  # inner margin of every text box (left/right)
    text_inset_vertical: Length = Cm(0.1)
    bullet_indent: Length = Cm(0.8)
    gap: Length = Cm(0.4)  # between figure elements
    cell_margin: Length = Cm(0.18)
    cell_margin_vertical: Length = Cm(0.14)


MARGINS = Margins()

# ---------------------------------------------------------------- layouts
# Our slide roles -> layout names looked up in a template, first match wins.
# The second names are what Polish PowerPoint calls its default layouts.
LAYOUT_NAMES: dict[str, tuple[str, ...]] = {
    "cover": ("Title Slide", "Slajd tytułowy"),
    "section": ("Section Header", "Nagłówek sekcji"),
    "content": ("Title and Content", "Tytuł i zawartość"),
    "figure": ("Title Only", "Tylko tytuł"),
}
ROLE_PURPOSE = {
    "cover": "the title and closing slides",
    "section": "section dividers",
    "content": "content slides",
    "figure": "figure slides",
}


@dataclass(frozen=True)
class Theme:
    """The one object the deck code asks about its look."""

    palette: dict[str, str] = field(default_factory=lambda: dict(PALETTE))
    font: str = FONT_NAME
    type: TypeScale = TYPE
    margins: Margins = MARGINS
    layouts: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(LAYOUT_NAMES))
    name: str = "Housing kit"


THEME = Theme()
