"""Glyph widths from the real font, for measuring slide text.

The deck names Calibri; we measure with Carlito, its metric twin, read with
Pillow. Advances are read without kerning: kerning only narrows text, so a
line measured as fitting fits in PowerPoint and LibreOffice too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from ...errors import BuildError
from .theme import LINE_SPACING, METRIC_FONT_FAMILY

_UNITS = 2048  # measure at 2048 px per em: Carlito's advances are whole units there
_FONT_DIRS = (
    "/usr/share/fonts/truetype/crosextra",
    "/usr/share/fonts/crosextra",
    "/usr/share/fonts/truetype/carlito",
    "/usr/share/fonts/carlito",
    "/usr/share/fonts/google-carlito-fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "~/Library/Fonts",
    "/Library/Fonts",
    "/opt/homebrew/share/fonts",
)


def font_path(bold: bool = False) -> Path:
    """The Carlito file to measure with: $HOUSING_KIT_FONT_DIR, known places, then fc-match."""
    style = "Bold" if bold else "Regular"
    name = f"{METRIC_FONT_FAMILY}-{style}.ttf"
    dirs = [os.environ.get("HOUSING_KIT_FONT_DIR", ""), *_FONT_DIRS]
    for folder in filter(None, dirs):
        candidate = Path(folder).expanduser() / name
        if candidate.is_file():
            return candidate
    if shutil.which("fc-match"):
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", f"{METRIC_FONT_FAMILY}:style={style}"], capture_output=True, text=True
        ).stdout.strip()
        if found and METRIC_FONT_FAMILY.lower() in Path(found).name.lower():
            return Path(found)
    raise BuildError(
        f"the {METRIC_FONT_FAMILY} font ({name}) is needed to measure slide text and was not found; "
        "install it (Debian/Ubuntu: apt-get install fonts-crosextra-carlito) "
        "or set HOUSING_KIT_FONT_DIR to the folder holding it"
    )


@lru_cache(maxsize=2)
def _font(bold: bool):
    from PIL import ImageFont

    return ImageFont.truetype(str(font_path(bold)), _UNITS, layout_engine=ImageFont.Layout.BASIC)


_advances: dict[bool, dict[str, float]] = {False: {}, True: {}}  # per weight: character -> advance in ems


def _advance(char: str, bold: bool) -> float:
    table = _advances[bold]
    width = table.get(char)
    if width is None:
        width = table[char] = _font(bold).getlength(char) / _UNITS
    return width


@lru_cache(maxsize=65536)
def _em_width(text: str, bold: bool) -> float:
    table = _advances[bold]
    try:
        return sum(map(table.__getitem__, text))
    except KeyError:  # characters not met before: measure them once
        return sum(_advance(ch, bold) for ch in text)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of ``text`` set on one line at ``size`` points."""
    return _em_width(text, bold) * size


def line_pitch(size: float) -> float:
    """Distance between baselines: the exact line spacing every paragraph is given."""
    return round(size * LINE_SPACING, 2)
