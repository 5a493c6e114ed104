"""What ``serve`` shows while the content is broken: every page lists the problems.

Under ``mkdocs serve`` a failed build leaves the browser's requests waiting
until the next build succeeds, and the problems show only in the terminal.
So while serving, the plugin builds a site whose every page (and 404) is
this page instead. It reloads itself every two seconds, and the preview
returns as soon as the files are fixed.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from ..models import SLUG_RE

RELOAD_SECONDS = 2


def problems_page(message: str, lang: str = "en") -> str:
    """A small standalone page (no theme, no script) listing ``message`` line by line."""
    items = "\n".join(f"<li><code>{escape(line)}</code></li>" for line in message.splitlines() if line.strip())
    return f"""<!doctype html>
<html lang="{escape(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="refresh" content="{RELOAD_SECONDS}">
<title>Problems in the content · Błędy w treści</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }}
h1 {{ color: #a40000; font-size: 1.5rem; }}
li {{ margin: .4rem 0; }}
code {{ white-space: pre-wrap; overflow-wrap: anywhere; }}
</style>
</head>
<body>
<main>
<h1>The preview is waiting for the content to be fixed · Podgląd czeka na poprawienie treści</h1>
<p>Fix these problems and save the file; this page shows the site again by itself.</p>
<p lang="pl">Popraw te błędy i zapisz plik; strona sama wróci do podglądu.</p>
<ul id="problems">
{items}
</ul>
</main>
</body>
</html>
"""


def placeholder_pages(root: Path, codes: tuple[str, ...]) -> dict[str, str]:
    """Stand-in topic pages (and glossary) while the topics cannot be loaded, named after the
    topic files, so a reader's topic page exists (and shows the problems) rather than a 404."""
    stems = [p.stem for p in sorted((Path(root) / "topics").glob("*.yaml")) if re.match(SLUG_RE, p.stem)]
    pages = {}
    for lang in codes:
        for stem in ["index", *stems]:
            pages[f"topics/{stem}.{lang}.md"] = "# …\n"
        pages[f"glossary.{lang}.md"] = "# …\n"
    return pages
