"""Lighthouse mobile (performance, accessibility, best practices, SEO): our site against
stock Material built from the same Markdown, in the same run (issue 11, item 7).

Needs Node.js and Lighthouse from npm (not part of the test run):
    npm install --prefix .cache/lighthouse lighthouse@12
    python build.py site && python benchmarks/lighthouse_mobile.py
Stock Material: the topic pages' Markdown (as our plugin generates it) and the hand-written
pages of the default language, built with the same theme features and Markdown extensions
but without our plugin, overrides or CSS, into .cache/stock-material/. Both are served on
localhost and audited with Lighthouse's default mobile settings (simulated slow 4G, 4x CPU
slowdown) in Debian's Chromium. Targets: performance >= stock and >= 95, the rest 100.

Both sites are served gzip-compressed, as any web host serves text: ours from the `.gz`
files the build writes beside each file, stock Material's compressed on the fly (the same
gzip level). `--plain` serves both uncompressed instead. `--runs N` audits each page N
times and reports the median (scores vary from run to run on a busy machine); `--pages`
limits the run to some pages, e.g. `--pages topics/housing-first/,en/topics/ethos/`.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LIGHTHOUSE = ROOT / ".cache" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
STOCK = ROOT / ".cache" / "stock-material"
PAGES = ["", "topics/", "topics/housing-first/", "topics/ethos/", "glossary/", "presentations/", "contact/", "about/"]
OURS = PAGES + [f"en/{p}" for p in PAGES] + ["404.html", "en/404.html"]
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class _GzipHandler(_QuietHandler):
    """Text files gzip-compressed, as a web host serves them: the build's `.gz` twin when
    there is one, else compressed here at the level the build uses."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if path.suffix not in COMPRESSIBLE or not path.is_file() or not accepts:
            return super().send_head()
        twin = path.with_name(path.name + ".gz")
        body = twin.read_bytes() if twin.is_file() else gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def build_stock() -> Path:
    """Stock Material from the same Markdown (default language), into .cache/stock-material/site."""
    import yaml

    from housing_kit.loader import load_topics
    from housing_kit.site.pages import generated_pages

    library = load_topics(ROOT)
    lang = library.default_language.code
    shutil.rmtree(STOCK, ignore_errors=True)
    docs = STOCK / "docs"
    (docs / "topics").mkdir(parents=True)
    for uri, text in generated_pages(library, []).items():
        if uri.endswith(f".{lang}.md"):
            (docs / uri.replace(f".{lang}.md", ".md")).write_text(text, encoding="utf-8")
    for page in (ROOT / "docs").glob(f"*.{lang}.md"):
        (docs / page.name.replace(f".{lang}.md", ".md")).write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    ours = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
    config = {
        "site_name": ours["site_name"],
        "site_url": ours["site_url"],
        "site_description": ours["site_description"],
        "theme": {"name": "material", "language": lang, "features": ours["theme"]["features"]},
        "markdown_extensions": [
            "toc",
            "attr_list",
            "md_in_html",
            "admonition",
            "tables",
            "footnotes",
            "abbr",
            "def_list",
        ],
        "plugins": ["search"],
    }
    (STOCK / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(STOCK / "mkdocs.yml")], check=True)
    return STOCK / "site"


def serve(folder: Path, compress: bool = True) -> str:
    handler = functools.partial(_GzipHandler if compress else _QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def audit(url: str, tmp: Path) -> dict[str, float]:
    out = tmp / "report.json"
    subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", f"--chrome-flags={FLAGS}", "--output=json", f"--output-path={out}",
         f"--only-categories={','.join(CATEGORIES)}"],
        check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, capture_output=True,
    )  # fmt: skip
    report = json.loads(out.read_text())
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    scores["tbt"] = round(report["audits"]["total-blocking-time"]["numericValue"])
    return scores


def median_audit(url: str, tmp: Path, runs: int) -> dict[str, float]:
    results = [audit(url, tmp) for _ in range(runs)]
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def _fmt(value: float) -> str:
    return f"{value:g}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="audits per page; the median is reported")
    parser.add_argument("--pages", help="comma-separated pages (as in OURS), default all")
    parser.add_argument("--plain", action="store_true", help="serve both sites uncompressed")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print(__doc__)
        return 1
    pages = args.pages.split(",") if args.pages else OURS
    ours, stock = serve(ROOT / "site", not args.plain), serve(build_stock(), not args.plain)
    print(f"runs per page: {args.runs} (median), {'uncompressed' if args.plain else 'gzip'}")
    print("| page | ours: perf / a11y / bp / seo (TBT ms) | stock Material: perf (TBT ms) |\n| --- | --- | --- |")
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            a = median_audit(ours + page, Path(tmp), args.runs)
            same = page.removeprefix("en/")
            b = median_audit(stock + same, Path(tmp), args.runs) if same in PAGES else None
            stock_text = f"{_fmt(b['performance'])} ({_fmt(b['tbt'])})" if b else "–"
            print(f"| /{page} | {_fmt(a['performance'])} / {_fmt(a['accessibility'])} / {_fmt(a['best-practices'])} / "
                  f"{_fmt(a['seo'])} ({_fmt(a['tbt'])}) | {stock_text} |", flush=True)  # fmt: skip
            ok &= a["performance"] >= 95 and min(a[c] for c in CATEGORIES[1:]) == 100
            ok &= b is None or a["performance"] >= b["performance"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
