"""The committed JSON Schemas match the models, so editors' completion is never stale."""

from pathlib import Path

from housing_kit.languages import load_languages
from housing_kit.schema import SCHEMAS, render_schema

ROOT = Path(__file__).resolve().parent.parent


def test_committed_schemas_are_current():
    codes = tuple(lang.code for lang in load_languages(ROOT / "mkdocs.yml"))
    for name, model in SCHEMAS.items():
        committed = (ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")
        assert committed == render_schema(model, codes), (
            f"schema/{name}.schema.json is stale: run python build.py schema"
        )


def test_schema_requires_every_language_and_documents_fields():
    import json

    schema = json.loads((ROOT / "schema" / "topic.schema.json").read_text(encoding="utf-8"))
    assert schema["$defs"]["Text"]["required"] == ["pl", "en"]
    assert schema["additionalProperties"] is False
    assert "meta description" in schema["properties"]["summary"]["description"]


def test_every_topic_file_points_at_the_schema():
    for path in sorted((ROOT / "topics").glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/topic.schema.json", path.name
