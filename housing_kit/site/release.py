"""What a release build requires before anything is built: the site's real address.

``site_url`` in mkdocs.yml is the one setting that changes when the site goes
live: canonical links, the sitemap and every deck's closing slide use it.
"""

from __future__ import annotations

from pathlib import Path

from ..languages import load_languages, load_settings


def release_problem(root: Path) -> str | None:
    """One line saying why a release build must not run, or ``None`` when it may."""
    mkdocs_yml = Path(root) / "mkdocs.yml"
    settings = load_settings(mkdocs_yml, load_languages(mkdocs_yml))
    if not settings.site_url_is_placeholder:
        return None
    current = settings.site_url or "empty"
    return (
        f"mkdocs.yml: site_url is a placeholder ({current}); "
        "set it to the address the site will be published at, then build again"
    )
