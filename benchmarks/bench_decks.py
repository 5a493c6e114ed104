"""Times deck building: one deck as a whole process, every deck in one process, and pandoc.

Run from the repository root:  python benchmarks/bench_decks.py [--runs 7] [--topic ans]

1. `python build.py slides <topic>` as a whole process (median of --runs), with
   where the time goes inside one such process (imports, loading, building);
2. every topic's deck in every language, built in one process (median of 3);
3. pandoc turning a Markdown rendering of the same topics (titles, points,
   notes, tables, sources) into PPTX, one process per deck, as a shell loop
   over topics would.

Targets on a 2-core machine: one deck < 0.5 s; all decks in one process
faster than pandoc one deck at a time. Nothing is written into the project:
every deck goes to a temporary folder.
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

ALL_DECKS = """
import sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from housing_kit.loader import load_topics
from housing_kit.deck import build_deck
library = load_topics(Path({root!r}))
for topic in library.topics:
    for lang in library.codes:
        build_deck(library, [topic], lang).save(Path({out!r}) / f"{{topic.slug}}.{{lang}}.pptx")
print(len(library.topics) * len(library.codes))
"""

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--topic", default="ans")
    args = parser.parse_args()
    from housing_kit.loader import load_topics

    library = load_topics(ROOT)
    decks = len(library.topics) * len(library.codes)
    with tempfile.TemporaryDirectory(prefix="bench-decks-") as tmp:
        out = Path(tmp)
        # The floor any Python deck builder pays on this machine, for scale.
        report("python -c pass (interpreter start)", wall([sys.executable, "-c", "pass"], args.runs))
        report(
            "python -c 'import pydantic, pptx' (library imports)",
            wall([sys.executable, "-c", "import pydantic, pptx"], args.runs),
        )
        one = report(
            f"python build.py slides {args.topic} (whole process)",
            wall([sys.executable, "build.py", "slides", args.topic, "--out", str(out / "one.pptx")], args.runs),
        )
        phases = subprocess.run(
            [sys.executable, "-c", PHASES.format(root=str(ROOT), topic=args.topic)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        names = ("import housing_kit.loader", "load_topics (all topics)", "import pptx", "build_deck")
        print(
            "  inside one process: " + ", ".join(f"{n} {float(t):.2f} s" for n, t in zip(names, phases, strict=False))
        )
        all_in_one = report(
            f"all {decks} decks ({len(library.topics)} topics x {len(library.codes)} languages), one process",
            wall([sys.executable, "-c", ALL_DECKS.format(root=str(ROOT), out=str(out))], 3),
        )
        pandoc = shutil.which("pandoc")
        if pandoc is None:
            print("pandoc is not installed: no comparison (apt-get install pandoc)")
            return
        sources = []
        for topic in library.topics:
            for lang in library.codes:
                path = out / f"{topic.slug}.{lang}.md"
                path.write_text(markdown(topic, lang, library), encoding="utf-8")
                sources.append(path)
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            for source in sources:
                subprocess.run([pandoc, str(source), "-o", str(source.with_suffix(".pandoc.pptx"))], check=True)
            runs.append(time.perf_counter() - start)
        by_pandoc = report(f"pandoc, {decks} decks one at a time", runs)
    print()
    print(f"one deck: {one:.2f} s (target < 0.5 s: {'met' if one < 0.5 else 'not met'})")
    print(
        f"all decks in one process vs pandoc one by one: {all_in_one:.2f} s vs {by_pandoc:.2f} s, "
        f"ratio {by_pandoc / all_in_one:.1f}x ({'faster' if all_in_one < by_pandoc else 'slower'})"
    )


if __name__ == "__main__":
    main()
