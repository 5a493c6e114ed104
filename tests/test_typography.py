"""Typography per language, applied when text is rendered (site and decks)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from housing_kit.typography import NBSP, group_thousands, join_reference, typeset, typeset_html


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("w domu i z rodziną", f"w{NBSP}domu i{NBSP}z{NBSP}rodziną"),
        ("A to u nas", f"A{NBSP}to u{NBSP}nas"),
        ("W 2013 r. policzono 30712 osób", f"W{NBSP}2013{NBSP}r. policzono 30{NBSP}712 osób"),
        ("31 042 osoby", f"31{NBSP}042 osoby"),
        ("97% i 25 %", f"97{NBSP}% i{NBSP}25{NBSP}%"),
        ("2,5 mln zł", f"2,5{NBSP}mln zł"),
        ('program "Najpierw mieszkanie"', "program \u201eNajpierw mieszkanie\u201d"),
        ("1524 osoby w 2019", f"1524 osoby w{NBSP}2019"),  # four digits: most are years
    ],
)
def test_polish(text, expected):
    assert typeset(text, "pl") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30712 people", "30,712 people"),
        ("97 % of them", "97% of them"),
        ('the "staircase" model', "the \u201cstaircase\u201d model"),
        ("Poland's count and 'Housing First'", "Poland\u2019s count and \u2018Housing First\u2019"),
        ("in 2013 and 2024", "in 2013 and 2024"),
    ],
)
def test_english(text, expected):
    assert typeset(text, "en") == expected


@pytest.mark.parametrize(
    "text",
    ["https://example.org/12345678", "Dz.U. 2021 poz. 1243", "doi:10.1016/j.cities.2019.102345", "2,25", "1,234.5"],
)
def test_codes_urls_and_decimals_are_left_alone(text):
    assert typeset(text, "pl").replace(NBSP, " ") == text
    assert typeset(text, "en") == text


def test_thousands_are_grouped_the_way_each_language_writes_them():
    assert group_thousands("1234567", "pl") == f"1{NBSP}234{NBSP}567"
    assert group_thousands("30712", "en") == "30,712"


def test_html_text_is_typeset_but_tags_attributes_and_code_are_not():
    html = '<p>W <a href="https://x.org/?q=%22a%22" title="w domu">domu</a> "tak" <code>a "b" 30712</code> 30712</p>'
    assert typeset_html(html, "pl") == (
        f'<p>W{NBSP}<a href="https://x.org/?q=%22a%22" title="w domu">domu</a> \u201etak\u201d '
        f'<code>a "b" 30712</code> 30{NBSP}712</p>'
    )


def test_references_never_end_in_double_punctuation():
    assert join_reference("GUS (2021 r.)", "Raport 2021 r.", "dostępny!") == "GUS (2021 r.). Raport 2021 r. dostępny!"
    assert join_reference("FEANTSA (2017)", "ETHOS", None) == "FEANTSA (2017). ETHOS."


@given(st.text(alphabet="aiouwzAW 0123456789%\"'r.,łó-", max_size=60), st.sampled_from(["pl", "en"]))
def test_typesetting_twice_changes_nothing(text, lang):
    once = typeset(text, lang)
    assert typeset(once, lang) == once
