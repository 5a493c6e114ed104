"""Topic pages: validated topics in, Markdown (with accessible HTML figures) out.

The pages are written into ``docs/topics/`` at build time (never committed)
because mkdocs-static-i18n only handles files that exist in ``docs_dir``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from ..loader import Library
from ..deck.downloads import Download
from ..formatting import format_number, format_size, plain
from ..models import CITATION_RE, Topic


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).with_name("templates")),
        autoescape=False,  # Markdown output: HTML parts escape explicitly via |e
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["e"] = escape
    env.filters["number"] = format_number
    env.filters["size"] = format_size
    return env


def cite_links(markdown: str, topic: Topic, lang: str, library: Library) -> str:
    """Turn ``[@source-id]`` into a numbered link to the list of sources."""
    numbers = topic.source_numbers()
    label = library.label("source", lang)

    def link(match: re.Match) -> str:
        n = numbers[match.group(1)]
        return f'<sup class="hk-cite"><a href="#source-{n}" aria-label="{label} {n}">[{n}]</a></sup>'

    return CITATION_RE.sub(link, markdown)


def render_topic_page(topic: Topic, lang: str, library: Library, downloads: list[Download], depth: int) -> str:
    """The Markdown source of one topic page in one language.

    ``depth`` is how many folders the page sits below the site root, so that
    raw HTML links to downloads resolve without MkDocs rewriting them."""
    t = _environment().get_template("topic.md.j2")
    return t.render(
        topic=topic,
        lang=lang,
        L=lambda key: library.label(key, lang),
        library=library,
        tr=lambda text: text[lang] if text is not None else "",
        cite=lambda md: cite_links(md, topic, lang, library),
        plain=plain,
        downloads=[d for d in downloads if d.lang == lang and d.slug == topic.slug],
        up="../" * depth,
        by_slug={t.slug: t for t in library.topics},
        numbers=topic.source_numbers(),
        Markup=Markup,
    )


def render_topic_cards(library: Library, lang: str, prefix: str, directory_urls: bool = True) -> str:
    """The list of topics shown on the home page and the topics page; ``prefix``
    leads from the page's folder to the topics folder. Without directory URLs
    (the offline copy) a topic's page is ``<slug>.html``, not ``<slug>/``."""
    return _environment().get_template("cards.md.j2").render(
        topics=library.topics, lang=lang, plain=plain, prefix=prefix, suffix="/" if directory_urls else ".html"
    )


def render_topics_index(library: Library, lang: str, directory_urls: bool = True) -> str:
    return f"# {library.label('topics', lang)}\n\n{library.label('topics_lead', lang)}\n\n" + render_topic_cards(
        library, lang, prefix="", directory_urls=directory_urls
    )


def write_pages(
    library: Library, docs_dir: Path, downloads: list[Download], directory_urls: bool = True
) -> list[Path]:
    """Write every topic page into ``docs/topics/``; touch only files whose text changed.

    Unchanged files keep their timestamps, so ``mkdocs serve`` does not loop
    on its own output; pages of deleted topics are removed. ``directory_urls``
    is MkDocs' ``use_directory_urls``: a page is ``topics/<slug>/index.html``
    with it and ``topics/<slug>.html`` without (the offline copy)."""
    out = Path(docs_dir) / "topics"
    out.mkdir(parents=True, exist_ok=True)
    wanted: dict[Path, str] = {}
    for lang in library.codes:
        depth = (1 if lang == library.default_language.code else 2) + (1 if directory_urls else 0)
        wanted[out / f"index.{lang}.md"] = render_topics_index(library, lang, directory_urls)
        for topic in library.topics:
            wanted[out / f"{topic.slug}.{lang}.md"] = render_topic_page(topic, lang, library, downloads, depth)
    for path, text in wanted.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    for stale in set(out.glob("*.md")) - set(wanted):
        stale.unlink()
    return sorted(wanted)
