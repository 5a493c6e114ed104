"""``python build.py slides``, run in-process: exit codes, files and the words users see."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from housing_kit.cli import main
from housing_kit.outputs.pdf import page_count
from tests.test_deck_build import FIXTURES
from tests.test_deck_readback import open_deck

ROOT = Path(__file__).resolve().parent.parent
NEEDS_SOFFICE = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")


def slides(project: Path, *args: str) -> int:
    return main(["--root", str(project), "slides", *args])


def test_a_deck_is_written_to_slides_with_its_path_and_slide_count(project, capsys):
    assert slides(project, "typology") == 0
    out = capsys.readouterr().out
    deck = project / "slides" / "typology.pl.pptx"
    count = len(open_deck(deck.read_bytes()).slides)
    assert out.startswith(f"wrote slides/typology.pl.pptx ({count} slides)\n")


def test_an_alias_and_every_language(project, capsys):
    assert slides(project, "typ", "--lang", "all") == 0
    out = capsys.readouterr().out
    assert "wrote slides/typology.pl.pptx" in out and "wrote slides/typology.en.pptx" in out


def test_several_topics_make_one_combined_deck(project, capsys):
    assert slides(project, "ladder", "typ", "--lang", "en") == 0
    assert "wrote slides/ladder+typology.en.pptx" in capsys.readouterr().out
    prs = open_deck((project / "slides" / "ladder+typology.en.pptx").read_bytes())
    assert prs.slides[1].shapes.title.text_frame.text == "Agenda"


def test_out_chooses_the_path(project, tmp_path, capsys):
    target = tmp_path / "elsewhere" / "visit.pptx"
    assert slides(project, "ladder", "--out", str(target)) == 0
    assert target.is_file()
    assert slides(project, "ladder", "--out", str(target), "--lang", "all") == 0
    assert (target.parent / "visit.pl.pptx").is_file() and (target.parent / "visit.en.pptx").is_file()


def test_a_repeated_request_writes_the_kept_deck_without_python_pptx(project):
    assert slides(project, "typology", "--lang", "en") == 0
    deck = project / "slides" / "typology.en.pptx"
    built = deck.read_bytes()
    deck.unlink()
    code = (
        "import sys\nfrom housing_kit.cli import main\n"
        f"assert main(['--root', {str(project)!r}, 'slides', 'typology', '--lang', 'en']) == 0\n"
        "print('pptx' in sys.modules, 'pydantic' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "False False", result.stderr
    assert "wrote slides/typology.en.pptx (" in result.stdout
    assert deck.read_bytes() == built
    topic = project / "topics" / "typology.yaml"
    topic.write_text(topic.read_text(encoding="utf-8").replace("Typology", "Typologies"), encoding="utf-8")
    assert slides(project, "typology", "--lang", "en") == 0
    assert deck.read_bytes() != built, "a changed topic is built afresh"


def test_all_builds_every_topic_in_every_language_in_one_run(project, capsys):
    assert slides(project, "--all") == 0
    out = capsys.readouterr().out
    for name in ("typology.pl", "typology.en", "ladder.pl", "ladder.en"):
        assert f"wrote slides/{name}.pptx" in out
        assert (project / "slides" / f"{name}.pptx").is_file()
    assert slides(project, "--all", "ladder") == 2


def test_an_unknown_topic_exits_2_and_lists_the_topics(project, capsys):
    assert slides(project, "ethos") == 2
    assert capsys.readouterr().err == (
        "topics: no topic called 'ethos'. Topics: typology (also: typ); ladder (also: drabina); "
        "diagrams-a; diagrams-b\n"
        "1 problem found; nothing was written.\n"
    )
    assert not (project / "slides" / "ethos.pl.pptx").exists()


def test_an_unknown_language_exits_2_and_names_the_languages(project, capsys):
    assert slides(project, "typology", "--lang", "de") == 2
    assert "--lang: unknown language 'de'; use one of pl, en or all" in capsys.readouterr().err


def test_no_topic_exits_2_and_lists_the_topics(project, capsys):
    assert slides(project) == 2
    assert "name at least one topic. Topics: typology (also: typ)" in capsys.readouterr().err


def test_list_shows_slugs_aliases_and_titles(project, capsys):
    assert slides(project, "--list") == 0
    out = capsys.readouterr().out
    assert "  typology (also: typ): Typologia bezdomności\n  ladder (also: drabina): Drabina monitoringu\n" in out


def test_an_event_builds_its_topics_in_its_language_named_after_the_file(project, capsys):
    event = project / "slides" / "events" / "2026-12-01-lodz.yaml"
    event.write_text(
        "host: MOPS Łódź\ncity: Łódź\ndate: 2026-12-01\nlanguage: en\ntopics: [drabina, typ]\n"
        "status: confirmed\naudience: {kind: mops}\n"
    )
    assert slides(project, "--event", str(event)) == 0
    assert "wrote slides/2026-12-01-lodz.en.pptx" in capsys.readouterr().out
    prs = open_deck((project / "slides" / "2026-12-01-lodz.en.pptx").read_bytes())
    cover = " ".join(s.text_frame.text for s in prs.slides[0].shapes if s.has_text_frame).replace("\u00a0", " ")
    assert "Host: MOPS Łódź" in cover and "Łódź, 1 December 2026" in cover


def test_pdf_without_libreoffice_is_a_build_failure_with_exit_1(project, monkeypatch, capsys):
    monkeypatch.setenv("HOUSING_KIT_SOFFICE", "/nonexistent/soffice")
    assert slides(project, "ladder", "--pdf") == 1
    err = capsys.readouterr().err
    assert err.startswith("build failed: writing PDFs needs LibreOffice, which was not found;")
    assert "apt-get install libreoffice-impress-nogui" in err


@pytest.mark.slow  # LibreOffice takes several seconds per run
@NEEDS_SOFFICE
def test_pdf_is_written_beside_the_deck_with_one_page_per_slide(project, capsys):
    assert slides(project, "ladder", "--lang", "all", "--pdf") == 0
    out = capsys.readouterr().out
    for lang in ("pl", "en"):
        deck, pdf = (project / "slides" / f"ladder.{lang}.{kind}" for kind in ("pptx", "pdf"))
        slides_in_deck = len(open_deck(deck.read_bytes()).slides)
        assert page_count(pdf) == slides_in_deck
        assert f"wrote slides/ladder.{lang}.pdf ({slides_in_deck} pages)" in out
        if shutil.which("pdfinfo"):  # a second opinion on the page count
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
            assert f"Pages:           {slides_in_deck}" in info


def test_listing_topics_does_not_import_python_pptx():
    code = (
        "import sys\nfrom housing_kit.cli import main\n"
        f"main(['--root', {str(FIXTURES / 'deck')!r}, 'slides', '--list'])\n"
        "print('pptx' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip().endswith("False"), result.stderr
