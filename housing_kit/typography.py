"""Typography applied when text is rendered, the same for the site and the decks.

Editors type plain text: straight quotes, ordinary spaces, numbers as they come.
What a reader sees follows each language's conventions:

- Polish: a no-break space after one-letter words (``w domu`` never leaves the
  ``w`` at a line end), between a number and its unit, ``r.`` or ``%``;
  quotes „…”; thousands grouped as ``30 712``.
- English: curly quotes and apostrophes; ``30,712``; ``25%``.

Numbers of four digits are left alone in both languages: most are years.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"

# One-letter Polish words that must not end a line (prepositions and conjunctions).
_PL_SINGLE = re.compile(r"(?<![\w.,/-])([aiouwzAIOUWZ]) +(?=\S|$)")
# Units and abbreviations that follow a number: "2013 r.", "15 tys.", "2,5 mln zł", "97 %".
_PL_UNIT = re.compile(r"(?<=\d) +(?=(?:r\.|rr\.|tys\.|mln|mld|zł|proc\.|pkt|os\.|km|m²|m2|EUR|euro|%|‰)(?![\w]))")
_PL_PERCENT = re.compile(r"(?<=\d)%")
_EN_PERCENT = re.compile(r"(?<=\d)[ \u00a0]+%")
# A whole number of five or more digits, alone (not part of a code, URL or decimal).
_LONG_NUMBER = re.compile(r"(?<![\w.,/\-:=#\u00a0])(\d{5,})(?![\w/\-:=]|[.,]\d)")
# Already grouped numbers with ordinary spaces in Polish: "31 042" -> "31 042" with a no-break space.
_PL_GROUPED = re.compile(r"(?<![\w.,/])(\d{1,3})((?: \d{3})+)(?![\w/]|[.,]\d)")
_DOUBLE_QUOTED = re.compile(r'"([^"\n]+)"')
_EN_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_EN_SINGLE_QUOTED = re.compile(r"(?<![\w])'([^'\n]+)'(?![\w])")


def group_thousands(digits: str, lang: str) -> str:
    """``30712`` as the language writes it: ``30 712`` (no-break space) or ``30,712``."""
    separator = "," if lang == "en" else NBSP
    head = len(digits) % 3 or 3
    return separator.join([digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))])


def typeset(text: str, lang: str) -> str:
    """Plain text with the language's typography; safe to apply twice."""
    if not text:
        return text
    text = _LONG_NUMBER.sub(lambda m: group_thousands(m.group(1), lang), text)
    if lang == "pl":
        text = _PL_GROUPED.sub(lambda m: m.group(1) + m.group(2).replace(" ", NBSP), text)
        text = _PL_PERCENT.sub(NBSP + "%", text)
        text = _PL_UNIT.sub(NBSP, text)
        text = _PL_SINGLE.sub(lambda m: m.group(1) + NBSP, text)
        text = _DOUBLE_QUOTED.sub("\u201e\\1\u201d", text)
    elif lang == "en":
        text = _EN_PERCENT.sub("%", text)
        text = _DOUBLE_QUOTED.sub("\u201c\\1\u201d", text)
        text = _EN_APOSTROPHE.sub("\u2019", text)
        text = _EN_SINGLE_QUOTED.sub("\u2018\\1\u2019", text)
    return text


_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_RAW_ELEMENTS = ("code", "pre", "script", "style", "kbd", "samp", "textarea")


def typeset_html(html: str, lang: str) -> str:
    """Typography for the text of an HTML fragment: tags, attributes and code are left as they are."""
    out = []
    raw_depth = 0
    for piece in _TAG_OR_TEXT.split(html):
        if piece.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", piece)
            if name and name.group(1).lower() in _RAW_ELEMENTS and not piece.endswith("/>"):
                raw_depth += -1 if piece.startswith("</") else 1
                raw_depth = max(raw_depth, 0)
            out.append(piece)
        elif raw_depth or not piece.strip():
            out.append(piece)
        else:
            text = piece.replace("&quot;", '"').replace("&#39;", "'").replace("&#x27;", "'")
            out.append(typeset(text, lang))
    return "".join(out)


def join_reference(*parts: str | None) -> str:
    """Reference parts joined with full stops, never doubled: ``2021 r.`` + ``Title!`` stay as they are."""
    out = []
    for part in parts:
        part = (part or "").strip()
        if not part:
            continue
        out.append(part if part[-1] in ".!?…" else part + ".")
    return " ".join(out)
