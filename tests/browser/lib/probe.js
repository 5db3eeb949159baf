// In-page half of the browser suite: plain browser JavaScript, injected into
// each page under test with `page.addScriptTag({ path })`, so it reads the
// page as Chromium laid it out (computed styles, boxes, SVG geometry).
// Everything is exposed as `window.__pb`; each check returns plain data
// (a list of problems, each naming its element by a CSS path) to run.mjs.
(function () {
  "use strict";

  // ---- Elements named for a failure message ------------------------------

  function cssPath(el) {
    if (!el || el.nodeType !== 1) return String(el);
    const parts = [];
    for (let n = el; n && n.nodeType === 1 && parts.length < 6; n = n.parentElement) {
      let part = n.localName;
      if (n.id) {
        parts.unshift(part + "#" + CSS.escape(n.id));
        break;
      }
      const cls = typeof n.className === "string" ? n.className : n.getAttribute("class") || "";
      const first = cls.trim().split(/\s+/).filter(Boolean).slice(0, 2);
      if (first.length) part += "." + first.map((c) => CSS.escape(c)).join(".");
      const parent = n.parentElement;
      if (parent) {
        const same = Array.prototype.filter.call(parent.children, (c) => c.localName === n.localName);
        if (same.length > 1) part += ":nth-of-type(" + (same.indexOf(n) + 1) + ")";
      }
      parts.unshift(part);
    }
    return parts.join(" > ");
  }

  function describe(el) {
    const text = (el.textContent || "").replace(/\s+/g, " ").trim().slice(0, 60);
    return cssPath(el) + (text ? ' ("' + text + '")' : "");
  }

  // ---- Colour ------------------------------------------------------------

  // Any CSS colour string (rgb(), color(srgb …), oklch(), names) through a
  // 1×1 canvas: the browser's own colour parser, no hand-written grammar.
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  const colourCache = new Map();

  function parseColour(str) {
    if (!str || str === "none" || str === "transparent") return { r: 0, g: 0, b: 0, a: 0 };
    if (colourCache.has(str)) return colourCache.get(str);
    let out = null;
    const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(str);
    if (m) {
      let a = m[4] === undefined ? 1 : m[4].endsWith("%") ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
      out = { r: +m[1], g: +m[2], b: +m[3], a };
    } else {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = "#000";
      ctx.fillStyle = str;
      ctx.fillRect(0, 0, 1, 1);
      const d = ctx.getImageData(0, 0, 1, 1).data;
      out = d[3] ? { r: d[0], g: d[1], b: d[2], a: d[3] / 255 } : { r: 0, g: 0, b: 0, a: 0 };
    }
    colourCache.set(str, out);
    return out;
  }

  function over(top, bottom) {
    const a = top.a + bottom.a * (1 - top.a);
    if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
    const mix = (t, b) => (t * top.a + b * bottom.a * (1 - top.a)) / a;
    return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a };
  }

  function hex(c) {
    const h = (v) => Math.round(v).toString(16).padStart(2, "0");
    return "#" + h(c.r) + h(c.g) + h(c.b);
  }

  function linear(v) {
    v /= 255;
    return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }

  function luminance(c) {
    return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
  }

  /** WCAG 2 contrast ratio of two opaque colours. */
  function contrast(a, b) {
    const la = luminance(a), lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  /** Euclidean distance in OKLab (about 0.02 is a just-noticeable difference). */
  function oklabDistance(a, b) {
    function lab(c) {
      const r = linear(c.r), g = linear(c.g), bl = linear(c.b);
      const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * bl);
      const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * bl);
      const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * bl);
      return [
        0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
        1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
        0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
      ];
    }
    const p = lab(a), q = lab(b);
    return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
  }

  /** The opaque colour behind `el`: its own and its ancestors' backgrounds. */
  function backgroundOf(el) {
    const layers = [];
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const c = parseColour(getComputedStyle(n).backgroundColor);
      if (c.a > 0) {
        layers.push(c);
        if (c.a >= 1) break;
      }
    }
    const dark = matchMedia("(prefers-color-scheme: dark)").matches;
    let bg = dark ? { r: 18, g: 18, b: 18, a: 1 } : { r: 255, g: 255, b: 255, a: 1 };
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
    return bg;
  }

  // ---- Charts ------------------------------------------------------------

  function charts() {
    return Array.prototype.slice.call(document.querySelectorAll("svg.chart__svg"));
  }

  /** Every chart drawn, with a non-zero box. */
  function chartsVisible() {
    const problems = [];
    for (const svg of charts()) {
      const r = svg.getBoundingClientRect();
      const shown = svg.checkVisibility({ visibilityProperty: true, opacityProperty: true });
      if (!shown || r.width < 1 || r.height < 1) {
        problems.push({
          element: cssPath(svg),
          detail: "chart not visible (" + Math.round(r.width) + "×" + Math.round(r.height) + " px" + (shown ? "" : ", hidden") + ")",
        });
      }
    }
    return { count: charts().length, problems };
  }

  function paint(el, prop) {
    const cs = getComputedStyle(el);
    const value = cs[prop];
    if (!value || value === "none") return null;
    let c;
    const url = /url\(["']?#([^"')]+)["']?\)/.exec(value);
    if (url) {
      // A pattern fill: judge it by its ground (the first filled shape in it).
      const pattern = document.getElementById(url[1]);
      const ground = pattern && pattern.querySelector("[fill]");
      if (!ground) return null;
      c = parseColour(getComputedStyle(ground).fill);
    } else {
      c = parseColour(value);
    }
    const alpha = parseFloat(cs[prop === "fill" ? "fillOpacity" : "strokeOpacity"]) * parseFloat(cs.opacity);
    if (!(c.a * alpha > 0)) return null;
    return { r: c.r, g: c.g, b: c.b, a: c.a * alpha };
  }

  function toSvgSpace(svg, el, x, y) {
    const p = new DOMPoint(x, y).matrixTransform(el.getCTM());
    return p.matrixTransform(svg.getCTM().inverse());
  }

  function fromSvgSpace(svg, el, p) {
    return p.matrixTransform(svg.getCTM()).matrixTransform(el.getCTM().inverse());
  }

  /**
   * The filled shapes of a chart in paint order, each with its fill and its
   * box in the chart's user space (to skip most point-in-fill tests).
   */
  function filledShapes(svg) {
    const out = [];
    for (const shape of svg.querySelectorAll("rect, path, polygon, circle, ellipse")) {
      const fill = paint(shape, "fill");
      if (!fill) continue;
      const b = shape.getBBox();
      const p1 = toSvgSpace(svg, shape, b.x, b.y), p2 = toSvgSpace(svg, shape, b.x + b.width, b.y + b.height);
      out.push({
        shape, fill,
        x1: Math.min(p1.x, p2.x), x2: Math.max(p1.x, p2.x), y1: Math.min(p1.y, p2.y), y2: Math.max(p1.y, p2.y),
      });
    }
    return out;
  }

  /** The colour a text is read against: shapes painted under its centre, then the page. */
  function groundOf(svg, text, shapes, pageBg) {
    const box = text.getBBox();
    const centre = toSvgSpace(svg, text, box.x + box.width / 2, box.y + box.height / 2);
    let ground = pageBg;
    for (const s of shapes) {
      if (!(s.shape.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
      if (centre.x < s.x1 || centre.x > s.x2 || centre.y < s.y1 || centre.y > s.y2) continue;
      if (s.shape.isPointInFill(fromSvgSpace(svg, s.shape, centre))) ground = over(s.fill, ground);
    }
    return ground;
  }

  function seriesNumber(el) {
    const m = /\bchart__series--(\d+)\b/.exec(el.getAttribute("class") || "");
    return m ? +m[1] : null;
  }

  function markColour(el) {
    const fill = paint(el, "fill");
    return fill && fill.a > 0.5 ? fill : paint(el, "stroke") || fill;
  }

  /**
   * A choropleth's classes (`map-class--N`, in the order of the legend):
   * each at least `minDistance` apart in OKLab from the next, the first
   * also from the context land (`map-context`), and their luminance
   * monotonic, so the sequential scale reads in order in either scheme.
   * Swatches are checked against the regions of the same class.
   */
  function mapClasses(svg, chartName, pageBg, minDistance) {
    const problems = [];
    const classes = new Map();
    for (const el of svg.querySelectorAll('.map-region[class*="map-class--"]')) {
      const m = /\bmap-class--(\d+)\b/.exec(el.getAttribute("class"));
      const c = paint(el, "fill");
      if (m && c && !classes.has(+m[1])) classes.set(+m[1], { colour: over(c, pageBg), el });
    }
    const order = Array.from(classes.keys()).sort((a, b) => a - b);
    if (!order.length) return problems;
    const contextEl = svg.querySelector(".map-context");
    const context = contextEl && paint(contextEl, "fill");
    const chain = (context ? [{ name: "map-context", colour: over(context, pageBg) }] : []).concat(
      order.map((n) => ({ name: "map-class--" + n, colour: classes.get(n).colour })),
    );
    for (let i = 1; i < chain.length; i++) {
      const a = chain[i - 1], b = chain[i];
      const d = oklabDistance(a.colour, b.colour);
      if (d < minDistance - 1e-9) {
        problems.push({
          rule: "chart-map-classes-distinct",
          element: chartName + " ." + a.name + " / ." + b.name,
          detail: hex(a.colour) + " and " + hex(b.colour) + " are " + d.toFixed(3) + " apart in OKLab, need " + minDistance,
        });
      }
    }
    const lum = order.map((n) => luminance(classes.get(n).colour));
    const up = lum.every((l, i) => i === 0 || l > lum[i - 1]);
    const down = lum.every((l, i) => i === 0 || l < lum[i - 1]);
    if (!up && !down) {
      problems.push({
        rule: "chart-map-classes-ordered",
        element: chartName,
        detail: "class lightness is not monotonic: " + order.map((n) => hex(classes.get(n).colour)).join(", "),
      });
    }
    const swatches = svg.querySelectorAll(".map-swatch");
    order.forEach((n, i) => {
      const sw = swatches[i] && paint(swatches[i], "fill");
      if (sw && hex(over(sw, pageBg)) !== hex(classes.get(n).colour)) {
        problems.push({
          rule: "chart-map-legend",
          element: cssPath(swatches[i]),
          detail: "legend swatch " + (i + 1) + " is " + hex(over(sw, pageBg)) + ", its class is drawn " + hex(classes.get(n).colour),
        });
      }
    });
    return problems;
  }

  /**
   * Chart colours, as a reader sees them in the current colour scheme:
   * - every drawn text (labels, ticks, legends) at least `minText`:1 against
   *   what is painted under it;
   * - every series colour (`chart__series--N`: lines, points, bars, legend
   *   keys) at least `minSeries`:1 against the chart's background;
   * - series in one chart told apart from one another: at least
   *   `minDistance` apart in OKLab for every pair present (lines cross, so
   *   any two may be neighbours);
   * - the classes of a map: see mapClasses.
   */
  function chartColours(minText, minSeries, minDistance, minMapDistance) {
    const problems = [];
    for (const svg of charts()) {
      const chartName = cssPath(svg);
      const pageBg = backgroundOf(svg);
      const shapes = filledShapes(svg);
      for (const text of svg.querySelectorAll("text")) {
        if (!text.textContent.trim() || !text.checkVisibility({ visibilityProperty: true })) continue;
        const fill = paint(text, "fill");
        if (!fill) continue;
        let ground = groundOf(svg, text, shapes, pageBg);
        // A halo (stroke painted under the fill, at least 3 units wide)
        // is what the letters are read against.
        const cs = getComputedStyle(text);
        const halo = paint(text, "stroke");
        if (halo && /^stroke/.test(cs.paintOrder) && parseFloat(cs.strokeWidth) >= 3) ground = over(halo, ground);
        const seen = over(fill, ground);
        const ratio = contrast(seen, ground);
        if (ratio < minText - 1e-9) {
          problems.push({
            rule: "chart-text-contrast",
            element: describe(text),
            detail: "text " + hex(seen) + " on " + hex(ground) + " is " + ratio.toFixed(2) + ":1, needs " + minText + ":1",
          });
        }
      }
      // Every mark of a series (line, marker, bar, legend key) is checked;
      // a series' colour for the pairwise test is that of its first mark.
      const series = new Map();
      const reported = new Set();
      for (const el of svg.querySelectorAll('[class*="chart__series--"]')) {
        const n = seriesNumber(el);
        const c = markColour(el);
        if (n === null || !c) continue;
        const colour = over(c, pageBg);
        if (!series.has(n)) series.set(n, { colour, el });
        const ratio = contrast(colour, pageBg);
        const key = n + hex(colour);
        if (ratio < minSeries - 1e-9 && !reported.has(key)) {
          reported.add(key);
          problems.push({
            rule: "chart-series-contrast",
            element: describe(el),
            detail: "series " + n + " " + hex(colour) + " on " + hex(pageBg) + " is " + ratio.toFixed(2) + ":1, needs " + minSeries + ":1",
          });
        }
      }
      const numbers = Array.from(series.keys()).sort((a, b) => a - b);
      for (let i = 0; i < numbers.length; i++) {
        for (let j = i + 1; j < numbers.length; j++) {
          const a = series.get(numbers[i]).colour, b = series.get(numbers[j]).colour;
          const d = oklabDistance(a, b);
          if (d < minDistance) {
            problems.push({
              rule: "chart-series-distinct",
              element: chartName + " .chart__series--" + numbers[i] + " / --" + numbers[j],
              detail: hex(a) + " and " + hex(b) + " are " + d.toFixed(3) + " apart in OKLab, need " + minDistance,
            });
          }
        }
      }
      problems.push(...mapClasses(svg, chartName, pageBg, minMapDistance));
    }
    return problems;
  }

  // ---- Text that axe-core could not judge ----------------------------------

  /**
   * The elements axe-core leaves as "incomplete" for color-contrast (text
   * over a background gradient, such as the scroll shadows of wide tables,
   * or a one-character text), outside charts: their colour against the
   * background colours behind them, gradients aside (in this theme they only
   * shade the edges of a scroll box). 4.5:1, or 3:1 for large text (24 px,
   * or 18.66 px bold).
   */
  function textContrast(selectors) {
    const problems = [];
    for (const sel of selectors) {
      let el;
      try {
        el = document.querySelector(sel);
      } catch {
        el = null;
      }
      if (!el || el.closest("svg")) continue;
      const cs = getComputedStyle(el);
      const bg = backgroundOf(el);
      const fg = over(parseColour(cs.color), bg);
      const size = parseFloat(cs.fontSize);
      const large = size >= 24 || (size >= 18.66 && parseInt(cs.fontWeight, 10) >= 700);
      const need = large ? 3 : 4.5;
      const ratio = contrast(fg, bg);
      if (ratio < need - 1e-9) {
        problems.push({
          rule: "text-contrast",
          element: describe(el),
          detail: "text " + hex(fg) + " on " + hex(bg) + " is " + ratio.toFixed(2) + ":1, needs " + need + ":1",
        });
      }
    }
    return problems;
  }

  // ---- Layout ------------------------------------------------------------

  function clipsX(el) {
    const o = getComputedStyle(el).overflowX;
    return o === "auto" || o === "scroll" || o === "hidden" || o === "clip";
  }

  /** Horizontal scrolling of the page, with the outermost elements that cause it. */
  function horizontalOverflow() {
    const root = document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth <= width) return { scrollWidth: root.scrollWidth, width, culprits: [] };
    const culprits = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT, {
      acceptNode(el) {
        if (clipsX(el)) {
          // Its own box may still stick out; its content cannot.
          return el.getBoundingClientRect().right > width + 0.5 ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    for (let el = walker.nextNode(); el && culprits.length < 5; el = walker.nextNode()) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > width + 0.5 || r.left < -0.5) {
        const parent = el.parentElement.getBoundingClientRect();
        if (parent.right <= width + 0.5 && parent.left >= -0.5) {
          culprits.push(describe(el) + " (right edge at " + Math.round(r.right) + " px)");
        }
      }
    }
    return { scrollWidth: root.scrollWidth, width, culprits };
  }

  // ---- Keyboard ----------------------------------------------------------

  const FOCUSABLE =
    'a[href], area[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), ' +
    'select:not([disabled]), textarea:not([disabled]), details > summary:first-of-type, iframe, ' +
    '[tabindex]:not([tabindex^="-"]), [contenteditable]:not([contenteditable="false"])';

  /** Marks every link and control a keyboard user must reach; returns how many. */
  function markFocusTargets() {
    let n = 0;
    for (const el of document.querySelectorAll(FOCUSABLE)) {
      if (el.closest("[inert]")) continue;
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      el.setAttribute("data-pb-focus", String(n++));
    }
    return n;
  }

  function unreachedTargets(reached) {
    const seen = new Set(reached);
    const out = [];
    for (const el of document.querySelectorAll("[data-pb-focus]")) {
      if (!seen.has(el.getAttribute("data-pb-focus"))) out.push(describe(el));
    }
    return out;
  }

  /**
   * Brings every running transition to its end state at once (reduced
   * motion is emulated, so they last 0.01 ms anyway): styles are then read
   * as a reader sees them, without waiting for frames.
   */
  function finishAnimations() {
    for (const a of document.getAnimations()) {
      try {
        a.finish();
      } catch {
        // an infinite animation cannot finish; it is read as it stands
      }
    }
  }

  // Sticky and fixed elements of the page, found once per page.
  let stuck = null;

  function stuckElements() {
    if (stuck) return stuck;
    stuck = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const p = getComputedStyle(n).position;
      if ((p === "sticky" || p === "fixed") && n.checkVisibility()) stuck.push(n);
    }
    return stuck;
  }

  function shows(el, x, y) {
    const hit = document.elementFromPoint(x, y);
    return !hit || hit === el || el.contains(hit) || hit.contains(el);
  }

  /**
   * What covers the focused element's boxes (already cut to the viewport):
   * any sticky or fixed element painted over part of it (`sticky`), or,
   * when neither its centre nor any corner shows, whatever is on top (`all`).
   */
  function obscuredBy(el, boxes, vw, vh) {
    const sticky = new Set();
    let shown = false;
    const clipped = boxes.map((r) => ({
      left: Math.max(r.left, 0), right: Math.min(r.right, vw), top: Math.max(r.top, 0), bottom: Math.min(r.bottom, vh),
    }));
    for (const r of clipped) {
      if (shows(el, (r.left + r.right) / 2, (r.top + r.bottom) / 2)) shown = true;
      for (const s of stuckElements()) {
        if (s.contains(el) || el.contains(s)) continue; // part of the same box
        const b = s.getBoundingClientRect();
        const left = Math.max(b.left, r.left), right = Math.min(b.right, r.right);
        const top = Math.max(b.top, r.top), bottom = Math.min(b.bottom, r.bottom);
        if (left >= right || top >= bottom) continue;
        const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
        if (hit && s.contains(hit)) sticky.add(cssPath(s));
      }
    }
    const all = new Set();
    if (!shown) {
      for (const r of clipped) {
        for (const [x, y] of [[r.left + 1, r.top + 1], [r.right - 1, r.top + 1], [r.left + 1, r.bottom - 1], [r.right - 1, r.bottom - 1]]) {
          if (shows(el, x, y)) return { sticky: Array.from(sticky), all: [] };
          all.add(cssPath(document.elementFromPoint(x, y)));
        }
      }
    }
    return { sticky: Array.from(sticky), all: Array.from(all) };
  }

  /**
   * The focused element, and whether its focus can be seen: an outline or a
   * box shadow of at least 3:1 against the background, inside the viewport,
   * and not covered (every sample point must show the element; a point
   * covered by a sticky or fixed element is a failure on its own).
   */
  function focusState() {
    finishAnimations();
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { none: true };
    const id = el.getAttribute("data-pb-focus");
    const name = describe(el);
    const problems = [];
    const cs = getComputedStyle(el);
    const bg = backgroundOf(el.parentElement || el);
    let indicator = null;
    if (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 1) {
      indicator = { kind: "outline", colour: over(parseColour(cs.outlineColor), bg), width: parseFloat(cs.outlineWidth) };
    } else if (cs.boxShadow && cs.boxShadow !== "none") {
      const c = /rgba?\([^)]*\)/.exec(cs.boxShadow);
      indicator = { kind: "box-shadow", colour: over(parseColour(c ? c[0] : "black"), bg), width: 2 };
    }
    if (!indicator) {
      problems.push({ rule: "focus-visible", detail: "no outline or box shadow when focused" });
    } else {
      const ratio = contrast(indicator.colour, bg);
      if (ratio < 3) {
        problems.push({
          rule: "focus-visible",
          detail: indicator.kind + " " + hex(indicator.colour) + " on " + hex(bg) + " is " + ratio.toFixed(2) + ":1, needs 3:1",
        });
      }
    }
    const rects = Array.prototype.filter.call(el.getClientRects(), (r) => r.width > 0 && r.height > 0);
    const vw = document.documentElement.clientWidth, vh = window.innerHeight;
    const inView = rects.filter((r) => r.right > 0 && r.bottom > 0 && r.left < vw && r.top < vh);
    if (!rects.length) {
      problems.push({ rule: "focus-not-obscured", detail: "focused element has no box" });
    } else if (!inView.length) {
      const r = rects[0];
      problems.push({ rule: "focus-not-obscured", detail: "focused element outside the viewport (at " + Math.round(r.left) + "," + Math.round(r.top) + ")" });
    } else {
      const obscured = obscuredBy(el, inView, vw, vh);
      if (obscured.sticky.length) {
        problems.push({ rule: "focus-not-obscured", detail: "partly hidden behind sticky/fixed " + obscured.sticky.join(", ") });
      } else if (obscured.all.length) {
        problems.push({ rule: "focus-not-obscured", detail: "hidden behind " + obscured.all.join(", ") });
      }
    }
    return { id, name, problems };
  }

  /**
   * Focuses every marked target in turn by script (after one real Tab, so
   * the browser is in keyboard mode and :focus-visible applies) and checks
   * each the way focusState does: for the second colour scheme, where the
   * Tab order is already known from the first.
   */
  function focusEach() {
    const problems = [];
    for (const el of document.querySelectorAll("[data-pb-focus]")) {
      el.focus();
      if (document.activeElement !== el) {
        problems.push({ rule: "keyboard-reach", element: describe(el), detail: "does not take the focus" });
        continue;
      }
      const state = focusState();
      for (const p of state.problems) problems.push({ rule: p.rule, element: state.name, detail: p.detail });
    }
    return problems;
  }

  // ---- polibrief serve's error overlay ------------------------------------

  /**
   * Where the focus is relative to a dialog (`selector`): inside it, and
   * the links and controls outside it that still take the focus (they sit
   * behind the dialog, where nobody can see them).
   */
  function focusAndDialog(selector) {
    const dialog = document.querySelector(selector);
    const active = document.activeElement;
    const none = !active || active === document.body || active === document.documentElement;
    const outside = [];
    if (dialog) {
      for (const el of document.querySelectorAll("[data-pb-focus]")) {
        if (!dialog.contains(el)) outside.push(describe(el));
      }
    }
    return {
      open: !!dialog,
      inside: !!dialog && !none && dialog.contains(active),
      none,
      focused: none ? "nothing (body)" : describe(active),
      outside,
      inert: document.querySelectorAll("[inert]").length,
    };
  }

  /** Marks the element that has the focus, to find it again later. */
  function markFocused(mark) {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    el.setAttribute("data-pb-" + mark, "");
    return describe(el);
  }

  // ---- Print -------------------------------------------------------------

  /**
   * With print media emulated (the page laid out at the width of the A4 text
   * column): what must not print, and the blocks that must not split.
   */
  function printLayout(pageHeightPx) {
    const problems = [];
    const chrome = document.querySelectorAll(
      'nav, [role="navigation"], .skip-link, .site-nav, .breadcrumbs, .pager, .toc, .site-header',
    );
    for (const el of chrome) {
      if (el.checkVisibility({ visibilityProperty: true })) {
        problems.push({ rule: "print-no-chrome", element: describe(el), detail: "navigation chrome is printed" });
      }
    }
    for (const el of document.querySelectorAll("button, details > summary")) {
      if (el.closest("th")) continue; // sortable headers print as their text
      if (el.checkVisibility({ visibilityProperty: true })) {
        problems.push({ rule: "print-no-chrome", element: describe(el), detail: "on-screen control is printed" });
      }
    }
    const whole = [];
    for (const svg of charts()) whole.push(["chart", svg]);
    for (const tr of document.querySelectorAll("main tr")) whole.push(["table row", tr]);
    let checked = 0;
    for (const [what, el] of whole) {
      if (!el.checkVisibility()) {
        if (what === "chart") problems.push({ rule: "print-chart-visible", element: cssPath(el), detail: "chart not printed" });
        continue;
      }
      checked++;
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (cs.breakInside !== "avoid" && cs.breakInside !== "avoid-page") {
        problems.push({
          rule: "print-no-split",
          element: describe(el),
          detail: what + " may split across pages (break-inside: " + cs.breakInside + ")",
        });
      } else if (r.height > pageHeightPx) {
        problems.push({
          rule: "print-no-split",
          element: describe(el),
          detail: what + " is " + Math.round(r.height) + " px tall, taller than the page area (" + Math.round(pageHeightPx) + " px), so it must split",
        });
      } else if (what === "chart" && (r.width < 1 || r.height < 1)) {
        problems.push({ rule: "print-chart-visible", element: cssPath(el), detail: "chart printed with no size" });
      }
    }
    return { checked, problems };
  }

  window.__pb = {
    chartsVisible,
    chartColours,
    horizontalOverflow,
    textContrast,
    markFocusTargets,
    unreachedTargets,
    focusState,
    focusEach,
    printLayout,
    focusAndDialog,
    markFocused,
  };
})();
