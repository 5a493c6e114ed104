"""Explainers: small tools on topic pages built from the same validated figures as the page.

Each explainer follows one figure: its markup is placed right after that figure
(``<figure id="figure-<id>">``) once the page has been sanitised (sanitise.py would
remove form controls), so everything here is built from the models and escaped.
The markup starts ``hidden``; its script (docs/assets/javascripts/hk-*.js) shows it,
so without JavaScript the reader has the figure's full table and nothing broken.
What a script needs (label templates, numbers) travels in a ``data-hk-config``
attribute as JSON: the page's Content-Security-Policy allows no inline script.

Which figure gets which explainer:

- every ``typology`` figure: the explorer (filter by the first level, search);
  a situation's ``light:`` number is shown with its row of the table figure
  ``ethos-light`` of the same topic, if there is one;
- every ``ladder`` figure: the self-assessment;
- the figure with the id ``stock-flow-prevalence``: the stock-flow calculator.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from markupsafe import escape

from ..library import Library
from ..models import TableFigure, Topic, TypologyFigure
from ..typography import typeset

ETHOS_LIGHT_FIGURE = "ethos-light"
CALCULATOR_FIGURE = "stock-flow-prevalence"


def explainers_for(topic: Topic, lang: str, library: Library) -> dict[str, str]:
    """Figure id -> the explainer markup to place after that figure, for one page."""
    out: dict[str, str] = {}
    for figure in topic.figures:
        if isinstance(figure, TypologyFigure):
            out[figure.id] = ethos_explorer(topic, figure, lang, library)
    return out


def insert_explainers(html: str, topic: Topic, lang: str, library: Library) -> str:
    """``html`` (a sanitised topic page) with each explainer after its figure."""
    for figure_id, markup in explainers_for(topic, lang, library).items():
        start = html.find(f'id="figure-{figure_id}"')
        end = html.find("</figure>", start) if start != -1 else -1
        if end == -1:
            continue  # the page does not show the figure
        end += len("</figure>")
        html = html[:end] + "\n" + markup + html[end:]
    return html


# ------------------------------------------------------------------ shared pieces
def _config(data: dict[str, Any]) -> str:
    """JSON for a data- attribute (escaped for the attribute; never run as script)."""
    return str(escape(json.dumps(data, ensure_ascii=False, separators=(",", ":"))))


def _labeller(library: Library, lang: str) -> Callable[[str], str]:
    return lambda key: library.label(key, lang)


def _text(text: str, lang: str) -> str:
    """Plain text from topic data, with the language's typography, escaped for HTML."""
    return str(escape(typeset(text, lang)))


def _open(kind: str, figure_id: str, heading: str, lead: str, config: dict[str, Any]) -> str:
    uid = f"hk-x-{figure_id}"
    return (
        f'<section class="hk-explainer hk-explainer-{kind}" id="{uid}" data-hk-explainer="{kind}" '
        f'aria-labelledby="{uid}-h" data-hk-config="{_config(config)}" hidden>\n'
        f'<h3 id="{uid}-h">{heading}</h3>\n<p class="hk-explainer-lead">{lead}</p>\n'
    )


# ------------------------------------------------------------------ ETHOS explorer
def ethos_explorer(topic: Topic, figure: TypologyFigure, lang: str, library: Library) -> str:
    """A filter by the first level (conceptual category), a search box and the living situations."""
    L, uid = _labeller(library, lang), f"hk-x-{figure.id}"
    light = _light_rows(topic, lang)
    total = sum(len(cat.situations) for group in figure.groups for cat in group.categories)
    config = {"count": L("x_ethos_count"), "total": total}
    parts = [_open("ethos", figure.id, _text(L("x_ethos_heading"), lang), _text(L("x_ethos_lead"), lang), config)]
    parts.append('<div class="hk-explainer-controls">')
    parts.append(
        f'<div class="hk-field"><label for="{uid}-group">{_text(figure.levels[0][lang], lang)}</label>'
        f'<select id="{uid}-group" data-hk-role="group"><option value="">{_text(L("x_ethos_all"), lang)}</option>'
    )
    for n, group in enumerate(figure.groups, start=1):
        parts.append(f'<option value="{n}">{_text(group.name[lang], lang)}</option>')
    parts.append("</select></div>")
    parts.append(
        f'<div class="hk-field"><label for="{uid}-q">{_text(L("x_ethos_search"), lang)}</label>'
        f'<input type="search" id="{uid}-q" data-hk-role="query" autocomplete="off" spellcheck="false" '
        f'aria-describedby="{uid}-hint"><p class="hk-field-hint" id="{uid}-hint">'
        f"{_text(L('x_ethos_hint'), lang)}</p></div>"
    )
    parts.append("</div>")
    parts.append(f'<p class="hk-explainer-status" role="status" aria-live="polite" id="{uid}-count"></p>')
    parts.append(f'<ul class="hk-ethos-results" aria-labelledby="{uid}-h">')
    for n, group in enumerate(figure.groups, start=1):
        for cat in group.categories:
            for sit in cat.situations:
                parts.append(
                    f'<li data-hk-group="{n}"><span class="hk-ethos-code">{escape(sit.code)}</span> '
                    f'<strong class="hk-ethos-name">{_text(sit.name[lang], lang)}</strong>'
                )
                if sit.definition is not None:
                    parts.append(f'<span class="hk-ethos-def">{_text(sit.definition[lang], lang)}</span>')
                parts.append(
                    f'<span class="hk-ethos-path">{_text(group.name[lang], lang)} › '
                    f"{escape(cat.code)}. {_text(cat.name[lang], lang)}</span>"
                )
                if sit.light is not None:
                    name = light.get(sit.light)
                    row = f"ETHOS Light {sit.light}" + (f": {name}" if name else "")
                    parts.append(f'<span class="hk-ethos-light">{_text(row, lang)}</span>')
                parts.append("</li>")
    parts.append("</ul>")
    parts.append(f'<p class="hk-explainer-empty" hidden>{_text(L("x_ethos_none"), lang)}</p>')
    parts.append("</section>")
    return "\n".join(parts)


def _light_rows(topic: Topic, lang: str) -> dict[int, str]:
    """ETHOS Light number -> its category's name, from the topic's ``ethos-light`` table (first two columns)."""
    table = next((f for f in topic.figures if f.id == ETHOS_LIGHT_FIGURE and isinstance(f, TableFigure)), None)
    rows: dict[int, str] = {}
    for row in table.rows if table else []:
        number, name = (row + [None, None])[:2]
        if isinstance(number, int | float) and isinstance(name, dict):
            rows[int(number)] = str(name[lang])
    return rows
