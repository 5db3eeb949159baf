#!/usr/bin/env node
// Validates data/geo/europe.json and renders a preview SVG.
//
// Usage (from tools/geo/):
//   node check_europe.mjs [--in PATH] [--svg /tmp/europe_check.svg] [--proj laea|eqc]
//
// Checks: schema keys, every expected code present, sorted keys, every
// country has >= 1 polygon whose rings are closed with >= 4 points, all
// coordinates inside the window with <= 2 decimals, outer rings CCW and
// holes CW, plausible bounding boxes for a few reference countries.
// Exits non-zero on any failure. Prints per-country point counts.
//
// The preview uses either Lambert azimuthal equal-area centred on 10°E 52°N
// (what polibrief does) or a plain equirectangular projection; country codes
// are written at the centre of each country's largest polygon.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const arg = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const IN = resolve(arg("--in", resolve(here, "../../data/geo/europe.json")));
const SVG = arg("--svg", "/tmp/europe_check.svg");
const PROJ = arg("--proj", "laea");
// optional preview crop: --zoom lon_min,lat_min,lon_max,lat_max
const ZOOM = arg("--zoom", null);

const EXPECTED = (
  "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE " +
  "MA DZ TN EG TR UA RU AL RS " +
  "GB NO CH IS BA ME MK XK BY MD LI AD MC SM LY SY IQ IR GE AM AZ KZ LB IL JO SA"
).split(" ");

// [lon_min, lat_min, lon_max, lat_max] the bbox must lie within (coarse,
// catches swapped lon/lat, sign errors and wrong ids).
const REFERENCE_BOXES = {
  MT: [14.0, 35.7, 14.7, 36.2],
  LU: [5.6, 49.3, 6.6, 50.3],
  CY: [32.2, 34.5, 34.7, 35.8],
  IS: [-25, 63, -13, 67],
  FR: [-5.5, 41.2, 10, 51.2],
  ES: [-9.5, 35.8, 4.5, 44],
  PT: [-17.5, 32.5, -6, 42.2],
  GR: [19.3, 34.7, 28.4, 41.8],
  XK: [19.9, 41.8, 21.9, 43.3],
  NO: [-9.2, 57.9, 32, 72],
};

const data = JSON.parse(readFileSync(IN, "utf8"));
const errors = [];
const err = (m) => errors.push(m);

const keys = Object.keys(data);
for (const k of ["source", "licence", "window", "countries"]) {
  if (!keys.includes(k)) err(`missing top-level key ${k}`);
}
if (keys.length !== 4) err(`unexpected top-level keys: ${keys.join(",")}`);
const W = data.window;
const codes = Object.keys(data.countries);
if (codes.join() !== [...codes].sort().join()) err("country keys are not sorted");
for (const c of EXPECTED) if (!(c in data.countries)) err(`missing ${c}`);
for (const c of codes) if (!EXPECTED.includes(c)) console.log(`note: extra key ${c}`);

function signedArea(ring) {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return s / 2;
}

const stats = [];
for (const c of codes) {
  const mp = data.countries[c];
  let pts = 0, bb = [Infinity, Infinity, -Infinity, -Infinity];
  if (!Array.isArray(mp) || mp.length === 0) err(`${c}: no polygons`);
  let good = 0, holes = 0;
  for (const poly of mp) {
    poly.forEach((ring, i) => {
      pts += ring.length;
      if (ring.length < 4) err(`${c}: ring with ${ring.length} points`);
      const [f, l] = [ring[0], ring[ring.length - 1]];
      if (f[0] !== l[0] || f[1] !== l[1]) err(`${c}: ring not closed`);
      const a = signedArea(ring);
      if (i === 0 && !(a > 0)) err(`${c}: outer ring not counter-clockwise`);
      if (i > 0 && !(a < 0)) err(`${c}: hole not clockwise`);
      if (i > 0) holes++;
      for (const p of ring) {
        if (p.length !== 2 || !p.every(Number.isFinite)) err(`${c}: bad point ${p}`);
        const [x, y] = p;
        if (x < W.lon_min || x > W.lon_max || y < W.lat_min || y > W.lat_max) {
          err(`${c}: point outside window ${p}`);
        }
        if (Math.round(x * 100) / 100 !== x || Math.round(y * 100) / 100 !== y) {
          err(`${c}: more than 2 decimals ${p}`);
        }
        bb = [Math.min(bb[0], x), Math.min(bb[1], y), Math.max(bb[2], x), Math.max(bb[3], y)];
      }
    });
    if (poly[0] && poly[0].length >= 4) good++;
  }
  if (good === 0) err(`${c}: no polygon with >= 4 points`);
  const ref = REFERENCE_BOXES[c];
  if (ref && !(bb[0] >= ref[0] && bb[1] >= ref[1] && bb[2] <= ref[2] && bb[3] <= ref[3])) {
    err(`${c}: bbox ${bb} outside expected ${ref}`);
  }
  stats.push({ c, polys: mp.length, holes, pts, bb });
}

console.log("code  polys holes points  bbox(lon_min,lat_min,lon_max,lat_max)");
let total = 0;
for (const s of stats) {
  total += s.pts;
  console.log(
    `${s.c.padEnd(5)} ${String(s.polys).padStart(5)} ${String(s.holes).padStart(5)} ${String(s.pts).padStart(6)}  ${s.bb.map((v) => v.toFixed(2)).join(", ")}`,
  );
}
const size = readFileSync(IN).length;
console.log(`${codes.length} countries, ${total} points (closed rings), ${size} bytes`);

// ---------------------------------------------------------------- preview
const rad = Math.PI / 180;
const lam0 = 10 * rad, phi0 = 52 * rad;
function laea([lon, lat]) {
  const l = lon * rad - lam0, p = lat * rad;
  const k = Math.sqrt(2 / (1 + Math.sin(phi0) * Math.sin(p) + Math.cos(phi0) * Math.cos(p) * Math.cos(l)));
  return [k * Math.cos(p) * Math.sin(l), k * (Math.cos(phi0) * Math.sin(p) - Math.sin(phi0) * Math.cos(p) * Math.cos(l))];
}
const eqc = ([lon, lat]) => [lon * rad * Math.cos(phi0), lat * rad];
const proj = PROJ === "eqc" ? eqc : laea;

// frame = projected window outline (or the zoom box)
const FB = ZOOM ? ZOOM.split(",").map(Number) : [W.lon_min, W.lat_min, W.lon_max, W.lat_max];
const frame = [];
const st = (a, b) => (b - a) / 50;
for (let x = FB[0]; x <= FB[2]; x += st(FB[0], FB[2])) frame.push([x, FB[1]]);
for (let y = FB[1]; y <= FB[3]; y += st(FB[1], FB[3])) frame.push([FB[2], y]);
for (let x = FB[2]; x >= FB[0]; x -= st(FB[0], FB[2])) frame.push([x, FB[3]]);
for (let y = FB[3]; y >= FB[1]; y -= st(FB[1], FB[3])) frame.push([FB[0], y]);
const fp = frame.map(proj);
const xs = fp.map((p) => p[0]), ys = fp.map((p) => p[1]);
const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
const WIDTH = 1400, s = WIDTH / (x1 - x0), HEIGHT = Math.ceil((y1 - y0) * s);
// SVG y grows downwards: north must end up at the top.
const px = (p) => { const [x, y] = proj(p); return [(x - x0) * s, (y1 - y) * s]; };
const path = (rings) => rings.map((r) => "M" + r.map((p) => px(p).map((v) => v.toFixed(1)).join(",")).join("L") + "Z").join("");

const EU = new Set(EXPECTED.slice(0, 27));
const ORIGIN = new Set(["MA", "DZ", "TN", "EG", "TR", "UA", "RU", "AL", "RS"]);
const fill = (c) => (EU.has(c) ? "#7fa7d9" : ORIGIN.has(c) ? "#e8a86b" : "#d9d9d9");
let body = `<path d="${path([frame])}" fill="#eef6fb" stroke="#999"/>\n`;
let labels = "";
for (const c of codes) {
  const mp = data.countries[c];
  const d = mp.map(path).join("");
  body += `<path d="${d}" fill="${fill(c)}" fill-rule="evenodd" stroke="#333" stroke-width="0.6"><title>${c}</title></path>\n`;
  const big = mp[0][0];
  const cx = big.reduce((a, p) => a + p[0], 0) / big.length, cy = big.reduce((a, p) => a + p[1], 0) / big.length;
  const [lx, ly] = px([cx, cy]);
  labels += `<text x="${lx.toFixed(1)}" y="${ly.toFixed(1)}" font-size="11" font-family="sans-serif" text-anchor="middle">${c}</text>\n`;
}
writeFileSync(
  SVG,
  `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" overflow="hidden">\n<rect width="100%" height="100%" fill="white"/>\n${body}${labels}</svg>\n`,
);
console.log(`preview (${PROJ}) written to ${SVG}`);

if (errors.length) {
  console.error(`${errors.length} problem(s):\n  ` + errors.slice(0, 50).join("\n  "));
  process.exit(1);
}
console.log("all checks passed");
