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


def _check_email(value: str) -> str:
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        raise ValueError(f"{value!r} is not an e-mail address")
    return value


Email = Annotated[str, AfterValidator(_check_email), Field(max_length=200, json_schema_extra={"format": "email"})]


def _must_agree(value: bool) -> bool:
    if value is not True:
        raise ValueError("the request can be handled only with consent to processing the data (consent: true)")
    return value


class Model(BaseModel):
    # defer_build: validators are built on first validation, so a library read back from
    # the cache (library_cache.py) never pays for them.
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True, defer_build=True)


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
    accessed: dt.date
    """When the URL was last opened and the cited passage checked (YYYY-MM-DD)."""


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
    remark: Text | None = None
    """Optional remark shown under the figure (method, caveats)."""
    notes: Text
    """Speaker notes for the figure's slide: what to point at and what to say (60–220 words).
    Do not repeat the title or caption; separate paragraphs with a blank line (if the figure
    runs over two slides, the notes are split between them at a paragraph break)."""
    sources: list[Slug] = []
    """Ids of the sources the figure's data come from."""
    as_of: dt.date | None = None
    """Date the figure's data describe, when they describe a current state (YYYY-MM-DD)."""


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
    light: int | None = Field(default=None, ge=1)
    """The ETHOS Light category (its number) this situation counts under, if any; the ETHOS
    explorer on the site shows it beside the situation."""


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


class Stage(Model):
    title: Text
    """A short name for the stage, e.g. {pl: Noclegownia, en: Night shelter}."""
    text: Text | None = None
    """One sentence on the stage, shown in the table beside the picture and in the deck's notes."""


class Route(Model):
    name: Text
    """The name of the route, e.g. {pl: Model schodkowy, en: Staircase model}."""
    stages: list[Stage] = Field(min_length=1)
    """The stages in the order a person passes through them; the last is where the route ends."""


class PathsFigure(FigureBase):
    kind: Literal["paths"]
    routes: list[Route] = Field(min_length=2, max_length=3)
    """Two or three routes to the same end, drawn side by side as steps (e.g. the staircase
    model and Housing First): the number of stages is what the picture compares."""


class FlowPart(Model):
    title: Text
    """E.g. {pl: Napływ, en: Inflow}."""
    text: Text
    """One sentence: who is counted in this part."""


class FlowFigure(FigureBase):
    kind: Literal["flow"]
    start: FlowPart
    """The stock at the start of the period (e.g. people homeless on 1 January)."""
    inflow: FlowPart
    """Who enters during the period."""
    outflow: FlowPart
    """Who leaves during the period."""
    end: FlowPart
    """The stock at the end of the period."""
    total: FlowPart | None = None
    """What the period adds up to, when the figure shows it (e.g. prevalence: the start plus the inflow)."""


class TimelineEvent(Model):
    when: str = Field(pattern=r"^\d{4}(-(0[1-9]|1[0-2]))?$")
    """The year (`2009`) or the month (`2009-09`) of the event."""
    title: Text
    """What happened, in a short line."""
    text: Text | None = None
    """One or two sentences more, shown in the table beside the picture."""


class TimelineFigure(FigureBase):
    kind: Literal["timeline"]
    events: list[TimelineEvent] = Field(min_length=2)

    @field_validator("events")
    @classmethod
    def _events_in_order(cls, events: list[TimelineEvent]) -> list[TimelineEvent]:
        dates = [e.when for e in events]
        for i in range(1, len(dates)):
            if dates[i] < dates[i - 1]:
                raise ValueError(
                    f"events must be in date order: event {i + 1} ({dates[i]}) comes after event {i} ({dates[i - 1]})"
                )
        return events


class HubParty(Model):
    name: Text
    """E.g. {pl: Właściciel mieszkania, en: Owner}."""
    gives: Text
    """What the party gives to the centre (e.g. the flat, for a fixed term)."""
    gets: Text
    """What the party gets from the centre (e.g. a guaranteed rent)."""


class HubFigure(FigureBase):
    kind: Literal["hub"]
    centre: Text
    """The one in the middle, e.g. {pl: Społeczna agencja najmu, en: Social rental agency}."""
    parties: list[HubParty] = Field(min_length=2, max_length=4)
    """The parties around it, each with what it gives and gets."""


Figure = Annotated[
    TableFigure
    | ChartFigure
    | TypologyFigure
    | LadderFigure
    | ListFigure
    | PathsFigure
    | FlowFigure
    | TimelineFigure
    | HubFigure,
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
    """Speaker notes for this section's slide: what to say while the points are shown (60–220 words).
    Separate paragraphs with a blank line; if the points run over two slides, the notes are split
    between them at a paragraph break."""
    cites: list[Slug] = []
    """Ids of the sources this section relies on."""
    figures: list[Slug] = []
    """Ids of figures shown after this section's text."""
    as_of: dt.date | None = None
    """When the section describes a current state (a law in force, an institution, the latest count):
    the date that description was true (YYYY-MM-DD)."""
    host: str | None = Field(default=None, min_length=1, max_length=200)
    """The host organisation when this section reports a visit to it, as written in the event
    file's `host`; that host's own deck leaves the section out."""


class TalkPart(Model):
    """A slide of the talk that is not tied to one section: its points and what to say."""

    points: list[Text] = Field(min_length=2, max_length=6)
    """Short lines shown on the slide, about 15 words each at most."""
    notes: Text
    """Speaker notes for this slide (60–220 words)."""


class Discussion(Model):
    questions: list[Text] = Field(min_length=2, max_length=4)
    """Two to four open questions for the audience."""
    notes: Text
    """How to run the discussion: what to ask first, what to listen for (60–220 words)."""


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
    opening: TalkPart
    """The talk's opening slide: why this topic matters here, with one or two numbers from the topic."""
    sections: list[Section] = Field(min_length=1)
    actions: TalkPart
    """"What your municipality or organisation can do": concrete steps, after the body of the talk."""
    discussion: Discussion
    """Questions for the audience, before the closing slide."""
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


class Organisation(Model):
    """Who runs the site and gives the talks (`extra.organisation` in mkdocs.yml).

    Leave a key empty when it is not known: nothing is shown for it."""

    short_name: str = Field(min_length=1, max_length=40)
    """The name used in running text and footers, e.g. `KMPS`."""
    full_name: str = Field(default="", max_length=200)
    """The registered full name; shown beside the short name when set."""
    email: Email
    """Where requests for presentations go."""
    phone: str = Field(default="", max_length=40)
    address: str = Field(default="", max_length=300)
    """Postal address, on one line."""
    region: Text
    """The area the team travels to, in every language."""
    partner: str = Field(default="", max_length=200)
    """An organisation that prepares the presentations with us, when there is one."""
    form_endpoint: str = ""
    """A URL that accepts the request form as a JSON POST; empty: the form opens the visitor's mail client."""

    @field_validator("form_endpoint")
    @classmethod
    def _endpoint_is_url(cls, value: str) -> str:
        return _check_url(value) if value else value

    @property
    def display_name(self) -> str:
        return f"{self.full_name} ({self.short_name})" if self.full_name else self.short_name


AUDIENCE_KINDS = ("mops", "gmina", "powiat", "ngo", "regional", "other")
AudienceKind = Literal["mops", "gmina", "powiat", "ngo", "regional", "other"]
"""Who the audience or host is: `mops` (a municipal or district social-welfare centre),
`gmina` (municipal office or council), `powiat` (district), `ngo`, `regional` (voivodeship or
marshal's office) or `other`."""

EVENT_STATUSES = ("requested", "confirmed", "held", "cancelled")


class Audience(Model):
    kind: AudienceKind
    """Who will attend: mops, gmina, powiat, ngo, regional or other."""
    size: int | None = Field(default=None, ge=1, le=5000)
    """Approximate number of people."""
    description: str | None = None
    """Anything else about the audience, e.g. `social workers and a councillor`."""


class Event(Model):
    """A presentation visit or request, saved under `slides/events/`."""

    date: dt.date
    """Date of the visit (YYYY-MM-DD); for a request, the first preferred date."""
    city: str = Field(min_length=1, max_length=80)
    region: str | None = Field(default=None, max_length=80)
    """Voivodeship or area, e.g. `mazowieckie`."""
    host: str = Field(min_length=1, max_length=200)
    """Organisation that invited us, in the nominative, e.g. `Miejski Ośrodek Pomocy Społecznej w Radomiu`."""
    host_kind: AudienceKind | None = None
    """What kind of organisation the host is (same list as the audience kinds)."""
    audience: Audience
    topics: list[str] = Field(min_length=1, max_length=6)
    """Topic slugs or aliases, in presentation order."""
    language: str = Field(pattern=r"^[a-z]{2}$")
    """Language of the presentation, one of the site's languages."""
    status: Literal["requested", "confirmed", "held", "cancelled"]
    """Where the visit stands: requested, confirmed, held or cancelled."""
    public: bool = False
    """Whether the visit may be listed on the site (only held visits are listed)."""
    report: Text | None = None
    """A short public report in every language; required for a public, held visit."""
    preferred_dates: list[dt.date] = Field(default=[], max_length=3)
    """Dates the host proposed (from the request form)."""
    notes: str | None = Field(default=None, max_length=2000)
    """Anything the presenters should know."""

    @field_validator("report")
    @classmethod
    def _report_for_public_visits(cls, report: dict | None, info: ValidationInfo) -> dict | None:
        if report is None and info.data.get("public") and info.data.get("status") == "held":
            raise ValueError("a public, held visit needs a short report in every language")
        return report


class Request(Model):
    """A presentation request as the site's form writes it (the YAML block of the e-mail,
    or the downloaded file). `python build.py request FILE` turns it into an Event."""

    organisation: str = Field(min_length=1, max_length=200)
    organisation_kind: AudienceKind
    city: str = Field(min_length=1, max_length=80)
    region: str | None = Field(default=None, max_length=80)
    contact_person: str = Field(min_length=1, max_length=120)
    email: Email
    phone: str | None = Field(default=None, max_length=40)
    preferred_dates: list[dt.date] = Field(min_length=1, max_length=3)
    topics: list[str] = Field(min_length=1, max_length=6)
    audience_kind: AudienceKind
    audience_size: int | None = Field(default=None, ge=1, le=5000)
    language: str = Field(pattern=r"^[a-z]{2}$")
    notes: str | None = Field(default=None, max_length=1000)
    consent: Annotated[bool, AfterValidator(_must_agree)]
    """The visitor agreed to the processing of their data for handling the request."""

    def to_event(self) -> Event:
        return Event(
            date=min(self.preferred_dates),
            city=self.city,
            region=self.region,
            host=self.organisation,
            host_kind=self.organisation_kind,
            audience=Audience(kind=self.audience_kind, size=self.audience_size),
            topics=self.topics,
            language=self.language,
            status="requested",
            public=False,
            preferred_dates=self.preferred_dates,
            notes=self.notes,
        )


CITATION_RE = re.compile(r"\[@([a-z0-9]+(?:-[a-z0-9]+)*)\]")
"""Inline citation in Markdown bodies: `[@source-id]`."""

TOPIC_LINK_RE = re.compile(r"\[\[([a-z0-9]+(?:-[a-z0-9]+)*)(?:#([a-z0-9]+(?:-[a-z0-9]+)*))?(?:\|([^\[\]\n]+))?\]\]")
"""A link to another topic, or to one of its sections, in Markdown texts: `[[ans]]`, `[[ans#how-it-works]]`;
the title is shown, or the words after `|` (`[[ans|the topic on social rental agencies]]`)."""


class Labels(RootModel[dict[str, Text]]):
    """Interface wording shared by the site and the decks (housing_kit/labels.yaml)."""
