"""The validated library kept between runs: reused while its files are unchanged, never stale."""

from __future__ import annotations

import shutil

import pytest

from housing_kit.errors import ContentError
from housing_kit.library_cache import CACHE_FILE, load_library

from .conftest import FIXTURES


@pytest.fixture
def project(tmp_path):
    shutil.copy(FIXTURES / "minimal" / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(FIXTURES / "minimal" / "topics", tmp_path / "topics")
    return tmp_path


def test_an_unchanged_library_is_read_back_not_validated_again(project, monkeypatch):
    first = load_library(project)
    assert (project / ".cache" / CACHE_FILE).is_file()
    monkeypatch.setattr("housing_kit.loader.load_topics", lambda root: pytest.fail("validated again"))
    second = load_library(project)
    assert second.topics == first.topics and second.labels == first.labels
    assert second.find("probka").title["en"] == "Sample topic"


def test_a_changed_topic_is_loaded_afresh_and_bad_content_is_always_reported(project):
    load_library(project)
    topic = project / "topics" / "sample.yaml"
    topic.write_text(topic.read_text(encoding="utf-8").replace("Sample topic", "Renamed topic"), encoding="utf-8")
    assert load_library(project).find("sample").title["en"] == "Renamed topic"
    topic.write_text(topic.read_text(encoding="utf-8").replace("\nsummary:", "\nsumary:"), encoding="utf-8")
    with pytest.raises(ContentError, match="summary"):
        load_library(project)
    with pytest.raises(ContentError):
        load_library(project)  # the last good library is not served for a broken file


def test_a_corrupt_cache_is_ignored(project):
    (project / ".cache").mkdir()
    (project / ".cache" / CACHE_FILE).write_bytes(b"not a pickle")
    assert load_library(project).find("sample").slug == "sample"
