// otapress default theme: device emphasis, install guards, search over the whole history, the UDID
// check and the copy buttons. Without JavaScript every page still lists its releases and every
// install button works; the controls that need the script stay hidden.
(function () {
  "use strict";

  var ua = navigator.userAgent || "";
  // iPadOS Safari asking for the desktop site says "Macintosh": a Mac with a touch screen is an iPad.
  var ipadAsMac = /Macintosh/.test(ua) && navigator.maxTouchPoints > 1;
  var ios = /iPhone|iPad|iPod/.test(ua) || ipadAsMac;

  // Only a hint for the stylesheet: nothing is ever hidden by it, because any guess can be wrong.
  document.documentElement.classList.add(ios ? "device-ios" : "device-other");

  /** The iOS version as [major, minor], or null when the browser does not say (an iPad as a Mac). */
  function iosVersion() {
    var m = /(?:iPhone|CPU) OS (\d+)(?:_(\d+))?/.exec(ua);
    return m ? [parseInt(m[1], 10), parseInt(m[2] || "0", 10)] : null;
  }

  /** Why this browser cannot install, or null in Safari (and off iOS, where nothing can). */
  function notSafari() {
    if (!ios) return null;
    var apps = [["CriOS", "Chrome"], ["FxiOS", "Firefox"], ["EdgiOS", "Edge"], ["OPiOS", "Opera"], ["GSA/", "the Google app"],
      ["FBAN", "Facebook"], ["FBAV", "Facebook"], ["Instagram", "Instagram"], ["LinkedInApp", "LinkedIn"],
      ["MicroMessenger", "WeChat"], ["Line/", "LINE"], ["Slack", "Slack"], ["Teams", "Teams"], ["Outlook", "Outlook"]];
    for (var i = 0; i < apps.length; i++) {
      if (ua.indexOf(apps[i][0]) >= 0) return apps[i][1];
    }
    // Apps that show pages in their own web view leave out Safari's token.
    if (!/Safari\//.test(ua)) return "this app";
    return null;
  }

  function compareVersions(a, b) {
    for (var i = 0; i < Math.max(a.length, b.length); i++) {
      var x = a[i] || 0, y = b[i] || 0;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  }

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  function setUpInAppBanner() {
    var banner = document.querySelector("[data-inapp]");
    var browser = notSafari();
    if (!banner || !browser || !document.querySelector("[data-install]")) return;
    banner.querySelector("[data-inapp-why]").textContent = "Apps cannot be installed from " + browser + ".";
    banner.hidden = false;
  }

  function setUpMinimumIos() {
    var version = iosVersion();
    if (!version) return; // Cannot know: stay silent rather than wrong.
    all("[data-install][data-min-ios]").forEach(function (button) {
      var min = button.getAttribute("data-min-ios").split(".").map(function (p) { return parseInt(p, 10) || 0; });
      if (compareVersions(version, min) >= 0) return;
      var text = "Needs iOS " + button.getAttribute("data-min-ios") + "; this device has iOS " + version.join(".") + ".";
      var box = button.closest(".install-main, .card-body, .app-head-main");
      var warning = box && box.querySelector("[data-min-ios-warning]");
      if (warning && box.contains(button) && !button.classList.contains("small")) {
        warning.textContent = text + " Update iOS in Settings › General › Software Update first.";
        warning.hidden = false;
      } else {
        var note = document.createElement("span");
        note.className = "guard inline";
        note.textContent = text;
        button.insertAdjacentElement("afterend", note);
      }
    });
  }

  function setUpAfterTap() {
    var toast = document.querySelector("[data-toast]");
    if (!toast) return;
    document.addEventListener("click", function (e) {
      var button = e.target.closest && e.target.closest("[data-install]");
      if (!button) return;
      toast.textContent = ios ? "Installing: go to the Home Screen to watch the download."
        : "Installing works on an iPhone or iPad: open this page there (scan the QR code on the release's page).";
      toast.classList.add("shown");
    });
  }

  function copy(button, text) {
    navigator.clipboard.writeText(text).then(function () {
      button.textContent = "Copied";
    }, function () {
      button.textContent = "Copy failed";
    });
  }

  function setUpCopy() {
    if (!navigator.clipboard) return;
    all("[data-copy]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { copy(button, button.getAttribute("data-copy")); });
    });
    all("[data-copy-page]").forEach(function (button) {
      button.addEventListener("click", function () { copy(button, location.href); });
    });
  }

  // ---- search over the whole history (of one app, or on the home page of every app) ----

  function words(query) {
    return query.toLowerCase().split(/\s+/).map(function (w) {
      return w.replace(/^[("'“]+|[)"'”,;]+$/g, "");
    }).filter(Boolean);
  }

  function setUpSearch() {
    var form = document.querySelector("[data-filters]");
    if (!form) return;
    var input = form.querySelector("[data-search-input]");
    var select = form.querySelector("[data-channel-select]");
    var status = document.querySelector("[data-search-status]");
    var results = document.querySelector("[data-results]");
    var parts = all("[data-history], .older-pages, [data-cards]");
    var root = form.getAttribute("data-root");
    // An app's page searches its own index; the home page those of every app its cards show, each
    // result named by its app.
    var sources = form.hasAttribute("data-index") ? [{ url: form.getAttribute("data-index"), app: null }]
      : all("[data-search-index]").map(function (card) {
        return { url: card.getAttribute("data-search-index"), app: card.getAttribute("data-app-name") };
      });
    var index = null;
    form.hidden = false;

    function fetchIndex(source) {
      return fetch(source.url).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (json) {
          return json.releases.map(function (e) { e.a = source.app; return e; });
        });
    }

    function load() {
      if (!index) {
        // Opened from disk, fetch fails: the search then covers what this page holds, and says so.
        index = (location.protocol === "file:" ? Promise.reject(new Error("file")) : Promise.all(sources.map(fetchIndex)))
          .then(function (lists) { return [].concat.apply([], lists); }, function () { return null; });
      }
      return index;
    }

    function label(e) {
      return (e.a ? e.a + " " : "") + e.v + " (" + e.b + ")";
    }

    function writeUrl(q, channel) {
      var params = new URLSearchParams(location.search);
      if (q) params.set("q", q); else params.delete("q");
      if (channel) params.set("channel", channel); else params.delete("channel");
      var search = params.toString();
      try {
        window.history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
      } catch (e) {
        // A page opened from disk may not change its own address; the search works all the same.
      }
    }

    function row(e) {
      var li = document.createElement("li");
      li.className = "row";
      var a = document.createElement("a");
      a.href = root + e.p;
      a.className = "row-title";
      a.textContent = label(e);
      var meta = document.createElement("span");
      meta.className = "row-meta";
      var badge = document.createElement("span");
      badge.className = "badge channel-" + e.c;
      badge.textContent = e.l;
      meta.appendChild(badge);
      meta.appendChild(document.createTextNode(" " + e.d + (e.t ? " · " + e.t : "")));
      li.appendChild(a);
      li.appendChild(meta);
      if (e.s) {
        var action = document.createElement("span");
        action.className = "row-action row-state";
        var state = document.createElement("span");
        state.className = "not-installable";
        state.textContent = e.s;
        action.appendChild(state);
        li.appendChild(action);
      }
      return li;
    }

    function show(count, q, partial) {
      var text = count === 0 ? "No release matches “" + q + "”." : (count === 1 ? "1 release matches “" : count + " releases match “") + q + "”.";
      if (partial) text += " Only the releases on this page were searched: the full history cannot be loaded from a page opened from disk.";
      status.textContent = text;
    }

    function apply() {
      var q = input.value.trim();
      var channel = select ? select.value : "";
      writeUrl(q, channel);
      var w = words(q);
      if (!w.length && !channel) {
        results.hidden = true;
        parts.forEach(function (h) { h.hidden = false; });
        all("[data-history] .row").forEach(function (li) { li.hidden = false; });
        status.textContent = "";
        return;
      }
      load().then(function (entries) {
        if (q !== input.value.trim() || channel !== (select ? select.value : "")) return; // a newer search runs
        if (!entries && !document.querySelector("[data-history]")) {
          status.textContent = "The releases cannot be loaded into a page opened from disk: open the portal at its web address to search them.";
          return;
        }
        if (!entries) {
          var shown = 0;
          all("[data-history] .row").forEach(function (li) {
            var text = li.textContent.toLowerCase();
            var ok = (!channel || li.getAttribute("data-channel") === channel) &&
              w.every(function (x) { return text.indexOf(x) >= 0; });
            li.hidden = !ok;
            if (ok) shown++;
          });
          all("[data-history] details").forEach(function (d) { d.open = true; });
          show(shown, q || channel, true);
          return;
        }
        var matches = entries.filter(function (e) {
          if (channel && e.c !== channel) return false;
          var text = (label(e) + " " + e.l + " " + e.d + " " + (e.t || "") + " " + (e.n || "")).toLowerCase();
          return w.every(function (x) { return text.indexOf(x) >= 0; });
        });
        results.textContent = "";
        matches.slice(0, 200).forEach(function (e) { results.appendChild(row(e)); });
        results.hidden = false;
        parts.forEach(function (h) { h.hidden = true; });
        show(matches.length, q || (select ? select.options[select.selectedIndex].text : ""), false);
      });
    }

    var timer = null;
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(apply, 150);
    });
    if (select) select.addEventListener("change", apply);

    var params = new URLSearchParams(location.search);
    if (params.get("q")) input.value = params.get("q");
    if (select && params.get("channel")) select.value = params.get("channel");
    if (params.get("q") || params.get("channel")) apply();
  }

  // ---- an older release page names the newest build of its channel ----

  function setUpNewest() {
    var banner = document.querySelector("[data-newest]");
    if (!banner || location.protocol === "file:") return;
    fetch(banner.getAttribute("data-newest")).then(function (r) { return r.ok ? r.json() : null; }).then(function (latest) {
      var channel = banner.getAttribute("data-channel");
      var newest = latest && latest.channels && latest.channels.filter(function (c) { return c.channel === channel; })[0];
      if (!newest) return;
      var link = banner.querySelector("a");
      link.href = newest.pageUrl;
      link.textContent = newest.version + " (" + newest.build + ")";
      banner.querySelector("[data-newest-text]").textContent = "This is an older build. The newest " + newest.label + " release is";
    }, function () {
      // Offline or blocked: the banner's own words and link stand.
    });
  }

  // ---- "Is my device in this build?" ----

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function setUpUdidCheck() {
    var box = document.querySelector("[data-udid]");
    if (!box) return;
    var input = box.querySelector("[data-udid-input]");
    var result = box.querySelector("[data-udid-result]");
    var hashes = box.getAttribute("data-hashes").split(" ");
    var salt = box.getAttribute("data-salt");

    function check() {
      // Upper case without spaces, as Apple prints it and as the build hashed the profile's list.
      var udid = input.value.replace(/\s+/g, "").toUpperCase();
      if (!/^([0-9A-F]{8}-[0-9A-F]{16}|[0-9A-F]{40})$/.test(udid)) {
        result.textContent = "That is not a UDID: it looks like 00008110-001A2B3C4D5E6F70 (25 characters) or 40 hexadecimal digits.";
        return;
      }
      if (!window.crypto || !crypto.subtle) {
        result.textContent = "This browser cannot run the check here (it needs the page over https).";
        return;
      }
      crypto.subtle.digest("SHA-256", new TextEncoder().encode(salt + ":" + udid)).then(function (digest) {
        result.textContent = hashes.indexOf(hex(digest)) >= 0
          ? "Yes: this device is registered for this build, so it will install."
          : "No: this device is not in this build's profile, so it will not install. Ask for it to be registered and for a new build.";
      });
    }

    box.querySelector("[data-udid-button]").addEventListener("click", check);
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { e.preventDefault(); check(); }
    });
  }

  // The script runs from <head>, before the body exists.
  function ready() {
    setUpInAppBanner();
    setUpMinimumIos();
    setUpAfterTap();
    setUpCopy();
    setUpSearch();
    setUpNewest();
    setUpUdidCheck();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
}());
