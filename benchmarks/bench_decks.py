"""Times deck building: one deck as a whole process, every deck in one process, and pandoc.

Run from the repository root:  python benchmarks/bench_decks.py [--runs 7] [--topic ans]

1. `python build.py slides <topic>` as a whole process (median of --runs), with
   where the time goes inside one such process (imports, loading, building),
   side by side with pandoc on a Markdown rendering of the same slides
   (titles, points, notes, tables, sources);
2. `python build.py slides --all` (every topic in every language, one process)
   side by side with pandoc building the same decks one process each, as a
   shell loop over topics would.

Side by side: each run times ours, then pandoc, so load on a shared machine
hits both. Targets: one deck at most 1.5x pandoc; all decks faster than
pandoc. Decks go to a temporary folder; only the library cache (.cache/) is
written into the project, as any run of the command does.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PHASES = """
import time
start = time.perf_counter()
import sys
sys.path.insert(0, {root!r})
from pathlib import Path
from housing_kit.loader import load_topics
imported = time.perf_counter()
library = load_topics(Path({root!r}))
loaded = time.perf_counter()
import pptx
pptx_imported = time.perf_counter()
from housing_kit.deck import build_deck
deck = build_deck(library, [library.find({topic!r})], library.default_language.code)
built = time.perf_counter()
print(imported - start, loaded - imported, pptx_imported - loaded, built - pptx_imported, deck.slides)
"""


def wall(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def report(name: str, times: list[float]) -> float:
    median = statistics.median(times)
    print(f"{name:<52} median {median:6.2f} s   min {min(times):6.2f} s   max {max(times):6.2f} s")
    return median


def markdown(topic, lang: str, library) -> str:
    """The topic as pandoc Markdown slides: the same text the deck shows."""
    from housing_kit.formatting import format_number, plain

    def cell(value) -> str:
        return format_number(value, lang) if isinstance(value, int | float) else value[lang].replace("|", "/")

    lines = [f"% {topic.title[lang]}", f"% {library.settings.organisation}", f"% {topic.reviewed}", ""]
    for section in topic.sections:
        lines += [f"# {section.title[lang]}", ""]
        lines += [f"- {plain(p[lang])}" for p in section.points]
        lines += ["", "::: notes", plain(section.notes[lang]), ":::", ""]
        for figure_id in section.figures:
            figure = topic.figure(figure_id)
            lines += [f"# {figure.title[lang]}", ""]
            if figure.kind == "table":
                lines.append("| " + " | ".join(c[lang] for c in figure.columns) + " |")
                lines.append("|" + "---|" * len(figure.columns))
                lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in figure.rows]
            elif figure.kind == "list":
                lines += [
                    f"{i}. **{item.title[lang]}** {item.text[lang] if item.text else ''}"
                    for i, item in enumerate(figure.items, 1)
                ]
            elif figure.kind == "ladder":
                lines += [f"{s.step}. **{s.title[lang]}** – {s.indicator[lang]}" for s in figure.steps]
            elif figure.kind == "chart":
                lines.append("| | " + " | ".join(s.name[lang] for s in figure.series) + " |")
                lines.append("|---|" + "---|" * len(figure.series))
                for i, category in enumerate(figure.categories):
                    name = category if isinstance(category, int) else category[lang]
                    lines.append(f"| {name} | " + " | ".join(cell(s.values[i]) for s in figure.series) + " |")
            elif figure.kind == "typology":
                lines.append("| " + " | ".join(level[lang] for level in figure.levels[1:]) + " |")
                lines.append("|" + "---|" * (len(figure.levels) - 1))
                for group in figure.groups:
                    for category in group.categories:
                        for s in category.situations:
                            extra = [s.definition[lang]] if s.definition and len(figure.levels) > 3 else []
                            lines.append(
                                f"| {category.code}. {category.name[lang]} | {s.code} {s.name[lang]} | "
                                + " | ".join(extra)
                                + " |"
                            )
            lines.append("")
    lines += [f"# {library.label('sources', lang)}", ""]
    lines += [f"{n}. {s.author} ({s.year}). {s.title}. <{s.url}>" for n, s in enumerate(topic.sources, 1)]
    return "\n".join(lines) + "\n"


def side_by_side(
    ours: list[str], theirs: list[list[str]], runs: int, before=lambda: None
) -> tuple[list[float], list[float]]:
    """Both commands timed in turn, run after run, so a busy machine slows both alike."""
    a, b = [], []
    for _ in range(runs):
        before()
        start = time.perf_counter()
        subprocess.run(ours, cwd=ROOT, check=True, capture_output=True)
        a.append(time.perf_counter() - start)
        start = time.perf_counter()
        for command in theirs:
            subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        b.append(time.perf_counter() - start)
    return a, b


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--topic", default="ans")
    args = parser.parse_args()
    from housing_kit.loader import load_topics

    library = load_topics(ROOT)
    topic = library.find(args.topic)
    lang = library.default_language.code
    decks = len(library.topics) * len(library.codes)
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        sys.exit("pandoc is needed for the comparison (apt-get install pandoc)")
    with tempfile.TemporaryDirectory(prefix="bench-decks-") as tmp:
        out = Path(tmp)
        report("python -c pass (interpreter start)", wall([sys.executable, "-c", "pass"], args.runs))
        report(
            "python -c 'import pydantic, pptx' (library imports)",
            wall([sys.executable, "-c", "import pydantic, pptx"], args.runs),
        )
        sources = {}
        for t in library.topics:
            for code in library.codes:
                path = out / f"{t.slug}.{code}.md"
                path.write_text(markdown(t, code, library), encoding="utf-8")
                sources[(t.slug, code)] = path

        def by_pandoc(path: Path) -> list[str]:
            return [pandoc, str(path), "-o", str(path.with_suffix(".pandoc.pptx"))]

        # The validated library is cached in .cache/ after the first run, as for a user.
        subprocess.run([sys.executable, "build.py", "slides", args.topic, "--out", str(out / "one.pptx")], cwd=ROOT)
        ours, theirs = side_by_side(
            [sys.executable, "build.py", "slides", args.topic, "--out", str(out / "one.pptx")],
            [by_pandoc(sources[(topic.slug, lang)])],
            args.runs,
        )
        one = report(f"python build.py slides {args.topic} (whole process, repeated)", ours)
        one_pandoc = report(f"pandoc, the same {args.topic} slides", theirs)
        built, theirs_again = side_by_side(
            [sys.executable, "build.py", "slides", args.topic, "--out", str(out / "one.pptx")],
            [by_pandoc(sources[(topic.slug, lang)])],
            args.runs,
            before=lambda: shutil.rmtree(ROOT / ".cache" / "slides", ignore_errors=True),
        )
        rebuilt = report(f"python build.py slides {args.topic} (deck not kept: built)", built)
        rebuilt_pandoc = report(f"pandoc, the same {args.topic} slides", theirs_again)
        phases = subprocess.run(
            [sys.executable, "-c", PHASES.format(root=str(ROOT), topic=args.topic)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        names = ("import housing_kit.loader", "load_topics (no cache)", "import pptx", "build_deck")
        print(
            "  inside one process: " + ", ".join(f"{n} {float(t):.2f} s" for n, t in zip(names, phases, strict=False))
        )
        copy = out / "project"
        copy.mkdir()
        for name in ("mkdocs.yml", "topics", "housing_kit"):
            (copy / name).symlink_to(ROOT / name)
        ours, theirs = side_by_side(
            [sys.executable, str(ROOT / "build.py"), "--root", str(copy), "slides", "--all"],
            [by_pandoc(path) for path in sources.values()],
            max(3, args.runs // 2),
        )
        every = report(f"python build.py slides --all ({decks} decks, one process)", ours)
        every_pandoc = report(f"pandoc, the same {decks} decks one at a time", theirs)
    print()
    print(f"slides {args.topic}: {one:.2f} s vs pandoc {one_pandoc:.2f} s: {one / one_pandoc:.2f}x (target <= 1.5x)")
    print(
        f"slides {args.topic}, built (validated library kept): {rebuilt:.2f} s vs pandoc {rebuilt_pandoc:.2f} s: "
        f"{rebuilt / rebuilt_pandoc:.2f}x"
    )
    print(f"slides --all: {every:.2f} s vs pandoc {every_pandoc:.2f} s: {every / every_pandoc:.2f}x (target < 1x)")


if __name__ == "__main__":
    main()
