"""Templates: the default one built by code, an organisation's own one mapped by layout names.

The default template starts from python-pptx's built-in (4:3) template and
turns it into a real 16:9 one: the theme gets our palette and fonts, the
master and layouts get our placeholder geometry, text styles and
decorations (cover band, accent rules). Nothing binary is committed; the
bytes are built once per process and reused for every deck.
"""

from __future__ import annotations

import io
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn

from ...errors import ContentError, Problem
from ..plan.geometry import Box, Geometry
from ..plan.theme import ROLE_PURPOSE, SLIDE_HEIGHT, SLIDE_WIDTH, THEME, Theme
from ..units import Cm, Emu, box_emu
from .ooxml import decoration, replace_child, scheme_colour

T = PP_PLACEHOLDER
TITLES = (T.TITLE, T.CENTER_TITLE)
BODIES = (T.BODY, T.OBJECT, T.SUBTITLE)


# ---------------------------------------------------------------- opening
def open_template(path: Path | None, theme: Theme = THEME):
    """A fresh Presentation from ``path`` (its slides removed) or from the default template."""
    if path is None:
        return Presentation(io.BytesIO(default_template_bytes(theme)))
    path = Path(path)
    if not path.is_file() or path.suffix.lower() != ".pptx":
        raise ContentError([Problem(str(path), None, "", "template not found or not a .pptx file")])
    prs = Presentation(str(path))
    sld_ids = prs.slides._sldIdLst
    for sld_id in list(sld_ids):  # a template may carry sample slides; decks start empty
        prs.part.drop_rel(sld_id.rId)
        sld_ids.remove(sld_id)
    return prs


def find_layouts(prs, template_name: str, theme: Theme = THEME) -> dict:
    """Our slide roles -> the template's layouts, looked up by name."""
    layouts = {layout.name: layout for master in prs.slide_masters for layout in master.slide_layouts}
    found, problems = {}, []
    for role, names in theme.layouts.items():
        layout = next((layouts[n] for n in names if n in layouts), None)
        if layout is None:
            wanted = " or ".join(repr(n) for n in names)
            problems.append(
                Problem(
                    template_name,
                    None,
                    "",
                    f"template {Path(template_name).name} has no layout named {wanted} "
                    f"(needed for {ROLE_PURPOSE.get(role, role)}); layouts: {', '.join(layouts) or 'none'}",
                )
            )
        found[role] = layout
    if problems:
        raise ContentError(problems)
    return found


def _placeholder(layout, kinds, idx: int | None = None):
    for ph in layout.placeholders:
        fmt = ph.placeholder_format
        if fmt.type in kinds and (idx is None or fmt.idx == idx):
            return ph
    return None


def _box(shape) -> Box:
    return Box(Emu(shape.left).pt, Emu(shape.top).pt, Emu(shape.width).pt, Emu(shape.height).pt)


def read_geometry(prs, layouts: dict, theme: Theme = THEME) -> Geometry:
    """The boxes of each role, read from the layouts (ours or an organisation's)."""
    m = theme.margins
    width, height = Emu(prs.slide_width).pt, Emu(prs.slide_height).pt
    side, gap = m.side.pt, m.gap.pt
    content, cover, section = layouts["content"], layouts["cover"], layouts["section"]
    title = _placeholder(content, TITLES)
    body_ph = _placeholder(content, BODIES)
    title_box = _box(title) if title else Box(side, m.title_top.pt, width - 2 * side, m.title_height.pt)
    body = _box(body_ph) if body_ph else Box(side, title_box.bottom + gap, width - 2 * side, height * 0.6)
    cover_title_ph = _placeholder(cover, TITLES)
    cover_title = _box(cover_title_ph) if cover_title_ph else title_box
    sub = _placeholder(cover, BODIES)
    cover_sub = _box(sub) if sub else Box(cover_title.x, cover_title.bottom + gap, cover_title.w, 80.0)
    details_top = cover_sub.bottom + 2 * gap
    details_h = height - m.body_bottom.pt - details_top
    details = Box(cover_sub.x, details_top, cover_sub.w, details_h) if details_h >= 60 else None
    section_title_ph = _placeholder(section, TITLES)
    section_body_ph = _placeholder(section, BODIES)
    footer_ph = _placeholder(content, (T.FOOTER,)) or _placeholder(prs.slide_master, (T.FOOTER,))
    number_ph = _placeholder(content, (T.SLIDE_NUMBER,)) or _placeholder(prs.slide_master, (T.SLIDE_NUMBER,))
    foot_y = height - m.footer_bottom.pt - m.footer_height.pt
    return Geometry(
        width=width,
        height=height,
        title=title_box,
        body=body,
        figure=body,
        cover_title=cover_title,
        cover_subtitle=cover_sub,
        cover_details=details,
        section_title=_box(section_title_ph) if section_title_ph else cover_title,
        section_body=_box(section_body_ph) if section_body_ph else None,
        footer=_box(footer_ph) if footer_ph else Box(side, foot_y, width * 0.6, m.footer_height.pt),
        number=_box(number_ph) if number_ph else Box(width - side - 80, foot_y, 80, m.footer_height.pt),
        inset_x=m.text_inset.pt,
        inset_y=m.text_inset_vertical.pt,
        gap=gap,
        cell_pad_x=m.cell_margin.pt,
        cell_pad_y=m.cell_margin_vertical.pt,
        bullet_indent=m.bullet_indent.pt,
    )


# ---------------------------------------------------------------- the default template
_built: dict[int, bytes] = {}


def default_template_bytes(theme: Theme = THEME) -> bytes:
    """Our 16:9 template as .pptx bytes, built from python-pptx's default one (once per theme)."""
    if id(theme) not in _built:
        _built[id(theme)] = _build_default(theme)
    return _built[id(theme)]


def _build_default(theme: Theme) -> bytes:
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    prs.part._element.find(qn("p:sldSz")).attrib.pop("type", None)  # no longer "screen4x3"
    _write_theme(prs, theme)
    keep = {names[0] for names in theme.layouts.values()} | {"Blank"}
    for layout in list(prs.slide_layouts):
        if layout.name not in keep:
            prs.slide_layouts.remove(layout)
    _style_master(prs.slide_master, theme)
    for layout in prs.slide_layouts:
        _style_layout(layout, theme)
    for rel in list(prs.part.package._rels.values()):
        if rel.reltype == RT.THUMBNAIL:  # python-pptx's 4:3 placeholder picture
            prs.part.package.drop_rel(rel.rId)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def _write_theme(prs, theme: Theme) -> None:
    part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    root.set("name", theme.name)
    scheme = root.find(".//" + qn("a:clrScheme"))
    scheme.set("name", theme.name)
    for slot, hex_ in theme.palette.items():
        holder = scheme.find(qn(f"a:{slot}"))
        for child in list(holder):
            holder.remove(child)
        etree.SubElement(holder, qn("a:srgbClr")).set("val", hex_)
    fonts = root.find(".//" + qn("a:fontScheme"))
    fonts.set("name", theme.name)
    for latin in fonts.iter(qn("a:latin")):
        latin.set("typeface", theme.font)
    part.blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _place(shape, box: Box) -> None:
    shape.left, shape.top, shape.width, shape.height = (Emu(v) for v in box_emu(box))


def _list_style(ph, size_pt: float, colour: str, *, bold: bool = False, anchor: str | None = None) -> None:
    """Give a layout placeholder its own text style: size, colour, weight, anchoring."""
    tx_body = ph._element.find(qn("p:txBody"))
    body_pr = tx_body.find(qn("a:bodyPr"))
    if anchor:
        body_pr.set("anchor", anchor)
    style = parse_xml(
        f'<a:lstStyle {nsdecls("a")}><a:lvl1pPr marL="0" indent="0" algn="l"><a:buNone/>'
        f'<a:defRPr sz="{int(size_pt * 100)}" b="{int(bold)}"><a:solidFill>{scheme_colour(colour)}</a:solidFill>'
        "</a:defRPr></a:lvl1pPr></a:lstStyle>"
    )
    replace_child(tx_body, style, before=("a:p",))


class _Frame:
    """The default template's boxes, from theme.Margins."""

    def __init__(self, theme: Theme):
        m, w, h = theme.margins, SLIDE_WIDTH.pt, SLIDE_HEIGHT.pt
        side = m.side.pt
        self.title = Box(side, m.title_top.pt, w - 2 * side, m.title_height.pt)
        self.rule = Box(side, self.title.bottom + m.rule_gap.pt, m.rule_width.pt, m.rule_height.pt)
        self.body = Box(side, m.body_top.pt, w - 2 * side, h - m.body_top.pt - m.body_bottom.pt)
        foot_y = h - m.footer_bottom.pt - m.footer_height.pt
        self.footer = Box(side, foot_y, w * 0.62, m.footer_height.pt)
        self.number = Box(w - side - Cm(3).pt, foot_y, Cm(3).pt, m.footer_height.pt)
        self.date = Box(w - side - Cm(9).pt, foot_y, Cm(5.5).pt, m.footer_height.pt)
        band = h * m.cover_band
        self.band = Box(0, 0, w, band)
        self.stripe = Box(0, band, w, Cm(0.22).pt)
        self.cover_title = Box(side, band * 0.18, w - 2 * side, band * 0.52)
        self.cover_subtitle = Box(side, self.cover_title.bottom + Cm(0.3).pt, w - 2 * side, band * 0.25)
        self.section_title = Box(side, h * 0.30, w - 2 * side, h * 0.32)
        self.section_body = Box(side, self.section_title.bottom + Cm(0.4).pt, w - 2 * side, h * 0.2)
        self.section_rule = Box(side, self.section_title.y - Cm(0.5).pt, m.rule_width.pt, m.rule_height.pt * 1.5)


def _style_master(master, theme: Theme) -> None:
    frame, size = _Frame(theme), theme.type
    boxes = {T.TITLE: frame.title, T.BODY: frame.body, T.FOOTER: frame.footer, T.SLIDE_NUMBER: frame.number}
    for ph in master.placeholders:
        _place(ph, boxes.get(ph.placeholder_format.type, frame.date))
    styles = master._element.find(qn("p:txStyles"))
    indent = int(theme.margins.bullet_indent)
    title_style = parse_xml(
        f'<p:titleStyle {nsdecls("p", "a")}><a:lvl1pPr algn="l"><a:lnSpc><a:spcPct val="95000"/></a:lnSpc>'
        f'<a:buNone/><a:defRPr sz="{int(size.title[0].pt * 100)}" b="1"><a:solidFill>{scheme_colour("dk2")}'
        '</a:solidFill><a:latin typeface="+mj-lt"/></a:defRPr></a:lvl1pPr></p:titleStyle>'
    )
    body_style = parse_xml(
        f"<p:bodyStyle {nsdecls('p', 'a')}>"
        f'<a:lvl1pPr marL="{indent}" indent="-{indent}" algn="l"><a:spcBef><a:spcPts val="1200"/></a:spcBef>'
        f'<a:buClr>{scheme_colour("accent1")}</a:buClr><a:buFont typeface="Arial"/><a:buChar char="•"/>'
        f'<a:defRPr sz="{int(size.body[0].pt * 100)}"><a:solidFill>{scheme_colour("dk1")}</a:solidFill>'
        '<a:latin typeface="+mn-lt"/></a:defRPr></a:lvl1pPr>'
        f'<a:lvl2pPr marL="{2 * indent}" indent="-{indent}" algn="l"><a:spcBef><a:spcPts val="600"/></a:spcBef>'
        f'<a:buClr>{scheme_colour("accent2")}</a:buClr><a:buFont typeface="Arial"/><a:buChar char="–"/>'
        f'<a:defRPr sz="{int(size.body[-1].pt * 100)}"><a:solidFill>{scheme_colour("dk1")}</a:solidFill>'
        '<a:latin typeface="+mn-lt"/></a:defRPr></a:lvl2pPr></p:bodyStyle>'
    )
    replace_child(styles, title_style, before=("p:bodyStyle",))
    replace_child(styles, body_style, before=("p:otherStyle",))
    title = _placeholder(master, (T.TITLE,))
    title._element.find(qn("p:txBody")).find(qn("a:bodyPr")).set("anchor", "b")
    for kind in (T.FOOTER, T.SLIDE_NUMBER, T.DATE):
        ph = _placeholder(master, (kind,))
        if ph is not None:
            _list_style(ph, size.footer.pt, "muted", bold=kind == T.SLIDE_NUMBER)


def _add_decoration(layout, name: str, box: Box, slot: str) -> None:
    tree = layout.shapes._spTree
    next_id = max(int(e.get("id")) for e in tree.iter(qn("p:cNvPr"))) + 1
    shape = decoration(next_id, name, box_emu(box), scheme_colour(slot))
    tree.find(qn("p:grpSpPr")).addnext(shape)  # behind the placeholders


def _style_layout(layout, theme: Theme) -> None:
    frame, size = _Frame(theme), theme.type
    foot = {T.FOOTER: frame.footer, T.SLIDE_NUMBER: frame.number, T.DATE: frame.date}
    dark = layout.name in (theme.layouts["cover"][0], theme.layouts["section"][0])
    for ph in layout.placeholders:
        kind = ph.placeholder_format.type
        if kind in foot:
            _place(ph, foot[kind])
            if dark and layout.name == theme.layouts["section"][0]:
                _list_style(ph, size.footer.pt, "lt2", bold=kind == T.SLIDE_NUMBER)
    if layout.name == theme.layouts["cover"][0]:
        _add_decoration(layout, "Cover band", frame.band, "dk2")
        _add_decoration(layout, "Cover stripe", frame.stripe, "accent2")
        _place(_placeholder(layout, TITLES), frame.cover_title)
        _list_style(_placeholder(layout, TITLES), size.cover_title[0].pt, "lt1", bold=True, anchor="b")
        _place(_placeholder(layout, BODIES), frame.cover_subtitle)
        _list_style(_placeholder(layout, BODIES), size.cover_subtitle.pt, "lt2", anchor="t")
    elif layout.name == theme.layouts["section"][0]:
        bg = parse_xml(
            f"<p:bg {nsdecls('p', 'a')}><p:bgPr><a:solidFill>{scheme_colour('dk2')}</a:solidFill>"
            "<a:effectLst/></p:bgPr></p:bg>"
        )
        layout._element.cSld.insert(0, bg)
        _add_decoration(layout, "Section rule", frame.section_rule, "accent2")
        _place(_placeholder(layout, TITLES), frame.section_title)
        _list_style(_placeholder(layout, TITLES), size.cover_title[0].pt, "lt1", bold=True, anchor="b")
        _place(_placeholder(layout, BODIES), frame.section_body)
        _list_style(_placeholder(layout, BODIES), size.cover_subtitle.pt, "lt2", anchor="t")
    elif _placeholder(layout, TITLES) is not None:
        _place(_placeholder(layout, TITLES), frame.title)
        _add_decoration(layout, "Title rule", frame.rule, "accent2")
        body = _placeholder(layout, BODIES)
        if body is not None:
            _place(body, frame.body)
