/* Small page helpers, no inline script needed (housing-led knowledge kit, issue 11).
   - print: the date a page is printed, in the page's language, in the print header;
     the ladder's and the typology's tables opened for the printout, closed again after;
     external links get a compact address (no scheme, no "www.") that print.css shows;
   - the language switch keeps the section the reader is on (#hash) and an explainer's
     state (?query, which the explainers keep up to date; issue 15). */
(function () {
  "use strict";
  var lang = document.documentElement.lang || "pl";

  function printDate() {
    var today = new Date();
    var text;
    try {
      text = today.toLocaleDateString(lang, { year: "numeric", month: "long", day: "numeric" });
    } catch (e) {
      text = today.toISOString().slice(0, 10);
    }
    document.querySelectorAll("time[data-hk-print-date]").forEach(function (el) {
      el.textContent = text;
      el.setAttribute("datetime", today.toISOString().slice(0, 10));
    });
  }

  var PRINTED_TABLES = ".hk-ladder details.hk-figure-data, .hk-typology details.hk-figure-data";

  function openForPrint() {
    document.querySelectorAll(PRINTED_TABLES).forEach(function (d) {
      if (!d.open) {
        d.open = true;
        d.setAttribute("data-hk-print-opened", "");
      }
    });
  }

  function closeAfterPrint() {
    document.querySelectorAll("details[data-hk-print-opened]").forEach(function (d) {
      d.open = false;
      d.removeAttribute("data-hk-print-opened");
    });
  }

  function compactLinks() {
    document.querySelectorAll('.md-content a[href^="http"]').forEach(function (a) {
      if (a.host === location.host) return;
      var short = a.href.replace(/^https?:\/\/(www\.)?/, "").replace(/\/$/, "");
      if (a.textContent.replace(/\s/g, "").indexOf(short) !== -1) return; // the address is the text already
      a.setAttribute("data-hk-href", short);
    });
  }

  /* Material's language switch: links with hreflang in the header's select list. */
  function keepSection() {
    var links = document.querySelectorAll(".md-header .md-select__link[hreflang]");
    links.forEach(function (a) {
      var base = a.getAttribute("data-hk-base");
      if (base === null) {
        base = a.getAttribute("href").split("#")[0];
        a.setAttribute("data-hk-base", base);
      }
      a.setAttribute("href", base + location.search + location.hash);
    });
  }

  function ready() {
    printDate();
    compactLinks();
    keepSection();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
  window.addEventListener("beforeprint", printDate);
  window.addEventListener("beforeprint", openForPrint);
  window.addEventListener("afterprint", closeAfterPrint);
  window.addEventListener("hashchange", keepSection);
  /* the explainers change the query with history.replaceState, which fires no event */
  document.addEventListener("pointerdown", keepSection, true);
  document.addEventListener("keydown", keepSection, true);
})();
