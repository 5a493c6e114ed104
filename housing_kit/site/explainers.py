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
from ..models import LadderFigure, TableFigure, Topic, TypologyFigure
from ..typography import typeset

ETHOS_LIGHT_FIGURE = "ethos-light"
CALCULATOR_FIGURE = "stock-flow-prevalence"


def explainers_for(topic: Topic, lang: str, library: Library) -> dict[str, str]:
    """Figure id -> the explainer markup to place after that figure, for one page."""
    out: dict[str, str] = {}
    for figure in topic.figures:
        if isinstance(figure, TypologyFigure):
            out[figure.id] = ethos_explorer(topic, figure, lang, library)
        elif isinstance(figure, LadderFigure):
            out[figure.id] = self_assessment(figure, lang, library)
        elif figure.id == CALCULATOR_FIGURE:
            out[figure.id] = stock_flow_calculator(figure.id, lang, library)
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


# ------------------------------------------------------------------ stock, flow, prevalence
DAYS_PER_UNIT = {"days": 1.0, "weeks": 7.0, "months": 365 / 12, "years": 365.0}
"""How many days each duration unit stands for (a month is a twelfth of a 365-day year)."""
LARGEST_COUNT = 10_000_000
"""A point-in-time count above this is taken for a typing mistake."""
LONGEST_EPISODE_DAYS = 36_500.0
"""An average episode longer than 100 years is taken for a typing mistake."""


def steady_state(stock: float, duration: float, unit: str) -> tuple[float, float]:
    """Annual inflow and annual period prevalence from a point-in-time count (``stock``) and the
    average length of an episode of homelessness (``duration`` in ``unit``), in a steady state:
    as many people enter as leave, so inflow = stock × 365 / duration in days and prevalence =
    stock + inflow. The calculator's script (hk-stock-flow.js) computes the same."""
    days = duration * DAYS_PER_UNIT[unit]
    if stock < 0 or days <= 0:
        raise ValueError("the count cannot be negative and the duration must be more than zero")
    inflow = stock * 365 / days
    return inflow, stock + inflow


def stock_flow_calculator(figure_id: str, lang: str, library: Library) -> str:
    """Two fields (count; duration with its unit), the results, a picture drawn by the script,
    and the assumptions in plain words."""
    L, uid = _labeller(library, lang), f"hk-x-{figure_id}"
    keys = ["result", "waiting", "picture", "bar_stock", "bar_inflow", "bar_total"]
    keys += ["err_empty", "err_number", "err_negative", "err_zero", "err_large", "err_long"]
    config: dict[str, Any] = {k: L(f"x_calc_{k}") for k in keys}
    config |= {"days": DAYS_PER_UNIT, "largest": LARGEST_COUNT, "longest": LONGEST_EPISODE_DAYS}

    def T(key: str) -> str:
        return _text(L(key), lang)

    parts = [_open("calculator", figure_id, T("x_calc_heading"), T("x_calc_lead"), config)]
    parts.append(f'<form class="hk-explainer-controls" id="{uid}-form" novalidate>')
    for name, label, hint in (("stock", "x_calc_stock", "x_calc_stock_hint"), ("duration", "x_calc_duration", "")):
        described = f"{uid}-{name}-error" + (f" {uid}-{name}-hint" if hint else "")
        parts.append(
            f'<div class="hk-field"><label for="{uid}-{name}">{T(label)}</label>'
            f'<input type="text" inputmode="decimal" id="{uid}-{name}" name="{name}" autocomplete="off" '
            f'aria-describedby="{described}">'
            + (f'<p class="hk-field-hint" id="{uid}-{name}-hint">{T(hint)}</p>' if hint else "")
            + f'<p class="hk-field-error" id="{uid}-{name}-error"></p></div>'
        )
    unit_label = f'<label for="{uid}-unit">{T("x_calc_unit")}</label>'
    parts.append(f'<div class="hk-field">{unit_label}<select id="{uid}-unit" name="unit">')
    for unit in DAYS_PER_UNIT:
        selected = " selected" if unit == "months" else ""
        parts.append(f'<option value="{unit}"{selected}>{T("x_calc_" + unit)}</option>')
    parts.append("</select></div></form>")
    parts.append(f'<p class="hk-explainer-status" role="status" aria-live="polite" id="{uid}-status"></p>')
    parts.append('<dl class="hk-calc-results">')
    for out in ("inflow", "prevalence"):
        parts.append(f'<div><dt>{T("x_calc_" + out)}</dt><dd data-hk-out="{out}">–</dd></div>')
    parts.append("</dl>")
    parts.append('<div class="hk-calc-picture" data-hk-picture></div>')
    parts.append(f'<h4 id="{uid}-limits">{T("x_calc_limits")}</h4>')
    for key in ("x_calc_assumption", "x_calc_limit"):
        parts.append(f"<p>{T(key)}</p>")
    parts.append("</section>")
    return "\n".join(parts)


# ------------------------------------------------------------------ ladder self-assessment
def self_assessment(figure: LadderFigure, lang: str, library: Library) -> str:
    """A tick box per step; the script says which step is reached: the highest step with every
    step below it (and itself) ticked, so a gap stops the climb."""
    L, uid = _labeller(library, lang), f"hk-x-{figure.id}"
    keys = ["reached", "reached_none", "next", "all_done", "indicator", "todo", "gap", "status"]
    config: dict[str, Any] = {k: L(f"x_ladder_{k}") for k in keys}
    config["steps"] = [
        {
            "step": s.step,
            "title": typeset(s.title[lang], lang),
            "indicator": typeset(s.indicator[lang], lang),
            "description": typeset(s.description[lang], lang),
        }
        for s in figure.steps
    ]

    def T(key: str) -> str:
        return _text(L(key), lang)

    parts = [_open("ladder", figure.id, T("x_ladder_heading"), T("x_ladder_lead"), config)]
    parts.append(f'<fieldset class="hk-ladder-steps"><legend>{T("x_ladder_legend")}</legend>')
    for s in figure.steps:
        parts.append(
            f'<div class="hk-ladder-step"><input type="checkbox" id="{uid}-{s.step}" value="{s.step}" '
            f'aria-describedby="{uid}-{s.step}-ind"><label for="{uid}-{s.step}"><span class="hk-step">{s.step}</span> '
            f"{_text(s.title[lang], lang)}</label>"
            f'<p class="hk-field-hint" id="{uid}-{s.step}-ind">{_text(s.indicator[lang], lang)}</p></div>'
        )
    parts.append("</fieldset>")
    parts.append(f'<p class="hk-explainer-status" role="status" aria-live="polite" id="{uid}-status"></p>')
    parts.append('<div class="hk-ladder-result" data-hk-result></div>')
    parts.append(
        '<p class="hk-ladder-actions">'
        f'<button type="button" class="md-button" data-hk-print>{T("x_ladder_print")}</button>'
        f' <span class="hk-field-hint">{T("x_ladder_private")}</span></p>'
    )
    parts.append("</section>")
    return "\n".join(parts)
