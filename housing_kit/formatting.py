"""Text as both outputs show it: numbers in the reader's style, Markdown as plain text.

One module for the site and the decks, so a figure reads the same on a page
and on a slide.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping

from .models import CITATION_RE, TOPIC_LINK_RE

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"(\*\*|__|[*_`])(?=\S)(.+?)(?<=\S)\1")
_HEADING_OR_QUOTE = re.compile(r"^\s*(#+|>)\s*", re.MULTILINE)


LinkTitles = Mapping[str, str]
"""Where a topic link may lead, in one language: ``slug`` and ``slug#section-id`` -> the title shown."""


def topic_links(text: str, titles: LinkTitles, link: Callable[[str, str | None, str], str] | None = None) -> str:
    """``[[slug]]`` and ``[[slug#section-id]]`` resolved: the topic's or section's title (or the words
    after ``|``: ``[[ans|agencies]]``), or, with
    ``link``, whatever ``link(slug, section_id, title)`` makes of it (the site's Markdown link).
    The loader has checked every target; one it does not know is shown as typed."""

    def resolve(match: re.Match[str]) -> str:
        slug, section, words = match.group(1), match.group(2), match.group(3)
        title = titles.get(f"{slug}#{section}" if section else slug)
        if title is None:
            return words or match.group(0)
        shown = words.strip() if words else title
        return link(slug, section, shown) if link else shown

    return TOPIC_LINK_RE.sub(resolve, text)


def plain(text: str, titles: LinkTitles | None = None) -> str:
    """Markdown to one plain line: citations, links, emphasis and heading marks removed;
    links to topics (``[[ans]]``) become the titles in ``titles``."""
    if titles is not None:
        text = topic_links(text, titles)
    text = CITATION_RE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _MARKS.sub(r"\2", text)
    text = _HEADING_OR_QUOTE.sub("", text)
    text = re.sub(r"[^\S\u00a0]+", " ", text).strip()  # no-break spaces (typography.py) stay
    return re.sub(r" ([.,;:!?)])", r"\1", text)


def format_number(value: float | int | None, lang: str) -> str:
    """Numbers as each language writes them: 30 330 and 2,5 in Polish; 30,330 and 2.5 in English."""
    if value is None:
        return "–"
    # Four-digit numbers (years above all) are written without a separator.
    grouping = "," if abs(value) >= 10000 else ""
    text = f"{value:{grouping}.0f}" if float(value).is_integer() else f"{value:{grouping}.1f}"
    if lang == "en":
        return text
    # Polish (and most continental languages): a no-break space for thousands, comma for decimals.
    # U+00A0 rather than the narrow U+202F: every font the decks and the site name has it.
    return text.replace(",", "\u00a0").replace(".", ",")


def format_size(size: int, lang: str) -> str:
    """File sizes for download links: 180 KB, 1.2 MB (1,2 MB in Polish)."""
    kilo = size / 1024
    text = f"{kilo:.0f} KB" if kilo < 1024 else f"{kilo / 1024:.1f} MB"
    return text if lang == "en" else text.replace(".", ",")


def format_date(date: dt.date, months: str) -> str:
    """A date as a reader writes it: '22 listopada 2026', '22 November 2026'.

    ``months`` is the language's twelve month names in the form a date uses,
    space-separated (the ``months`` label in labels.yaml)."""
    return f"{date.day} {months.split()[date.month - 1]} {date.year}"


def format_when(when: str, months: str) -> str:
    """A timeline's date (``2009`` or ``2009-09``) as a reader writes it: '2009', 'wrzesień 2009',
    'September 2009', or in the short forms 'IX 2009' and 'Sep 2009'.

    ``months`` is the language's twelve month names, space-separated: the ``month_names``
    label in labels.yaml, or ``month_short`` where space is tight. The site and the decks
    both call this, so a date reads the same on a page and on a slide."""
    year, _, month = when.partition("-")
    return f"{months.split()[int(month) - 1]} {year}" if month else year
