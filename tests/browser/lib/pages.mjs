// Which pages the suite opens: one concrete URL for every page kind of the
// built site, found from what the site publishes (sitemap.xml and the
// /data/all.json download), never from a hard-coded country list. Where a
// kind has several candidates, the largest page is taken (the most charts,
// tables and links to check); the choice is deterministic for a given site.
//
// A kind the site does not have (no country that is both origin and
// destination in the default data) is listed as absent, with the reason;
// "search" is found as soon as the site publishes /search/.
//
// "serve-overlay" is not a page of the built site: it is the home page as
// `polibrief serve` shows it, run on a copy of the default site's sources,
// with the error overlay a broken file brings up (run.mjs
// checkServeOverlay). Its URL is relative to the dev server.

import { readFile, stat } from "node:fs/promises";
import path from "node:path";

function sitemapPaths(xml, baseUrl) {
  const base = new URL(baseUrl);
  const paths = [];
  for (const m of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const url = new URL(m[1].replace(/&amp;/g, "&"));
    let p = url.pathname;
    if (base.pathname !== "/" && p.startsWith(base.pathname)) p = p.slice(base.pathname.length - 1);
    paths.push(p);
  }
  return paths;
}

async function fileSize(siteDir, urlPath) {
  try {
    return (await stat(path.join(siteDir, urlPath, "index.html"))).size;
  } catch {
    return -1;
  }
}

async function largest(siteDir, urlPaths) {
  let best = null, bestSize = -1;
  for (const p of [...urlPaths].sort()) {
    const size = await fileSize(siteDir, p);
    if (size > bestSize) {
      best = p;
      bestSize = size;
    }
  }
  return best;
}

const GENERATED = new Set(["countries", "indicators", "corridors", "typology", "data", "search"]);

/** Resolves every page kind to `{ kind, url, expectStatus, absent? }`. */
export async function pageKinds(siteDir) {
  const all = JSON.parse(await readFile(path.join(siteDir, "data", "all.json"), "utf8"));
  const sitemap = await readFile(path.join(siteDir, "sitemap.xml"), "utf8");
  const paths = sitemapPaths(sitemap, all.base_url);
  const has = new Set(paths);
  const countryUrl = (c) => `/countries/${c.code.toLowerCase()}/`;
  const withRole = (role) =>
    all.countries.filter((c) => {
      const roles = new Set(c.roles);
      if (role === "both") return roles.has("origin") && roles.has("destination");
      return roles.size === 1 && roles.has(role);
    }).map(countryUrl);

  // Content sections: first-level folders of content (not generated pages)
  // with pages below them; the one with most pages below.
  const contentPaths = paths.filter((p) => !GENERATED.has(p.split("/")[1]) && p !== "/");
  const sections = contentPaths
    .filter((p) => p.split("/").length === 3 && contentPaths.some((q) => q !== p && q.startsWith(p)))
    .map((p) => ({ p, n: contentPaths.filter((q) => q !== p && q.startsWith(p)).length }))
    .sort((a, b) => b.n - a.n || a.p.localeCompare(b.p));
  const leaves = contentPaths.filter((p) => !contentPaths.some((q) => q !== p && q.startsWith(p)));

  const byScope = (scope) => all.indicators.filter((i) => i.scope === scope).map((i) => `/indicators/${i.id}/`);
  const corridors = paths.filter((p) => /^\/corridors\/[^/]+\/$/.test(p));
  const reports = paths.filter((p) => /^\/countries\/[^/]+\/report\/$/.test(p));

  const kinds = [
    ["home", "/"],
    ["section", sections.length ? sections[0].p : null, "no content section with pages below it"],
    ["page", await largest(siteDir, leaves), "no content page"],
    ["countries", has.has("/countries/") ? "/countries/" : null, "no /countries/ page"],
    ["country-origin", await largest(siteDir, withRole("origin")), "no country that is only an origin"],
    ["country-destination", await largest(siteDir, withRole("destination")), "no country that is only a destination"],
    ["country-both", await largest(siteDir, withRole("both")), "no country is both origin and destination in this site's data"],
    ["indicators", has.has("/indicators/") ? "/indicators/" : null, "no /indicators/ page"],
    ["indicator-country", await largest(siteDir, byScope("country")), "no indicator of country scope"],
    ["indicator-corridor", await largest(siteDir, byScope("corridor")), "no indicator of corridor scope"],
    ["corridor", await largest(siteDir, corridors), "no corridor pages"],
    ["typology", has.has("/typology/") ? "/typology/" : null, "no /typology/ page"],
    ["typology-method", has.has("/typology/method/") ? "/typology/method/" : null, "no /typology/method/ page"],
    ["report", await largest(siteDir, reports), "no country report"],
    ["404", "/this-page-does-not-exist-browser-suite/"],
    ["search", has.has("/search/") ? "/search/" : null, "the site has no search page yet"],
    ["serve-overlay", "/"],
  ];
  return kinds.map(([kind, url, why]) => ({
    kind,
    url,
    expectStatus: kind === "404" ? 404 : 200,
    absent: url ? null : why,
  }));
}
