"""Reading aids on the built site: citations both ways, links between topics, the glossary, figures as pictures."""

from __future__ import annotations

import re

import lxml.html
import pytest

LANGS = {"pl": "", "en": "en/"}


def topic_html(built_site, real_library, lang):
    for topic in real_library.topics:
        path = built_site / LANGS[lang] / "topics" / topic.slug / "index.html"
        yield topic, lxml.html.fromstring(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGS)
def test_citation_numbers_follow_reading_order_and_every_backlink_resolves(built_site, real_library, lang):
    for topic, doc in topic_html(built_site, real_library, lang):
        article = doc.xpath("//article")[0]
        cites = [a for a in article.iter("a") if (a.get("id") or "").startswith("cite-")]
        assert cites, topic.slug
        first_seen: list[int] = []
        for a in cites:
            n = int(a.get("href").removeprefix("#source-"))
            if n not in first_seen:
                first_seen.append(n)
            assert a.get("title") and str(n) in a.text_content(), (topic.slug, a.get("id"))
        assert first_seen == list(range(1, len(first_seen) + 1)), (topic.slug, first_seen)
        ids = {el.get("id") for el in article.iter() if el.get("id")}
        listed = article.xpath('.//ol[@class="hk-sources"]/li')
        assert [li.get("id") for li in listed] == [f"source-{i}" for i in range(1, len(listed) + 1)]
        backrefs = article.xpath('.//a[@class="hk-backref"]')
        assert {a.get("href")[1:] for a in backrefs} == {a.get("id") for a in cites}, topic.slug
        assert all(a.get("href")[1:] in ids for a in backrefs)
        by_id = {s.id: s for s in topic.sources}
        for a in cites:  # the tooltip names the source the number leads to
            li = article.get_element_by_id(a.get("href")[1:])
            author = a.get("title").split()[0]  # typography curls quotes in the text, not in attributes
            assert author in re.sub(r"\s+", " ", li.text_content()).replace("’", "'"), topic.slug
        assert len(listed) == len(by_id)
