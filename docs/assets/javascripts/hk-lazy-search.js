/* Load the search index only when the reader opens search (issue 11, item 7).
   Loaded before Material's bundle, which asks for search/search_index.json (through
   XMLHttpRequest) as soon as the page loads; here that request waits until the
   search field gets focus, the search toggle or its label is used, a search shortcut
   (f, s, /) is pressed, or the address carries a query (?q=). Nothing else changes:
   Material's worker then receives the index as it always does. */
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var waiting = [];
  var released = /[?&]q=/.test(location.search);

  XMLHttpRequest.prototype.open = function (method, url) {
    this.hkSearchIndex = /search_index\.json(\?|#|$)/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.hkSearchIndex && !released) {
      waiting.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function release() {
    if (released) return;
    released = true;
    waiting.forEach(function (w) { send.apply(w[0], w[1]); });
    waiting = [];
  }
  function inSearch(target) {
    return target && target.closest && target.closest(".md-search, label[for='__search'], #__search");
  }
  document.addEventListener("focusin", function (e) { if (inSearch(e.target)) release(); }, true);
  document.addEventListener("pointerdown", function (e) { if (inSearch(e.target)) release(); }, true);
  document.addEventListener("change", function (e) { if (e.target && e.target.id === "__search") release(); }, true);
  document.addEventListener("keydown", function (e) {
    if (e.key === "f" || e.key === "s" || e.key === "/") release();
  }, true);
})();
