"""Hand-written pages filled from the settings, topics and events: what each marker renders."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import re
from pathlib import Path

import markdown
import pytest
from markupsafe import escape
from mkdocs.exceptions import PluginError

from housing_kit.formatting import plain
from housing_kit.loader import load_topics
from housing_kit.models import AUDIENCE_KINDS, Audience, Event, Organisation, Request
from housing_kit.outputs.downloads import Download
from housing_kit.site.markers import RENDERERS, expand_markers
from housing_kit.site.page_context import PageContext, markdown_text, page_root
from housing_kit.site.request_form import FORM_LIMITS, HONEYPOT, model_limit, render_request_form

from .conftest import FIXTURES, ROOT

LIBRARY = load_topics(ROOT)
HOSTILE = '<script>alert("x")</script> *a* _b_ [c](d) `e` {: .f } & \\ #g | !h'


def context(library=LIBRARY, lang="pl", root="../", visits=(), downloads=()) -> PageContext:
    """A page one folder below its language's home (``contact/``, ``en/contact/``)."""
    return PageContext(library, tuple(visits), tuple(downloads), lang, root, "../")


def with_organisation(library, **changes):
    org = library.settings.organisation.model_copy(update=changes)
    return dataclasses.replace(library, settings=dataclasses.replace(library.settings, organisation=org))


def rendered_text(source: str) -> str:
    """What a reader sees: the Markdown rendered as the site renders it, tags removed."""
    out = markdown.markdown(source, extensions=["attr_list", "md_in_html", "def_list", "tables", "abbr"])
    return html.unescape(re.sub(r"<[^>]+>", "", out))


@pytest.mark.parametrize(
    "text",
    [HOSTILE, "1. not a list", "- not a list", "# not a heading", "> not a quote", "====", ": no definition"],
)
def test_markdown_text_is_shown_literally(text):
    assert rendered_text(f"Before\n{markdown_text(text)}\n") == f"Before\n{text}"
    assert rendered_text(f"### {markdown_text(text)} {{ #x }}").strip() == text


def test_markdown_text_keeps_polish_letters_and_puts_everything_on_one_line():
    assert markdown_text("Łódź,\nŻółć") == "Łódź, Żółć"


def test_page_root_leads_back_to_the_site_root():
    assert page_root("") == ""
    assert page_root("contact/") == "../"
    assert page_root("en/contact/") == "../../"
    assert page_root("en/contact/", "en/") == "../"
    assert page_root("en/", "en/") == ""


def test_unknown_marker_stops_the_build_naming_the_page():
    with pytest.raises(PluginError, match=r"about\.pl\.md: unknown marker 'hk:e-mail'; markers: hk:short-name"):
        expand_markers("Write to <!-- hk:e-mail -->.", context(), "about.pl.md")


def test_other_comments_are_left_alone():
    assert expand_markers("<!-- topic-cards --> <!-- a note -->", context()) == "<!-- topic-cards --> <!-- a note -->"


def test_email_marker_takes_the_address_from_the_settings_and_encodes_the_subject():
    ctx = context(library=with_organisation(LIBRARY, email="zespol@example.org"))
    out = expand_markers('Napisz: <!-- hk:email subject="Dostępność strony" -->.', ctx)
    assert out == (
        'Napisz: <a href="mailto:zespol@example.org?subject=Dost%C4%99pno%C5%9B%C4%87%20strony">zespol@example.org</a>.'
    )


def test_name_and_region_markers_follow_the_settings_and_the_language():
    library = with_organisation(LIBRARY, short_name="ABC", full_name="Fundacja Ą*B")
    assert expand_markers("<!-- hk:short-name -->", context(library)) == "ABC"
    assert rendered_text(expand_markers("<!-- hk:name -->", context(library))) == "Fundacja Ą*B (ABC)"
    region = LIBRARY.settings.organisation.region
    assert expand_markers("<!-- hk:region -->", context(lang="en")) == markdown_text(region["en"])


def test_organisation_details_show_only_what_is_set():
    bare = with_organisation(LIBRARY, phone="", address="", partner="")
    out = expand_markers("<!-- hk:organisation -->", context(bare))
    assert "Telefon" not in out and "Adres" not in out and "Partner" not in out
    assert LIBRARY.settings.organisation.short_name in out
    full = with_organisation(
        LIBRARY, phone="+48 22 000 00 00", address="ul. Prosta 1, 00-001 Warszawa", partner="Misja"
    )
    out = expand_markers("<!-- hk:organisation -->", context(full, lang="en"))
    assert '<dt>Phone</dt>\n<dd><a href="tel:+48220000000">+48 22 000 00 00</a></dd>' in out
    assert "<dt>Postal address</dt>\n<dd>ul. Prosta 1, 00-001 Warszawa</dd>" in out
    assert "<dt>Partner</dt>\n<dd>Misja</dd>" in out


def test_organisation_details_are_escaped():
    library = with_organisation(LIBRARY, short_name="<b>X</b>", address=HOSTILE)
    out = expand_markers("<!-- hk:organisation -->", context(library))
    assert "<script>" not in out and "<b>X" not in out
    assert "&lt;b&gt;X&lt;/b&gt;" in out


def downloads_for(slug: str) -> list[Download]:
    return [
        Download(slug, "pl", "pptx", Path(f"/x/{slug}.pl.pptx"), 2048),
        Download(slug, "pl", "pdf", Path(f"/x/{slug}.pl.pdf"), 4096),
        Download(slug, "en", "pptx", Path(f"/x/{slug}.en.pptx"), 2048),
    ]


def test_offer_lists_every_topic_with_its_decks_and_a_request_link():
    ans = LIBRARY.find("ans")
    out = expand_markers("<!-- hk:offer -->", context(root="../", downloads=downloads_for("ans")))
    for topic in LIBRARY.topics:
        assert f"{{ #offer-{topic.slug} }}" in out
        assert f'href="../contact/?topic={topic.slug}#request-form">Zamów tę prezentację</a>' in out
        assert f'<a href="../topics/{topic.slug}/">Więcej o temacie</a>' in out
    start = out.index(f"### {markdown_text(ans.title['pl'])} {{ #offer-ans }}")
    section = out[start : out.index("\n### ", start)]
    assert '<a href="../downloads/ans.pl.pptx" download' in section and "PPTX" in section
    assert '<a href="../downloads/ans.pl.pdf" download type="application/pdf">PDF' in section
    assert "ans.en.pptx" not in section  # only the page's language


def test_offer_in_english_links_english_pages_and_the_site_root_downloads():
    out = expand_markers("<!-- hk:offer -->", context(lang="en", root="../../", downloads=downloads_for("ans")))
    assert 'href="../contact/?topic=ans#request-form">Request this presentation</a>' in out
    assert 'href="../../downloads/ans.en.pptx"' in out and "ans.pl.pptx" not in out


def test_offer_escapes_text_from_topic_files():
    topic = LIBRARY.topics[0]
    hostile = topic.model_copy(update={"title": {"pl": HOSTILE, "en": HOSTILE}, "summary": {"pl": HOSTILE, "en": "x"}})
    library = dataclasses.replace(LIBRARY, topics=(hostile,))
    out = expand_markers("<!-- hk:offer -->", context(library))
    assert "<script>" not in out and '<a href="d">' not in out
    heading, summary = out.split("\n\n")[:2]
    assert rendered_text(heading).strip() == HOSTILE
    assert rendered_text(summary).strip() == plain(HOSTILE)  # a summary is Markdown: shown as plain text


def visit(date: str, city: str, topics: list[str], **extra) -> Event:
    return Event(
        date=dt.date.fromisoformat(date),
        city=city,
        host=extra.pop("host", f"MOPS {city}"),
        audience=Audience(kind="mops", size=extra.pop("size", 20)),
        topics=topics,
        language="pl",
        status="held",
        public=True,
        report={"pl": f"Relacja {city}.", "en": f"Report {city}."},
        **extra,
    )


def test_past_visits_newest_first_in_the_page_language_with_linked_topics():
    visits = [visit("2014-05-01", "Siedlce", ["sra", "hf"]), visit("2013-11-14", "Radom", ["ans"])]
    out = expand_markers("<!-- hk:past-visits -->", context(lang="en", root="../../", visits=visits))
    assert out.index("Siedlce") < out.index("Radom")
    assert '### <time datetime="2014-05-01">1 May 2014</time>, Siedlce' in out
    assert '<p class="hk-visit-report">Report Siedlce.</p>' in out and "Relacja" not in out
    titles = [LIBRARY.find(name).title["en"] for name in ("ans", "housing-first")]
    assert f'<a href="../topics/ans/">{titles[0]}</a>, <a href="../topics/housing-first/">' in out
    assert "<dd>about 20 people</dd>" in out


def test_past_visits_are_escaped_and_say_so_when_there_are_none():
    out = expand_markers(
        "<!-- hk:past-visits -->", context(visits=[visit("2014-05-01", "<i>X</i>", ["ans"], host=HOSTILE)])
    )
    assert "<script>" not in out and "<i>X" not in out
    assert LIBRARY.label("visits_none", "pl") in expand_markers("<!-- hk:past-visits -->", context())


def form_html(library=LIBRARY, lang="pl") -> str:
    return render_request_form(context(library, lang=lang), {})


def test_form_fields_are_the_keys_of_the_request_model():
    names = set(re.findall(r'\bname="([^"]+)"', form_html()))
    assert names == set(Request.model_fields)
    endpoint = with_organisation(LIBRARY, form_endpoint="https://forms.example.org/f/1")
    assert set(re.findall(r'\bname="([^"]+)"', form_html(endpoint))) == names | {HONEYPOT}


def test_form_limits_are_within_what_the_model_accepts():
    for field, limit in FORM_LIMITS.items():
        assert 0 < limit <= model_limit(field), field
        assert f'name="{field}"' in form_html()


def test_form_offers_every_topic_kind_and_language():
    out = form_html(lang="en")
    for topic in LIBRARY.topics:
        assert f'name="topics" value="{topic.slug}"' in out
        assert html.escape(topic.title["en"], quote=False) in out
    for kind in AUDIENCE_KINDS:
        assert out.count(f'<option value="{kind}">{escape(LIBRARY.label("kind_" + kind, "en"))}</option>') == 2
    assert 'value="en" checked' in out and 'lang="pl-PL">Polski</label>' in out


def test_form_is_configured_by_data_attributes_only():
    out = form_html()
    assert "<script" not in out
    assert not re.search(r"\son[a-z]+=", out), "no inline event handlers"
    aliases = json.loads(html.unescape(re.search(r'data-aliases="([^"]*)"', out).group(1)))
    assert aliases["sra"] == aliases["san"] == aliases["ans"] == "ans"
    assert aliases["hf"] == "housing-first"
    text = json.loads(html.unescape(re.search(r'data-text="([^"]*)"', out).group(1)))
    assert text["mail_subject"] == "Prośba o prezentację" and text["months"].startswith("stycznia")
    assert f'data-email="{LIBRARY.settings.organisation.email}"' in out and 'data-endpoint=""' in out
    assert " hidden novalidate" in out  # the form appears only when its script runs


def test_form_without_javascript_says_what_to_send_and_where():
    out = form_html(lang="en")
    plain = out[out.index("data-hk-request-plain") : out.index("<form")]
    email = LIBRARY.settings.organisation.email
    assert f'Please write to <a href="mailto:{email}?subject=Presentation%20request">{email}</a>' in plain
    assert plain.count("<li>") == 6
    assert "we will ask for your consent first" in plain


def test_privacy_notice_names_the_organisation_and_the_endpoint_host():
    library = with_organisation(LIBRARY, full_name="Fundacja <X>", form_endpoint="https://forms.example.org/f/1")
    out = form_html(library, lang="pl")
    assert "Dane ze zgłoszenia otrzymuje Fundacja &lt;X&gt; (KMPS)" in out
    assert "przesłane przez serwis forms.example.org." in out


def test_every_marker_is_documented():
    from housing_kit.site import markers

    for name in RENDERERS:
        assert f"``hk:{name}``" in markers.__doc__


def test_fixture_settings_render_without_optional_values():
    library = load_topics(FIXTURES / "minimal")
    out = expand_markers("<!-- hk:organisation --> <!-- hk:email -->", context(library))
    assert "Test NGO" in out and "team@example.org" in out and "Partner" not in out
    assert isinstance(library.settings.organisation, Organisation)
