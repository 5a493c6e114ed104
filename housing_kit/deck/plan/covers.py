"""Cover slides: the title slide, the closing slide and a combined deck's dividers.

Covers never continue onto another slide, so their text is fitted by
stepping the size down a little; details that do not fit the area under
the subtitle move into the subtitle placeholder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from ...errors import ContentError
from ...formatting import format_date
from ...library import Library
from ...models import Event, Topic
from ...text_origin import TextProblem, quote
from .context import Context
from .fit import Para, Span, fits, para
from .geometry import Box
from .specs import SlideSpec, TextBlock


def site_url(library: Library, lang: str) -> str:
    """The site's home page in ``lang``: the default language at the root, others under /<lang>/."""
    base = library.settings.site_url.rstrip("/") + "/"
    return base if lang == library.default_language.code else f"{base}{lang}/"


def cover_slide(
    ctx: Context, title: str, subtitle: str, date: dt.date, event: Event | None, topics: Sequence[Topic]
) -> SlideSpec:
    g, sizes = ctx.geometry, ctx.theme.type
    org = ctx.library.settings.organisation.short_name
    when = format_date(date, ctx.label("months"))
    details = [f"{ctx.label('presented_by')}: {org}" if org else ""]
    if event:  # the host names its city often ("MOPS w Radomiu"): the city stands once, before the date
        details += [f"{ctx.label('host')}: {event.host}", f"{event.city}, {when}"]
    else:
        details.append(when)
    body = [para(subtitle, sizes.cover_subtitle.pt)] if subtitle else []
    detail_paras = [para(d, sizes.cover_details.pt, space_before=4.0) for d in details if d]
    shapes: tuple = ()
    box = g.cover_details
    if box and fits(detail_paras, *ctx.inner(box)):
        shapes = (TextBlock(box, tuple(detail_paras), "Presenter and date"),)
    else:  # the template leaves no room under the subtitle: details join the subtitle
        body += [replace(p, space_before=10.0 if i == 0 else 4.0) for i, p in enumerate(detail_paras)]
    notes = " ".join(ctx.tr(t.summary) for t in topics)
    if event:
        notes = "\n\n".join(filter(None, [audience_note(ctx, event), event.notes or "", notes]))
    return SlideSpec(
        "cover",
        "cover",
        title,
        ctx.title_size(title, g.cover_title, sizes.cover_title),
        notes=notes,
        body=tuple(_fit_or_trim(body, ctx, g.cover_subtitle, f"topics/{topics[0].slug}.yaml")),
        shapes=shapes,
    )


def audience_note(ctx: Context, event: Event) -> str:
    """A short paragraph for the presenter: who will be in the room."""
    audience = event.audience
    parts = [ctx.label(f"kind_{audience.kind}")]
    if audience.size:
        parts.append(ctx.label("about_people").format(n=audience.size))
    if audience.description:
        parts.append(audience.description)
    return f"{ctx.label('audience_note')} {', '.join(parts)}."


def closing_slide(ctx: Context, topics: Sequence[Topic]) -> SlideSpec:
    settings, sizes = ctx.library.settings, ctx.theme.type
    url = site_url(ctx.library, ctx.lang)
    body = []
    if settings.contact_email:
        body.append(
            Para(
                (
                    Span(f"{ctx.label('contact')}: "),
                    Span(settings.contact_email, link=f"mailto:{settings.contact_email}"),
                ),
                sizes.cover_details.pt,
            )
        )
    if settings.site_url:
        body.append(Para((Span(f"{ctx.label('site')}: "), Span(url, link=url)), sizes.cover_details.pt, space_before=6))
    title = ctx.label("thank_you")
    pages = [f"{url}topics/{t.slug}/" for t in topics] if settings.site_url else []
    details = [Para((Span(settings.organisation.display_name, bold=True),), sizes.cover_details.pt)]
    details += [
        Para(
            (Span(f"{ctx.label('read_more')}: "), Span(page, link=page, colour="hlink")),
            sizes.cover_details.pt,
            space_before=4,
        )
        for page in pages
    ]
    box = ctx.geometry.cover_details
    shapes = (
        (TextBlock(box, tuple(details), "Organisation and topic pages"),)
        if box and details and fits(details, *ctx.inner(box))
        else ()
    )
    return SlideSpec(
        "cover",
        "closing",
        title,
        ctx.title_size(title, ctx.geometry.cover_title, sizes.cover_title),
        notes=" ".join(filter(None, [settings.organisation.short_name, settings.contact_email, *pages])),
        body=tuple(_fit_or_trim(body, ctx, ctx.geometry.cover_subtitle)),
        shapes=shapes,
    )


def _fit_or_trim(paras: list[Para], ctx: Context, box: Box, where: str = "topics") -> list[Para]:
    """Cover text at its size, or a step or two smaller (never below 18 pt);
    covers have no continuation, so text that still does not fit is an error."""
    width, height = ctx.inner(box)
    for scale in (1.0, 0.9, 0.8):
        scaled = [replace(p, size=max(18.0, round(p.size * scale))) for p in paras]
        if fits(scaled, width, height):
            return scaled
    text = " / ".join(p.text for p in paras)
    longest = max((p.text for p in paras), key=len, default=text)
    message = f"too long for the cover slide: {quote(text)}; shorten it"
    raise ContentError([TextProblem(where, None, "subtitle", message, text=longest)])  # located by build_deck


def divider_slide(ctx: Context, topic: Topic, number: int, count: int, footer: str) -> SlideSpec:
    g, sizes = ctx.geometry, ctx.theme.type
    title = ctx.tr(topic.title)
    body = [Para((Span(f"{number}/{count}", bold=True, colour="accent2"),), sizes.cover_subtitle.pt)]
    if topic.subtitle:
        body.append(para(ctx.tr(topic.subtitle), sizes.cover_subtitle.pt, space_before=6))
    box = g.section_body or g.cover_subtitle
    return SlideSpec(
        "section",
        "section",
        title,
        ctx.title_size(title, g.section_title, sizes.cover_title, (f"topics/{topic.slug}.yaml", "title")),
        notes=ctx.tr(topic.summary),
        footer=footer,
        body=tuple(_fit_or_trim(body, ctx, box, f"topics/{topic.slug}.yaml")),
        topic=topic.slug,
    )
