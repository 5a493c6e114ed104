"""Fuzzing the real topics: whatever an editor or a contributor does to a topic file,
loading ends in acceptance or in problems located at file:line, and an accepted topic
renders its pages and its deck (or a located problem), each case within a time limit.

The fast suite tries a few dozen cases, the slow suite a few hundred; a long run:
``python -m tests.test_fuzz_topics --cases 10000`` prints the counts quoted in the README.
The time limit guards against hangs (a case that runs for minutes), not for speed.
"""

from __future__ import annotations

import contextlib
import faulthandler
import json
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from housing_kit.errors import ContentError
from housing_kit.loader import load_topics

ROOT = Path(__file__).resolve().parent.parent
TOPICS = sorted((ROOT / "topics").glob("*.yaml"))
ORIGINALS = {path.name: path.read_text(encoding="utf-8") for path in TOPICS}
CASE_SECONDS = 60  # a hang guard: no case comes near it

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    '{: onclick="alert(1)" }',
    "&a [*a]",
    "*a",
    "&b",
    "<<: *a",
    "!!python/name:os.system",
    "!!binary aGk=",
    "\x00",
    "\x0b",
    "\ufffe",
    "\ud800",
    "\t",
    "9" * 5000,
    "[" * 200,
    "{" * 200,
    "Long words " * 3000,
    "~",
    "null",
    "2026-13-45",
    "../x",
    "a/b",
    "'",
    '"',
    ": x",
    "- x",
    "? x",
    "| x",
    "> x",
    "%TAG",
    "---",
    "...",
    "#",
    "",
]
texts = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40), st.text(max_size=400))
position = st.integers(min_value=0, max_value=10**6)
mutations = st.one_of(
    st.tuples(st.just("drop"), position),
    st.tuples(st.just("duplicate"), position),
    st.tuples(st.just("indent"), position, st.sampled_from([-4, -2, 2, 4])),
    st.tuples(st.just("value"), position, texts, st.booleans()),
    st.tuples(st.just("insert"), position, texts),
    st.tuples(st.just("truncate"), position),
    st.tuples(st.just("swap"), position, position),
)
cases = st.tuples(st.integers(0, len(TOPICS) - 1), st.lists(mutations, min_size=1, max_size=4))


def mutate(text: str, changes: list[tuple]) -> str:
    lines = text.splitlines(keepends=True) or ["\n"]
    for change in changes:
        kind, at = change[0], change[1] % max(len(lines), 1)
        if kind == "drop" and lines:
            del lines[at]
        elif kind == "duplicate" and lines:
            lines.insert(at, lines[at])
        elif kind == "indent" and lines:
            lines[at] = " " * change[2] + lines[at] if change[2] > 0 else lines[at][-change[2] :]
        elif kind == "value" and lines:
            head, sep, _ = lines[at].partition(": ")
            value = json.dumps(change[2], ensure_ascii=False) if change[3] else change[2]
            lines[at] = f"{head}{sep or ': '}{value}\n"
        elif kind == "insert":
            lines.insert(at, change[2] + "\n")
        elif kind == "truncate":
            joined = "".join(lines)
            lines = [joined[: change[1] % (len(joined) + 1)]]
        elif kind == "swap" and lines:
            other = change[2] % len(lines)
            lines[at], lines[other] = lines[other], lines[at]
        if not lines:
            lines = [""]
    return "".join(lines)


def make_project(folder: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    (folder / "topics").mkdir()
    for name, text in ORIGINALS.items():
        (folder / "topics" / name).write_text(text, encoding="utf-8")
    (folder / "slides" / "events").mkdir(parents=True)
    return folder


def located(error: ContentError) -> bool:
    """Every problem names a topic file, and a line unless it concerns the whole file."""
    return bool(error.problems) and all(
        p.path.startswith("topics/") and p.path.endswith(".yaml") and p.message and (p.line is not None or not p.field)
        for p in error.problems
    )


class CaseTimeout(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: float):
    def expired(signum, frame):
        raise CaseTimeout(f"a case ran for more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    faulthandler.dump_traceback_later(seconds * 3, exit=True)  # in case the alarm cannot interrupt
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        faulthandler.cancel_dump_traceback_later()


def run_case(project: Path, index: int, changes: list[tuple], counts: Counter) -> None:
    """One mutated topic, through loading, the pages and the deck; counts its outcome."""
    path = project / "topics" / TOPICS[index].name
    path.write_text(mutate(ORIGINALS[path.name], changes), encoding="utf-8", errors="surrogatepass")
    started = time.monotonic()
    try:
        with time_limit(CASE_SECONDS):
            try:
                library = load_topics(project)
            except ContentError as error:
                assert located(error), f"unlocated: {[str(p) for p in error.problems][:5]}"
                counts["located problem at loading"] += 1
                return
            counts["accepted"] += 1
            from housing_kit.deck import build_deck
            from housing_kit.site.pages import generated_pages

            generated_pages(library, [])
            slug = yaml_slug(path)
            topic = next((t for t in library.topics if t.slug == slug), library.topics[0])
            lang = library.codes[len(changes) % len(library.codes)]
            try:
                build_deck(library, [topic], lang)
                counts["deck built"] += 1
            except ContentError as error:
                assert located(error), f"unlocated deck problem: {[str(p) for p in error.problems][:5]}"
                counts["located problem in the deck"] += 1
    finally:
        counts["slowest case, ms"] = max(counts["slowest case, ms"], round((time.monotonic() - started) * 1000))
        path.write_text(ORIGINALS[path.name], encoding="utf-8")


def yaml_slug(path: Path) -> str | None:
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("slug:"):
            return line.split(":", 1)[1].strip()
    return None


def fuzz(project: Path, examples: int, counts: Counter) -> None:
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=cases)
    def one(case):
        counts["cases"] += 1
        run_case(project, case[0], case[1], counts)

    one()


def test_fuzzed_topics_end_in_acceptance_or_located_problems(tmp_path):
    counts: Counter = Counter()
    fuzz(make_project(tmp_path), 40, counts)
    assert counts["cases"] >= 40


@pytest.mark.slow
def test_fuzzed_topics_many_cases(tmp_path):
    counts: Counter = Counter()
    fuzz(make_project(tmp_path), 400, counts)
    assert counts["cases"] >= 400


if __name__ == "__main__":
    wanted = int(sys.argv[sys.argv.index("--cases") + 1]) if "--cases" in sys.argv else 1000
    totals: Counter = Counter()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        fuzz(make_project(Path(folder)), wanted, totals)
    totals["seconds"] = round(time.monotonic() - started)
    print(json.dumps(dict(totals), indent=2))
