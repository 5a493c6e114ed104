"""The few XML edits python-pptx has no API for, in one place.

Run language tags, alt text, slide-number fields, theme colour fills and
decorative shapes on layouts. Everything here works on lxml elements of
the package python-pptx loaded; nothing here knows about topics.
"""

from __future__ import annotations

from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn

from ..plan.theme import DERIVED

# Theme slots as slides refer to them: text/background pairs go through the
# master's colour map, like PowerPoint writes them.
_SLOT = {"dk1": "tx1", "lt1": "bg1", "dk2": "tx2", "lt2": "bg2"}
SLIDENUM_FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"  # any fixed GUID keeps builds identical


def scheme_colour(slot: str, brightness: float = 0.0) -> str:
    """``<a:schemeClr>`` for a theme slot, lightened (> 0) or darkened (< 0)."""
    slot, extra = DERIVED.get(slot, (slot, 0.0))
    brightness = brightness or extra
    mods = ""
    if brightness > 0:
        mods = f'<a:lumMod val="{round((1 - brightness) * 100000)}"/><a:lumOff val="{round(brightness * 100000)}"/>'
    elif brightness < 0:
        mods = f'<a:lumMod val="{round((1 + brightness) * 100000)}"/>'
    return f'<a:schemeClr val="{_SLOT.get(slot, slot)}">{mods}</a:schemeClr>'


def solid_fill(slot: str, brightness: float = 0.0):
    return parse_xml(f"<a:solidFill {nsdecls('a')}>{scheme_colour(slot, brightness)}</a:solidFill>")


def replace_child(parent, element, *, before: tuple[str, ...] = ()) -> None:
    """Put ``element`` in ``parent`` in place of any child with its tag, keeping schema order."""
    for old in parent.findall(element.tag):
        parent.remove(old)
    for tag in before:
        successor = parent.find(qn(tag))
        if successor is not None:
            successor.addprevious(element)
            return
    parent.append(element)


def set_text_colour(rPr, slot: str | None) -> None:
    """Colour a run (``a:rPr``) with a theme slot; fills precede fonts in a:rPr."""
    if slot is None:
        return
    replace_child(rPr, solid_fill(slot), before=("a:effectLst", "a:highlight", "a:latin", "a:ea", "a:cs", "a:sym"))


LANG_TAGS = ("a:rPr", "a:endParaRPr", "a:defRPr")


def tag_language(element, tag: str, keep: frozenset[str] = frozenset()) -> int:
    """Set ``lang`` on every run property under ``element`` except those already
    tagged with one of ``keep``; returns how many."""
    count = 0
    for name in LANG_TAGS:
        for rpr in element.iter(qn(name)):
            if rpr.get("lang") in keep:
                continue
            rpr.set("lang", tag)
            count += 1
    return count


def describe(shape, name: str, descr: str = "") -> None:
    """A shape's name and alt text (``descr`` on its cNvPr), read by screen readers."""
    c_nv_pr = shape._element.find(".//" + qn("p:cNvPr"))
    c_nv_pr.set("name", name)
    if descr:
        c_nv_pr.set("descr", descr)


def slide_number_paragraph(number: int, size: float, tag: str) -> str:
    """A paragraph holding PowerPoint's slide-number field (viewers fill in the
    number; ``number`` is what a viewer that does not shows)."""
    sz = int(round(size * 100))
    return (
        f'<a:p {nsdecls("a")}><a:pPr algn="r"/><a:fld id="{SLIDENUM_FIELD_ID}" type="slidenum">'
        f'<a:rPr lang="{tag}" sz="{sz}" b="1" dirty="0"/><a:t>{number}</a:t></a:fld>'
        f'<a:endParaRPr lang="{tag}" sz="{sz}"/></a:p>'
    )


def decoration(shape_id: int, name: str, box_emu: tuple[int, int, int, int], fill_xml: str, prst: str = "rect"):
    """A filled shape without text or outline, for a layout's spTree (bands, rules)."""
    x, y, cx, cy = box_emu
    return parse_xml(
        f'<p:sp {nsdecls("p", "a")}><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}" descr=""/>'
        '<p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        f'<a:prstGeom prst="{prst}"><a:avLst/></a:prstGeom><a:solidFill>{fill_xml}</a:solidFill>'
        "<a:ln><a:noFill/></a:ln></p:spPr></p:sp>"
    )


def mark_decorative(shape) -> None:
    """Flag a purely visual shape as decorative (Office 2019+), so screen readers skip it."""
    c_nv_pr = shape._element.find(".//" + qn("p:cNvPr"))
    ext = parse_xml(
        '<a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">'
        '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>'
        "</a:ext></a:extLst>"
    )
    c_nv_pr.append(ext)
