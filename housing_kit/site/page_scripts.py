"""Scripts that serve one kind of page are left off every other page.

mkdocs.yml lists every script of the site (``extra_javascript``), and Material puts
them all on every page. The request form's script and the three explainers' scripts
each serve one or two pages; elsewhere they were downloaded, parsed and run to find
nothing (issue 11: a phone's main thread). Each is kept only on a page that carries
the markup it looks for.
"""

from __future__ import annotations

import re

NEEDS: dict[str, str] = {
    "request-form.js": "data-hk-request",
    "hk-ethos-explorer.js": 'data-hk-explainer="ethos"',
    "hk-stock-flow.js": 'data-hk-explainer="calculator"',
    "hk-self-assessment.js": 'data-hk-explainer="ladder"',
}
"""Script file -> the markup (as the page's HTML has it) that the script sets up."""

_SCRIPT = re.compile(r'<script src="[^"]*assets/javascripts/(?P<name>[\w.-]+\.js)"[^>]*></script>\n?')


def drop_unused_scripts(html: str) -> str:
    """``html`` without the script tags of page scripts whose markup the page does not have."""

    def keep(match: re.Match[str]) -> str:
        needs = NEEDS.get(match["name"])
        return match[0] if needs is None or needs in html else ""

    return _SCRIPT.sub(keep, html)
