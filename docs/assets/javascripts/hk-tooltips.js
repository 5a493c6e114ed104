/* Tooltips for citations, glossary terms and abbreviations (issues 11 and 14), light enough
   for long pages. Material's `content.tooltips` builds a tooltip element and its observers
   for every link with a title when the page loads: on the Housing First page that is over
   a hundred of them, and the main thread's longest task. Here one listener on the document
   shows one shared tooltip for whatever the pointer or the keyboard focus is on, so loading
   the page costs nothing.
   - It shows on hover and on keyboard focus, stays while the pointer moves onto it
     (WCAG 1.4.13: hoverable), hides on Escape (dismissable) and when both pointer and
     focus have left (persistent until then).
   - While it shows, the element's title moves into the tooltip (so the browser does not
     show its own as well) and the element is described by the tooltip; the title comes
     back when it hides, for screen readers and for readers without this script. */
(function () {
  "use strict";
  var SELECTOR = ".md-content [title]:not(.headerlink), .md-content [data-hk-title]";
  var tip = null;
  var owner = null;
  var hideTimer = 0;

  function tooltip() {
    if (tip) return tip;
    tip = document.createElement("div");
    tip.id = "hk-tooltip";
    tip.className = "hk-tooltip md-typeset";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    tip.addEventListener("mouseleave", scheduleHide);
    document.body.appendChild(tip);
    return tip;
  }

  function place(el) {
    var box = el.getBoundingClientRect();
    var margin = 8;
    var width = document.documentElement.clientWidth;
    tip.style.maxWidth = Math.min(360, width - 2 * margin) + "px";
    var own = tip.getBoundingClientRect();
    var left = Math.max(margin, Math.min(box.left, width - own.width - margin));
    var below = box.bottom + 6;
    var top = below + own.height > window.innerHeight && box.top - own.height - 6 > 0
      ? box.top - own.height - 6 : below;
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = top + window.scrollY + "px";
  }

  function show(el) {
    clearTimeout(hideTimer);
    if (owner === el) return;
    hide();
    var text = el.getAttribute("title");
    if (!text) return;
    owner = el;
    el.setAttribute("data-hk-title", text);
    el.removeAttribute("title");
    el.setAttribute("aria-describedby", "hk-tooltip");
    tooltip().textContent = text;
    tip.hidden = false;
    place(el);
  }

  function hide() {
    clearTimeout(hideTimer);
    if (!owner) return;
    owner.setAttribute("title", owner.getAttribute("data-hk-title"));
    owner.removeAttribute("data-hk-title");
    owner.removeAttribute("aria-describedby");
    owner = null;
    tip.hidden = true;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () {
      if (owner && owner === document.activeElement) return;
      hide();
    }, 150);
  }

  function target(node) {
    return node && node.closest ? node.closest(SELECTOR) : null;
  }

  document.addEventListener("mouseover", function (e) {
    var el = target(e.target);
    if (el) show(el);
  });
  document.addEventListener("mouseout", function (e) {
    if (owner && target(e.target) === owner && !owner.contains(e.relatedTarget)) scheduleHide();
  });
  document.addEventListener("focusin", function (e) {
    var el = target(e.target);
    if (el) show(el);
    else if (owner) hide();
  });
  document.addEventListener("focusout", function (e) {
    if (owner && e.target === owner) hide();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && owner) hide();
  });
  window.addEventListener("resize", function () { if (owner) place(owner); });
})();
