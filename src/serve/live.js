// polibrief serve: live reload and the error overlay. Added to pages by the
// dev server only; never part of a built site.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script.src.replace(/\/__polibrief\/live\.js.*$/, "");
  var scrollKey = "polibrief-scroll:" + location.pathname;

  // Back where the reader was before a reload.
  var saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    sessionStorage.removeItem(scrollKey);
    var y = Number(saved);
    window.addEventListener("load", function () { window.scrollTo(0, y); });
  }

  function reload() {
    sessionStorage.setItem(scrollKey, String(window.scrollY));
    location.reload();
  }

  function swapStylesheets() {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    Array.prototype.forEach.call(links, function (link) {
      var url = new URL(link.href, location.href);
      url.searchParams.set("live", String(Date.now()));
      link.href = url.toString();
    });
  }

  // The error overlay follows the WAI-ARIA alert dialog pattern: a modal
  // `alertdialog` named by its title and described by its first sentence;
  // the page behind it is inert (no focus, no clicks, hidden from
  // assistive technology); focus moves to its button, and Escape or the
  // button closes it and puts focus back where it was.
  var overlay = null;
  var madeInert = [];
  var focusBefore = null;

  // Closes the overlay; focus goes back where it was when it opened,
  // unless it is being replaced by a newer one (`keepFocus`).
  function removeOverlay(keepFocus) {
    if (!overlay) return;
    var active = document.activeElement;
    var inOverlayOrLost = !active || active === document.body || overlay.contains(active);
    overlay.remove();
    overlay = null;
    madeInert.forEach(function (el) { el.inert = false; });
    madeInert = [];
    if (keepFocus === true) return;
    if (inOverlayOrLost && focusBefore && focusBefore.isConnected && typeof focusBefore.focus === "function") {
      focusBefore.focus();
    }
    focusBefore = null;
  }

  document.addEventListener("keydown", function (event) {
    if (overlay && event.key === "Escape") {
      event.preventDefault();
      removeOverlay();
    }
  });

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  var STYLE =
    ".polibrief-overlay{position:fixed;inset:0;z-index:2147483647;overflow:auto;overscroll-behavior:contain;background:rgba(20,20,20,.92);color:#fff;font:16px/1.5 system-ui,sans-serif;padding:1rem;text-align:left}" +
    ".polibrief-overlay *{box-sizing:border-box;letter-spacing:normal;text-transform:none}" +
    ".polibrief-overlay .box{max-width:60rem;margin:0 auto;background:#1c1c1c;border:2px solid #ff8a80;border-radius:6px;padding:1rem}" +
    ".polibrief-overlay .head{display:flex;flex-wrap:wrap;align-items:flex-start;justify-content:space-between;gap:.5rem 1rem;margin:0 0 .5rem}" +
    ".polibrief-overlay h2{margin:0;font:700 1.25rem/1.3 system-ui,sans-serif;color:#fff;text-wrap:wrap}" +
    ".polibrief-overlay p{margin:0 0 1rem;font:inherit;color:#fff}" +
    ".polibrief-overlay pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#000;color:#f5f5f5;padding:.75rem;border:0;border-radius:4px;font:14px/1.45 ui-monospace,monospace;margin:0 0 .75rem}" +
    ".polibrief-overlay button{font:inherit;color:#000;background:#fff;border:2px solid #fff;border-radius:4px;min-height:2.75rem;padding:.25rem 1rem;margin:0;cursor:pointer}" +
    ".polibrief-overlay button:focus{outline:3px solid #ffd54f;outline-offset:2px}" +
    "@media (min-width:40em){.polibrief-overlay{padding:1.5rem}.polibrief-overlay .box{padding:1rem 1.5rem}}";

  // Everything else on the page out of reach while the dialog is open.
  function makePageInert() {
    Array.prototype.forEach.call(document.body.children, function (el) {
      if (el !== overlay && !el.inert && el.localName !== "script" && el.localName !== "style") {
        el.inert = true;
        madeInert.push(el);
      }
    });
  }

  // The problems of a failed rebuild, as the terminal shows them.
  function showOverlay(problems) {
    if (!overlay) focusBefore = document.activeElement;
    removeOverlay(true);
    overlay = element("div", "polibrief-overlay");
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-labelledby", "polibrief-overlay-title");
    overlay.setAttribute("aria-describedby", "polibrief-overlay-note");
    var style = element("style");
    style.textContent = STYLE;
    var box = element("div", "box");
    var head = element("div", "head");
    var title = element("h2", "", "The site has errors");
    title.id = "polibrief-overlay-title";
    var hide = element("button", "", "Hide");
    hide.type = "button";
    hide.setAttribute("aria-keyshortcuts", "Escape");
    hide.addEventListener("click", function () { removeOverlay(); });
    head.appendChild(title);
    head.appendChild(hide);
    var count = problems.length === 1 ? "1 error" : problems.length + " errors";
    var note = element("p", "", count + ". The last good build is shown below this; it reloads when the errors are fixed.");
    note.id = "polibrief-overlay-note";
    box.appendChild(head);
    box.appendChild(note);
    problems.forEach(function (text) { box.appendChild(element("pre", "", text)); });
    overlay.appendChild(style);
    overlay.appendChild(box);
    document.body.appendChild(overlay);
    makePageInert();
    hide.focus();
  }

  var events = new EventSource(base + "/__polibrief/events");
  events.addEventListener("reload", reload);
  events.addEventListener("css", function () {
    removeOverlay();
    swapStylesheets();
  });
  events.addEventListener("errors", function (event) {
    showOverlay(JSON.parse(event.data));
  });
  events.addEventListener("ok", removeOverlay);
})();
