"""Precompressed copies of the built site, for hosts that serve them as they are.

nginx (``gzip_static on``) and Apache (mod_rewrite) send ``page.html.gz`` to a
browser that accepts gzip, so the server never compresses on the fly. The
copies are deterministic (no time stamp, no file name in the header), so the
same site gives the same bytes.
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path

COMPRESSIBLE = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml"})


def gzip_bytes(data: bytes) -> bytes:
    """Gzip at the highest level with a fixed header: mtime 0, no file name."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as gz:
        gz.write(data)
    return buffer.getvalue()


def precompress(site_dir: Path) -> int:
    """Write ``<file>.gz`` beside every compressible file of the site; returns how many.

    A file that gzip would not make smaller gets no copy (a stale one is removed)."""
    written = 0
    for path in sorted(Path(site_dir).rglob("*")):
        if path.suffix not in COMPRESSIBLE or not path.is_file():
            continue
        data = path.read_bytes()
        packed = gzip_bytes(data)
        target = path.with_name(path.name + ".gz")
        if len(packed) < len(data):
            target.write_bytes(packed)
            written += 1
        else:
            target.unlink(missing_ok=True)
    return written
