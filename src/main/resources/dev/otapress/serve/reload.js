// Served only by otapress serve: reloads the page after a rebuild, shows a failed one.
(function () {
  "use strict";
  var seen = null;
  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = "/__otapress/serve.css";
  document.head.appendChild(css);
  var banner = document.createElement("div");
  banner.className = "otapress-serve-banner";
  document.body.insertBefore(banner, document.body.firstChild);
  function show(status) {
    banner.textContent = "Local preview. Install links and QR codes point at " + status.baseUrl
        + ": installing needs that HTTPS host.";
    var box = document.getElementById("otapress-serve-errors");
    if (status.errors.length === 0) {
      if (box) box.parentNode.removeChild(box);
      return;
    }
    if (!box) {
      box = document.createElement("pre");
      box.id = "otapress-serve-errors";
      document.body.insertBefore(box, document.body.firstChild);
    }
    box.textContent = "The last rebuild failed; this is the last good build.\n\n" + status.errors.join("\n");
  }
  function poll() {
    fetch("/__otapress/status", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (status) {
      if (seen !== null && status.builds !== seen) { location.reload(); return; }
      seen = status.builds;
      show(status);
    }).catch(function () {}).then(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
