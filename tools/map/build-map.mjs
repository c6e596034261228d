// Generates data/world-map.json: a small inline-SVG world map (countries keyed by
// ISO 3166-1 alpha-2 code, plus named macro-regions) from Natural Earth 1:110m via
// the world-atlas npm package. Run once, commit the output:
//
//   cd tools/map && npm ci && node build-map.mjs
//
// Steps: merge the features Natural Earth gives no ISO code (N. Cyprus, Somaliland)
// and Crimea into their UN-recognised states, name Kosovo XK, drop Antarctica;
// simplify the shared arcs (Visvalingam, so neighbouring borders stay identical);
// cut rings that cross the antimeridian (Russia, Fiji); project to equirectangular;
// round to integers; write each shape as a compact relative SVG path.

import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature, mergeArcs } from "topojson-client";
import { presimplify, simplify, planarTriangleArea } from "topojson-simplify";
import countries from "i18n-iso-countries";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "..", "data", "world-map.json");
const atlasDir = join(here, "node_modules", "world-atlas");
const atlasVersion = JSON.parse(readFileSync(join(atlasDir, "package.json"), "utf8")).version;
const topology = JSON.parse(readFileSync(join(atlasDir, "countries-110m.json"), "utf8"));

// ---- Tunables -------------------------------------------------------------------

// Map width in SVG units: 3600, so one unit is 0.1 degree and a point at (lon, lat)
// is at x = (lon + 180) * 10, y = (84 - lat) * 10. At 1000 units the integer grid
// (0.36 degree) visibly squares off small countries when a card zooms into a region;
// 0.1 degree matches the detail of the 1:110m data and still fits the size budget.
const WIDTH = 3600;
// Latitudes kept: Antarctica (all of it south of -60) is dropped; nothing else lies
// outside this band (Tierra del Fuego reaches -55.6, Greenland 83.6).
const LAT_TOP = 84;
const LAT_BOTTOM = -58;
// Visvalingam threshold: points whose effective triangle is smaller than this many
// square degrees (2 square SVG units) are removed. The 1:110m data is already coarse
// (about 8,000 arc points), so this only thins near-straight runs: ~3% of the bytes.
const MIN_AREA_SQ_DEG = 0.02;

const K = WIDTH / 360; // SVG units per degree
const HEIGHT = Math.ceil((LAT_TOP - LAT_BOTTOM) * K);

// ---- Names and codes ------------------------------------------------------------

// Natural Earth features without an ISO 3166-1 numeric id in world-atlas.
const UNCODED = {
  "N. Cyprus": { mergeInto: "196" }, // into Cyprus (the UN-recognised state)
  Somaliland: { mergeInto: "706" }, // into Somalia
  Kosovo: { alpha2: "XK" }, // kept: XK is the user-assigned code used by the EU, CLDR and others
};
const DROP = new Set(["010"]); // Antarctica
// Natural Earth 4.1 draws borders as controlled on the ground, so Crimea is a polygon
// of Russia. Like N. Cyprus and Somaliland above, it is drawn with the UN-recognised
// state (UN GA resolution 68/262): each polygon of `from` lying wholly inside `bbox`
// ([west, south, east, north] degrees) moves to `to`.
const REASSIGN = [{ what: "Crimea", from: "643", to: "804", bbox: [32, 44, 37, 47] }];

// Natural Earth's short names, spelled out where they are abbreviated.
const NAME_FIXES = {
  "Bosnia and Herz.": "Bosnia and Herzegovina",
  "Central African Rep.": "Central African Republic",
  "Dem. Rep. Congo": "Democratic Republic of the Congo",
  Congo: "Republic of the Congo",
  "Dominican Rep.": "Dominican Republic",
  "Eq. Guinea": "Equatorial Guinea",
  "Falkland Is.": "Falkland Islands",
  "Fr. S. Antarctic Lands": "French Southern and Antarctic Lands",
  "Solomon Is.": "Solomon Islands",
  "S. Sudan": "South Sudan",
  "W. Sahara": "Western Sahara",
  eSwatini: "Eswatini",
  Macedonia: "North Macedonia",
  "United States of America": "United States",
};

// ---- Regions --------------------------------------------------------------------
// Full member lists (UN M49 geoscheme unless noted); members absent from the 1:110m
// data (small islands and city states) are dropped automatically and reported.
const M49 = {
  northernAfrica: "DZ EG LY MA SD TN EH",
  easternAfrica: "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW",
  middleAfrica: "AO CM CF TD CG CD GQ GA ST",
  southernAfrica: "BW SZ LS NA ZA",
  westernAfrica: "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG",
  centralAsia: "KZ KG TJ TM UZ",
  easternAsia: "CN HK MO KP JP MN KR TW",
  southEasternAsia: "BN KH ID LA MY MM PH SG TH TL VN",
  southernAsia: "AF BD BT IN IR MV NP PK LK",
  westernAsia: "AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE",
  easternEurope: "BY BG CZ HU PL MD RO RU SK UA",
  northernEurope: "AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB",
  southernEurope: "AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES XK",
  westernEurope: "AT BE FR DE LI LU MC NL CH",
  northernAmerica: "BM CA GL PM US",
  centralAmerica: "BZ CR SV GT HN MX NI PA",
  caribbean: "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI",
  southAmerica: "AR BO BR CL CO EC FK GF GY PY PE SR UY VE",
  oceania: "AU NZ NF FJ NC PG SB VU GU KI MH FM NR MP PW AS CK NU PN WS TK TO TV WF PF",
};
const list = (...groups) => groups.flatMap((g) => M49[g].split(" "));
const without = (codes, drop) => codes.filter((c) => !drop.split(" ").includes(c));

const REGIONS = {
  // The African continent and its islands: M49 Africa. (M49 also files the French
  // Southern Territories under Eastern Africa; they are not African and not listed.)
  africa: {
    name: "Africa",
    codes: list("northernAfrica", "easternAfrica", "middleAfrica", "southernAfrica", "westernAfrica"),
  },
  // No M49 region: M49 Western Asia less the South Caucasus (AM AZ GE), plus Egypt
  // and Iran - the usual "Middle East" of news usage. Egypt is also in africa.
  "middle-east": {
    name: "Middle East",
    codes: [...without(list("westernAsia"), "AM AZ GE"), "EG", "IR"],
  },
  "central-asia": { name: "Central Asia", codes: list("centralAsia") },
  // M49 South-eastern Asia: the ASEAN members plus Timor-Leste.
  "southeast-asia": { name: "Southeast Asia", codes: list("southEasternAsia") },
  // M49 Southern Asia less Iran (placed in middle-east): the SAARC members.
  "south-asia": { name: "South Asia", codes: without(list("southernAsia"), "IR") },
  "east-asia": { name: "East Asia", codes: list("easternAsia") },
  // M49 Europe, which includes all of Russia; Turkey and Cyprus are Western Asia.
  europe: {
    name: "Europe",
    codes: list("easternEurope", "northernEurope", "southernEurope", "westernEurope"),
  },
  // The South Caucasus (the part of M49 Western Asia left out of middle-east).
  caucasus: { name: "Caucasus", codes: ["AM", "AZ", "GE"] },
  // The continent: M49 Northern America, Central America and the Caribbean.
  "north-america": {
    name: "North America",
    codes: list("northernAmerica", "centralAmerica", "caribbean"),
  },
  "south-america": { name: "South America", codes: list("southAmerica") },
  oceania: { name: "Oceania", codes: list("oceania") },
};

// ---- Geometry -------------------------------------------------------------------

const geometries = topology.objects.countries.geometries.map((g) => ({ ...g }));
for (const { what, from, to, bbox } of REASSIGN) {
  const src = geometries.find((g) => g.id === from);
  const dst = geometries.find((g) => g.id === to);
  const polys = src.type === "Polygon" ? [src.arcs] : src.arcs;
  const inside = (poly) =>
    feature(topology, { type: "Polygon", arcs: poly }).geometry.coordinates.flat().every(
      ([lon, lat]) => lon >= bbox[0] && lat >= bbox[1] && lon <= bbox[2] && lat <= bbox[3],
    );
  const moved = polys.filter(inside);
  if (!moved.length) throw new Error(`${what}: no polygon of ${from} inside ${bbox}`);
  const kept = polys.filter((p) => !inside(p));
  Object.assign(src, { type: "MultiPolygon", arcs: kept });
  Object.assign(dst, mergeArcs(topology, [dst, { type: "MultiPolygon", arcs: moved }]));
}
const mergeGroups = new Map(); // numeric id -> [geometries]
for (const g of geometries) {
  if (DROP.has(g.id)) continue;
  const fix = g.id === undefined ? UNCODED[g.properties.name] : undefined;
  if (g.id === undefined && !fix) throw new Error(`no code for ${g.properties.name}`);
  const key = fix ? fix.mergeInto ?? `alpha:${fix.alpha2}` : g.id;
  if (!mergeGroups.has(key)) mergeGroups.set(key, []);
  mergeGroups.get(key).push(g);
}

const entries = []; // {code, name, geometry (arc-referenced)}
for (const [key, group] of mergeGroups) {
  const main = group.find((g) => g.id === key) ?? group[0];
  const code = key.startsWith("alpha:") ? key.slice(6) : countries.numericToAlpha2(key);
  if (!code) throw new Error(`no alpha-2 code for numeric ${key}`);
  const neName = main.properties.name;
  const geometry = group.length === 1 ? main : mergeArcs(topology, group);
  entries.push({ code, name: NAME_FIXES[neName] ?? neName, geometry });
}

const simplified = simplify(presimplify(topology, planarTriangleArea), MIN_AREA_SQ_DEG);

// Rings of a geometry in degrees, from the simplified topology.
function rings(geometry) {
  const f = feature(simplified, { type: geometry.type, arcs: geometry.arcs });
  const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  return polys.flat();
}

// world-atlas rings are stitched across the antimeridian (a ring may step from
// 179 to -180). Unwrap longitudes so each ring is continuous, then clip it and its
// copies shifted by +-360 degrees to [-180, 180].
function cutAntimeridian(ring) {
  const unwrapped = [ring[0].slice()];
  for (let i = 1; i < ring.length; i++) {
    const prev = unwrapped[i - 1][0];
    let lon = ring[i][0];
    while (lon - prev > 180) lon -= 360;
    while (lon - prev < -180) lon += 360;
    unwrapped.push([lon, ring[i][1]]);
  }
  const lons = unwrapped.map((p) => p[0]);
  const min = Math.min(...lons);
  const max = Math.max(...lons);
  if (min >= -180 && max <= 180) return [unwrapped];
  const pieces = [];
  for (const shift of [-360, 0, 360]) {
    if (max + shift <= -180 || min + shift >= 180) continue;
    let r = unwrapped.map(([x, y]) => [x + shift, y]);
    r = clipX(r, -180, +1);
    r = clipX(r, 180, -1);
    if (r.length >= 3) pieces.push(r);
  }
  return pieces;
}

// Sutherland-Hodgman against one vertical line: keep side*(x - x0) >= 0.
function clipX(ring, x0, side) {
  const res = [];
  const inside = (p) => side * (p[0] - x0) >= 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    if (inside(a)) res.push(a);
    if (inside(a) !== inside(b)) {
      const t = (x0 - a[0]) / (b[0] - a[0]);
      res.push([x0, a[1] + t * (b[1] - a[1])]);
    }
  }
  return res;
}

const project = ([lon, lat]) => {
  if (lat < LAT_BOTTOM || lat > LAT_TOP) throw new Error(`latitude ${lat} outside the map`);
  return [Math.round((lon + 180) * K), Math.round((LAT_TOP - lat) * K)];
};

// Integer ring: no repeated points, no closing point, collinear runs merged.
function cleanRing(points) {
  let r = [];
  for (const p of points) {
    const q = r[r.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) r.push(p);
  }
  while (r.length > 1 && r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1]) r.pop();
  // Remove points that lie on a straight run (including back-and-forth spikes).
  let changed = true;
  while (changed && r.length >= 3) {
    changed = false;
    const keep = [];
    for (let i = 0; i < r.length; i++) {
      const a = keep.length ? keep[keep.length - 1] : r[r.length - 1];
      const b = r[i];
      const c = r[(i + 1) % r.length];
      const cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]);
      if (cross === 0) changed = true;
      else keep.push(b);
    }
    r = keep;
  }
  return r.length >= 3 ? r : null;
}

const ringArea = (r) => {
  let s = 0;
  for (let i = 0; i < r.length; i++) {
    const a = r[i];
    const b = r[(i + 1) % r.length];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
};

// Shortest SVG path: relative commands, h/v for axis-parallel steps, implicit
// command repetition, and "-" doubling as a separator.
function pathData(shapes) {
  let d = "";
  let cmd = "";
  let start = [0, 0];
  const nums = (...ns) => {
    let s = "";
    for (const n of ns) s += (s && n >= 0 ? " " : "") + n;
    return s;
  };
  const emit = (c, ...ns) => {
    if (c === cmd) d += (ns[0] >= 0 ? " " : "") + nums(...ns);
    else d += c + nums(...ns);
    cmd = c === "m" ? "l" : c === "M" ? "L" : c; // numbers after m/M are lineto
  };
  shapes.forEach((r, i) => {
    const abs = "M" + nums(r[0][0], r[0][1]);
    const rel = "m" + nums(r[0][0] - start[0], r[0][1] - start[1]);
    if (i > 0 && rel.length < abs.length) emit("m", r[0][0] - start[0], r[0][1] - start[1]);
    else emit("M", r[0][0], r[0][1]);
    for (let j = 1; j < r.length; j++) {
      const dx = r[j][0] - r[j - 1][0];
      const dy = r[j][1] - r[j - 1][1];
      if (dy === 0) emit("h", dx);
      else if (dx === 0) emit("v", dy);
      else emit("l", dx, dy);
    }
    d += "z";
    cmd = "z";
    start = r[0];
  });
  return d;
}

const out_countries = {};
const lost = [];
for (const { code, name, geometry } of entries) {
  const shapes = rings(geometry)
    .flatMap(cutAntimeridian)
    .map((r) => cleanRing(r.map(project)))
    .filter((r) => r && ringArea(r) !== 0);
  if (!shapes.length) {
    lost.push(code);
    continue;
  }
  if (out_countries[code]) throw new Error(`duplicate code ${code}`);
  out_countries[code] = { name, d: pathData(shapes) };
}
if (lost.length) throw new Error(`countries too small to draw: ${lost.join(" ")}`);

const codes = Object.keys(out_countries).sort();
const out_regions = {};
const absent = {};
for (const [key, { name, codes: members }] of Object.entries(REGIONS)) {
  const present = [...new Set(members)].filter((c) => out_countries[c]).sort();
  absent[key] = members.filter((c) => !out_countries[c]);
  out_regions[key] = { name, countries: present };
}

// One country per line: readable diffs, negligible size cost.
const q = JSON.stringify;
const lines = [
  "{",
  `"source": ${q(`Natural Earth 1:110m (public domain) via world-atlas@${atlasVersion}`)},`,
  `"projection": ${q(`equirectangular: x = (lon + 180) * ${WIDTH} / 360, y = (${LAT_TOP} - lat) * ${WIDTH} / 360`)},`,
  `"viewBox": ${q(`0 0 ${WIDTH} ${HEIGHT}`)},`,
  `"countries": {`,
  codes.map((c) => `${q(c)}: ${q(out_countries[c])}`).join(",\n"),
  `},`,
  `"regions": {`,
  Object.entries(out_regions)
    .map(([k, v]) => `${q(k)}: ${q(v)}`)
    .join(",\n"),
  `}`,
  "}",
];
const json = lines.join("\n") + "\n";
JSON.parse(json); // sanity
writeFileSync(out, json);

const gz = gzipSync(json, { level: 9 }).length;
console.log(`wrote ${out}`);
console.log(`countries: ${codes.length}; raw ${Buffer.byteLength(json)} bytes; gzip -9 ${gz} bytes`);
for (const [k, v] of Object.entries(out_regions)) {
  console.log(`  ${k}: ${v.countries.length} (${v.countries.join(" ")})`);
  if (absent[k].length) console.log(`    not in the 1:110m data: ${absent[k].join(" ")}`);
}
const unassigned = codes.filter((c) => !Object.values(out_regions).some((r) => r.countries.includes(c)));
console.log(`in no region: ${unassigned.join(" ") || "none"}`);
