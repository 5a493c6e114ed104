"""The explainers' markup (housing_kit/site/explainers.py): built from the models, escaped, after its figure."""

from __future__ import annotations

import html
import json
import re

from housing_kit.site.explainers import explainers_for, insert_explainers


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
