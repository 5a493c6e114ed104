"""Reading a finished deck back, and the checks every deck must pass.

The helpers re-measure every text frame and table cell *from the saved
file* with the same metrics the builder uses (housing_kit.deck.plan.fit), so a
planner bug that writes more text than a box holds is caught here. The
tests in this module make sure the checks can fail.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass

from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu

from housing_kit.deck.plan.fit import Span, count_lines

EMU_PER_PT = 12700
DEFAULT_INSETS = (91440, 45720, 91440, 45720)  # l, t, r, b when a frame does not say


@dataclass
class Frame:
    slide: int
    name: str
    width: float  # points available for text
    height: float
    needed: float

    def __str__(self) -> str:
        return f"slide {self.slide}, {self.name!r}: needs {self.needed:.1f} pt, has {self.height:.1f} pt"


def open_deck(data: bytes):
    return Presentation(io.BytesIO(data))


def _paragraphs_height(tx_body, width: float, bold_default: bool) -> float:
    total = 0.0
    for i, p in enumerate(tx_body.findall(qn("a:p"))):
        ppr = p.find(qn("a:pPr"))
        indent = int(ppr.get("marL", 0)) / EMU_PER_PT if ppr is not None else 0.0
        pitch_el = p.find(f"{qn('a:pPr')}/{qn('a:lnSpc')}/{qn('a:spcPts')}")
        before_el = p.find(f"{qn('a:pPr')}/{qn('a:spcBef')}/{qn('a:spcPts')}")
        spans, sizes = [], []
        for run in p.iter(qn("a:r"), qn("a:fld")):
            rpr = run.find(qn("a:rPr"))
            size = int(rpr.get("sz")) / 100
            bold = rpr.get("b")
            spans.append(Span(run.findtext(qn("a:t")) or "", bold=bold == "1" if bold else bold_default))
            sizes.append(size)
        end = p.find(qn("a:endParaRPr"))
        size = max(sizes) if sizes else int(end.get("sz", 1800)) / 100
        pitch = int(pitch_el.get("val")) / 100 if pitch_el is not None else size * 1.2
        before = int(before_el.get("val")) / 100 if (before_el is not None and i) else 0.0
        lines = count_lines(tuple(spans), width - indent, size) if spans else 1
        total += before + lines * pitch
    return total


def text_frames(prs) -> list[Frame]:
    """Every text frame and table cell of every slide, with the height its text needs."""
    frames = []
    for number, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip():  # empty frames cannot overflow
                tx_body = shape.text_frame._txBody
                body_pr = tx_body.find(qn("a:bodyPr"))
                names = ("lIns", "tIns", "rIns", "bIns")
                left, top, right, bottom = (int(body_pr.get(k, d)) for k, d in zip(names, DEFAULT_INSETS, strict=True))
                width = (shape.width - left - right) / EMU_PER_PT
                height = (shape.height - top - bottom) / EMU_PER_PT
                geometry = shape._element.find(f".//{qn('a:prstGeom')}")
                if geometry is not None and geometry.get("prst") == "ellipse":
                    continue  # number badges: a digit or two, centred
                if geometry is not None and geometry.get("prst") == "roundRect":
                    adj = shape.adjustments[0] if len(shape.adjustments) else 0.16667
                    corner = adj * min(shape.width, shape.height) / EMU_PER_PT * (1 - 0.5**0.5)
                    width, height = width - 2 * corner, height - 2 * corner
                bold = shape.is_placeholder and shape.placeholder_format.type in (1, 3)  # titles: bold by style
                frames.append(Frame(number, shape.name, width, height, _paragraphs_height(tx_body, width, bold)))
            if shape.has_table:
                frames += _cells(number, shape)
    return frames


def _cells(number: int, frame) -> list[Frame]:
    table = frame.table
    widths = [c.width for c in table.columns]
    heights = [r.height for r in table.rows]
    out = []
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            if cell.is_spanned:
                continue
            span_w = sum(widths[c : c + cell.span_width]) - cell.margin_left - cell.margin_right
            span_h = sum(heights[r : r + cell.span_height]) - cell.margin_top - cell.margin_bottom
            width, height = span_w / EMU_PER_PT, span_h / EMU_PER_PT
            needed = _paragraphs_height(cell.text_frame._txBody, width, False)
            out.append(Frame(number, f"{frame.name} cell {r},{c}", width, height, needed))
    return out


def overflowing(prs) -> list[Frame]:
    return [f for f in text_frames(prs) if f.needed > f.height + 0.5]


def outside_slide(prs) -> list[str]:
    """Shapes that reach beyond the slide's edges."""
    bad = []
    for number, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            right, bottom = shape.left + shape.width, shape.top + shape.height
            if min(shape.left, shape.top) < 0 or right > prs.slide_width + 1 or bottom > prs.slide_height + 1:
                bad.append(f"slide {number}: {shape.name}")
    return bad


def untagged_runs(prs, tag: str, also: tuple[str, ...] = ()) -> list[str]:
    """Runs, fields and paragraph ends on slides, notes and charts without ``lang=tag``
    (or one of the tags in ``also``: the languages of the deck's sources)."""
    allowed = {tag, *also}
    bad = []
    for number, slide in enumerate(prs.slides, 1):
        parts = [slide.part]
        if slide.has_notes_slide:
            parts.append(slide.notes_slide.part)
        parts += [rel.target_part for rel in slide.part.rels.values() if rel.reltype.endswith("/chart")]
        for part in parts:
            for name in ("a:rPr", "a:endParaRPr"):
                for element in part._element.iter(qn(name)):
                    if element.get("lang") not in allowed:
                        bad.append(f"slide {number} {part.partname}: {name} lang={element.get('lang')}")
    return bad


def slide_titles(prs) -> list[str]:
    """The titles as a reader sees them: no-break spaces (typography.py) read as spaces."""
    return [slide.shapes.title.text_frame.text.replace("\u00a0", " ") for slide in prs.slides]


def notes_of(prs) -> list[str]:
    """Each slide's speaker notes, paragraphs separated by a blank line."""
    return [
        "\n\n".join(p.text for p in s.notes_slide.notes_text_frame.paragraphs) if s.has_notes_slide else ""
        for s in prs.slides
    ]


# ---------------------------------------------------------------- the checks can fail
def _small_deck():
    from housing_kit.deck import build_deck
    from tests.test_deck_build import fixture_library

    library = fixture_library("minimal")
    return open_deck(build_deck(library, [library.find("sample")], "pl").data)


def test_overflow_check_catches_a_box_with_too_much_text():
    prs = _small_deck()
    assert overflowing(prs) == []
    body = next(s for s in prs.slides[2].placeholders if s.placeholder_format.idx == 1)
    paragraph = body.text_frame._txBody.find(qn("a:p"))
    for _ in range(30):
        body.text_frame._txBody.append(copy.deepcopy(paragraph))
    found = overflowing(prs)
    assert found and found[0].slide == 3, found


def test_overflow_check_catches_a_table_row_too_low():
    prs = _small_deck()
    frame = next(s for slide in prs.slides for s in slide.shapes if s.has_table)
    frame.table.rows[1].height = Emu(EMU_PER_PT * 10)
    assert any("cell 1," in f.name for f in overflowing(prs))


def test_language_check_catches_a_run_without_a_tag():
    prs = _small_deck()
    assert untagged_runs(prs, "pl-PL") == []
    run = prs.slides[2].shapes.title.text_frame._txBody.find(f".//{qn('a:rPr')}")
    del run.attrib["lang"]
    assert len(untagged_runs(prs, "pl-PL")) == 1
    assert untagged_runs(prs, "en-GB")


def test_count_lines_agrees_with_wrap_lines():
    from housing_kit.deck.plan.fit import wrap_lines

    text = "Mieszkanie jest prawem człowieka, a nie nagrodą za udział w terapii lub abstynencję " * 3
    for width in (120, 250, 400, 800):
        assert count_lines((Span(text.strip()),), width, 18) == len(wrap_lines(text.strip(), width, 18))
