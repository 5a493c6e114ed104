"""JSON Schemas for editors, generated from the models.

Topic files point at ``schema/topic.schema.json`` in their first line, so
editors with a YAML language server offer completion, the field docstrings
as hover help, and checking as you type. A test fails when the committed
schema is stale: run ``python build.py schema``.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .models import Event, Topic

SCHEMAS: dict[str, type[BaseModel]] = {"topic": Topic, "event": Event}


def _text_schema(languages: tuple[str, ...]) -> dict:
    return {
        "type": "object",
        "description": "One text per site language: " + ", ".join(languages) + ".",
        "properties": {code: {"type": "string", "minLength": 1} for code in languages},
        "required": list(languages),
        "additionalProperties": False,
    }


def _replace_texts(node: object) -> object:
    """Swap pydantic's generic dict for a reference to the Text definition."""
    if isinstance(node, dict):
        if node.get("x-text"):
            return {"$ref": "#/$defs/Text", **{k: node[k] for k in ("title", "description") if k in node}}
        return {key: _replace_texts(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_replace_texts(value) for value in node]
    return node


def build_schema(model: type[BaseModel], languages: tuple[str, ...]) -> dict:
    schema = _replace_texts(model.model_json_schema())
    schema.setdefault("$defs", {})["Text"] = _text_schema(languages)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def render_schema(model: type[BaseModel], languages: tuple[str, ...]) -> str:
    return json.dumps(build_schema(model, languages), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(root: Path, languages: tuple[str, ...]) -> list[Path]:
    written = []
    for name, model in SCHEMAS.items():
        path = Path(root) / "schema" / f"{name}.schema.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = render_schema(model, languages)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
