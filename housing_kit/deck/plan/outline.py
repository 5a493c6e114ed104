"""The deck's running order and its text slides, planned without PowerPoint.

A talk, in order: the title slide; (a combined deck: an agenda, and a
divider before each topic); per topic its opening ("why it matters"), the
body (each section's points, then the figures that make its point) and
what a municipality can do; discussion questions; questions and contact;
then, after the closing slide, one appendix (appendix.py). Text that does
not fit its box at the smallest readable size continues on the next slide,
titled 'Title (cd. 2/3)', and the slide's notes are split with it. Figures
are planned in figures.py.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from ...errors import ContentError
from ...library import Library
from ...models import Event, Section, TalkPart, Topic
from .appendix import appendix_slides
from .context import Context, SourceIndex
from .covers import closing_slide, cover_slide, divider_slide
from .figures import figure_slides
from .fit import Para, para
from .geometry import Geometry
from .shapes import _chunks
from .specs import DeckSpec, SlideSpec
from .text_slides import text_slides
from .theme import THEME, Theme
from .wording import continued, split_notes

QUESTIONS_PER_SLIDE = 4


def plan_deck(
    library: Library,
    topics: Sequence[Topic],
    lang: str,
    geometry: Geometry,
    *,
    event: Event | None = None,
    date: dt.date | None = None,
    theme: Theme = THEME,
    glossary: bool = True,
) -> DeckSpec:
    """Every slide of the deck for ``topics`` in ``lang``, measured and split.

    The title slide shows the event's date, else ``date`` (the CLI passes --date or
    today), else none (the site's downloadable decks, which must stay reproducible)."""
    ctx = Context(library, lang, geometry, theme, SourceIndex.of(topics))
    combined = len(topics) > 1
    when = event.date if event else date
    title = " · ".join(ctx.tr(t.title) for t in topics)
    subtitle = ctx.tr(topics[0].subtitle) if not combined else ctx.text(library.settings.site_name.get(lang, ""))
    slides = [cover_slide(ctx, title, subtitle, when, event, topics)]
    if combined:
        slides += agenda_slides(ctx, topics)
    shown: list[tuple[Topic, list]] = []  # the figures each topic's body shows, for the appendix
    for number, topic in enumerate(topics, 1):
        footer = _footer(ctx, topic)
        if combined:
            slides.append(divider_slide(ctx, topic, number, len(topics), footer))
        slides += talk_slides(ctx, topic, "opening", ctx.label("opening"), topic.opening, footer)
        figures = []
        for section in topic.sections:
            if visits_host(section, event):
                continue  # the host's own visit is not an example for the host
            slides += points_slides(ctx, topic, section, footer)
            figures += [topic.figure(figure_id) for figure_id in section.figures]
            for figure_id in section.figures:
                slides += figure_slides(ctx, topic, topic.figure(figure_id), footer)
        for figure in topic.unplaced_figures():
            slides += figure_slides(ctx, topic, figure, footer)
            figures.append(figure)
        shown.append((topic, figures))
        slides += talk_slides(ctx, topic, "actions", ctx.label("actions"), topic.actions, footer)
    general_footer = _footer(ctx, None if combined else topics[0])
    slides += discussion_slides(ctx, topics, general_footer)
    slides.append(closing_slide(ctx, topics))
    slides += appendix_slides(ctx, shown, general_footer, glossary=glossary)
    if ctx.problems:  # every problem of the deck at once, in file order
        raise ContentError(ctx.problems)
    return DeckSpec(
        title=title,
        subtitle=subtitle,
        lang=lang,
        tag=library.language(lang).tag,
        author=library.settings.organisation.short_name,
        keywords=tuple(dict.fromkeys([*(t.slug for t in topics), *(a for t in topics for a in t.aliases)])),
        date=when or max(t.reviewed for t in topics),
        slides=tuple(unique_titles(ctx, slides)),
    )


def visits_host(section: Section, event: Event | None) -> bool:
    """Whether ``section`` reports a visit to the host of ``event`` (names compared as written)."""

    def norm(name: str) -> str:
        return " ".join(name.split()).casefold()

    return bool(event and section.host and norm(section.host) == norm(event.host))


def _footer(ctx: Context, topic: Topic | None) -> str:
    org = ctx.text(ctx.library.settings.organisation.short_name)
    text = " · ".join(filter(None, [ctx.tr(topic.title) if topic else "", org])) or " "
    return ctx.one_line(text, ctx.geometry.footer, ctx.theme.type.footer.pt)


# ---------------------------------------------------------------- text slides
def agenda_slides(ctx: Context, topics: Sequence[Topic]) -> list[SlideSpec]:
    """A combined deck's agenda: each topic with its sections in a smaller line under it."""

    def build(size: float) -> list[Para]:
        paras = []
        for i, topic in enumerate(topics, 1):
            paras += ctx.body_paras([ctx.tr(topic.title)], size, start=i)
            sections = " · ".join(ctx.tr(s.title) for s in topic.sections)
            paras.append(para(sections, max(18.0, size - 4), indent=paras[-1].indent, space_before=2))
        return paras

    notes = [ctx.tr(t.summary) for t in topics]
    return text_slides(
        ctx, "agenda", ctx.label("agenda"), build, ctx.theme.type.body, notes=notes, footer=_footer(ctx, None)
    )


def talk_slides(ctx: Context, topic: Topic, kind: str, title: str, part: TalkPart, footer: str) -> list[SlideSpec]:
    """The opening or the actions: the part's points as bullets, its notes."""
    points = [ctx.plain(p) for p in part.points]
    return text_slides(
        ctx,
        kind,
        title,
        lambda size: ctx.body_paras(points, size, bullet=True),
        ctx.theme.type.body,
        notes=ctx.paragraphs(part.notes),
        footer=footer,
        topic=topic,
        where=(topic.slug, (kind,)),
    )


def points_slides(ctx: Context, topic: Topic, section: Section, footer: str) -> list[SlideSpec]:
    points = [ctx.plain(p) for p in section.points]
    cites = ctx.cites(topic, section.cites)
    return text_slides(
        ctx,
        "points",
        ctx.tr(section.title),
        lambda size: ctx.body_paras(points, size, bullet=True),
        ctx.theme.type.body,
        notes=ctx.paragraphs(section.notes),
        footer=footer,
        caption=f"{ctx.label('sources')}: {cites}" if cites else "",
        topic=topic,
        where=(topic.slug, ("sections", topic.sections.index(section), "title", ctx.lang)),
    )


def discussion_slides(ctx: Context, topics: Sequence[Topic], footer: str) -> list[SlideSpec]:
    """Every topic's questions, numbered through, at most four a slide; each slide's
    notes are the notes of the topics whose questions it shows (split with them)."""
    asked = [(topic, ctx.plain(q)) for topic in topics for q in topic.discussion.questions]
    chunks = _chunks(asked, QUESTIONS_PER_SLIDE)
    spans: Counter = Counter(topic.slug for chunk in chunks for topic in {t.slug: t for t, _ in chunk}.values())
    shares = {t.slug: split_notes(ctx.paragraphs(t.discussion.notes), spans[t.slug]) for t in topics}
    out, start = [], 1
    for i, chunk in enumerate(chunks, 1):
        on_slide = list({t.slug: t for t, _ in chunk}.values())
        notes = [shares[t.slug].pop(0) for t in on_slide]
        texts = [q for _, q in chunk]
        first = start

        def build(size: float, texts=texts, first=first) -> list[Para]:
            return ctx.body_paras(texts, size, start=first)

        title = continued(ctx.label("discussion"), i, len(chunks), ctx.continued_word)
        topic = on_slide[0] if len(topics) == 1 else None
        out += text_slides(
            ctx, "discussion", title, build, ctx.theme.type.body, notes=notes, footer=footer, topic=topic
        )
        start += len(chunk)
    return out


# ---------------------------------------------------------------- titles
def unique_titles(ctx: Context, slides: list[SlideSpec]) -> list[SlideSpec]:
    """Every slide title different: a title repeated across topics gets its topic's
    title, one repeated within a topic a number: 'Title (2)'."""
    topics = {t.slug: t for t in ctx.library.topics}
    owners: dict[str, set] = {}
    for slide in slides:
        owners.setdefault(slide.title, set()).add(slide.topic)
    out = []
    for slide in slides:
        if len(owners[slide.title] - {None}) > 1 and slide.topic in topics:
            slide = _retitle(ctx, slide, f"{slide.title} – {ctx.tr(topics[slide.topic].title)}")
        out.append(slide)
    seen: Counter = Counter()
    final = []
    for slide in out:
        seen[slide.title] += 1
        if seen[slide.title] > 1:
            slide = _retitle(ctx, slide, f"{slide.title} ({seen[slide.title]})")
        final.append(slide)
    return final


def _retitle(ctx: Context, slide: SlideSpec, title: str) -> SlideSpec:
    box = {"cover": ctx.geometry.cover_title, "section": ctx.geometry.section_title}.get(slide.role, ctx.geometry.title)
    sizes = ctx.theme.type.cover_title if slide.role in ("cover", "section") else ctx.theme.type.title
    return slide.with_title(title, ctx.title_size(title, box, sizes))
