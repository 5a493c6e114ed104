"""Topic text as safe HTML: an allow-list of elements, attributes and link schemes.

Topic files come from editors and from outside contributors, and Markdown
passes raw HTML and attribute lists (``{: onclick="…" }``) straight through.
So every generated page is cleaned after Markdown has rendered it, with nh3
(the Ammonia sanitiser): what is not on the lists below is removed, whatever
syntax produced it. The lists hold what our own templates and the Markdown
extensions in mkdocs.yml emit: headings with ids and permalinks, figures,
tables, citations, footnotes, definition lists, details, download links.

``removed_markup`` names what cleaning would remove, for ``check`` to warn
about, with the same lists.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

# Elements a topic page may contain; anything else is dropped (its text kept),
# and script, style and similar elements are dropped with their content.
_TAGS = """a abbr b blockquote br caption cite code col colgroup dd del details dfn div dl dt em figcaption
figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp section small span strong sub summary
sup table tbody td tfoot th thead time tr u ul"""
# The inline SVG figures of svg/: only what it draws (no <a>, <use>, <image>, <foreignObject>).
_SVG_TAGS = "svg g rect line text title desc polyline circle"
ALLOWED_TAGS = frozenset(_TAGS.split()) | frozenset(_SVG_TAGS.split())
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "iframe", "object", "noscript", "math"})
# Attributes allowed on every element: none of them can run code or load anything.
GLOBAL_ATTRIBUTES = frozenset(
    {
        "id",
        "class",
        "lang",
        "dir",
        "title",
        "role",
        "tabindex",
        "aria-label",
        "aria-labelledby",
        "aria-describedby",
        "aria-hidden",
    }
)
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "hreflang", "download", "type"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "td": frozenset({"colspan", "rowspan", "style"}),
    "th": frozenset({"colspan", "rowspan", "scope", "style"}),
    "span": frozenset({"style"}),  # the bars of chart tables: style="--hk-bar: 42%"
    "time": frozenset({"datetime"}),
    "ol": frozenset({"start", "reversed"}),
    "details": frozenset({"open"}),
    "q": frozenset({"cite"}),
    "blockquote": frozenset({"cite"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    # SVG: geometry and paint as attributes; no style=, no href, no event handlers.
    "svg": frozenset({"viewBox", "xmlns", "focusable", "width", "height"}),
    "g": frozenset({"fill", "stroke"}),
    "rect": frozenset({"x", "y", "width", "height", "rx", "fill", "stroke", "stroke-width"}),
    "line": frozenset({"x1", "y1", "x2", "y2", "stroke", "stroke-width"}),
    "text": frozenset({"x", "y", "text-anchor", "dominant-baseline", "font-size", "font-weight", "fill"}),
    "polyline": frozenset({"points", "fill", "stroke", "stroke-width"}),
    "circle": frozenset({"cx", "cy", "r", "fill", "stroke", "stroke-width"}),
}
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
# Links may leave the site only for the web and e-mail; in-site links are relative.
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Inline styles may set only these properties (chart bars, Markdown table alignment).
STYLE_PROPERTIES = frozenset({"--hk-bar", "text-align"})

_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*):")


@lru_cache(maxsize=1)
def _cleaner() -> Any:  # an nh3.Cleaner
    import nh3

    attributes = {tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()}
    attributes["*"] = set(GLOBAL_ATTRIBUTES)
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes=attributes,
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(STYLE_PROPERTIES),
        link_rel=None,  # our links need no rel; keeping the markup as written
        strip_comments=True,
    )


def sanitise_html(html: str) -> str:
    """``html`` with everything outside the allow-lists removed."""
    return str(_cleaner().clean(html))


def _style_properties(style: str) -> list[str]:
    return [part.split(":", 1)[0].strip().lower() for part in style.split(";") if ":" in part]


class _Finder(HTMLParser):
    """Collects what sanitise_html would remove, in words an editor understands."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def _add(self, what: str) -> None:
        if what not in self.found:
            self.found.append(what)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self._add(f"<{tag}>")
            return
        # HTMLParser lowers attribute names; SVG ones such as viewBox are listed as written
        allowed = {name.lower() for name in GLOBAL_ATTRIBUTES | ALLOWED_ATTRIBUTES.get(tag, frozenset())}
        for name, value in attrs:
            if name not in allowed:
                self._add(f"{name}= on <{tag}>")
            elif name in URL_ATTRIBUTES:
                scheme = _SCHEME.match(re.sub(r"[\t\n\r]", "", value or ""))  # as browsers read it
                if scheme and scheme.group(1).lower() not in URL_SCHEMES:
                    self._add(f"a {scheme.group(1).lower()}: link on <{tag}>")
            elif name == "style" and any(p not in STYLE_PROPERTIES for p in _style_properties(value or "")):
                self._add(f"style= on <{tag}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def removed_markup(html: str) -> list[str]:
    """What ``sanitise_html`` removes from ``html``: elements, attributes and links, each named once."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found
