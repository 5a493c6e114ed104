/* The stock, flow and prevalence calculator (markup: housing_kit/site/explainers.py, hidden until
   this runs). Steady state: inflow = stock × 365 / duration in days; prevalence = stock + inflow,
   as explainers.steady_state (tested in Python). The values live in the page address
   (?stock=&duration=&unit=), so a result can be shared; nothing is sent anywhere. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var lang = document.documentElement.lang || "pl";

  function formatter() {
    try {
      return new Intl.NumberFormat(lang, { maximumFractionDigits: 1, useGrouping: "always" });
    } catch (e) { /* older engines: no "always" */
      return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
    }
  }
  var numbers = formatter();
  function format(n) { return numbers.format(n); }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, key) { return values[key]; });
  }

  /* What the reader typed as a number: spaces (also no-break) ignored; in Polish a comma is the
     decimal mark, in English a thousands separator. NaN when it is not a number at all. */
  function parse(text) {
    var s = text.replace(/[\s\u00a0\u202f]/g, "");
    s = lang === "pl" ? s.replace(",", ".") : s.replace(/,/g, "");
    return /^-?(\d+\.?\d*|\.\d+)$/.test(s) ? parseFloat(s) : NaN;
  }

  function setUp(root) {
    var c = JSON.parse(root.getAttribute("data-hk-config"));
    var form = root.querySelector("form");
    var stock = form.elements.namedItem("stock");
    var duration = form.elements.namedItem("duration");
    var unit = form.elements.namedItem("unit");
    var status = root.querySelector(".hk-explainer-status");
    var outs = { inflow: root.querySelector('[data-hk-out="inflow"]'), prevalence: root.querySelector('[data-hk-out="prevalence"]') };
    var picture = root.querySelector("[data-hk-picture]");

    function check(input, isDuration) {
      var error = document.getElementById(input.id + "-error");
      var value = parse(input.value);
      var message = "";
      if (input.value.trim() === "") message = c.err_empty;
      else if (isNaN(value)) message = c.err_number;
      else if (value < 0) message = c.err_negative;
      else if (isDuration && value === 0) message = c.err_zero;
      else if (!isDuration && value > c.largest) message = c.err_large;
      else if (isDuration && value * c.days[unit.value] > c.longest) message = c.err_long;
      error.textContent = message;
      if (message) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
      return message ? null : value;
    }

    function update(touched) {
      var s = check(stock, false);
      var d = check(duration, true);
      if (!touched) { /* no messages for fields the reader has not reached yet */
        [stock, duration].forEach(function (input) {
          if (input.value.trim() === "") {
            document.getElementById(input.id + "-error").textContent = "";
            input.removeAttribute("aria-invalid");
          }
        });
      }
      var params = new URLSearchParams(location.search);
      if (s === null || d === null) {
        outs.inflow.textContent = outs.prevalence.textContent = "–";
        status.textContent = c.waiting;
        picture.textContent = "";
        ["stock", "duration", "unit"].forEach(function (k) { params.delete(k); });
      } else {
        var inflow = s * 365 / (d * c.days[unit.value]);
        var values = { stock: format(s), inflow: format(inflow), prevalence: format(s + inflow) };
        outs.inflow.textContent = values.inflow;
        outs.prevalence.textContent = values.prevalence;
        status.textContent = fill(c.result, values);
        draw(s, inflow, values);
        params.set("stock", String(s));
        params.set("duration", String(d));
        params.set("unit", unit.value);
      }
      var query = params.toString();
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }

    /* Three bars: the stock, the inflow, and the two together (the prevalence). */
    function draw(s, inflow, values) {
      var total = s + inflow || 1;
      var svg = document.createElementNS(SVG, "svg");
      svg.setAttribute("viewBox", "0 0 600 190");
      svg.setAttribute("role", "img");
      var title = document.createElementNS(SVG, "title");
      title.id = root.id + "-picture-title";
      title.textContent = fill(c.picture, values);
      svg.setAttribute("aria-labelledby", title.id);
      svg.appendChild(title);
      var rows = [
        [c.bar_stock, [[0, s, "hk-bar-stock"]], values.stock],
        [c.bar_inflow, [[0, inflow, "hk-bar-inflow"]], values.inflow],
        [c.bar_total, [[0, s, "hk-bar-stock"], [s, inflow, "hk-bar-inflow"]], values.prevalence]
      ];
      rows.forEach(function (row, i) {
        var y = 8 + i * 62;
        var label = document.createElementNS(SVG, "text");
        label.setAttribute("x", "0");
        label.setAttribute("y", String(y + 14));
        label.textContent = row[0] + ": " + row[2];
        svg.appendChild(label);
        row[1].forEach(function (part) {
          var rect = document.createElementNS(SVG, "rect");
          rect.setAttribute("x", String(600 * part[0] / total));
          rect.setAttribute("y", String(y + 22));
          rect.setAttribute("width", String(Math.max(600 * part[1] / total, part[1] > 0 ? 1 : 0)));
          rect.setAttribute("height", "24");
          rect.setAttribute("class", part[2]);
          svg.appendChild(rect);
        });
      });
      picture.textContent = "";
      picture.appendChild(svg);
    }

    /* A shared link: ?stock=250&duration=10&unit=weeks (numbers with a dot, in any language). */
    var params = new URLSearchParams(location.search);
    if (params.has("stock") || params.has("duration")) {
      var show = function (v) { return lang === "pl" ? String(v).replace(".", ",") : String(v); };
      var sp = parseFloat(params.get("stock")), dp = parseFloat(params.get("duration"));
      if (!isNaN(sp)) stock.value = show(sp);
      if (!isNaN(dp)) duration.value = show(dp);
      if (c.days.hasOwnProperty(params.get("unit"))) unit.value = params.get("unit");
    }
    form.addEventListener("submit", function (e) { e.preventDefault(); update(true); });
    stock.addEventListener("input", function () { update(false); });
    duration.addEventListener("input", function () { update(false); });
    stock.addEventListener("change", function () { update(true); });
    duration.addEventListener("change", function () { update(true); });
    unit.addEventListener("change", function () { update(false); });
    root.hidden = false;
    update(false);
  }

  function ready() {
    document.querySelectorAll('[data-hk-explainer="calculator"]').forEach(setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
