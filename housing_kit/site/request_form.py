"""The request form on the Contact page: the HTML, and the settings its script reads.

The form is generated from the same models the rest of the kit uses: topics
give the checkboxes, ``AUDIENCE_KINDS`` the kinds of organisation, the site's
languages the language of the talk, and ``extra.organisation`` the address
and the optional endpoint. Its fields are named after the keys of
``models.Request``, which is exactly what the script writes as the YAML
block of the e-mail (and as the JSON of a POST); ``python build.py request``
reads it back.

The script (``docs/assets/javascripts/request-form.js``) is configured only
through ``data-`` attributes, so the page has no inline script.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from ..models import AUDIENCE_KINDS, Request
from .organisation import mailto
from .page_context import PageContext, render_html

FORM_LIMITS: dict[str, int] = {
    "organisation": 120,
    "city": 50,
    "region": 50,
    "contact_person": 70,
    "email": 80,
    "phone": 20,
    "notes": 300,
}
"""Longest text each field accepts (``maxlength``), tighter than the model allows: with
every field this full of ordinary Polish or English text, the e-mail link (with a
shortened summary, never a shortened YAML block) stays under ``MAX_MAILTO``. Text that
encodes longer (every letter accented, say) can still exceed it: the script measures the
link before opening it and, if needed, asks for shorter notes or offers copy/download."""

MAX_MAILTO = 2000
"""A ``mailto:`` URL must stay below this many characters."""

HONEYPOT = "website"
"""Name of the hidden field that only robots fill in (sent as ``_gotcha`` in the JSON)."""

PREFERRED_DATES = 3
REQUIRED_DATES = 2


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    lang: str = ""


def model_limit(field: str) -> int | None:
    """The ``max_length`` the ``Request`` model sets for ``field``."""
    for rule in Request.model_fields[field].metadata:
        limit = getattr(rule, "max_length", None)
        if isinstance(limit, int):
            return limit
    return None


def topic_aliases(ctx: PageContext) -> dict[str, str]:
    """Every name a topic answers to (slug and aliases, lower case) -> its slug, for ``?topic=``."""
    return {name.lower(): topic.slug for name, topic in ctx.library.names().items()}


def script_text(ctx: PageContext) -> dict[str, str]:
    """The wording the script needs, in the page's language."""
    labels = ctx.library.labels
    text = {key: value[ctx.lang] for key, value in labels.items() if key.startswith(("msg_", "mail_", "sum_"))}
    text["months"] = labels["months"][ctx.lang]
    text["about_people"] = labels["about_people"][ctx.lang]
    return text


def render_request_form(ctx: PageContext, args: dict[str, str]) -> str:
    """``<!-- hk:request-form -->``: the form, and what to send without JavaScript."""
    library = ctx.library
    org = library.settings.organisation
    endpoint = org.form_endpoint
    email_link = Markup('<a href="{}">{}</a>').format(mailto(org.email, ctx.label("mail_subject")), org.email)
    return render_html(
        "request_form.html.j2",
        L=ctx.label,
        fill=lambda key, **values: escape(ctx.label(key)).format(**values),
        email_link=email_link,
        lang=ctx.lang,
        org=org,
        endpoint=endpoint,
        endpoint_host=(urlsplit(endpoint).hostname or "") if endpoint else "",
        limits=FORM_LIMITS,
        max_mailto=MAX_MAILTO,
        honeypot=HONEYPOT,
        dates=[(n, n <= REQUIRED_DATES) for n in range(1, PREFERRED_DATES + 1)],
        kinds=[Choice(kind, ctx.label(f"kind_{kind}")) for kind in AUDIENCE_KINDS],
        topics=[Choice(t.slug, t.title[ctx.lang]) for t in library.topics],
        languages=[Choice(lang.code, lang.name, lang.tag) for lang in library.languages],
        aliases=json.dumps(topic_aliases(ctx), ensure_ascii=False, sort_keys=True),
        text=json.dumps(script_text(ctx), ensure_ascii=False, sort_keys=True),
        plain_items=ctx.label("form_plain_items").splitlines(),
    )
