"""The explainers' markup (housing_kit/site/explainers.py): built from the models, escaped, after its figure."""

from __future__ import annotations

import html
import json
import re

import pytest

from housing_kit.site.explainers import explainers_for, insert_explainers, steady_state


def config_of(markup: str) -> dict:
    return json.loads(html.unescape(re.search(r'data-hk-config="([^"]*)"', markup).group(1)))


def test_the_ethos_explorer_lists_every_living_situation_of_the_typology(real_library):
    topic = real_library.find("ethos")
    figure = topic.figure("ethos-typology")
    markup = explainers_for(topic, "en", real_library)["ethos-typology"]
    situations = [s for g in figure.groups for c in g.categories for s in c.situations]
    assert markup.count("<li ") == len(situations) == config_of(markup)["total"] == 24
    assert markup.count("<option ") == len(figure.groups) + 1
    assert "ETHOS Light 6: People temporarily with family or friends" in markup


def test_explainers_follow_their_figure_and_start_hidden(real_library):
    topic = real_library.find("ethos")
    page = '<p>x</p><figure class="hk-figure" id="figure-ethos-typology"><table></table></figure><p>y</p>'
    out = insert_explainers(page, topic, "pl", real_library)
    assert out.index("</figure>") < out.index('data-hk-explainer="ethos"') < out.index("<p>y</p>")
    assert re.search(r'<section [^>]*data-hk-explainer="ethos"[^>]* hidden>', out)
    assert insert_explainers("<p>no figure</p>", topic, "pl", real_library) == "<p>no figure</p>"


def test_topic_text_in_an_explainer_is_escaped(real_library):
    topic = real_library.find("ethos")
    figure = topic.figure("ethos-typology")
    group = figure.groups[0].model_copy(update={"name": {"pl": "<img src=x onerror=alert(1)>", "en": 'a"b'}})
    hostile = topic.model_copy(update={"figures": [figure.model_copy(update={"groups": [group]})]})
    markup = explainers_for(hostile, "pl", real_library)["ethos-typology"]
    assert "<img" not in markup and "&lt;img" in markup


# ---- the stock-flow calculator's formula (hk-stock-flow.js computes the same) ----------------


def test_steady_state_worked_example():
    # 1,000 people on the count day, episodes of 3 months (91.25 days): each place turns over
    # 365 / 91.25 = 4 times a year, so 4,000 people enter and 5,000 are homeless at some point.
    assert steady_state(1000, 3, "months") == pytest.approx((4000.0, 5000.0))
    assert steady_state(250, 10, "weeks") == pytest.approx((250 * 365 / 70, 250 + 250 * 365 / 70))
    assert steady_state(365, 1, "years") == pytest.approx((365.0, 730.0))
    assert steady_state(0, 5, "days") == (0.0, 0.0)


@pytest.mark.parametrize(("stock", "duration"), [(-1, 3), (10, 0), (10, -2)])
def test_steady_state_refuses_what_has_no_meaning(stock, duration):
    with pytest.raises(ValueError):
        steady_state(stock, duration, "days")


def test_the_calculator_gets_its_days_per_unit_from_the_formula_module(real_library):
    markup = explainers_for(real_library.find("measurement"), "pl", real_library)["stock-flow-prevalence"]
    assert config_of(markup)["days"] == {"days": 1, "weeks": 7, "months": 365 / 12, "years": 365}
    assert 'aria-describedby="hk-x-stock-flow-prevalence-stock-error' in markup
