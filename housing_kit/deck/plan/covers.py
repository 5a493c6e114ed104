"""Cover slides: the title slide, the closing slide and a combined deck's dividers.

Covers never continue onto another slide, so their text is fitted by
stepping the size down a little; details that do not fit the area under
the subtitle move into the subtitle placeholder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from ...formatting import format_date
from ...library import Library
from ...models import Event, Topic
from ...text_origin import quote
from .context import Context, Where
from .fit import Para, Span, fits, para
from .geometry import Box
from .qr import qr_png
from .specs import PictureSpec, SlideSpec, TextBlock


def site_url(library: Library, lang: str) -> str:
    """The site's home page in ``lang``: the default language at the root, others under /<lang>/."""
    base = library.settings.site_url.rstrip("/") + "/"
    return base if lang == library.default_language.code else f"{base}{lang}/"


def cover_slide(
    ctx: Context, title: str, subtitle: str, date: dt.date | None, event: Event | None, topics: Sequence[Topic]
) -> SlideSpec:
    """The title slide: the presenting organisation, for an event the host and the city
    (once), and the date of the talk when there is one."""
    g, sizes = ctx.geometry, ctx.theme.type
    org = ctx.library.settings.organisation.short_name
    when = format_date(date, ctx.library.label("months", ctx.lang)) if date else ""
    details = [f"{ctx.label('presented_by')}: {org}" if org else ""]
    if event:  # the host names its city often ("MOPS w Radomiu"): the city stands once, before the date
        details += [f"{ctx.label('host')}: {event.host}", ", ".join(filter(None, [event.city, when]))]
    else:
        details.append(when)
    body = [para(subtitle, sizes.cover_subtitle.pt)] if subtitle else []
    detail_paras = [para(ctx.text(d), sizes.cover_details.pt, space_before=4.0) for d in details if d]
    shapes: tuple = ()
    box = g.cover_details
    if box and fits(detail_paras, *ctx.inner(box)):
        shapes = (TextBlock(box, tuple(detail_paras), "Presenter and date"),)
    else:  # the template leaves no room under the subtitle: details join the subtitle
        body += [replace(p, space_before=10.0 if i == 0 else 4.0) for i, p in enumerate(detail_paras)]
    notes = [ctx.tr(t.summary) for t in topics]
    if event:
        notes = [audience_note(ctx, event), ctx.text(event.notes or ""), *notes]
    return SlideSpec(
        "cover",
        "cover",
        title,
        ctx.title_size(title, g.cover_title, sizes.cover_title, (topics[0].slug, ("title", ctx.lang))),
        notes="\n\n".join(filter(None, notes)),
        body=tuple(_fit_or_trim(body, ctx, g.cover_subtitle, (topics[0].slug, ("subtitle", ctx.lang)))),
        shapes=shapes,
    )


def audience_note(ctx: Context, event: Event) -> str:
    """A short paragraph for the presenter: who will be in the room."""
    audience = event.audience
    parts = [ctx.label(f"kind_{audience.kind}")]
    if audience.size:
        parts.append(ctx.label("about_people").format(n=audience.size))
    if audience.description:
        parts.append(ctx.text(audience.description))
    return f"{ctx.label('audience_note')} {', '.join(parts)}."


QR_SIZE = 136.0  # points (4.8 cm): scans from a phone across a meeting room


def closing_slide(ctx: Context, topics: Sequence[Topic]) -> SlideSpec:
    """Questions and contact: the organisation, its partner, how to reach it, and, once the
    site has a real address, the topic's page with a QR code to it."""
    settings, sizes = ctx.library.settings, ctx.theme.type
    org = settings.organisation
    size = sizes.cover_details.pt
    body = []
    if org.email:
        body.append(Para((Span(f"{ctx.label('email')}: "), Span(org.email, link=f"mailto:{org.email}")), size))
    if org.phone:
        body.append(para(ctx.text(f"{ctx.label('phone')} {org.phone}"), size, space_before=4))
    details = [Para((Span(ctx.text(org.display_name), bold=True),), size)]
    if org.partner:
        details.append(para(ctx.text(f"{ctx.label('partner')}: {org.partner}"), size, space_before=4))
    if org.address:
        details.append(para(ctx.text(org.address), size, space_before=4))
    page = topic_url(ctx.library, ctx.lang, topics[0] if len(topics) == 1 else None)
    box = ctx.geometry.cover_details
    shapes: list = []
    if page and box:
        shown = page.split("://", 1)[-1]
        details.append(Para((Span(shown, link=page, colour="hlink"),), size, space_before=8))
        side = min(QR_SIZE, box.h)
        shapes.append(
            PictureSpec(
                Box(box.right - side, box.y + (box.h - side) / 2, side, side),
                qr_png(page),
                "QR code",
                f"{ctx.library.label('qr_alt', ctx.lang)} {page}",
            )
        )
        box = Box(box.x, box.y, box.w - side - ctx.geometry.gap, box.h)
    if box and fits(details, *ctx.inner(box)):
        shapes.insert(0, TextBlock(box, tuple(details), "Organisation and contact"))
    else:
        body += [replace(p, space_before=6) for p in details]
    title = ctx.label("questions_contact")
    return SlideSpec(
        "cover",
        "closing",
        title,
        ctx.title_size(title, ctx.geometry.cover_title, sizes.cover_title),
        notes=ctx.label("closing_notes"),
        body=tuple(_fit_or_trim(body, ctx, ctx.geometry.cover_subtitle)),
        shapes=tuple(shapes),
    )


def topic_url(library: Library, lang: str, topic: Topic | None) -> str:
    """The page a QR code leads to: the topic's page (the site's home for several topics),
    or nothing while ``site_url`` is a placeholder."""
    if library.settings.site_url_is_placeholder:
        return ""
    home = site_url(library, lang)
    return f"{home}topics/{topic.slug}/" if topic else home


def _fit_or_trim(paras: list[Para], ctx: Context, box: Box, where: Where | None = None) -> list[Para]:
    """Cover text at its size, or a step or two smaller (never below 18 pt);
    covers have no continuation, so text that still does not fit is an error."""
    width, height = ctx.inner(box)
    scaled = paras
    for scale in (1.0, 0.9, 0.8):
        scaled = [replace(p, size=max(18.0, round(p.size * scale))) for p in paras]
        if fits(scaled, width, height):
            return scaled
    text = " / ".join(p.text for p in paras)
    ctx.report(where, f"too long for the cover slide: {quote(text)}; shorten it")
    return scaled


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
        ctx.title_size(title, g.section_title, sizes.cover_title, (topic.slug, ("title", ctx.lang))),
        notes=ctx.tr(topic.summary),
        footer=footer,
        body=tuple(_fit_or_trim(body, ctx, box, (topic.slug, ("subtitle", ctx.lang)))),
        topic=topic.slug,
    )
