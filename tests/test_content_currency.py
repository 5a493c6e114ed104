"""Content standards that keep the topics current and consistent (issue 12)."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest

from housing_kit.library import Library
from housing_kit.loader import load_topics
from housing_kit.models import Topic, TypologyFigure

from .conftest import ROOT

SLUGS = ["housing-first", "ans", "gswb", "measurement", "ethos", "regional-monitoring"]
# Second person plural (or singular) addressed to the audience: Polish professional usage is "Państwo".
INFORMAL_ADDRESS = re.compile(
    r"\b(wy|was|wam|wami|wasz|wasza|wasze|waszego|waszej|waszych|waszym|macie|widzicie|zwróćcie|możecie|"
    r"jesteście|pamiętajcie|spójrzcie|zobaczcie|powiedzcie|zapytajcie|masz|możesz|widzisz)\b",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_topics(ROOT)


def texts(topic: Topic, lang: str) -> list[str]:
    """Every visible text of a topic in one language."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            if lang in value and all(isinstance(v, str) for v in value.values()):
                found.append(value[lang])
                return
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(topic.model_dump())
    return found


def topic(library: Library, slug: str) -> Topic:
    return next(t for t in library.topics if t.slug == slug)


@pytest.mark.parametrize("slug", SLUGS)
def test_every_source_points_at_a_document_not_a_homepage(library, slug):
    for source in topic(library, slug).sources:
        parts = urlsplit(source.url)
        assert parts.path.strip("/") or parts.query, f"{slug}: {source.id} links a bare domain: {source.url}"


@pytest.mark.parametrize("slug", SLUGS)
def test_dates_for_currency_are_present_and_not_in_the_future(library, slug):
    today = dt.date.today()
    item = topic(library, slug)
    assert item.reviewed <= today
    for source in item.sources:
        assert source.accessed is not None, f"{slug}: {source.id} has no accessed date"
        assert source.accessed <= today, f"{slug}: {source.id} accessed in the future"
    dated = [s.as_of for s in item.sections if s.as_of] + [f.as_of for f in item.figures if f.as_of]
    assert all(d <= today for d in dated), f"{slug}: as_of in the future"


@pytest.mark.parametrize("slug", SLUGS)
def test_the_polish_text_addresses_the_audience_as_panstwo(library, slug):
    for text in texts(topic(library, slug), "pl"):
        found = INFORMAL_ADDRESS.search(text)
        assert found is None, f"{slug}: informal address {found.group(0)!r} in: {text[:120]}"


@pytest.mark.parametrize("slug", ["measurement", "regional-monitoring"])
@pytest.mark.parametrize("lang", ["pl", "en"])
def test_ethos_category_names_are_the_ones_the_ethos_topic_defines(library, slug, lang):
    typology = next(f for f in topic(library, "ethos").figures if isinstance(f, TypologyFigure))
    text = "\n".join(texts(topic(library, slug), lang)).lower()
    for group in typology.groups:
        assert group.name[lang].lower() in text, f"{slug} ({lang}) names the category differently: {group.name[lang]}"


FORUM = {"pl": "Forum na rzecz Wychodzenia z Bezdomności", "en": "Forum for Getting Out of Homelessness"}


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_pomeranian_forum_has_one_full_name(library, lang):
    """Short mentions ("the Pomeranian Forum") are fine; a full name is always the same one."""
    for item in library.topics:
        for full in re.findall(r"Forum (?:na rzecz|for) [^.,;()]*", "\n".join(texts(item, lang))):
            assert full.startswith(FORUM[lang]), f"{item.slug}: {full!r}"
