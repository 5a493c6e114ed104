"""The real decks carry a 30–45 minute talk (issue 9): every topic in both languages,
built once per session and read back slide by slide."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil

import pytest
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn

from housing_kit.cli import main
from housing_kit.deck import build_deck
from housing_kit.formatting import format_date
from housing_kit.languages import language_tag
from housing_kit.loader import load_event, load_topics
from housing_kit.typography import typeset
from tests.test_deck_build import FIXTURES, ROOT
from tests.test_deck_readback import notes_of, open_deck, slide_titles

LANGS = ("pl", "en")
LABELS = {
    "pl": {
        "opening": "Dlaczego to ważne",
        "actions": "Co może zrobić gmina lub organizacja",
        "discussion": "Pytania do dyskusji",
        "closing": "Pytania i kontakt",
        "appendix": "Aneks",
        "sources": "Źródła",
    },
    "en": {
        "opening": "Why it matters",
        "actions": "What your municipality or organisation can do",
        "discussion": "Questions for discussion",
        "closing": "Questions and contact",
        "appendix": "Appendix",
        "sources": "Sources",
    },
}
FOOTERS = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)


def words(text: str) -> int:
    return len(text.split())


@pytest.fixture(scope="session")
def library():
    return load_topics(ROOT)


@pytest.fixture(scope="session")
def decks(library):
    """Every real topic's deck in both languages, as the site builds them (no date)."""
    return {
        (topic.slug, lang): open_deck(build_deck(library, [topic], lang).data)
        for topic in library.topics
        for lang in LANGS
    }


def each(library):
    return [(topic, lang) for topic in library.topics for lang in LANGS]


def base_title(title: str) -> str:
    """A slide's title without its continuation mark ('Źródła (cd. 2/3)' -> 'Źródła') or
    the number that tells two slides of the same title apart ('Title (2)')."""
    return re.sub(r" \(((cd\.|cont\.) \d+/\d+|\d+)\)$", "", title)


def parts(prs, lang: str) -> tuple[int, int, int]:
    """Indices of the opening, the closing and the appendix divider."""
    titles = slide_titles(prs)
    labels = LABELS[lang]
    return titles.index(labels["opening"]), titles.index(labels["closing"]), titles.index(labels["appendix"])


# ---------------------------------------------------------------- the outline
def test_every_deck_runs_title_opening_body_actions_discussion_closing_then_the_appendix(library, decks):
    for topic, lang in each(library):
        prs = decks[(topic.slug, lang)]
        titles = [base_title(t) for t in slide_titles(prs)]
        labels = LABELS[lang]
        opening, closing, appendix = parts(prs, lang)
        assert titles[0] == typeset(topic.title[lang], lang).replace("\u00a0", " ")
        assert opening == 1, "no agenda in a one-topic deck"
        actions, discussion = titles.index(labels["actions"]), titles.index(labels["discussion"])
        body = titles[opening + 1 : actions]
        sections = [typeset(s.title[lang], lang).replace("\u00a0", " ") for s in topic.sections]
        assert list(dict.fromkeys(t for t in body if t in sections)) == sections, (topic.slug, lang)
        assert discussion == actions + 1 and closing == discussion + 1 and appendix == closing + 1
        after = set(titles[appendix + 1 :])
        assert labels["sources"] in after, "sources come after the closing slide"
        assert labels["sources"] not in titles[:closing]
        layouts = [s.slide_layout.name for s in prs.slides]
        assert layouts[appendix] == "Section Header" and layouts.count("Section Header") == 1


def test_each_figure_follows_its_sections_points(library, decks):
    for topic, lang in each(library):
        titles = [base_title(t) for t in slide_titles(decks[(topic.slug, lang)])]
        for section in topic.sections:
            start = titles.index(typeset(section.title[lang], lang).replace("\u00a0", " "))
            following = titles[start + 1 : start + 1 + 2 * len(section.figures) + 2]
            for figure_id in section.figures:
                assert typeset(topic.figure(figure_id).title[lang], lang).replace("\u00a0", " ") in following


# ---------------------------------------------------------------- notes
def test_every_content_and_figure_slide_has_notes_of_60_to_220_words_and_a_deck_20_minutes(library, decks):
    for topic, lang in each(library):
        prs = decks[(topic.slug, lang)]
        opening, closing, _ = parts(prs, lang)
        notes = notes_of(prs)
        talk = notes[opening:closing]
        counts = [words(n) for n in talk]
        short = [(slide_titles(prs)[opening + i], c) for i, c in enumerate(counts) if not 60 <= c <= 220]
        assert short == [], (topic.slug, lang)
        assert sum(counts) >= 2600, (topic.slug, lang, sum(counts))
        assert all(notes), "every slide has notes (appendix and covers: short ones)"


def test_no_note_repeats_its_slides_title(library, decks):
    for topic, lang in each(library):
        prs = decks[(topic.slug, lang)]
        pairs = list(zip(slide_titles(prs), notes_of(prs), strict=True))[1:]  # the cover's notes are the summary
        for title, note in pairs:
            assert base_title(title) not in note.replace("\u00a0", " "), (topic.slug, lang, title)


# ---------------------------------------------------------------- readable from the back
def _runs(shape):
    if shape.has_text_frame:
        yield from (r for p in shape.text_frame.paragraphs for r in p.runs)
    if shape.has_table:
        for row in shape.table.rows:
            for cell in row.cells:
                yield from (r for p in cell.text_frame.paragraphs for r in p.runs)


def _is_footer(shape) -> bool:
    if shape.is_placeholder:
        return shape.placeholder_format.type in FOOTERS
    return shape.name in ("Footer", "Slide number")


def _chart_sizes(shape) -> list[float]:
    part = shape.chart.part
    return [int(e.get("sz")) / 100 for e in part._element.iter(qn("a:defRPr"), qn("a:rPr")) if e.get("sz")]


def test_text_is_readable_from_the_back_of_the_room(library, decks):
    """Body 18 pt, tables and figures 16 pt, captions and the appendix 14 pt; footers aside."""
    found = {"body": [], "figure": [], "caption": [], "appendix": []}
    for topic, lang in each(library):
        prs = decks[(topic.slug, lang)]
        _, closing, appendix = parts(prs, lang)
        for number, slide in enumerate(prs.slides):
            for shape in slide.shapes:
                if _is_footer(shape) or shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                    continue
                sizes = [r.font.size.pt for r in _runs(shape)]
                if shape.has_chart:
                    sizes += _chart_sizes(shape)
                if not sizes:
                    continue
                if number > appendix:
                    use = "appendix"
                elif shape.name == "Caption":
                    use = "caption"
                elif shape.is_placeholder or number in (0, closing):
                    use = "body"
                else:
                    use = "figure"
                found[use].append((min(sizes), topic.slug, lang, number + 1, shape.name))
    minimum = {use: min(entries) for use, entries in found.items()}
    assert minimum["body"][0] >= 18, minimum["body"]
    assert minimum["figure"][0] >= 16, minimum["figure"]
    assert minimum["caption"][0] >= 14, minimum["caption"]
    assert minimum["appendix"][0] >= 14, minimum["appendix"]


def test_the_ethos_typology_is_one_overview_slide_and_the_full_table_is_in_the_appendix(library, decks):
    figure = library.find("ethos").figure("ethos-typology")
    for lang in LANGS:
        prs = decks[("ethos", lang)]
        titles = slide_titles(prs)
        title = typeset(figure.title[lang], lang).replace("\u00a0", " ")
        overview = [i for i, t in enumerate(titles) if t.startswith(title)]
        full = [i for i, t in enumerate(titles) if t.startswith(("Pełna tabela: " + title, "Full table: " + title))]
        assert len(overview) == 1
        slide = prs.slides[overview[0]]
        codes = [r for s in slide.shapes if s.name.endswith(" categories") for r in s.text_frame.paragraphs]
        assert len(codes) == 13
        assert not [s for s in slide.shapes if s.has_table], "the overview is shapes, not the 24-row table"
        _, _, appendix = parts(prs, lang)
        assert full and min(full) > appendix
        rows = sum(len(next(s for s in prs.slides[i].shapes if s.has_table).table.rows) for i in full)
        assert rows >= 24


# ---------------------------------------------------------------- typography
SINGLE = re.compile(r"(?<![\w.,/-])[aiouwzAIOUWZ] ")
UNGROUPED = re.compile(r"(?<![\w.,/\-:=#\u00a0])\d{5,}(?![\w/\-:=]|[.,]\d)")
SPACE_GROUPED = re.compile(r"(?<![\w.,/])\d{1,3}(?: \d{3})+(?![\w/]|[.,]\d)")


def _texts(prs):
    """(language tag, text, is a link) of every run on the slides and in the notes."""
    for slide in prs.slides:
        parts = [slide.part] + ([slide.notes_slide.part] if slide.has_notes_slide else [])
        for part in parts:
            for run in part._element.iter(qn("a:r")):
                rpr = run.find(qn("a:rPr"))
                link = rpr is not None and rpr.find(qn("a:hlinkClick")) is not None
                yield rpr.get("lang") if rpr is not None else None, run.findtext(qn("a:t")) or "", link


def test_no_polish_one_letter_word_ends_a_line_and_numbers_are_grouped_one_way(library, decks):
    for topic, lang in each(library):
        for tag, text, link in _texts(decks[(topic.slug, lang)]):
            if link:
                continue  # addresses are shown as they are
            assert "\u202f" not in text
            assert not UNGROUPED.search(text), (topic.slug, lang, text)
            if tag == "pl-PL":
                assert not SINGLE.search(text), (topic.slug, text)
                assert not SPACE_GROUPED.search(text), (topic.slug, text)


def test_each_source_title_carries_the_sources_own_language(library, decks):
    for topic, lang in each(library):
        prs = decks[(topic.slug, lang)]
        appendix = parts(prs, lang)[2]
        runs = [
            (r.font._rPr.get("lang"), r.text, False)
            for slide in list(prs.slides)[appendix:]
            for shape in slide.placeholders
            for p in shape.text_frame.paragraphs
            for r in p.runs
        ]
        for source in topic.sources:
            title = typeset(source.title, source.lang)[:40]
            tags = {tag for tag, text, _ in runs if title in text}
            assert tags == {language_tag(source.lang)}, (topic.slug, source.id, tags)


def test_references_never_end_in_double_punctuation(library, decks):
    for topic, lang in each(library):
        for _, text, _ in _texts(decks[(topic.slug, lang)]):
            assert not re.search(r"(r\.\.|[!?]\.|(?<!\.)\.\.(?!\.))", text), (topic.slug, text)


# ---------------------------------------------------------------- charts
def test_a_bar_chart_keeps_its_value_axis_at_the_bottom(library, decks):
    bars = 0
    for topic, lang in each(library):
        for slide in decks[(topic.slug, lang)].slides:
            for shape in slide.shapes:
                if not shape.has_chart:
                    continue
                space = shape.chart.part._element
                if space.find(f".//{qn('c:barDir')}").get("val") != "bar":
                    continue
                bars += 1
                cat = space.find(f".//{qn('c:catAx')}")
                assert cat.find(f"{qn('c:scaling')}/{qn('c:orientation')}").get("val") == "maxMin"
                val = space.find(f".//{qn('c:valAx')}")
                assert val.find(qn("c:crosses")).get("val") == "max", "reversed categories: cross at the maximum"
    assert bars, "the real topics have a bar chart (housing-first)"


def test_columns_over_unevenly_spaced_years_say_so(library, decks):
    for lang, words in (("pl", "nie są rozmieszczone równomiernie"), ("en", "not evenly spaced")):
        prs = decks[("measurement", lang)]
        charts = [s for s in prs.slides if any(sh.has_chart for sh in s.shapes)]
        captions = [
            next(s for s in slide.shapes if s.name == "Caption").text_frame.text.replace("\u00a0", " ")
            for slide in charts
        ]
        # the counts over 2013–2024 say so; the worked example (no years) does not
        assert len(charts) == 2 and [words in c for c in captions].count(True) == 1


# ---------------------------------------------------------------- the closing slide
def _closing(prs, lang):
    return prs.slides[parts(prs, lang)[1]]


def test_no_web_address_or_qr_code_while_the_site_url_is_a_placeholder(library, decks):
    assert library.settings.site_url_is_placeholder
    for topic, lang in each(library):
        closing = _closing(decks[(topic.slug, lang)], lang)
        assert not [s for s in closing.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        text = " ".join(s.text_frame.text for s in closing.shapes if s.has_text_frame)
        assert "example.org" not in text and library.settings.contact_email in text


@pytest.fixture(scope="module")
def hosted(tmp_path_factory):
    """The real topics with a real site address (tests/fixtures/hosted/mkdocs.yml)."""
    root = tmp_path_factory.mktemp("hosted")
    shutil.copytree(ROOT / "topics", root / "topics")
    shutil.copy(FIXTURES / "hosted" / "mkdocs.yml", root / "mkdocs.yml")
    return load_topics(root)


def test_the_qr_code_decodes_to_the_topics_page(hosted):
    import zxingcpp  # the test extras install it (pyproject.toml)
    from PIL import Image

    for topic in hosted.topics[:2]:
        for lang, prefix in (("pl", ""), ("en", "en/")):
            prs = open_deck(build_deck(hosted, [topic], lang).data)
            closing = _closing(prs, lang)
            (qr,) = [s for s in closing.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
            url = f"https://bezdomnosc.kmps.org.pl/{prefix}topics/{topic.slug}/"
            assert qr._element.find(f".//{qn('p:cNvPr')}").get("descr").endswith(url), "alt text names the page"
            decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.image.blob)))
            assert [d.text for d in decoded] == [url]
            links = [
                r.hyperlink.address
                for s in closing.shapes
                if s.has_text_frame
                for p in s.text_frame.paragraphs
                for r in p.runs
            ]
            assert url in links


# ---------------------------------------------------------------- dates and events
def _cover_text(prs) -> str:
    return " ".join(s.text_frame.text for s in prs.slides[0].shapes if s.has_text_frame).replace("\u00a0", " ")


def test_the_title_slide_shows_the_date_given_with_date(project, capsys):
    assert main(["--root", str(project), "slides", "ladder", "--date", "2026-12-03"]) == 0
    prs = open_deck((project / "slides" / "ladder.pl.pptx").read_bytes())
    assert "3 grudnia 2026" in _cover_text(prs)


def test_the_title_slide_shows_today_by_default(project, capsys):
    assert main(["--root", str(project), "slides", "ladder", "--lang", "en"]) == 0
    prs = open_deck((project / "slides" / "ladder.en.pptx").read_bytes())
    library = load_topics(project)
    assert format_date(dt.date.today(), library.label("months", "en")) in _cover_text(prs)


def test_a_bad_date_is_refused(project, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--root", str(project), "slides", "ladder", "--date", "3.12.2026"])
    assert exit_.value.code == 2
    assert "'3.12.2026' is not a date; write it as YYYY-MM-DD" in capsys.readouterr().err


def test_the_sites_decks_show_no_date_but_the_appendix_shows_the_review(library, decks):
    for topic, lang in each(library):
        prs = decks[(topic.slug, lang)]
        months = library.label("months", lang)
        assert format_date(topic.reviewed, months) not in _cover_text(prs)
        appendix = prs.slides[parts(prs, lang)[2]]
        shown = " ".join(s.text_frame.text for s in appendix.shapes if s.has_text_frame).replace("\u00a0", " ")
        assert format_date(topic.reviewed, months) in shown
        assert ("Ostatnia weryfikacja treści" if lang == "pl" else "Content last reviewed") in shown


def test_the_radom_deck_names_its_host_and_leaves_out_the_radom_visit(library, decks):
    event = load_event(ROOT / "slides" / "events" / "2013-11-14-radom.yaml", library)
    topic = library.find("ans")
    prs = open_deck(build_deck(library, [topic], "pl", event=event).data)
    cover = _cover_text(prs)
    assert "Gospodarz: Miejski Ośrodek Pomocy Społecznej w Radomiu" in cover
    assert "Radom, 14 listopada 2013" in cover and cover.count("Radom,") == 1
    notes = notes_of(prs)[0]
    assert notes.startswith("Dla prowadzącego – słuchacze:")
    visit = next(s for s in topic.sections if s.host)
    title = typeset(visit.title["pl"], "pl").replace("\u00a0", " ")
    assert title in slide_titles(decks[("ans", "pl")]), "other audiences see the example visit"
    assert title not in slide_titles(prs)


# ---------------------------------------------------------------- a combined deck
def test_a_combined_deck_has_one_appendix_with_each_source_once_numbered_as_cited(library):
    topics = [library.find("housing-first"), library.find("ans")]
    prs = open_deck(build_deck(library, topics, "pl").data)
    titles = slide_titles(prs)
    assert titles.count("Aneks") == 1 and titles.index("Aneks") == titles.index("Pytania i kontakt") + 1
    assert titles[1] == "Plan prezentacji"
    urls = []
    for slide in list(prs.slides)[titles.index("Aneks") :]:
        if base_title(slide_titles_of(slide)) == "Źródła":
            body = slide.placeholders[1].text_frame
            urls += [r.hyperlink.address for p in body.paragraphs for r in p.runs if r.hyperlink.address]
    expected = list(dict.fromkeys(s.url for t in topics for s in t.sources))
    assert urls == expected, "each source once, in the order the topics cite them"
    # every caption's numbers are the deck-wide ones
    for topic in topics:
        for section in topic.sections:
            if not section.cites:
                continue
            title = typeset(section.title["pl"], "pl").replace("\u00a0", " ")
            slide = next(s for s in prs.slides if base_title(slide_titles_of(s)).startswith(title))
            caption = next(s for s in slide.shapes if s.name == "Caption").text_frame.text
            by_id = {s.id: s.url for s in topic.sources}
            numbers = sorted({urls.index(by_id[c]) + 1 for c in section.cites})
            assert caption.endswith(", ".join(f"[{n}]" for n in numbers)), (topic.slug, section.id, caption)
    terms = [
        p.runs[0].text
        for s in prs.slides
        if base_title(slide_titles_of(s)) == "Słowniczek"
        for p in s.placeholders[1].text_frame.paragraphs
    ]
    assert len(terms) == len(set(terms)), "each term once"
    discussion = [s for s in prs.slides if base_title(slide_titles_of(s)) == "Pytania do dyskusji"]
    asked = [p for s in discussion for p in s.placeholders[1].text_frame.paragraphs]
    assert len(asked) == sum(len(t.discussion.questions) for t in topics)
    assert all(len(s.placeholders[1].text_frame.paragraphs) <= 4 for s in discussion)


def slide_titles_of(slide) -> str:
    return slide.shapes.title.text_frame.text.replace("\u00a0", " ")


# ---------------------------------------------------------------- check
def test_check_reports_a_figure_without_notes_by_file_and_line(tmp_path, capsys):
    shutil.copytree(FIXTURES / "minimal", tmp_path / "project")
    topic = tmp_path / "project" / "topics" / "sample.yaml"
    topic.write_text(
        topic.read_text(encoding="utf-8").replace(
            "    notes: {pl: Wskaż liczbę w tabeli., en: Point at the number in the table.}\n", ""
        ),
        encoding="utf-8",
    )
    assert main(["--root", str(tmp_path / "project"), "check"]) == 2
    assert "topics/sample.yaml:24: figures[0].notes: required key is missing" in capsys.readouterr().err
