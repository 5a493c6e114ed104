"""From a presentation request to an event file: ``python build.py request FILE``.

The site's form sends (or lets the visitor save) a readable summary followed by a
machine-readable YAML block that starts with ``# presentation-request v1``. What
reaches the team may be that block as a downloaded ``.yaml`` file, or a whole
e-mail: a raw message (MIME, often quoted-printable), or text pasted from a
reply with ``> `` quoting. All of these are unwrapped here to the same block,
validated as a ``Request`` and written as an ``Event`` with status ``requested``.

The visitor's name, e-mail and phone are personal data. They are written to a
separate file under ``slides/events/private/`` (ignored by git), so the event
file itself can be committed and, once held, published.
"""

from __future__ import annotations

import email
import email.policy
import quopri
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import ContentError, Problem
from .library import Library
from .loader import load_event, parse_model, relative, visit_problems
from .models import Event, Request

MARKER = "# presentation-request v1"
PRIVATE_DIR = "private"

_KEY_LINE = re.compile(r"^([a-z_]+:|\s+-\s|\s+[a-z_]+:|\s*$|#)")
_QP_ESCAPE = re.compile(r"=(?:[0-9A-F]{2}|\r?\n)")
_HEADER = re.compile(r"^[A-Za-z][A-Za-z0-9-]*: ")


@dataclass(frozen=True)
class SavedRequest:
    event_path: Path
    contact_path: Path
    event: Event


def extract_block(text: str) -> tuple[str, int]:
    """The YAML block of a request and the line it starts on in ``text``,
    after undoing e-mail wrapping (MIME, quoted-printable, ``> `` quoting)."""
    text = text.replace("\r\n", "\n")
    if _looks_like_mime(text):
        text = _mime_text(text).replace("\r\n", "\n")
    text = _unquote(text)
    if _QP_ESCAPE.search(text.partition(MARKER)[2]):  # pasted from a raw quoted-printable message
        text = _unquote(quopri.decodestring(text.encode("utf-8")).decode("utf-8", errors="replace"))
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip() == MARKER), None)
    if start is None:
        raise ValueError(f"no request block found: the file must contain the line {MARKER!r} from the site's form")
    block = []
    for line in lines[start:]:
        if not _KEY_LINE.match(line):
            break  # a signature or the quoted rest of a thread
        block.append(line)
    return "\n".join(block).strip() + "\n", start + 1


def _looks_like_mime(text: str) -> bool:
    head = text.split("\n\n", 1)[0].split("\n")
    return len(head) >= 2 and all(_HEADER.match(line) or line[:1] in " \t" for line in head)


def _mime_text(text: str) -> str:
    message = email.message_from_string(text, policy=email.policy.default)
    part = message.get_body(preferencelist=("plain",)) if message.is_multipart() else message
    if part is None:
        return text
    try:
        return str(part.get_content())
    except (LookupError, UnicodeError):
        return text


def _unquote(text: str) -> str:
    """Drop reply quoting (``> ``, ``>> ``) when the request block itself is quoted."""
    if not re.search(r"^(?:> ?)+" + re.escape(MARKER), text, re.MULTILINE):
        return text
    return "\n".join(re.sub(r"^(?:> ?)+", "", line) for line in text.split("\n"))


def read_request(path: Path, library: Library) -> Request:
    """Parse and check a request file; every problem as ``file:line: field: message``."""
    name = relative(path, library.root)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ContentError([Problem(name, None, "", f"cannot read the request: {exc.strerror}")]) from None
    text = raw.decode("utf-8", errors="replace")
    try:
        block, first_line = extract_block(text)
    except ValueError as exc:
        raise ContentError([Problem(name, None, "", str(exc))]) from None
    request, doc, problems = parse_model(name, block, Request, library.codes, first_line)
    if request is not None and doc is not None:
        problems += visit_problems(request.language, request.topics, doc, name, library)
    if problems or request is None:
        raise ContentError(problems)
    return request


def event_file_name(event: Event) -> str:
    """``2027-01-12-radom.yaml``: the date and the city in ASCII, as the events folder names them."""
    folded = unicodedata.normalize("NFKD", event.city.replace("ł", "l").replace("Ł", "L"))
    city = re.sub(r"[^a-z0-9]+", "-", folded.encode("ascii", "ignore").decode().lower()).strip("-") or "visit"
    return f"{event.date.isoformat()}-{city}.yaml"


def save_request(path: Path, library: Library) -> SavedRequest:
    """Write the request as ``slides/events/<date>-<city>.yaml`` (never overwriting) and its
    contact details beside it under ``private/``; return both paths and the checked event."""
    request = read_request(path, library)
    names = library.names()
    slugs = list(dict.fromkeys(names[t.lower()].slug for t in request.topics))
    event = request.to_event().model_copy(update={"topics": slugs})
    events_dir = library.root / "slides" / "events"
    target = events_dir / event_file_name(event)
    contact = events_dir / PRIVATE_DIR / target.name
    for existing in (target, contact):
        if existing.exists():
            raise ContentError(
                [
                    Problem(
                        relative(existing, library.root),
                        None,
                        "",
                        "already exists; not overwritten (is this request saved already? remove or rename that file)",
                    )
                ]
            )
    events_dir.mkdir(parents=True, exist_ok=True)
    _write_new(target, _event_yaml(event))
    try:
        checked = load_event(target, library)  # the file we wrote must read back as valid
    except ContentError:
        target.unlink()
        raise
    contact.parent.mkdir(exist_ok=True)
    _write_new(contact, _contact_yaml(request))
    return SavedRequest(target, contact, checked)


def _write_new(path: Path, text: str) -> None:
    with open(path, "x", encoding="utf-8") as fh:  # "x": fails rather than overwrite
        fh.write(text)


class _Dumper(yaml.SafeDumper):
    """Multi-line notes as a literal block, as an editor would write them; no anchors."""

    def ignore_aliases(self, data: object) -> bool:
        return True


_Dumper.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None),
)


def _event_yaml(event: Event) -> str:
    data = event.model_dump(exclude_none=True)  # dates stay dates: written unquoted
    if not data.get("preferred_dates"):
        data.pop("preferred_dates", None)
    header = (
        "# yaml-language-server: $schema=../../schema/event.schema.json\n"
        "# Saved from a request made on the site. Set the agreed `date`, then `status: confirmed`;\n"
        "# after the visit, `status: held`, and `public: true` with a short `report` to list it on the site.\n"
        "# The requester's contact details are in private/ (not committed).\n"
    )
    return header + yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def _contact_yaml(request: Request) -> str:
    data = {"name": request.contact_person, "email": request.email, "phone": request.phone}
    header = (
        "# Personal data of the person who asked for the visit. Not committed (see .gitignore).\n"
        "# Delete this file once the visit is arranged, or at once if the person asks.\n"
    )
    return header + yaml.safe_dump({k: v for k, v in data.items() if v}, allow_unicode=True, sort_keys=False)
