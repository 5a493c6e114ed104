"""`python build.py serve` previews the site and re-renders a page when its YAML changes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from .conftest import FIXTURES, ROOT, copy_project

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch_until(url: str, text: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
        except urllib.error.HTTPError as error:  # a 404 page has a body too
            with error:
                body = error.read().decode("utf-8")
        except OSError:
            pass
        if text in body:
            return body
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {text!r}; last body starts {body[:200]!r}")


def test_serve_rerenders_a_topic_when_its_yaml_changes(tmp_path):
    root = copy_project(tmp_path / "p", topics=FIXTURES / "minimal" / "topics")
    port = free_port()
    log = (tmp_path / "serve.log").open("wb")  # a file, not a pipe: nobody reads it while the server runs
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "--root", str(root), "serve", "--addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    try:
        url = f"http://127.0.0.1:{port}/en/topics/sample/"
        fetch_until(url, "Sample topic")
        topic = root / "topics" / "sample.yaml"
        topic.write_text(topic.read_text(encoding="utf-8").replace("Sample topic", "Renamed topic"), encoding="utf-8")
        fetch_until(url, "Renamed topic")
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def test_serve_shows_the_problems_in_the_browser_and_recovers_when_they_are_fixed(tmp_path):
    root = copy_project(tmp_path / "p", topics=FIXTURES / "minimal" / "topics")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "--root", str(root), "serve", "--addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        url = f"http://127.0.0.1:{port}/en/topics/sample/"
        fetch_until(url, "Sample topic")
        topic = root / "topics" / "sample.yaml"
        good = topic.read_text(encoding="utf-8")
        topic.write_text(good.replace("  en: A short description of the sample topic.\n", ""), encoding="utf-8")
        # Every page, those that exist and those that do not, lists the problem; none waits for a fix.
        for page in (url, f"http://127.0.0.1:{port}/", f"http://127.0.0.1:{port}/en/no-such-page/"):
            body = fetch_until(page, "topics/sample.yaml:7: summary: missing &#x27;en&#x27; translation")
            assert 'http-equiv="refresh"' in body
        started = time.monotonic()
        with urllib.request.urlopen(url, timeout=10) as response:
            response.read()
        assert time.monotonic() - started < 10
        topic.write_text(good.replace("Sample topic", "Fixed topic"), encoding="utf-8")
        fetch_until(url, "Fixed topic")
    finally:
        server.terminate()
        server.wait(timeout=20)
        if server.stderr is not None:
            server.stderr.close()
