#!/usr/bin/env node
// The browser suite: the built default site as readers get it, in headless
// Chromium (Debian's /usr/bin/chromium driven by playwright-core), plus the
// Nu HTML Checker over every page and an XML parse of the feed, the sitemap
// and every chart; and `polibrief serve`'s live reload and error overlay,
// on a copy of the default site's sources.
//
//   node tests/browser/run.mjs                 build the default site (release), then check it
//   node tests/browser/run.mjs --site DIR      check an already built site folder
//   node tests/browser/run.mjs --only report   one page kind (repeatable)
//   --no-vnu, --no-xml                         leave out the site-wide checks
//   --jobs N                                   pages checked at a time (default 3)
//   --polibrief PATH                           the binary whose `serve` is checked
//                                              (default target/release/polibrief)
//   --screenshots DIR                          default target/browser-screenshots
//
// Every check is one test; a failure prints the page kind and URL, the
// configuration (width, colour scheme), the rule and the element, and the
// run ends with `N passed, N failed` (`, N skipped` for page kinds the site
// does not have). Exit code 0 only when nothing failed.
//
// No fixed sleeps: pages are read after their load event, and after every
// running animation has finished (document.getAnimations()); serve's
// overlay is waited for as an element, its reload as a load event.

import { spawn } from "node:child_process";
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

import { startStaticServer } from "./lib/server.mjs";
import { startServe } from "./lib/serve.mjs";
import { pageKinds } from "./lib/pages.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, "..", "..");
const PROBE = path.join(HERE, "lib", "probe.js");
const AXE = path.join(HERE, "node_modules", "axe-core", "axe.min.js");
const VNU = path.join(HERE, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const WIDTHS = [360, 1280];
const SCHEMES = ["light", "dark"];
const VIEWPORT_HEIGHT = 800;
// Contrast thresholds (WCAG 1.4.3 for text; the issue asks the same 4.5:1 of
// chart series, above WCAG 1.4.11's 3:1). Series in one chart at least 0.1
// apart in OKLab (about five just-noticeable differences of 0.02); the
// classes of a map, a sequential scale read against its legend, at least
// 0.075 from the next class (and the first from the context land).
const MIN_TEXT = 4.5;
const MIN_SERIES = 4.5;
const MIN_SERIES_DISTANCE = 0.1;
const MIN_MAP_DISTANCE = 0.075;
// A4 with the theme's @page margins (18 mm top, 20 mm bottom, 16 mm sides)
// in CSS pixels (96 per inch): the page area a printed block must fit in.
const MM = 96 / 25.4;
const PRINT_WIDTH = Math.floor((210 - 32) * MM);
const PRINT_HEIGHT = Math.floor((297 - 38) * MM);

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// ---- Results -------------------------------------------------------------

const results = { passed: 0, failed: 0, skipped: 0 };

/** Records one test; its lines go to `out` (a page kind's buffer) or stdout. */
function record(name, problems, out = console.log) {
  if (problems.length === 0) {
    results.passed++;
    out(`ok    ${name}`);
    return;
  }
  results.failed++;
  out(`FAIL  ${name}`);
  const shown = problems.slice(0, 25);
  for (const p of shown) {
    const parts = [p.rule, p.element, p.detail].filter(Boolean);
    out(`        ${parts.join(" | ")}`);
  }
  if (problems.length > shown.length) out(`        … and ${problems.length - shown.length} more`);
}

function skip(name, why) {
  results.skipped++;
  console.log(`skip  ${name}: ${why}`);
}

// ---- Helpers -------------------------------------------------------------

function run(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], ...options });
    let stdout = "", stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

async function htmlFiles(dir, base = dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(full, base)));
    else if (entry.name.endsWith(".html")) out.push(path.relative(base, full));
  }
  return out.sort();
}

function fileToUrl(rel) {
  const p = "/" + rel.split(path.sep).join("/");
  return p.endsWith("/index.html") ? p.slice(0, -"index.html".length) : p;
}

/** With PB_TRACE=1, prints how long each step of a page took (for tuning). */
function trace(name) {
  let t = Date.now();
  return (step) => {
    if (!process.env.PB_TRACE) return;
    const now = Date.now();
    console.error(`  ${name} ${step}: ${now - t} ms`);
    t = now;
  };
}

/** Waits until no CSS transition or animation is running (a real condition). */
async function settled(page) {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {}))));
}

// ---- The site ------------------------------------------------------------

async function buildSite(outDir) {
  console.log(`# building the default site into ${path.relative(REPO, outDir)} (release)`);
  const { code, stdout, stderr } = await run(
    "cargo",
    ["run", "--release", "--locked", "--quiet", "--", "build", ".", "--out", outDir],
    { cwd: REPO },
  );
  if (code !== 0) {
    process.stderr.write(stdout + stderr);
    throw new Error(`building the site failed (exit ${code})`);
  }
}

// ---- Nu HTML Checker -----------------------------------------------------

/** Starts vnu over the whole folder at once (one JVM); resolves to its messages. */
function startVnu(siteDir) {
  return run("java", ["-jar", VNU, "--errors-only", "--skip-non-html", "--format", "json", siteDir]).then(
    ({ code, stdout, stderr }) => {
      const text = (stderr.trim() || stdout.trim());
      try {
        return JSON.parse(text).messages;
      } catch {
        throw new Error(`vnu exited ${code} without a JSON report:\n${text.slice(0, 2000)}`);
      }
    },
  );
}

function recordVnu(siteDir, files, messages) {
  const byFile = new Map(files.map((f) => [path.resolve(siteDir, f), []]));
  const elsewhere = [];
  for (const m of messages) {
    const file = m.url ? fileURLToPath(m.url) : null;
    const problem = {
      rule: "vnu " + m.type + (m.subType ? "/" + m.subType : ""),
      element: `line ${m.lastLine ?? "?"}:${m.firstColumn ?? m.lastColumn ?? "?"}` + (m.extract ? ` \`${m.extract.replace(/\s+/g, " ").trim().slice(0, 80)}\`` : ""),
      detail: m.message,
    };
    if (file && byFile.has(file)) byFile.get(file).push(problem);
    else elsewhere.push({ ...problem, element: (file || "?") + " " + problem.element });
  }
  for (const [file, problems] of byFile) record(`html-valid ${fileToUrl(path.relative(siteDir, file))}`, problems);
  if (elsewhere.length) record("html-valid (messages for no HTML file)", elsewhere);
}

// ---- XML: feed, sitemap, charts ------------------------------------------

// Parsed by Chromium's XML parser (DOMParser, application/xml): the same
// strict parser a browser uses for a standalone .svg or an Atom feed.
async function checkXml(browser, siteDir, files, out) {
  const page = await browser.newPage();
  const parse = (docs) =>
    page.evaluate((docs) => {
      const parser = new DOMParser();
      return docs.map(({ text, root, ns }) => {
        const doc = parser.parseFromString(text, "application/xml");
        const err = doc.getElementsByTagName("parsererror")[0];
        if (err) return "not well-formed XML: " + err.textContent.replace(/\s+/g, " ").trim().slice(0, 200);
        const el = doc.documentElement;
        if (el.localName !== root || el.namespaceURI !== ns) {
          return `root element is {${el.namespaceURI}}${el.localName}, expected {${ns}}${root}`;
        }
        return null;
      });
    }, docs);

  for (const [file, root, ns] of [
    ["feed.xml", "feed", "http://www.w3.org/2005/Atom"],
    ["sitemap.xml", "urlset", "http://www.sitemaps.org/schemas/sitemap/0.9"],
  ]) {
    const full = path.join(siteDir, file);
    if (!existsSync(full)) {
      record(`xml /${file}`, [{ rule: "xml", element: file, detail: "missing" }], out);
      continue;
    }
    const [err] = await parse([{ text: await readFile(full, "utf8"), root, ns }]);
    record(`xml /${file}`, err ? [{ rule: "xml", element: file, detail: err }] : [], out);
  }

  let charts = 0;
  const problems = [];
  for (const rel of files) {
    const html = await readFile(path.join(siteDir, rel), "utf8");
    const svgs = [...html.matchAll(/<svg\b[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    if (!svgs.length) continue;
    charts += svgs.length;
    const errors = await parse(svgs.map((text) => ({ text, root: "svg", ns: "http://www.w3.org/2000/svg" })));
    errors.forEach((err, i) => {
      if (!err) return;
      const id = /\bid="([^"]+)"/.exec(svgs[i]);
      problems.push({ rule: "svg-xml", element: `${fileToUrl(rel)} svg #${i + 1}${id ? ` (${id[1]})` : ""}`, detail: err });
    });
  }
  record(`xml every inline SVG chart (${charts} in ${files.length} pages)`, problems, out);
  await page.close();
}

// ---- One page in one configuration ---------------------------------------

/**
 * A new page in its own context (width, colour scheme, media, motion) whose
 * console errors, script errors, failed requests, error statuses and
 * requests leaving `origin` are collected in `log`.
 */
async function newWatchedPage(browser, origin, target, { width, scheme, media, reducedMotion }) {
  const context = await browser.newContext({
    viewport: { width, height: VIEWPORT_HEIGHT },
    colorScheme: scheme,
    reducedMotion: reducedMotion || "no-preference",
  });
  // Generous limits for a loaded machine; every wait is still on a condition.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const log = [];
  // Requests not answered yet: named when a page never finishes loading.
  const inflight = new Set();
  page.on("request", (req) => inflight.add(req));
  page.on("requestfinished", (req) => inflight.delete(req));
  page.on("requestfailed", (req) => inflight.delete(req));
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    // The 404 page's own document answers 404 by design; Chromium logs that.
    if (target.expectStatus === 404 && /status of 404/.test(msg.text()) && msg.location().url === origin + target.url) return;
    log.push({ rule: "console-error", element: msg.location().url || "page", detail: msg.text() });
  });
  page.on("pageerror", (err) => log.push({ rule: "page-error", element: "script", detail: String(err) }));
  page.on("requestfailed", (req) => {
    // `polibrief serve`'s event stream never ends: a reload or a closed
    // page aborts it. That it connected is checked on its own.
    if (/\/__polibrief\/events$/.test(req.url()) && req.failure()?.errorText === "net::ERR_ABORTED") return;
    log.push({ rule: "request-failed", element: req.url(), detail: req.failure()?.errorText || "failed" });
  });
  page.on("response", (res) => {
    const isMain = res.request().isNavigationRequest() && res.url() === origin + target.url;
    if (isMain && res.status() === target.expectStatus) return;
    if (isMain || res.status() >= 400) {
      log.push({ rule: "http-status", element: res.url(), detail: `status ${res.status()}` + (isMain ? `, expected ${target.expectStatus}` : "") });
    }
  });
  // Nothing may come from anywhere but the site itself: no CDN, no tracker.
  await page.route((url) => !url.href.startsWith(origin) && !url.href.startsWith("data:"), (route) => {
    log.push({ rule: "third-party-request", element: route.request().url(), detail: "request leaves the site" });
    return route.abort("blockedbyclient");
  });
  if (media) await page.emulateMedia({ media });
  return { context, page, log, inflight };
}

async function openPage(browser, origin, target, config) {
  const { context, page, log } = await newWatchedPage(browser, origin, target, config);
  await page.goto(origin + target.url, { waitUntil: "load" });
  await page.addScriptTag({ path: PROBE });
  await settled(page);
  return { context, page, log };
}

/**
 * axe-core's violations for the WCAG 2.2 AA tags, plus a check of our own
 * for the text whose contrast axe leaves undecided ("incomplete").
 */
async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations", "incomplete"] });
    return {
      violations: r.violations.map((v) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.map((n) => ({
          target: n.target.join(" "),
          summary: (n.failureSummary || "").split("\n").slice(1, 2).join(" ").trim(),
        })),
      })),
      undecided: r.incomplete
        .filter((v) => v.id === "color-contrast")
        .flatMap((v) => v.nodes.filter((n) => n.target.length === 1).map((n) => n.target[0])),
    };
  }, AXE_TAGS);
  const problems = [];
  for (const v of result.violations) {
    for (const n of v.nodes) problems.push({ rule: `axe ${v.id}`, element: n.target, detail: `${v.help}${n.summary ? ": " + n.summary : ""}` });
  }
  problems.push(...(await page.evaluate((sels) => window.__pb.textContrast(sels), result.undecided)));
  return problems;
}

/**
 * Tab from the top of the page to the end: every link and control must take
 * the focus, each with a visible indicator that is in view and not hidden
 * behind a sticky or fixed element (probe.js focusState).
 */
async function tabThrough(page) {
  const targets = await page.evaluate(() => window.__pb.markFocusTargets());
  const reached = [];
  const problems = [];
  let first = null, firstId = null;
  const limit = targets + 50;
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press("Tab");
    const state = await page.evaluate(() => window.__pb.focusState());
    if (state.none) {
      if (step === 0) problems.push({ rule: "keyboard", element: "body", detail: "Tab does not move the focus" });
      break;
    }
    if (first === null) {
      first = state.name;
      firstId = state.id;
      if (!/skip-link/.test(state.name)) {
        problems.push({ rule: "keyboard-skip-link", element: state.name, detail: "the first Tab stop is not the skip link" });
      }
    } else if (firstId !== null ? state.id === firstId : state.name === first) {
      break; // wrapped round
    }
    if (state.id !== null) reached.push(state.id);
    for (const p of state.problems) problems.push({ rule: p.rule, element: state.name, detail: p.detail });
  }
  const missing = await page.evaluate((reached) => window.__pb.unreachedTargets(reached), reached);
  for (const m of missing) problems.push({ rule: "keyboard-reach", element: m, detail: "never receives focus from Tab" });
  return { targets, problems };
}

/**
 * The same focus checks in the second colour scheme without walking the Tab
 * order again (it does not depend on colours): one real Tab puts Chromium in
 * keyboard mode, then every target is focused by script and inspected.
 */
async function focusEveryTarget(page) {
  const targets = await page.evaluate(() => window.__pb.markFocusTargets());
  await page.keyboard.press("Tab");
  const problems = await page.evaluate(() => window.__pb.focusEach());
  return { targets, problems };
}

async function printProblems(browser, origin, target, shotDir) {
  const { context, page, log } = await openPage(browser, origin, target, {
    width: PRINT_WIDTH,
    scheme: "light",
    media: "print",
  });
  // Chromium fragments a page into sheets only inside its PDF path; the DOM
  // never sees page boundaries. So the suite asserts the two conditions that
  // together keep a block whole in Chromium's print layout: (1) every chart
  // picture and every table row has a computed `break-inside: avoid`, and
  // (2) each fits in the A4 page area (a taller block is split whatever its
  // CSS says). The layout is measured with print media at the width of the
  // A4 text column. The PDF itself is written beside the screenshots for a
  // person to look at.
  const layout = await page.evaluate((h) => window.__pb.printLayout(h), PRINT_HEIGHT);
  await page.screenshot({ path: path.join(shotDir, `${target.kind}-print.png`), fullPage: true });
  await page.pdf({ path: path.join(shotDir, `${target.kind}-print.pdf`), preferCSSPageSize: true, printBackground: true });
  await context.close();
  if (layout.checked === 0) layout.problems.push({ rule: "print", element: "main", detail: "no chart or table row to check" });
  return [...log, ...layout.problems];
}

/**
 * Every check of one page kind in one configuration (360 or 1280 px, light
 * or dark); returns its output lines. Reduced motion is emulated, so that
 * focus scrolling is instant and the skip link does not slide in (the theme
 * turns smooth scrolling and transitions off for it): what is measured is
 * the state a reader sees once motion has ended. Colours do not depend on
 * the width, so chart colours are measured at 1280 px in each scheme.
 */
async function checkConfig(browser, origin, target, shotDir, width, scheme) {
  const lines = [];
  const out = (line) => lines.push(line);
  const config = `${target.kind} ${target.url} [${width} ${scheme}]`;
  const lap = trace(config);
  const { context, page, log } = await openPage(browser, origin, target, { width, scheme, reducedMotion: "reduce" });
  lap("open");
  const axe = await axeViolations(page);
  lap("axe");
  const charts = await page.evaluate(() => window.__pb.chartsVisible());
  const colours = width === 1280
    ? await page.evaluate(
        (t) => window.__pb.chartColours(t[0], t[1], t[2], t[3]),
        [MIN_TEXT, MIN_SERIES, MIN_SERIES_DISTANCE, MIN_MAP_DISTANCE],
      )
    : null;
  const overflow = width === 360 ? await page.evaluate(() => window.__pb.horizontalOverflow()) : null;
  lap("charts");
  await page.screenshot({ path: path.join(shotDir, `${target.kind}-${width}-${scheme}.png`), fullPage: true });
  lap("screenshot");
  const keyboard = scheme === SCHEMES[0] ? await tabThrough(page) : await focusEveryTarget(page);
  lap("keyboard");
  await context.close();

  record(`${config} loads without console errors or failed requests`, log, out);
  record(`${config} axe ${AXE_TAGS.join(",")}`, axe, out);
  record(`${config} charts visible (${charts.count})`, charts.problems.map((p) => ({ rule: "chart-visible", ...p })), out);
  if (colours) record(`${config} chart text and series colours`, colours, out);
  if (overflow) {
    const wide = overflow.culprits.length || overflow.scrollWidth > overflow.width;
    record(`${config} no horizontal page scroll`, wide
      ? [{ rule: "horizontal-scroll", element: overflow.culprits.join("; ") || "html", detail: `page is ${overflow.scrollWidth} px wide in a ${overflow.width} px viewport` }]
      : [], out);
  }
  const how = scheme === SCHEMES[0] ? "Tab reaches" : "focus on";
  record(`${config} keyboard: ${how} all ${keyboard.targets} links and controls, focus visible and not obscured`, keyboard.problems, out);
  return lines;
}

async function checkPrint(browser, origin, target, shotDir) {
  const lines = [];
  record(
    `${target.kind} ${target.url} [print A4] no navigation chrome, no chart or table row split`,
    await printProblems(browser, origin, target, shotDir),
    (l) => lines.push(l),
  );
  return lines;
}

// ---- polibrief serve: live reload and the error overlay -----------------

// The overlay is checked the way a writer meets it: `polibrief serve` runs
// on a copy of the default site's sources, a page is open in every
// configuration, a country file gets an unknown key, and every page must
// show the overlay (waited for as an element, never for a time); then the
// file is fixed and every page must reload without it.
const OVERLAY = '.polibrief-overlay[role="alertdialog"]';
const BROKEN_FILE = "data/countries/fr.yaml";
const breakFile = (text) => text.replace(/^region:/m, "regoin: a typo of region\nregion:");
const isEventsUrl = (url) => /\/__polibrief\/events$/.test(url);
const isEvents = (res) => isEventsUrl(res.url());

/** A URL fetched outside the browser, with a deadline: its status, or why not. */
async function askDirectly(url) {
  const started = Date.now();
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await res.arrayBuffer();
    return `${res.status} in ${Date.now() - started} ms`;
  } catch (err) {
    return `no answer (${err.name})`;
  }
}

/** Opens the served page and waits until its live-reload script is connected. */
async function openServed(browser, server, target, width, scheme) {
  const view = await newWatchedPage(browser, server.origin, target, { width, scheme, reducedMotion: "reduce" });
  const { page, log } = view;
  const [js, stream] = await Promise.all([
    page.waitForResponse((res) => /\/__polibrief\/live\.js$/.test(res.url())),
    page.waitForResponse(isEvents),
    page.goto(server.origin + target.url, { waitUntil: "load" }),
  ]);
  if (js.status() !== 200) log.push({ rule: "live-reload", element: js.url(), detail: `status ${js.status()}` });
  if (!/^text\/event-stream/.test(stream.headers()["content-type"] || "")) {
    log.push({ rule: "live-reload", element: stream.url(), detail: `not an event stream: ${stream.headers()["content-type"]}` });
  }
  await page.addScriptTag({ path: PROBE });
  return { ...view, width, scheme, config: `${target.kind} ${target.url} [${width} ${scheme}]` };
}

/**
 * What assistive technology is told: Chromium's accessibility tree (over
 * the DevTools protocol) must hold one alert dialog, named, described by
 * its first sentence and modal, with the page behind it left out.
 */
async function overlayAnnounced(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
    const query = (role) => cdp.send("Accessibility.queryAXTree", { nodeId: root.nodeId, role }).then((r) => r.nodes.filter((n) => !n.ignored));
    const dialogs = await query("alertdialog");
    const problems = [];
    if (dialogs.length !== 1) {
      return [{ rule: "overlay-announced", element: OVERLAY, detail: `${dialogs.length} alert dialogs in the accessibility tree, expected 1` }];
    }
    const [d] = dialogs;
    const prop = (name) => (d.properties || []).find((p) => p.name === name)?.value?.value;
    const name = d.name?.value || "";
    const description = d.description?.value || "";
    if (!/error/i.test(name)) problems.push({ rule: "overlay-announced", element: OVERLAY, detail: `accessible name "${name}" does not say there are errors` });
    if (!/\d+ errors?\b/.test(description)) problems.push({ rule: "overlay-announced", element: OVERLAY, detail: `accessible description "${description}" does not give the number of errors` });
    if (prop("modal") !== true) problems.push({ rule: "overlay-announced", element: OVERLAY, detail: "not exposed as modal (aria-modal)" });
    const behind = await query("main");
    if (behind.length) problems.push({ rule: "overlay-announced", element: "main", detail: "the page behind the overlay is still exposed to assistive technology" });
    return problems;
  } finally {
    await cdp.detach();
  }
}

/**
 * Focus with the overlay open: in it from the start, visible, never on
 * anything behind it (every link and control of the page must be out of
 * the Tab order), and Tab keeps it inside.
 */
async function overlayKeyboard(page) {
  const problems = [];
  const first = await page.evaluate((sel) => window.__pb.focusAndDialog(sel), OVERLAY);
  if (!first.inside) problems.push({ rule: "overlay-focus", element: first.focused, detail: "focus did not move into the overlay when it opened" });
  const targets = await page.evaluate(() => window.__pb.markFocusTargets());
  const state = await page.evaluate((sel) => window.__pb.focusAndDialog(sel), OVERLAY);
  for (const el of state.outside.slice(0, 5)) {
    problems.push({ rule: "overlay-modal", element: el, detail: "behind the overlay, yet still takes the focus" });
  }
  if (state.outside.length > 5) problems.push({ rule: "overlay-modal", element: "…", detail: `${state.outside.length - 5} more behind the overlay` });
  const reached = new Set();
  let left = 0;
  for (let step = 0; step < targets + 2; step++) {
    await page.keyboard.press("Tab");
    const where = await page.evaluate((sel) => window.__pb.focusAndDialog(sel), OVERLAY);
    // Past the last control the focus may go to the browser's own UI for
    // one step before it comes back; anywhere on the page is a failure.
    if (where.none) {
      if (++left > 1) break;
      continue;
    }
    if (!where.inside) {
      problems.push({ rule: "overlay-focus-kept", element: where.focused, detail: "Tab moves the focus out of the overlay, behind it" });
      break;
    }
    const focus = await page.evaluate(() => window.__pb.focusState());
    reached.add(focus.id);
    for (const p of focus.problems) problems.push({ rule: p.rule, element: focus.name, detail: p.detail });
  }
  if (!state.outside.length && reached.size < targets) {
    problems.push({ rule: "keyboard-reach", element: OVERLAY, detail: `Tab reaches ${reached.size} of the overlay's ${targets} controls` });
  }
  return { targets, problems };
}

/** Closes the overlay with `how` (a key on its button); the focus must go back. */
async function overlayDismissed(page, how) {
  const problems = [];
  if (how === "Escape") {
    await page.keyboard.press("Escape");
  } else {
    await page.focus(`${OVERLAY} button`);
    await page.keyboard.press(how);
  }
  try {
    await page.waitForSelector(OVERLAY, { state: "detached", timeout: 5_000 });
  } catch {
    return [{ rule: "overlay-dismiss", element: OVERLAY, detail: `${how} does not close the overlay` }];
  }
  const after = await page.evaluate((sel) => ({
    back: !!document.activeElement && document.activeElement.hasAttribute("data-pb-before"),
    ...window.__pb.focusAndDialog(sel),
  }), OVERLAY);
  if (!after.back) problems.push({ rule: "overlay-dismiss", element: after.focused, detail: "focus did not return to where it was before the overlay opened" });
  if (after.inert) problems.push({ rule: "overlay-dismiss", element: "[inert]", detail: `${after.inert} elements of the page stay inert after closing` });
  return problems;
}

async function checkServeOverlay(browser, target, shotDir, binary) {
  const lines = [];
  const out = (line) => lines.push(line);
  const server = await startServe(binary, REPO);
  const views = [];
  try {
    for (const width of WIDTHS) {
      for (const scheme of SCHEMES) views.push(await openServed(browser, server, target, width, scheme));
    }
    for (const v of views) {
      record(`${v.config} served by polibrief serve: live-reload script connected, no console errors or failed requests`, v.log.splice(0), out);
      // A reader was somewhere on the page when the save broke the site.
      await v.page.locator("main a").first().focus();
      await v.page.evaluate(() => window.__pb.markFocused("before"));
    }

    await server.edit(BROKEN_FILE, breakFile);
    const shown = await Promise.all(
      views.map((v) => v.page.waitForSelector(OVERLAY, { state: "visible" }).then(() => null, (err) => String(err.message).split("\n")[0])),
    );
    views.forEach((v, i) =>
      record(`${v.config} ${BROKEN_FILE} broken: the error overlay appears`, shown[i] ? [{ rule: "overlay-shown", element: OVERLAY, detail: shown[i] }] : [], out));

    for (const [i, v] of views.entries()) {
      if (shown[i]) continue;
      await settled(v.page);
      const text = await v.page.locator(OVERLAY).innerText();
      record(`${v.config} the overlay shows the located error`, /fr\.yaml:\d+:\d+/.test(text) && /regoin/.test(text)
        ? []
        : [{ rule: "overlay-content", element: OVERLAY, detail: `no path:line:column of the error in: ${text.replace(/\s+/g, " ").slice(0, 160)}` }], out);
      record(`${v.config} axe ${AXE_TAGS.join(",")} with the overlay open`, await axeViolations(v.page), out);
      record(`${v.config} announced as a modal alert dialog (name, description)`, await overlayAnnounced(v.page), out);
      await v.page.screenshot({ path: path.join(shotDir, `serve-overlay-${v.width}-${v.scheme}.png`) });
      const keyboard = await overlayKeyboard(v.page);
      record(`${v.config} keyboard: focus in the overlay, kept there, visible on its ${keyboard.targets} control(s)`, keyboard.problems, out);
    }
    // Closing it: Escape in one view, its button (Enter) in another; the
    // dark views keep it open until the file is fixed.
    for (const [i, v] of views.entries()) {
      if (shown[i] || v.scheme !== "light") continue;
      const how = v.width === WIDTHS[1] ? "Escape" : "Enter";
      const label = how === "Escape" ? "Escape closes the overlay" : "its Hide button (Enter) closes the overlay";
      record(`${v.config} ${label}, focus back where it was, page usable`, await overlayDismissed(v.page, how), out);
    }

    // The reload is a new document (DOMContentLoaded) with a new event
    // stream. Not its load event: with four pages holding event streams to
    // one host, Chromium now and then keeps a reloaded page's print
    // stylesheet (its lowest-priority file) waiting for a minute while
    // serve answers the same URL at once on a fresh connection; that stall
    // is the browser's, and says nothing about the reload.
    const reloads = views.map((v) =>
      Promise.all([v.page.waitForEvent("domcontentloaded"), v.page.waitForResponse(isEvents)]).then(() => null, (err) => String(err.message).split("\n")[0]));
    await server.restore(BROKEN_FILE);
    const reloaded = await Promise.all(reloads);
    for (const [i, v] of views.entries()) {
      const problems = [];
      if (reloaded[i]) {
        const state = await v.page.evaluate((sel) => `the page is ${document.readyState}, overlay ${document.querySelector(sel) ? "still open" : "closed"}`, OVERLAY).catch((e) => String(e));
        const said = server.stderr().trim().split("\n").slice(-2).join(" / ");
        const unanswered = [...v.inflight].map((r) => r.url()).filter((u) => !isEventsUrl(u));
        const waiting = unanswered.map((u) => u.replace(server.origin, "")).join(", ") || "none";
        // Whose the hang is: the same requests, asked outside the browser.
        const direct = await Promise.all(unanswered.map((u) => askDirectly(u)));
        problems.push({
          rule: "live-reload",
          element: target.url,
          detail: `no reload after the fix (${state}; requests unanswered: ${waiting}; asked directly: ${direct.join(", ") || "-"}; serve said: ${said}): ${reloaded[i]}`,
        });
      }
      if (!reloaded[i] && (await v.page.$(OVERLAY))) problems.push({ rule: "overlay-gone", element: OVERLAY, detail: "still shown after the fix" });
      problems.push(...v.log);
      record(`${v.config} ${BROKEN_FILE} fixed: the page reloads, without the overlay`, problems, out);
    }
  } finally {
    for (const v of views) await v.context.close();
    await server.close();
  }
  return lines;
}

/**
 * The units of work: every page kind in every configuration, the report in
 * print, and serve's overlay.
 */
function jobsFor(present, binary) {
  const jobs = [];
  for (const target of present) {
    if (target.kind === "serve-overlay") {
      // One unit: the pages in every configuration share the server and the broken file.
      jobs.push({ target, heavy: true, run: (b, _o, d) => checkServeOverlay(b, target, d, binary) });
      continue;
    }
    for (const width of WIDTHS) {
      for (const scheme of SCHEMES) {
        jobs.push({ target, run: (b, o, d) => checkConfig(b, o, target, d, width, scheme) });
      }
    }
    if (target.kind === "report") jobs.push({ target, run: (b, o, d) => checkPrint(b, o, target, d) });
  }
  return jobs;
}

/**
 * Runs `task` over `items` with at most `n` at a time, starting them in the
 * order of `first` (a list of indices: the heaviest pages first, so the
 * longest one does not start last); results by index.
 */
async function pool(items, n, task, first = items.map((_, i) => i)) {
  const results = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < first.length) {
      const i = first[next++];
      results[i] = await task(items[i], i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return results;
}

// ---- Main ----------------------------------------------------------------

async function main() {
  const { values } = parseArgs({
    options: {
      site: { type: "string" },
      only: { type: "string", multiple: true },
      screenshots: { type: "string" },
      polibrief: { type: "string", default: path.join(REPO, "target", "release", "polibrief") },
      "no-vnu": { type: "boolean", default: false },
      "no-xml": { type: "boolean", default: false },
      jobs: { type: "string", default: "3" },
      chromium: { type: "string", default: process.env.CHROMIUM || "/usr/bin/chromium" },
    },
  });
  const started = Date.now();
  const siteDir = path.resolve(values.site || path.join(REPO, "target", "browser-site"));
  const shotDir = path.resolve(values.screenshots || path.join(REPO, "target", "browser-screenshots"));
  if (!values.site) await buildSite(siteDir);
  if (!existsSync(path.join(siteDir, "index.html"))) throw new Error(`no built site in ${siteDir}`);
  await rm(shotDir, { recursive: true, force: true });
  await mkdir(shotDir, { recursive: true });

  const files = await htmlFiles(siteDir);
  const vnu = values["no-vnu"] ? null : startVnu(siteDir);

  // The built site, as a plain static host serves it: what is published.
  const server = await startStaticServer(siteDir);
  const browser = await chromium.launch({ executablePath: values.chromium, args: CHROMIUM_ARGS });
  try {
    console.log(`# ${files.length} HTML files in ${siteDir}, served at ${server.origin}; Chromium ${browser.version()}`);
    const kinds = (await pageKinds(siteDir))
      .filter((t) => !values.only || values.only.includes(t.kind));
    for (const t of kinds.filter((t) => t.absent)) skip(t.kind, t.absent);
    // Pages are independent: a few at a time keep both cores busy while
    // one page waits for a frame. Output is printed in page-kind order.
    // The XML parse runs beside the pages; its lines print after theirs.
    const xmlLines = [];
    const toXml = (l) => xmlLines.push(l);
    const xml = values["no-xml"]
      ? Promise.resolve()
      : checkXml(browser, siteDir, files, toXml).catch((err) =>
          record("xml could be checked", [{ rule: "run", element: "xml", detail: String(err.message || err) }], toXml));
    const present = kinds.filter((t) => !t.absent);
    const jobs = jobsFor(present, path.resolve(values.polibrief));
    const done = new Array(jobs.length);
    let cursor = 0;
    const weight = (t) => {
      try {
        return statSync(path.join(siteDir, t.url, "index.html")).size;
      } catch {
        return 0;
      }
    };
    const heaviestFirst = jobs.map((j, i) => [j.heavy ? Infinity : weight(j.target), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]).map(([, i]) => i);
    await pool(jobs, Number(values.jobs), async (job, i) => {
      try {
        done[i] = await job.run(browser, server.origin, shotDir);
      } catch (err) {
        // A page that cannot be checked at all (navigation timeout, crash)
        // is one failure naming the page; the rest still runs.
        const lines = [];
        record(`${job.target.kind} ${job.target.url} could be checked`, [
          { rule: "run", element: job.target.url, detail: String(err && err.message ? err.message : err).split("\n")[0] },
        ], (l) => lines.push(l));
        done[i] = lines;
      }
      while (cursor < jobs.length && done[cursor]) {
        for (const line of done[cursor]) console.log(line);
        cursor++;
      }
    }, heaviestFirst);
    await xml;
    for (const line of xmlLines) console.log(line);
  } finally {
    await browser.close();
    await server.close();
  }
  if (vnu) recordVnu(siteDir, files, await vnu);

  await writeFile(
    path.join(shotDir, "README.txt"),
    "Screenshots of each page kind at 360 and 1280 px, light and dark, written by tests/browser/run.mjs.\n" +
      "report-print.png / .pdf: the report page with print media (A4).\n" +
      "serve-overlay-*.png: polibrief serve's error overlay over a page (the window, not the whole page).\n",
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`# screenshots in ${shotDir}; ${seconds} s`);
  console.log(`${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
  process.exitCode = results.failed ? 1 : 0;
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : String(err));
  console.log(`${results.passed} passed, ${results.failed + 1} failed, ${results.skipped} skipped`);
  process.exitCode = 1;
});
