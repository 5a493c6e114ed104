"""Ladder figures as inline SVG: a staircase of steps rising from left to right.

Like the deck's ladder slide, each step is a teal box with its number and title,
the lowest step lightest. A page column is too narrow for eight boxes side by
side at a size a phone can read, so the steps are rows: the lowest at the
bottom, full width, and each higher one starting a little further right, so the
left edge climbs like a staircase. The description and indicator of each step
stay in the table beside the picture.
"""

from __future__ import annotations

from markupsafe import Markup

from ...models import LadderFigure
from .draw import INK, WIDTH, Label, colour, rect, svg, text, text_lines, tint

SIZE = 20.0  # the titles: about 14 px when the picture is scaled to a 390 px phone
NUMBER = 26.0  # the step's number
PAD = 10.0
GAP = 4.0
RISE = 24.0  # how much further right each higher step starts
LEAST_WIDTH = 300.0  # the top step keeps at least this width for its title


def describe(figure: LadderFigure, lang: str, label: Label) -> str:
    """The steps in words, lowest first: 'Step 0 – Political interest. Step 1 – …'."""
    return " ".join(f"{label('level_step')} {s.step} – {s.title[lang]}." for s in figure.steps)


def ladder_svg(figure: LadderFigure, lang: str, label: Label) -> Markup:
    steps = figure.steps
    top = max(len(steps) - 1, 1)
    rise = min(RISE, (WIDTH - LEAST_WIDTH) / top)
    number_w = max(len(str(s.step)) for s in steps) * NUMBER * 0.62 + 2 * PAD
    rows = []  # (index, x, lines, height), lowest step first
    for i, step in enumerate(steps):
        x = i * rise
        lines = text_lines(step.title[lang], WIDTH - x - number_w - PAD, lang, SIZE, bold=True)
        rows.append((i, x, lines, max(NUMBER + 2 * PAD, len(lines) * SIZE * 1.25 + 2 * PAD)))
    body, y = [], 0.0
    for i, x, lines, h in reversed(rows):  # drawn from the top step down
        step = steps[i]
        fill = tint("accent1", round(0.85 - 0.3 * i / top, 2))
        parts = [rect(x, y, WIDTH - x, h, fill, rx=6)]
        parts.append(
            text(x + PAD, y + h / 2 + NUMBER * 0.36, str(step.step), weight="bold", fill=colour("dk2"), size=NUMBER)
        )
        first = y + h / 2 - (len(lines) - 1) * SIZE * 1.25 / 2 + SIZE * 0.36
        for j, line in enumerate(lines):
            parts.append(text(x + number_w, first + j * SIZE * 1.25, line, weight="bold", fill=INK, size=SIZE))
        body.append(f'<g aria-hidden="true" class="hk-box">{"".join(parts)}</g>')
        y += h + GAP
    return svg("ladder", figure.id, figure.title[lang], describe(figure, lang, label), body, y - GAP)
