/* The ETHOS explorer (housing_kit/site/explainers.py builds its markup, hidden until this runs):
   filter the living situations by conceptual category and by words typed in any case,
   with or without Polish letters ("bezdomnosc" finds "bezdomność"); the count is announced. */
(function () {
  "use strict";

  /* Lower case without diacritics; ł does not decompose in Unicode, so it is mapped by hand. */
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ł/g, "l")
      .replace(/[\u00a0\s]+/g, " ");
  }

  function setUp(root) {
    var config = JSON.parse(root.getAttribute("data-hk-config"));
    var group = root.querySelector("[data-hk-role=group]");
    var query = root.querySelector("[data-hk-role=query]");
    var status = root.querySelector(".hk-explainer-status");
    var empty = root.querySelector(".hk-explainer-empty");
    var items = Array.prototype.map.call(root.querySelectorAll(".hk-ethos-results > li"), function (li) {
      return { li: li, group: li.getAttribute("data-hk-group"), text: fold(li.textContent) };
    });

    function update() {
      var words = fold(query.value).trim().split(" ").filter(Boolean);
      var wanted = group.value;
      var shown = 0;
      items.forEach(function (item) {
        var match = (!wanted || item.group === wanted) && words.every(function (w) {
          return item.text.indexOf(w) !== -1;
        });
        item.li.hidden = !match;
        if (match) shown += 1;
      });
      empty.hidden = shown !== 0;
      status.textContent = config.count.replace("{n}", String(shown)).replace("{total}", String(config.total));
    }

    group.addEventListener("change", update);
    query.addEventListener("input", update);
    root.hidden = false;
    update();
  }

  function ready() {
    document.querySelectorAll('[data-hk-explainer="ethos"]').forEach(setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
