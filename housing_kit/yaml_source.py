"""YAML reading that remembers where every value came from.

PyYAML gives line numbers only on its node tree, so we compose the nodes,
build plain Python data from them ourselves and keep a map from each value's
path (``("sections", 2, "notes")``) to its line. Validation errors can then
point an editor at the exact line.
"""

from __future__ import annotations

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


def parse_yaml(text: str) -> SourceDoc:
    """Parse one YAML document; raises yaml.YAMLError on a syntax error."""
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
    doc.data = _build(root, (), doc, loader)
    return doc


def _build(node: yaml.Node, path: Path_, doc: SourceDoc, loader: _Loader) -> Any:
    doc.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # resolves YAML merge keys (<<)
        result: dict = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int)):
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
            result[key] = _build(value_node, path + (key,), doc, loader)
            doc.lines[path + (key,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), doc, loader) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def _dotted(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


dotted = _dotted
