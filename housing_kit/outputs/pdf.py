"""PDF copies of decks through LibreOffice, many decks in one run.

Starting LibreOffice costs over a second, so every deck waiting for a PDF
goes into one ``soffice --convert-to pdf`` call. Each call gets its own
throw-away profile (``-env:UserInstallation``) so parallel builds and a
running LibreOffice never block one another.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..errors import BuildError

INSTALL_HINT = "install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-impress-nogui)"


def find_soffice() -> str | None:
    """LibreOffice's command: $HOUSING_KIT_SOFFICE, else soffice or libreoffice on the PATH."""
    configured = os.environ.get("HOUSING_KIT_SOFFICE")
    if configured:
        return configured if shutil.which(configured) else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(decks: Sequence[Path], out_dir: Path, *, timeout: float = 600) -> list[Path]:
    """PDFs of ``decks`` written into ``out_dir`` (same names, .pdf); returns their paths."""
    if not decks:
        return []
    soffice = find_soffice()
    if soffice is None:
        raise BuildError(f"writing PDFs needs LibreOffice, which was not found; {INSTALL_HINT}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    targets = [out_dir / (Path(d).stem + ".pdf") for d in decks]
    for target in targets:
        target.unlink(missing_ok=True)  # so a stale PDF never passes for a new one
    with tempfile.TemporaryDirectory(prefix="housing-kit-lo-") as profile:
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            *(str(Path(d).resolve()) for d in decks),
        ]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise BuildError(f"LibreOffice did not finish converting {len(decks)} deck(s) in {timeout:.0f} s") from None
    missing = [t for t in targets if not t.is_file() or t.stat().st_size == 0]
    if result.returncode != 0 or missing:
        detail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        names = ", ".join(t.name for t in missing) or "(none)"
        raise BuildError(f"LibreOffice could not write {names}: {' '.join(detail) or f'exit {result.returncode}'}")
    return targets


def page_count(pdf: Path) -> int:
    """Pages in a PDF LibreOffice wrote (counted from its page objects; no PDF library needed)."""
    import re

    return len(re.findall(rb"/Type\s*/Page(?!s)", Path(pdf).read_bytes()))
