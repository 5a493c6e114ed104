"""Who we are, from ``extra.organisation`` in mkdocs.yml: the values hand-written
pages show through markers, so an address is written once, in the settings.

A value left empty in the settings renders nothing."""

from __future__ import annotations

import re
from urllib.parse import quote

from markupsafe import escape

from ..models import Organisation
from .page_context import PageContext, markdown_text, render_html


def mailto(email: str, subject: str = "") -> str:
    """A ``mailto:`` URL; the subject percent-encoded as UTF-8."""
    return f"mailto:{email}" + (f"?subject={quote(subject, safe='')}" if subject else "")


def tel(phone: str) -> str:
    """A ``tel:`` URL: the number's digits and a leading plus only."""
    return "tel:" + re.sub(r"[^\d+]", "", phone)


def email_link(ctx: PageContext, args: dict[str, str]) -> str:
    """``<!-- hk:email -->`` or ``<!-- hk:email subject="..." -->``: the address as a link."""
    org = ctx.library.settings.organisation
    return f'<a href="{escape(mailto(org.email, args.get("subject", "")))}">{markdown_text(org.email)}</a>'


def short_name(ctx: PageContext, args: dict[str, str]) -> str:
    return markdown_text(ctx.library.settings.organisation.short_name)


def display_name(ctx: PageContext, args: dict[str, str]) -> str:
    return markdown_text(ctx.library.settings.organisation.display_name)


def region(ctx: PageContext, args: dict[str, str]) -> str:
    return markdown_text(ctx.library.settings.organisation.region[ctx.lang])


def details(ctx: PageContext, args: dict[str, str]) -> str:
    """``<!-- hk:organisation -->``: name, partner, e-mail, phone, address and region, as set."""
    org: Organisation = ctx.library.settings.organisation
    return render_html(
        "organisation.html.j2", org=org, lang=ctx.lang, L=ctx.label, mailto=mailto(org.email), tel=tel(org.phone)
    )
