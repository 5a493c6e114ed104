"""The loader: good files load; every kind of bad file gets one exact message with its line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from housing_kit.errors import ContentError
from housing_kit.loader import load_event, load_topics

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"
SAMPLE = (FIXTURE / "topics" / "sample.yaml").read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copy(FIXTURE / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "topics").mkdir()
    return tmp_path


def write(project: Path, text: str, name: str = "sample.yaml") -> None:
    (project / "topics" / name).write_text(text, encoding="utf-8")


def problems(project: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_topics(project)
    return [str(p) for p in info.value.problems]


def test_good_topic_loads_with_languages_from_mkdocs_yml(project):
    write(project, SAMPLE)
    library = load_topics(project)
    assert library.codes == ("pl", "en")
    topic = library.find("probka")  # an alias
    assert topic.slug == "sample"
    assert topic.title == {"pl": "Próbny temat", "en": "Sample topic"}
    assert topic.figures[0].rows == [[2019, 30330]]


def test_missing_translation_names_file_line_and_field(project):
    write(project, SAMPLE.replace("      en: Speaker notes.\n", ""))
    assert problems(project) == ["topics/sample.yaml:18: sections[0].notes: missing 'en' translation"]


def test_empty_translation_is_an_error_not_a_fallback(project):
    write(project, SAMPLE.replace("title: {pl: Próbny temat, en: Sample topic}", "title: {pl: Próbny temat, en: ''}"))
    assert problems(project) == ["topics/sample.yaml:6: title: empty 'en' translation"]


def test_plain_string_where_translations_are_expected(project):
    write(project, SAMPLE.replace("title: {pl: Próbny temat, en: Sample topic}", "title: Próbny temat"))
    assert problems(project) == [
        "topics/sample.yaml:6: title: expected one text per language (e.g. {pl: ..., en: ...}), got a single text"
    ]


def test_unknown_key_is_reported_as_a_typo(project):
    write(project, SAMPLE.replace("order: 1\n", "order: 1\nsumary: x\n"))
    assert problems(project) == [
        "topics/sample.yaml:5: sumary: unknown key (a typo?); see the schema for the keys allowed here"
    ]


def test_yaml_syntax_error_names_the_line(project):
    write(project, SAMPLE.replace("order: 1\n", "order: [1\n"))
    (message,) = problems(project)
    assert message.startswith("topics/sample.yaml:5: YAML syntax error:")


def test_duplicate_key_is_reported(project):
    write(project, SAMPLE.replace("order: 1\n", "order: 1\norder: 2\n"))
    assert problems(project) == ["topics/sample.yaml:5: order: duplicate key; the earlier value would be lost"]


def test_malformed_date_and_url(project):
    text = SAMPLE.replace("reviewed: 2026-11-20", "reviewed: 2026-13-01").replace(
        "https://example.org/a", "example.org/a"
    )
    write(project, text)
    found = problems(project)
    assert found[0] == "topics/sample.yaml:5: reviewed: '2026-13-01' is not a valid date; write it as YYYY-MM-DD"
    assert found[1].startswith("topics/sample.yaml:42: sources[0].url: 'example.org/a' is not a valid URL")


def test_citation_of_unknown_source(project):
    write(project, SAMPLE.replace("cites: [src-a]", "cites: [src-b]"))
    assert problems(project) == [
        "topics/sample.yaml:21: sections[0].cites[0]: unknown source 'src-b'; known sources: src-a"
    ]


def test_inline_citation_of_unknown_source(project):
    write(project, SAMPLE.replace("[@src-a].\n      en:", "[@nope].\n      en:"))
    assert problems(project) == [
        "topics/sample.yaml:14: sections[0].body.pl: cites unknown source [@nope]; known sources: src-a"
    ]


def test_unknown_figure_kind_points_at_kind(project):
    write(project, SAMPLE.replace("kind: table", "kind: tabel"))
    assert problems(project) == [
        "topics/sample.yaml:25: figures[0].kind: unknown kind 'tabel'; "
        "use one of 'table', 'chart', 'typology', 'ladder', 'list', 'paths', 'flow', 'timeline', 'hub'"
    ]


def test_table_row_with_wrong_cell_count(project):
    write(project, SAMPLE.replace("      - [2019, 30330]", "      - [2019, 30330, 5]"))
    assert problems(project) == ["topics/sample.yaml:30: figures[0].rows: row 1 has 3 cells but there are 2 columns"]


def test_duplicate_slugs_across_files_are_reported(project):
    write(project, SAMPLE)
    write(project, SAMPLE.replace("aliases: [probka]", "aliases: []"), name="copy.yaml")
    assert problems(project) == ["topics/sample.yaml:2: slug: 'sample' is already used by topics/copy.yaml:2"]


def test_all_problems_are_reported_at_once(project):
    write(project, SAMPLE.replace("      en: Speaker notes.\n", "").replace("order: 1\n", "order: 1\nsumary: x\n"))
    write(project, "slug: [", name="broken.yaml")
    found = problems(project)
    assert len(found) == 3
    assert found[0].startswith("topics/broken.yaml:1: YAML syntax error")


def test_third_language_needs_only_the_setting_and_translations(project):
    settings = (project / "mkdocs.yml").read_text() + "        - locale: cs\n          name: Čeština\n"
    (project / "mkdocs.yml").write_text(settings, encoding="utf-8")
    write(project, SAMPLE)
    found = problems(project)
    assert "topics/sample.yaml:6: title: missing 'cs' translation" in found


def test_unknown_topic_lists_the_topics(project):
    write(project, SAMPLE)
    with pytest.raises(ContentError, match=r"no topic called 'nope'\. Topics: sample \(also: probka\)"):
        load_topics(project).find("nope")


def test_event_with_unknown_topic_and_language(project):
    write(project, SAMPLE)
    event = project / "visit.yaml"
    event.write_text(
        "host: MOPS\ncity: Radom\ndate: 2013-11-14\nlanguage: de\ntopics: [sample, nope]\n"
        "status: held\naudience: {kind: mops}\n"
    )
    with pytest.raises(ContentError) as info:
        load_event(event, load_topics(project))
    assert [str(p) for p in info.value.problems] == [
        "visit.yaml:4: language: 'de' is not one of the site's languages (pl, en)",
        "visit.yaml:5: topics[1]: no topic called 'nope'. Topics: sample (also: probka)",
    ]
