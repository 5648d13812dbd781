// otapress default theme: device emphasis, search and channel filter for the history, and the copy button.
// Without JavaScript every release is listed, the controls stay hidden, and both the install
// button and the QR code show with equal weight.
(function () {
  "use strict";

  // Only a hint for the stylesheet: nothing is ever hidden by it, because iPadOS Safari claims to
  // be a Mac and any guess can be wrong. An iPad is a "Mac" with a touch screen.
  function markDevice() {
    var ua = navigator.userAgent || "";
    var ios = /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1);
    document.documentElement.classList.add(ios ? "device-ios" : "device-other");
  }

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

  markDevice();
  // The script runs from <head>, before the body exists.
  function ready() {
    setUpFilters();
    setUpCopy();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
}());
