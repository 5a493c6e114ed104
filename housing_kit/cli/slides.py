"""``python build.py slides``: which decks to build, where to write them, what to say.

Parsing happens in cli/__init__.py; this turns the parsed arguments (a
``SlidesArgs``) into calls to ``build_deck`` and prints one line per file written. Bad input
(unknown topic, language, template layout) is a ContentError: exit 2 with
the list of what exists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ContentError, Problem
from ..library_cache import load_library
from ..paths import relative

if TYPE_CHECKING:  # the models (pydantic) are imported only when a deck is built, not when one is reused
    from ..library import Library
    from ..models import Event, Topic


@dataclass(frozen=True)
class SlidesArgs:
    """What ``python build.py slides`` was asked for."""

    root: Path
    topics: tuple[str, ...] = ()  # slugs or aliases, in presentation order
    lang: str | None = None  # a language code, "all", or None for the default (or the event's)
    out: Path | None = None
    event: Path | None = None
    template: Path | None = None
    pdf: bool = False
    list: bool = False
    date: dt.date | None = None  # the talk's date on the title slide (default: the event's, else today)
    all: bool = False  # every topic's own deck, each in every language unless --lang says otherwise


def run_slides(args: SlidesArgs) -> int:
    key = None
    if not (args.list or args.all):
        from ..outputs import deck_cache

        # today's date is an input too: it goes on the title slide when no date is given
        request = (args.topics, args.lang, args.out, args.event, args.template, str(args.date or dt.date.today()))
        key = deck_cache.request_key(args.root, request, [args.event, args.template])
        kept = deck_cache.kept(args.root, key)
        if kept is not None:  # the same request with the same inputs: the same bytes
            return _write_kept(args, kept)
    from ..loader import load_event

    library = load_library(args.root)  # validated once, then reused while the files are unchanged
    if args.list:
        print(list_topics(library))
        return 0
    event = load_event(args.event, library) if args.event else None
    if args.all:
        return _all_decks(args, library)
    topics = _topics(library, args.topics, event)
    langs = _languages(library, args.lang, event)
    template = _template(args.template)
    date = args.date or dt.date.today()
    from ..deck import build_deck  # python-pptx is imported only now

    written, built = [], []
    for lang in langs:
        deck = build_deck(library, topics, lang, event=event, date=date, template=template)
        path = deck.save(_out_path(args, library, topics, lang, event, several=len(langs) > 1))
        written.append(path)
        built.append((path, deck.data, deck.slides))
        print(f"wrote {relative(path, args.root)} ({deck.slides} slides)")
    if key is not None:
        deck_cache.keep(args.root, key, built)
    _pdfs(args, written)
    return 0


def _write_kept(args: SlidesArgs, kept: list[tuple[Path, bytes, int]]) -> int:
    from ..deck.saving import save_atomically

    written = []
    for path, data, slides in kept:
        written.append(save_atomically(path, data))
        print(f"wrote {relative(path, args.root)} ({slides} slides)")
    _pdfs(args, written)
    return 0


def _all_decks(args: SlidesArgs, library: Library) -> int:
    """``slides --all``: every topic's deck in every language (or --lang), in this one process."""
    if args.topics or args.event or args.out:
        raise ContentError([Problem("slides", None, "", "--all builds every topic: give no topics, --event or --out")])
    langs = list(library.codes) if args.lang is None else _languages(library, args.lang, None)
    template = _template(args.template)
    from ..deck import build_deck

    written = []
    for topic in library.topics:
        for lang in langs:
            deck = build_deck(library, [topic], lang, template=template)
            written.append(deck.save(Path(args.root) / "slides" / f"{topic.slug}.{lang}.pptx"))
            print(f"wrote {relative(written[-1], args.root)} ({deck.slides} slides)")
    _pdfs(args, written)
    return 0


def _pdfs(args: SlidesArgs, written: list[Path]) -> None:
    if args.pdf:
        from ..outputs.pdf import convert_to_pdf, page_count

        by_folder: dict[Path, list[Path]] = {}
        for path in written:
            by_folder.setdefault(path.parent, []).append(path)
        for folder, decks in by_folder.items():
            for pdf in convert_to_pdf(decks, folder):
                print(f"wrote {relative(pdf, args.root)} ({page_count(pdf)} pages)")


def list_topics(library: Library) -> str:
    """One line per topic: slug, aliases and title in the default language."""
    if not library.topics:
        return library.describe()
    lang = library.default_language.code
    lines = []
    for topic in library.topics:
        aliases = f" (also: {', '.join(topic.aliases)})" if topic.aliases else ""
        lines.append(f"  {topic.slug}{aliases}: {topic.title[lang]}")
    lines.append(f"{len(library.topics)} topics; build one with: python build.py slides {library.topics[0].slug}")
    return "\n".join(lines)


def _topics(library: Library, names: tuple[str, ...], event: Event | None) -> list[Topic]:
    if names and event:
        raise ContentError(
            [Problem("slides", None, "", "give topics or --event, not both (the event lists its topics)")]
        )
    names = names or tuple(event.topics if event else ())
    if not names:
        raise ContentError([Problem("slides", None, "", f"name at least one topic. {library.describe()}")])
    found = [library.find(name) for name in names]  # an unknown name lists the topics
    return list({t.slug: t for t in found}.values())


def _languages(library: Library, lang: str | None, event: Event | None) -> list[str]:
    if lang is None:
        return [event.language if event else library.default_language.code]
    if lang == "all":
        return list(library.codes)
    if lang not in library.codes:
        raise ContentError(
            [Problem("--lang", None, "", f"unknown language {lang!r}; use one of {', '.join(library.codes)} or all")]
        )
    return [lang]


def _template(path: Path | None) -> Path | None:
    if path is None:
        return None
    if not Path(path).is_file():
        raise ContentError([Problem(str(path), None, "", "no such template file (expected an organisation's .pptx)")])
    return Path(path)


def _out_path(
    args: SlidesArgs, library: Library, topics: list[Topic], lang: str, event: Event | None, *, several: bool
) -> Path:
    """--out as given (with .<lang> added when building several languages), else
    slides/<topic>[+<topic>...].<lang>.pptx, or slides/<event file>.<lang>.pptx."""
    if args.out:
        out = Path(args.out)
        if out.suffix.lower() != ".pptx":
            out = out.with_name(out.name + ".pptx")
        return out.with_name(f"{out.stem}.{lang}.pptx") if several else out
    stem = Path(args.event).stem if event and args.event else "+".join(t.slug for t in topics)
    return Path(args.root) / "slides" / f"{stem}.{lang}.pptx"
