"""The validated content as one object: topics in site order, languages, settings, wording.

What the loader returns and every output receives. It holds data and the
lookups outputs need (a topic by slug or alias, a label in a language);
formatting lives in formatting.py and command-line wording in the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import ContentError, Problem
from .languages import Language, SiteSettings
from .models import Topic
from .yaml_source import SourceDoc, dotted


@dataclass(frozen=True)
class Library:
    """All topics, in site order, with the languages they are written in."""

    root: Path
    languages: tuple[Language, ...]
    topics: tuple[Topic, ...]
    settings: SiteSettings
    labels: dict[str, dict[str, str]]
    sources: dict[str, tuple[str, SourceDoc]] = field(default_factory=dict, compare=False, repr=False)
    """Topic slug -> its file (as the editor names it) and where each value stands in it."""

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    @property
    def default_language(self) -> Language:
        return self.languages[0]

    def language(self, code: str) -> Language:
        return next(lang for lang in self.languages if lang.code == code)

    def label(self, key: str, lang: str) -> str:
        """Interface wording from housing_kit/labels.yaml."""
        return self.labels[key][lang]

    def link_titles(self, lang: str) -> dict[str, str]:
        """Where ``[[slug]]`` and ``[[slug#section-id]]`` may lead -> the title a reader sees, in ``lang``."""
        titles = {}
        for topic in self.topics:
            titles[topic.slug] = topic.title[lang]
            titles.update({f"{topic.slug}#{s.id}": s.title[lang] for s in topic.sections})
        return titles

    def names(self) -> dict[str, Topic]:
        """Every slug and alias -> its topic."""
        return {name: t for t in self.topics for name in (t.slug, *t.aliases)}

    def find(self, name: str) -> Topic:
        """The topic called ``name`` (slug or alias), or a ContentError listing the topics."""
        try:
            return self.names()[name.lower()]
        except KeyError:
            raise ContentError([Problem("topics", None, "", f"no topic called {name!r}. {self.describe()}")]) from None

    def describe(self) -> str:
        """The topics and their aliases on one line, for error messages that name a topic."""
        listed = "; ".join(t.slug + (f" (also: {', '.join(t.aliases)})" if t.aliases else "") for t in self.topics)
        return f"Topics: {listed}" if listed else "There are no topics yet."

    def problem(self, slug: str | None, loc: tuple[str | int, ...], message: str) -> Problem:
        """A problem found after loading (by the deck planner, say), placed like the loader's:
        ``topics/ans.yaml:42: sections[2].title.pl: ...``."""
        if slug is None:
            return Problem("topics", None, dotted(loc), message)
        path, doc = self.sources.get(slug, (f"topics/{slug}.yaml", None))
        return Problem(path, doc.line_of(loc) if doc else None, dotted(loc), message)
