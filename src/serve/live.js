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

  var overlay = null;

  function removeOverlay() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  // The problems of a failed rebuild, as the terminal shows them.
  function showOverlay(problems) {
    removeOverlay();
    overlay = element("div", "polibrief-overlay");
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-modal", "false");
    overlay.setAttribute("aria-labelledby", "polibrief-overlay-title");
    var style = element("style");
    style.textContent =
      ".polibrief-overlay{position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.92);color:#fff;font:16px/1.5 system-ui,sans-serif;padding:1.5rem}" +
      ".polibrief-overlay .box{max-width:60rem;margin:0 auto;background:#1c1c1c;border:2px solid #ff8a80;border-radius:6px;padding:1rem 1.5rem}" +
      ".polibrief-overlay h2{margin:0 0 .5rem;font-size:1.25rem;color:#fff}" +
      ".polibrief-overlay p{margin:.25rem 0 1rem}" +
      ".polibrief-overlay pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#000;color:#f5f5f5;padding:.75rem;border-radius:4px;font:14px/1.45 ui-monospace,monospace;margin:0 0 .75rem}" +
      ".polibrief-overlay button{font:inherit;color:#000;background:#fff;border:2px solid #fff;border-radius:4px;padding:.25rem .75rem;cursor:pointer}" +
      ".polibrief-overlay button:focus-visible{outline:3px solid #ffd54f;outline-offset:2px}";
    var box = element("div", "box");
    var title = element("h2", "", "The site has errors");
    title.id = "polibrief-overlay-title";
    var count = problems.length === 1 ? "1 error" : problems.length + " errors";
    var note = element("p", "", count + ". The last good build is shown below this; it reloads when the errors are fixed.");
    box.appendChild(title);
    box.appendChild(note);
    problems.forEach(function (text) { box.appendChild(element("pre", "", text)); });
    var hide = element("button", "", "Hide");
    hide.type = "button";
    hide.addEventListener("click", removeOverlay);
    box.appendChild(hide);
    overlay.appendChild(style);
    overlay.appendChild(box);
    document.body.appendChild(overlay);
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
