"""The editorial standard every topic meets (issue: the topic library)."""

from __future__ import annotations

import re

import pytest

from housing_kit.models import CITATION_RE

from .conftest import ROOT

EXPECTED = {
    "housing-first": {"najpierw-mieszkanie", "hf"},
    "ans": {"san", "sra", "social-rental-agencies"},
    "gswb": {"gswb-2012"},
    "measurement": {"miary", "pomiar"},
    "ethos": set(),
    "regional-monitoring": {"monitoring"},
}


def words(text: str) -> int:
    return len(re.findall(r"\w+", CITATION_RE.sub("", text)))


@pytest.fixture(scope="module")
def topics(real_library):
    return {t.slug: t for t in real_library.topics}


def test_all_six_topics_with_their_aliases(topics):
    assert set(topics) == set(EXPECTED)
    for slug, aliases in EXPECTED.items():
        assert aliases <= set(topics[slug].aliases), slug


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_topic_meets_the_standard(slug, topics):
    topic = topics[slug]
    assert len(topic.sections) >= 4
    for section in topic.sections:
        assert 3 <= len(section.points) <= 6, f"{slug}/{section.id}: 3 to 6 slide points"
        for point in section.points:
            for lang, text in point.items():
                assert words(text) <= 16, f"{slug}/{section.id} ({lang}): point too long for a slide: {text}"
        for lang, notes in section.notes.items():
            assert words(notes) >= 40, f"{slug}/{section.id} ({lang}): speaker notes under 40 words"
        for lang, body in section.body.items():
            assert words(body) >= 40, f"{slug}/{section.id} ({lang}): body too thin"
    assert len(topic.sources) >= 5
    assert all(s.url.startswith("https://") or s.url.startswith("http://") for s in topic.sources)
    assert len(topic.glossary) >= 3
    assert topic.related, "every topic links to related topics"
    cited = {c for s in topic.sections for c in s.cites} | {c for f in topic.figures for c in f.sources}
    cited |= {c for s in topic.sections for body in s.body.values() for c in CITATION_RE.findall(body)}
    assert cited, "sections cite their sources"


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_polish_text_uses_polish_letters(slug, topics):
    """A cheap guard against Polish typed without diacritics."""
    topic = topics[slug]
    polish = " ".join(s.body["pl"] for s in topic.sections)
    assert len(re.findall(r"[ąćęłńóśźż]", polish)) > len(polish) / 100


def test_readme_lists_every_topic_with_its_aliases(real_library):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for topic in real_library.topics:
        row = next((line for line in readme.splitlines() if f"| `{topic.slug}` |" in line), None)
        assert row, f"README topic table misses {topic.slug}"
        for alias in topic.aliases:
            assert f"`{alias}`" in row, f"README misses alias {alias} of {topic.slug}"
