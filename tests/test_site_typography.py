"""The built pages follow each language's typography (one module for site and decks)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

SINGLE_LETTER_AT_LINE_END = re.compile(r"(?<![\w.,/-])[aiouwzAIOUWZ] (?=\S)")


class _ArticleText(HTMLParser):
    """The visible text of the page's article, without code."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        if tag in ("code", "pre", "script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        if tag in ("code", "pre", "script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


def article_text(path) -> str:
    parser = _ArticleText()
    parser.feed(path.read_text(encoding="utf-8"))
    return "".join(parser.parts)


@pytest.mark.slow
@pytest.mark.parametrize("slug", ["ans", "housing-first", "measurement", "ethos", "gswb", "regional-monitoring"])
def test_polish_pages_keep_one_letter_words_with_the_next(built_site, slug):
    text = article_text(built_site / "topics" / slug / "index.html")
    found = SINGLE_LETTER_AT_LINE_END.findall(text)
    assert not found, f"{slug}: {len(found)} one-letter words followed by an ordinary space"
    assert "\u201e" in text or '"' not in text  # Polish quotes „…”


@pytest.mark.slow
def test_numbers_are_grouped_as_each_language_writes_them(built_site):
    pl = article_text(built_site / "topics" / "measurement" / "index.html")
    en = article_text(built_site / "en" / "topics" / "measurement" / "index.html")
    assert "30\u00a0712" in pl and "30712" not in pl
    assert "30,712" in en and "30712" not in en
