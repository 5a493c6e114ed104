"""What the typology, ladder and list pictures share beyond draw.py: tints and typeset lines."""

from __future__ import annotations

from ...palette import PALETTE
from ...typography import NBSP, typeset
from .draw import FONT, wrap

_GLUE = "\u2060"  # stands for a no-break space while wrapping (draw.wrap breaks at every space)


def tint(slot: str, amount: float) -> str:
    """``slot`` mixed with ``amount`` (0..1) of white, as a deck lightens a theme colour (``fill_brightness``)."""
    rgb = [int(PALETTE[slot][i : i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(c + (255 - c) * amount):02X}" for c in rgb)


def typeset_lines(content: str, width: float, lang: str, size: float = FONT, bold: bool = False) -> list[str]:
    """``content`` with the language's typography, in lines of at most ``width`` units.

    The page applies the same typography to the picture's text afterwards; doing it
    first keeps a Polish one-letter word (``z``, ``w``) with the word after it.
    Bold text is reckoned a little wider.
    """
    size = size * 1.06 if bold else size
    most = max(4, int(width / (size * 0.56)))  # as draw.wrap reckons a line
    glued = typeset(content, lang).replace(NBSP, _GLUE)
    out = []
    for line in wrap(glued, width, size):
        # a word longer than the line (an address, a long compound) is cut: it never leaves its box
        out += [line[i : i + most] for i in range(0, len(line), most)]
    return [line.replace(_GLUE, NBSP) for line in out]
