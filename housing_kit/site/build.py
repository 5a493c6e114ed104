"""Building and serving the site: the public face of ``python build.py site|serve``.

The build is atomic: MkDocs writes into a fresh folder beside ``site/``,
which replaces ``site/`` only when everything succeeded. A failed build
leaves the last good site untouched.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from pathlib import Path

from ..errors import BuildError
from ..library import Library
from ..loader import load_topics
from .hooks import DECKS_DIR_ENV

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # MkDocs 2 notice: noise for our users


def decks_dir(root: Path) -> Path:
    return Path(root) / ".cache" / "decks"


def build_decks(library: Library, root: Path) -> Path:
    """Every topic's deck in every language, rebuilt only when its inputs changed."""
    from ..outputs.downloads import build_downloads

    out = decks_dir(root)
    downloads = build_downloads(library, out, pdf=True)  # PDFs only where LibreOffice is found
    if not any(d.kind == "pdf" for d in downloads):
        logging.getLogger("housing_kit").warning("LibreOffice (soffice) not found: the site offers PPTX decks only")
    return out


@contextlib.contextmanager
def _decks_env(path: Path | None):
    old = os.environ.get(DECKS_DIR_ENV)
    if path is not None:
        os.environ[DECKS_DIR_ENV] = str(path)
    else:
        os.environ.pop(DECKS_DIR_ENV, None)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(DECKS_DIR_ENV, None)
        else:
            os.environ[DECKS_DIR_ENV] = old


def build_site(root: Path, *, decks: bool = True) -> Path:
    """Validate, build the decks, then build the site into ``site/`` atomically."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    root = Path(root).resolve()
    library = load_topics(root)  # content errors stop us before anything is written
    deck_path = build_decks(library, root) if decks else None
    final = root / "site"
    fresh = root / f".site-new-{os.getpid()}"
    shutil.rmtree(fresh, ignore_errors=True)
    try:
        with _decks_env(deck_path):
            config = load_config(str(root / "mkdocs.yml"), site_dir=str(fresh))
            build(config)
    except MkDocsException as exc:
        shutil.rmtree(fresh, ignore_errors=True)
        raise BuildError(f"{exc}; the previous site/ was left as it was") from None
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    old = root / f".site-old-{os.getpid()}"
    if final.exists():
        final.rename(old)
    fresh.rename(final)
    shutil.rmtree(old, ignore_errors=True)
    return final


def serve_site(root: Path, addr: str) -> None:
    """Preview with live reload; edits to topics/*.yaml re-render the pages."""
    from mkdocs.commands.serve import serve

    root = Path(root).resolve()
    library = load_topics(root)
    with _decks_env(build_decks(library, root)):
        serve(config_file=str(root / "mkdocs.yml"), dev_addr=addr, livereload=True)

