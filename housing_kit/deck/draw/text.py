"""Writing measured paragraphs into text frames, exactly as they were measured.

Every paragraph gets an exact line pitch and its space before in points,
every run its size, weight, font and language, and every frame its insets,
word wrap and no auto-fit: nothing is left for PowerPoint or LibreOffice to
decide differently from fit.py.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn

from ...languages import language_tag
from ..plan.fit import Para, line_pitch
from ..units import emu, hundredths
from .ooxml import scheme_colour

_ALIGN = {"left": "l", "right": "r", "centre": "ctr"}
_ANCHOR = {"top": "t", "middle": "ctr", "bottom": "b"}


class Writer:
    """Writes paragraphs for one deck: its font and language tag."""

    def __init__(self, font: str, tag: str):
        self.font = font
        self.tag = tag

    def frame(self, tx_body, paras, *, part, inset_x: float, inset_y: float, anchor: str | None = None, **kw) -> None:
        """Fill a text body (``p:txBody``) with our insets, wrapping and no auto-fit."""
        body_pr = tx_body.find(qn("a:bodyPr"))
        body_pr.set("wrap", "square")
        for side, value in (("lIns", inset_x), ("rIns", inset_x), ("tIns", inset_y), ("bIns", inset_y)):
            body_pr.set(side, str(emu(value)))
        if anchor:
            body_pr.set("anchor", _ANCHOR[anchor])
        for fit in ("a:noAutofit", "a:normAutofit", "a:spAutoFit"):
            for old in body_pr.findall(qn(fit)):
                body_pr.remove(old)
        body_pr.insert(0, parse_xml(f"<a:noAutofit {nsdecls('a')}/>"))  # inherited shrink-on-overflow off
        self.paragraphs(tx_body, paras, part=part, **kw)

    def paragraphs(self, tx_body, paras, *, part, colour: str | None = None, inherit_bold: bool = False) -> None:
        """Replace the body's paragraphs with ``paras``; ``colour`` is the default text colour slot."""
        for p in tx_body.findall(qn("a:p")):
            tx_body.remove(p)
        xml = self.paragraphs_xml(paras, part=part, colour=colour, inherit_bold=inherit_bold)
        tx_body.extend(parse_xml(f"<a:txBody {nsdecls('a', 'r')}>{xml}</a:txBody>"))  # one parse per frame

    def paragraphs_xml(self, paras, *, part, colour: str | None = None, inherit_bold: bool = False) -> str:
        """The ``a:p`` elements for ``paras`` as XML text (an empty paragraph when there are none)."""
        xml = "".join(
            self._paragraph_xml(p, first=i == 0, colour=colour, inherit=inherit_bold, part=part)
            for i, p in enumerate(paras)
        )
        return xml or f'<a:p><a:endParaRPr lang="{self.tag}" sz="100"/></a:p>'

    def _paragraph_xml(self, p: Para, *, first: bool, colour: str | None, inherit: bool, part) -> str:
        hanging = p.bullet or p.number is not None
        indent = f' indent="{-emu(p.indent)}"' if hanging else ' indent="0"'
        align = f' algn="{_ALIGN[p.align]}"' if p.align else ""  # None: the template's alignment
        ppr = [f'<a:pPr marL="{emu(p.indent)}"{indent}{align}>']
        ppr.append(f'<a:lnSpc><a:spcPts val="{hundredths(line_pitch(p.size))}"/></a:lnSpc>')
        ppr.append(f'<a:spcBef><a:spcPts val="{0 if first else hundredths(p.space_before)}"/></a:spcBef>')
        if p.bullet:
            ppr.append(f'<a:buClr>{scheme_colour("accent1")}</a:buClr><a:buFont typeface="Arial"/><a:buChar char="•"/>')
        elif p.number is not None:
            ppr.append(
                f'<a:buClr>{scheme_colour("accent1")}</a:buClr><a:buFont typeface="+mj-lt"/>'
                f'<a:buAutoNum type="arabicPeriod" startAt="{p.number}"/>'
            )
        else:
            ppr.append("<a:buNone/>")
        ppr.append("</a:pPr>")
        runs = [self._run_xml(span, p.size, colour, inherit, part) for span in p.spans]
        end = f'<a:endParaRPr lang="{self.tag}" sz="{hundredths(p.size)}"/>'
        return f"<a:p>{''.join(ppr)}{''.join(runs)}{end}</a:p>"

    def _run_xml(self, span, size: float, colour: str | None, inherit: bool, part) -> str:
        bold = "" if inherit and not span.bold else f' b="{int(span.bold)}"'
        underline = ' u="sng"' if span.link else ""
        lang = language_tag(span.lang) if span.lang else self.tag
        attrs = f'lang="{lang}" sz="{hundredths(size)}"{bold}{underline} dirty="0"'
        fill_slot = span.colour or colour
        fill = f"<a:solidFill>{scheme_colour(fill_slot)}</a:solidFill>" if fill_slot else ""
        link = ""
        if span.link:
            r_id = part.relate_to(span.link, RT.HYPERLINK, is_external=True)
            link = f'<a:hlinkClick r:id="{r_id}">{_LINK_IN_TEXT_COLOUR}</a:hlinkClick>'
        font = f"<a:latin typeface={quoteattr(self.font)}/><a:cs typeface={quoteattr(self.font)}/>"
        return f"<a:r><a:rPr {attrs}>{fill}{font}{link}</a:rPr><a:t>{escape(span.text)}</a:t></a:r>"


# PowerPoint draws links in the theme's link colour unless told to use the run's
# own: links on the dark cover would be unreadable otherwise.
_LINK_IN_TEXT_COLOUR = (
    '<a:extLst><a:ext uri="{A12FA001-AC4F-418D-AE19-62706E023703}">'
    '<ahyp:hlinkClr xmlns:ahyp="http://schemas.microsoft.com/office/drawing/2018/hyperlinkcolor" val="tx"/>'
    "</a:ext></a:extLst>"
)
