"""The hosting recipes in deploy/, proven: the built site served over loopback
through deploy/nginx.conf (Debian's nginx) and deploy/apache.htaccess (Debian's
apache2), each run in the foreground from a temporary folder on a free port.

Each recipe is used as written; the test only points it at the built site and
the port (every replaced line must be found exactly once)."""

from __future__ import annotations

import gzip
import http.client
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow

DEPLOY = ROOT / "deploy"
NGINX = Path("/usr/sbin/nginx")
APACHE = Path("/usr/sbin/apache2")
APACHE_MODULES = Path("/usr/lib/apache2/modules")
MISSING = "is required for the hosting tests: python build.py test --install"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server stopped at start:\n{log.read_text(errors='replace')}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    process.kill()
    pytest.fail(f"the server did not answer on port {port}:\n{log.read_text(errors='replace')}")


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"the recipe should contain {old!r} exactly once"
    return text.replace(old, new)


def fetch(base: str, path: str, gzip_ok: bool = True) -> tuple[int, http.client.HTTPMessage, bytes]:
    """One GET, no redirects followed, the body as sent (still compressed if it was)."""
    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    conn.request("GET", path, headers={"Accept-Encoding": "gzip, deflate, br"} if gzip_ok else {})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, response.headers, body


def text_of(headers: http.client.HTTPMessage, body: bytes) -> str:
    if headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return body.decode("utf-8")


@pytest.fixture(scope="module")
def nginx_url(built_site, tmp_path_factory):
    if not NGINX.exists():
        pytest.fail(f"Debian's nginx {MISSING}")
    prefix = tmp_path_factory.mktemp("nginx")
    port = free_port()
    server = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    server = replace_once(server, "    listen 80;\n", f"    listen 127.0.0.1:{port};\n")
    server = replace_once(server, "    listen [::]:80;\n", "")
    server = replace_once(server, "root /srv/housing-kit/site;", f"root {built_site};")
    (prefix / "server.conf").write_text(server, encoding="utf-8")
    kinds = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    temp_paths = "".join(f"    {kind}_temp_path {prefix / kind};\n" for kind in kinds)
    (prefix / "nginx.conf").write_text(
        f"pid {prefix / 'nginx.pid'};\n"
        "error_log stderr;\n"
        "events { worker_connections 64; }\n"
        "http {\n"
        "    include /etc/nginx/mime.types;\n"
        "    default_type application/octet-stream;\n"
        "    access_log off;\n"
        f"{temp_paths}"
        f"    include {prefix / 'server.conf'};\n"
        "}\n",
        encoding="utf-8",
    )
    log = prefix / "nginx.log"
    # No master process: nginx serves as the user running the tests, who can read the site.
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [str(NGINX), "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", "stderr",
             "-g", "daemon off; master_process off;"],
            stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        wait_for(port, process, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def apache_url(built_site):
    if not APACHE.exists():
        pytest.fail(f"Debian's apache2 {MISSING}")
    # Started as root, apache2 serves as www-data, which cannot enter pytest's
    # private temporary folders: serve a copy from a folder anyone may read.
    web = Path(tempfile.mkdtemp(prefix="housing-kit-apache-"))
    try:
        web.chmod(0o755)
        site = web / "site"
        shutil.copytree(built_site, site)
        shutil.copy(DEPLOY / "apache.htaccess", site / ".htaccess")
        port = free_port()
        modules = ["mpm_event", "authz_core", "mime", "dir", "rewrite", "headers", "filter", "deflate"]
        loads = "".join(f"LoadModule {m}_module {APACHE_MODULES / f'mod_{m}.so'}\n" for m in modules)
        (web / "httpd.conf").write_text(
            "ServerName 127.0.0.1\n"
            f"Listen 127.0.0.1:{port}\n"
            f"PidFile {web / 'httpd.pid'}\n"
            f"ErrorLog {web / 'error.log'}\n"
            f"{loads}"
            "TypesConfig /etc/mime.types\n"
            # As Debian's defaults: .gz typed as an archive, and mod_deflate on,
            # which must not compress the precompressed files a second time.
            "AddType application/x-gzip .gz .tgz\n"
            "AddOutputFilterByType DEFLATE text/html text/css text/javascript application/json\n"
            "User www-data\nGroup www-data\n"
            f"DocumentRoot {site}\n"
            "<Directory />\n    AllowOverride None\n    Require all denied\n</Directory>\n"
            f"<Directory {site}>\n    AllowOverride FileInfo Indexes\n    Require all granted\n</Directory>\n",
            encoding="utf-8",
        )
        log = web / "apache.log"
        with open(log, "wb") as out:
            process = subprocess.Popen(
                [str(APACHE), "-X", "-f", str(web / "httpd.conf")], stdout=out, stderr=subprocess.STDOUT
            )
        try:
            wait_for(port, process, log)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            process.wait(timeout=10)
    finally:
        shutil.rmtree(web, ignore_errors=True)


@pytest.fixture(params=["nginx", "apache"])
def server_url(request):
    return request.getfixturevalue(f"{request.param}_url")


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/missing", "pl", "Nie znaleziono strony"),
        ("/topics/missing/", "pl", "Nie znaleziono strony"),
        ("/en/missing", "en", "Page not found"),
        ("/en/a/b/c", "en", "Page not found"),
    ],
)
def test_a_missing_page_answers_404_in_its_language(server_url, path, lang, heading):
    status, headers, body = fetch(server_url, path)
    html = text_of(headers, body)
    assert status == 404
    assert f'<html lang="{lang}"' in html
    assert f"<h1>{heading}</h1>" in html


def test_pages_are_sent_gzipped_to_browsers_that_accept_it(server_url, built_site):
    for path, file in [("/", "index.html"), ("/en/topics/ethos/", "en/topics/ethos/index.html")]:
        status, headers, body = fetch(server_url, path)
        assert status == 200
        assert headers["Content-Encoding"] == "gzip"
        assert headers["Content-Type"].startswith("text/html")
        assert "Accept-Encoding" in headers["Vary"]
        assert gzip.decompress(body) == (built_site / file).read_bytes()
        status, headers, body = fetch(server_url, path, gzip_ok=False)
        assert status == 200 and "Content-Encoding" not in headers
        assert body == (built_site / file).read_bytes()


def test_gzipped_assets_keep_their_type(server_url, built_site):
    css = next((built_site / "assets" / "stylesheets").glob("main.*.min.css"))
    for path, kind in [
        (f"/assets/stylesheets/{css.name}", "text/css"),
        ("/en/search/search_index.json", "application/json"),
        ("/sitemap.xml", "xml"),
    ]:
        status, headers, _ = fetch(server_url, path)
        assert status == 200 and headers["Content-Encoding"] == "gzip", path
        assert kind in headers["Content-Type"], path


def test_fingerprinted_assets_are_cached_long_and_pages_briefly(server_url, built_site):
    bundle = next((built_site / "assets" / "javascripts").glob("bundle.*.min.js"))
    css = next((built_site / "assets" / "stylesheets").glob("main.*.min.css"))
    for path in [f"/assets/javascripts/{bundle.name}", f"/assets/stylesheets/{css.name}"]:
        assert fetch(server_url, path)[1]["Cache-Control"] == "public, max-age=31536000, immutable"
    for path in ["/", "/en/topics/ethos/", "/search/search_index.json", "/missing"]:
        assert fetch(server_url, path)[1]["Cache-Control"] == "no-cache", path
    assert fetch(server_url, "/assets/extra.css")[1]["Cache-Control"] == "public, max-age=3600"


def recipe_csp(name: str) -> str:
    match = re.search(r'Content-Security-Policy "([^"]+)"', (DEPLOY / name).read_text(encoding="utf-8"))
    assert match, f"{name} sets a Content-Security-Policy"
    return match.group(1)


def test_the_recipes_send_the_same_policy():
    assert recipe_csp("nginx.conf") == recipe_csp("apache.htaccess")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"Content-Security-Policy: {recipe_csp('nginx.conf')}" in readme, "the README's _headers example"


def test_security_headers_on_pages_and_404s(server_url):
    for path in ["/", "/en/missing", "/assets/extra.css"]:
        headers = fetch(server_url, path)[1]
        assert headers["Content-Security-Policy"] == recipe_csp("nginx.conf"), path
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["Referrer-Policy"] == "same-origin", path


def test_a_folder_without_its_slash_is_redirected(server_url):
    status, headers, _ = fetch(server_url, "/en/topics")
    assert status == 301
    assert headers["Location"].endswith("/en/topics/")


# --- in the browser, under the policy ---------------------------------------

WATCH_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
  e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


def site_pages(site: Path) -> list[str]:
    return sorted(
        "/" + p.parent.relative_to(site).as_posix().removeprefix(".") + ("/" if p.parent != site else "")
        for p in site.rglob("index.html")
    )


@pytest.mark.browser
def test_every_page_loads_under_the_policy_without_violations(browser, nginx_url, built_site):
    context = browser.new_context()
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    pages = site_pages(built_site)
    assert "/en/topics/ethos/" in pages and len(pages) >= 20
    try:
        for path in pages:
            page.goto(nginx_url + path, wait_until="networkidle")
            assert page.evaluate("window.__csp") == [], path
            assert page.locator("h1").first.is_visible(), path
    finally:
        context.close()
    assert console == []
    assert failed == []


@pytest.mark.browser
@pytest.mark.parametrize(
    ("path", "query", "lang"),
    [("/en/a/b/c", "homelessness", "en"), ("/a/b/c/d", "bezdomności", "pl"), ("/", "bezdomnosci", "pl")],
)
def test_search_works_under_the_policy_even_on_a_deep_404(browser, nginx_url, path, query, lang):
    context = browser.new_context()
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    try:
        page.goto(nginx_url + path, wait_until="networkidle")
        assert page.locator("html").get_attribute("lang") == lang
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially(query, delay=20)
        page.wait_for_function("() => document.querySelectorAll('.md-search-result__item a').length > 0")
        hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
        in_english = [h.startswith(f"{nginx_url}/en/") for h in hrefs]
        assert all(in_english) if lang == "en" else not any(in_english)
        assert page.evaluate("window.__csp") == []
        # The language switch of a 404 leads to the other language's home page.
        if path != "/":
            other = "Polski" if lang == "en" else "English"
            switch = page.locator(".md-select__link", has_text=other)
            assert switch.get_attribute("href") == ("/" if lang == "en" else "/en/")
    finally:
        context.close()


# --- the CI workflow ---------------------------------------------------------


def test_the_pages_workflow_passes_actionlint():
    actionlint = shutil.which("actionlint")
    if actionlint is None:
        pytest.fail(f"actionlint {MISSING}")
    workflow = ROOT / ".github" / "workflows" / "pages.yml"
    result = subprocess.run([actionlint, "-no-color", str(workflow)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
