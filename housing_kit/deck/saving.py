"""Writing a finished deck: atomically, readable by the web server."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def save_atomically(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` so that a failed or interrupted write never leaves half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes files private; decks are published on the site
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
