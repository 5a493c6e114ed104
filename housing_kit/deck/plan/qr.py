"""QR codes for the closing slide, as PNG bytes (segno: pure Python, no randomness)."""

from __future__ import annotations

import io


def qr_png(url: str) -> bytes:
    """A QR code for ``url``: black on white with the standard four-module quiet zone,
    so it scans on any background. The same URL always gives the same bytes."""
    import segno

    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(out, kind="png", scale=10, border=4, dark="#000000", light="#ffffff")
    return out.getvalue()
