"""Hostile and broken YAML: every case ends in one located problem, never a hang or a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from housing_kit.errors import ContentError
from housing_kit.loader import load_topics
from tests.conftest import FIXTURES

BILLION_LAUGHS = "\n".join(
    ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
)


@pytest.fixture
def project(tmp_path) -> Path:
    (tmp_path / "mkdocs.yml").write_text((FIXTURES / "minimal" / "mkdocs.yml").read_text(encoding="utf-8"))
    (tmp_path / "topics").mkdir()
    return tmp_path


def problems_for(project: Path, text: str) -> list[str]:
    (project / "topics" / "hostile.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_topics(project)
    return [str(p) for p in info.value.problems if "required key is missing" not in p.message]


FILE = "topics/hostile.yaml"


def unwritable(field: str, escaped: str, code: str) -> tuple[str, str]:
    """A file whose ``field`` holds a character given as a YAML escape, and the expected problem."""
    key, lang = field.split(".")
    text = f'slug: x\n{key}: {{{lang}: "a{escaped}b"}}\n'
    return text, f"{FILE}:2: {field}: contains the character {code}, which pages and slides cannot show; delete it"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BILLION_LAUGHS + "\n", f"{FILE}:1: more than 200,000 values (aliases expanding without end?)"),
        ("slug: x\naliases: &a [*a]\n", f"{FILE}:2: an alias refers to the value that contains it, so it never ends"),
        ("slug: x\nsections: " + "[" * 5000 + "]" * 5000 + "\n", f"{FILE}:2: nested more than 64 levels deep"),
        ("slug: x\norder: " + "9" * 5000, f"{FILE}:2: order: cannot be read: the number is too long or malformed"),
        unwritable("title.pl", "\\x0b", "U+000B"),
        unwritable("title.en", "\\0", "U+0000"),
        unwritable("summary.pl", "\\ud800", "U+D800"),
        unwritable("summary.en", "\\uffff", "U+FFFF"),
    ],
)
def test_hostile_input_is_one_located_problem(project, text, expected):
    found = problems_for(project, text)
    assert expected in found
    assert len([p for p in found if p.startswith("topics/hostile.yaml:") and "unknown key" not in p]) == 1


def test_a_billion_laughs_file_ends_quickly_through_the_command_line(project):
    """Guards against a hang (the process is killed after 60 s), not a speed target."""
    (project / "topics" / "laughs.yaml").write_text(BILLION_LAUGHS + "\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "build.py", "--root", str(project), "check"],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 2
    assert "topics/laughs.yaml:1: more than 200,000 values" in run.stderr
    assert "Traceback" not in run.stderr
