"""Paths as the user reads them in messages: relative to the project where possible."""

from __future__ import annotations

from pathlib import Path


def relative(path: Path, root: Path) -> str:
    """A path as the user wants to read it: relative to the project, else to the current folder."""
    resolved = Path(path).resolve()
    for base in (Path(root).resolve(), Path.cwd()):
        try:
            return resolved.relative_to(base).as_posix()
        except ValueError:
            continue
    return Path(path).as_posix()
