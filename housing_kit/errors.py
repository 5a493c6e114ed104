"""The one exception content problems travel in.

Real bugs keep their traceback; only a ContentError is turned into a clean
message and exit status 2 at the command line.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # as the editor would type it, e.g. "topics/ans.yaml"
    line: int | None
    field: str  # e.g. "sections[2].notes"; empty for whole-file problems
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ContentError(Exception):
    """Bad input: one or more problems an editor can fix."""

    written: tuple[str, ...] = ()  # files a command had written before the problem was found

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.path, p.line or 0, p.field))
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class BuildError(Exception):
    """A build step failed for a reason outside the content (exit status 1)."""

    written: tuple[str, ...] = ()  # files a command had written before it failed
