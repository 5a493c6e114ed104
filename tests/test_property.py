"""Whatever an editor types, the loader answers with topics or a ContentError, never a crash."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from housing_kit.errors import ContentError
from housing_kit.loader import load_topics

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"
SAMPLE = (FIXTURE / "topics" / "sample.yaml").read_text(encoding="utf-8")
LINES = SAMPLE.splitlines(keepends=True)

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20))
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


def outcome(tmp_path: Path, text: str) -> None:
    (tmp_path / "topics" / "t.yaml").write_text(text, encoding="utf-8")
    try:
        load_topics(tmp_path)
    except ContentError as exc:
        assert exc.problems, "a ContentError always carries at least one problem"
        for problem in exc.problems:
            assert problem.path == "topics/t.yaml"
            assert problem.message


def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("prop")
    shutil.copy(FIXTURE / "mkdocs.yml", root / "mkdocs.yml")
    (root / "topics").mkdir()
    return root


common = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@common
@given(text=st.text(max_size=300))
def test_arbitrary_text(tmp_path_factory, text):
    outcome(project(tmp_path_factory), text)


@common
@given(data=values)
def test_arbitrary_yaml_structures(tmp_path_factory, data):
    outcome(project(tmp_path_factory), yaml.safe_dump(data, allow_unicode=True))


@common
@given(drop=st.sets(st.integers(0, len(LINES) - 1), max_size=6), junk=st.text(max_size=15))
def test_damaged_valid_topic(tmp_path_factory, drop, junk):
    lines = [line for i, line in enumerate(LINES) if i not in drop]
    lines.insert(len(lines) // 2, junk + "\n")
    outcome(project(tmp_path_factory), "".join(lines))
