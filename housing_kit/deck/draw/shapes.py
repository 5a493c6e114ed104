"""Text boxes, auto shapes (ladder steps, list badges) and pictures drawn as planned."""

from __future__ import annotations

import io

from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn

from ..plan.geometry import Geometry
from ..plan.specs import PictureSpec, TextBlock
from ..units import box_emu
from .ooxml import describe, mark_decorative, replace_child, solid_fill
from .text import Writer

_SHAPES = {"rounded": MSO_SHAPE.ROUNDED_RECTANGLE, "oval": MSO_SHAPE.OVAL, "rect": MSO_SHAPE.RECTANGLE}


def draw_block(slide, block: TextBlock, writer: Writer, geometry: Geometry) -> None:
    if block.shape == "text":
        shape = slide.shapes.add_textbox(*box_emu(block.box))
    else:
        shape = slide.shapes.add_shape(_SHAPES[block.shape], *box_emu(block.box))
        style = shape._element.find(qn("p:style"))
        if style is not None:  # the default style adds a theme outline and shadow
            shape._element.remove(style)
        sp_pr = shape._element.spPr
        replace_child(sp_pr, solid_fill(block.fill or "lt1", block.fill_brightness), before=("a:ln",))
        sp_pr.append(parse_xml(f"<a:ln {nsdecls('a')}><a:noFill/></a:ln>"))
        if block.shape == "rounded":
            shape.adjustments[0] = min(0.5, block.corner / min(block.box.w, block.box.h))
    describe(shape, block.name, block.descr)
    if not block.paras and not block.descr:
        mark_decorative(shape)  # a bullet mark: nothing for a screen reader to say
    inset_x = 0.0 if block.shape == "oval" else geometry.inset_x
    inset_y = 0.0 if block.shape == "oval" else geometry.inset_y
    writer.frame(
        shape.text_frame._txBody,
        block.paras,
        part=slide.part,
        inset_x=inset_x,
        inset_y=inset_y,
        anchor=block.anchor,
        colour=block.colour,
    )


def draw_picture(slide, picture: PictureSpec) -> None:
    """A PNG picture with its alt text (python-pptx names the image part by its hash: reproducible)."""
    shape = slide.shapes.add_picture(io.BytesIO(picture.data), *box_emu(picture.box))
    describe(shape, picture.name, picture.descr)
