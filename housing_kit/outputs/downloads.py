"""Every topic's deck in every language, for the site's download links.

Decks are rebuilt only when their inputs change. The inputs of a deck are
hashed (the topic's data, the site settings, the language, its interface
wording, and the deck code itself) and kept in a small manifest beside the
files, so an unchanged topic costs nothing on the next site build. PDFs of
all changed decks are made in one LibreOffice run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..library import Library
from ..models import Topic

MANIFEST = "decks.json"
_DECK_CODE = Path(__file__).resolve().parent.parent / "deck"


@dataclass(frozen=True)
class Download:
    """A file offered on a topic page."""

    slug: str
    lang: str
    kind: Literal["pptx", "pdf"]
    path: Path
    size: int  # bytes

    @property
    def href(self) -> str:
        """Where the site publishes it, relative to the site root."""
        return f"downloads/{self.path.name}"


def list_downloads(out_dir: Path | None) -> list[Download]:
    """The decks in ``out_dir``, found by their names (``<slug>.<lang>.pptx`` / ``.pdf``),
    PPTX before PDF for each topic and language."""
    if out_dir is None or not Path(out_dir).is_dir():
        return []
    found = []
    for path in Path(out_dir).glob("*.*.*"):
        slug, lang, kind = path.name.rsplit(".", 2)
        if kind == "pptx" or kind == "pdf":
            found.append(Download(slug, lang, kind, path, path.stat().st_size))
    return sorted(found, key=lambda d: (d.slug, d.lang, d.kind != "pptx"))


def code_fingerprint() -> str:
    """A hash of the deck code (every module of housing_kit.deck, and the number
    formatting and typography shared with the site) and python-pptx's version: a change to the
    look or the layout rules rebuilds every deck."""
    from importlib.metadata import version

    digest = hashlib.sha256(version("python-pptx").encode())
    shared = [_DECK_CODE.parent / name for name in ("formatting.py", "typography.py")]
    for path in [*sorted(_DECK_CODE.rglob("*.py")), *shared]:
        digest.update(path.relative_to(_DECK_CODE.parent).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def inputs_hash(library: Library, topic: Topic, lang: str, code: str) -> str:
    """What one deck depends on, hashed."""
    inputs = {
        "topic": topic.model_dump_json(),
        "settings": dataclasses.asdict(library.settings),
        "language": dataclasses.asdict(library.language(lang)),
        "default": library.default_language.code,
        "labels": {key: texts[lang] for key, texts in sorted(library.labels.items())},
        "code": code,
    }
    return hashlib.sha256(
        json.dumps(inputs, sort_keys=True, ensure_ascii=False, default=_jsonable).encode()
    ).hexdigest()


def _jsonable(value: object) -> object:
    """Settings hold pydantic models (the organisation); hash them by their data."""
    dump = getattr(value, "model_dump", None)
    if dump is None:
        raise TypeError(f"cannot hash {type(value).__name__}")
    return dump(mode="json")


def _read_manifest(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_manifest(path: Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def build_downloads(library: Library, out_dir: Path, *, pdf: bool) -> list[Download]:
    """Build what changed into ``out_dir`` (``<slug>.<lang>.pptx`` and ``.pdf``) and list
    every current file. Without ``pdf``, or without LibreOffice, no PDFs are offered
    (and old ones are removed, so the folder and the list agree); the caller warns."""
    from ..deck.build import build_deck
    from .pdf import convert_to_pdf, find_soffice

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest = _read_manifest(out_dir / MANIFEST)
    code = code_fingerprint()
    pdf = pdf and find_soffice() is not None
    current: dict[str, dict] = {}
    waiting: list[tuple[str, Path]] = []
    for topic in library.topics:
        for lang in library.codes:
            key = f"{topic.slug}.{lang}"
            digest = inputs_hash(library, topic, lang, code)
            entry = dict(manifest.get(key) or {})
            deck = out_dir / f"{key}.pptx"
            if entry.get("pptx") != digest or not deck.is_file():
                build_deck(library, [topic], lang).save(deck)
                entry = {"pptx": digest}
            if pdf and (entry.get("pdf") != digest or not (out_dir / f"{key}.pdf").is_file()):
                waiting.append((key, deck))
            current[key] = entry
    if waiting:
        convert_to_pdf([deck for _, deck in waiting], out_dir)
        for key, _ in waiting:
            current[key]["pdf"] = current[key]["pptx"]
    _remove_stale(out_dir, current, pdf)
    _write_manifest(out_dir / MANIFEST, current)
    return list_downloads(out_dir)


def _remove_stale(out_dir: Path, current: dict[str, dict], pdf: bool) -> None:
    """Files of topics or languages that are gone, and PDFs that are not current."""
    for path in out_dir.glob("*.*.*"):
        key, _, kind = path.name.rpartition(".")
        if kind not in ("pptx", "pdf"):
            continue
        entry = current.get(key)
        stale_pdf = kind == "pdf" and (not pdf or not entry or entry.get("pdf") != entry.get("pptx"))
        if entry is None or stale_pdf:
            path.unlink()
