"""What a hand-written page needs to fill in its markers: the content, the page's
language and the way back to the site root, plus escaping for generated Markdown."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2

from ..formatting import format_number, format_size
from ..library import Library
from ..models import Event
from ..outputs.downloads import Download


@dataclass(frozen=True)
class PageContext:
    library: Library
    visits: tuple[Event, ...]
    """Public, held visits, newest first."""
    downloads: tuple[Download, ...]
    lang: str
    root: str
    """Relative URL from the page to the site root, e.g. ``../../`` for ``en/contact/``."""
    lang_root: str
    """Relative URL from the page to its language's home: ``../`` for ``en/contact/``."""
    directory_urls: bool = True
    """MkDocs' ``use_directory_urls``: ``topics/ans/`` with it, ``topics/ans.html`` without (the offline copy)."""

    def href(self, page: str, rest: str = "") -> str:
        """A link to another page of this language: ``href("topics/ans")`` -> ``../topics/ans/``."""
        return f"{self.lang_root}{page}{'/' if self.directory_urls else '.html'}{rest}"

    def label(self, key: str, **values: str) -> str:
        text = self.library.label(key, self.lang)
        return text.format(**values) if values else text


def page_root(url: str, lang_prefix: str = "") -> str:
    """``contact/`` -> ``../``; ``en/contact/`` -> ``../../``; the home page -> ``""``.
    With ``lang_prefix`` (``en/``), the way to that language's home instead."""
    return "../" * url.removeprefix(lang_prefix).count("/")


# Characters that start Markdown (or HTML) markup wherever they stand in a line, and
# those that do so only at the start of a line (lists, quotes, headings, definitions).
_ANYWHERE = re.compile(r"[\\`*_\[\]{}<>&#|!]")
_AT_START = re.compile(r"^[-+=:>0-9]")


def markdown_text(text: str) -> str:
    """Untrusted text (from a topic, event or settings file) as literal Markdown: every
    character that could start markup becomes a numeric character reference, and
    line breaks become spaces, so the text can stand anywhere in a line."""
    one_line = " ".join(text.split())
    escaped = _ANYWHERE.sub(lambda m: f"&#{ord(m.group())};", one_line)
    return _AT_START.sub(lambda m: f"&#{ord(m.group())};", escaped)


@lru_cache(maxsize=1)
def _html_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).with_name("templates")),
        autoescape=True,  # every value is escaped unless a template says otherwise
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["number"] = format_number
    env.filters["size"] = format_size
    return env


def render_html(template: str, **values: object) -> str:
    """Render one of ``templates/*.html.j2`` with autoescaping on."""
    return _html_environment().get_template(template).render(**values)
