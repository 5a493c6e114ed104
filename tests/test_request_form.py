"""The request form, as a visitor uses it in headless Debian Chromium, in both languages:
validation, the e-mail it prepares, copy, download, ``?topic=``, and the endpoint mode."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import re
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
import yaml

from housing_kit.formatting import format_date
from housing_kit.loader import load_topics
from housing_kit.models import Request
from housing_kit.site.request_form import FORM_LIMITS, MAX_MAILTO
from housing_kit.typography import typeset

from .conftest import ROOT, copy_project

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LIBRARY = load_topics(ROOT)
EMAIL = LIBRARY.settings.organisation.email
MARKER = "# presentation-request v1"
LANGS = {"pl": "", "en": "en/"}
TODAY = dt.date.today()
D1, D2, D3 = (TODAY + dt.timedelta(days=n) for n in (45, 38, 60))


def L(key: str, lang: str, **values: str) -> str:
    text = LIBRARY.label(key, lang)
    return text.format(**values) if values else text


def encode(text: str) -> str:
    """What JavaScript's encodeURIComponent gives."""
    return quote(text, safe="-_.!~*'()")


# ---- serving the sites ---------------------------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve(directory: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _Endpoint(http.server.BaseHTTPRequestHandler):
    """A form service: records every request; answers 200 or 500 as its server is set up to."""

    def log_message(self, *args):
        pass

    def _cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "POST")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")

    def do_OPTIONS(self):  # noqa: N802 (http.server's naming)
        self.server.received.append({"method": "OPTIONS", "path": self.path})
        self.send_response(204)
        self._cors()
        self.end_headers()

    def do_POST(self):  # noqa: N802
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.received.append(
            {"method": "POST", "path": self.path, "type": self.headers.get("Content-Type"), "body": body}
        )
        self.send_response(200 if self.server.accepts else 500)
        self._cors()
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"ok": true}' if self.server.accepts else b'{"error": "unavailable"}')


@contextmanager
def endpoint(accepts: bool):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Endpoint)
    server.accepts, server.received = accepts, []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server, f"http://127.0.0.1:{server.server_address[1]}/requests"
    finally:
        server.shutdown()
        server.server_close()


def build_with_endpoint(root: Path, url: str) -> Path:
    """The project built with ``extra.organisation.form_endpoint`` set, as an editor would set it."""
    from housing_kit.site.build import build_site

    copy_project(root)
    settings = root / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    assert 'form_endpoint: ""' in text
    settings.write_text(text.replace('form_endpoint: ""', f'form_endpoint: "{url}"'), encoding="utf-8")
    return build_site(root, decks=False)


@pytest.fixture(scope="module")
def endpoint_sites(tmp_path_factory):
    """Two sites: one whose endpoint accepts requests, one whose endpoint fails."""
    with endpoint(True) as (accepting, ok_url), endpoint(False) as (failing, bad_url):
        ok_site = build_with_endpoint(tmp_path_factory.mktemp("accepting"), ok_url)
        bad_site = build_with_endpoint(tmp_path_factory.mktemp("failing"), bad_url)
        with serve(ok_site) as ok_base, serve(bad_site) as bad_base:
            yield {"accepting": (ok_base, accepting), "failing": (bad_base, failing)}


@pytest.fixture
def clip_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    yield page
    context.close()


# ---- filling in the form -------------------------------------------------------------------

KNOWN = {
    "organisation": "Miejski Ośrodek Pomocy Społecznej w Łodzi",
    "organisation_kind": "mops",
    "city": "Łódź",
    "region": "łódzkie",
    "contact_person": "Zofia Żółć",
    "email": "zofia@example.pl",
    "phone": "+48 600 000 000",
    "dates": [D1, D2],
    "topics": ["ans", "housing-first"],
    "audience_kind": "ngo",
    "audience_size": "25",
    "language": "en",
    "notes": 'Prosimy o przykłady z Belgii: "agencje".\nDziękujemy.',
}


def open_form(page, base: str, lang: str = "pl", query: str = "") -> None:
    """Open the Contact page and catch the mailto: URL the form would open."""
    page.goto(f"{base}/{LANGS[lang]}contact/{query}")
    page.evaluate(
        """() => {
        window.__mailto = [];
        document.querySelector('form[data-hk-request]').addEventListener('hk-request:mailto', event => {
            event.preventDefault();
            window.__mailto.push(event.detail.url);
        });
    }"""
    )


def fill(page, data: dict) -> None:
    for name in ("organisation", "city", "region", "contact_person", "email", "phone", "audience_size", "notes"):
        if name in data:
            page.fill(f"#hk-rq-{name}", data[name])
    for name in ("organisation_kind", "audience_kind"):
        if name in data:
            page.select_option(f"#hk-rq-{name}", data[name])
    for n, date in enumerate(data.get("dates", []), 1):
        page.fill(f"#hk-rq-date-{n}", date.isoformat() if isinstance(date, dt.date) else date)
    for slug in data.get("topics", []):
        page.check(f"#hk-rq-topic-{slug}")
    if "language" in data:
        page.check(f"#hk-rq-language-{data['language']}")
    if data.get("consent", True):
        page.check("#hk-rq-consent")


def mailtos(page) -> list[str]:
    return page.evaluate("window.__mailto")


def body_of(url: str) -> str:
    return unquote(url.split("&body=", 1)[1])


def request_from(text: str) -> Request:
    """The YAML block, from the marker to the end of the message, as the team's tools read it."""
    block = text[text.index(MARKER) :]
    return Request.model_validate(yaml.safe_load(block))


def shown_errors(page) -> dict[str, str]:
    return dict(
        page.eval_on_selector_all(
            ".hk-error:not([hidden])", "els => els.map(e => [e.id.replace(/^hk-rq-|-error$/g, ''), e.textContent])"
        )
    )


def focused(page) -> str:
    return page.evaluate("document.activeElement.id")


# ---- without JavaScript --------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_page_says_what_to_send_and_where(browser, site_url, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/{LANGS[lang]}contact/")
    assert not page.locator("form[data-hk-request]").is_visible()
    plain = page.locator("[data-hk-request-plain]")
    assert plain.is_visible()
    intro = typeset(L("form_plain_intro", lang, email=EMAIL), lang)  # as the page sets its text
    assert intro in plain.inner_text()
    assert plain.locator("li").count() == 6
    assert plain.get_by_role("link", name=EMAIL).first.get_attribute("href").startswith(f"mailto:{EMAIL}?subject=")
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_with_javascript_the_form_replaces_the_description(page, site_url, lang):
    open_form(page, site_url, lang)
    assert page.locator("form[data-hk-request]").is_visible()
    assert not page.locator("[data-hk-request-plain]").is_visible()
    assert page.get_by_role("button", name=L("form_submit_mailto", lang)).is_visible()
    assert page.locator("#hk-rq-language-" + lang).is_checked()  # the talk's language follows the page


# ---- validation ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_an_empty_form_shows_every_required_message_next_to_its_field(page, site_url, lang):
    open_form(page, site_url, lang)
    page.get_by_role("button", name=L("form_submit_mailto", lang)).click()
    expected = {
        "organisation": "msg_required_organisation",
        "organisation_kind": "msg_required_organisation_kind",
        "city": "msg_required_city",
        "contact_person": "msg_required_contact_person",
        "email": "msg_required_email",
        "date-1": "msg_required_date",
        "date-2": "msg_required_date",
        "topics": "msg_required_topics",
        "audience_kind": "msg_required_audience_kind",
        "consent": "msg_required_consent",
    }
    assert shown_errors(page) == {field: L(key, lang) for field, key in expected.items()}
    assert focused(page) == "hk-rq-organisation"
    for field in expected:
        controls = page.locator(f"[aria-describedby~='hk-rq-{field}-error']")
        assert controls.count() >= 1, field
        for i in range(controls.count()):
            assert controls.nth(i).get_attribute("aria-invalid") == "true"
    assert page.locator("input[name=topics][aria-invalid=true]").count() == len(LIBRARY.topics)
    assert mailtos(page) == []
    # Each message sits next to its field: between the label and the control.
    assert page.evaluate(
        """() => {
        const error = document.getElementById('hk-rq-city-error');
        return error.previousElementSibling.htmlFor === 'hk-rq-city' && error.nextElementSibling.id === 'hk-rq-city';
    }"""
    )


@pytest.mark.parametrize("lang", LANGS)
def test_invalid_values_get_their_own_messages_and_nothing_typed_is_lost(page, site_url, lang):
    open_form(page, site_url, lang)
    data = dict(KNOWN, email="zofia@", phone="dzwonić rano", audience_size="0")
    data["dates"] = [TODAY - dt.timedelta(days=1), D2, D2]
    fill(page, dict(data, consent=False))
    page.get_by_role("button", name=L("form_submit_mailto", lang)).click()
    assert shown_errors(page) == {
        "email": L("msg_invalid_email", lang),
        "phone": L("msg_invalid_phone", lang),
        "date-1": L("msg_past_date", lang),
        "date-3": L("msg_repeated_date", lang),
        "audience_size": L("msg_invalid_audience_size", lang),
        "consent": L("msg_required_consent", lang),
    }
    assert focused(page) == "hk-rq-email"
    for name in ("organisation", "city", "region", "contact_person", "email", "phone", "notes"):
        assert page.input_value(f"#hk-rq-{name}") == data[name], name
    assert page.locator("#hk-rq-topic-ans").is_checked()
    # Focus goes to the first problem that is left.
    page.fill("#hk-rq-email", "zofia@example.pl")
    page.get_by_role("button", name=L("form_submit_mailto", lang)).click()
    assert focused(page) == "hk-rq-phone"
    for size in ("5001", "2.5"):
        page.fill("#hk-rq-audience_size", size)
        page.get_by_role("button", name=L("form_submit_mailto", lang)).click()
        assert shown_errors(page)["audience_size"] == L("msg_invalid_audience_size", lang)
    assert mailtos(page) == []


def test_a_message_goes_as_soon_as_the_field_is_corrected_and_no_new_ones_appear(page, site_url):
    open_form(page, site_url)
    page.get_by_role("button", name=L("form_submit_mailto", "pl")).click()
    assert "organisation" in shown_errors(page)
    page.fill("#hk-rq-organisation", "MOPS")
    errors = shown_errors(page)
    assert "organisation" not in errors and "city" in errors
    assert page.get_attribute("#hk-rq-organisation", "aria-invalid") is None
    assert page.get_attribute("#hk-rq-organisation", "aria-describedby") is None
    page.check("#hk-rq-topic-ethos")
    assert "topics" not in shown_errors(page)
    assert page.locator("input[name=topics][aria-invalid]").count() == 0
    page.fill("#hk-rq-phone", "x")  # a new mistake is reported on the next press, not while typing
    assert "phone" not in shown_errors(page)


# ---- the e-mail ----------------------------------------------------------------------------


def expected_mail(lang: str) -> tuple[str, str]:
    """Subject and body for KNOWN, written out as the team should receive them."""
    titles = "; ".join(LIBRARY.find(slug).title[lang] for slug in ("housing-first", "ans"))  # site order
    dates = f"{format_date(D1, LIBRARY.label('months', lang))}, {format_date(D2, LIBRARY.label('months', lang))}"
    kind, audience = L("kind_mops", lang), L("kind_ngo", lang)
    if lang == "pl":
        summary = [
            "Dzień dobry,",
            "",
            "chcielibyśmy zaprosić Państwa z prezentacją. Szczegóły poniżej.",
            "",
            f"Instytucja: Miejski Ośrodek Pomocy Społecznej w Łodzi – {kind}",
            "Miejscowość: Łódź, łódzkie",
            "Osoba do kontaktu: Zofia Żółć, zofia@example.pl, +48 600 000 000",
            f"Proponowane terminy: {dates}",
            f"Tematy: {titles}",
            f"Słuchacze: {audience}, około 25 osób",
            "Język prezentacji: English",
            'Uwagi: Prosimy o przykłady z Belgii: "agencje". / Dziękujemy.',
            "",
            "Poniższy blok pozwala wczytać zgłoszenie automatycznie – prosimy go nie zmieniać:",
        ]
        subject = "Prośba o prezentację – Łódź"
    else:
        summary = [
            "Hello,",
            "",
            "We would like to invite you to give a presentation. The details are below.",
            "",
            f"Organisation: Miejski Ośrodek Pomocy Społecznej w Łodzi – {kind}",
            "Place: Łódź, łódzkie",
            "Contact: Zofia Żółć, zofia@example.pl, +48 600 000 000",
            f"Preferred dates: {dates}",
            f"Topics: {titles}",
            f"Audience: {audience}, about 25 people",
            "Language: English",
            'Notes: Prosimy o przykłady z Belgii: "agencje". / Dziękujemy.',
            "",
            "The block below lets the team load the request automatically; please leave it unchanged:",
        ]
        subject = "Presentation request – Łódź"
    block = [
        MARKER,
        'organisation: "Miejski Ośrodek Pomocy Społecznej w Łodzi"',
        'organisation_kind: "mops"',
        'city: "Łódź"',
        'region: "łódzkie"',
        'contact_person: "Zofia Żółć"',
        'email: "zofia@example.pl"',
        'phone: "+48 600 000 000"',
        f'preferred_dates: ["{D1.isoformat()}", "{D2.isoformat()}"]',
        'topics: ["housing-first", "ans"]',
        'audience_kind: "ngo"',
        "audience_size: 25",
        'language: "en"',
        'notes: "Prosimy o przykłady z Belgii: \\"agencje\\".\\nDziękujemy."',
        "consent: true",
    ]
    return subject, "\r\n".join(summary + block) + "\r\n"


@pytest.mark.parametrize("lang", LANGS)
def test_the_mailto_url_for_a_known_request_with_polish_letters(page, site_url, lang):
    open_form(page, site_url, lang)
    fill(page, KNOWN)
    page.get_by_role("button", name=L("form_submit_mailto", lang)).click()
    subject, body = expected_mail(lang)
    url = f"mailto:{EMAIL}?subject={encode(subject)}&body={encode(body)}"
    assert mailtos(page) == [url]
    assert len(url) < MAX_MAILTO
    assert "%0D%0A" in url and "+" not in url.split("?", 1)[1].replace("%2B", "")  # spaces are %20, never +
    assert "%C5%81%C3%B3d%C5%BA" in url  # Łódź, as UTF-8
    status = page.locator("[data-hk-status]")
    assert L("msg_mailto_opened", lang, email=EMAIL) in status.inner_text()
    assert status.get_by_role("link", name=L("msg_mailto_again", lang)).get_attribute("href") == url


@pytest.mark.parametrize("lang", LANGS)
def test_the_yaml_block_reads_back_as_a_request_and_an_event(page, site_url, lang):
    open_form(page, site_url, lang)
    fill(page, KNOWN)
    page.get_by_role("button", name=L("form_submit_mailto", lang)).click()
    request = request_from(body_of(mailtos(page)[0]))
    assert request.organisation == KNOWN["organisation"] and request.city == "Łódź"
    assert request.notes == KNOWN["notes"]
    assert request.preferred_dates == [D1, D2] and request.topics == ["housing-first", "ans"]
    event = request.to_event()
    assert (event.date, event.host, event.status, event.language) == (D2, KNOWN["organisation"], "requested", "en")
    assert event.audience.kind == "ngo" and event.audience.size == 25


LONG_TEXT = {
    "pl": "Prosimy o przykłady z Belgii i informacje o finansowaniu agencji najmu społecznego w małych gminach. ",
    "en": "We would like examples from Belgium and details of how social rental agencies are funded in towns. ",
}


def longest(text: str) -> dict:
    """Every field as long as the form allows, with every topic and date."""
    data = {name: (text * (limit // len(text) + 1))[:limit].strip() for name, limit in FORM_LIMITS.items()}
    data["email"] = "a" * (FORM_LIMITS["email"] - len("@example.com")) + "@example.com"
    data["phone"] = "+48 600 123 456 789 012 345"[: FORM_LIMITS["phone"]].strip()
    data["notes"] = (text.strip() + "\n") * (FORM_LIMITS["notes"] // len(text) + 1)
    data["notes"] = data["notes"][: FORM_LIMITS["notes"]].strip()
    return dict(
        data,
        organisation_kind="regional",
        audience_kind="regional",
        audience_size="5000",
        language="pl",
        dates=[D1, D2, D3],
        topics=[t.slug for t in LIBRARY.topics],
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_longest_request_stays_under_2000_characters_with_the_whole_block(page, site_url, lang):
    open_form(page, site_url, lang)
    data = longest(LONG_TEXT[lang])
    fill(page, data)
    for name, limit in FORM_LIMITS.items():  # the browser enforces the limits
        assert len(page.input_value(f"#hk-rq-{name}")) <= limit
    page.fill("#hk-rq-city", data["city"] + "and more")
    assert page.input_value("#hk-rq-city") == data["city"][: FORM_LIMITS["city"]]
    page.get_by_role("button", name=L("form_submit_mailto", lang)).click()
    [url] = mailtos(page)
    assert len(url) < MAX_MAILTO
    body = body_of(url)
    request = request_from(body)
    assert request.organisation == data["organisation"] and request.notes == data["notes"]
    assert len(request.topics) == len(LIBRARY.topics) and len(request.preferred_dates) == 3
    assert body.endswith("consent: true\r\n")
    assert L("sum_notes", lang) + ":" not in body  # the summary was shortened, not the block
    assert body.startswith(L("mail_greeting", lang))


def test_text_too_long_for_a_mail_link_asks_for_shorter_notes_and_the_advice_is_right(page, site_url):
    open_form(page, site_url)
    fill(page, dict(KNOWN, notes="żółć " * 60))
    page.get_by_role("button", name=L("form_submit_mailto", "pl")).click()
    assert mailtos(page) == []
    message = shown_errors(page)["notes"]
    cut = int(re.search(r"\d+", message).group())
    assert message == L("msg_too_long", "pl", n=str(cut))
    assert focused(page) == "hk-rq-notes"
    assert page.get_attribute("#hk-rq-notes", "aria-invalid") == "true"
    notes = page.input_value("#hk-rq-notes").strip()
    page.fill("#hk-rq-notes", notes[: len(notes) - cut + 1])  # one character short of the advice: still too long
    page.get_by_role("button", name=L("form_submit_mailto", "pl")).click()
    assert mailtos(page) == [] and "notes" in shown_errors(page)
    page.fill("#hk-rq-notes", notes[: len(notes) - cut])
    assert "notes" not in shown_errors(page)
    page.get_by_role("button", name=L("form_submit_mailto", "pl")).click()
    [url] = mailtos(page)
    assert len(url) < MAX_MAILTO


def test_when_no_notes_would_be_short_enough_the_message_stands_above_the_buttons(clip_page, site_url):
    page = clip_page
    open_form(page, site_url, "en")
    data = longest("€ż")  # two and three bytes a letter, every one encoded
    fill(page, dict(data, email="zofia@example.pl"))
    page.get_by_role("button", name=L("form_submit_mailto", "en")).click()
    assert mailtos(page) == []
    assert page.inner_text("#hk-rq-form-error") == L("msg_too_long_form", "en")
    assert focused(page) == "hk-rq-form-error"
    # Copying has no length limit: the whole request still reaches the clipboard.
    page.get_by_role("button", name=L("form_copy", "en")).click()
    page.wait_for_function("document.querySelector('[data-hk-status]').textContent.length > 0")
    assert request_from(page.evaluate("navigator.clipboard.readText()")).organisation == data["organisation"]


# ---- copy and download ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_copy_puts_the_full_text_on_the_clipboard(clip_page, site_url, lang):
    page = clip_page
    open_form(page, site_url, lang)
    fill(page, KNOWN)
    page.get_by_role("button", name=L("form_copy", lang)).click()
    page.get_by_text(L("msg_copied", lang, email=EMAIL)).wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == expected_mail(lang)[1].replace("\r\n", "\n")
    assert request_from(copied).to_event().city == "Łódź"
    assert mailtos(page) == []


def test_copy_without_the_clipboard_api_falls_back_to_a_selection(page, site_url):
    page.add_init_script(
        "Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});"
        "window.__copied = 0; document.execCommand = (name) => { window.__copied += name === 'copy'; return true; };"
    )
    open_form(page, site_url, "en")
    fill(page, KNOWN)
    page.get_by_role("button", name=L("form_copy", "en")).click()
    assert page.evaluate("window.__copied") == 1
    assert L("msg_copied", "en", email=EMAIL) in page.inner_text("[data-hk-status]")
    assert focused(page) == ""  # back on the button, which has no id
    assert page.evaluate("document.activeElement.hasAttribute('data-hk-copy')")


def test_when_nothing_can_copy_the_text_is_shown_selected_for_the_visitor(page, site_url):
    page.add_init_script(
        "Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});"
        "document.execCommand = () => false;"
    )
    open_form(page, site_url)
    fill(page, KNOWN)
    page.get_by_role("button", name=L("form_copy", "pl")).click()
    area = page.get_by_label(L("form_copy_area", "pl"))
    assert area.is_visible() and focused(page) == "hk-rq-copy-text"
    assert request_from(area.input_value()).city == "Łódź"
    assert L("msg_copy_manual", "pl", email=EMAIL) in page.inner_text("[data-hk-status]")


@pytest.mark.parametrize("lang", LANGS)
def test_download_saves_the_yaml_block_as_a_file(page, site_url, lang, tmp_path):
    open_form(page, site_url, lang)
    fill(page, KNOWN)
    with page.expect_download() as info:
        page.get_by_role("button", name=L("form_download", lang)).click()
    download = info.value
    name = f"request-{D2.isoformat()}-lodz.yaml"  # the earliest date, the city in ASCII
    assert download.suggested_filename == name
    saved = tmp_path / name
    download.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    assert text.startswith(MARKER + "\n") and "\r" not in text
    event = Request.model_validate(yaml.safe_load(text)).to_event()
    assert (event.city, event.host, event.topics) == ("Łódź", KNOWN["organisation"], ["housing-first", "ans"])
    assert L("msg_downloaded", lang, file=name, email=EMAIL) in page.inner_text("[data-hk-status]")


# ---- ?topic= -------------------------------------------------------------------------------


def ticked(page) -> list[str]:
    return page.eval_on_selector_all("input[name=topics]:checked", "els => els.map(e => e.value)")


@pytest.mark.parametrize(("lang", "slug"), [("pl", "ans"), ("en", "ethos")])
def test_request_link_on_a_topic_page_opens_the_form_with_the_topic_ticked(page, site_url, lang, slug):
    page.goto(f"{site_url}/{LANGS[lang]}topics/{slug}/")
    page.get_by_role("link", name=L("offer_request", lang)).click()
    page.wait_for_url(f"{site_url}/{LANGS[lang]}contact/?topic={slug}#request-form")
    assert ticked(page) == [slug]


@pytest.mark.parametrize("lang", LANGS)
def test_request_links_on_the_presentations_page_tick_their_topic(page, site_url, lang):
    page.goto(f"{site_url}/{LANGS[lang]}presentations/")
    links = page.get_by_role("link", name=L("offer_request", lang))
    assert links.count() == len(LIBRARY.topics)
    links.nth(2).click()
    page.wait_for_url(f"**/{LANGS[lang]}contact/?topic={LIBRARY.topics[2].slug}#request-form")
    assert ticked(page) == [LIBRARY.topics[2].slug]


def test_aliases_in_the_link_tick_the_topic_and_unknown_names_are_ignored(page, site_url):
    open_form(page, site_url, "en", "?topic=SRA")
    assert ticked(page) == ["ans"]
    open_form(page, site_url, "pl", "?topic=hf,typologia-ethos&topic=nie-ma-takiego")
    assert ticked(page) == ["housing-first", "ethos"]


# ---- privacy: nothing leaves before send ---------------------------------------------------


def test_filling_in_the_form_sends_nothing(page, site_url):
    requests: list[str] = []
    open_form(page, site_url)
    page.wait_for_load_state("networkidle")  # the search index and its scripts have loaded
    page.on("request", lambda r: requests.append(r.url))
    fill(page, KNOWN)
    page.get_by_role("button", name=L("form_copy", "pl")).focus()
    assert requests == []


# ---- endpoint mode -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_endpoint_accepts_the_request_as_json_after_send_only(browser, endpoint_sites, lang):
    base, server = endpoint_sites["accepting"]
    server.received.clear()
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    open_form(page, base, lang)
    fill(page, KNOWN)
    assert server.received == [] and all(u.startswith(base) for u in requests)
    page.get_by_role("button", name=L("form_submit_endpoint", lang)).click()
    page.locator("[data-hk-status]").get_by_text(L("msg_sent", lang)).wait_for()
    posts = [r for r in server.received if r["method"] == "POST"]
    assert len(posts) == 1 and posts[0]["type"] == "application/json"
    data = json.loads(posts[0]["body"])
    assert data.pop("_gotcha") == ""  # the honeypot travels, empty, for the service to check
    request = Request.model_validate(data)
    assert request == request_from(expected_mail(lang)[1])
    assert mailtos(page) == []
    page.close()


def test_a_failing_endpoint_keeps_every_value_and_offers_the_email_route(browser, endpoint_sites):
    base, server = endpoint_sites["failing"]
    page = browser.new_page()
    open_form(page, base, "pl")
    fill(page, KNOWN)
    page.get_by_role("button", name=L("form_submit_endpoint", "pl")).click()
    status = page.locator("[data-hk-status]")
    status.get_by_text(L("msg_send_failed", "pl", email=EMAIL)).wait_for()
    assert any(r["method"] == "POST" for r in server.received)
    for name in ("organisation", "city", "region", "contact_person", "email", "phone", "notes"):
        assert page.input_value(f"#hk-rq-{name}") == KNOWN[name]
    assert ticked(page) == ["housing-first", "ans"] and page.locator("#hk-rq-consent").is_checked()
    link = status.get_by_role("link", name=L("msg_send_by_email", "pl"))
    subject, body = expected_mail("pl")
    assert link.get_attribute("href") == f"mailto:{EMAIL}?subject={encode(subject)}&body={encode(body)}"
    assert page.get_by_role("button", name=L("form_copy", "pl")).is_visible()
    page.close()


def test_a_robot_filling_the_honeypot_is_thanked_and_nothing_is_sent(browser, endpoint_sites):
    base, server = endpoint_sites["accepting"]
    server.received.clear()
    page = browser.new_page()
    open_form(page, base, "en")
    trap = page.locator("input[name=website]")
    assert trap.get_attribute("tabindex") == "-1" and trap.bounding_box()["x"] < 0  # out of sight
    assert page.locator(".hk-hp").get_attribute("aria-hidden") == "true"
    fill(page, KNOWN)
    trap.fill("https://spam.example", force=True)
    page.get_by_role("button", name=L("form_submit_endpoint", "en")).click()
    page.locator("[data-hk-status]").get_by_text(L("msg_sent", "en")).wait_for()
    assert server.received == []
    page.close()


def test_the_endpoint_page_says_where_the_data_go(browser, endpoint_sites):
    base, _ = endpoint_sites["accepting"]
    page = browser.new_page()
    page.goto(f"{base}/en/contact/")
    assert L("form_privacy_endpoint", "en", host="127.0.0.1") in page.inner_text(".hk-privacy")
    page.close()
