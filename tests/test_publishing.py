"""Going live: the release check, the 404 page of each language, the precompressed copies."""

from __future__ import annotations

import gzip
import re
import shutil
import struct
from pathlib import Path

import pytest

from housing_kit.cli import main
from housing_kit.languages import Language
from housing_kit.site.notfound import home_links
from housing_kit.site.precompress import COMPRESSIBLE, gzip_bytes, precompress

from .conftest import FIXTURES, ROOT, copy_project

PLACEHOLDER_MESSAGE = (
    "mkdocs.yml: site_url is a placeholder (https://housing-kit.example.org/); "
    "set it to the address the site will be published at, then build again\n"
)


def test_release_refuses_the_placeholder_site_url(tmp_path, capsys):
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    assert main(["--root", str(tmp_path), "site", "--release"]) == 2
    captured = capsys.readouterr()
    assert captured.err == PLACEHOLDER_MESSAGE
    assert captured.out == ""
    assert not (tmp_path / "site").exists()


def test_release_refuses_an_empty_site_url(tmp_path, capsys):
    shutil.copy(FIXTURES / "minimal" / "mkdocs.yml", tmp_path / "mkdocs.yml")
    assert main(["--root", str(tmp_path), "site", "--release", "--offline"]) == 2
    assert capsys.readouterr().err.startswith("mkdocs.yml: site_url is a placeholder (empty); set it to")


@pytest.mark.slow
def test_release_builds_a_site_in_a_sub_folder_with_404s_that_know_it(tmp_path, capsys):
    root = copy_project(tmp_path / "p")
    settings = root / "mkdocs.yml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace(
            "site_url: https://housing-kit.example.org/", "site_url: https://wiedza.kmps.pl/kit/"
        ),
        encoding="utf-8",
    )
    assert main(["--root", str(root), "site", "--release", "--no-decks"]) == 0
    assert "site written to" in capsys.readouterr().out
    en = (root / "site" / "en" / "404.html").read_text(encoding="utf-8")
    assert '"base": "/kit/en/"' in en  # Material's search reads the English index
    assert 'href="/kit/" hreflang="pl"' in en and 'href="/kit/en/" hreflang="en"' in en
    assert re.search(r'<link rel="stylesheet" href="/kit/assets/stylesheets/main\.[0-9a-f]{8}\.min\.css">', en)


def test_404_language_switch_leads_to_each_home_page():
    langs = (Language("pl", "Polski", True, "pl-PL"), Language("en", "English", False, "en-GB"))
    assert home_links("https://kmps.pl/", langs) == [
        {"name": "Polski", "link": "/", "lang": "pl"},
        {"name": "English", "link": "/en/", "lang": "en"},
    ]
    assert [link["link"] for link in home_links("https://x.github.io/kit", langs)] == ["/kit/", "/kit/en/"]
    assert [link["link"] for link in home_links(None, langs)] == ["/", "/en/"]


LINK = re.compile(r'\b(?:href|src)="([^"]*)"')


@pytest.mark.slow
@pytest.mark.parametrize(("path", "lang", "base"), [("404.html", "pl", "/"), ("en/404.html", "en", "/en/")])
def test_each_404_links_from_the_root_so_it_works_at_any_depth(built_site, path, lang, base):
    html = (built_site / path).read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    assert f'"base": "{base}"' in html, "search reads the page's own language index"
    relative = [u for u in LINK.findall(html) if not u.startswith(("/", "#", "http://", "https://", "mailto:"))]
    assert relative == []
    assert 'href="/" hreflang="pl"' in html and 'href="/en/" hreflang="en"' in html
    nav = "/en/topics/ethos/" if lang == "en" else "/topics/ethos/"
    assert f'href="{nav}"' in html, "the menu of the page's language"


def test_gzip_copies_carry_no_time_and_no_file_name():
    packed = gzip_bytes(b"<p>bezdomno\xc5\x9b\xc4\x87</p>" * 50)
    magic, method, flags, mtime = struct.unpack("<HBBI", packed[:8])
    assert (magic, method) == (0x8B1F, 8)
    assert flags == 0, "no FNAME, no FCOMMENT, no extra field"
    assert mtime == 0
    assert gzip.decompress(packed) == b"<p>bezdomno\xc5\x9b\xc4\x87</p>" * 50
    assert gzip_bytes(b"x" * 999) == gzip_bytes(b"x" * 999)


def test_precompress_skips_files_gzip_would_not_shrink(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "page.html").write_text("<p>tekst</p>\n" * 100, encoding="utf-8")
    (tmp_path / "tiny.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "tiny.svg.gz").write_bytes(b"stale")
    (tmp_path / "deck.pptx").write_bytes(b"PK" * 500)
    assert precompress(tmp_path) == 1
    page = tmp_path / "a" / "page.html"
    assert gzip.decompress(page.with_name("page.html.gz").read_bytes()) == page.read_bytes()
    assert not (tmp_path / "tiny.svg.gz").exists()
    assert not (tmp_path / "deck.pptx.gz").exists()


@pytest.mark.slow
def test_the_built_site_has_a_gzip_copy_beside_each_text_file(built_site):
    files = [p for p in built_site.rglob("*") if p.suffix in COMPRESSIBLE and p.is_file()]
    assert len(files) > 50
    for path in files:
        gz = path.with_name(path.name + ".gz")
        if path.stat().st_size > 1024:  # gzip always wins on these
            assert gz.is_file(), path
        if gz.is_file():
            assert gzip.decompress(gz.read_bytes()) == path.read_bytes(), path
    assert gzip_bytes((built_site / "sitemap.xml").read_bytes()) == (built_site / "sitemap.xml.gz").read_bytes()


def test_the_ci_workflow_builds_a_release():
    workflow = (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert "python3 build.py site --release" in workflow
    assert "python3 build.py test --install" in workflow
    assert re.search(r"uses: actions/deploy-pages@v\d+", workflow)


def test_the_hosting_recipes_exist_where_the_readme_says():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Publishing" in readme
    for path in ["deploy/nginx.conf", "deploy/apache.htaccess", ".github/workflows/pages.yml"]:
        assert f"`{path}`" in readme
        assert (ROOT / path).is_file()
    assert Path(ROOT / ".gitignore").read_text(encoding="utf-8").count("/site-offline.zip") >= 1
