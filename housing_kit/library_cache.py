"""The validated library, kept between runs so an unchanged topic is not parsed and checked again.

``python build.py slides ans`` spends much of its time reading and validating
every topic. The library it gets is a pure function of a few files (the
topics, mkdocs.yml, the interface labels) and of the code that reads them, so
it is pickled under ``.cache/`` with a key made of those files' hashes; any
change to one of them, to the model code, or to the Python or pydantic
version loads and validates afresh. Only a library that loaded without
problems is kept, so content errors are always reported.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .library import Library

PACKAGE = Path(__file__).resolve().parent
# The code whose output is cached: a change to any of these invalidates the cache.
MODEL_CODE = (
    "errors.py",
    "figure_kinds.py",
    "formatting.py",
    "languages.py",
    "library.py",
    "library_cache.py",
    "loader.py",
    "models.py",
    "yaml_source.py",
    "labels.yaml",
)
CACHE_FILE = "library.pickle"


def inputs_key(root: Path) -> str:
    """A hash of everything the validated library is made from."""
    digest = hashlib.sha256(f"{sys.version}\0{version('pydantic')}\0".encode())
    files = [root / "mkdocs.yml", *sorted((root / "topics").glob("*.yaml")), *(PACKAGE / n for n in MODEL_CODE)]
    for path in files:
        digest.update(str(path).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"\0missing\0")
    return digest.hexdigest()


def load_library(root: Path, cache_dir: Path | None = None) -> Library:
    """``load_topics(root)``, or its result from ``cache_dir`` (default ``<root>/.cache``) when
    none of its inputs changed. Content problems raise ContentError exactly as load_topics does."""
    root = Path(root)
    cache = Path(cache_dir if cache_dir is not None else root / ".cache") / CACHE_FILE
    key = inputs_key(root)
    try:
        with cache.open("rb") as fh:
            stored_key, library = pickle.load(fh)
        if stored_key == key:
            return library  # type: ignore[no-any-return]
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError, TypeError):
        pass  # no cache yet, or one written by other code: load afresh
    from .loader import load_topics

    library = load_topics(root)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_name(f".{cache.name}.{os.getpid()}")
        with tmp.open("wb") as fh:
            pickle.dump((key, library), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    except OSError:
        pass  # a read-only checkout still builds, only slower
    return library
