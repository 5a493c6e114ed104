"""Citations on a topic page, both ways: numbered in reading order, linked back from the list.

A page's first citation is [1], whatever the source's place in the topic file;
each place that cites a source gets an id, and the list of sources links back
to every one of them. The decks number their sources themselves (per deck),
so this is the site's numbering only.

One ``PageCitations`` per rendered page: the template calls it in reading order
(section bodies, figure notes, the practical part) and lists the sources last.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from ..library import Library
from ..models import CITATION_RE, Source, Topic


@dataclass
class CitedSource:
    number: int
    source: Source
    places: list[str] = field(default_factory=list)
    """Ids of the places on the page that cite this source, in reading order."""


class PageCitations:
    """Numbers sources as a page cites them and remembers where each one was cited."""

    def __init__(self, topic: Topic, lang: str, library: Library) -> None:
        self._sources = {s.id: s for s in topic.sources}
        self._order = [s.id for s in topic.sources]
        self._cited: dict[str, CitedSource] = {}
        self._label = library.label("source", lang)

    def _cite(self, source_id: str) -> tuple[CitedSource, str]:
        cited = self._cited.get(source_id)
        if cited is None:
            cited = self._cited[source_id] = CitedSource(len(self._cited) + 1, self._sources[source_id])
        place = f"cite-{cited.number}-{len(cited.places) + 1}"
        cited.places.append(place)
        return cited, place

    @staticmethod
    def tooltip(source: Source) -> str:
        """Author, year and title: what a reader sees when pointing at a citation."""
        return html.escape(f"{source.author} ({source.year}). {source.title}", quote=True)

    def link(self, source_id: str) -> str:
        """One citation, ``[n]``: a link to the source, with an id the list links back to."""
        cited, place = self._cite(source_id)
        n = cited.number
        return (
            f'<a id="{place}" href="#source-{n}" title="{self.tooltip(cited.source)}" '
            f'aria-label="{self._label} {n}">[{n}]</a>'
        )

    def markdown(self, text: str) -> str:
        """``[@source-id]`` in Markdown text turned into numbered citations."""
        return CITATION_RE.sub(lambda m: f'<sup class="hk-cite">{self.link(m.group(1))}</sup>', text)

    def listed(self) -> list[CitedSource]:
        """Every source, in citation order; sources the page does not cite follow in file order."""
        for source_id in self._order:
            if source_id not in self._cited:
                self._cited[source_id] = CitedSource(len(self._cited) + 1, self._sources[source_id])
        return sorted(self._cited.values(), key=lambda c: c.number)
