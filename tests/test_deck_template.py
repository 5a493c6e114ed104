"""Templates: the default one built by code, and an organisation's own,
mapped to our slide roles by layout name."""

from __future__ import annotations

import io
from pathlib import Path

import pptx
import pytest
from pptx import Presentation

from housing_kit.cli import main
from housing_kit.deck import build_deck
from housing_kit.deck.draw.template import default_template_bytes
from housing_kit.errors import ContentError
from tests.test_deck_build import FIXTURES, fixture_library
from tests.test_deck_readback import open_deck, outside_slide, overflowing, slide_titles

POLISH_NAMES = {
    "Title Slide": "Slajd tytułowy",
    "Section Header": "Nagłówek sekcji",
    "Title and Content": "Tytuł i zawartość",
    "Title Only": "Tylko tytuł",
}


def make_template(path: Path, renames: dict[str, str], *, sample_slide: bool = True) -> Path:
    """A small 'organisation' template: python-pptx's own 4:3 one with its layouts renamed."""
    prs = Presentation()
    for layout in prs.slide_layouts:
        if layout.name in renames:
            layout._element.cSld.set("name", renames[layout.name])
    if sample_slide:  # templates often ship an example slide; decks must not keep it
        prs.slides.add_slide(prs.slide_layouts[0]).shapes.title.text = "Example slide of the template"
    prs.save(path)
    return path


def test_the_default_template_is_16_9_with_our_layouts_and_theme():
    prs = Presentation(io.BytesIO(default_template_bytes()))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
    assert [layout.name for layout in prs.slide_layouts] == [
        "Title Slide",
        "Title and Content",
        "Section Header",
        "Title Only",
        "Blank",
    ]
    theme = prs.slide_master.part.part_related_by(pptx.opc.constants.RELATIONSHIP_TYPE.THEME).blob
    assert b'<a:latin typeface="Calibri"/>' in theme and b'val="1D6F78"' in theme
    assert len(prs.slides) == 0


def test_an_organisations_template_is_used_through_its_layout_names(tmp_path):
    template = make_template(tmp_path / "branded.pptx", POLISH_NAMES)
    library = fixture_library("deck")
    prs = open_deck(build_deck(library, [library.find("ladder")], "pl", template=template).data)
    layouts = [s.slide_layout.name for s in prs.slides]
    assert layouts[0] == "Slajd tytułowy" and layouts[1] == "Tytuł i zawartość" and "Tylko tytuł" in layouts
    assert "Example slide of the template" not in slide_titles(prs)
    assert prs.slide_width == 9144000  # the template's own 4:3 size...
    assert overflowing(prs) == [] and outside_slide(prs) == []  # ...and everything still fits


def test_a_template_without_a_needed_layout_is_named_with_its_layouts(tmp_path):
    renames = {**POLISH_NAMES, "Title and Content": "Treść"}
    template = make_template(tmp_path / "branded.pptx", renames)
    library = fixture_library("deck")
    with pytest.raises(ContentError) as caught:
        build_deck(library, [library.find("ladder")], "pl", template=template)
    message = str(caught.value)
    assert "template branded.pptx has no layout named 'Title and Content' or 'Tytuł i zawartość'" in message
    assert "(needed for content slides); layouts: Slajd tytułowy, Treść, Nagłówek sekcji" in message


def test_the_command_reports_a_missing_layout_with_exit_2(tmp_path, capsys):
    template = make_template(tmp_path / "branded.pptx", {"Title Only": "Tylko nagłówek"})
    code = main(
        [
            "--root",
            str(FIXTURES / "deck"),
            "slides",
            "ladder",
            "--template",
            str(template),
            "--out",
            str(tmp_path / "x.pptx"),
        ]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "has no layout named 'Title Only' or 'Tylko tytuł' (needed for figure slides)" in err
    assert not (tmp_path / "x.pptx").exists()
