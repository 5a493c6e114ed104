"""Wide tables on small screens: each one scrolls inside a region a keyboard can reach.

The figure partials (templates/figures/*.html.j2) write their own region, named by
the table's caption, and give their table a class, so Material's JavaScript leaves
it alone. A Markdown table in a page's body is wrapped here, after Markdown has
rendered it; Material still wraps the table in its own scroller, which extra.css
flattens so that only the named, focusable region scrolls (axe's
``scrollable-region-focusable``).
"""

from __future__ import annotations

import re

from markupsafe import escape

_TABLE = re.compile(r"<table>.*?</table>", re.S)


def wrap_markdown_tables(html: str, label: str) -> str:
    """Put every class-less ``<table>`` in a focusable region named ``label`` and its number on the page."""
    count = 0

    def wrap(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        name = escape(f"{label} {count}")
        return f'<div class="hk-scroll" role="region" tabindex="0" aria-label="{name}">{match.group(0)}</div>'

    return _TABLE.sub(wrap, html)
