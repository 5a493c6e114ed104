"""How the site and the decks grow with the number of topics: 6, 25, 50 and 100 synthetic topics.

Run from the repository root:  python benchmarks/bench_scale.py [--sizes 6 25 50 100]

Each synthetic topic joins the two deck-test topics (tests/fixtures/deck): every
figure kind (table, chart, typology, ladder, list), both languages, sources and
a glossary, valid as the loader checks it. For each size, in a fresh copy of
the project (settings and hand-written pages as they are, these topics instead
of topics/):

- ``python build.py check`` (loading, validating and planning every deck);
- ``python build.py site --no-decks`` (the site alone);
- ``python build.py slides --all`` (every deck in both languages, one process);
- ``python build.py site`` with its decks, built afresh for the downloads (PPTX
  only: LibreOffice is left out, as its time is its own).

Targets on the 2-core machine: the site and all decks each within 60 s at 100
topics, growing linearly.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "deck" / "topics"


def synthetic_topic(n: int) -> dict:
    """Topic ``n``: both deck-test topics in one, renamed so slugs and ids stay unique."""
    ladder = yaml.safe_load((FIXTURE / "ladder.yaml").read_text(encoding="utf-8"))
    typology = yaml.safe_load((FIXTURE / "typology.yaml").read_text(encoding="utf-8"))
    sections = []
    for prefix, source in (("a", typology), ("b", ladder)):
        for section in source["sections"]:
            sections.append({**section, "id": f"{prefix}-{section['id']}"})
    sources = {s["id"]: s for s in [*typology["sources"], *ladder["sources"]]}
    return {
        "slug": f"topic-{n:03d}",
        "order": n,
        "reviewed": typology["reviewed"],
        "title": {"pl": f"Temat {n}: {typology['title']['pl']}", "en": f"Topic {n}: {typology['title']['en']}"},
        "summary": typology["summary"],
        "sections": sections,
        "figures": [*typology["figures"], *ladder["figures"]],
        "glossary": typology.get("glossary", []) + ladder.get("glossary", []),
        "sources": list(sources.values()),
    }


def project(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True)
    settings = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (folder / "mkdocs.yml").write_text(settings.replace("      decks: true\n", "      decks: true\n      pdf: false\n"))
    shutil.copytree(ROOT / "docs", folder / "docs", ignore=shutil.ignore_patterns("topics"))
    (folder / "topics").mkdir()
    (folder / "slides" / "events").mkdir(parents=True)
    (folder / "housing_kit").symlink_to(ROOT / "housing_kit")  # the theme overrides live in the package
    for n in range(1, count + 1):
        text = yaml.safe_dump(synthetic_topic(n), allow_unicode=True, sort_keys=False)
        (folder / "topics" / f"topic-{n:03d}.yaml").write_text(text, encoding="utf-8")
    return folder


def timed(root: Path, *command: str) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--root", str(root), *command], capture_output=True
    )
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr.decode()[-2000:]}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[6, 25, 50, 100])
    args = parser.parse_args()
    heads = ("topics", "check", "site, no decks", "slides --all", "decks", "site with decks")
    print(" ".join(f"{h:>15}" for h in heads))
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        for count in args.sizes:
            root = project(Path(tmp) / f"p{count}", count)
            check = timed(root, "check")
            site = timed(root, "site", "--no-decks")
            decks = timed(root, "slides", "--all")
            full = timed(root, "site")  # builds every deck again, for the site's downloads
            cells = (f"{count}", f"{check:.1f} s", f"{site:.1f} s", f"{decks:.1f} s", f"{count * 2}", f"{full:.1f} s")
            print(" ".join(f"{c:>15}" for c in cells), flush=True)


if __name__ == "__main__":
    main()
