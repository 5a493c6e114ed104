"""Slides of paragraphs (points, questions, sources, glossary), split when they do not fit."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ...models import Topic
from ..units import Length
from .context import Context, Where
from .figures import caption_block
from .fit import Para, fit_paragraphs
from .geometry import Box
from .specs import Shape, SlideSpec
from .wording import continued, split_notes


def text_slides(
    ctx: Context,
    kind: str,
    title: str,
    build: Callable[[float], list[Para]],
    sizes: Sequence[Length],
    *,
    notes: Sequence[str] | str = (),
    footer: str | None = None,
    caption: str = "",
    topic: Topic | None = None,
    share_notes: bool = True,
    where: Where | None = None,
) -> list[SlideSpec]:
    """A run of content slides for ``build(size)``'s paragraphs: the largest size
    that needs the fewest slides, continuation titles numbered, and the notes'
    paragraphs shared between the slides (split_notes), or each slide the same
    short note (``share_notes=False``: the appendix)."""
    g = ctx.geometry
    body = g.body
    shapes: tuple[Shape, ...] = ()
    if caption:
        block = caption_block(ctx, caption, Box(body.x, body.y, body.w, body.h))
        body = body.shrink_bottom(block.box.h + g.gap)
        shapes = (block,)
    width, height = ctx.inner(body)
    best: list[list[Para]] | None = None
    for size in sizes:
        pages = fit_paragraphs(build(size.pt), width, height)
        if best is None or len(pages) < len(best):
            best = pages
        if len(best) == 1:  # one slide at the largest size that gets there: done
            break
    where = where or ((topic.slug, ("title", ctx.lang)) if topic else None)
    pages = best or [[]]
    paragraphs = [notes] if isinstance(notes, str) else list(notes)
    shares = split_notes(paragraphs, len(pages)) if share_notes else ["\n\n".join(paragraphs)] * len(pages)
    out = []
    for i, (page, share) in enumerate(zip(pages, shares, strict=True), 1):
        page_title = continued(title, i, len(pages), ctx.continued_word)
        out.append(
            SlideSpec(
                "content",
                kind,
                page_title,
                ctx.title_size(page_title, g.title, ctx.theme.type.title, where),
                notes=share,
                footer=footer,
                body=tuple(page),
                shapes=shapes,
                topic=topic.slug if topic else None,
                body_box=body if caption else None,
            )
        )
    return out
