"""Decks built from the fixtures (and the real topics when they load), opened
with python-pptx and checked slide by slide."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from functools import cache
from pathlib import Path

import pytest
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE, MSO_SHAPE_TYPE
from pptx.oxml.ns import qn

from housing_kit.deck import build_deck
from housing_kit.loader import load_topics
from housing_kit.models import Event
from housing_kit.typography import typeset
from tests.test_deck_readback import (
    notes_of,
    open_deck,
    outside_slide,
    overflowing,
    slide_titles,
    untagged_runs,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@cache
def fixture_library(name: str):
    return load_topics(FIXTURES / name)


@cache
def deck_bytes(fixture: str, slugs: tuple[str, ...], lang: str) -> bytes:
    library = fixture_library(fixture)
    return build_deck(library, [library.find(s) for s in slugs], lang).data


def deck(fixture: str, *slugs: str, lang: str = "pl"):
    return open_deck(deck_bytes(fixture, slugs, lang))


def slides_where(prs, start: str) -> list:
    return [s for s in prs.slides if s.shapes.title.text_frame.text.replace("\u00a0", " ").startswith(start)]


def seen(text: str) -> str:
    """Text as a reader sees it: no-break spaces read as spaces."""
    return text.replace("\u00a0", " ")


# ---------------------------------------------------------------- anatomy
def test_a_one_topic_deck_runs_as_a_talk_with_the_appendix_after_the_closing_slide():
    assert slide_titles(deck("minimal", "sample")) == [
        "Próbny temat",
        "Dlaczego to ważne",
        "Pierwsza część",
        "Liczby",
        "Co może zrobić gmina lub organizacja",
        "Pytania do dyskusji",
        "Pytania i kontakt",
        "Aneks",
        "Źródła",
        "Słowniczek",
    ]
    assert slide_titles(deck("minimal", "sample", lang="en")) == [
        "Sample topic",
        "Why it matters",
        "First part",
        "Counts",
        "What your municipality or organisation can do",
        "Questions for discussion",
        "Questions and contact",
        "Appendix",
        "Sources",
        "Glossary",
    ]


def test_content_slides_carry_the_sections_notes_in_the_deck_language():
    library = fixture_library("deck")
    topic = library.find("typology")
    for lang in ("pl", "en"):
        prs = deck("deck", "typology", lang=lang)
        notes = dict(zip(slide_titles(prs), notes_of(prs), strict=True))
        for section in topic.sections:
            paragraphs = [typeset(p, lang) for p in section.notes[lang].split("\n\n")]
            section = section.model_copy(update={"title": {lang: seen(typeset(section.title[lang], lang))}})
            if len(paragraphs) == 1:
                assert notes[section.title[lang]] == paragraphs[0]
            else:  # the points run over two slides: the notes are split at the paragraph break
                assert notes[section.title[lang]] == paragraphs[0]
                assert notes[section.title[lang] + (" (cd. 2/2)" if lang == "pl" else " (cont. 2/2)")] == paragraphs[1]
        assert all(notes_of(prs)), "every slide has speaker notes"


def test_every_run_carries_the_deck_language():
    for lang, tag in (("pl", "pl-PL"), ("en", "en-GB")):
        prs = deck("deck", "typology", "ladder", lang=lang)
        assert untagged_runs(prs, tag, also=("en-GB", "cs-CZ")) == []
        chart_parts = [r.target_part for s in prs.slides for r in s.part.rels.values() if r.reltype.endswith("/chart")]
        assert chart_parts and all(p._element.find(qn("c:lang")).get("val") == tag for p in chart_parts)


@pytest.mark.parametrize("slugs", [("typology",), ("ladder",), ("typology", "ladder")])
@pytest.mark.parametrize("lang", ["pl", "en"])
def test_no_text_overflows_and_nothing_leaves_the_slide(slugs, lang):
    prs = deck("deck", *slugs, lang=lang)
    assert overflowing(prs) == []
    assert outside_slide(prs) == []


def test_the_same_input_gives_the_same_bytes():
    library = fixture_library("deck")
    topic = library.find("typology")
    first, second = (build_deck(library, [topic], "pl").data for _ in range(2))
    assert first == second
    members = zipfile.ZipFile(io.BytesIO(first)).infolist()
    assert {m.date_time for m in members} == {(2026, 10, 1, 0, 0, 0)}
    assert members[0].filename == "[Content_Types].xml"
    workbook = next(m for m in members if m.filename.endswith(".xlsx"))
    inner = zipfile.ZipFile(io.BytesIO(zipfile.ZipFile(io.BytesIO(first)).read(workbook)))
    assert {m.date_time for m in inner.infolist()} == {(2026, 10, 1, 0, 0, 0)}
    assert b"2026-10-01T00:00:00Z" in inner.read("docProps/core.xml")


# ---------------------------------------------------------------- figures
def test_the_typology_is_one_overview_slide_of_its_categories_at_18_pt_or_more():
    library = fixture_library("deck")
    figure = library.find("typology").figure("ethos")
    prs = deck("deck", "typology")
    (slide,) = slides_where(prs, "Typologia ETHOS")
    heads = [seen(s.text_frame.text) for s in slide.shapes if s.name.startswith("Group ") and s.name[6:].isdigit()]
    assert heads == [group.name["pl"] for group in figure.groups]
    shown = [p.text for s in slide.shapes if s.name.endswith(" categories") for p in s.text_frame.paragraphs]
    names = [typeset(c.name["pl"], "pl") for g in figure.groups for c in g.categories]
    assert shown == names
    sizes = [
        r.font.size.pt
        for s in slide.shapes
        if s.name.startswith("Group ")
        for p in s.text_frame.paragraphs
        for r in p.runs
    ]
    assert min(sizes) >= 18


def test_the_full_typology_is_an_appendix_table_split_over_slides_with_its_header_repeated():
    library = fixture_library("deck")
    figure = library.find("typology").figure("ethos")
    prs = deck("deck", "typology")
    titles = slide_titles(prs)
    pages = slides_where(prs, "Pełna tabela: Typologia ETHOS")
    assert len(pages) > 1 and titles.index(slide_titles_of(pages[0])) > titles.index("Aneks")
    assert slide_titles_of(pages[1]) == f"Pełna tabela: Typologia ETHOS (cd. 2/{len(pages)})"
    seen = []
    for slide in pages:
        table = next(s for s in slide.shapes if s.has_table).table
        assert [c.text for c in table.rows[0].cells] == [level["pl"] for level in figure.levels[1:]]
        seen += [c.text for row in table.rows for c in row.cells if c.text[:1].isdigit() and "." in c.text[:3]]
    situations = [
        typeset(f"{s.code} {s.name['pl']}", "pl") for g in figure.groups for c in g.categories for s in c.situations
    ]
    assert [s for s in seen if s in situations] == situations


def slide_titles_of(slide) -> str:
    return slide.shapes.title.text_frame.text


def test_a_table_longer_than_a_slide_continues_under_the_same_header():
    prs = deck("deck", "ladder")
    pages = slides_where(prs, "Liczby w regionach")
    assert len(pages) > 1
    tables = [next(s for s in p.shapes if s.has_table).table for p in pages]
    assert [c.text for c in tables[0].rows[0].cells] == [c.text for c in tables[1].rows[0].cells]
    assert sum(len(t.rows) - 1 for t in tables) == 18
    assert tables[0].cell(1, 3).text == "30\u00a0330"  # numbers as Polish readers write them


def test_a_chart_is_a_native_chart_with_its_data():
    prs = deck("deck", "typology", lang="en")
    (slide,) = slides_where(prs, "People in night shelters")
    frame = next(s for s in slide.shapes if s.has_chart)
    chart = frame.chart
    assert chart.chart_type == XL_CHART_TYPE.LINE_MARKERS
    assert list(chart.plots[0].categories) == ["2019", "2020", "2021", "2022"]
    assert list(chart.series[0].values) == [120.0, None, 140.0, 151.5]
    assert "2019 120\u00a0people" in frame._element.find(f".//{qn('p:cNvPr')}").get("descr")
    notes = slide.notes_slide.notes_text_frame.text
    assert notes.startswith("Point at the rise") and "140" not in notes, "the data are in the alt text, not the notes"


def test_the_ladder_is_a_rising_staircase_of_rounded_rectangles():
    library = fixture_library("deck")
    figure = library.find("ladder").figure("steps")
    prs = deck("deck", "ladder")
    drawn = []
    for slide in slides_where(prs, "Drabina w ośmiu krokach"):
        steps = [s for s in slide.shapes if s.name.startswith("Step ")]
        assert all(s.auto_shape_type == MSO_SHAPE.ROUNDED_RECTANGLE for s in steps)
        assert [s.height for s in steps] == sorted(s.height for s in steps) and steps[0].height < steps[-1].height
        assert len({s.top + s.height for s in steps}) == 1, "the steps stand on one line"
        assert [s.left for s in steps] == sorted(s.left for s in steps)
        drawn += steps
    assert [s.name for s in drawn] == [f"Step {step.step}" for step in figure.steps]
    for shape, step in zip(drawn, figure.steps, strict=True):
        text = seen(shape.text_frame.text)
        assert text.startswith(str(step.step)) and step.title["pl"] in text and step.indicator["pl"] in text


def test_list_items_are_numbered_shapes_in_reading_order():
    prs = deck("deck", "ladder", lang="en")
    (slide,) = slides_where(prs, "A region\u2019s first steps")  # English quotes and apostrophes are curly
    badges = [s for s in slide.shapes if s.name.startswith("Item ") and s.name.endswith(" number")]
    assert [b.text_frame.text for b in badges] == ["1", "2", "3"]
    assert all(b.auto_shape_type == MSO_SHAPE.OVAL for b in badges)
    items = [s.text_frame.text for s in slide.shapes if s.name.startswith("Item ") and " " not in s.name[5:]]
    assert items[0].startswith("Name the topic")


# ---------------------------------------------------------------- text
def test_points_that_do_not_fit_continue_on_a_numbered_slide_at_a_readable_size():
    library = fixture_library("deck")
    section = library.find("typology").sections[1]
    prs = deck("deck", "typology")
    pages = slides_where(prs, "Wiele punktów")
    assert [p.shapes.title.text_frame.text for p in pages] == ["Wiele punktów", "Wiele punktów (cd. 2/2)"]
    shown = [seen(p.text) for page in pages for p in page.placeholders[1].text_frame.paragraphs]
    assert shown == [point["pl"] for point in section.points]
    sizes = {r.font.size.pt for page in pages for p in page.placeholders[1].text_frame.paragraphs for r in p.runs}
    assert min(sizes) >= 18


def test_citation_markers_are_not_shown_on_slides():
    prs = deck("deck", "typology")
    (slide,) = slides_where(prs, "Wspólny język")
    assert [p.text for p in slide.placeholders[1].text_frame.paragraphs][1] == "Porównywalne dane"
    assert "[1]" in next(s for s in slide.shapes if s.name == "Caption").text_frame.text


def test_a_combined_deck_has_dividers_and_no_two_slides_share_a_title():
    prs = deck("deck", "typology", "ladder")
    titles = slide_titles(prs)
    assert len(titles) == len(set(titles))
    assert "Dlaczego to ważne – Typologia bezdomności" in titles
    assert "Wspólny język – Drabina monitoringu" in titles
    dividers = [s for s in prs.slides if s.slide_layout.name == "Section Header"]
    assert [d.shapes.title.text_frame.text for d in dividers] == [
        "Typologia bezdomności",
        "Drabina monitoringu",
        "Aneks",
    ]
    assert dividers[1].placeholders[1].text_frame.paragraphs[0].text == "2/2"
    agenda = prs.slides[1].placeholders[1].text_frame.text
    assert "Typologia bezdomności" in agenda and "Drabina monitoringu" in agenda


def test_an_event_deck_names_host_city_and_date_on_the_title_slide():
    library = fixture_library("deck")
    event = Event(
        host="MOPS w Radomiu",
        city="Radom",
        date=dt.date(2013, 11, 14),
        language="pl",
        topics=["typ"],
        status="held",
        audience={"kind": "mops"},
    )
    prs = open_deck(build_deck(library, [library.find("typ")], "pl", event=event).data)
    cover = seen(" ".join(s.text_frame.text for s in prs.slides[0].shapes if s.has_text_frame))
    assert "Gospodarz: MOPS w Radomiu" in cover and "Radom, 14 listopada 2013" in cover and "Test NGO" in cover
    assert cover.count("Radom,") == 1
    assert prs.slides[0].notes_slide.notes_text_frame.text.startswith("Dla prowadzącego – słuchacze: ośrodek pomocy")
    assert prs.core_properties.created == dt.datetime(2013, 11, 14)


def test_the_closing_slide_links_the_contact_address_but_no_placeholder_site():
    prs = deck("deck", "typology", lang="en")
    (closing,) = slides_where(prs, "Questions and contact")
    links = [
        r.hyperlink.address for s in closing.shapes if s.has_text_frame for p in s.text_frame.paragraphs for r in p.runs
    ]
    assert "mailto:team@example.org" in links
    assert not any("kit.example.org" in (link or "") for link in links), "site_url is still a placeholder"
    assert not [s for s in closing.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE], "no QR code to a placeholder"


# ---------------------------------------------------------------- the file
def test_document_properties_and_16_9_size():
    prs = deck("deck", "typology", lang="en")
    props = prs.core_properties
    assert (props.title, props.author, props.language) == ("Typology of homelessness", "Test NGO", "en-GB")
    assert props.keywords == "typology, typ" and props.created == props.modified == dt.datetime(2026, 10, 1)
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)


def test_the_notes_master_is_listed_in_the_presentation():
    prs = deck("minimal", "sample")
    listed = prs.part._element.find(f"{qn('p:notesMasterIdLst')}/{qn('p:notesMasterId')}")
    assert listed is not None
    assert prs.part.related_part(listed.get(qn("r:id"))).partname == "/ppt/notesMasters/notesMaster1.xml"


def test_slides_have_a_footer_and_a_slide_number_field_except_the_cover():
    prs = deck("deck", "typology")
    for number, slide in enumerate(prs.slides, 1):
        fields = slide._element.findall(f".//{qn('a:fld')}")
        if slide.slide_layout.name == "Title Slide":
            assert not fields
            continue
        assert [f.get("type") for f in fields] == ["slidenum"] and fields[0].findtext(qn("a:t")) == str(number)
        footer = next(p for p in slide.placeholders if p.placeholder_format.type == 15)  # FOOTER
        assert footer.text_frame.text == "Typologia bezdomności · Test NGO"


def test_the_title_is_read_first_and_figures_have_names_and_alt_text():
    prs = deck("deck", "typology", "ladder")
    for slide in prs.slides:
        first = slide.shapes[0]
        assert first.is_placeholder and first.placeholder_format.type in (1, 3)  # TITLE, CENTER_TITLE
        for shape in slide.shapes:
            if shape.shape_type in (MSO_SHAPE_TYPE.TABLE, MSO_SHAPE_TYPE.CHART):
                assert shape._element.find(f".//{qn('p:cNvPr')}").get("descr")


def test_every_shape_on_a_slide_has_its_own_id():
    prs = deck("deck", "typology", "ladder")
    for number, slide in enumerate(prs.slides, 1):
        ids = [e.get("id") for e in slide._element.iter(qn("p:cNvPr"))]
        assert len(ids) == len(set(ids)), f"slide {number}: {ids}"


# ---------------------------------------------------------------- the real topics
@pytest.mark.parametrize("lang", ["pl", "en"])
def test_every_real_topic_builds_with_everything_inside_its_box(lang, real_library):
    library = real_library
    tag = library.language(lang).tag
    for topic in library.topics:
        prs = open_deck(build_deck(library, [topic], lang).data)
        assert overflowing(prs) == [], topic.slug
        assert outside_slide(prs) == [], topic.slug
        assert untagged_runs(prs, tag, also=source_tags(topic)) == [], topic.slug
        titles = slide_titles(prs)
        assert len(titles) == len(set(titles)), topic.slug
        notes = dict(zip(titles, notes_of(prs), strict=True))
        for section in topic.sections:
            title = seen(typeset(section.title[lang], lang))
            assert notes.get(title) or notes.get(f"{title} (2)"), (topic.slug, title)


def source_tags(topic) -> tuple[str, ...]:
    from housing_kit.languages import language_tag

    return tuple({language_tag(s.lang) for s in topic.sources})


def test_bars_start_at_zero_and_lines_keep_their_own_scale():
    (bars,) = [
        s
        for p in slides_where(deck("deck", "ladder", lang="en"), "Homes in two years")
        for s in p.shapes
        if s.has_chart
    ]
    assert bars.chart.value_axis.minimum_scale == 0, "a cut axis would draw 10 → 15 as a tripling"
    (line,) = [
        s
        for p in slides_where(deck("deck", "typology", lang="en"), "People in night shelters")
        for s in p.shapes
        if s.has_chart
    ]
    assert line.chart.value_axis.minimum_scale is None
