#!/usr/bin/env node
// Builds data/geo/europe.json (simplified country outlines, lon/lat WGS84)
// from Natural Earth 1:50m Admin 0 countries as packaged by world-atlas.
//
// Usage (from tools/geo/):  npm ci && node build_europe.mjs [--out PATH]
//                           [--tolerance DEG] [--min-area DEG2]
//
// Pipeline (see README.md for the reasoning):
//   1. decode the TopoJSON arcs to absolute lon/lat;
//   2. simplify every *arc* once with Douglas-Peucker, keeping arc end points
//      (junctions), so that neighbouring countries keep identical shared
//      borders (no slivers or gaps between them);
//   3. turn the wanted countries into GeoJSON with topojson-client (Åland
//      is added to Finland; Crimea is moved from Russia to Ukraine);
//   4. unwrap rings stitched across the antimeridian (eastern Russia), clip
//      every ring to the map window (Sutherland-Hodgman), densify the new
//      edges that run along the window border;
//   5. drop degenerate rings, islands and holes below an area threshold
//      (a country always keeps at least its largest polygon; a micro-state
//      that collapses under simplification, or whose largest polygon keeps
//      fewer than 6 points, is rebuilt from its own raw outline simplified
//      with tolerance / 10);
//   6. round to 2 decimals, orient rings (outer CCW, holes CW), close rings,
//      sort keys, write JSON.

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as topojson from "topojson-client";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------- settings
const args = process.argv.slice(2);
function arg(name, def) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
}
const OUT = resolve(arg("--out", resolve(here, "../../data/geo/europe.json")));
// Douglas-Peucker tolerance in degrees of latitude (distances are measured
// with longitude scaled by cos(latitude), i.e. roughly in "degrees of arc").
const TOLERANCE = Number(arg("--tolerance", "0.05"));
// Polygons (islands) and holes smaller than this (in the same scaled
// degree^2 units; 0.005 ~ 60 km^2) are dropped.
const MIN_AREA = Number(arg("--min-area", "0.005"));
// Spacing of points inserted along edges created by clipping to the window,
// so that the edge follows the window border once projected.
const DENSIFY_STEP = 1.0;
const DECIMALS = 2;

const WINDOW = { lon_min: -25, lon_max: 50, lat_min: 30, lat_max: 72 };

// ISO 3166-1 alpha-2 -> ISO 3166-1 numeric (world-atlas feature id).
// Entries with `name` are matched on the Natural Earth name instead
// (Kosovo and Northern Cyprus have no ISO numeric code, hence no id).
// `extra` lists further Natural Earth units merged into the country.
const COUNTRIES = {
  // EU-27
  AT: "040", BE: "056", BG: "100", HR: "191", CY: "196", CZ: "203",
  DK: "208", EE: "233", FI: { id: "246", extra: ["248"] /* Åland */ },
  FR: "250", DE: "276", GR: "300", HU: "348", IE: "372", IT: "380",
  LV: "428", LT: "440", LU: "442", MT: "470", NL: "528", PL: "616",
  PT: "620", RO: "642", SK: "703", SI: "705", ES: "724", SE: "752",
  // origin countries near Europe
  MA: "504", DZ: "012", TN: "788", EG: "818", TR: "792", UA: "804",
  RU: "643", AL: "008", RS: "688",
  // neighbours for context
  GB: "826", NO: "578", CH: "756", IS: "352", BA: "070", ME: "499",
  MK: "807", XK: { name: "Kosovo" }, BY: "112", MD: "498", LI: "438",
  AD: "020", MC: "492", SM: "674", LY: "434", SY: "760", IQ: "368",
  IR: "364", GE: "268", AM: "051", AZ: "031", KZ: "398", LB: "422",
  IL: "376", JO: "400", SA: "682",
  // de facto entity on Cyprus, kept apart from CY (the renderer decides)
  "CY-N": { name: "N. Cyprus" },
};

// ---------------------------------------------------------------- geometry
const toRad = Math.PI / 180;

// Squared distance from p to segment a-b, in a local frame where longitude
// is scaled by cos(latitude).
function segDist2(p, a, b) {
  const k = Math.cos(((a[1] + b[1] + p[1]) / 3) * toRad);
  const ax = a[0] * k, ay = a[1], bx = b[0] * k, by = b[1];
  const px = p[0] * k, py = p[1];
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  const ex = ax + t * dx - px, ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

// Douglas-Peucker on an open polyline; keeps both end points. Works for a
// closed polyline too (first == last): the degenerate base "segment" then
// measures distance to that point, so the farthest point is kept first.
function douglasPeucker(pts, tol) {
  const n = pts.length;
  if (n <= 2) return pts.slice();
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const tol2 = tol * tol;
  const stack = [[0, n - 1]];
  while (stack.length) {
    const [i, j] = stack.pop();
    let maxD = -1, idx = -1;
    for (let m = i + 1; m < j; m++) {
      const d = segDist2(pts[m], pts[i], pts[j]);
      if (d > maxD) { maxD = d; idx = m; }
    }
    if (idx >= 0 && maxD > tol2) {
      keep[idx] = 1;
      stack.push([i, idx], [idx, j]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}

// Signed area of a ring (shoelace) after mapping each point to the
// sinusoidal plane (x = lon * cos(lat), y = lat), so the result is roughly
// proportional to true area at any latitude. Units: "degree^2"
// (1 ~ 12,300 km^2). Positive = counter-clockwise. Ring open or closed.
function ringArea(ring) {
  let s = 0;
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i], b = ring[(i + 1) % n];
    const ax = a[0] * Math.cos(a[1] * toRad), bx = b[0] * Math.cos(b[1] * toRad);
    s += ax * b[1] - bx * a[1];
  }
  return s / 2;
}

// Plain planar shoelace in lon/lat, used to fix ring orientation so that it
// is correct for a consumer checking the raw lon/lat numbers.
function planarArea(ring) {
  let s = 0;
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i], b = ring[(i + 1) % n];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

// world-atlas stitches polygons across the antimeridian (eastern Russia),
// so a ring can jump from lon 180 to -180. Make longitudes continuous and
// shift the ring so that its western-most point lies in [-180, 180); the
// wrapped part then lies east of 180 and is removed by the window clip.
function unwrapRing(ring) {
  const out = [ring[0].slice()];
  for (let i = 1; i < ring.length; i++) {
    const prev = out[i - 1][0];
    let x = ring[i][0];
    while (x - prev > 180) x -= 360;
    while (x - prev < -180) x += 360;
    out.push([x, ring[i][1]]);
  }
  const min = Math.min(...out.map((p) => p[0]));
  const shift = -360 * Math.floor((min + 180) / 360);
  if (shift !== 0) for (const p of out) p[0] += shift;
  return out;
}

// Sutherland-Hodgman clipping of one ring against the window rectangle.
// Input ring open or closed; output ring open. Where a concave ring leaves
// and re-enters the window, the pieces stay connected by zero-area edges
// that run along the window border.
function clipRing(ring, w) {
  const edges = [
    { inside: (p) => p[0] >= w.lon_min, cut: (a, b) => atX(a, b, w.lon_min) },
    { inside: (p) => p[0] <= w.lon_max, cut: (a, b) => atX(a, b, w.lon_max) },
    { inside: (p) => p[1] >= w.lat_min, cut: (a, b) => atY(a, b, w.lat_min) },
    { inside: (p) => p[1] <= w.lat_max, cut: (a, b) => atY(a, b, w.lat_max) },
  ];
  let out = openRing(ring);
  for (const e of edges) {
    if (out.length === 0) break;
    const input = out;
    out = [];
    let prev = input[input.length - 1];
    for (const cur of input) {
      const cin = e.inside(cur), pin = e.inside(prev);
      if (cin) {
        if (!pin) out.push(e.cut(prev, cur));
        out.push(cur);
      } else if (pin) {
        out.push(e.cut(prev, cur));
      }
      prev = cur;
    }
  }
  return out;
}
function atX(a, b, x) {
  const t = (x - a[0]) / (b[0] - a[0]);
  return [x, a[1] + t * (b[1] - a[1])];
}
function atY(a, b, y) {
  const t = (y - a[1]) / (b[1] - a[1]);
  return [a[0] + t * (b[0] - a[0]), y];
}

function openRing(ring) {
  const r = ring.slice();
  while (r.length > 1 && samePt(r[0], r[r.length - 1])) r.pop();
  return r;
}
function samePt(a, b) {
  return a[0] === b[0] && a[1] === b[1];
}

// Insert points every DENSIFY_STEP degrees along edges lying on the window
// border (those are new edges made by clipping; originals are dense anyway).
function densifyBorder(ring, w) {
  const out = [];
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i], b = ring[(i + 1) % n];
    out.push(a);
    const onX = a[0] === b[0] && (a[0] === w.lon_min || a[0] === w.lon_max);
    const onY = a[1] === b[1] && (a[1] === w.lat_min || a[1] === w.lat_max);
    if (!onX && !onY) continue;
    const len = onX ? Math.abs(b[1] - a[1]) : Math.abs(b[0] - a[0]);
    const steps = Math.ceil(len / DENSIFY_STEP);
    for (let s = 1; s < steps; s++) {
      const t = s / steps;
      out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}

const round = (v) => {
  const f = 10 ** DECIMALS;
  const r = Math.round(v * f) / f;
  return r === 0 ? 0 : r; // no "-0"
};

// Round, drop consecutive duplicates and collinear back-and-forth spikes
// produced by rounding; returns an open ring.
function roundRing(ring) {
  let r = [];
  for (const p of ring) {
    const q = [round(p[0]), round(p[1])];
    if (r.length === 0 || !samePt(r[r.length - 1], q)) r.push(q);
  }
  r = openRing(r);
  // remove "A B A" spikes (zero-width) repeatedly
  let changed = true;
  while (changed && r.length >= 3) {
    changed = false;
    for (let i = 0; i < r.length && r.length >= 3; i++) {
      const a = r[(i - 1 + r.length) % r.length], c = r[(i + 1) % r.length];
      if (samePt(a, c)) {
        // drop b and one copy of a/c
        const idx = [i, (i + 1) % r.length].sort((x, y) => y - x);
        for (const k of idx) r.splice(k, 1);
        changed = true;
        break;
      }
    }
  }
  return r;
}

// A ring is usable if it has >= 3 distinct points and non-zero area.
function usable(openR) {
  return openR.length >= 3 && Math.abs(ringArea(openR)) > 1e-9;
}

function closeRing(openR) {
  return [...openR, openR[0]];
}

// Clip + densify + round one polygon (list of rings). Returns null if the
// outer ring disappears; holes that vanish or are tiny are dropped.
function processPolygon(poly, { minHoleArea }) {
  const rings = [];
  for (let i = 0; i < poly.length; i++) {
    let r = clipRing(unwrapRing(poly[i]), WINDOW);
    if (r.length < 3) {
      if (i === 0) return null;
      continue;
    }
    r = densifyBorder(r, WINDOW);
    r = roundRing(r);
    if (!usable(r)) {
      if (i === 0) return null;
      continue;
    }
    if (i > 0 && Math.abs(ringArea(r)) < minHoleArea) continue;
    // orientation: outer counter-clockwise, holes clockwise (RFC 7946)
    const ccw = planarArea(r) > 0;
    if ((i === 0) !== ccw) r.reverse();
    rings.push(r);
  }
  return rings.length ? rings : null;
}

function polygonsOf(geom) {
  if (!geom) return [];
  if (geom.type === "Polygon") return [geom.coordinates];
  if (geom.type === "MultiPolygon") return geom.coordinates;
  throw new Error(`unexpected geometry ${geom.type}`);
}

// ---------------------------------------------------------------- main
const atlasPkg = require("world-atlas/package.json");
const topo = JSON.parse(
  readFileSync(require.resolve("world-atlas/countries-50m.json"), "utf8"),
);

// 1. decode arcs to absolute coordinates
const { scale, translate } = topo.transform;
const rawArcs = topo.arcs.map((arc) => {
  let x = 0, y = 0;
  return arc.map(([dx, dy]) => {
    x += dx; y += dy;
    return [x * scale[0] + translate[0], y * scale[1] + translate[1]];
  });
});
const rawTopo = { type: "Topology", objects: topo.objects, arcs: rawArcs };

// 2. simplify each arc once (shared borders stay identical)
const simpTopo = {
  type: "Topology",
  objects: topo.objects,
  arcs: rawArcs.map((a) => douglasPeucker(a, TOLERANCE)),
};

// 3. select geometries
const geoms = topo.objects.countries.geometries;
function findGeom(spec) {
  const g = spec.name
    ? geoms.find((x) => x.properties && x.properties.name === spec.name)
    : geoms.find((x) => x.id === spec.id);
  if (!g) throw new Error(`no geometry for ${JSON.stringify(spec)}`);
  return g;
}

// Crimea: Natural Earth's default (de facto) view draws it as part of
// Russia. polibrief follows the EU / UN GA 68/262 position and ISO 3166-2
// (UA-43, UA-40): the Crimea polygon is moved from RU to UA, dissolving the
// line across the Perekop isthmus (topojson merge over shared arcs).
const CRIMEA_TO_UA = true;
const CRIMEA_BOX = [32, 44, 37.5, 46.5]; // lon_min, lat_min, lon_max, lat_max
const overrides = {}; // code -> (topology) => GeoJSON geometry
if (CRIMEA_TO_UA) {
  const ru = findGeom({ id: "643" }), ua = findGeom({ id: "804" });
  const inBox = (polyArcs) => {
    const ring = topojson.feature(rawTopo, { type: "Polygon", arcs: polyArcs }).geometry.coordinates[0];
    return ring.every(([x, y]) => x >= CRIMEA_BOX[0] && x <= CRIMEA_BOX[2] && y >= CRIMEA_BOX[1] && y <= CRIMEA_BOX[3]);
  };
  const crimea = ru.arcs.filter(inBox);
  if (crimea.length !== 1) throw new Error(`expected 1 Crimea polygon in RU, found ${crimea.length}`);
  const ruRest = { type: "MultiPolygon", arcs: ru.arcs.filter((a) => a !== crimea[0]) };
  const crimeaGeom = { type: "Polygon", arcs: crimea[0] };
  overrides.RU = (t) => topojson.feature(t, ruRest).geometry;
  overrides.UA = (t) => topojson.merge(t, [ua, crimeaGeom]);
}

// Micro-states: if the largest polygon of a country has fewer distinct
// points than this after the shared-arc simplification (or vanishes), the
// country is rebuilt from its own raw outline with tolerance / 10.
const MIN_POINTS_LARGEST = 6;

const countries = {};
const report = [];
for (const code of Object.keys(COUNTRIES).sort()) {
  const spec = typeof COUNTRIES[code] === "string"
    ? { id: COUNTRIES[code] } : COUNTRIES[code];
  const parts = [findGeom(spec), ...(spec.extra || []).map((id) => findGeom({ id }))];
  const geometriesIn = (t) => overrides[code]
    ? [overrides[code](t)]
    : parts.map((g) => topojson.feature(t, g).geometry);
  const notes = [];

  const build = (t, ringTol) => {
    const polys = [];
    for (const geom of geometriesIn(t)) {
      for (let poly of polygonsOf(geom)) {
        if (ringTol) poly = poly.map((r) => douglasPeucker(r, ringTol));
        const p = processPolygon(poly, { minHoleArea: MIN_AREA });
        if (p) polys.push(p);
      }
    }
    // largest first
    polys.sort((a, b) => Math.abs(ringArea(b[0])) - Math.abs(ringArea(a[0])));
    return polys;
  };

  let polys = build(simpTopo, 0);
  if (polys.length === 0 || polys[0][0].length < MIN_POINTS_LARGEST) {
    polys = build(rawTopo, TOLERANCE / 10);
    notes.push("micro-state: own outline, tolerance/10");
  }
  if (polys.length === 0) throw new Error(`${code}: nothing left after clipping`);

  // 5. drop small polygons (islands), but always keep the largest one
  const kept = polys.filter((p, i) => i === 0 || Math.abs(ringArea(p[0])) >= MIN_AREA);
  if (kept.length < polys.length) notes.push(`dropped ${polys.length - kept.length} small polygon(s)`);

  countries[code] = kept.map((p) => p.map(closeRing));
  const points = kept.reduce((s, p) => s + p.reduce((t, r) => t + r.length + 1, 0), 0);
  report.push({ code, polygons: kept.length, points, notes: notes.join("; ") });
}

const out = {
  source: `Natural Earth 1:50m Cultural Vectors, Admin 0 – Countries, via world-atlas ${atlasPkg.version}`,
  licence: "Public domain (Natural Earth). Made with Natural Earth.",
  window: WINDOW,
  countries,
};

// Compact but diff-friendly: one country per line.
const lines = [
  "{",
  `  "source": ${JSON.stringify(out.source)},`,
  `  "licence": ${JSON.stringify(out.licence)},`,
  `  "window": ${JSON.stringify(out.window).replace(/,/g, ", ").replace(/:/g, ": ")},`,
  '  "countries": {',
  Object.keys(countries)
    .map((k) => `    ${JSON.stringify(k)}: ${JSON.stringify(countries[k])}`)
    .join(",\n"),
  "  }",
  "}",
  "",
];
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, lines.join("\n"));
JSON.parse(readFileSync(OUT, "utf8")); // sanity: valid JSON

let total = 0;
for (const r of report) {
  total += r.points;
  console.log(`${r.code.padEnd(5)} ${String(r.polygons).padStart(3)} polys ${String(r.points).padStart(5)} pts  ${r.notes}`);
}
const size = Buffer.byteLength(lines.join("\n"));
console.log(`${report.length} countries, ${total} points, ${size} bytes -> ${OUT}`);
console.log(`tolerance ${TOLERANCE} deg, min area ${MIN_AREA} deg^2, world-atlas ${atlasPkg.version}`);
