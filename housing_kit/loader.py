"""The one loader: topic and event files in, validated models out.

Everything is checked before any output is written, and every problem is
reported at once as ``path:line: field: message``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import ContentError, Problem
from .figure_kinds import kind_names
from .languages import load_languages, load_settings
from .library import Library
from .models import CITATION_RE, TOPIC_LINK_RE, Event, Labels, Topic
from .paths import relative
from .yaml_source import LimitError, SourceDoc, dotted, parse_yaml

__all__ = [
    "Library",
    "load_event",
    "load_events",
    "load_topics",
    "public_visits",
    "read_model",
    "relative",
    "visit_problems",
]

M = TypeVar("M", bound=BaseModel)
LABELS = Path(__file__).with_name("labels.yaml")


def read_model(
    path: Path, model: type[M], root: Path, languages: tuple[str, ...]
) -> tuple[M | None, SourceDoc | None, list[Problem]]:
    """Parse and validate one YAML file; returns the model or the problems."""
    name = relative(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, None, [Problem(name, None, "", f"not UTF-8 text (byte {exc.start}); save the file as UTF-8")]
    except IsADirectoryError:
        return None, None, [Problem(name, None, "", "is a folder; a topic or event is one .yaml file")]
    except OSError as exc:  # unreadable: permissions, a broken link, a disk error
        return None, None, [Problem(name, None, "", f"cannot be read: {exc.strerror or exc}")]
    return parse_model(name, text, model, languages)


def parse_model(
    name: str, text: str, model: type[M], languages: tuple[str, ...], first_line: int = 1
) -> tuple[M | None, SourceDoc | None, list[Problem]]:
    """Validate YAML ``text`` read from ``name``; ``first_line`` is where the text starts in that file."""
    try:
        doc = parse_yaml(text)
    except LimitError as exc:
        return None, None, [Problem(name, exc.line + first_line - 1, "", exc.message)]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line = mark.line + first_line if mark else None
        return None, None, [Problem(name, line, "", f"YAML syntax error: {reason}")]
    if first_line != 1:
        doc.lines = {key: line + first_line - 1 for key, line in doc.lines.items()}
        doc.problems = [(line + first_line - 1, fld, msg) for line, fld, msg in doc.problems]
    problems = [Problem(name, line, fld, msg) for line, fld, msg in doc.problems]
    if not isinstance(doc.data, dict):
        problems.append(
            Problem(
                name, doc.lines.get(()), "", "expected a mapping of keys (slug:, title:, ...) at the top of the file"
            )
        )
        return None, doc, problems
    try:
        result = model.model_validate(doc.data, context={"languages": languages})
    except ValidationError as exc:
        # A value the YAML walk already refused (and replaced by None) is reported once.
        refused = {p.field for p in problems}
        found = [_problem(name, doc, err) for err in exc.errors(include_url=False)]
        problems += [p for p in found if p.field not in refused]
        return None, doc, problems
    return (result if not problems else None), doc, problems


def _problem(name: str, doc: SourceDoc, err: dict) -> Problem:
    loc = tuple(err["loc"])
    if err["type"] == "union_tag_invalid":
        loc += ("kind",)
    # Only what the file has: drops the union tags pydantic adds ("table", "int", ...),
    # but names the missing field itself.
    path = doc.present(loc)
    if err["type"] == "missing":
        path += loc[-1:]
    return Problem(name, doc.line_of(loc), dotted(path), _message(err))


def _message(err: dict) -> str:
    kind, msg = err["type"], err["msg"]
    if kind == "missing":
        return "required key is missing"
    if kind == "extra_forbidden":
        return "unknown key (a typo?); see the schema for the keys allowed here"
    if kind == "value_error":
        return msg.removeprefix("Value error, ")
    if kind == "string_pattern_mismatch" and err["loc"][-1] == "when":  # a timeline event's date
        return f"{err['input']!r} is not a year or a month; write it as YYYY or YYYY-MM (e.g. 2009-09)"
    if kind == "string_pattern_mismatch":
        return f"{err['input']!r} is not a valid name: use lower-case letters, digits and hyphens"
    if kind.startswith("date"):
        return f"{err['input']!r} is not a valid date; write it as YYYY-MM-DD"
    if kind.startswith("url"):
        return f"{err['input']!r} is not a valid URL: {msg.lower()}"
    if kind == "union_tag_invalid":
        return f"unknown kind {err['ctx']['tag']!r}; use one of {err['ctx']['expected_tags']}"
    if kind == "union_tag_not_found":
        return f"required key 'kind' is missing ({kind_names()})"
    if kind in ("too_short", "too_long"):  # a list: say how many it has and how many it may have
        n, ctx = err["ctx"]["actual_length"], err["ctx"]
        has = f"has {n} {'entry' if n == 1 else 'entries'}"
        return (
            f"{has}; at least {ctx['min_length']} needed"
            if kind == "too_short"
            else f"{has}; at most {ctx['max_length']} allowed"
        )
    return msg[0].lower() + msg[1:]


def load_topics(root: Path) -> Library:
    """Load and check ``topics/*.yaml`` under ``root``; raise ContentError with every problem."""
    root = Path(root)
    languages = load_languages(root / "mkdocs.yml")
    codes = tuple(lang.code for lang in languages)
    problems: list[Problem] = []
    loaded: list[tuple[Topic, SourceDoc, str]] = []
    broken: set[str] = set()  # slugs of topics with problems of their own: no "unknown topic" in others
    for path in sorted((root / "topics").glob("*.yaml")):
        topic, doc, found = read_model(path, Topic, root, codes)
        problems += found
        if topic is not None:
            name = relative(path, root)
            problems += _check_references(topic, doc, name)
            loaded.append((topic, doc, name))
        else:
            slug = doc.data.get("slug") if doc is not None and isinstance(doc.data, dict) else None
            broken.add(slug if isinstance(slug, str) else path.stem)
    problems += _check_names(loaded, broken)
    problems += _check_topic_links(loaded, root, broken)
    problems += _check_glossary(loaded)
    labels, _, found = read_model(LABELS, Labels, root, codes)
    problems += found
    if problems:
        raise ContentError(problems)
    topics = tuple(sorted((t for t, _, _ in loaded), key=lambda t: (t.order, t.slug)))
    return Library(
        root=root,
        languages=languages,
        topics=topics,
        settings=load_settings(root / "mkdocs.yml", languages),
        labels=labels.root,
        sources={t.slug: (name, doc) for t, doc, name in loaded},
    )


def _check_references(topic: Topic, doc: SourceDoc, name: str) -> list[Problem]:
    """Cross-references inside one topic: citations, figures, unique ids."""
    problems = []

    def report(loc: tuple, message: str) -> None:
        problems.append(Problem(name, doc.line_of(loc), dotted(loc), message))

    sources = topic.source_numbers()
    figures = {f.id for f in topic.figures}
    for kind, items in (("sources", topic.sources), ("figures", topic.figures), ("sections", topic.sections)):
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.id in seen:
                report((kind, i, "id"), f"duplicate id {item.id!r}")
            seen.add(item.id)
    known = f"known sources: {', '.join(sources)}"
    for i, section in enumerate(topic.sections):
        for j, cited in enumerate(section.cites):
            if cited not in sources:
                report(("sections", i, "cites", j), f"unknown source {cited!r}; {known}")
        for j, fid in enumerate(section.figures):
            if fid not in figures:
                report(
                    ("sections", i, "figures", j), f"unknown figure {fid!r}; figures: {', '.join(figures) or 'none'}"
                )
        for lang, body in section.body.items():
            for cited in CITATION_RE.findall(body):
                if cited not in sources:
                    report(("sections", i, "body", lang), f"cites unknown source [@{cited}]; {known}")
    for i, figure in enumerate(topic.figures):
        for j, cited in enumerate(figure.sources):
            if cited not in sources:
                report(("figures", i, "sources", j), f"unknown source {cited!r}; {known}")
    return problems


def _check_names(loaded: list[tuple[Topic, SourceDoc, str]], broken: set[str] = frozenset()) -> list[Problem]:
    """Slugs and aliases are unique across files; related topics exist (or are ``broken``:
    their files have problems of their own, reported there)."""
    problems = []
    owners: dict[str, str] = {}
    for topic, doc, name in loaded:
        for key, value in [("slug", topic.slug)] + [(("aliases", i), a) for i, a in enumerate(topic.aliases)]:
            loc = key if isinstance(key, tuple) else (key,)
            where = f"{name}:{doc.line_of(loc)}"
            if value in owners:
                problems.append(
                    Problem(name, doc.line_of(loc), dotted(loc), f"{value!r} is already used by {owners[value]}")
                )
            else:
                owners[value] = where
    slugs = {topic.slug for topic, _, _ in loaded}
    for topic, doc, name in loaded:
        for i, other in enumerate(topic.related):
            if other not in slugs and other not in broken:
                loc = ("related", i)
                problems.append(
                    Problem(
                        name,
                        doc.line_of(loc),
                        dotted(loc),
                        f"unknown topic {other!r}; topics: {', '.join(sorted(slugs))}",
                    )
                )
    return problems


def _strings(data: object, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(location, text) of every string in a topic's data."""
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*loc, key))
    elif isinstance(data, list | tuple):
        for i, value in enumerate(data):
            yield from _strings(value, (*loc, i))


def _line_of_text(root: Path, name: str, doc: SourceDoc, loc: tuple[str | int, ...], text: str) -> int | None:
    """The line that holds ``text`` in the value at ``loc`` (a long text spans many lines), or the value's own."""
    start = doc.line_of(loc)
    try:
        lines = (root / name).read_text(encoding="utf-8").splitlines()
    except OSError:
        return start
    first = start or 1
    return next((n for n, row in enumerate(lines[first - 1 :], first) if text in row), start)


def _check_topic_links(
    loaded: list[tuple[Topic, SourceDoc, str]], root: Path, broken: set[str] = frozenset()
) -> list[Problem]:
    """``[[slug]]`` and ``[[slug#section-id]]`` lead to a topic and a section that exist."""
    topics = {topic.slug: topic for topic, _, _ in loaded}
    problems = []

    def report(name: str, doc: SourceDoc, loc: tuple[str | int, ...], link: str, message: str) -> None:
        problems.append(Problem(name, _line_of_text(root, name, doc, loc, link), dotted(loc), message))

    for topic, doc, name in loaded:
        for loc, text in _strings(topic.model_dump(exclude={"sources"})):
            for match in TOPIC_LINK_RE.finditer(text):
                slug, section = match.group(1), match.group(2)
                target = topics.get(slug)
                if target is None:
                    if slug not in broken:
                        message = f"unknown topic {slug!r} in {match.group(0)}; topics: {', '.join(sorted(topics))}"
                        report(name, doc, loc, match.group(0), message)
                elif section and section not in {s.id for s in target.sections}:
                    ids = ", ".join(s.id for s in target.sections)
                    message = f"topic {slug!r} has no section {section!r} ({match.group(0)}); its sections: {ids}"
                    report(name, doc, loc, match.group(0), message)
    return problems


def _check_glossary(loaded: list[tuple[Topic, SourceDoc, str]]) -> list[Problem]:
    """The site has one glossary: a term that several topics define has the same wording and
    definition in each of them (compared in every language, regardless of case)."""
    problems = []
    seen: dict[tuple[str, str], tuple[dict[str, str], dict[str, str], str]] = {}
    for topic, doc, name in loaded:
        for i, entry in enumerate(topic.glossary):
            term, definition = dict(entry.term), dict(entry.definition)
            where = f"{name}:{doc.line_of(('glossary', i))}"
            for lang, text in term.items():
                key = (lang, " ".join(text.casefold().split()))
                first = seen.setdefault(key, (term, definition, where))
                if first[2] != where and (first[0], first[1]) != (term, definition):
                    loc = ("glossary", i, "definition")
                    message = (
                        f"{text!r} is also defined in {first[2]}, differently; the site has one glossary, "
                        "so give the term the same wording and definition in both topics"
                    )
                    problems.append(Problem(name, doc.line_of(loc), dotted(loc), message))
                    break
    return problems


def load_events(library: Library) -> list[tuple[Path, Event]]:
    """Every file in ``slides/events/``, checked, with every problem reported at once."""
    events: list[tuple[Path, Event]] = []
    problems: list[Problem] = []
    for path in sorted((library.root / "slides" / "events").glob("*.yaml")):
        try:
            events.append((path, load_event(path, library)))
        except ContentError as exc:
            problems += exc.problems
    if problems:
        raise ContentError(problems)
    return events


def public_visits(events: list[tuple[Path, Event]]) -> list[Event]:
    """Held visits that may be shown on the site, newest first."""
    shown = [e for _, e in events if e.public and e.status == "held"]
    return sorted(shown, key=lambda e: e.date, reverse=True)


def visit_problems(language: str, topics: list[str], doc: SourceDoc, name: str, library: Library) -> list[Problem]:
    """An event's or a request's language and topics checked against the site: one problem per mistake."""
    problems = []
    if language not in library.codes:
        message = f"{language!r} is not one of the site's languages ({', '.join(library.codes)})"
        problems.append(Problem(name, doc.line_of(("language",)), "language", message))
    names = library.names()
    for i, topic in enumerate(topics):
        if topic.lower() not in names:
            message = f"no topic called {topic!r}. {library.describe()}"
            problems.append(Problem(name, doc.line_of(("topics", i)), f"topics[{i}]", message))
    return problems


def load_event(path: Path, library: Library) -> Event:
    """Load a visit file from ``slides/events/`` and check it against the topics."""
    path = Path(path)
    if not path.is_file() and not path.is_absolute() and (library.root / path).is_file():
        path = library.root / path  # as printed by our own commands: relative to the project
    if path.is_dir():
        raise ContentError([Problem(relative(path, library.root), None, "", "is a folder; give one event file")])
    if not path.is_file():
        raise ContentError([Problem(relative(path, library.root), None, "", "no such event file")])
    event, doc, problems = read_model(path, Event, library.root, library.codes)
    if event is not None and doc is not None:
        problems += visit_problems(event.language, event.topics, doc, relative(path, library.root), library)
    if problems:
        raise ContentError(problems)
    return event
