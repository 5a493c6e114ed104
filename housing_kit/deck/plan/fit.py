"""Layout arithmetic: wrapping and splitting text, sizing tables.

Pure functions on points (1/72 in) and plain data; nothing here touches a
slide, so the rules that keep text inside its box can be tested on their
own. Widths come from metrics.py (the real glyph advances of the deck
font); a small safety factor covers rounding in renderers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .metrics import _advance, _em_width, line_pitch, text_width

__all__ = ["line_pitch", "text_width"]  # re-exported: callers measure through fit

SAFETY = 0.97  # use 97% of a box's width when wrapping
_BREAK = re.compile(r"[ \t]+")  # only ordinary spaces break lines; no-break spaces do not
_TOKENS = re.compile(r"([ \t]+|\n)")


# ---------------------------------------------------------------- text model
@dataclass(frozen=True)
class Span:
    """A piece of a paragraph in one style."""

    text: str
    bold: bool = False
    link: str | None = None  # a URL or mailto: address
    colour: str | None = None  # a theme slot ("accent1", "dk2") when not inherited
    lang: str | None = None  # two-letter code when not the deck's language (a source's title)


@dataclass(frozen=True)
class Para:
    """One paragraph as it will be written: its spans and the spacing we measure with."""

    spans: tuple[Span, ...]
    size: float  # points
    indent: float = 0.0  # left margin in points (room for a bullet or number)
    space_before: float = 0.0
    bullet: bool = False
    number: int | None = None  # shown as an automatic number starting here
    align: str | None = "left"  # left, right, centre, or None to keep the template's

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


def para(text: str, size: float, **kwargs) -> Para:
    bold = kwargs.pop("bold", False)
    return Para((Span(text, bold=bold),), float(size), **kwargs)


@lru_cache(maxsize=8192)
def _words(spans: tuple[Span, ...]) -> tuple[tuple, ...]:
    """(width, spaces after it, forced break after, its pieces) per word, widths in ems.
    Cached: the planner measures the same paragraph at several sizes."""
    words: list[list] = []
    current: list | None = None  # [width, pieces]; a word may continue across spans ("**bold**ly")

    def close() -> None:
        nonlocal current
        if current is not None:
            words.append([current[0], 0.0, False, current[1]])
            current = None

    for span in spans:
        for token in _TOKENS.split(span.text):
            if not token:
                continue
            if token == "\n":
                close()
                if not words:
                    words.append([0.0, 0.0, False, []])
                words[-1][2] = True
            elif token.isspace():
                close()
                if words:
                    words[-1][1] += _em_width(token, span.bold)
            else:
                current = current or [0.0, []]
                current[0] += _em_width(token, span.bold)
                current[1].append((token, span.bold))
    close()
    return tuple(tuple(word) for word in words)


def _broken(pieces: list[tuple[str, bool]], usable: float) -> tuple[int, float]:
    """A word wider than the line, broken between characters: (extra lines, width of the last piece)."""
    extra, used = 0, 0.0
    for advance in (_advance(ch, bold) for text, bold in pieces for ch in text):
        if used and used + advance > usable:
            extra, used = extra + 1, 0.0
        used += advance
    return extra, used


@lru_cache(maxsize=16384)
def count_lines(spans: tuple[Span, ...], width: float, size: float) -> int:
    """Lines a paragraph takes in a column ``width`` points wide (greedy, like PowerPoint)."""
    usable = width * SAFETY / size  # compare in ems
    lines, used = 1, 0.0
    for word, space, forced, pieces in _words(spans):
        if used and used + word > usable:
            lines, used = lines + 1, 0.0
        if word > usable:  # a word longer than the line is broken between characters
            extra, word = _broken(pieces, usable)
            lines += extra
        used += word + space
        if forced:
            lines, used = lines + 1, 0.0
    return lines


def wrap_lines(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """``text`` broken into the lines it takes at ``size`` in ``width`` points."""
    usable = width * SAFETY
    lines: list[str] = []
    for raw in text.split("\n"):
        current = ""
        for word in _BREAK.split(raw.strip()):
            trial = f"{current} {word}" if current else word
            if not current or text_width(trial, size, bold) <= usable:
                current = trial
            else:
                lines.append(current)
                current = word
            while text_width(current, size, bold) > usable and len(current) > 1:
                cut = len(current)
                while cut > 1 and text_width(current[:cut], size, bold) > usable:
                    cut -= 1
                lines.append(current[:cut])
                current = current[cut:]
        lines.append(current)
    return lines


def para_height(p: Para, width: float, first: bool = False) -> float:
    """Height of one paragraph in a column ``width`` points wide, space before included."""
    lines = count_lines(p.spans, width - p.indent, p.size)
    return (0.0 if first else p.space_before) + lines * line_pitch(p.size)


def paras_height(paras: list[Para], width: float) -> float:
    """Height of paragraphs stacked in one text box (insets not included)."""
    return sum(para_height(p, width, first=i == 0) for i, p in enumerate(paras))


def fits(paras: list[Para], width: float, height: float) -> bool:
    return paras_height(paras, width) <= height + 0.01


# ---------------------------------------------------------------- splitting
def paginate(heights: list[float], capacity: float, gap: float = 0.0) -> list[list[int]]:
    """Indices of items per page, in order, with as few pages as possible and
    the items spread evenly (4 + 3 rather than 6 + 1). An item taller than a
    page gets a page of its own; the caller must split such items first."""
    if not heights:
        return []

    def pack(limit: float) -> list[list[int]]:
        pages: list[list[int]] = [[]]
        used = 0.0
        for i, h in enumerate(heights):
            need = h + (gap if pages[-1] else 0.0)
            if pages[-1] and used + need > limit + 0.01:
                pages.append([])
                used, need = 0.0, h
            pages[-1].append(i)
            used += need
        return pages

    best = pack(capacity)
    low, high = max(heights), capacity
    for _ in range(30):  # the smallest page height that still needs no extra page
        if high - low < 0.5:
            break
        middle = (low + high) / 2
        if len(pack(middle)) <= len(best):
            high = middle
        else:
            low = middle
    balanced = pack(high)
    return balanced if len(balanced) == len(best) else best


def fit_paragraphs(paras: list[Para], width: float, height: float) -> list[list[Para]]:
    """Paragraphs spread over as few boxes of ``width`` x ``height`` as needed.

    The first paragraph in a box gets no space before it (the renderer drops
    it too). A paragraph taller than a whole box is cut between lines;
    nothing is shrunk here: choose the size before calling."""
    pieces: list[Para] = []
    heights: list[float] = []
    for p in paras:
        own = para_height(p, width, first=True)
        split = [p] if own <= height else _split_tall(p, width, height)
        pieces += split
        heights += [own] if len(split) == 1 else [para_height(s, width, first=True) for s in split]
    gap = max((p.space_before for p in pieces), default=0.0)
    return [[pieces[i] for i in page] for page in paginate(heights, height, gap)]


def _split_tall(p: Para, width: float, height: float) -> list[Para]:
    if para_height(p, width, first=True) <= height:
        return [p]
    bold = any(s.bold for s in p.spans)
    lines = wrap_lines(p.text, width - p.indent, p.size, bold)
    per_box = max(1, int(height // line_pitch(p.size)))
    chunks = [" ".join(lines[i : i + per_box]) for i in range(0, len(lines), per_box)]
    first = replace(p, spans=(Span(chunks[0], bold=bold),))
    rest = [replace(p, spans=(Span(c, bold=bold),), bullet=False, number=None) for c in chunks[1:]]
    return [first, *rest]


def choose_size(build, sizes, width: float, height: float) -> tuple[float, list[Para]]:
    """The largest size in ``sizes`` at which ``build(size)`` fits the box, else the smallest."""
    paras: list[Para] = []
    for size in sizes:
        paras = build(float(size))
        if fits(paras, width, height):
            return float(size), paras
    return float(sizes[-1]), paras


# ---------------------------------------------------------------- tables
def column_widths(columns: list[list[str]], total: float, size: float, padding: float) -> list[float]:
    """Share ``total`` points between columns the way a browser lays out a table:
    each column gets at least its longest word and grows toward its longest line."""
    least, most = [], []
    for cells in columns:
        words = [w for cell in cells for w in _BREAK.split(cell) if w]
        least.append(max((text_width(w, size, True) for w in words), default=0.0) / SAFETY + padding + 1.0)
        most.append(max((text_width(c, size, True) for c in cells), default=0.0) / SAFETY + padding + 1.0)
    if sum(least) >= total:
        return [total * w / sum(least) for w in least]
    if sum(most) <= total:
        return [total * w / sum(most) for w in most]
    spare = total - sum(least)
    stretch = [m - n for m, n in zip(most, least, strict=True)]
    return [n + spare * s / sum(stretch) for n, s in zip(least, stretch, strict=True)]


def cell_height(text: str, width: float, size: float, pad_x: float, pad_y: float, bold: bool = False) -> float:
    """Height a table cell needs for ``text``: its wrapped lines plus the cell margins."""
    lines = count_lines((Span(text, bold=bold),), width - 2 * pad_x, size) if text else 1
    return lines * line_pitch(size) + 2 * pad_y


def number_indent(last: int, size: float, minimum: float) -> float:
    """Hanging indent wide enough for the widest automatic number ('32.') at ``size``."""
    return max(minimum, text_width(f"{last}.", size, True) + 0.5 * size)
