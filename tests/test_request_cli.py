"""``python build.py request FILE``: a request from the site's form becomes an event, then a deck."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
import yaml

from housing_kit.cli import main
from tests.test_deck_readback import open_deck

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REQUESTS = FIXTURES / "requests"
ROOT = Path(__file__).resolve().parent.parent


def request(project: Path, path: Path) -> int:
    return main(["--root", str(project), "request", str(path)])


@pytest.mark.parametrize("form", ["request.yaml", "email.txt", "email.eml", "pasted-qp.txt", "reply.txt"])
def test_every_form_of_a_request_becomes_the_same_event(project, capsys, form):
    assert request(project, REQUESTS / form) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "wrote slides/events/2027-01-20-lodz.yaml (requested: Miejski Ośrodek Pomocy Społecznej w Łodzi, "
        "Łódź, 2027-01-20; ladder, typology; en)"
    )
    assert out[1] == "wrote slides/events/private/2027-01-20-lodz.yaml (contact details; not committed)"
    assert out[2] == "next: python build.py slides --event slides/events/2027-01-20-lodz.yaml"
    event = yaml.safe_load((project / "slides" / "events" / "2027-01-20-lodz.yaml").read_text(encoding="utf-8"))
    assert event == {
        "date": dt.date(2027, 1, 20),  # the earliest preferred date
        "city": "Łódź",
        "region": "łódzkie",
        "host": "Miejski Ośrodek Pomocy Społecznej w Łodzi",
        "host_kind": "mops",
        "audience": {"kind": "mops", "size": 25},
        "topics": ["ladder", "typology"],  # aliases resolved to slugs
        "language": "en",
        "status": "requested",
        "public": False,
        "preferred_dates": [dt.date(2027, 2, 3), dt.date(2027, 1, 20)],
        "notes": 'Prosimy o przykłady z Belgii: "agencje".\nDziękujemy.',
    }


def test_personal_data_stays_out_of_the_event_file_and_out_of_git(project):
    assert request(project, REQUESTS / "request.yaml") == 0
    event_text = (project / "slides" / "events" / "2027-01-20-lodz.yaml").read_text(encoding="utf-8")
    assert "zofia@example.pl" not in event_text and "Żółć" not in event_text and "600" not in event_text
    contact = yaml.safe_load((project / "slides" / "events" / "private" / "2027-01-20-lodz.yaml").read_text())
    assert contact == {"name": "Zofia Żółć", "email": "zofia@example.pl", "phone": "+48 600 000 000"}
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", "slides/events/private/2027-01-20-lodz.yaml"], cwd=ROOT, check=False
    )
    assert ignored.returncode == 0


def test_the_saved_request_builds_a_deck_for_that_visit(project, capsys):
    assert request(project, REQUESTS / "email.eml") == 0
    assert main(["--root", str(project), "slides", "--event", "slides/events/2027-01-20-lodz.yaml"]) == 0
    assert "wrote slides/2027-01-20-lodz.en.pptx" in capsys.readouterr().out
    prs = open_deck((project / "slides" / "2027-01-20-lodz.en.pptx").read_bytes())
    cover = " ".join(s.text_frame.text for s in prs.slides[0].shapes if s.has_text_frame)
    assert "Host: Miejski Ośrodek Pomocy Społecznej w Łodzi" in cover
    assert "Łódź, 20 January 2027" in cover
    notes = prs.slides[0].notes_slide.notes_text_frame.text
    assert notes.startswith(
        "For the presenter – the audience: municipal social-welfare centre (MOPS, GOPS, MOPR), about 25"
    )


def test_an_existing_event_is_never_overwritten(project, capsys):
    assert request(project, REQUESTS / "request.yaml") == 0
    before = (project / "slides" / "events" / "2027-01-20-lodz.yaml").read_bytes()
    capsys.readouterr()
    assert request(project, REQUESTS / "email.txt") == 2
    err = capsys.readouterr().err
    assert err.splitlines()[0] == (
        "slides/events/2027-01-20-lodz.yaml: already exists; not overwritten "
        "(is this request saved already? remove or rename that file)"
    )
    assert (project / "slides" / "events" / "2027-01-20-lodz.yaml").read_bytes() == before


def _bad(project: Path, tmp_path: Path, text: str) -> tuple[int, list[str]]:
    path = tmp_path / "bad-request.txt"
    path.write_text(text, encoding="utf-8")
    return request(project, path), sorted((project / "slides" / "events").iterdir())


def _with(**changes: str) -> str:
    lines = (REQUESTS / "request.yaml").read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        key = line.split(":", 1)[0]
        if key in changes:
            if changes[key] is not None:
                out.append(f"{key}: {changes[key]}")
        else:
            out.append(line)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Dzień dobry, prosimy o prezentację w Radomiu.\n",
            "bad-request.txt: no request block found: the file must contain the line "
            "'# presentation-request v1' from the site's form",
        ),
        (_with(email='"not-an-address"'), "bad-request.txt:7: email: 'not-an-address' is not an e-mail address"),
        (_with(topics='["drabina", "nope"]'), "bad-request.txt:10: topics[1]: no topic called 'nope'."),
        (_with(language='"de"'), "bad-request.txt:13: language: 'de' is not one of the site's languages (pl, en)"),
        (
            _with(consent="false"),
            "bad-request.txt:15: consent: the request can be handled only with consent to processing the data "
            "(consent: true)",
        ),
        (_with(city=None), "bad-request.txt:2: city: required key is missing"),
        (
            _with(preferred_dates='["2027-02-30"]'),
            "bad-request.txt:9: preferred_dates[0]: '2027-02-30' is not a valid date",
        ),
        (_with(audience_kind='"school"'), "bad-request.txt:11: audience_kind: input should be 'mops', 'gmina'"),
    ],
)
def test_a_bad_request_gets_one_line_per_problem_and_exit_2(project, tmp_path, capsys, text, message):
    code, events = _bad(project, tmp_path, text)
    err = capsys.readouterr().err.splitlines()
    assert code == 2
    assert err[0].startswith(message)  # the file as the user names it: relative to the project
    assert err[-1] == "1 problem found; nothing was written."
    assert events == []  # nothing written
    assert "Traceback" not in "\n".join(err)


def test_a_missing_request_file_is_named(project, tmp_path, capsys):
    assert request(project, tmp_path / "nope.eml") == 2
    assert capsys.readouterr().err.splitlines()[0] == "nope.eml: cannot read the request: No such file or directory"
