"""Drawing planned slides: one function per slide role, shared helpers below.

Slides are made from the template's layouts so titles sit in real title
placeholders (what screen readers and the outline view use) and bodies in
body placeholders. Footer and slide number are the layout's own
placeholders, copied the way PowerPoint does it, with a real slide-number
field; a template without them gets plain text boxes in the same spots.

python-pptx finds placeholders with an XPath query per shape, which made
placeholder copying and notes pages the slowest part of a build; here each
layout's placeholders are prepared once and copied as XML.
"""

from __future__ import annotations

import copy

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.oxml.shapes.autoshape import CT_Shape
from pptx.parts.slide import NotesSlidePart

from ..plan.fit import Para, Span
from ..plan.geometry import Box, Geometry
from ..plan.specs import DeckSpec, SlideSpec
from ..plan.theme import Theme
from ..units import emu
from .figures import draw
from .ooxml import describe, slide_number_paragraph
from .text import Writer

T = PP_PLACEHOLDER
TITLES = (T.TITLE, T.CENTER_TITLE)
BODIES = (T.BODY, T.OBJECT, T.SUBTITLE)


def render_deck(prs, layouts: dict, deck: DeckSpec, geometry: Geometry, theme: Theme) -> None:
    writer = Writer(theme.font, deck.tag)
    protos = {role: _Prototypes(layout) for role, layout in layouts.items()}
    notes = _NotesMaker(theme.type.notes.pt)
    for number, spec in enumerate(deck.slides, 1):
        rid, slide = prs.part.add_slide(layouts[spec.role])  # no placeholders copied yet
        prs.slides._sldIdLst.add_sldId(rid)
        page = _Page(slide, protos[spec.role], writer, geometry)
        ROLES[spec.role](page, spec)
        for shape in spec.shapes:
            draw(slide, shape, writer, geometry)
        if spec.footer is not None:
            _footer(page, spec.footer, number, theme)
        if spec.notes:
            notes.add(slide, spec.notes, writer)


# ---------------------------------------------------------------- roles
def render_cover(page: _Page, spec: SlideSpec) -> None:
    """Title and closing slides: the title, and the subtitle placeholder's lines."""
    page.title(spec, page.geometry.cover_title)
    page.body(spec, page.geometry.cover_subtitle)


def render_section(page: _Page, spec: SlideSpec) -> None:
    """A topic's divider in a combined deck."""
    page.title(spec, page.geometry.section_title)
    page.body(spec, page.geometry.section_body or page.geometry.cover_subtitle)


def render_content(page: _Page, spec: SlideSpec) -> None:
    """Points, agenda, sources, glossary: paragraphs in the body placeholder."""
    page.title(spec, page.geometry.title)
    page.body(spec, spec.body_box or page.geometry.body, resize=spec.body_box is not None)


def render_figure(page: _Page, spec: SlideSpec) -> None:
    """A figure slide: only the title here; the figure is among the slide's shapes."""
    page.title(spec, page.geometry.title)


ROLES = {"cover": render_cover, "section": render_section, "content": render_content, "figure": render_figure}


# ---------------------------------------------------------------- placeholders
class _Prototypes:
    """A layout's placeholders as empty slide placeholders, ready to copy."""

    NAMES = {T.TITLE: "Title", T.CENTER_TITLE: "Title", T.FOOTER: "Footer", T.SLIDE_NUMBER: "Slide number"}

    def __init__(self, layout):
        self.by_type: dict[object, object] = {}
        for sp in layout.shapes._spTree.iter(qn("p:sp")):  # python-pptx's .placeholders is slow
            if sp.ph is None:
                continue
            kind = sp.ph_type
            name = self.NAMES.get(kind, "Text")
            proto = CT_Shape.new_placeholder_sp(0, name, kind, sp.ph_orient, sp.ph_sz, sp.ph_idx)
            if proto.find(qn("p:txBody")) is None:
                proto.append(parse_xml(f"<p:txBody {nsdecls('p', 'a')}><a:bodyPr/><a:lstStyle/><a:p/></p:txBody>"))
            self.by_type.setdefault(kind, proto)

    def find(self, kinds):
        return next((self.by_type[k] for k in kinds if k in self.by_type), None)


class _Page:
    """One slide being drawn: adds placeholders in reading order, title first."""

    def __init__(self, slide, protos: _Prototypes, writer: Writer, geometry: Geometry):
        self.slide, self.protos, self.writer, self.geometry = slide, protos, writer, geometry
        self.tree = slide.shapes._spTree

    def placeholder(self, kinds):
        proto = self.protos.find(kinds)
        if proto is None:
            return None
        sp = copy.deepcopy(proto)
        # shape ids must be unique on a slide (PowerPoint repairs the file otherwise)
        next_id = max(int(e.get("id")) for e in self.tree.iter(qn("p:cNvPr"))) + 1
        sp.find(f".//{qn('p:cNvPr')}").set("id", str(next_id))
        self.tree.append(sp)
        return sp

    def textbox(self, box: Box, name: str):
        shape = self.slide.shapes.add_textbox(emu(box.x), emu(box.y), emu(box.w), emu(box.h))
        describe(shape, name)
        return shape._element

    def fill(self, sp, paras, **kw) -> None:
        g = self.geometry
        self.writer.frame(
            sp.find(qn("p:txBody")), paras, part=self.slide.part, inset_x=g.inset_x, inset_y=g.inset_y, **kw
        )

    def title(self, spec: SlideSpec, box: Box) -> None:
        sp = self.placeholder(TITLES)
        if sp is None:
            sp = self.textbox(box, "Title")
        # measured as bold; the weight and alignment themselves are the template's
        self.fill(sp, [Para((Span(spec.title),), spec.title_size, align=None)], inherit_bold=True)

    def body(self, spec: SlideSpec, box: Box, resize: bool = False) -> None:
        if not spec.body:
            return
        sp = self.placeholder(BODIES)
        if sp is None:
            sp = self.textbox(box, "Text")
        elif resize:
            _place(sp, box)
        self.fill(sp, list(spec.body), anchor="top")


def _place(sp, box: Box) -> None:
    xfrm = parse_xml(
        f'<a:xfrm {nsdecls("a")}><a:off x="{emu(box.x)}" y="{emu(box.y)}"/>'
        f'<a:ext cx="{emu(box.w)}" cy="{emu(box.h)}"/></a:xfrm>'
    )
    sp_pr = sp.find(qn("p:spPr"))
    for old in sp_pr.findall(qn("a:xfrm")):
        sp_pr.remove(old)
    sp_pr.insert(0, xfrm)


def _footer(page: _Page, text: str, number: int, theme: Theme) -> None:
    """The footer line and the slide number, in the layout's own placeholders if it has them."""
    size, g, writer = theme.type.footer.pt, page.geometry, page.writer
    footer = page.placeholder((T.FOOTER,))
    colour = None
    if footer is None:
        footer, colour = page.textbox(g.footer, "Footer"), "muted"
    writer.frame(
        footer.find(qn("p:txBody")),
        [Para((Span(text),), size)],
        part=page.slide.part,
        inset_x=g.inset_x,
        inset_y=0.0,
        colour=colour,
    )
    holder = page.placeholder((T.SLIDE_NUMBER,))
    if holder is None:
        holder = page.textbox(g.number, "Slide number")
    tx_body = holder.find(qn("p:txBody"))
    writer.frame(tx_body, [], part=page.slide.part, inset_x=g.inset_x, inset_y=0.0)
    for p in tx_body.findall(qn("a:p")):
        tx_body.remove(p)
    tx_body.append(parse_xml(slide_number_paragraph(number, size, writer.tag)))


# ---------------------------------------------------------------- notes
class _NotesMaker:
    """Speaker notes pages. The first comes from python-pptx (which also makes the
    notes master); the rest are copies of it, made without python-pptx's per-page
    placeholder cloning."""

    def __init__(self, size: float):
        self.size = size
        self.proto = None
        self.count = 0

    def add(self, slide, text: str, writer: Writer) -> None:
        if self.proto is None:
            notes = slide.notes_slide
            element, part = notes._element, notes.part
            self.proto = copy.deepcopy(element)
            self.master = part.part_related_by(RT.NOTES_MASTER)
        else:
            element = copy.deepcopy(self.proto)
            name = PackURI(f"/ppt/notesSlides/notesSlide{self.count + 1}.xml")
            part = NotesSlidePart(name, CT.PML_NOTES_SLIDE, slide.part.package, element)
            part.relate_to(self.master, RT.NOTES_MASTER)
            part.relate_to(slide.part, RT.SLIDE)
            slide.part.relate_to(part, RT.NOTES_SLIDE)
        self.count += 1
        body = next(ph for ph in element.iter(qn("p:ph")) if ph.get("type") == "body")
        tx_body = body.getparent().getparent().getparent().find(qn("p:txBody"))
        paras = [Para((Span(p),), self.size, space_before=6.0) for p in text.split("\n\n") if p.strip()]
        writer.paragraphs(tx_body, paras, part=part)
