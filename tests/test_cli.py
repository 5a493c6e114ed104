"""The command line, run in-process: exit codes and the exact words users see."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from housing_kit.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "minimal"


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copy(FIXTURE / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(FIXTURE / "topics", tmp_path / "topics")
    return tmp_path


def test_check_prints_a_summary_and_exits_0(project, capsys):
    assert main(["--root", str(project), "check"]) == 0
    out = capsys.readouterr().out
    assert "sample (probka): 1 sections, 1 figures, 1 terms, 1 sources, reviewed 2026-11-20" in out
    assert "1 topics in pl, en; 0 event file(s); 2 decks planned; all valid." in out


def test_check_plans_every_deck_and_lists_every_layout_problem_with_its_line(project, capsys):
    path = project / "topics" / "sample.yaml"
    long = " ".join(["Bardzo długi tytuł"] * 12)
    text = path.read_text(encoding="utf-8")
    text = text.replace("title: {pl: Pierwsza część, en: First part}", f"title: {{pl: {long}, en: First part}}")
    text = text.replace("title: {pl: Liczby, en: Counts}", f"title: {{pl: Liczby, en: {long}}}")
    path.write_text(text, encoding="utf-8")
    assert main(["--root", str(project), "check"]) == 2
    err = capsys.readouterr().err.splitlines()
    shown = f"'{long[:79]}…'"  # at most 80 characters of the text are quoted
    where = "topics/sample.yaml:12: sections[0].title.pl"
    assert err[0] == f"{where}: title {shown} is too long for a slide even at 24 pt; shorten it"
    assert err[1].startswith(f"topics/sample.yaml:26: figures[0].title.en: title {shown} is too long")
    assert err[2] == "2 problems found; nothing was written."


def test_bad_content_exits_2_with_path_line_field_and_no_traceback(project, capsys):
    path = project / "topics" / "sample.yaml"
    path.write_text(path.read_text().replace("      en: Speaker notes.\n", ""))
    assert main(["--root", str(project), "check"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "topics/sample.yaml:18: sections[0].notes: missing 'en' translation\n1 problem found; nothing was written.\n"
    )


def test_no_command_prints_help_and_exits_2(capsys):
    assert main([]) == 2
    assert "check" in capsys.readouterr().out


def test_unknown_command_lists_the_commands():
    result = subprocess.run([sys.executable, "build.py", "publish"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2
    assert "invalid choice: 'publish'" in result.stderr
    assert "'check'" in result.stderr and "'slides'" in result.stderr
    assert "Traceback" not in result.stderr


def test_build_py_help_does_not_import_mkdocs_or_pptx():
    code = (
        "import runpy, sys\nsys.argv = ['build.py', '--help']\n"
        "try:\n    runpy.run_path('build.py', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print('mkdocs' in sys.modules, 'pptx' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip().endswith("False False")


def test_schema_command_writes_the_schemas(tmp_path, capsys):
    shutil.copy(FIXTURE / "mkdocs.yml", tmp_path / "mkdocs.yml")
    assert main(["--root", str(tmp_path), "schema"]) == 0
    assert (tmp_path / "schema" / "topic.schema.json").exists()
    assert "wrote schema/event.schema.json" in capsys.readouterr().out


def test_test_command_passes_options_on_to_pytest(monkeypatch):
    calls = []
    monkeypatch.setattr("subprocess.call", lambda cmd, cwd: calls.append(cmd) or 0)
    assert main(["test", "-q", "-m", "not slow", "tests/test_cli.py"]) == 0
    assert calls[-1][1:] == ["-m", "pytest", "-q", "-m", "not slow", "tests/test_cli.py"]
    assert [c[2] for c in calls[:-1]] == [
        "ruff",
        "ruff",
        "mypy",
        "import sys, importlinter.cli as c; sys.exit(c.lint_imports(no_cache=True, no_logo=True))",
    ]


def test_other_commands_reject_unknown_options(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["check", "--quick"])
    assert exit_.value.code == 2
    assert "unrecognized arguments: --quick" in capsys.readouterr().err
