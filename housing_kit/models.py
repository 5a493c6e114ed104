"""The content model: what a topic file may say, and what each key means.

Field docstrings are written for content editors; they become the
descriptions in the JSON Schema their editor shows while they type.

Every visible string is a ``Text``: a mapping of language code to text.
Which languages are required is not fixed here; it is passed in the
validation context (``{"languages": ("pl", "en")}``) from ``mkdocs.yml``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    RootModel,
    TypeAdapter,
    ValidationInfo,
    field_validator,
)

SLUG_RE = r"^[a-z0-9]+(-[a-z0-9]+)*$"


def _text_shape(value: object) -> object:
    if isinstance(value, str):
        raise ValueError("expected one text per language (e.g. {pl: ..., en: ...}), got a single text")
    return value


def _text_complete(value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
    languages = (info.context or {}).get("languages") or tuple(value)
    missing = [code for code in languages if code not in value]
    unknown = [code for code in value if code not in languages]
    if missing or unknown:
        parts = [f"missing {', '.join(map(repr, missing))} translation"] if missing else []
        if unknown:
            parts.append(
                f"unknown language {', '.join(map(repr, unknown))} (the site's languages are {', '.join(languages)})"
            )
        raise ValueError("; ".join(parts))
    empty = [code for code in languages if not value[code].strip()]
    if empty:
        raise ValueError(f"empty {', '.join(map(repr, empty))} translation")
    return {code: value[code].strip() for code in languages}


Text = Annotated[
    dict[str, str],
    BeforeValidator(_text_shape),
    AfterValidator(_text_complete),
    Field(json_schema_extra={"x-text": True}),
]
"""One text per site language."""

Slug = Annotated[str, Field(pattern=SLUG_RE, json_schema_extra={"examples": ["housing-first"]})]

_http_url = TypeAdapter(HttpUrl)


def _check_url(value: str) -> str:
    _http_url.validate_python(value)  # raises a ValueError naming what is wrong
    if not value.startswith(("http://", "https://")):
        raise ValueError("a URL must start with http:// or https://")
    return value


Url = Annotated[str, AfterValidator(_check_url), Field(json_schema_extra={"format": "uri"})]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Source(Model):
    id: Slug
    """Short name used to cite this source, e.g. `feantsa-ethos-2017`."""
    author: str = Field(min_length=1)
    """Author(s) or publishing organisation, as printed on the source."""
    title: str = Field(min_length=1)
    """Title in the source's own language."""
    year: int = Field(ge=1900, le=2100)
    """Year of publication."""
    url: Url
    """Where a reader can find it (https://...)."""
    lang: str = Field(pattern=r"^[a-z]{2}$")
    """Language of the source document (two letters, e.g. `pl`, `en`, `cs`)."""


class GlossaryTerm(Model):
    term: Text
    """The term in each language."""
    definition: Text
    """A one- or two-sentence definition in each language."""


class FigureBase(Model):
    id: Slug
    """Name used to place the figure in a section (`sections[].figures`)."""
    title: Text
    """Caption title shown above the figure."""
    note: Text | None = None
    """Optional remark shown under the figure (method, caveats)."""
    sources: list[Slug] = []
    """Ids of the sources the figure's data come from."""


Cell = int | float | Text


class TableFigure(FigureBase):
    kind: Literal["table"]
    columns: list[Text] = Field(min_length=1)
    """Column headings."""
    rows: list[list[Cell]] = Field(min_length=1)
    """One list per row, one cell per column: a number or a translated text."""

    @field_validator("rows")
    @classmethod
    def _rows_match_columns(cls, rows: list, info: ValidationInfo) -> list:
        width = len(info.data.get("columns") or [])
        for i, row in enumerate(rows):
            if width and len(row) != width:
                raise ValueError(f"row {i + 1} has {len(row)} cells but there are {width} columns")
        return rows


class Series(Model):
    name: Text
    """Legend label of this series."""
    values: list[float | None]
    """One value per category; leave a value empty (null) where there is no data."""


class ChartFigure(FigureBase):
    kind: Literal["chart"]
    chart: Literal["column", "bar", "line"] = "column"
    """Chart type: vertical columns, horizontal bars, or a line over time."""
    categories: list[int | Text] = Field(min_length=1)
    """Labels along the axis: years as numbers, or translated labels."""
    series: list[Series] = Field(min_length=1)
    unit: Text | None = None
    """What the numbers count, e.g. {pl: osoby, en: people}."""

    @field_validator("series")
    @classmethod
    def _values_match_categories(cls, series: list[Series], info: ValidationInfo) -> list[Series]:
        width = len(info.data.get("categories") or [])
        for i, one in enumerate(series):
            if width and len(one.values) != width:
                raise ValueError(f"series {i + 1} has {len(one.values)} values but there are {width} categories")
        return series


class LivingSituation(Model):
    code: str = Field(pattern=r"^\d+(\.\d+)*$")
    """Number of the living situation, e.g. `1.1`."""
    name: Text
    definition: Text | None = None
    """Generic definition of the situation."""


class TypologyCategory(Model):
    code: str = Field(pattern=r"^\d+(\.\d+)*$")
    """Number of the operational category, e.g. `1`."""
    name: Text
    situations: list[LivingSituation] = []


class TypologyGroup(Model):
    name: Text
    """Conceptual category, e.g. {pl: Bez dachu, en: Roofless}."""
    categories: list[TypologyCategory] = Field(min_length=1)


class TypologyFigure(FigureBase):
    kind: Literal["typology"]
    levels: list[Text] = Field(min_length=3, max_length=4)
    """Headings of the levels: group, category, situation and (optionally) definition."""
    groups: list[TypologyGroup] = Field(min_length=1)


class LadderStep(Model):
    step: int = Field(ge=0)
    """Step number; steps run upwards from the lowest."""
    title: Text
    description: Text
    indicator: Text
    """What shows the step has been reached."""


class LadderFigure(FigureBase):
    kind: Literal["ladder"]
    steps: list[LadderStep] = Field(min_length=2)

    @field_validator("steps")
    @classmethod
    def _steps_in_order(cls, steps: list[LadderStep]) -> list[LadderStep]:
        numbers = [s.step for s in steps]
        if numbers != sorted(set(numbers)):
            raise ValueError(f"steps must be numbered in increasing order without repeats, got {numbers}")
        return steps


class ListItem(Model):
    title: Text
    text: Text | None = None


class ListFigure(FigureBase):
    kind: Literal["list"]
    numbered: bool = True
    """Number the items (principles, stages) or show them as bullets."""
    items: list[ListItem] = Field(min_length=2)


Figure = Annotated[
    TableFigure | ChartFigure | TypologyFigure | LadderFigure | ListFigure,
    Field(discriminator="kind"),
]


class Section(Model):
    id: Slug
    """Anchor of the section, the same in every language (e.g. `what-is-ethos`)."""
    title: Text
    body: Text
    """The section's text in Markdown. Cite a source inline with `[@source-id]`."""
    points: list[Text] = Field(min_length=1)
    """Slide bullet points: a few short lines, about 15 words each at most."""
    notes: Text
    """Speaker notes a presenter can read aloud."""
    cites: list[Slug] = []
    """Ids of the sources this section relies on."""
    figures: list[Slug] = []
    """Ids of figures shown after this section's text."""


class Topic(Model):
    slug: Slug
    """The topic's name in URLs and commands (`python build.py slides <slug>`)."""
    aliases: list[Slug] = []
    """Other names that work in commands, e.g. a Polish or English abbreviation."""
    order: int
    """Position among the topics on the site and in the list of topics."""
    reviewed: dt.date
    """When the content was last checked against its sources (YYYY-MM-DD)."""
    title: Text
    subtitle: Text | None = None
    """A short line shown under the title on the title slide and topic card."""
    summary: Text
    """Lead paragraph; also the page's meta description (keep it under ~160 characters)."""
    related: list[Slug] = []
    """Slugs of related topics, linked from this topic's page."""
    sections: list[Section] = Field(min_length=1)
    figures: list[Figure] = []
    glossary: list[GlossaryTerm] = []
    sources: list[Source] = Field(min_length=1)

    def source_numbers(self) -> dict[str, int]:
        """Source id -> its number in the list of sources (1-based)."""
        return {source.id: n for n, source in enumerate(self.sources, 1)}

    def figure(self, figure_id: str) -> Figure:
        return next(f for f in self.figures if f.id == figure_id)

    def unplaced_figures(self) -> list[Figure]:
        placed = {fid for section in self.sections for fid in section.figures}
        return [f for f in self.figures if f.id not in placed]


class Event(Model):
    """A presentation visit or request, saved under `slides/events/`."""

    host: str = Field(min_length=1)
    """Organisation that invited us, e.g. `Miejski Ośrodek Pomocy Społecznej w Radomiu`."""
    city: str = Field(min_length=1)
    date: dt.date
    """Date of the visit (YYYY-MM-DD)."""
    language: str = Field(pattern=r"^[a-z]{2}$")
    """Language of the presentation, one of the site's languages."""
    topics: list[str] = Field(min_length=1)
    """Topic slugs or aliases, in presentation order."""
    audience: str | None = None
    """Who will attend, e.g. `social workers, about 20 people`."""
    contact: str | None = None
    """Who asked for the visit (name, e-mail)."""
    notes: str | None = None
    """Anything the presenters should know."""


CITATION_RE = re.compile(r"\[@([a-z0-9]+(?:-[a-z0-9]+)*)\]")
"""Inline citation in Markdown bodies: `[@source-id]`."""


class Labels(RootModel[dict[str, Text]]):
    """Interface wording shared by the site and the decks (housing_kit/labels.yaml)."""
