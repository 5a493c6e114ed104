"""Times `python build.py check` and `python build.py site` as whole processes.

Run from the repository root:  python benchmarks/bench_site.py [--runs 5]
Prints the median and spread of each; the README quotes the figures.
Targets on a 2-core machine: check < 1 s, site < 15 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def time_command(args: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "build.py", *args], cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def report(name: str, times: list[float]) -> None:
    print(f"{name:<34} median {statistics.median(times):6.2f} s   min {min(times):6.2f} s   max {max(times):6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    report("python build.py check", time_command(["check"], runs))
    report("python build.py site --no-decks", time_command(["site", "--no-decks"], runs))
    report("python build.py site (decks cached)", time_command(["site"], runs))


if __name__ == "__main__":
    main()
