/* The regional monitoring self-assessment (markup: housing_kit/site/explainers.py, hidden until
   this runs). The step reached is the highest step whose every lower step is ticked too: the
   climb stops at the first unticked step, which is the next step. Ticks live in the page
   address (?steps=0,1,2) so the result can be shared; nothing is sent anywhere. */
(function () {
  "use strict";

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, key) { return values[key]; });
  }

  function setUp(root) {
    var c = JSON.parse(root.getAttribute("data-hk-config"));
    var boxes = Array.prototype.slice.call(root.querySelectorAll('input[type="checkbox"]'));
    var status = root.querySelector(".hk-explainer-status");
    var result = root.querySelector("[data-hk-result]");

    function para(cls, strong, text) {
      var p = document.createElement("p");
      p.className = cls;
      if (strong) {
        var b = document.createElement("strong");
        b.textContent = strong + ": ";
        p.appendChild(b);
      }
      p.appendChild(document.createTextNode(text));
      result.appendChild(p);
    }

    function update() {
      var ticked = boxes.map(function (b) { return b.checked; });
      var climbed = ticked.indexOf(false);
      if (climbed === -1) climbed = ticked.length; /* how many steps from the bottom are in place */
      var reached = climbed > 0 ? c.steps[climbed - 1] : null;
      var next = climbed < c.steps.length ? c.steps[climbed] : null;
      var reachedText = reached ? fill(c.reached, reached) : c.reached_none;
      var nextText = next ? fill(c.next, next) : c.all_done;
      status.textContent = fill(c.status, { reached: reachedText, next: nextText }).replace(/\.\./g, ".");
      result.textContent = "";
      if (next) {
        para("hk-ladder-indicator", c.indicator, next.indicator);
        para("hk-ladder-todo", c.todo, next.description);
      }
      var above = c.steps.filter(function (s, i) { return i > climbed && ticked[i]; })
        .map(function (s) { return String(s.step); });
      if (above.length) para("hk-ladder-gap", "", fill(c.gap, { steps: above.join(", ") }));
      var params = new URLSearchParams(location.search);
      var steps = c.steps.filter(function (s, i) { return ticked[i]; }).map(function (s) { return s.step; });
      if (steps.length) params.set("steps", steps.join(","));
      else params.delete("steps");
      var query = params.toString().replace(/%2C/g, ","); /* ?steps=0,1,2 reads better */
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }

    var shared = new URLSearchParams(location.search).get("steps");
    if (shared !== null) {
      var wanted = shared.split(",");
      boxes.forEach(function (b) { b.checked = wanted.indexOf(b.value) !== -1; });
    }
    boxes.forEach(function (b) { b.addEventListener("change", update); });
    root.querySelector("[data-hk-print]").addEventListener("click", function () { window.print(); });
    root.hidden = false;
    update();
  }

  function ready() {
    document.querySelectorAll('[data-hk-explainer="ladder"]').forEach(setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
