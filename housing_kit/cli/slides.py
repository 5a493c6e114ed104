"""``python build.py slides``: which decks to build, where to write them, what to say.

Parsing happens in cli/__init__.py; this turns the parsed arguments (a
``SlidesArgs``) into calls to ``build_deck`` and prints one line per file written. Bad input
(unknown topic, language, template layout, an --out that is a folder) is a ContentError:
exit 2 with the list of what exists. Every deck is built before any is written; a failure
after that carries the list of files already written (``written``), which the CLI prints.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BuildError, ContentError, Problem
from ..library_cache import load_library
from ..paths import relative

if TYPE_CHECKING:  # the models (pydantic) are imported only when a deck is built, not when one is reused
    from ..deck.build import Deck
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
    if args.pdf:
        _require_libreoffice()  # before anything is written
    from ..deck import build_deck  # python-pptx is imported only now

    paths = [_out_path(args, library, topics, lang, event, several=len(langs) > 1) for lang in langs]
    # Every deck is built before the first is written: a language that fails writes nothing.
    decks = [build_deck(library, topics, lang, event=event, date=date, template=template) for lang in langs]
    written: list[Path] = []
    with _reporting_written(args, written):
        for deck, path in zip(decks, paths, strict=True):
            written.append(_save(deck, path))
            print(f"wrote {relative(path, args.root)} ({deck.slides} slides)")
        if key is not None:
            deck_cache.keep(args.root, key, [(p, d.data, d.slides) for p, d in zip(paths, decks, strict=True)])
        _pdfs(args, written)
    return 0


@contextlib.contextmanager
def _reporting_written(args: SlidesArgs, written: list[Path]) -> Iterator[None]:
    """A failure after some files were written says which ("nothing was written" would be false)."""
    try:
        yield
    except (ContentError, BuildError) as exc:
        exc.written = tuple(relative(p, args.root) for p in written)
        raise


def _write_kept(args: SlidesArgs, kept: list[tuple[Path, bytes, int]]) -> int:
    from ..deck.saving import save_atomically

    if args.pdf:
        _require_libreoffice()
    written: list[Path] = []
    with _reporting_written(args, written):
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
    if args.pdf:
        _require_libreoffice()
    from ..deck import build_deck

    decks = [
        (topic, lang, build_deck(library, [topic], lang, template=template))
        for topic in library.topics
        for lang in langs
    ]
    written: list[Path] = []
    with _reporting_written(args, written):
        for topic, lang, deck in decks:
            written.append(_save(deck, Path(args.root) / "slides" / f"{topic.slug}.{lang}.pptx"))
            print(f"wrote {relative(written[-1], args.root)} ({deck.slides} slides)")
        _pdfs(args, written)
    return 0


def _pdfs(args: SlidesArgs, written: list[Path]) -> None:
    """PDF copies of the decks in ``written``; each PDF joins ``written`` as it appears."""
    if args.pdf:
        from ..outputs.pdf import convert_to_pdf, page_count

        by_folder: dict[Path, list[Path]] = {}
        for path in list(written):
            by_folder.setdefault(path.parent, []).append(path)
        for folder, decks in by_folder.items():
            for pdf in convert_to_pdf(decks, folder):
                written.append(pdf)
                print(f"wrote {relative(pdf, args.root)} ({page_count(pdf)} pages)")


def _require_libreoffice() -> None:
    from ..outputs.pdf import INSTALL_HINT, find_soffice

    if find_soffice() is None:
        raise BuildError(f"writing PDFs needs LibreOffice, which was not found; {INSTALL_HINT}")


def _save(deck: Deck, path: Path) -> Path:
    try:
        return deck.save(path)
    except OSError as exc:  # a read-only folder, a full disk, a file where a folder should be
        raise BuildError(f"cannot write {path}: {exc.strerror or exc}") from None


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
    """The organisation's template, checked to be a PowerPoint file before any work is done."""
    if path is None:
        return None
    path = Path(path)
    if path.is_dir():
        raise ContentError([Problem(str(path), None, "", "is a folder; --template takes an organisation's .pptx file")])
    if not path.is_file():
        raise ContentError([Problem(str(path), None, "", "no such template file (expected an organisation's .pptx)")])
    import zipfile

    try:
        with zipfile.ZipFile(path) as package:
            is_pptx = "ppt/presentation.xml" in package.namelist()
    except (OSError, zipfile.BadZipFile):
        is_pptx = False
    if not is_pptx:
        raise ContentError([Problem(str(path), None, "", "not a PowerPoint file (.pptx); save the template as .pptx")])
    return path


def _out_path(
    args: SlidesArgs, library: Library, topics: list[Topic], lang: str, event: Event | None, *, several: bool
) -> Path:
    """--out as given (with .<lang> added when building several languages), else
    slides/<topic>[+<topic>...].<lang>.pptx, or slides/<event file>.<lang>.pptx."""
    if args.out is not None:
        out = Path(args.out)
        if str(args.out) in ("", ".") or out.is_dir():
            raise ContentError(
                [
                    Problem(
                        "--out", None, "", f"{str(args.out)!r} is a folder; give a file name such as slides/talk.pptx"
                    )
                ]
            )
        if out.suffix.lower() != ".pptx":
            out = out.with_name(out.name + ".pptx")
        return out.with_name(f"{out.stem}.{lang}.pptx") if several else out
    stem = Path(args.event).stem if event and args.event else "+".join(t.slug for t in topics)
    return Path(args.root) / "slides" / f"{stem}.{lang}.pptx"
