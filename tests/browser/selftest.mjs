#!/usr/bin/env node
// The browser suite's own test: each check must fail on a page that breaks
// its rule. A copy of the built site is cut down to the home page and one
// country report, a defect for every rule is planted in them, run.mjs is run
// over the copy, and every rule must be reported (with its page) and the run
// must exit 1. Run after run.mjs has built the site:
//
//   node tests/browser/selftest.mjs [--site target/browser-site]

import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, "..", "..");

// Planted in the home page: each line names the rule that must catch it.
const HOME_DEFECTS = `
<style>
  .selftest-no-ring:focus-visible { outline: none; }
  .selftest-banner { position: fixed; left: 0; right: 0; bottom: 0; height: 40vh; background: #fff; color: #000; }
</style>
<p style="color:#c8c8c8">Low contrast text.</p>                                  <!-- axe color-contrast -->
<div class="table-scroll"><p style="color:#c0c0c0">Faint text on the scroll shadows.</p></div> <!-- text-contrast -->
<script>console.error("selftest: console error");</script>                        <!-- console-error -->
<script>null.selftest();</script>                                                  <!-- page-error -->
<img src="/selftest-missing.png" alt="missing">                                     <!-- http-status -->
<img src="https://cdn.invalid/selftest.png" alt="remote">                          <!-- third-party-request -->
<div style="width:900px">A block wider than a phone.</div>                           <!-- horizontal-scroll -->
<a href="/selftest-unreachable/" tabindex="-1">Unreachable link</a>                 <!-- keyboard-reach -->
<a href="/selftest-no-ring/" class="selftest-no-ring">Link without focus ring</a>   <!-- focus-visible -->
<div class="selftest-banner">A banner fixed over the bottom of the window.</div>   <!-- focus-not-obscured -->
<svg class="selftest-svg"><text>&nbsp;</text></svg>                                 <!-- svg-xml -->
<div><span>Stray end tag</div>                                                       <!-- vnu -->
`;

// Planted in the report: chart colours, chart visibility and print.
const REPORT_DEFECTS = `
<style>
  .chart__svg .chart__series--1 { fill: #e4e4e4; stroke: #e4e4e4; }
  .chart__svg text.chart__label { fill: #d0d0d0; }
  figure.chart:first-of-type .chart__svg { width: 0; }
  @media print {
    body:has(.report) .site-header, .site-nav { display: block !important; }
    .report tr { break-inside: auto !important; page-break-inside: auto !important; }
  }
</style>
`;

const EXPECTED = [
  ["home", "axe color-contrast"],
  ["home", "text-contrast"],
  ["home", "console-error"],
  ["home", "page-error"],
  ["home", "http-status"],
  ["home", "third-party-request"],
  ["home", "horizontal-scroll"],
  ["home", "keyboard-reach"],
  ["home", "focus-visible"],
  ["home", "focus-not-obscured"],
  ["report", "chart-series-contrast"],
  ["report", "chart-text-contrast"],
  ["report", "chart-visible"],
  ["report", "print-no-chrome"],
  ["report", "print-no-split"],
  [null, "svg-xml"],
  [null, "vnu error"],
];

async function htmlFiles(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith(".html")) out.push(path.join(e.parentPath ?? e.path, e.name));
  }
  return out;
}

async function plant(file, defects, where) {
  const html = await readFile(file, "utf8");
  const at = html.indexOf(where);
  if (at < 0) throw new Error(`no ${where} in ${file}`);
  await writeFile(file, html.slice(0, at) + defects + html.slice(at));
}

async function main() {
  const { values } = parseArgs({ options: { site: { type: "string" } } });
  const site = path.resolve(values.site || path.join(REPO, "target", "browser-site"));
  const all = JSON.parse(await readFile(path.join(site, "data", "all.json"), "utf8"));
  const code = all.countries[0].code.toLowerCase();
  const keep = new Set([
    path.join("index.html"),
    path.join("404.html"),
    path.join("countries", code, "report", "index.html"),
  ]);

  const copy = await mkdtemp(path.join(tmpdir(), "polibrief-selftest-"));
  let failed = 0, passed = 0;
  try {
    await cp(site, copy, { recursive: true });
    for (const f of await htmlFiles(copy)) {
      if (!keep.has(path.relative(copy, f))) await rm(f);
    }
    await plant(path.join(copy, "index.html"), HOME_DEFECTS, "</main>");
    await plant(path.join(copy, "countries", code, "report", "index.html"), REPORT_DEFECTS, "</head>");

    const shots = path.join(copy, "..", path.basename(copy) + "-shots");
    const child = spawn(
      process.execPath,
      [path.join(HERE, "run.mjs"), "--site", copy, "--screenshots", shots, "--only", "home", "--only", "report"],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    const exit = await new Promise((resolve) => child.on("close", resolve));
    await rm(shots, { recursive: true, force: true });

    // Each FAIL block: its heading line, then indented problem lines.
    const blocks = out.split(/\n(?=FAIL|ok|skip|#)/).filter((b) => b.startsWith("FAIL"));
    for (const [kind, rule] of EXPECTED) {
      const hit = blocks.some((b) => (!kind || b.startsWith(`FAIL  ${kind} `)) && b.includes(`        ${rule}`));
      if (hit) {
        passed++;
        console.log(`ok    the suite reports ${rule}${kind ? ` on the ${kind} page` : ""}`);
      } else {
        failed++;
        console.log(`FAIL  the suite does not report ${rule}${kind ? ` on the ${kind} page` : ""}`);
      }
    }
    if (exit === 1) {
      passed++;
      console.log("ok    the suite exits 1");
    } else {
      failed++;
      console.log(`FAIL  the suite exits ${exit}, expected 1`);
    }
    if (failed) console.log("# the suite's output:\n" + out);
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((err) => {
  console.error(err.stack || String(err));
  console.log("0 passed, 1 failed");
  process.exitCode = 1;
});
