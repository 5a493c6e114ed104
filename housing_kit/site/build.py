"""Building and serving the site: the public face of ``python build.py site|serve``.

Both run MkDocs on mkdocs.yml, whose ``housing_kit`` plugin (plugin.py) does
everything of ours: topic pages, decks and downloads. So ``mkdocs build``
gives the same site; this adds validation first, with our exit codes, and an
atomic swap: MkDocs writes into a fresh folder beside ``site/``, which
replaces ``site/`` only when everything succeeded. A failed build leaves the
last good site untouched.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..errors import BuildError
from ..loader import load_topics

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # MkDocs 2 notice: noise for our users

PLUGIN = "housing_kit"


def build_site(root: Path, *, decks: bool = True) -> Path:
    """Validate, then build the site (decks included unless ``decks`` is false) into ``site/`` atomically."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    root = Path(root).resolve()
    load_topics(root)  # content errors stop us, with every problem listed, before anything is written
    final = root / "site"
    fresh = root / f".site-new-{os.getpid()}"
    shutil.rmtree(fresh, ignore_errors=True)
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(fresh))
        if not decks:
            plugin_config(config)["decks"] = False
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


def plugin_config(config) -> dict:
    """The ``housing_kit`` plugin's options in a loaded MkDocs config; a config without the plugin is an error."""
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        raise BuildError(f"mkdocs.yml does not list the {PLUGIN!r} plugin under plugins:")
    return plugin.config


def serve_site(root: Path, addr: str) -> None:
    """Preview with live reload; edits to topics/*.yaml re-render the pages."""
    from mkdocs.commands.serve import serve

    root = Path(root).resolve()
    load_topics(root)
    serve(config_file=str(root / "mkdocs.yml"), dev_addr=addr, livereload=True)
