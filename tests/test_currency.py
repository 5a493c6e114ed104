"""``python build.py check --stale``: dated statements and sources older than a limit, with file and line."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from housing_kit.cli import main
from housing_kit.currency import months_between, stale_items
from housing_kit.loader import load_topics
from tests.conftest import FIXTURES


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copy(FIXTURES / "minimal" / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(FIXTURES / "minimal" / "topics", tmp_path / "topics")
    sample = tmp_path / "topics" / "sample.yaml"
    text = sample.read_text(encoding="utf-8")
    text = text.replace("    figures: [counts]\n", "    figures: [counts]\n    as_of: 2023-01-31\n")
    text = text.replace("    sources: [src-a]\n", "    sources: [src-a]\n    as_of: 2026-06-30\n")
    sample.write_text(text, encoding="utf-8")
    return tmp_path


def test_months_are_whole_calendar_months():
    assert months_between(dt.date(2025, 5, 31), dt.date(2026, 11, 30)) == 17
    assert months_between(dt.date(2025, 5, 30), dt.date(2026, 11, 30)) == 18


def test_an_old_statement_is_listed_and_a_fresh_one_is_not(project):
    items = stale_items(load_topics(project), dt.date(2026, 11, 30), months=18)
    assert [(i.where, i.what) for i in items] == [("topics/sample.yaml:23", "sections[0] first: as of 2023-01-31")]


def test_a_shorter_limit_lists_more(project):
    items = stale_items(load_topics(project), dt.date(2026, 11, 30), months=4)
    assert [i.what for i in items] == ["sections[0] first: as of 2023-01-31", "figures[0] counts: as of 2026-06-30"]


def test_check_stale_prints_the_list_per_topic(project, capsys):
    assert main(["--root", str(project), "check", "--stale"]) == 0
    out = capsys.readouterr().out
    assert "  sample:\n    topics/sample.yaml:23: sections[0] first: as of 2023-01-31\n" in out
    assert "1 item(s) older than 18 months in 1 topic(s)" in out
