"""Timeline figures as inline SVG: a vertical axis, a dot per event, its date and title beside it.

Vertical, so it reads on a phone as on a desktop: the axis runs down the left
edge, each event's date (``format_when``, as on the slides) and title wrap in the
wide column to its right, and the events follow at even steps (their order
matters, not the gaps between them). The event's longer text is in the table
below the picture.
"""

from __future__ import annotations

from markupsafe import Markup

from ...formatting import format_when
from ...models import TimelineEvent, TimelineFigure
from .draw import INK, PAPER, WIDTH, Label, colour, num, svg, text, text_lines

SIZE = 20  # the picture's text: 0.69 of this on a 390 px phone (a 520-unit picture in 358 px)
PITCH = SIZE * 1.3
AXIS_X = 12.0
TEXT_X = 36.0
GAP = 16.0  # between one event's title and the next date


def event_date(event: TimelineEvent, label: Label) -> str:
    return format_when(event.when, label("month_names"))


def describe(figure: TimelineFigure, lang: str, label: Label) -> str:
    """The events in words, date first: the picture's description."""
    return " ".join(f"{event_date(e, label)}: {e.title[lang].rstrip('.')}." for e in figure.events)


def timeline_svg(figure: TimelineFigure, lang: str, label: Label) -> Markup:
    accent, line = colour("accent1"), colour("dk2")
    out = ['<g aria-hidden="true">']
    y = 0.0
    dots: list[float] = []
    for event in figure.events:
        y += PITCH
        dots.append(y - SIZE * 0.35)
        out.append(text(TEXT_X, y, event_date(event, label), weight="bold", fill=accent, size=SIZE))
        for row in text_lines(event.title[lang], WIDTH - TEXT_X, lang, SIZE):
            y += PITCH
            out.append(text(TEXT_X, y, row, fill=INK, size=SIZE))
        y += GAP
    end = y - GAP + 10
    axis = (
        f'<line x1="{num(AXIS_X)}" y1="{num(dots[0])}" x2="{num(AXIS_X)}" y2="{num(end)}" '
        f'stroke="{line}" stroke-width="3"></line>'
    )
    # an arrow head at the bottom: time runs down
    head = (
        f'<polyline points="{num(AXIS_X - 7)},{num(end - 2)} {num(AXIS_X + 7)},{num(end - 2)} '
        f'{num(AXIS_X)},{num(end + 10)}" fill="{line}"></polyline>'
    )
    marks = "".join(
        f'<circle cx="{num(AXIS_X)}" cy="{num(d)}" r="8" fill="{accent}" stroke="{PAPER}" stroke-width="2"></circle>'
        for d in dots
    )
    out.insert(1, axis + head + marks)
    out.append("</g>")
    return svg("timeline", figure.id, figure.title[lang], describe(figure, lang, label), out, end + 12)
