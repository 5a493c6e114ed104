"""Topic pages: validated topics in, Markdown (with accessible HTML figures) out.

The pages are handed to MkDocs as generated files (see plugin.py); nothing
is written into ``docs/``.
"""

from __future__ import annotations

import html
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from ..figure_kinds import PICTURES, figure_kind, resolve
from ..formatting import LinkTitles, format_date, format_number, format_size, format_when, plain, topic_links
from ..library import Library
from ..models import FigureBase, Topic
from ..outputs.downloads import Download
from .citations import PageCitations
from .glossary import TermLinker, render_glossary_page


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
    env.filters["md_text"] = md_text
    env.filters["text"] = lambda s: html.escape(s, quote=False)  # quotes left for typography.py to curl
    env.filters["number"] = format_number
    env.filters["size"] = format_size
    return env


# Characters that would make plain text into markup inside Markdown: HTML, and the
# Markdown syntax for links, emphasis, code, headings and attribute lists ({: ...}).
_MARKDOWN_TEXT = {"&": "&amp;", "<": "&lt;", ">": "&gt;"} | {c: f"&#{ord(c)};" for c in "\\`*_{}[]#"}


def md_text(text: str) -> Markup:
    """Plain text (a title, a term) for a Markdown line: shown as typed, never read as markup."""
    return Markup("".join(_MARKDOWN_TEXT.get(ch, ch) for ch in str(text)))


def link_topics(text: str, titles: LinkTitles, here: str | None, prefix: str = "") -> str:
    """``[[slug]]`` / ``[[slug#section-id]]`` in Markdown as links to the topic's page in the page's
    language; ``here`` is the slug of the page's own topic (its sections are linked as anchors),
    ``prefix`` leads from the page's folder to the topics folder."""

    def link(slug: str, section: str | None, title: str) -> str:
        anchor = f"#{section}" if section else ""
        target = anchor if slug == here and section else f"{prefix}{slug}.md{anchor}"
        return f"[{md_text(title)}]({target})"

    return topic_links(text, titles, link)


WORDS_PER_MINUTE = 200


def reading_minutes(topic: Topic, lang: str, library: Library) -> int:
    """Minutes a reader needs for the page's prose: the summary, the sections and the practical part."""
    texts = [topic.summary[lang], *(s.body[lang] for s in topic.sections), topic.actions.notes[lang]]
    texts += [p[lang] for p in topic.actions.points]
    titles = library.link_titles(lang)
    words = sum(len(plain(t, titles).split()) for t in texts)
    return max(1, round(words / WORDS_PER_MINUTE))


def render_topic_page(
    topic: Topic,
    lang: str,
    library: Library,
    downloads: list[Download],
    depth: int,
    glossary_href: str = "../../glossary/",
) -> str:
    """The Markdown source of one topic page in one language.

    ``depth`` is how many folders the page sits below the site root, so that
    raw HTML links to downloads resolve without MkDocs rewriting them; ``glossary_href``
    leads from the page to the glossary page of its language."""
    t = _environment().get_template("topic.md.j2")
    citations = PageCitations(topic, lang, library)
    titles = library.link_titles(lang)

    terms = TermLinker(library, lang, glossary_href)

    def md(text: str) -> str:
        return link_topics(terms.link(text), titles, topic.slug)

    return t.render(
        topic=topic,
        lang=lang,
        L=lambda key: library.label(key, lang),
        library=library,
        date=lambda day: format_date(day, library.label("months", lang)),
        when=lambda when: format_when(when, library.label("month_names", lang)),
        tr=lambda text: text[lang] if text is not None else "",
        cite=lambda text: citations.markdown(md(text)),
        md=md,
        citations=citations,
        plain=lambda text: plain(text, titles),
        downloads=[d for d in downloads if d.lang == lang and d.slug == topic.slug],
        up="../" * depth,
        by_slug={t.slug: t for t in library.topics},
        minutes=reading_minutes(topic, lang, library),
        Markup=Markup,
        partial=lambda kind: f"figures/{figure_kind(kind).partial}",
        figure_svg=lambda figure: figure_svg(figure, lang, library),
    )


def figure_svg(figure: FigureBase, lang: str, library: Library) -> Markup:
    """The figure drawn as an inline SVG by the function its kind names; empty for a kind without one."""
    name = figure_kind(figure.kind).svg  # type: ignore[attr-defined]  # every Figure has a kind
    if name is None:
        return Markup("")
    picture: Markup = resolve(PICTURES, name)(figure, lang, lambda key: library.label(key, lang))
    return picture


def render_topic_cards(library: Library, lang: str, prefix: str, directory_urls: bool = True, level: int = 3) -> str:
    """The list of topics shown on the home page and the topics page; ``prefix``
    leads from the page's folder to the topics folder. Without directory URLs
    (the offline copy) a topic's page is ``<slug>.html``, not ``<slug>/``."""
    return (
        _environment()
        .get_template("cards.md.j2")
        .render(
            topics=library.topics,
            lang=lang,
            plain=lambda text: plain(text, library.link_titles(lang)),
            prefix=prefix,
            suffix="/" if directory_urls else ".html",
            level=level,  # h3 under the home page's "Topics" heading; h2 right under the topics page's h1
        )
    )


def render_topics_index(library: Library, lang: str, directory_urls: bool = True) -> str:
    return f"# {library.label('topics', lang)}\n\n{library.label('topics_lead', lang)}\n\n" + render_topic_cards(
        library, lang, prefix="", directory_urls=directory_urls, level=2
    )


def generated_pages(library: Library, downloads: list[Download], directory_urls: bool = True) -> dict[str, str]:
    """Every generated page, as MkDocs source paths (``topics/<slug>.<lang>.md``) -> Markdown:
    the topics overview and each topic, in every language. ``directory_urls`` is MkDocs'
    ``use_directory_urls``: a page is ``topics/<slug>/index.html`` with it and
    ``topics/<slug>.html`` without (the offline copy)."""
    pages: dict[str, str] = {}
    for lang in library.codes:
        depth = (1 if lang == library.default_language.code else 2) + (1 if directory_urls else 0)
        pages[f"topics/index.{lang}.md"] = render_topics_index(library, lang, directory_urls)
        pages[f"glossary.{lang}.md"] = render_glossary_page(library, lang)
        glossary = "../../glossary/" if directory_urls else "../glossary.html"
        for topic in library.topics:
            pages[f"topics/{topic.slug}.{lang}.md"] = render_topic_page(
                topic, lang, library, downloads, depth, glossary
            )
    return pages
