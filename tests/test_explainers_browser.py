"""The explainers on topic pages, in headless Debian Chromium, under the site's real
Content-Security-Policy (only the axe runs bypass it, to inject axe)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = Path(pytest.importorskip("axe_playwright_python").__file__).with_name("axe.min.js")
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LANGS = {"pl": "", "en": "en/"}
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def switch_language(page, other: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'.md-header .md-select__link[hreflang="{other}"]').click()
    page.wait_for_load_state()


def axe_problems(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
    return [
        f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})" for v in result["violations"]
    ]


# ---- the ETHOS explorer -----------------------------------------------------------------------

ETHOS = ".hk-explainer-ethos"


def ethos_shown(page) -> tuple[str, list[str]]:
    status = page.locator(f"{ETHOS} [role=status]").inner_text()
    return status, page.locator(f"{ETHOS} .hk-ethos-results > li:visible .hk-ethos-code").all_inner_texts()


def ethos_search(page, query: str = "", group: str = "") -> tuple[str, list[str]]:
    page.select_option(f"{ETHOS} select", group)
    page.fill(f"{ETHOS} input[type=search]", query)
    return ethos_shown(page)


@pytest.mark.parametrize(
    ("lang", "query", "group", "status", "codes"),
    [
        ("pl", "", "", "Pasujące sytuacje życiowe: 24 z 24", None),
        ("pl", "bezdomnosc", "", "Pasujące sytuacje życiowe: 2 z 24", ["7.1", "7.2"]),
        ("pl", "BEZDOMNOŚĆ", "", "Pasujące sytuacje życiowe: 2 z 24", ["7.1", "7.2"]),
        ("pl", "przemoc", "", "Pasujące sytuacje życiowe: 2 z 24", ["4.1", "10.1"]),
        ("pl", "", "1", "Pasujące sytuacje życiowe: 2 z 24", ["1.1", "2.1"]),
        ("pl", "zaklady karne", "2", "Pasujące sytuacje życiowe: 1 z 24", ["6.1"]),
        ("pl", "zzzz", "", "Pasujące sytuacje życiowe: 0 z 24", []),
        ("en", "", "", "Matching living situations: 24 of 24", None),
        ("en", "hostel", "", "Matching living situations: 1 of 24", ["3.1"]),
        ("en", "", "4", "Matching living situations: 5 of 24", ["11.1", "11.2", "11.3", "12.1", "13.1"]),
        ("en", "institutions", "2", "Matching living situations: 3 of 24", ["6.1", "6.2", "6.3"]),
    ],
)
def test_the_ethos_explorer_filters_and_searches(strict_page, site_url, lang, query, group, status, codes):
    strict_page.goto(f"{site_url}/{LANGS[lang]}topics/ethos/")
    got_status, got_codes = ethos_search(strict_page, query, group)
    assert got_status == status
    if codes is not None:
        assert got_codes == codes
    assert strict_page.locator(f"{ETHOS} .hk-explainer-empty").is_visible() == (got_codes == [])


@pytest.mark.parametrize(
    ("lang", "light"),
    [("pl", "ETHOS Light 4: Osoby w\u00a0instytucjach"), ("en", "ETHOS Light 4: People living in institutions")],
)
def test_the_ethos_explorer_shows_the_ethos_light_category_beside_a_situation(strict_page, site_url, lang, light):
    strict_page.goto(f"{site_url}/{LANGS[lang]}topics/ethos/")
    _, codes = ethos_search(strict_page, "6.2")
    assert codes == ["6.2"]
    assert strict_page.locator(f"{ETHOS} .hk-ethos-results > li:visible .hk-ethos-light").inner_text() == light


def test_without_javascript_the_explorer_stays_hidden_and_the_full_table_is_there(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/topics/ethos/")
    assert page.locator(ETHOS).is_hidden()
    assert page.locator("#figure-ethos-typology tbody td").count() >= 24 * 2
    context.close()


@pytest.mark.parametrize(("lang", "other"), [("pl", "en"), ("en", "pl")])
def test_the_ethos_explorer_works_after_arriving_from_another_page_and_a_language_switch(
    strict_page, site_url, lang, other
):
    strict_page.goto(f"{site_url}/{LANGS[lang]}topics/")
    strict_page.locator('.md-content a[href$="ethos/"]').first.click()
    strict_page.wait_for_url(f"{site_url}/{LANGS[lang]}topics/ethos/")
    assert ethos_search(strict_page, "noclegownia" if lang == "pl" else "night shelter")[1] == ["2.1"]
    switch_language(strict_page, other)
    strict_page.wait_for_url(f"{site_url}/{LANGS[other]}topics/ethos/")
    assert ethos_search(strict_page, "noclegownia" if other == "pl" else "night shelter")[1] == ["2.1"]


def test_the_ethos_explorer_is_keyboard_operable(strict_page, site_url):
    strict_page.goto(f"{site_url}/en/topics/ethos/")
    strict_page.locator(f"{ETHOS} select").focus()
    strict_page.keyboard.press("ArrowDown")  # Roofless
    strict_page.keyboard.press("Tab")
    strict_page.keyboard.type("rough")
    assert ethos_shown(strict_page) == ("Matching living situations: 1 of 24", ["1.1"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_ethos_explorer_in_use_is_axe_clean(browser, site_url, lang, viewport):
    context = browser.new_context(viewport=viewport, bypass_csp=True)  # axe is injected inline
    page = context.new_page()
    page.goto(f"{site_url}/{LANGS[lang]}topics/ethos/")
    ethos_search(page, "a", "2")
    try:
        assert axe_problems(page) == []
    finally:
        context.close()


# ---- the stock-flow calculator ----------------------------------------------------------------

CALC = ".hk-explainer-calculator"
NBSP = "\u00a0"


def calculate(page, stock: str, duration: str, unit: str) -> str:
    page.select_option(f"{CALC} select", unit)
    page.fill(f"{CALC} input[name=stock]", stock)
    page.fill(f"{CALC} input[name=duration]", duration)
    page.locator(f"{CALC} input[name=duration]").press("Tab")
    return page.locator(f"{CALC} [role=status]").inner_text()


def outputs(page) -> list[str]:
    return page.locator(f"{CALC} [data-hk-out]").all_inner_texts()


@pytest.mark.parametrize(
    ("lang", "stock", "duration", "unit", "inflow", "prevalence"),
    [
        ("pl", "1000", "3", "months", f"4{NBSP}000", f"5{NBSP}000"),
        ("pl", "250", "10", "weeks", f"1{NBSP}303,6", f"1{NBSP}553,6"),
        ("pl", "1 234", "3,5", "years", "352,6", f"1{NBSP}586,6"),
        ("pl", "30330", "200", "days", f"55{NBSP}352,3", f"85{NBSP}682,3"),
        ("en", "1000", "3", "months", "4,000", "5,000"),
        ("en", "250", "10", "weeks", "1,303.6", "1,553.6"),
        ("en", "1,234", "3.5", "years", "352.6", "1,586.6"),
        ("en", "30330", "200", "days", "55,352.3", "85,682.3"),
    ],
)
def test_the_calculator_gives_inflow_and_prevalence_in_the_pages_number_format(
    strict_page, site_url, lang, stock, duration, unit, inflow, prevalence
):
    strict_page.goto(f"{site_url}/{LANGS[lang]}topics/measurement/")
    status = calculate(strict_page, stock, duration, unit)
    assert outputs(strict_page) == [inflow, prevalence]
    assert inflow in status and prevalence in status
    svg = strict_page.locator(f"{CALC} svg[role=img]")
    assert svg.locator("rect").count() == 4
    assert prevalence in svg.locator("title").text_content()


@pytest.mark.parametrize(
    ("lang", "stock", "duration", "unit", "field", "message"),
    [
        ("pl", "", "3", "months", "stock", "Wpisz liczbę."),
        ("pl", "-5", "3", "months", "stock", "Liczba nie może być ujemna."),
        ("pl", "abc", "3", "months", "stock", "To nie jest liczba. Wpisz np. 250 albo 2,5."),
        ("pl", "10000001", "3", "months", "stock", "To nierealnie dużo: wpisz najwyżej 10 milionów."),
        ("pl", "100", "0", "months", "duration", "Czas trwania musi być większy od zera."),
        ("pl", "100", "101", "years", "duration", "Epizod dłuższy niż 100 lat nie jest możliwy."),
        ("en", "100", "", "weeks", "duration", "Enter a number."),
        ("en", "100", "-1", "weeks", "duration", "The number cannot be negative."),
        ("en", "100", "0", "days", "duration", "The length must be more than zero."),
        ("en", "20000000", "3", "days", "stock", "That is implausibly large: enter at most 10 million."),
    ],
)
def test_the_calculator_explains_invalid_input_beside_the_field_and_never_shows_nan(
    strict_page, site_url, lang, stock, duration, unit, field, message
):
    strict_page.goto(f"{site_url}/{LANGS[lang]}topics/measurement/")
    status = calculate(strict_page, stock, duration, unit)
    box = strict_page.locator(f"{CALC} input[name={field}]")
    error = strict_page.locator(f"#{box.get_attribute('id')}-error")
    assert error.inner_text() == message
    assert error.get_attribute("id") in box.get_attribute("aria-describedby").split()
    assert box.get_attribute("aria-invalid") == "true"
    assert outputs(strict_page) == ["–", "–"]
    assert "NaN" not in strict_page.locator(CALC).inner_text()
    assert (
        status
        == {
            "pl": "Wpisz poprawnie obie wartości, aby zobaczyć wynik.",
            "en": "Enter both values correctly to see the result.",
        }[lang]
    )


@pytest.mark.parametrize(("lang", "other"), [("pl", "en"), ("en", "pl")])
def test_the_calculator_state_is_shared_by_url_and_survives_a_language_switch(strict_page, site_url, lang, other):
    strict_page.goto(f"{site_url}/{LANGS[lang]}topics/measurement/")
    calculate(strict_page, "250", "10", "weeks")
    assert strict_page.url.endswith("topics/measurement/?stock=250&duration=10&unit=weeks")
    shared = strict_page.url
    strict_page.goto(f"{site_url}/{LANGS[lang]}")  # another page, then the shared link
    strict_page.goto(shared)
    assert outputs(strict_page) == ({"pl": [f"1{NBSP}303,6", f"1{NBSP}553,6"], "en": ["1,303.6", "1,553.6"]}[lang])
    switch_language(strict_page, other)
    strict_page.wait_for_url(f"{site_url}/{LANGS[other]}topics/measurement/?stock=250&duration=10&unit=weeks")
    assert outputs(strict_page) == ({"pl": [f"1{NBSP}303,6", f"1{NBSP}553,6"], "en": ["1,303.6", "1,553.6"]}[other])
    assert strict_page.locator(f"{CALC} select").input_value() == "weeks"


def test_a_shared_decimal_reads_back_in_polish(strict_page, site_url):
    strict_page.goto(f"{site_url}/topics/measurement/?stock=1234&duration=3.5&unit=years")
    assert strict_page.locator(f"{CALC} input[name=duration]").input_value() == "3,5"
    assert outputs(strict_page) == ["352,6", f"1{NBSP}586,6"]


def test_the_calculator_works_after_arriving_from_another_page_with_the_keyboard(strict_page, site_url):
    strict_page.goto(f"{site_url}/en/topics/")
    strict_page.locator('.md-content a[href$="measurement/"]').first.click()
    strict_page.wait_for_url(f"{site_url}/en/topics/measurement/")
    strict_page.locator(f"{CALC} input[name=stock]").focus()
    strict_page.keyboard.type("1000")
    strict_page.keyboard.press("Tab")
    strict_page.keyboard.type("3")
    strict_page.keyboard.press("Tab")  # the unit: months is preselected
    assert outputs(strict_page) == ["4,000", "5,000"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_calculator_in_use_is_axe_clean(browser, site_url, lang, viewport):
    context = browser.new_context(viewport=viewport, bypass_csp=True)  # axe is injected inline
    page = context.new_page()
    page.goto(f"{site_url}/{LANGS[lang]}topics/measurement/")
    calculate(page, "250", "10", "weeks")
    page.fill(f"{CALC} input[name=duration]", "0")  # an error message on show, too
    try:
        assert axe_problems(page) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    finally:
        context.close()


# ---- the regional monitoring self-assessment -------------------------------------------------

LADDER = ".hk-explainer-ladder"
BOX = "#hk-x-ladder-regional-monitoring-{}"


@pytest.mark.parametrize(
    ("lang", "ticks", "status", "gap"),
    [
        ("pl", [], "Osiągnięty krok: jeszcze żaden. Następny krok: 0 – Zainteresowanie polityczne", False),
        ("pl", [1, 2], "Osiągnięty krok: jeszcze żaden. Następny krok: 0 – Zainteresowanie polityczne", True),
        (
            "pl",
            [0, 1, 2, 5],
            "Osiągnięty krok: 2 – Etat w urzędzie regionu. Następny krok: 3 – Trzy role regionu",
            True,
        ),
        (
            "pl",
            list(range(8)),
            "Osiągnięty krok: 7 – Portal danych i trwałość. Region osiągnął wszystkie kroki drabiny.",
            False,
        ),
        ("en", [0], "Step reached: 0 – Political interest. Next step: 1 – Housing on the regional agenda", False),
        (
            "en",
            [0, 1, 2, 5],
            "Step reached: 2 – A dedicated post at the regional authority. Next step: 3 – The region’s three roles",
            True,
        ),
    ],
)
def test_the_self_assessment_names_the_step_reached_and_the_next(
    strict_page, site_url, real_library, lang, ticks, status, gap
):
    strict_page.goto(f"{site_url}/{LANGS[lang]}topics/regional-monitoring/")
    for step in ticks:
        strict_page.check(BOX.format(step))
    assert strict_page.locator(f"{LADDER} [role=status]").inner_text().replace(NBSP, " ") == status
    assert strict_page.locator(f"{LADDER} .hk-ladder-gap").count() == (1 if gap else 0)
    if len(ticks) < 8:  # the next step's indicator and description, from the ladder data
        climbed = next(i for i in range(8) if i not in ticks)
        step = real_library.find("regional-monitoring").figure("ladder-regional-monitoring").steps[climbed]
        result = strict_page.locator(f"{LADDER} [data-hk-result]").inner_text().replace("\u00a0", " ")
        assert step.indicator[lang].split()[-1] in result
        assert step.description[lang].split()[-1] in result


@pytest.mark.parametrize(("lang", "other"), [("pl", "en"), ("en", "pl")])
def test_the_self_assessment_is_shared_by_url_and_survives_a_language_switch(strict_page, site_url, lang, other):
    strict_page.goto(f"{site_url}/{LANGS[lang]}")
    strict_page.goto(f"{site_url}/{LANGS[lang]}topics/regional-monitoring/?steps=0,1,3")
    assert [strict_page.is_checked(BOX.format(i)) for i in range(5)] == [True, True, False, True, False]
    strict_page.locator(BOX.format(2)).press("Space")  # the keyboard ticks too
    assert strict_page.is_checked(BOX.format(2))
    assert strict_page.evaluate("location.href").endswith("topics/regional-monitoring/?steps=0,1,2,3")
    switch_language(strict_page, other)
    strict_page.wait_for_url(f"{site_url}/{LANGS[other]}topics/regional-monitoring/?steps=0,1,2,3")
    assert (
        strict_page.locator(f"{LADDER} [role=status]")
        .inner_text()
        .startswith({"pl": "Osiągnięty krok: 3", "en": "Step reached: 3"}[other])
    )


def test_the_self_assessment_prints_with_its_ticks_and_without_its_button(strict_page, site_url):
    strict_page.goto(f"{site_url}/en/topics/regional-monitoring/?steps=0,1")
    strict_page.emulate_media(media="print")
    assert strict_page.locator(LADDER).is_visible()
    assert strict_page.locator(f"{LADDER} [data-hk-print]").is_hidden()
    assert strict_page.is_checked(BOX.format(1))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_self_assessment_in_use_is_axe_clean(browser, site_url, lang, viewport):
    context = browser.new_context(viewport=viewport, bypass_csp=True)  # axe is injected inline
    page = context.new_page()
    page.goto(f"{site_url}/{LANGS[lang]}topics/regional-monitoring/?steps=0,1,4")
    try:
        assert axe_problems(page) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    finally:
        context.close()
