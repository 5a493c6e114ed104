"""The rows of issue 10's table: each hostile input or refusal of the system ends in its
exact message and exit status, without a traceback, and says truthfully what was written."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from housing_kit.cli import main
from housing_kit.errors import ContentError
from housing_kit.loader import load_topics

from .conftest import FIXTURES, ROOT, fixture_project

NEEDS_SOFFICE = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
SAMPLE = FIXTURES / "minimal" / "topics" / "sample.yaml"


@pytest.fixture
def project(tmp_path) -> Path:
    return fixture_project(tmp_path, "minimal")


def edit(project: Path, change) -> None:
    path = project / "topics" / "sample.yaml"
    topic = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(topic)
    path.write_text(yaml.safe_dump(topic, allow_unicode=True, sort_keys=False), encoding="utf-8")


def run(project: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--root", str(project), *args],
        capture_output=True,
        text=True,
        timeout=300,
        **kwargs,
    )


def cli(project: Path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--root", str(project), *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


# ---------------------------------------------------------------- control characters
def test_a_control_character_stops_slides_at_loading_with_its_line(project, capsys):
    text = (project / "topics" / "sample.yaml").read_text(encoding="utf-8")
    (project / "topics" / "sample.yaml").write_text(
        text.replace("{pl: Próbny temat, en: Sample topic}", '{pl: "Próbny\\x0btemat", en: Sample topic}'),
        encoding="utf-8",
    )
    code, _, err = cli(project, capsys, "slides", "sample")
    assert code == 2
    assert err == (
        "topics/sample.yaml:6: title.pl: contains the character U+000B, which pages and slides cannot show; "
        "delete it\n1 problem found; nothing was written.\n"
    )
    assert not list((project / "slides").glob("*.pptx"))


# ---------------------------------------------------------------- --template, --out, --addr
def test_a_template_that_is_not_a_pptx_is_one_line(project, capsys, tmp_path):
    fake = tmp_path / "branded.pptx"
    fake.write_text("not a zip", encoding="utf-8")
    code, _, err = cli(project, capsys, "slides", "sample", "--template", str(fake))
    assert code == 2
    assert (
        err
        == f"{fake}: not a PowerPoint file (.pptx); save the template as .pptx\n1 problem found; nothing was written.\n"
    )
    code, _, err = cli(project, capsys, "slides", "sample", "--template", str(tmp_path))
    assert code == 2
    assert err.startswith(f"{tmp_path}: is a folder; --template takes an organisation's .pptx file\n")


@pytest.mark.parametrize(
    ("out", "message"),
    [
        ("", "--out: empty; give a file name such as slides/talk.pptx\n"),
        (
            "slides",
            "--out: 'slides' is a folder; give a file name such as slides/talk.pptx\n"
            "1 problem found; nothing was written.\n",
        ),
    ],
)
def test_out_that_is_empty_or_a_folder_is_one_line(project, capsys, monkeypatch, out, message):
    monkeypatch.chdir(project)
    code, _, err = cli(project, capsys, "slides", "sample", "--out", out)
    assert (code, err) == (2, message)


def test_out_into_a_folder_the_system_refuses_is_one_line_naming_the_path(project, capsys):
    target = "/sys/housing-kit-test.pptx"  # sysfs refuses new files, even to root
    code, _, err = cli(project, capsys, "slides", "sample", "--out", target)
    assert code == 1
    assert err == f"build failed: cannot write {target}: Permission denied\n"


def test_serve_on_a_port_out_of_range_is_one_line(project):
    result = run(project, "serve", "--addr", "127.0.0.1:99999")
    assert (result.returncode, result.stderr) == (2, "--addr: port 99999 is out of range; use 1-65535\n")


def test_serve_on_a_port_in_use_is_one_line_and_ends_at_once(project):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run(project, "serve", "--addr", f"127.0.0.1:{port}")
    assert result.returncode == 1
    assert result.stderr == f"build failed: cannot serve on 127.0.0.1:{port}: Address already in use\n"


def test_an_unreadable_topic_path_is_a_located_problem(project, capsys):
    (project / "topics" / "folder.yaml").mkdir()
    code, _, err = cli(project, capsys, "check")
    assert code == 2
    assert err == (
        "topics/folder.yaml: is a folder; a topic or event is one .yaml file\n1 problem found; nothing was written.\n"
    )


# ---------------------------------------------------------------- honest messages
def test_slide_fit_errors_carry_file_line_field_and_a_short_quote(project, capsys):
    edit(project, lambda t: t["title"].__setitem__("en", "Long words " * 10_000))
    code, _, err = cli(project, capsys, "slides", "sample", "--lang", "en")
    assert code == 2
    first = err.splitlines()[0]
    assert first.startswith("topics/sample.yaml:8: title.en: title 'Long words Long words")
    assert first.endswith("' is too long for a slide even at 28 pt; shorten it")
    quoted = first.split("'")[1]
    assert len(quoted) <= 80
    assert len(err) < 1000


def test_lang_all_failing_on_the_second_language_writes_nothing_and_says_so(project, capsys):
    edit(project, lambda t: t["title"].__setitem__("en", "Long words " * 10_000))
    code, out, err = cli(project, capsys, "slides", "sample", "--lang", "all")
    assert code == 2
    assert out == ""
    assert err.endswith("1 problem found; nothing was written.\n")
    assert not list((project / "slides").glob("*.pptx"))


def test_pdf_without_libreoffice_fails_before_writing(project, capsys, monkeypatch):
    monkeypatch.setenv("HOUSING_KIT_SOFFICE", "no-such-soffice")
    code, out, err = cli(project, capsys, "slides", "sample", "--pdf")
    assert code == 1
    assert out == ""
    assert err == (
        "build failed: writing PDFs needs LibreOffice, which was not found; "
        "install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-impress-nogui)\n"
    )
    assert not list((project / "slides").glob("*.pptx"))


def test_a_pdf_failure_after_the_deck_was_written_lists_what_was_written(project, capsys, monkeypatch):
    monkeypatch.setenv("HOUSING_KIT_SOFFICE", "false")  # found, but fails
    code, out, err = cli(project, capsys, "slides", "sample", "--pdf")
    assert code == 1
    assert out.startswith("wrote slides/sample.pl.pptx (")
    assert err.startswith("build failed: LibreOffice could not write sample.pl.pdf: ")
    assert err.endswith("\nWritten before the failure: slides/sample.pl.pptx.\n")


def test_one_broken_topic_reports_only_its_own_problem(project, capsys):
    other = (project / "topics" / "sample.yaml").read_text(encoding="utf-8")
    other = other.replace("slug: sample", "slug: other").replace("aliases: [probka]", "aliases: []")
    (project / "topics" / "other.yaml").write_text(other.replace("order: 1", "order: 2\nrelated: [sample]"), "utf-8")
    edit(project, lambda t: t["title"].pop("en"))
    with pytest.raises(ContentError) as error:
        load_topics(project)
    assert [str(p) for p in error.value.problems] == ["topics/sample.yaml:6: title: missing 'en' translation"]


# ---------------------------------------------------------------- LibreOffice: interrupts and reproducible bytes
def soffice_children(marker: str) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmdline = (proc / "cmdline").read_bytes().decode("utf-8", "replace")
            except OSError:
                continue
            if marker in cmdline and "soffice" in cmdline:
                found.append(int(proc.name))
    return found


@NEEDS_SOFFICE
@pytest.mark.slow
def test_ctrl_c_during_pdf_conversion_ends_quietly_and_leaves_no_libreoffice(project, tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    out = tmp_path / "out" / "talk.pptx"
    process = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "build.py"),
            "--root",
            str(project),
            "slides",
            "sample",
            "--pdf",
            "--out",
            str(out),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(scratch)},
    )
    deadline = time.monotonic() + 60
    while not soffice_children(str(out.parent)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert soffice_children(str(out.parent)), "LibreOffice started"
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err == "interrupted\n"
    time.sleep(0.5)
    assert soffice_children(str(out.parent)) == []
    assert list(scratch.iterdir()) == [], "LibreOffice's profile and temporary files are removed"


@NEEDS_SOFFICE
@pytest.mark.slow
def test_the_same_deck_gives_the_same_pdf_bytes(project, capsys):
    assert main(["--root", str(project), "slides", "sample", "--pdf", "--out", str(project / "a" / "x.pptx")]) == 0
    time.sleep(1.1)  # LibreOffice stamps the second
    assert main(["--root", str(project), "slides", "sample", "--pdf", "--out", str(project / "b" / "x.pptx")]) == 0
    assert (project / "a" / "x.pdf").read_bytes() == (project / "b" / "x.pdf").read_bytes()
