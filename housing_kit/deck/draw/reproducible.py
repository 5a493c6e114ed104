"""Same inputs, same bytes: normalising what python-pptx and XlsxWriter date with 'now'.

A .pptx is a zip; zip members carry modification times, docProps/core.xml
carries creation and modification dates, and each chart embeds an .xlsx
(another zip, with its own core.xml dated by XlsxWriter). All of them get
the content's date (the topic's ``reviewed`` date or the event's date), and
members are written in a fixed order with fixed attributes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

_W3CDTF = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")
_FIRST = ("[Content_Types].xml", "_rels/.rels")


def zip_time(date: dt.date) -> tuple[int, int, int, int, int, int]:
    """A zip member time for ``date`` (zip cannot store years before 1980)."""
    return (max(date.year, 1980), date.month, date.day, 0, 0, 0)


def write_zip(members: dict[str, bytes], date: dt.date) -> bytes:
    """A zip of ``members`` (name -> bytes), every member dated ``date``, in a stable order."""
    ordered = [n for n in _FIRST if n in members] + sorted(n for n in members if n not in _FIRST)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=zip_time(date))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0  # the same bytes whichever system built the file
            info.external_attr = 0o644 << 16
            target.writestr(info, members[name])
    return out.getvalue()


def stamp_core_dates(xml: bytes, date: dt.date) -> bytes:
    """Set dcterms:created and dcterms:modified in a core.xml to ``date``."""
    stamp = f"{date.isoformat()}T00:00:00Z".encode()
    return _W3CDTF.sub(lambda m: m.group(1) + stamp + m.group(2), xml)


def normalise_workbook(blob: bytes, date: dt.date) -> bytes:
    """A chart's embedded .xlsx (XlsxWriter dates it 'now') with its dates and zip times fixed."""
    source = zipfile.ZipFile(io.BytesIO(blob))
    members = {name: source.read(name) for name in source.namelist()}
    if "docProps/core.xml" in members:
        members["docProps/core.xml"] = stamp_core_dates(members["docProps/core.xml"], date)
    return write_zip(members, date)


def save_reproducibly(prs, date: dt.date) -> bytes:
    """The presentation as .pptx bytes, written once (not saved and rewritten): the
    package's parts as python-pptx serialises them, with workbooks and dates fixed."""
    from pptx.opc.oxml import serialize_part_xml
    from pptx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
    from pptx.opc.serialized import _ContentTypesItem

    package = prs.part.package
    parts = list(package.iter_parts())
    members = {
        CONTENT_TYPES_URI.membername: serialize_part_xml(_ContentTypesItem.xml_for(parts)),
        PACKAGE_URI.rels_uri.membername: package._rels.xml,
    }
    for part in parts:
        name = part.partname.membername
        blob = part.blob
        if name.endswith(".xlsx"):
            blob = normalise_workbook(blob, date)
        elif name == "docProps/core.xml":
            blob = stamp_core_dates(blob, date)
        members[name] = blob
        if part._rels:
            members[part.partname.rels_uri.membername] = part.rels.xml
    return write_zip(members, date)
