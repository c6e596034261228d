// Generates the world map data of the regions card, in two files, from Natural Earth
// via the world-atlas npm package and names from i18n-iso-countries. Run once, commit
// the output:
//
//   cd tools/map && npm ci && node build-map.mjs
//
//   data/world-names.json  every code and region the format accepts, with English and
//                          Russian names and region members: compiled into the CLI,
//                          fetched by the widget with the shapes.
//   data/world-map.json    the shapes: each country's rings, or its marker points;
//                          fetched by the widget only when a sheet has a map. The
//                          widget works out each country's framing box from them.
//
// Steps: merge the features Natural Earth gives no ISO code (N. Cyprus, Somaliland)
// and Crimea into their UN-recognised states, name Kosovo XK, drop Antarctica;
// simplify the shared arcs (Visvalingam, so neighbouring borders stay identical);
// cut rings that cross the antimeridian (Russia, Fiji); project to equirectangular;
// round to integers; write each ring as a compact string of relative steps. Countries too
// small for 1:110m become marker points (from 1:50m, or listed below by hand).

import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature, mergeArcs } from "topojson-client";
import { presimplify, simplify, planarTriangleArea } from "topojson-simplify";
import countries from "i18n-iso-countries";

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, "..", "..", "data");
const readJson = (...path) => JSON.parse(readFileSync(join(here, "node_modules", ...path), "utf8"));
const atlasVersion = readJson("world-atlas", "package.json").version;
const topology = readJson("world-atlas", "countries-110m.json");
const topology50 = readJson("world-atlas", "countries-50m.json");
const namesVersion = readJson("i18n-iso-countries", "package.json").version;
const isoNames = {
  en: readJson("i18n-iso-countries", "langs", "en.json").countries,
  ru: readJson("i18n-iso-countries", "langs", "ru.json").countries,
};

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

// Names come from i18n-iso-countries (its first, usually official, form), replaced
// here by the short common name a news reader expects ("Iran", not "Islamic Republic
// of Iran"). English names are written as they read inside a sentence, with "the"
// where English needs it ("a map of the Netherlands and the Middle East"), because
// the widget strings them into its captions. Russian needs no article; the names
// are nominative, as used after a colon.
const EN_NAMES = {
  AE: "the United Arab Emirates",
  AX: "the Åland Islands",
  BN: "Brunei",
  BQ: "the Caribbean Netherlands",
  BS: "the Bahamas",
  CC: "the Cocos Islands",
  CD: "DR Congo",
  CF: "the Central African Republic",
  CG: "the Republic of the Congo",
  CI: "Côte d’Ivoire",
  CK: "the Cook Islands",
  CN: "China",
  CZ: "Czechia",
  DO: "the Dominican Republic",
  FK: "the Falkland Islands",
  FM: "Micronesia",
  FO: "the Faroe Islands",
  GB: "the United Kingdom",
  GM: "the Gambia",
  HM: "the Heard and McDonald Islands",
  IO: "the British Indian Ocean Territory",
  IR: "Iran",
  KM: "the Comoros",
  KR: "South Korea",
  KY: "the Cayman Islands",
  LA: "Laos",
  MD: "Moldova",
  MF: "Saint Martin",
  MH: "the Marshall Islands",
  MK: "North Macedonia",
  MP: "the Northern Mariana Islands",
  MV: "the Maldives",
  NL: "the Netherlands",
  PH: "the Philippines",
  PN: "the Pitcairn Islands",
  PS: "Palestine",
  RE: "Réunion",
  RU: "Russia",
  SB: "the Solomon Islands",
  SX: "Sint Maarten",
  SY: "Syria",
  TC: "the Turks and Caicos Islands",
  TF: "the French Southern Territories",
  TR: "Turkey",
  TW: "Taiwan",
  TZ: "Tanzania",
  UM: "the US Minor Outlying Islands",
  US: "the United States",
  VA: "Vatican City",
  VG: "the British Virgin Islands",
  VI: "the US Virgin Islands",
};
const RU_NAMES = {
  BQ: "Карибские Нидерланды",
  CD: "ДР Конго",
  CN: "Китай",
  EH: "Западная Сахара",
  FO: "Фарерские острова",
  GF: "Французская Гвиана",
  HM: "Острова Херд и Макдональд",
  KP: "КНДР",
  KR: "Южная Корея",
  PS: "Палестина",
  RU: "Россия",
  SH: "Остров Святой Елены",
  TF: "Французские Южные территории",
  TW: "Тайвань",
  UM: "Внешние малые острова США",
  VG: "Британские Виргинские острова",
  VI: "Американские Виргинские острова",
};
// A name still in official or catalogue form ("Korea, Republic of", "Pitcairn
// (Islands)", "КНР (…)") needs an entry above: the script refuses to write it.
const looksOfficial = (name) => /[,(]|Republic of|Islamic|Federation|Kingdom of|Province|Federated|Plurinational/.test(name) && !/^the (Republic of the Congo|Dominican Republic|Central African Republic)$/.test(name);

function isoName(code, lang) {
  const names = isoNames[lang][code];
  const first = Array.isArray(names) ? names[0] : names;
  const name = (lang === "en" ? EN_NAMES : RU_NAMES)[code] ?? first;
  if (!name || looksOfficial(name)) throw new Error(`${code}: give a short ${lang} name (i18n-iso-countries has ${JSON.stringify(names)})`);
  return name;
}

// Countries too small for the 1:110m data, and missing from the 1:50m data too, get
// their marker points here ([lon, lat], the main island first). The 1:50m data gives
// the others. Antarctica (AQ) lies outside the map and is not offered at all.
const HAND_POINTS = {
  BQ: [[-68.26, 12.18], [-63.1, 17.56]], // Bonaire; Saba and Sint Eustatius
  BV: [[3.36, -54.42]],
  CC: [[96.84, -12.17]],
  CX: [[105.62, -10.49]],
  GF: [[-53.13, 3.93]], // drawn as part of France's shape; the point marks it alone
  GI: [[-5.35, 36.14]],
  GP: [[-61.55, 16.25]],
  MQ: [[-61.02, 14.64]],
  RE: [[55.53, -21.12]],
  SJ: [[16.0, 78.4], [-8.5, 71.0]], // Svalbard; Jan Mayen
  TK: [[-171.85, -9.2]],
  TV: [[179.2, -8.52]],
  // Johnston, Midway, Howland and Baker, Jarvis, Palmyra and Kingman, Wake (Navassa,
  // in the Caribbean, is left out so that the marker set stays in the Pacific).
  UM: [[-169.53, 16.73], [-177.37, 28.21], [-176.55, 0.5], [-160.02, -0.37], [-162.08, 5.88], [166.63, 19.3]],
  YT: [[45.15, -12.83]],
};
const OFF_MAP = new Set(["AQ"]);

// ---- Regions --------------------------------------------------------------------
// Full member lists (UN M49 geoscheme unless noted). Members too small for the 1:110m
// shapes (small islands and city states) are drawn as marker points. Names are in
// English (in-sentence form, as for countries) and Russian.
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
    en: "Africa",
    ru: "Африка",
    codes: list("northernAfrica", "easternAfrica", "middleAfrica", "southernAfrica", "westernAfrica"),
  },
  // No M49 region: M49 Western Asia less the South Caucasus (AM AZ GE), plus Egypt
  // and Iran - the usual "Middle East" of news usage. Egypt is also in africa.
  "middle-east": {
    en: "the Middle East",
    ru: "Ближний Восток",
    codes: [...without(list("westernAsia"), "AM AZ GE"), "EG", "IR"],
  },
  "central-asia": { en: "Central Asia", ru: "Центральная Азия", codes: list("centralAsia") },
  // M49 South-eastern Asia: the ASEAN members plus Timor-Leste.
  "southeast-asia": { en: "Southeast Asia", ru: "Юго-Восточная Азия", codes: list("southEasternAsia") },
  // M49 Southern Asia less Iran (placed in middle-east): the SAARC members.
  "south-asia": { en: "South Asia", ru: "Южная Азия", codes: without(list("southernAsia"), "IR") },
  "east-asia": { en: "East Asia", ru: "Восточная Азия", codes: list("easternAsia") },
  // M49 Europe, which includes all of Russia; Turkey and Cyprus are Western Asia.
  europe: {
    en: "Europe",
    ru: "Европа",
    codes: list("easternEurope", "northernEurope", "southernEurope", "westernEurope"),
  },
  // The South Caucasus (the part of M49 Western Asia left out of middle-east); the
  // North Caucasus is part of Russia, so the names say "South".
  caucasus: { en: "the South Caucasus", ru: "Южный Кавказ", codes: ["AM", "AZ", "GE"] },
  // The continent: M49 Northern America, Central America and the Caribbean.
  "north-america": {
    en: "North America",
    ru: "Северная Америка",
    codes: list("northernAmerica", "centralAmerica", "caribbean"),
  },
  "south-america": { en: "South America", ru: "Южная Америка", codes: list("southAmerica") },
  oceania: { en: "Oceania", ru: "Океания", codes: list("oceania") },
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

const entries = []; // {code, geometry (arc-referenced)}
for (const [key, group] of mergeGroups) {
  const main = group.find((g) => g.id === key) ?? group[0];
  const code = key.startsWith("alpha:") ? key.slice(6) : countries.numericToAlpha2(key);
  if (!code) throw new Error(`no alpha-2 code for numeric ${key}`);
  const geometry = group.length === 1 ? main : mergeArcs(topology, group);
  entries.push({ code, geometry });
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

// A ring as a string: each number zigzag encoded (0, -1, 1, -2, … as 0, 1, 2, 3, …)
// in base 32, least significant digit first; the last digit of a number comes from
// FINAL_DIGITS, the others from MORE_DIGITS, so numbers need no separator. The first
// corner is absolute, each next one relative to the one before. Most steps of the
// 1:110m outlines are under 16 units, so a corner is usually two characters: about
// 20% fewer bytes gzipped than the same rings as relative SVG path data. The widget's
// decoder is `decode_ring` in src/model/map.rs.
const FINAL_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef";
const MORE_DIGITS = "ghijklmnopqrstuvwxyz0123456789+/";
function encodeNumber(n) {
  let z = n < 0 ? -2 * n - 1 : 2 * n;
  let s = "";
  while (z >= 32) {
    s += MORE_DIGITS[z % 32];
    z = Math.floor(z / 32);
  }
  return s + FINAL_DIGITS[z];
}
function encodeRing(ring) {
  return ring
    .map((p, i) => (i === 0 ? p : [p[0] - ring[i - 1][0], p[1] - ring[i - 1][1]]))
    .map(([x, y]) => encodeNumber(x) + encodeNumber(y))
    .join("");
}

const shapes = {}; // code -> {rings} or {points}
const lost = [];
for (const { code, geometry } of entries) {
  const outlines = rings(geometry)
    .flatMap(cutAntimeridian)
    .map((r) => cleanRing(r.map(project)))
    .filter((r) => r && ringArea(r) !== 0);
  if (!outlines.length) {
    lost.push(code);
    continue;
  }
  if (shapes[code]) throw new Error(`duplicate code ${code}`);
  shapes[code] = { rings: outlines.map(encodeRing) };
}
if (lost.length) throw new Error(`countries too small to draw: ${lost.join(" ")}`);

// ---- Marker points for the countries too small for 1:110m ---------------------------

// Points closer than this (map units: 3 degrees) to a bigger island's point are
// merged into it: one marker per island group.
const MERGE = 30;
function markerPoints(lonLats) {
  const points = [];
  // Islands beyond the map's latitudes (the southern South Sandwich Islands) are left
  // out; the country keeps its other points.
  for (const [lon, lat] of lonLats.filter(([, lat]) => lat >= LAT_BOTTOM && lat <= LAT_TOP)) {
    const p = project([lon, lat]);
    if (!points.some((q) => Math.max(Math.abs(q[0] - p[0]), Math.abs(q[1] - p[1])) < MERGE)) points.push(p);
  }
  return points;
}

// The centre of each 1:50m polygon's outer ring, biggest first.
function polygonCentres(geometry) {
  const f = feature(topology50, geometry);
  const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  return polys
    .map(([outer]) => {
      const ring = cutAntimeridian(outer)[0] ?? outer; // continuous longitudes
      let a = 0;
      let cx = 0;
      let cy = 0;
      for (let i = 0; i < ring.length; i++) {
        const [x0, y0] = ring[i];
        const [x1, y1] = ring[(i + 1) % ring.length];
        const cross = x0 * y1 - x1 * y0;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
      }
      const xs = ring.map((p) => p[0]);
      const ys = ring.map((p) => p[1]);
      const centre = Math.abs(a) > 1e-9
        ? [cx / (3 * a), cy / (3 * a)]
        : [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
      if (centre[0] >= 180) centre[0] -= 360;
      if (centre[0] < -180) centre[0] += 360;
      return { centre, area: Math.abs(a) / 2 };
    })
    .sort((p, q) => q.area - p.area)
    .map((p) => p.centre);
}

const allCodes = Object.keys(isoNames.en).filter((code) => !OFF_MAP.has(code)).sort();
const fromFifty = [];
for (const g of topology50.objects.countries.geometries) {
  const code = g.id === undefined ? UNCODED[g.properties.name]?.alpha2 : countries.numericToAlpha2(g.id);
  if (!code || shapes[code] || OFF_MAP.has(code) || HAND_POINTS[code]) continue;
  shapes[code] = { points: markerPoints(polygonCentres(g)) };
  fromFifty.push(code);
}
for (const [code, lonLats] of Object.entries(HAND_POINTS)) {
  if (shapes[code]) throw new Error(`${code} has a shape; remove it from HAND_POINTS`);
  shapes[code] = { points: markerPoints(lonLats) };
}
const missing = allCodes.filter((code) => !shapes[code]);
if (missing.length) throw new Error(`no shape or point for ${missing.join(" ")}`);
const extra = Object.keys(shapes).filter((code) => !allCodes.includes(code));
if (extra.length) throw new Error(`shapes without an ISO code: ${extra.join(" ")}`);

// ---- Regions ----------------------------------------------------------------------

const outRegions = {};
for (const [key, { en, ru, codes: members }] of Object.entries(REGIONS)) {
  const unknown = members.filter((c) => !shapes[c]);
  if (unknown.length) throw new Error(`${key}: unknown members ${unknown.join(" ")}`);
  outRegions[key] = { en, ru, members: [...new Set(members)].sort() };
}

// ---- Output -----------------------------------------------------------------------

// One entry per line: readable diffs, negligible size cost.
const q = JSON.stringify;
function write(name, lines) {
  const json = lines.join("\n") + "\n";
  JSON.parse(json); // sanity
  writeFileSync(join(dataDir, name), json);
  const gz = gzipSync(json, { level: 9 }).length;
  console.log(`wrote data/${name}: raw ${Buffer.byteLength(json)} bytes; gzip -9 ${gz} bytes`);
}

write("world-names.json", [
  "{",
  `"source": ${q(`country names: i18n-iso-countries@${namesVersion}, shortened (tools/map/build-map.mjs); regions: UN M49 geoscheme unless noted (tools/map/README.md)`)},`,
  `"countries": {`,
  allCodes.map((c) => `${q(c)}: ${q({ en: isoName(c, "en"), ru: isoName(c, "ru") })}`).join(",\n"),
  `},`,
  `"regions": {`,
  Object.entries(outRegions)
    .map(([k, v]) => `${q(k)}: ${q(v)}`)
    .join(",\n"),
  `}`,
  "}",
]);

write("world-map.json", [
  "{",
  `"source": ${q(`Natural Earth 1:110m, and 1:50m for marker points (public domain) via world-atlas@${atlasVersion}`)},`,
  `"projection": ${q(`equirectangular: x = (lon + 180) * ${WIDTH} / 360, y = (${LAT_TOP} - lat) * ${WIDTH} / 360`)},`,
  `"viewBox": ${q(`0 0 ${WIDTH} ${HEIGHT}`)},`,
  `"countries": {`,
  allCodes.map((c) => `${q(c)}: ${q(shapes[c])}`).join(",\n"),
  `}`,
  "}",
]);

const drawn = allCodes.filter((c) => shapes[c].rings);
console.log(`countries: ${allCodes.length}; ${drawn.length} drawn as shapes, ${allCodes.length - drawn.length} as marker points`);
console.log(`  points from 1:50m: ${fromFifty.sort().join(" ")}`);
console.log(`  points by hand: ${Object.keys(HAND_POINTS).join(" ")}`);
for (const [k, v] of Object.entries(outRegions)) {
  const small = v.members.filter((c) => shapes[c].points);
  console.log(`  ${k}: ${v.members.length} (${v.members.join(" ")})${small.length ? `; points: ${small.join(" ")}` : ""}`);
}
const unassigned = allCodes.filter((c) => !Object.values(outRegions).some((r) => r.members.includes(c)));
console.log(`in no region: ${unassigned.join(" ") || "none"}`);
