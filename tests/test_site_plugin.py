"""The housing_kit MkDocs plugin: one build however started, nothing written into docs/.

Fast: the minimal fixture, PPTX decks only."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

from housing_kit.site.build import build_site

from .conftest import FIXTURES, copy_project

FIXTURE = FIXTURES / "minimal"


def test_generated_pages_follow_the_topics_and_nothing_is_written_into_docs(tmp_path):
    root = copy_project(tmp_path / "p", topics=FIXTURE / "topics")
    extra = root / "topics" / "extra.yaml"
    extra.write_text(
        (root / "topics" / "sample.yaml")
        .read_text(encoding="utf-8")
        .replace("slug: sample", "slug: extra")
        .replace("aliases: [probka]", "aliases: []"),
        encoding="utf-8",
    )
    docs_before = sorted(p.relative_to(root) for p in (root / "docs").rglob("*"))
    site = build_site(root, decks=False)
    for lang in ("", "en/"):
        for page in ("index.html", "sample/index.html", "extra/index.html"):
            assert (site / f"{lang}topics/{page}").exists()
    assert sorted(p.relative_to(root) for p in (root / "docs").rglob("*")) == docs_before
    extra.unlink()
    site = build_site(root, decks=False)
    assert not (site / "topics" / "extra").exists()
    assert not (site / "downloads").exists(), "decks: false offers no downloads"


GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def tree(site: Path) -> dict[str, bytes]:
    """Every file of a built site; the gzipped sitemap by its content (gzip stamps the time),
    pages without their generator tag (the one thing ProperDocs may name differently)."""
    files = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        data = gzip.decompress(data) if path.suffix == ".gz" else data
        files[path.relative_to(site).as_posix()] = GENERATOR.sub(b"", data) if path.suffix == ".html" else data
    return files


def pptx_only(root: Path) -> None:
    """PPTX decks only: LibreOffice would make these slow tests."""
    settings = root / "mkdocs.yml"
    settings.write_text(settings.read_text().replace("      decks: true\n", "      decks: true\n      pdf: false\n"))


def build_with(tool: str, root: Path, site: Path) -> dict[str, bytes]:
    """The site as ``python -m <tool> build`` makes it (mkdocs, properdocs)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", tool, "build", "-q", "-d", str(site)]
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    return tree(site)


def test_mkdocs_build_and_build_py_site_give_the_same_site_downloads_included(tmp_path):
    root = copy_project(tmp_path / "p", topics=FIXTURE / "topics")
    pptx_only(root)
    ours = tree(build_site(root))
    assert "downloads/sample.pl.pptx" in ours and "downloads/sample.en.pptx" in ours
    theirs = build_with("mkdocs", root, tmp_path / "plain")
    assert sorted(theirs) == sorted(ours)
    assert [name for name in ours if ours[name] != theirs[name]] == []


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path):
    """The way off MkDocs 1.6 (unmaintained): ProperDocs, its maintained fork, reads the
    same mkdocs.yml and plugins; only a generator tag may differ."""
    root = copy_project(tmp_path / "p", topics=FIXTURE / "topics")
    pptx_only(root)
    mkdocs = build_with("mkdocs", root, tmp_path / "mkdocs")
    properdocs = build_with("properdocs", root, tmp_path / "properdocs")
    assert "downloads/sample.en.pptx" in properdocs and "en/topics/sample/index.html" in properdocs
    assert sorted(properdocs) == sorted(mkdocs)
    assert [name for name in mkdocs if mkdocs[name] != properdocs[name]] == []
