"""The site swap: one build at a time, site/ replaced in one step, and nothing lost to a kill."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from housing_kit.site.swap import exchange, leftovers, recover

from .conftest import FIXTURES, ROOT, copy_project

KILL_AT_STEP = """
import os, shutil, signal, sys
from pathlib import Path
from housing_kit.site import swap

root, step, use_exchange = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "1"
calls = 0

def counted(fn):
    def wrapper(*args, **kwargs):
        global calls
        calls += 1
        if calls == step:
            os.kill(os.getpid(), signal.SIGKILL)
        return fn(*args, **kwargs)
    return wrapper

swap.os.rename = counted(os.rename)
swap.exchange = counted(swap.exchange if use_exchange else (lambda a, b: False))
swap.shutil.rmtree = counted(shutil.rmtree)
swap.swap_in(root / ".site-new-1", root / "site")
"""


def make_site(folder: Path, text: str) -> None:
    (folder / "topics").mkdir(parents=True)
    (folder / "index.html").write_text(text, encoding="utf-8")
    (folder / "topics" / "index.html").write_text(text, encoding="utf-8")


def test_exchange_swaps_two_folders_in_one_step(tmp_path):
    make_site(tmp_path / "a", "a")
    make_site(tmp_path / "b", "b")
    if not exchange(tmp_path / "a", tmp_path / "b"):
        pytest.skip("renameat2(RENAME_EXCHANGE) is not available here")
    assert (tmp_path / "a" / "index.html").read_text() == "b"
    assert (tmp_path / "b" / "index.html").read_text() == "a"


@pytest.mark.parametrize("use_exchange", [True, False], ids=["exchange", "two-renames"])
@pytest.mark.parametrize("step", [1, 2, 3, 4, 5, 6])
def test_a_kill_at_any_step_of_the_swap_leaves_a_complete_site(tmp_path, use_exchange, step):
    if use_exchange and not exchange(tmp_path, tmp_path):
        pytest.skip("renameat2(RENAME_EXCHANGE) is not available here")
    make_site(tmp_path / "site", "old")
    make_site(tmp_path / ".site-new-1", "new")
    run = subprocess.run(
        [sys.executable, "-c", KILL_AT_STEP, str(tmp_path), str(step), "1" if use_exchange else "0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode in (0, -signal.SIGKILL), run.stderr
    if use_exchange:  # one step: there is no moment without a site/
        assert (tmp_path / "site" / "index.html").read_text() in ("old", "new")
    recover(tmp_path, tmp_path / "site")  # what the next build does first
    assert (tmp_path / "site" / "index.html").read_text() in ("old", "new")
    assert (tmp_path / "site" / "topics" / "index.html").read_text() == (tmp_path / "site" / "index.html").read_text()
    assert leftovers(tmp_path) == []
    if run.returncode == 0:
        assert (tmp_path / "site" / "index.html").read_text() == "new"


def test_recovery_prefers_the_finished_build_and_never_an_unfinished_one(tmp_path):
    make_site(tmp_path / ".site-new-7", "half")
    make_site(tmp_path / ".site-old-7", "old")
    make_site(tmp_path / ".site-ready-7", "new")
    assert recover(tmp_path, tmp_path / "site") == tmp_path / ".site-ready-7"
    assert (tmp_path / "site" / "index.html").read_text() == "new"
    assert leftovers(tmp_path) == []
    make_site(tmp_path / ".site-new-8", "half")
    (tmp_path / "site" / "index.html").unlink()
    (tmp_path / "site" / "topics" / "index.html").unlink()
    (tmp_path / "site" / "topics").rmdir()
    (tmp_path / "site").rmdir()
    assert recover(tmp_path, tmp_path / "site") is None  # nothing complete to restore from
    assert not (tmp_path / "site").exists() and leftovers(tmp_path) == []


def site_command(root: Path) -> list[str]:
    return [sys.executable, str(ROOT / "build.py"), "--root", str(root), "site", "--no-decks"]


@pytest.mark.slow
def test_builds_killed_at_random_moments_never_lose_the_site(tmp_path):
    root = copy_project(tmp_path / "p", topics=FIXTURES / "minimal" / "topics")
    assert subprocess.run(site_command(root), capture_output=True, timeout=300).returncode == 0
    for delay in (0.3, 1.0, 1.8, 2.6):
        process = subprocess.Popen(site_command(root), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.kill()
        process.wait(timeout=60)
        recover(root, root / "site")
        assert (root / "site" / "index.html").is_file(), f"killed after {delay} s"
    run = subprocess.run(site_command(root), capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert leftovers(root) == []


@pytest.mark.slow
def test_a_second_build_waits_for_the_first_and_says_so(tmp_path):
    root = copy_project(tmp_path / "p", topics=FIXTURES / "minimal" / "topics")
    first = subprocess.Popen(site_command(root), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.5)
    second = subprocess.Popen(site_command(root), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    outputs = [p.communicate(timeout=300) for p in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outputs
    assert not any("Traceback" in err for _, err in outputs)
    assert any("another build of this site is running; waiting for it to finish" in err for _, err in outputs)
    assert (root / "site" / "index.html").is_file()
    assert leftovers(root) == []
