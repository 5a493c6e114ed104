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


def _with_link(tmp_path, link: str):
    """The real topics, with the Housing First page's first link to SRAs replaced by ``link``."""
    import shutil

    from .conftest import ROOT

    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "topics", tmp_path / "topics")
    path = tmp_path / "topics" / "housing-first.yaml"
    text = path.read_text(encoding="utf-8")
    old = "[[ans|temat o agencjach najmu społecznego]]) i rzetelny"
    assert old in text
    path.write_text(text.replace(old, f"{link}) i rzetelny", 1), encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if old in row)
    return tmp_path, line


@pytest.mark.parametrize(
    ("link", "message"),
    [
        (
            "[[unknown]]",
            "unknown topic 'unknown' in [[unknown]]; topics: ans, ethos, gswb, housing-first, measurement, "
            "regional-monitoring",
        ),
        (
            "[[ans#missing]]",
            "topic 'ans' has no section 'missing' ([[ans#missing]]); its sections: what-is-an-sra, belgian-model, "
            "flanders-2023, feantsa-habitact, polish-san, san-in-practice, training-flats, radom-2013",
        ),
    ],
)
def test_a_link_to_an_unknown_topic_or_section_is_a_check_error_with_file_and_line(tmp_path, link, message):
    from housing_kit.errors import ContentError
    from housing_kit.loader import load_topics

    root, line = _with_link(tmp_path, link)
    with pytest.raises(ContentError) as exc:
        load_topics(root)
    problems = [str(p) for p in exc.value.problems]
    assert problems == [f"topics/housing-first.yaml:{line}: sections[4].body.pl: {message}"]


def test_a_topic_link_is_the_title_on_a_slide_and_a_link_on_the_page(real_library):
    from housing_kit.formatting import plain
    from housing_kit.site.pages import link_topics

    titles = real_library.link_titles("en")
    assert plain("See [[ans]] and [[ans#belgian-model]].", titles) == (
        f"See {real_library.find('ans').title['en']} and {titles['ans#belgian-model']}."
    )
    assert plain("see [[ans|the topic on SRAs]]", titles) == "see the topic on SRAs"
    assert link_topics("[[ans#belgian-model]]", titles, here="housing-first") == (
        f"[{titles['ans#belgian-model']}](ans.md#belgian-model)"
    )
    assert link_topics("[[ans#belgian-model|here]]", titles, here="ans") == "[here](#belgian-model)"


@pytest.mark.parametrize("lang", LANGS)
def test_links_between_topics_are_real_links_in_the_page_language(built_site, real_library, lang):
    doc = lxml.html.fromstring((built_site / LANGS[lang] / "topics/housing-first/index.html").read_text("utf-8"))
    hrefs = [a.get("href") for a in doc.xpath("//article//a")]
    assert "../ans/" in hrefs and "../measurement/" in hrefs
    assert "[[" not in doc.xpath("string(//article)")


def test_polish_collation_puts_accented_letters_after_their_base():
    from housing_kit.site.glossary import collation_key

    words = ["łata", "zebra", "ąb", "lis", "ab", "żuk", "źle", "ósmy", "oko", "ćma", "cma", "Łódź"]
    assert sorted(words, key=lambda w: collation_key(w, "pl")) == [
        "ab", "ąb", "cma", "ćma", "lis", "łata", "Łódź", "oko", "ósmy", "zebra", "źle", "żuk"
    ]  # fmt: skip


@pytest.mark.parametrize("lang", LANGS)
def test_the_glossary_lists_every_term_in_collation_order_with_links_that_resolve(built_site, real_library, lang):
    from housing_kit.site.glossary import collation_key

    page = built_site / LANGS[lang] / "glossary" / "index.html"
    doc = lxml.html.fromstring(page.read_text(encoding="utf-8"))
    terms = [re.sub(r"\s+", " ", dt.text_content()).strip() for dt in doc.xpath("//article//dt")]
    expected = {" ".join(g.term[lang].split()) for t in real_library.topics for g in t.glossary}
    assert set(terms) == expected and len(terms) == len(expected)
    assert terms == sorted(terms, key=lambda t: collation_key(t, lang))
    for a in doc.xpath("//article//dd//a"):
        href = a.get("href").split("#")[0]
        assert (page.parent / href / "index.html").resolve().is_file(), href


@pytest.mark.parametrize("lang", LANGS)
def test_the_first_use_of_a_term_links_to_its_glossary_entry_with_the_definition(built_site, real_library, lang):
    glossary = built_site / LANGS[lang] / "glossary" / "index.html"
    entries = lxml.html.fromstring(glossary.read_text(encoding="utf-8"))
    ids = {dt.get("id"): dt.getnext() for dt in entries.xpath("//article//dt")}
    linked_pages = 0
    for topic, doc in topic_html(built_site, real_library, lang):
        links = doc.xpath('//article//a[@class="hk-term"]')
        linked_pages += bool(links)
        targets = [a.get("href") for a in links]
        assert len(targets) == len(set(targets)), f"{topic.slug}: a term is linked more than once"
        for a in links:
            path, _, anchor = a.get("href").partition("#")
            page = built_site / LANGS[lang] / "topics" / topic.slug / path / "index.html"
            assert page.resolve() == glossary.resolve() and anchor in ids
            definition = re.sub(r"\s+", " ", ids[anchor].xpath("string(p)"))
            assert re.sub(r"\s+", " ", a.get("title"))[:30].replace("'", "’") in definition.replace("'", "’")
    assert linked_pages == len(real_library.topics)
