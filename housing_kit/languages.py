"""The site's languages, read from the one place they are set: the i18n
plugin's settings in ``mkdocs.yml``.

Adding a language means adding it there and translating every string; the
loader then reports each missing translation by file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from pydantic import ValidationError

from .errors import ContentError, Problem
from .models import Organisation


@dataclass(frozen=True)
class Language:
    code: str  # "pl", as used in YAML keys and file suffixes
    name: str  # "Polski", as shown in the language switch
    default: bool
    tag: str  # BCP 47 tag for documents and decks, e.g. "pl-PL"


# Region tags for the languages we know; a new language without an entry
# here falls back to its bare code, which is still a valid BCP 47 tag.
_REGION_TAGS = {"pl": "pl-PL", "en": "en-GB", "cs": "cs-CZ", "uk": "uk-UA", "de": "de-DE"}


def language_tag(code: str) -> str:
    """The BCP 47 tag for a two-letter language code: ``pl`` -> ``pl-PL``; unknown codes stay bare."""
    return _REGION_TAGS.get(code, code)


class _LenientLoader(yaml.SafeLoader):
    """mkdocs.yml may hold ``!!python/name`` or ``!ENV`` tags; we only need
    plain settings from it, so unknown tags load as ``None``."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net")


@dataclass(frozen=True)
class SiteSettings:
    """The site-wide settings a deck or page needs, from mkdocs.yml."""

    site_url: str
    organisation: Organisation
    site_name: dict[str, str]  # per language code

    @property
    def contact_email(self) -> str:
        return self.organisation.email

    @property
    def site_url_is_placeholder(self) -> bool:
        """True while `site_url` is empty or still points at an example domain."""
        host = urlsplit(self.site_url).hostname or ""
        return not host or any(host == p or host.endswith("." + p) for p in PLACEHOLDER_HOSTS)


def load_settings(mkdocs_yml: Path, languages: tuple[Language, ...]) -> SiteSettings:
    config = read_mkdocs_config(Path(mkdocs_yml))
    extra = config.get("extra") or {}
    names = {lang.code: config.get("site_name", "") for lang in languages}
    for entry in i18n_settings(config).get("languages") or []:
        if entry.get("site_name") and entry.get("locale") in names:
            names[entry["locale"]] = entry["site_name"]
    try:
        organisation = Organisation.model_validate(
            extra.get("organisation") or {}, context={"languages": tuple(lang.code for lang in languages)}
        )
    except ValidationError as exc:
        raise ContentError(
            [
                Problem(str(mkdocs_yml), None, "extra.organisation." + ".".join(map(str, err["loc"])), err["msg"])
                for err in exc.errors(include_url=False)
            ]
        ) from None
    return SiteSettings(site_url=config.get("site_url") or "", organisation=organisation, site_name=names)


@lru_cache(maxsize=8)
def read_mkdocs_config(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_LenientLoader) or {}
    except OSError as exc:
        raise ContentError([Problem(str(path), None, "", f"cannot read the site settings: {exc.strerror}")]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise ContentError([Problem(str(path), line, "", f"YAML syntax error: {exc}")]) from None


def i18n_settings(config: dict) -> dict:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"] or {}
    return {}


def load_languages(mkdocs_yml: Path) -> tuple[Language, ...]:
    """The languages every visible string must have, default language first."""
    settings = i18n_settings(read_mkdocs_config(Path(mkdocs_yml)))
    langs = [
        Language(
            code=entry["locale"],
            name=entry.get("name", entry["locale"]),
            default=bool(entry.get("default")),
            tag=language_tag(entry["locale"]),
        )
        for entry in settings.get("languages") or []
        if entry.get("build", True) and entry.get("locale") not in (None, "null")
    ]
    if not langs:
        raise ContentError([Problem(str(mkdocs_yml), None, "plugins.i18n.languages", "no languages are configured")])
    langs.sort(key=lambda lang: not lang.default)
    return tuple(langs)
