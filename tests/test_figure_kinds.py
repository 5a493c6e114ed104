"""One registry of figure kinds: every kind fully wired, or a test names what is missing."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest

from housing_kit import models
from housing_kit.deck.plan.theme import THEME
from housing_kit.figure_kinds import DRAWERS, FIGURE_KINDS, PLANNERS, figure_kind, kind_names, resolve
from housing_kit.schema import build_schema
from tests.test_deck_build import fixture_library

TEMPLATES = Path(models.__file__).parent / "site" / "templates" / "figures"


def test_every_kind_has_a_model_a_planner_a_drawer_and_a_page_partial():
    for name, kind in FIGURE_KINDS.items():
        assert typing.get_args(kind.model.model_fields["kind"].annotation) == (name,), name
        assert callable(resolve(PLANNERS, kind.planner)), name
        assert callable(resolve(DRAWERS, kind.drawer)), name
        assert (TEMPLATES / kind.partial).is_file(), f"{name}: no partial {kind.partial}"


def test_the_models_figure_union_is_the_registry():
    union = typing.get_args(typing.get_args(models.Figure)[0])
    assert set(union) == {kind.model for kind in FIGURE_KINDS.values()}


def test_the_loader_and_the_schema_name_the_registered_kinds():
    assert kind_names() == "table, chart, typology, ladder, list, paths, flow, timeline or hub"
    schema = build_schema(models.Topic, ("pl", "en"))
    figures = schema["properties"]["figures"]["items"]
    assert set(figures["discriminator"]["mapping"]) == set(FIGURE_KINDS)


def test_each_kind_is_drawn_by_the_drawer_it_names():
    from housing_kit.deck.draw.figures import DRAWERS as BY_SHAPE
    from housing_kit.deck.draw.template import find_layouts, open_template, read_geometry
    from housing_kit.deck.plan.context import Context

    library = fixture_library("deck")
    prs = open_template(None, THEME)
    geometry = read_geometry(prs, find_layouts(prs, "default", THEME), THEME)
    ctx = Context(library, "pl", geometry, THEME)
    seen = set()
    for topic in library.topics:
        for figure in topic.figures:
            kind = figure_kind(figure.kind)
            pages = resolve(PLANNERS, kind.planner)(ctx, figure, geometry.figure)
            assert pages, figure.id
            for shapes, _notes in pages:
                for shape in shapes:
                    assert BY_SHAPE[type(shape)] is resolve(DRAWERS, kind.drawer), (figure.kind, type(shape))
            seen.add(figure.kind)
    assert seen == set(FIGURE_KINDS), "the deck fixture shows every kind"


def test_an_unregistered_kind_and_an_unknown_shape_raise(monkeypatch):
    from housing_kit.deck.draw.figures import draw

    with pytest.raises(TypeError, match="no drawer for object"):
        draw(None, object(), None, None)  # type: ignore[arg-type]
    monkeypatch.delitem(FIGURE_KINDS, "ladder")
    with pytest.raises(LookupError, match="'ladder' is not registered"):
        figure_kind("ladder")
