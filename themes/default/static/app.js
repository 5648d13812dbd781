// otapress default theme: search and channel filter for the history, and the copy button.
// Without JavaScript every release is listed and the controls stay hidden.
(function () {
  "use strict";

  function setUpFilters() {
    var form = document.querySelector("[data-filters]");
    if (!form) return;
    var input = form.querySelector("[data-search-input]");
    var select = form.querySelector("[data-channel-select]");
    var items = Array.prototype.slice.call(document.querySelectorAll("[data-history] > li"));
    var noMatch = Array.prototype.slice.call(document.querySelectorAll("[data-no-match]"));
    form.hidden = false;

    function apply() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var channel = select ? select.value : "";
      var shown = 0;
      items.forEach(function (li) {
        var text = li.getAttribute("data-search") || "";
        var ok = (!channel || li.getAttribute("data-channel") === channel) &&
          words.every(function (w) { return text.indexOf(w) >= 0; });
        li.hidden = !ok;
        if (ok) shown++;
      });
      noMatch.forEach(function (p) { p.hidden = shown > 0; });
    }

    form.addEventListener("submit", function (e) { e.preventDefault(); });
    input.addEventListener("input", apply);
    if (select) select.addEventListener("change", apply);
  }

  function setUpCopy() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-copy]"), function (button) {
      if (!navigator.clipboard) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
          button.textContent = "Copied";
        }, function () {
          button.textContent = "Copy failed";
        });
      });
    });
  }

  setUpFilters();
  setUpCopy();
}());
