"""Markdown tables in a page's body scroll inside a named region a keyboard can reach."""

from __future__ import annotations

from housing_kit.site.scroll_regions import wrap_markdown_tables


def test_a_markdown_table_is_wrapped_in_a_focusable_named_region():
    html = "<p>x</p><table><tr><td>1</td></tr></table><table><tr><td>2</td></tr></table>"
    out = wrap_markdown_tables(html, "Tabela")
    assert out.count('role="region" tabindex="0"') == 2
    assert 'aria-label="Tabela 1"' in out and 'aria-label="Tabela 2"' in out


def test_a_figure_table_with_its_own_region_is_left_alone():
    html = '<div class="hk-scroll" role="region"><table class="hk-data"></table></div>'
    assert wrap_markdown_tables(html, "Table") == html
