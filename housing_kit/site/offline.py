"""A copy of the site that works from a USB stick: ``python build.py site --offline``.

Browsers treat ``file://`` differently from a web server, so the offline copy
is the same MkDocs build with three differences:

- no directory URLs: a page is ``topics/ans.html``, not ``topics/ans/``, which
  a browser would show as a folder listing (MkDocs' ``use_directory_urls``);
- each language's search index also as a script, ``search/search_index.js``,
  which Material loads on ``file://`` pages, where it may not fetch the JSON;
- a small shim (iframe-worker, vendored under ``vendor/``) that runs Material's
  search worker in a hidden frame, as browsers refuse Web Workers on ``file://``.

Material's own ``offline`` plugin does the first thing, but writes one index
for all languages and loads the shim from a CDN, so it is not used.
The result is ``site-offline.zip``, one folder inside, built reproducibly.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from ..errors import BuildError
from ..loader import load_topics

OFFLINE_ZIP = "site-offline.zip"
FOLDER = "housing-kit"  # what unpacking the zip creates; open FOLDER/index.html
SHIM = Path(__file__).with_name("vendor") / "iframe-worker-shim.js"
SHIM_URL = "assets/javascripts/iframe-worker-shim.js"
LEFT_OUT = (".gz",)  # precompressed copies are for web servers


def build_offline(root: Path, *, decks: bool = True) -> Path:
    """Build the offline copy and write it to ``<root>/site-offline.zip``; returns the zip's path."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .build import plugin_config

    root = Path(root).resolve()
    load_topics(root)  # content errors stop us before anything is written
    with tempfile.TemporaryDirectory(prefix=".site-offline-", dir=root) as tmp:
        site = Path(tmp) / FOLDER
        try:
            config = load_config(str(root / "mkdocs.yml"), site_dir=str(site), use_directory_urls=False)
            if not decks:
                plugin_config(config)["decks"] = False
            plugin_config(config)["csp"] = False  # see the plugin's csp option
            config.extra["polyfills"] = [*config.extra.get("polyfills", []), SHIM_URL]
            build(config)
        except MkDocsException as exc:
            raise BuildError(f"{exc}; no offline copy was written") from None
        prepare_for_files(site)
        return write_zip(site, root / OFFLINE_ZIP)


def prepare_for_files(site: Path) -> None:
    """Add what ``file://`` pages need: the search indexes as scripts, and the worker shim."""
    for index in site.rglob("search/search_index.json"):
        data = index.read_text(encoding="utf-8")
        index.with_suffix(".js").write_text(f"var __index = {data}", encoding="utf-8")
    target = site / SHIM_URL
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SHIM, target)


def write_zip(site: Path, zip_path: Path) -> Path:
    """Zip ``site`` as one folder of that name; same files, same bytes. Replaces ``zip_path`` atomically."""
    partial = zip_path.with_name(zip_path.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(site.rglob("*")):
            if path.is_dir() or path.name.endswith(LEFT_OUT):
                continue
            info = zipfile.ZipInfo(f"{site.name}/{path.relative_to(site).as_posix()}", date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    os.replace(partial, zip_path)
    return zip_path
