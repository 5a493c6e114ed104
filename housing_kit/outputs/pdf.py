"""PDF copies of decks through LibreOffice, many decks in one run.

Starting LibreOffice costs over a second, so every deck waiting for a PDF
goes into one ``soffice --convert-to pdf`` call. Each call gets its own
throw-away profile (``-env:UserInstallation``) so parallel builds and a
running LibreOffice never block one another; the profile and LibreOffice's
temporary files live in one folder that is removed afterwards, and the
process group it runs in is ended on an interrupt. The PDFs are then made
reproducible with pikepdf: fixed dates and a content-derived document id.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import shutil
import signal
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
    with tempfile.TemporaryDirectory(prefix="housing-kit-lo-") as scratch:
        profile = Path(scratch) / "profile"
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            *(str(Path(d).resolve()) for d in decks),
        ]
        # LibreOffice's own temporary files go into the same folder, removed with it.
        env = {**os.environ, "TMPDIR": scratch, "TMP": scratch, "TEMP": scratch}
        returncode, output = _run_in_own_group(command, env, timeout, len(decks))
    missing = [t for t in targets if not t.is_file() or t.stat().st_size == 0]
    if returncode != 0 or missing:
        detail = output.strip().splitlines()[-3:]
        names = ", ".join(t.name for t in missing) or "(none)"
        raise BuildError(f"LibreOffice could not write {names}: {' '.join(detail) or f'exit {returncode}'}")
    for deck, target in zip(decks, targets, strict=True):
        normalise_pdf(target, _deck_date(Path(deck)), hashlib.md5(Path(deck).read_bytes()).digest())
    return targets


def _run_in_own_group(command: list[str], env: dict[str, str], timeout: float, count: int) -> tuple[int, str]:
    """Run LibreOffice in a process group of its own, so that an interrupt (Ctrl+C), a
    timeout or any failure here ends it and every process it started."""
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        env=env,
        start_new_session=True,  # its own group: Ctrl+C in the terminal reaches us, and we end it
    )
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _end_group(process)
        raise BuildError(f"LibreOffice did not finish converting {count} deck(s) in {timeout:.0f} s") from None
    except BaseException:  # KeyboardInterrupt above all
        _end_group(process)
        raise
    return process.returncode, output or ""


def _end_group(process: subprocess.Popen[str]) -> None:
    for sig, wait in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(process.pid, sig)
        except (ProcessLookupError, PermissionError):
            break
        try:
            process.wait(timeout=wait)
            break
        except subprocess.TimeoutExpired:
            continue
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)  # helpers that outlived the main process


def _deck_date(deck: Path) -> dt.date | None:
    """The date a deck carries (its core properties' ``created``), which its PDF is given too."""
    import re
    import zipfile

    try:
        with zipfile.ZipFile(deck) as package:
            core = package.read("docProps/core.xml").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile):
        return None
    found = re.search(r"<dcterms:created[^>]*>(\d{4}-\d{2}-\d{2})", core)
    return dt.date.fromisoformat(found.group(1)) if found else None


def normalise_pdf(path: Path, date: dt.date | None, identity: bytes) -> None:
    """Same deck, same PDF bytes: LibreOffice stamps the time of conversion and a random
    document id. Both dates become the deck's date; the id's first half becomes ``identity``
    (a hash of the deck), its second a hash of the PDF's content (qpdf's deterministic id)."""
    import pikepdf

    stamp = f"D:{(date or dt.date(2000, 1, 1)).strftime('%Y%m%d')}000000Z"
    tmp = path.with_name(f".{path.name}.tmp")
    with pikepdf.open(path) as pdf:
        for key in ("/CreationDate", "/ModDate"):
            if key in pdf.docinfo or key == "/CreationDate":
                pdf.docinfo[key] = pikepdf.String(stamp)
        if "/Metadata" in pdf.Root:  # XMP, where LibreOffice writes one: its dates and ids too
            with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
                iso = f"{(date or dt.date(2000, 1, 1)).isoformat()}T00:00:00Z"
                for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
                    if key in xmp:
                        xmp[key] = iso
                for key in ("xmpMM:DocumentID", "xmpMM:InstanceID"):
                    if key in xmp:
                        del xmp[key]
        if "/DocChecksum" in pdf.trailer:  # LibreOffice's checksum covers the time of conversion
            del pdf.trailer["/DocChecksum"]
        pdf.trailer.ID = pikepdf.Array([pikepdf.String(identity), pikepdf.String(identity)])
        pdf.save(tmp, deterministic_id=True)
    os.replace(tmp, path)


def page_count(pdf: Path) -> int:
    """Pages in a PDF LibreOffice wrote (counted from its page objects; no PDF library needed)."""
    import re

    return len(re.findall(rb"/Type\s*/Page(?!s)", Path(pdf).read_bytes()))
