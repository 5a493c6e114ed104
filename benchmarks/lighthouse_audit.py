"""Lighthouse scores (accessibility, best practices, SEO) of the built site.

Needs Node.js and Lighthouse from npm (not part of the test run):
    npm install --prefix .cache/lighthouse lighthouse@12
    python build.py site && python benchmarks/lighthouse_audit.py
Serves site/ on localhost and audits home, topic and contact pages in both
languages with Debian's Chromium. Target: 100 in every column.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / ".cache" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = ["", "topics/ethos/", "contact/", "en/", "en/topics/ethos/", "en/contact/"]
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the score table readable
        pass


def main() -> int:
    if not LIGHTHOUSE.exists():
        print(__doc__)
        return 1
    handler = functools.partial(_QuietHandler, directory=str(ROOT / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    print(f"{'page':<22} accessibility  best-practices  seo")
    worst = 100
    with tempfile.TemporaryDirectory() as tmp:
        for page in PAGES:
            out = Path(tmp) / "report.json"
            subprocess.run(
                [
                    str(LIGHTHOUSE),
                    base + page,
                    "--quiet",
                    f"--chrome-flags={FLAGS}",
                    "--output=json",
                    f"--output-path={out}",
                    "--only-categories=accessibility,best-practices,seo",
                ],
                check=True,
                env=env,
                capture_output=True,
            )
            cats = json.loads(out.read_text())["categories"]
            scores = [round(cats[c]["score"] * 100) for c in ("accessibility", "best-practices", "seo")]
            worst = min(worst, *scores)
            print(f"/{page:<21} {scores[0]:>13}  {scores[1]:>14}  {scores[2]:>3}")
    server.shutdown()
    return 0 if worst == 100 else 1


if __name__ == "__main__":
    sys.exit(main())
