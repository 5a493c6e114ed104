"""Building and serving the site: the public face of ``python build.py site|serve``.

Both run MkDocs on mkdocs.yml, whose ``housing_kit`` plugin (plugin.py) does
everything of ours: topic pages, decks and downloads. So ``mkdocs build``
gives the same site; this adds validation first, with our exit codes, a lock
(one build at a time) and an atomic swap (swap.py): MkDocs writes into a fresh
folder beside ``site/``, which replaces ``site/`` in one step only when
everything succeeded. A failed or interrupted build leaves the last good site.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from ..errors import BuildError
from ..loader import load_topics
from .swap import NEW, build_lock, recover, swap_in, tell

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # MkDocs 2 notice: noise for our users

PLUGIN = "housing_kit"


def build_site(root: Path, *, decks: bool = True, notify: Callable[[str], None] = tell) -> Path:
    """Validate, then build the site (decks included unless ``decks`` is false) into ``site/`` atomically.

    One build at a time per project (a second one waits; ``notify`` is told); see swap.py."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    root = Path(root).resolve()
    load_topics(root)  # content errors stop us, with every problem listed, before anything is written
    final = root / "site"
    try:
        with build_lock(root, notify):
            restored = recover(root, final)
            if restored is not None:
                notify(f"site/ was missing after an interrupted build; restored it from {restored.name}")
            fresh = root / f"{NEW}{os.getpid()}"
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
            swap_in(fresh, final)
    except OSError as exc:  # the system refused: a read-only folder, a full disk
        where = exc.filename or root
        raise BuildError(
            f"cannot write {where}: {exc.strerror or exc}; the previous site/ was left as it was"
        ) from None
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
    _check_port_free(addr)  # before the first build: a taken port is reported at once
    try:
        serve(config_file=str(root / "mkdocs.yml"), dev_addr=addr, livereload=True)
    except OSError as exc:  # taken between our check and MkDocs' bind
        raise BuildError(f"cannot serve on {addr}: {exc.strerror or exc}") from None


def _check_port_free(addr: str) -> None:
    import socket

    host, _, port = addr.rpartition(":")
    host = host.strip("[]")
    try:
        infos = socket.getaddrinfo(host, int(port), type=socket.SOCK_STREAM)
        with socket.socket(infos[0][0], socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will
            probe.bind(infos[0][4])
    except (OSError, OverflowError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise BuildError(f"cannot serve on {addr}: {reason}") from None
