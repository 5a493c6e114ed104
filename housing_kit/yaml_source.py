"""YAML reading that remembers where every value came from.

PyYAML gives line numbers only on its node tree, so we compose the nodes,
build plain Python data from them ourselves and keep a map from each value's
path (``("sections", 2, "notes")``) to its line. Validation errors can then
point an editor at the exact line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

Path_ = tuple[str | int, ...]


def _without_timestamps(base: type) -> type:
    """A loader without implicit timestamps: dates stay strings, so a bad
    date becomes a validation error on its field rather than a crash."""
    loader = type(f"Dateless{base.__name__}", (base,), {})
    loader.yaml_implicit_resolvers = {
        key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in base.yaml_implicit_resolvers.items()
    }
    return loader


# libyaml's parser, when present, composes the topic files about seven times
# faster. The pure-Python one stays for syntax errors: its messages point at
# the line an editor has to fix (libyaml often names the line after).
_PyLoader = _without_timestamps(yaml.SafeLoader)
_Loader = _without_timestamps(getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@dataclass
class SourceDoc:
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    problems: list[tuple[int, str, str]] = field(default_factory=list)  # (line, field, message)

    def present(self, loc: tuple) -> Path_:
        """The parts of ``loc`` the file has, in order. Parts it lacks (a missing
        key, or the tag pydantic adds for a union member) are skipped."""
        node, path = self.data, ()
        for part in loc:
            if (
                isinstance(node, dict)
                and part in node
                or isinstance(node, list)
                and isinstance(part, int)
                and 0 <= part < len(node)
            ):
                node, path = node[part], path + (part,)
        return path

    def line_of(self, loc: tuple) -> int | None:
        """Line of the deepest part of ``loc`` present in the file, so a missing
        field points at its parent mapping."""
        path = self.present(loc)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, self.lines.get(()))


# Limits that keep a hostile or broken file from hanging the build: a
# "billion laughs" file expands nine aliases nine levels deep into 387 million
# values. Real topic files have a few thousand values, nest about 8 deep and
# their longest text is a few thousand characters.
MAX_VALUES = 200_000
MAX_DEPTH = 64
MAX_SCALAR = 200_000
# Characters XML (and so HTML and PPTX) cannot carry: C0 controls other than
# tab and newline, lone surrogates, and the non-characters U+FFFE and U+FFFF.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class LimitError(yaml.YAMLError):
    """The file is too large, too deep or loops on itself; ``line`` says where."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def _check_depth(text: str) -> None:
    """Nesting depth from the event stream, before composing: PyYAML's composer
    recurses once per level and would hit Python's recursion limit."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise LimitError(event.start_mark.line + 1, f"nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def parse_yaml(text: str) -> SourceDoc:
    """Parse one YAML document; raises yaml.YAMLError on a syntax error and
    LimitError on a file that would not load in bounded time and memory."""
    try:
        _check_depth(text)
    except LimitError:
        raise
    except yaml.YAMLError:
        pass  # a syntax error: reported below, by the parser that names the editor's line
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError:
        loader = _PyLoader(text)
        root = loader.get_single_node()  # raises the same error, with the editor's line
    finally:
        loader.dispose()
    doc = SourceDoc(data=None)
    if root is None:
        return doc
    doc.data = _build(root, (), doc, loader, _Walk())
    return doc


@dataclass
class _Walk:
    values: int = 0
    open_nodes: set[int] = field(default_factory=set)  # ids of the nodes being built: an alias to one is a loop


def _build(node: yaml.Node, path: Path_, doc: SourceDoc, loader: _Loader, walk: _Walk) -> Any:
    line = node.start_mark.line + 1
    doc.lines[path] = line
    walk.values += 1
    if walk.values > MAX_VALUES:
        raise LimitError(line, f"more than {MAX_VALUES:,} values (aliases expanding without end?)")
    if id(node) in walk.open_nodes:
        raise LimitError(line, "an alias refers to the value that contains it, so it never ends")
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, path, doc, loader)
    walk.open_nodes.add(id(node))
    try:
        return _collection(node, path, doc, loader, walk)
    finally:
        walk.open_nodes.discard(id(node))


def _scalar(node: yaml.ScalarNode, path: Path_, doc: SourceDoc, loader: _Loader) -> Any:
    line = node.start_mark.line + 1
    if len(node.value) > MAX_SCALAR:
        doc.problems.append((line, _dotted(path), f"a single value longer than {MAX_SCALAR:,} characters"))
        return None
    bad = _UNWRITABLE.search(node.value)
    if bad:
        char = f"U+{ord(bad.group()):04X}"
        doc.problems.append(
            (line, _dotted(path), f"contains the character {char}, which pages and slides cannot show; delete it")
        )
        return None
    try:
        return loader.construct_object(node, deep=True)
    except ValueError:  # e.g. an integer of thousands of digits, which Python refuses to convert
        doc.problems.append((line, _dotted(path), "cannot be read: the number is too long or malformed"))
        return None


def _collection(node: yaml.Node, path: Path_, doc: SourceDoc, loader: _Loader, walk: _Walk) -> Any:
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # resolves YAML merge keys (<<)
        result: dict = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, path, doc, loader) if isinstance(key_node, yaml.ScalarNode) else "a list or mapping"
            if not isinstance(key, (str, int)) or not isinstance(key_node, yaml.ScalarNode):
                doc.problems.append((key_node.start_mark.line + 1, _dotted(path), f"a key must be text, got {key!r}"))
                continue
            if key in result:
                doc.problems.append(
                    (
                        key_node.start_mark.line + 1,
                        _dotted(path + (key,)),
                        "duplicate key; the earlier value would be lost",
                    )
                )
            result[key] = _build(value_node, path + (key,), doc, loader, walk)
            doc.lines[path + (key,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), doc, loader, walk) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)  # pragma: no cover - composer yields only these three kinds


def _dotted(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


dotted = _dotted
