"""Layout arithmetic without building a deck: measuring, wrapping, splitting."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from housing_kit.deck.plan import fit, metrics
from housing_kit.deck.plan.fit import (
    Span,
    cell_height,
    column_widths,
    count_lines,
    fit_paragraphs,
    line_pitch,
    paginate,
    para,
    paras_height,
    text_width,
    wrap_lines,
)
from housing_kit.deck.plan.wording import continued
from housing_kit.errors import BuildError
from housing_kit.formatting import format_number, plain

WORDS = st.lists(
    st.sampled_from(["mieszkanie", "najpierw", "a", "gmina", "ŁÓDŹ", "housing-led", "–", "2013"]), min_size=1
)


def test_widths_come_from_the_font_and_scale_with_size():
    assert text_width("", 20) == 0
    assert text_width("Mieszkanie", 20) == pytest.approx(2 * text_width("Mieszkanie", 10))
    assert text_width("Mieszkanie", 20, bold=True) > text_width("Mieszkanie", 20)
    assert text_width("WWW", 10) > text_width("iii", 10)  # proportional, not a character count


def test_a_line_pitch_is_the_exact_spacing_we_write():
    assert line_pitch(20) == 24.0


@settings(max_examples=60, deadline=None)
@given(words=WORDS, width=st.floats(min_value=40, max_value=600))
def test_wrapped_lines_fit_their_width_and_keep_every_word(words, width):
    text = " ".join(words)
    lines = wrap_lines(text, width, 18)
    assert all(text_width(line, 18) <= width * fit.SAFETY + 1e-6 or len(line) == 1 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert count_lines((Span(text),), width, 18) == len(lines)


def test_a_word_longer_than_the_line_is_broken_between_characters():
    url = "https://example.org/" + "a" * 80
    assert count_lines((Span(url),), 100, 12) == len(wrap_lines(url, 100, 12)) > 2


def test_a_forced_line_break_starts_a_new_line():
    assert count_lines((Span("a\nb"),), 500, 12) == 2


def test_pages_are_as_few_as_possible_and_evenly_filled():
    assert paginate([10] * 7, 40) == [[0, 1, 2, 3], [4, 5, 6]]
    assert paginate([10] * 7, 60) == [[0, 1, 2, 3], [4, 5, 6]]  # not 6 + 1
    assert paginate([50, 10], 40) == [[0], [1]]  # too tall: a page of its own
    assert paginate([10, 10], 25, gap=6) == [[0], [1]]  # gaps count between items
    assert paginate([], 10) == []


@settings(max_examples=40, deadline=None)
@given(
    texts=st.lists(st.text(alphabet="abc de ąę", min_size=1, max_size=120), min_size=1, max_size=20),
    height=st.floats(min_value=60, max_value=400),
)
def test_fitted_paragraphs_never_exceed_their_box_and_keep_their_order(texts, height):
    paras = [para(t, 20, space_before=10) for t in texts]
    pages = fit_paragraphs(paras, 300, height)
    for page in pages:
        assert paras_height(page, 300) <= height + 0.01 or len(page) == 1
    assert "".join(p.text.replace(" ", "") for page in pages for p in page) == "".join(
        t.replace(" ", "") for t in texts
    )


def test_a_paragraph_taller_than_the_box_is_cut_between_lines():
    long = para(" ".join(["słowo"] * 200), 20)
    pages = fit_paragraphs([long], 300, 100)
    assert len(pages) > 1
    assert all(paras_height(page, 300) <= 100 for page in pages)


def test_column_widths_fill_the_table_and_favour_long_text():
    widths = column_widths([["Rok", "2019"], ["Opis", "Bardzo długi opis sytuacji w regionie " * 3]], 600, 16, 10)
    assert sum(widths) == pytest.approx(600)
    assert widths[1] > 3 * widths[0]
    assert text_width("2019", 16, True) + 10 <= widths[0]


def test_a_cell_is_its_wrapped_lines_plus_its_margins():
    long = "bardzo długi tekst komórki tabeli, który nie mieści się w jednym wierszu"
    lines = len(wrap_lines(long, 200 - 2 * 5, 16))  # measured independently of count_lines
    assert lines >= 3
    assert cell_height("krótki", 200, 16, 5, 4) == pytest.approx(line_pitch(16) + 2 * 4)
    assert cell_height(long, 200, 16, 5, 4) == pytest.approx(lines * line_pitch(16) + 2 * 4)
    assert cell_height(long, 200, 16, 5, 4, bold=True) >= cell_height(long, 200, 16, 5, 4)
    assert cell_height("", 200, 16, 5, 4) == pytest.approx(line_pitch(16) + 2 * 4), "an empty cell keeps one line"


def test_a_missing_font_is_a_build_error_naming_the_package(monkeypatch):
    monkeypatch.setattr(metrics, "_FONT_DIRS", ())
    monkeypatch.setenv("HOUSING_KIT_FONT_DIR", "/nonexistent")
    monkeypatch.setattr(metrics.shutil, "which", lambda name: None)
    with pytest.raises(BuildError, match="fonts-crosextra-carlito"):
        metrics.font_path()


def test_slide_text_is_plain_without_citations_or_markdown():
    assert plain("Dane **porównywalne** [@feantsa-2017].") == "Dane porównywalne."
    assert plain("Zobacz [stronę](https://example.org) i *tu*") == "Zobacz stronę i tu"


def test_numbers_are_written_as_readers_of_each_language_write_them():
    assert format_number(30330, "pl") == "30\u00a0330" and format_number(30330, "en") == "30,330"
    assert format_number(2013, "en") == "2013" and format_number(2.5, "pl") == "2,5"
    assert format_number(None, "pl") == "–"


def test_continuation_titles_are_numbered_in_the_deck_language():
    assert continued("Źródła", 1, 3, "cd.") == "Źródła"
    assert continued("Sources", 2, 3, "cont.") == "Sources (cont. 2/3)"
    assert continued("Sources", 1, 1, "cont.") == "Sources"
