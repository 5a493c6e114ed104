"""Package-level finishing: document properties, language tags, the notes master link.

Runs after every slide is drawn. python-pptx has no API for run language
or for listing the notes master in presentation.xml, so both are done here.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn

from ...languages import language_tag
from ..plan.specs import DeckSpec, TextBlock
from .ooxml import tag_language


def finish(prs, deck: DeckSpec) -> None:
    set_properties(prs, deck)
    tag_everything(prs, deck.tag, keep=own_languages(deck))
    link_notes_master(prs, deck.tag)
    write_app_properties(prs, len(deck.slides), sum(1 for s in deck.slides if s.notes))


def set_properties(prs, deck: DeckSpec) -> None:
    """Title, subject, author, keywords, language and dates: what file browsers and
    accessibility checkers read. Dates are the content's, never 'now'."""
    props = prs.core_properties
    when = dt.datetime.combine(deck.date, dt.time())
    props.title = deck.title
    props.subject = deck.subtitle
    props.author = deck.author
    props.last_modified_by = deck.author
    props.keywords = ", ".join(deck.keywords)
    props.language = deck.tag
    props.comments = ""
    props.category = ""
    props.revision = 1
    props.created = when
    props.modified = when
    props.last_printed = when


def own_languages(deck: DeckSpec) -> frozenset[str]:
    """The tags of runs the plan gave a language of their own (a source's title)."""
    paras = [p for slide in deck.slides for p in slide.body]
    paras += [p for slide in deck.slides for shape in slide.shapes if isinstance(shape, TextBlock) for p in shape.paras]
    return frozenset(language_tag(span.lang) for p in paras for span in p.spans if span.lang) - {deck.tag}


def tag_everything(prs, tag: str, keep: frozenset[str] = frozenset()) -> int:
    """The deck language on every run of every slide, notes page and chart (runs
    already tagged with one of ``keep`` stay as they are), and as the
    presentation's default text language."""
    count = tag_language(prs.part._element.find(qn("p:defaultTextStyle")), tag)
    for slide in prs.slides:
        count += tag_language(slide._element, tag, keep)
        if slide.has_notes_slide:
            count += tag_language(slide.notes_slide._element, tag)
        for rel in slide.part.rels.values():
            if rel.reltype == RT.CHART:
                count += tag_language(rel.target_part._element, tag)
    return count


def link_notes_master(prs, tag: str) -> None:
    """List the notes master in presentation.xml (p:notesMasterIdLst); python-pptx
    relates it but does not list it, and Keynote and others look for the list."""
    part = prs.part
    r_id = next((r.rId for r in part.rels.values() if r.reltype == RT.NOTES_MASTER), None)
    if r_id is None:
        return
    root = part._element
    old = root.find(qn("p:notesMasterIdLst"))
    if old is not None:
        root.remove(old)
    entry = parse_xml(f'<p:notesMasterIdLst {nsdecls("p", "r")}><p:notesMasterId r:id="{r_id}"/></p:notesMasterIdLst>')
    root.find(qn("p:sldMasterIdLst")).addnext(entry)
    tag_language(part.notes_master._element, tag)


def write_app_properties(prs, slides: int, notes: int) -> None:
    """docProps/app.xml with the true counts (the built-in template's says 0 slides, 4:3)."""
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<TotalTime>0</TotalTime><Application>{escape('housing-kit (python-pptx)')}</Application>"
        f"<PresentationFormat>Widescreen</PresentationFormat><Slides>{slides}</Slides><Notes>{notes}</Notes>"
        "<HiddenSlides>0</HiddenSlides><ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
        "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
    )
    for rel in prs.part.package._rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part.blob = xml.encode()
