"""Decks already built for the same request, kept so an unchanged deck costs no rebuild.

A deck is a pure function of its inputs (same input, same bytes), so
``python build.py slides ans`` keeps what it wrote under ``.cache/slides/``,
keyed by the hashes of every file the deck comes from (topics, mkdocs.yml,
labels, the model and deck code, a template or event file) and the request
itself. A repeated request writes the kept bytes without importing pydantic
or python-pptx; any change to an input builds afresh.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Sequence
from pathlib import Path

from ..library_cache import inputs_key

DIR = Path(".cache") / "slides"
_PACKAGE = Path(__file__).resolve().parent.parent


def request_key(root: Path, request: Sequence[object], files: Sequence[Path | None]) -> str:
    """The key of one ``slides`` request: its arguments, the files it names, and every input."""
    from importlib.metadata import version

    digest = hashlib.sha256(inputs_key(root).encode() + repr(tuple(request)).encode() + version("python-pptx").encode())
    for path in [*sorted((_PACKAGE / "deck").rglob("*.py")), *(f for f in files if f is not None)]:
        digest.update(str(path).encode() + b"\0")
        try:
            digest.update(Path(path).read_bytes())
        except OSError:
            digest.update(b"\0missing\0")
    return digest.hexdigest()


def kept(root: Path, key: str) -> list[tuple[Path, bytes, int]] | None:
    """The decks (path, bytes, slide count) written for ``key`` before, if kept."""
    try:
        with (Path(root) / DIR / f"{key}.pickle").open("rb") as fh:
            decks: list[tuple[Path, bytes, int]] = pickle.load(fh)
        return decks
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
        return None


def keep(root: Path, key: str, decks: list[tuple[Path, bytes, int]]) -> None:
    """Keep the decks written for ``key``; older entries are dropped so the folder stays small."""
    folder = Path(root) / DIR
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime)[:-50]:
            old.unlink(missing_ok=True)
        tmp = folder / f".{key}.{os.getpid()}"
        with tmp.open("wb") as fh:
            pickle.dump(decks, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"{key}.pickle")
    except OSError:
        pass  # a read-only checkout still builds, only every time
