"""The site's glossary: every topic's terms on one page per language, linked from the text.

Topics define terms in their own files; a term several topics define is defined
identically (the loader checks), so here it is one entry listing those topics.
Entries are sorted by the language's alphabet (Polish: a, ą, b, c, ć …), and in
a topic page's text the first use of each term links to its entry, with the
definition as a tooltip.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

from ..formatting import plain
from ..library import Library

# Letters in alphabetical order, where a language's order differs from the plain Latin one.
ALPHABETS = {"pl": "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"}


def collation_key(text: str, lang: str) -> tuple[tuple[int, ...], str]:
    """Sort key for ``text`` in ``lang``: letters by the language's alphabet (other accents
    ignored), digits before letters, spaces and punctuation ignored; ties broken by the text."""
    alphabet = ALPHABETS.get(lang, "abcdefghijklmnopqrstuvwxyz")
    primary = []
    for ch in text.casefold():
        if ch in alphabet:
            primary.append(100 + alphabet.index(ch))
        elif ch.isdigit():
            primary.append(int(ch))
        elif ch.isalpha():
            base = unicodedata.normalize("NFKD", ch)[0]
            primary.append(100 + alphabet.index(base) if base in alphabet else 1000 + ord(ch))
    return tuple(primary), text


def anchor(term: str) -> str:
    """A term's id on the glossary page: 'Społeczna agencja najmu (SAN)' -> 'spoleczna-agencja-najmu-san'."""
    ascii_text = unicodedata.normalize("NFKD", term.replace("ł", "l").replace("Ł", "L"))
    ascii_text = ascii_text.encode("ascii", "ignore").decode().lower()
    return "term-" + (re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "x")


@dataclass(frozen=True)
class Entry:
    term: dict[str, str]
    definition: dict[str, str]
    topics: tuple[str, ...]
    """Slugs of the topics that define the term, in site order."""
    id: str
    """Its anchor on the glossary page, the same in every language (the language switch keeps it)."""


def site_glossary(library: Library) -> list[Entry]:
    """One entry per term, however many topics define it, in site order of first definition."""
    entries: dict[str, Entry] = {}
    lang = library.default_language.code
    for topic in library.topics:
        for item in topic.glossary:
            key = " ".join(item.term[lang].casefold().split())
            known = entries.get(key)
            slugs = (*known.topics, topic.slug) if known else (topic.slug,)
            entries[key] = Entry(dict(item.term), dict(item.definition), slugs, anchor(item.term[lang]))
    return list(entries.values())


def sorted_entries(library: Library, lang: str) -> list[Entry]:
    return sorted(site_glossary(library), key=lambda e: collation_key(e.term[lang], lang))


# Parts of Markdown a term must not be linked inside: links to topics, citations, links,
# raw HTML tags, code, and attribute lists.
_PROTECTED = re.compile(r"\[\[.*?\]\]|\[@[^\]]*\]|\[[^\]]*\]\([^)]*\)|<[^>]+>|`[^`]*`|\{[^}]*\}")


class TermLinker:
    """Links the first use of each glossary term on a page to its entry on the glossary page."""

    def __init__(self, library: Library, lang: str, glossary_href: str) -> None:
        self._href = glossary_href
        self._entries: dict[str, Entry] = {}
        variants: list[tuple[str, bool]] = []  # (text, case-sensitive)
        titles = library.link_titles(lang)
        self._tooltips: dict[int, str] = {}
        for entry in site_glossary(library):
            term = entry.term[lang]
            self._tooltips[id(entry)] = plain(entry.definition[lang], titles)
            short = re.sub(r"\s*\([^)]*\)\s*$", "", term)
            abbreviation = re.fullmatch(r".*\(([A-ZĄĆĘŁŃÓŚŹŻ]{2,})\)", term)
            forms = [(term, False)]
            if abbreviation or len(short.split()) > 1:  # 'Stan (liczba …)': not every 'stan' is the term
                forms.append((short, False))
            if abbreviation:
                forms.append((abbreviation.group(1), True))
            for text, exact in forms:
                key = text if exact else text.casefold()
                if len(text) > 1 and key not in self._entries:
                    self._entries[key] = entry
                    variants.append((text, exact))
        variants.sort(key=lambda v: -len(v[0]))  # the longest term first: 'ETHOS Light' before 'ETHOS'
        alternatives = [re.escape(t) if exact else f"(?i:{re.escape(t)})" for t, exact in variants]
        self._pattern = re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)") if alternatives else None
        self._done: set[int] = set()

    def _entry(self, text: str) -> Entry:
        return self._entries.get(text) or self._entries[text.casefold()]

    def link(self, markdown: str) -> str:
        """``markdown`` with the page's first use of each term linked (later uses are left alone)."""
        if self._pattern is None:
            return markdown
        out, last = [], 0
        for protected in [*_PROTECTED.finditer(markdown), None]:
            end = protected.start() if protected else len(markdown)
            out.append(self._pattern.sub(self._replace, markdown[last:end]))
            if protected:
                out.append(protected.group(0))
                last = protected.end()
        return "".join(out)

    def _replace(self, match: re.Match[str]) -> str:
        entry = self._entry(match.group(0))
        if id(entry) in self._done:
            return match.group(0)
        self._done.add(id(entry))
        href = f"{self._href}#{entry.id}"
        title = html.escape(self._tooltips[id(entry)], quote=True)
        return f'<a class="hk-term" href="{href}" title="{title}">{match.group(0)}</a>'


def render_glossary_page(library: Library, lang: str) -> str:
    """The Markdown of the glossary page in ``lang``: every term, its definition and its topics."""
    from .pages import link_topics, md_text

    titles = library.link_titles(lang)
    by_slug = {t.slug: t for t in library.topics}
    lines = [f"# {library.label('glossary', lang)}", "", library.label("glossary_lead", lang), ""]
    for entry in sorted_entries(library, lang):
        topics = ", ".join(f"[{md_text(by_slug[s].title[lang])}](topics/{s}.md)" for s in entry.topics)
        definition = link_topics(entry.definition[lang], titles, None, prefix="topics/")
        lines += [
            f"{md_text(entry.term[lang])} {{ #{entry.id} }}",
            f":   {definition}",
            "",
            f'    <span class="hk-term-topics">{library.label("glossary_topics", lang)}: {topics}</span>',
            "",
        ]
    return "\n".join(lines)
