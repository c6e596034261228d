// The factcards benchmark: sizes, startup against a static-HTML floor,
// scaling with generated sheets, layout stability and Lighthouse, each
// timing the median of RUNS runs in headless Chromium next to a baseline
// measured in the same run. Prints a markdown table, writes
// target/bench/results.json and target/bench/results.md, and checks the
// performance budgets (PASS/FAIL, never a failing exit code; see
// docs/performance.md).
//
// Run it through scripts/bench, which builds the release first. Settings
// (environment): RUNS (default 7), TRACE_RUNS (3), SIZES
// (10,100,1000,10000), LIGHTHOUSE (desktop,mobile; "0" skips it), LH_RUNS
// (1), ONLY
// (comma list of sizes,transfer,startup,scaling,cls,lighthouse,peer,frame,update,
// editor,hostile; peer: factcards against TimelineJS, see peer.mjs; frame:
// factcards' frame page against TimelineJS's iframe, see frame.mjs; update:
// the cost of a live update of the 1,000-fact sheet; editor: typing in the
// editor on a 100-card sheet; hostile: refusing a sheet with a 256 KiB
// field name), NETWORK
// ("slow4g" throttles the startup page loads as Lighthouse's mobile preset
// does: 150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up; default: the
// loopback as it is).
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import os, { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { CHROMIUM, launch } from "../e2e/browser.mjs";
import { brotli11, gzip9, serve } from "./server.mjs";
import { generate, oneStatusMoved, SEARCH_KEY, shape } from "./generate.mjs";
import { measurePeer, peerReport } from "./peer.mjs";
import { frameReport, measureFrame } from "./frame.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const OUT = join(ROOT, "target/bench");
// dist/ is copied here first, so that a rebuild during the run (another
// terminal, trunk serve) cannot change what is being measured.
const DIST = join(OUT, "dist");
const SITE = join(OUT, "site");
const CLI = process.env.FACTCARDS_BIN ?? join(ROOT, "target/release/factcards");
const RUNS = Math.max(1, Number(process.env.RUNS ?? 7));
const TRACE_RUNS = Math.max(0, Number(process.env.TRACE_RUNS ?? 3));
// Page loads are cheap and noisier than anything else: twice as many runs.
const STARTUP_RUNS = Math.max(1, Number(process.env.STARTUP_RUNS ?? 2 * RUNS));
const NETWORKS = {
  loopback: null,
  slow4g: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
};
const NETWORK = process.env.NETWORK ?? "loopback";
if (!(NETWORK in NETWORKS)) throw new Error(`NETWORK must be one of ${Object.keys(NETWORKS).join(", ")}`);
const SIZES = (process.env.SIZES ?? "10,100,1000,10000").split(",").map(Number);
const LH_RUNS = Math.max(1, Number(process.env.LH_RUNS ?? 1));
const LIGHTHOUSE = process.env.LIGHTHOUSE === "0" ? [] : (process.env.LIGHTHOUSE ?? "desktop,mobile").split(",");
const ONLY = process.env.ONLY ? new Set(process.env.ONLY.split(",")) : null;
const want = (part) => !ONLY || ONLY.has(part);
const PROBE = readFileSync(join(HERE, "probe.js"), "utf8");
const started = Date.now();

// ---------------------------------------------------------------- helpers

const log = (...args) => console.error("[bench]", ...args);
const median = (values) => {
  const list = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!list.length) return null;
  const mid = list.length >> 1;
  return list.length % 2 ? list[mid] : (list[mid - 1] + list[mid]) / 2;
};
const percentile = (values, p) => {
  const list = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!list.length) return null;
  return list[Math.min(list.length - 1, Math.ceil((p / 100) * list.length) - 1)];
};
const ms = (v) => (v == null ? "n/a" : v >= 100 ? `${Math.round(v)}` : v.toFixed(1));
const kb = (bytes) => (bytes == null ? "n/a" : `${(bytes / 1024).toFixed(1)} KB`);
const mb = (bytes) => (bytes == null ? "n/a" : `${(bytes / 1048576).toFixed(2)} MB`);
const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);
const x = (r) => (r == null ? "n/a" : `×${r.toFixed(2)}`);
const pass = (ok) => (ok == null ? "n/a" : ok ? "PASS" : "FAIL");
/** What is left of a budget `value ≤ limit`, for its FAIL: "(what) 12.3 ms to cut", or "" within it. */
const over = (value, limit, unit, what = "") => (value == null || limit == null || value <= limit ? "" : `${what ? `${what} ` : ""}${unit(value - limit)} to cut`);

function table(head, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

// ---------------------------------------------------------------- the build's files

/** The glue and wasm of the widget's build `name`: factcards-web (the reader's), or factcards-live. */
function distFiles(name = "factcards-web") {
  const files = readdirSync(DIST);
  const glue = files.find((file) => new RegExp(`^${name}(-[0-9a-f]+)?\\.js$`).test(file));
  const wasm = files.find((file) => new RegExp(`^${name}(-[0-9a-f]+)?_bg\\.wasm$`).test(file));
  if (!glue || !wasm) throw new Error(`no ${name} glue or wasm in ${DIST}: run scripts/bench (it builds)`);
  return { glue, wasm };
}

function sizeOf(path) {
  const raw = readFileSync(path);
  return { raw: raw.length, gzip: gzip9(raw).length, brotli: brotli11(raw).length };
}

// ---------------------------------------------------------------- the generated pages

/** The CLI's fallback HTML (a declarative shadow root) for a sheet file. */
function render(sheetPath) {
  try {
    return execFileSync(CLI, ["render", "--css-href", "factcards.css", sheetPath], {
      encoding: "utf8",
      maxBuffer: 1 << 30,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    const problems = String(error.stderr ?? "").split("\n").filter((line) => line.includes(": error: ")).slice(0, 5);
    throw new Error(`\`${CLI} render ${sheetPath}\` failed (is the CLI older than the sheet format? scripts/bench rebuilds it):\n${problems.join("\n") || error.message}`);
  }
}

/** The deck markup inside the CLI's `<template shadowrootmode>`, without the stylesheet link. */
function innerMarkup(fallback) {
  const open = fallback.indexOf(">", fallback.indexOf("<template")) + 1;
  const close = fallback.lastIndexOf("</template>");
  return fallback.slice(open, close).replace(/<link\b[^>]*>/g, "");
}

const page = (title, body, head = "") => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>factcards bench: ${title}</title>
<link rel="icon" href="data:," />
${head}</head>
<body>
${body}
</body>
</html>
`;
const LOADER = `<script type="module" src="factcards.js"></script>\n`;

function writePages() {
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(SITE, { recursive: true });
  // The bundled story as the build copied it to dist/, so that the floor
  // shows what the wasm embeds even if data/ changed since the build.
  const bundled = join(DIST, "moscow-isis-k.json");
  const fallback = render(bundled);
  writeFileSync(join(SITE, "floor.html"), page("floor (static HTML, no JS)", `<div data-factcards>${fallback}</div>`));
  writeFileSync(join(SITE, "widget.html"), page("drop-in, no fallback", `<div data-factcards></div>`, LOADER));
  writeFileSync(join(SITE, "ssr.html"), page("drop-in over the server-rendered fallback", `<div data-factcards>${fallback}</div>`, LOADER));
  writeFileSync(join(SITE, "scale.html"), page("scaling (widget)", `<div id="w"></div>`, LOADER));
  writeFileSync(join(SITE, "scale-static.html"), page("scaling (static markup)", `<div id="w"></div>`));
  const sheets = {};
  for (const facts of SIZES) {
    const sheet = generate(facts);
    const path = join(SITE, `sheet-${facts}.json`);
    writeFileSync(path, JSON.stringify(sheet));
    writeFileSync(join(SITE, `static-${facts}.html`), innerMarkup(render(path)));
    const { cards, categories } = shape(facts);
    sheets[facts] = {
      cards,
      categories,
      firstCategory: sheet.categories[0].id,
      firstCategoryCards: sheet.cards.filter((card) => card.category === sheet.categories[0].id).length,
    };
  }
  // The generated sheets are valid: one is checked with the CLI.
  const checked = SIZES.includes(1000) ? 1000 : SIZES[0];
  let check;
  try {
    check = { sheet: `sheet-${checked}.json`, ok: true, output: execFileSync(CLI, ["check", join(SITE, `sheet-${checked}.json`)], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim() };
  } catch (error) {
    check = { sheet: `sheet-${checked}.json`, ok: false, output: `${error.stdout ?? ""}${error.stderr ?? ""}`.trim() };
  }
  return { sheets, check };
}

// ---------------------------------------------------------------- the browser

let browser, origin;


/** A fresh context (empty cache) and page with the probe in `mode`. */
async function openPage(mode, { width = 1280, height = 900, network = null } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: "light" });
  await context.addInitScript(`window.__benchMode = ${JSON.stringify(mode)};\n${PROBE}`);
  const page = await context.newPage();
  if (network) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", network);
  }
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.errors = errors;
  page.close = async () => context.close();
  return page;
}

/** JS heap (V8, after a full GC) and the wasm memories of a page, from CDP. */
async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.enable");
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  // Every WebAssembly.Memory object in the page, whoever created it: found
  // by prototype with Runtime.queryObjects, then their buffers' sizes summed.
  const proto = await cdp.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
  const found = await cdp.send("Runtime.queryObjects", { prototypeObjectId: proto.result.objectId });
  const sum = await cdp.send("Runtime.callFunctionOn", {
    objectId: found.objects.objectId,
    functionDeclaration: "function () { return this.reduce((total, memory) => total + memory.buffer.byteLength, 0); }",
    returnByValue: true,
  });
  await cdp.detach();
  return { jsHeap: heap.usedSize, wasm: sum.result.value, total: heap.usedSize + sum.result.value };
}

/** Runs `body` while Chromium traces; returns body's result and the longest main-thread task (ms) of the page's renderer. */
async function traced(page, body) {
  await browser.startTracing(page, { categories: ["toplevel", "blink.user_timing", "disabled-by-default-devtools.timeline"] });
  const result = await body();
  // The trace holds every renderer of the browser, Chromium's own pages'
  // too (their start-up tasks can be longer than the widget's): a mark made
  // by the page once body is done (after any navigation in it) names the
  // page's main thread.
  await page.evaluate(() => performance.mark("bench:traced"));
  const trace = JSON.parse((await browser.stopTracing()).toString("utf8"));
  const events = trace.traceEvents ?? trace;
  const mark = events.find((e) => e.name === "bench:traced" && String(e.cat).includes("blink.user_timing"));
  const main = new Set(
    mark
      ? [`${mark.pid}:${mark.tid}`]
      : events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`),
  );
  // Wall time (dur) is what a reader waits; thread time (tdur) leaves out
  // the time the process was descheduled, which on a shared machine is noise.
  let longest = 0;
  let longestCpu = 0;
  for (const e of events) {
    if (e.ph === "X" && (e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask") && main.has(`${e.pid}:${e.tid}`)) {
      longest = Math.max(longest, (e.dur ?? 0) / 1000);
      longestCpu = Math.max(longestCpu, (e.tdur ?? e.dur ?? 0) / 1000);
    }
  }
  return { result, longestTask: longest, longestTaskCpu: longestCpu };
}

// ---------------------------------------------------------------- 1. sizes and transfer

function measureSizes() {
  const { glue, wasm } = distFiles();
  const live = distFiles("factcards-live");
  const files = [
    ["wasm", wasm, "the widget"],
    ["JS glue", glue, "wasm-bindgen's glue"],
    ["wasm with live sheets", live.wasm, "the same widget with the poller, the diff and the change marks, in place of the wasm on a page whose decks update"],
    ["JS glue with live sheets", live.glue, "its glue"],
    ["loader", "factcards.js", "the drop-in loader (stable URL)"],
    ["CSS", "factcards.css", "the widget's stylesheet: linked by the fallback, fetched by the loader beside the wasm"],
    ["bundled story", "moscow-isis-k.json", "fetched by a mount that names no sheet"],
  ].map(([what, name, note]) => ({ what, file: name, note, ...sizeOf(join(DIST, name)) }));
  files.push({ what: "map shapes", file: "data/world-map.json", note: "counted separately (loaded later, if at all)", ...sizeOf(join(ROOT, "data/world-map.json")) });
  files.push({ what: "place names", file: "data/world-names.json", note: "fetched with the map shapes, only for a sheet with regions; counted with them", ...sizeOf(join(ROOT, "data/world-names.json")) });
  return files;
}

/** Bytes on the wire (CDP encodedDataLength: compressed body plus headers) of every request of a page. */
async function transfer(path, waitFor) {
  const page = await openPage("load");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const requests = new Map();
  cdp.on("Network.requestWillBeSent", (e) => requests.set(e.requestId, { url: e.request.url }));
  cdp.on("Network.responseReceived", (e) => {
    const entry = requests.get(e.requestId);
    if (entry) {
      const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      entry.encoding = headers["content-encoding"] ?? "identity";
      entry.status = e.response.status;
    }
  });
  cdp.on("Network.loadingFinished", (e) => {
    const entry = requests.get(e.requestId);
    if (entry) Object.assign(entry, { bytes: e.encodedDataLength, done: true });
  });
  cdp.on("Network.loadingFailed", (e) => {
    const entry = requests.get(e.requestId);
    if (entry) entry.done = true;
  });
  await page.goto(`${origin}/${path}`);
  await page.waitForFunction(waitFor, null, { timeout: 30000 });
  // The requests that follow (the widget's, the loader's idle work): until
  // every request the page made has finished at a moment its main thread
  // is idle, so that none is about to start.
  do {
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
  } while (![...requests.values()].every((request) => request.done));
  await page.close();
  const list = [...requests.values()]
    .filter((r) => r.url.startsWith(origin))
    .map((r) => ({ path: new URL(r.url).pathname, encoding: r.encoding, status: r.status, bytes: r.bytes ?? 0 }));
  return { page: path, requests: list, total: list.reduce((sum, r) => sum + r.bytes, 0) };
}

// ---------------------------------------------------------------- 2. startup

async function loadOnce(path, mode) {
  const page = await openPage(mode, { network: NETWORKS[NETWORK] });
  await page.goto(`${origin}/${path}`);
  await page.waitForFunction(() => window.__bench?.done === true, null, { timeout: 30000, polling: 100 });
  const result = await page.evaluate(() => {
    const resources = performance.getEntriesByType("resource");
    const wasm = resources.find((r) => r.name.endsWith(".wasm"));
    return { ...window.__bench, wasmResponseEnd: wasm ? wasm.responseEnd : null };
  });
  if (mode === "load") result.memory = await memory(page);
  result.errors = page.errors;
  await page.close();
  return result;
}

function maxShift(before, after) {
  if (!before?.length || !after?.length) return null;
  let worst = 0;
  for (let i = 0; i < Math.min(before.length, after.length); i++) {
    for (let k = 0; k < 4; k++) worst = Math.max(worst, Math.abs(before[i][k] - after[i][k]));
  }
  return worst;
}

/** Medians, spreads and ratios of the startup runs. */
function summarizeStartup(runs) {
  const med = (list, key) => median(list.map((r) => r[key]));
  const spread = (list, key) => [percentile(list.map((r) => r[key]), 25), percentile(list.map((r) => r[key]), 75)];
  // Ratios to the floor are taken run by run (the floor loaded in the same
  // round), then their median: a busy moment slows a whole round alike.
  const paired = (list, key) => median(list.map((r, i) => ratio(r[key], runs.floor[i]?.firstFact)));
  return {
    floor: {
      firstFact: med(runs.floor, "firstFact"),
      firstFactSpread: spread(runs.floor, "firstFact"),
      fcp: med(runs.floor, "fcp"),
      memory: median(runs.floor.map((r) => r.memory.total)),
      cls: Math.max(...runs.floor.map((r) => r.cls)),
    },
    widget: {
      firstFact: med(runs.widget, "firstFact"),
      firstFactSpread: spread(runs.widget, "firstFact"),
      firstFactRatio: paired(runs.widget, "firstFact"),
      interactiveSpread: spread(runs.widgetInteract, "interactive"),
      interactiveRatio: paired(runs.widgetInteract, "interactive"),
      fcp: med(runs.widget, "fcp"),
      ready: med(runs.widget, "ready"),
      interactive: med(runs.widgetInteract, "interactive"),
      memory: {
        jsHeap: median(runs.widget.map((r) => r.memory.jsHeap)),
        wasm: median(runs.widget.map((r) => r.memory.wasm)),
        total: median(runs.widget.map((r) => r.memory.total)),
      },
    },
    ssr: {
      firstFact: med(runs.ssr, "firstFact"),
      firstFactSpread: spread(runs.ssr, "firstFact"),
      firstFactRatio: paired(runs.ssr, "firstFact"),
      interactiveSpread: spread(runs.ssrInteract, "interactive"),
      interactiveRatio: paired(runs.ssrInteract, "interactive"),
      fcp: med(runs.ssr, "fcp"),
      wasmArrived: med(runs.ssr, "wasmResponseEnd"),
      takeover: med(runs.ssr, "takeover"),
      interactive: med(runs.ssrInteract, "interactive"),
      // The fallback was on screen before the wasm replaced it, in every run.
      staticBeforeTakeover: runs.ssr.every((r) => r.firstFact !== null && r.takeover !== null && r.firstFact < r.takeover),
      // On loopback the wasm may finish downloading before the first frame;
      // what matters is that the first frame does not wait for it.
      firstFactBeforeWasm: runs.ssr.filter((r) => r.firstFact !== null && r.wasmResponseEnd !== null && r.firstFact < r.wasmResponseEnd).length,
      runs: runs.ssr.length,
      jumpPx: Math.max(...runs.ssr.map((r) => maxShift(r.staticBoxes, r.liveBoxes) ?? Infinity)),
      jumpPxMedian: median(runs.ssr.map((r) => maxShift(r.staticBoxes, r.liveBoxes))),
      blankFrames: Math.max(...runs.ssr.map((r) => r.blankFrames)),
      cls: Math.max(...runs.ssr.map((r) => r.cls)),
      clsShifts: runs.ssr.reduce((a, b) => (b.cls > a.cls ? b : a)).shifts,
    },
  };
}

async function measureStartup() {
  const pages = { floor: "floor.html", widget: "widget.html", ssr: "ssr.html" };
  const runs = { floor: [], widget: [], ssr: [], widgetInteract: [], ssrInteract: [] };
  const order = [
    ["floor", pages.floor, "load"],
    ["widget", pages.widget, "load"],
    ["ssr", pages.ssr, "load"],
    ["widgetInteract", pages.widget, "interact"],
    ["ssrInteract", pages.ssr, "interact"],
  ];
  // One load of each, not counted, so that no page pays for a cold browser.
  for (const [, path, mode] of order) await loadOnce(path, mode);
  for (let i = 0; i < STARTUP_RUNS; i++) {
    // Interleaved, and in a rotating order, so that a noisy moment or the
    // position in the sequence hits every page alike.
    for (let k = 0; k < order.length; k++) {
      const [name, path, mode] = order[(i + k) % order.length];
      runs[name].push(await loadOnce(path, mode));
    }
    log(`startup run ${i + 1}/${STARTUP_RUNS}`);
  }
  const summary = summarizeStartup(runs);
  const errors = [...new Set(Object.values(runs).flat().flatMap((r) => r.errors))];
  const timedOut = Object.entries(runs).flatMap(([name, list]) => list.filter((r) => r.timedOut).map(() => name));
  return { summary, runs, errors, timedOut };
}

// ---------------------------------------------------------------- 3. scaling

const IN_PAGE = `
  window.__afterFrame = () => new Promise((done) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(0);
  }));
  window.__waitFor = (root, predicate, timeout = 20000) => new Promise((done) => {
    if (predicate()) return done(true);
    const observer = new MutationObserver(() => {
      if (predicate()) { observer.disconnect(); clearTimeout(timer); done(true); }
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    const timer = setTimeout(() => { observer.disconnect(); done(false); }, timeout);
  });
  // A reader's keystroke in the widget's search box: the input event it fires.
  window.__search = (input, value) => {
    input.value = value;
    input.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true, inputType: value ? "insertText" : "deleteContentBackward", data: value || null }));
  };
`;

/** Renders a generated sheet in the widget (or, `static`, its CLI markup) and returns the render time. */
async function scaleRender(page, kind, facts, info) {
  return page.evaluate(
    async ({ kind, facts, info, inPage }) => {
      (0, eval)(inPage);
      const el = document.getElementById("w");
      // Cards the filter or the search leaves out stay in the DOM, hidden.
      const count = (root) => root.querySelectorAll(":not([hidden]) > .fc-card").length;
      let root, t0;
      if (kind === "widget") {
        const api = await window.factcards.ready;
        const sheet = await (await fetch(`sheet-${facts}.json`)).json();
        await __afterFrame();
        await __afterFrame();
        t0 = performance.now();
        window.__handle = api.mount(el, sheet);
        root = el.shadowRoot;
      } else {
        const markup = await (await fetch(`static-${facts}.html`)).text();
        const css = await (await fetch("factcards.css")).text();
        await __afterFrame();
        await __afterFrame();
        t0 = performance.now();
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        root = el.attachShadow({ mode: "open" });
        root.adoptedStyleSheets = [sheet];
        root.innerHTML = markup;
      }
      // A big sheet renders in chunks (src/progress.rs): the first cards
      // are drawn long before the last. The static markup shows all at once.
      await __waitFor(root, () => count(root) >= 1);
      const first = (await __afterFrame()) - t0;
      const complete = await __waitFor(root, () => count(root) >= info.cards);
      const dom = performance.now();
      const end = await __afterFrame();
      return { render: end - t0, first: Math.min(first, end - t0), dom: dom - t0, complete, cards: count(root), t0 };
    },
    { kind, facts, info, inPage: IN_PAGE },
  );
}

/** Category toggles (on: only the first category; off: all again) and search keystrokes. */
// `probe`: also count the facts the search leaves visible, which forces a
// layout of every fact; a traced run leaves it out, so that the longest task
// is the widget's and not the probe's.
async function scaleInteract(page, kind, info, repeats, probe) {
  return page.evaluate(
    async ({ kind, info, repeats, key, probe }) => {
      const root = document.getElementById("w").shadowRoot;
      const cards = () => root.querySelectorAll(":not([hidden]) > .fc-card").length;
      const chip = () => root.querySelector(".fc-filter__chip[data-category]");
      const visibleFacts = () => [...root.querySelectorAll(".fc-fact")].filter((f) => f.getClientRects().length > 0).length;
      const out = { on: [], off: [], key: [], clear: [], keyChanged: null, search: false, toggleComplete: true };
      const sections = [...root.querySelectorAll(".fc-category")];
      const showOnly = (category) => {
        for (const section of sections) {
          const heading = section.querySelector(".fc-category__title")?.id ?? "";
          const shown = !category || heading.endsWith(`/${category}`);
          section.style.display = shown ? "" : "none";
        }
      };
      for (let i = 0; i < repeats; i++) {
        await __afterFrame();
        let t0 = performance.now();
        if (kind === "widget") {
          chip().click();
          out.toggleComplete &&= await __waitFor(root, () => chip().getAttribute("aria-pressed") === "true" && cards() === info.firstCategoryCards, 5000);
        } else {
          chip().setAttribute("aria-pressed", "true");
          showOnly(info.firstCategory);
        }
        out.on.push((await __afterFrame()) - t0);
        await __afterFrame();
        t0 = performance.now();
        if (kind === "widget") {
          chip().click();
          out.toggleComplete &&= await __waitFor(root, () => chip().getAttribute("aria-pressed") === "false" && cards() === info.cards, 5000);
        } else {
          chip().setAttribute("aria-pressed", "false");
          showOnly(null);
        }
        out.off.push((await __afterFrame()) - t0);
      }
      const input = root.querySelector(".fc-search__input");
      if (kind === "widget" && !input) return out;
      out.search = true;
      const before = probe ? visibleFacts() : null;
      const type = (value) => {
        if (kind === "widget") {
          __search(input, value);
        } else {
          for (const fact of root.querySelectorAll(".fc-fact")) {
            fact.style.display = !value || fact.textContent.toLowerCase().includes(value) ? "" : "none";
          }
        }
      };
      for (let i = 0; i < repeats; i++) {
        await __afterFrame();
        let t0 = performance.now();
        type(key);
        out.key.push((await __afterFrame()) - t0);
        if (i === 0 && probe) out.keyChanged = { before, after: visibleFacts() };
        await __afterFrame();
        t0 = performance.now();
        type("");
        out.clear.push((await __afterFrame()) - t0);
      }
      return out;
    },
    { kind, info, repeats, key: SEARCH_KEY, probe },
  );
}

async function scaleRun(kind, facts, info, { trace = false } = {}) {
  const page = await openPage("scale");
  await page.goto(`${origin}/${kind === "widget" ? "scale.html" : "scale-static.html"}`);
  if (kind === "widget") await page.waitForFunction(() => window.factcards !== undefined, null, { timeout: 30000 });
  const repeats = facts >= 10000 ? 3 : 5;
  const body = async () => {
    const rendered = await scaleRender(page, kind, facts, info);
    const mem = trace ? null : await memory(page);
    const interactions = await scaleInteract(page, kind, info, repeats, !trace);
    return { ...rendered, memory: mem, ...interactions };
  };
  const { result, longestTask, longestTaskCpu } = trace ? await traced(page, body) : { result: await body(), longestTask: null, longestTaskCpu: null };
  result.longtasks = await page.evaluate((t0) => window.__bench.longtasks.filter((t) => t.at + t.duration >= t0).map((t) => t.duration), result.t0);
  result.longestTask = longestTask;
  result.longestTaskCpu = longestTaskCpu;
  result.errors = page.errors;
  await page.close();
  return result;
}

// How long the widget's search waits before it reports a search
// (SEARCH_QUIET_MS in src/embed/instance.rs), and a margin: a keystroke's
// trace runs that long after its frame, so that what the keystroke set off
// later is in it too.
const SEARCH_SETTLE = 800;

/**
 * One search keystroke on a rendered sheet, in a trace of its own: typing
 * SEARCH_KEY into the empty box, then (another trace) clearing it again;
 * each until its frame is drawn and SEARCH_SETTLE ms more. Returns each
 * one's longest main-thread task, or null without a search box.
 */
async function keystrokeTasks(facts, info) {
  const page = await openPage("scale");
  try {
    await page.goto(`${origin}/scale.html`);
    await page.waitForFunction(() => window.factcards !== undefined, null, { timeout: 30000 });
    await scaleRender(page, "widget", facts, info);
    const press = async (value) => {
      // Two frames outside the trace: the keystroke starts from a page at rest.
      const found = await page.evaluate(async () => {
        await __afterFrame();
        await __afterFrame();
        return document.getElementById("w").shadowRoot.querySelector(".fc-search__input") != null;
      });
      if (!found) return null;
      const { longestTask } = await traced(page, () =>
        page.evaluate(
          async ({ value, settle }) => {
            __search(document.getElementById("w").shadowRoot.querySelector(".fc-search__input"), value);
            await __afterFrame();
            await new Promise((done) => setTimeout(done, settle));
          },
          { value, settle: SEARCH_SETTLE },
        ),
      );
      return longestTask;
    };
    const type = await press(SEARCH_KEY);
    const clear = type == null ? null : await press("");
    return { type, clear, errors: page.errors };
  } finally {
    await page.close();
  }
}

async function measureScaling(sheets) {
  const results = {};
  for (const facts of SIZES) {
    const info = sheets[facts];
    const widget = [];
    const floor = [];
    const runs = facts >= 10000 ? Math.max(RUNS, 7) : RUNS;
    for (let i = 0; i < runs; i++) {
      widget.push(await scaleRun("widget", facts, info));
      floor.push(await scaleRun("static", facts, info));
    }
    const tracedWidget = [];
    const tracedFloor = [];
    for (let i = 0; i < TRACE_RUNS; i++) {
      tracedWidget.push(await scaleRun("widget", facts, info, { trace: true }));
      tracedFloor.push(await scaleRun("static", facts, info, { trace: true }));
    }
    const keystrokes = [];
    for (let i = 0; i < TRACE_RUNS; i++) keystrokes.push(await keystrokeTasks(facts, info));
    const stats = (list, key) => {
      const all = list.flatMap((r) => (Array.isArray(r[key]) ? r[key] : [r[key]]));
      return { median: median(all), p95: percentile(all, 95), n: all.length };
    };
    const longest = (runsUntraced, runsTraced) => ({
      traced: median(runsTraced.map((r) => r.longestTask)),
      tracedCpu: median(runsTraced.map((r) => r.longestTaskCpu)),
      longtaskObserverMax: Math.max(0, ...runsUntraced.flatMap((r) => r.longtasks)),
    });
    results[facts] = {
      facts,
      cards: info.cards,
      widget: {
        render: stats(widget, "render"),
        first: stats(widget, "first"),
        toggleOn: stats(widget, "on"),
        toggleOff: stats(widget, "off"),
        key: widget[0].search ? stats(widget, "key") : null,
        clear: widget[0].search ? stats(widget, "clear") : null,
        keyChanged: widget[0].keyChanged,
        memory: { jsHeap: median(widget.map((r) => r.memory.jsHeap)), wasm: median(widget.map((r) => r.memory.wasm)), total: median(widget.map((r) => r.memory.total)) },
        longestTask: longest(widget, tracedWidget),
        // Medians of TRACE_RUNS traces of one keystroke each (keystrokeTasks).
        keystrokeTask: { type: median(keystrokes.map((k) => k.type)), clear: median(keystrokes.map((k) => k.clear)), n: keystrokes.length },
        complete: widget.every((r) => r.complete && r.toggleComplete),
        cardsRendered: widget[0].cards,
      },
      floor: {
        render: stats(floor, "render"),
        first: stats(floor, "first"),
        toggleOn: stats(floor, "on"),
        toggleOff: stats(floor, "off"),
        key: stats(floor, "key"),
        clear: stats(floor, "clear"),
        memory: { jsHeap: median(floor.map((r) => r.memory.jsHeap)), wasm: 0, total: median(floor.map((r) => r.memory.total)) },
        longestTask: longest(floor, tracedFloor),
      },
      errors: [...new Set([...widget, ...floor, ...keystrokes].flatMap((r) => r.errors))],
    };
    log(`scaling ${facts} facts: render ${ms(results[facts].widget.render.median)} ms (static ${ms(results[facts].floor.render.median)} ms)`);
  }
  return results;
}

/** Per-10× growth of a cost across the sizes, and its name. */
function growth(values) {
  const steps = [];
  for (let i = 1; i < SIZES.length; i++) {
    const a = values[SIZES[i - 1]];
    const b = values[SIZES[i]];
    const factor = SIZES[i] / SIZES[i - 1];
    steps.push(a == null || b == null || a <= 0 ? null : (b / a) ** (1 / Math.log10(factor)));
  }
  const worst = Math.max(...steps.filter((s) => s != null));
  const name = !Number.isFinite(worst) ? "n/a" : worst <= 12 ? "≈linear or better" : "worse than linear";
  return { steps, worst: Number.isFinite(worst) ? worst : null, name };
}

// ---------------------------------------------------------------- 4. layout stability

async function measureCls() {
  // news-article.html has the budget; the demo page is shown for information.
  const out = {};
  for (const [name, path] of [["news-article.html", "news-article.html"], ["demo page", ""]]) {
    for (const width of [375, 1280]) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        const page = await openPage("cls", { width, height: 800 });
        await page.goto(`${origin}/${path}`);
        await page.waitForFunction(() => window.__bench?.done === true, null, { timeout: 40000, polling: 100 });
        runs.push(await page.evaluate(() => ({ cls: window.__bench.cls, shifts: window.__bench.shifts })));
        await page.close();
      }
      const worst = runs.reduce((a, b) => (b.cls > a.cls ? b : a));
      const key = `${name} @ ${width} px`;
      out[key] = { page: name, width, median: median(runs.map((r) => r.cls)), max: worst.cls, runs: runs.map((r) => r.cls), worstShifts: worst.shifts };
      log(`CLS ${key}: median ${out[key].median.toFixed(4)}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------- 5. Lighthouse

/** Where the story folder is published in the site, and what its story page is held to. */
const STORY = { name: "story page", path: "story/", categories: ["performance", "accessibility", "best-practices", "seo"] };

/**
 * The bundled story's story folder, by the release CLI as a newsroom runs
 * it, into the site at /story/, with the widget's files at the server's
 * root (dist/). Published here, once the server's address is known: every
 * address in the folder is absolute.
 */
function publishStory() {
  execFileSync(CLI, ["publish", "--out", join(SITE, STORY.path), "--base-url", `${origin}/${STORY.path}`, "--widget-url", `${origin}/`, join(DIST, "moscow-isis-k.json")], {
    stdio: ["ignore", "pipe", "pipe"],
  });
}

async function measureLighthouse() {
  const { runLighthouse } = await import("./lighthouse.mjs");
  publishStory();
  const out = [];
  // The story page is the address readers share and search engines index:
  // best practices and SEO count there too.
  for (const [name, path, categories] of [["demo page", ""], ["news-article.html", "news-article.html"], [STORY.name, STORY.path, STORY.categories]]) {
    for (const preset of LIGHTHOUSE) {
      const runs = [];
      for (let i = 0; i < LH_RUNS; i++) {
        try {
          runs.push(await runLighthouse(`${origin}/${path}`, preset, categories));
        } catch (error) {
          runs.push({ preset, error: String(error?.message ?? error) });
        }
      }
      const ok = runs.filter((r) => !r.error && r.performance != null);
      if (!ok.length) {
        out.push({ page: name, ...runs[0] });
      } else {
        // The run with the median performance score stands for them all.
        ok.sort((a, b) => a.performance - b.performance);
        out.push({ page: name, ...ok[(ok.length - 1) >> 1], accessibility: median(ok.map((r) => r.accessibility)), runs: ok.length, scores: ok.map((r) => r.performance) });
      }
      log(`lighthouse ${name} (${preset}) done`);
    }
  }
  return out;
}

// ---------------------------------------------------------------- 6. a live update

// A live deck of the 1,000-fact sheet, on the release build, gets a new
// version in which one fact's status moved: what that update costs (the
// longest main-thread task, and the time from the poll's response to the
// DOM settled, a frame after the changed fact is marked), against the
// initial render of the same sheet in the same page (from the sheet's
// response to every card drawn, and a frame). Desktop, and a phone's 4×
// slower CPU.
const UPDATE_FACTS = 1000;
const UPDATE_PROFILES = {
  desktop: { label: "desktop: 1280 px", width: 1280, height: 900, cpu: 1 },
  mobile: { label: "mobile: 375 px, 4× CPU slowdown", width: 375, height: 812, cpu: 4 },
};
const LIVE_PAGE = `live-${UPDATE_FACTS}.html`;
const LIVE_PATH = `/live/sheet-${UPDATE_FACTS}.json`;
/** The two versions the live route serves, and which one it serves now. */
const live = { versions: [], current: 0, card: null };

/** The live sheet, with an ETag and 304 as a sheet server should: version `live.current`. */
function liveRoute(request, response) {
  const { body, etag } = live.versions[live.current];
  if (request.headers["if-none-match"] === etag) {
    response.writeHead(304, { etag }).end();
    return;
  }
  response.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-cache", etag });
  response.end(body);
}

function writeLivePage() {
  const first = generate(UPDATE_FACTS);
  const { sheet: next, card } = oneStatusMoved(first);
  live.versions = [
    { body: JSON.stringify(first), etag: '"v1"' },
    { body: JSON.stringify(next), etag: '"v2"' },
  ];
  live.card = card;
  // data-live="30": the release's shortest interval.
  writeFileSync(
    join(SITE, LIVE_PAGE),
    page("a live update", `<div data-factcards id="w" data-src="${LIVE_PATH}" data-live="30" data-url-state="off"></div>`, LOADER),
  );
}

// The release reads a live sheet 30 s after the last read at the soonest.
// Rather than wait that long in every run, the page's timers of 30 s or more
// are held back and fired when the benchmark is ready to measure
// (window.__fireHeldTimers()); the read, the diff and the render that
// follow are the release's own. The initial render is watched from the
// start of the page (window.__initial).
const LIVE_PROBE = `
(() => {
  const set = window.setTimeout.bind(window);
  const clear = window.clearTimeout.bind(window);
  let held = new Map();
  window.setTimeout = (handler, delay, ...args) => {
    if (typeof handler !== "function" || !(Number(delay) >= 30000)) return set(handler, delay, ...args);
    const id = set(() => {}, 2147483647);
    held.set(id, () => handler(...args));
    return id;
  };
  window.clearTimeout = (id) => {
    held.delete(id);
    clear(id);
  };
  window.__fireHeldTimers = () => {
    const due = [...held.entries()];
    held = new Map();
    for (const [id, run] of due) {
      clear(id);
      run();
    }
    return due.length;
  };
})();
${IN_PAGE}
window.__sheetReads = () => performance.getEntriesByName(new URL(${JSON.stringify(LIVE_PATH)}, location.href).href);
window.__initial = (async () => {
  let host;
  while (!(host = document.getElementById("w"))?.shadowRoot) await new Promise((done) => requestAnimationFrame(done));
  const root = host.shadowRoot;
  // (Time-outs under 30 s: longer timers are held.)
  const complete = await __waitFor(root, () => root.querySelectorAll(".fc-card").length >= ${shape(UPDATE_FACTS).cards}, 25000);
  const settled = await __afterFrame();
  return { complete, total: settled - __sheetReads()[0].responseEnd };
})();
`;

/** In the page: fires the held poll and waits until the changed fact is marked, and a frame. */
async function updateInPage(card) {
  const root = document.getElementById("w").shadowRoot;
  const updated = new Promise((done) => document.addEventListener("factcards:update", (event) => done(event.detail), { once: true }));
  // (A time-out under 30 s: longer timers are held.)
  const marked = __waitFor(root, () => root.querySelector(`[data-card="${card}"] .fc-change`), 25000);
  const fired = window.__fireHeldTimers();
  const complete = await marked;
  const settled = await __afterFrame();
  const detail = complete ? await updated : null;
  const reads = __sheetReads();
  const poll = reads.at(-1);
  return { fired, complete, reads: reads.length, status: poll.responseStatus, counts: detail?.counts ?? null, total: settled - poll.responseEnd };
}

async function updateOnce(profile) {
  const context = await browser.newContext({ viewport: { width: profile.width, height: profile.height }, colorScheme: "light" });
  try {
    await context.addInitScript(LIVE_PROBE);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    if (profile.cpu > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
    }
    live.current = 0;
    const initial = await traced(page, async () => {
      await page.goto(`${origin}/${LIVE_PAGE}`);
      return page.evaluate(() => window.__initial);
    });
    // Two frames, so that the update starts from a page at rest.
    await page.evaluate(async () => {
      await __afterFrame();
      await __afterFrame();
    });
    live.current = 1;
    const update = await traced(page, () => page.evaluate(updateInPage, live.card));
    return {
      initial: { ...initial.result, longestTask: initial.longestTask, longestTaskCpu: initial.longestTaskCpu },
      update: { ...update.result, longestTask: update.longestTask, longestTaskCpu: update.longestTaskCpu },
      errors,
    };
  } finally {
    await context.close();
  }
}

function summarizeUpdate(runs) {
  const med = (list, path) => median(list.map((run) => path(run)));
  // Ratios run by run (the update against its own page's initial render), then their median.
  const paired = (list, key) => median(list.map((run) => ratio(run.update[key], run.initial[key])));
  return Object.fromEntries(
    Object.entries(runs).map(([name, list]) => {
      const good = list.filter((run) => run.update.complete && run.update.fired > 0 && run.initial.complete);
      return [
        name,
        {
          runs: list.length,
          good: good.length,
          update: { longestTask: med(good, (r) => r.update.longestTask), longestTaskCpu: med(good, (r) => r.update.longestTaskCpu), total: med(good, (r) => r.update.total) },
          initial: { longestTask: med(good, (r) => r.initial.longestTask), total: med(good, (r) => r.initial.total) },
          ratio: { longestTask: paired(good, "longestTask"), total: paired(good, "total") },
          counts: good[0]?.update.counts ?? null,
        },
      ];
    }),
  );
}

async function measureUpdate() {
  const runs = Object.fromEntries(Object.keys(UPDATE_PROFILES).map((name) => [name, []]));
  // One run of each, not counted: no profile pays for a cold browser.
  for (const profile of Object.values(UPDATE_PROFILES)) await updateOnce(profile);
  for (let i = 0; i < RUNS; i++) {
    for (const [name, profile] of Object.entries(UPDATE_PROFILES)) runs[name].push(await updateOnce(profile));
    log(`update run ${i + 1}/${RUNS}`);
  }
  const errors = [...new Set(Object.values(runs).flat().flatMap((run) => run.errors))];
  return { summary: summarizeUpdate(runs), runs, errors };
}

// ---------------------------------------------------------------- 7. the editor, and a hostile sheet

// What tools/e2e/editor.test.mjs shows without timing it: typing in a fact
// of a 100-card sheet previews once typing pauses (250 ms), and re-renders
// only that card. Here, how long the main thread is busy meanwhile.
const EDITOR_CARDS = 100;
const EDITOR_TYPED = " Typed.";

/** The bundled story with its first card EDITOR_CARDS times over. */
function editorSheet() {
  const sheet = JSON.parse(readFileSync(join(DIST, "moscow-isis-k.json"), "utf8"));
  const [first] = sheet.cards;
  sheet.cards = Array.from({ length: EDITOR_CARDS }, (_, i) => ({
    ...structuredClone(first),
    id: `card-${i}`,
    title: `Card ${i}`,
    category: sheet.categories[i % sheet.categories.length].id,
  }));
  sheet.corrections = [];
  return sheet;
}

/** One run: EDITOR_TYPED typed into the first fact, 60 ms a key, until the preview shows it; the longest task of that, traced. */
async function editorOnce(sheet) {
  const page = await openPage("scale");
  try {
    await page.goto(`${origin}/editor.html`);
    await page.locator("#open-paste").fill(JSON.stringify(sheet));
    await page.locator("#open-paste-button").click();
    // A sheet opens at the Story step; its facts are on the Cards step.
    await page.locator("#tab-cards").click();
    const field = page.locator("#f-cards-0-facts-0-text");
    await field.waitFor({ timeout: 30000 });
    await page.locator("#preview .fc-card").first().waitFor({ timeout: 30000 });
    await field.focus();
    await page.keyboard.press("End");
    const { longestTask, longestTaskCpu } = await traced(page, async () => {
      await page.keyboard.type(EDITOR_TYPED, { delay: 60 });
      await page.waitForFunction(
        (typed) => (document.querySelector("#preview [data-factcards]")?.shadowRoot ?? document.querySelector("#preview")).textContent.includes(typed.trim()),
        EDITOR_TYPED,
        { timeout: 30000 },
      );
    });
    return { longestTask, longestTaskCpu, errors: page.errors };
  } finally {
    await page.close();
  }
}

async function measureEditor() {
  const sheet = editorSheet();
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await editorOnce(sheet));
  return {
    longestTask: median(runs.map((run) => run.longestTask)),
    longestTaskCpu: median(runs.map((run) => run.longestTaskCpu)),
    errors: [...new Set(runs.flatMap((run) => run.errors))],
  };
}

// What tests/properties.rs shows by the bytes it allocates: a sheet with a
// 256 KiB unknown field name is refused without comparing it, letter by
// letter, with every known name (which once took seconds). Here, how long the
// widget takes to refuse it, through the JS API in the release wasm.
const HOSTILE_KEY_BYTES = 256 * 1024;

async function measureHostile() {
  const page = await openPage("scale");
  try {
    await page.goto(`${origin}/scale.html`);
    await page.waitForFunction(() => window.factcards?.ready, null, { timeout: 30000 });
    const times = await page.evaluate(
      async ({ runs, bytes, sheet }) => {
        const { mount } = await window.factcards.ready;
        const hostile = { ...sheet, ["k".repeat(bytes)]: 1 };
        const times = [];
        for (let i = 0; i < runs; i++) {
          const host = document.createElement("div");
          document.body.append(host);
          const start = performance.now();
          let refused = false;
          try {
            mount(host, hostile);
          } catch {
            refused = true;
          }
          times.push(refused ? performance.now() - start : null);
          host.remove();
        }
        return times;
      },
      { runs: RUNS, bytes: HOSTILE_KEY_BYTES, sheet: JSON.parse(readFileSync(join(DIST, "moscow-isis-k.json"), "utf8")) },
    );
    return { refused: times.every((time) => time != null), ms: median(times), errors: page.errors };
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------- report

function report(results) {
  const parts = [];
  const { sizes, transfer: tr, startup, scaling, cls, lighthouse } = results;
  const budgets = [];

  const src = results.source;
  const built = src.commit ? ` of commit ${src.commit}${src.changedFiles ? ` plus ${src.changedFiles} uncommitted changed files` : ""}` : "";
  const busy = `load average ${results.loadAverage.start.toFixed(1)} at the start, ${results.loadAverage.end.toFixed(1)} at the end`;
  parts.push(`Measured ${new Date(results.date).toISOString().slice(0, 16).replace("T", " ")} UTC: the release build${built}, on ${results.machine} (${busy}), Chromium ${results.chromium}; medians of ${RUNS} runs.`);

  if (sizes) {
    const rows = sizes.files.map((f) => [`${f.what} (\`${f.file.replace(/-[0-9a-f]{16}/, "-*")}\`)`, kb(f.raw), kb(f.gzip), kb(f.brotli), f.note]);
    const w = sizes.widget;
    rows.push([`**interactive widget** (${w.parts.join(" + ")})`, kb(w.raw), `**${kb(w.gzip)}**`, kb(w.brotli), "what the drop-in fetches for the bundled story"]);
    parts.push(`### Sizes\n\n${table(["file", "raw", "gzip -9", "brotli", "note"], rows)}`);
    budgets.push(["interactive widget ≤ 110 KB gzipped", `${kb(w.gzip)} gzip, ${kb(w.brotli)} brotli`, pass(w.gzip <= 110 * 1024), over(w.gzip, 110 * 1024, kb)]);
  }
  if (tr) {
    const rows = tr.map((t) => [t.label, String(t.requests.length), kb(t.total), [...new Set(t.requests.map((r) => r.encoding))].join(", "), t.note]);
    parts.push(`### Transfer (browser network log: bytes on the wire, headers included)\n\n${table(["page", "requests", "transferred", "encodings", "what"], rows)}`);
  }
  if (startup) {
    const s = startup.summary;
    const f = s.floor.firstFact;
    const at = (value, [lo, hi]) => (value == null ? "n/a" : `${ms(value)} (${ms(lo)}–${ms(hi)})`);
    const rows = [
      ["floor: static HTML, same markup and CSS, no JS", at(f, s.floor.firstFactSpread), "×1.00", "never (no JS)", "—"],
      ["drop-in, no fallback (`<div data-factcards>` + loader)", at(s.widget.firstFact, s.widget.firstFactSpread), x(s.widget.firstFactRatio), at(s.widget.interactive, s.widget.interactiveSpread), x(s.widget.interactiveRatio)],
      ["drop-in over the fallback (`factcards render` + loader)", at(s.ssr.firstFact, s.ssr.firstFactSpread), x(s.ssr.firstFactRatio), at(s.ssr.interactive, s.ssr.interactiveSpread), x(s.ssr.interactiveRatio)],
    ];
    parts.push(
      `### Startup, bundled story (network: ${NETWORK}; ms from navigation: median (p25–p75) of ${STARTUP_RUNS}; ratio: median of the runs' ratios to the floor loaded in the same round)\n\n${table(["page", "first fact visible", "ratio to floor", "interactive", "ratio to floor"], rows)}\n\n` +
        `Over the fallback: the wasm arrives at ${ms(s.ssr.wasmArrived)} ms and takes over at ${ms(s.ssr.takeover)} ms; ` +
        `the fallback was on screen before the takeover in every run: ${s.ssr.staticBeforeTakeover ? "yes" : "no"} ` +
        `(and before the wasm had even finished downloading in ${s.ssr.firstFactBeforeWasm} of ${s.ssr.runs}); ` +
        `largest move of the first 4 cards at the takeover: ${s.ssr.jumpPx === Infinity ? "n/a" : `${s.ssr.jumpPx.toFixed(1)} px`} (worst run); ` +
        `frames without facts during the takeover: ${s.ssr.blankFrames}; CLS of that page: ${s.ssr.cls.toFixed(4)}` +
        `${s.ssr.clsShifts?.length ? ` (worst run: ${s.ssr.clsShifts.map((h) => `${h.value.toFixed(4)} at ${h.at} ms moving ${h.sources.join(", ").replace(/\?/g, "(a node it does not name)")}`).join("; ")})` : ""}` +
        `, floor page's worst CLS: ${s.floor.cls.toFixed(4)}. ` +
        `Memory after load (no fallback): JS heap ${mb(s.widget.memory.jsHeap)} + wasm ${mb(s.widget.memory.wasm)} = ${mb(s.widget.memory.total)} (floor page: ${mb(s.floor.memory)} JS heap).`,
    );
    const ssrRatio = s.ssr.firstFactRatio;
    budgets.push([
      "static first: over the fallback, first fact ≤ 1.05 × floor, shown before the takeover, no jump",
      `${x(ssrRatio)}, before the takeover: ${s.ssr.staticBeforeTakeover ? "yes" : "no"}, jump ${s.ssr.jumpPx === Infinity ? "n/a" : `${s.ssr.jumpPx.toFixed(1)} px`}, blank frames ${s.ssr.blankFrames}`,
      pass(ssrRatio != null && ssrRatio <= 1.05 && s.ssr.staticBeforeTakeover && s.ssr.jumpPx <= 0.5 && s.ssr.blankFrames === 0),
      [
        over(ssrRatio, 1.05, (v) => `×${v.toFixed(2)} of the floor`),
        s.ssr.staticBeforeTakeover ? "" : "the fallback before the takeover in every run",
        Number.isFinite(s.ssr.jumpPx) ? over(s.ssr.jumpPx, 0.5, (v) => `${v.toFixed(1)} px of jump`) : "",
        s.ssr.blankFrames ? `${s.ssr.blankFrames} blank frames` : "",
      ].filter(Boolean).join(", "),
    ]);
    budgets.push(["no fallback: first fact ≤ floor + 100 ms", `${ms(s.widget.firstFact)} ms vs ${ms(f)} + 100 ms`, pass(s.widget.firstFact != null && s.widget.firstFact <= f + 100), over(s.widget.firstFact, f + 100, (v) => `${ms(v)} ms`)]);
    budgets.push(["wasm + JS heap ≤ 4 MB (bundled story)", mb(s.widget.memory.total), pass(s.widget.memory.total <= 4 * 1048576), over(s.widget.memory.total, 4 * 1048576, mb)]);
  }
  if (scaling) {
    const cell = (w, b, p95 = false) => (w?.median == null ? "n/a" : `${ms(w.median)}${p95 ? ` (p95 ${ms(w.p95)})` : ""} · ${ms(b?.median)} · ${x(ratio(w.median, b?.median))}`);
    const rows = SIZES.map((n) => {
      const r = scaling[n];
      const lt = (l) => (l.traced != null ? `${ms(l.traced)} (cpu ${ms(l.tracedCpu)})` : l.longtaskObserverMax > 0 ? ms(l.longtaskObserverMax) : "<50");
      return [
        n.toLocaleString("en"),
        cell(r.widget.first, r.floor.first),
        cell(r.widget.render, r.floor.render) + (r.widget.complete ? "" : " ⚠"),
        cell(r.widget.toggleOn, r.floor.toggleOn, true),
        cell(r.widget.toggleOff, r.floor.toggleOff, true),
        r.widget.key ? cell(r.widget.key, r.floor.key, true) : "n/a (no `.fc-search__input`)",
        `${mb(r.widget.memory.total)} (JS ${mb(r.widget.memory.jsHeap)} + wasm ${mb(r.widget.memory.wasm)}) · ${mb(r.floor.memory.total)}`,
        `${lt(r.widget.longestTask)} · ${lt(r.floor.longestTask)}`,
        // Runs from before keystrokeTasks have none.
        r.widget.keystrokeTask ? `${ms(r.widget.keystrokeTask.type)} · ${ms(r.widget.keystrokeTask.clear)}` : "n/a",
      ];
    });
    parts.push(
      `### Scaling, generated sheets (ms, median of ${RUNS} renders; widget · static-markup baseline · ratio)\n\n` +
        table(["facts", "first cards drawn", "render (every card)", "toggle: one category", "toggle: all again", `search keystroke ("${SEARCH_KEY}")`, "heap after render", "longest task", `one keystroke's longest task (typing "${SEARCH_KEY}" · clearing it)`], rows),
    );
    const metric = {
      "first cards drawn": (n) => scaling[n].widget.first.median,
      render: (n) => scaling[n].widget.render.median,
      "toggle: one category": (n) => scaling[n].widget.toggleOn.median,
      "toggle: all again": (n) => scaling[n].widget.toggleOff.median,
      keystroke: (n) => scaling[n].widget.key?.median,
      "heap (JS + wasm)": (n) => scaling[n].widget.memory.total,
      "longest task": (n) => scaling[n].widget.longestTask.traced,
    };
    const growths = {};
    const grows = Object.entries(metric).map(([name, get]) => {
      const g = (growths[name] = growth(Object.fromEntries(SIZES.map((n) => [n, get(n)]))));
      return [name, ...g.steps.map((s) => (s == null ? "n/a" : `×${s.toFixed(1)}`)), g.name];
    });
    results.growth = growths;
    const stepNames = SIZES.slice(1).map((n, i) => `${SIZES[i].toLocaleString("en")} → ${n.toLocaleString("en")}`);
    parts.push(`Growth of the widget's costs per 10× more facts (≈linear if ≤ ×12):\n\n${table(["cost", ...stepNames, "growth"], grows)}`);
    // Render, toggle and keystroke against the static markup of the same
    // sheet in the same run (ratio of the medians, as the table shows): a
    // busy machine slows both alike.
    const versus = (label, w, b, limit, note = "") => {
      const r = ratio(w?.median, b?.median);
      budgets.push([
        `${label} ≤ ${limit}× the static baseline`,
        w?.median == null ? "n/a" : `${ms(w.median)} ms vs ${ms(b?.median)} ms: ${x(r)}${note}`,
        pass(r == null ? null : r <= limit),
        r == null || r <= limit ? "" : `${ms(w.median - limit * b.median)} ms to cut (${x(r)} → ×${limit.toFixed(2)})`,
      ]);
    };
    for (const n of [1000, 10000]) {
      const r = scaling[n];
      if (!r) continue;
      const facts = `${n.toLocaleString("en")} facts`;
      // The budget is on every card rendered; the first cards drawn are
      // printed beside it, for information.
      versus(`${facts}: render every card`, r.widget.render, r.floor.render, 2.5, ` (first cards drawn ${ms(r.widget.first.median)} ms)`);
      // The worse direction of the two toggles.
      const toggles = [[r.widget.toggleOn, r.floor.toggleOn], [r.widget.toggleOff, r.floor.toggleOff]];
      const [tw, tb] = toggles.reduce((a, b) => ((ratio(b[0].median, b[1].median) ?? 0) > (ratio(a[0].median, a[1].median) ?? 0) ? b : a));
      versus(`${facts}: category toggle (worse direction)`, tw, tb, 2);
      if (r.widget.key) versus(`${facts}: search keystroke`, r.widget.key, r.floor.key, 2);
      else budgets.push([`${facts}: search keystroke ≤ 2× the static baseline`, "n/a (no search box)", "n/a"]);
    }
    const t = scaling[10000];
    if (t) {
      const key = t.widget.keystrokeTask;
      budgets.push([
        "10,000 facts: a search keystroke has no task > 100 ms",
        key ? `${ms(key.type)} ms (clearing it: ${ms(key.clear)} ms; median of ${key.n} traces)` : "n/a",
        pass(key?.type == null ? null : key.type <= 100),
        over(key?.type, 100, (v) => `${ms(v)} ms`),
      ]);
      const longest = t.widget.longestTask.traced ?? t.widget.longtaskObserverMax;
      budgets.push(["10,000 facts: no task > 200 ms (render, toggles, search)", `${ms(longest)} ms`, pass(longest <= 200), over(longest, 200, (v) => `${ms(v)} ms`)]);
      const gt = [growths.render, growths["toggle: one category"], growths["toggle: all again"], growths.keystroke].filter((g) => g.worst != null);
      const worst = Math.max(...gt.map((g) => g.worst));
      budgets.push(["linear growth (render, toggles, keystroke)", `worst ×${worst.toFixed(1)} per 10×`, pass(worst <= 12)]);
    }
  }
  if (cls) {
    const rows = Object.values(cls).map((c) => [
      `${c.page}${c.page === "news-article.html" ? "" : " (no budget)"}`,
      `${c.width} px`,
      c.median.toFixed(4),
      c.max.toFixed(4),
      c.worstShifts.length ? c.worstShifts.map((s) => `${s.value.toFixed(4)} at ${s.at} ms (${s.sources.join(", ")})`).join("; ") : "none",
    ]);
    parts.push(`### Layout stability: CLS during load, until load + 2 s without a shift (median of ${RUNS})\n\n${table(["page", "width", "CLS median", "CLS worst run", "shifts in the worst run (moved elements)"], rows)}`);
    const worst = Math.max(...Object.values(cls).filter((c) => c.page === "news-article.html").map((c) => c.max));
    budgets.push(["CLS exactly 0 (news-article.html, 375 and 1280 px)", worst.toFixed(4), pass(worst === 0), worst > 0 ? `a CLS of ${worst.toFixed(4)} (the shifts are listed above)` : ""]);
  }
  if (lighthouse?.length) {
    const rows = lighthouse.map((l) => [
      l.page,
      l.preset,
      l.error ? `error: ${l.error}` : String(l.performance),
      l.error ? "" : String(l.accessibility),
      l.error ? "" : `FCP ${ms(l.metrics["first-contentful-paint"])} · LCP ${ms(l.metrics["largest-contentful-paint"])} · TBT ${ms(l.metrics["total-blocking-time"])} · CLS ${(l.metrics["cumulative-layout-shift"] ?? 0).toFixed(3)}${l.failedAccessibilityAudits?.length ? ` · a11y fails: ${l.failedAccessibilityAudits.join(", ")}` : ""}${l.bestPractices != null ? ` · best practices ${l.bestPractices}${l.failedBestPracticesAudits.length ? ` (fails: ${l.failedBestPracticesAudits.join(", ")})` : ""}` : ""}${l.seo != null ? ` · SEO ${l.seo}${l.failedSeoAudits.length ? ` (fails: ${l.failedSeoAudits.join(", ")})` : ""}` : ""}`,
    ]);
    parts.push(`### Lighthouse 12.2.3 (${LH_RUNS === 1 ? "one run each" : `median of ${LH_RUNS} runs`})\n\n${table(["page", "preset", "performance", "accessibility", "metrics (ms)"], rows)}`);
    const ok = lighthouse.filter((l) => !l.error);
    // Performance is held on the example article, a host page as a newsroom
    // has it; the demo page is shown beside it. Accessibility on both.
    const article = ok.filter((l) => l.page === "news-article.html");
    if (article.length) {
      const demo = ok.filter((l) => l.page === "demo page");
      budgets.push([
        "Lighthouse performance ≥ 98 (news-article.html)",
        article.map((l) => `${l.preset} ${l.performance}`).join(", ") + (demo.length ? ` (demo page, no budget: ${demo.map((l) => `${l.preset} ${l.performance}`).join(", ")})` : ""),
        pass(article.every((l) => l.performance >= 98)),
        article.filter((l) => l.performance < 98).map((l) => `${l.preset} ${98 - l.performance} points to gain`).join(", "),
      ]);
    }
    // The story page on a phone, in every category measured there.
    const story = lighthouse.find((l) => l.page === STORY.name && l.preset === "mobile");
    if (story) {
      const scores = story.error ? [] : [["performance", story.performance], ["accessibility", story.accessibility], ["best practices", story.bestPractices], ["SEO", story.seo]];
      const fails = [["accessibility", story.failedAccessibilityAudits], ["best practices", story.failedBestPracticesAudits], ["SEO", story.failedSeoAudits]]
        .filter(([, audits]) => audits?.length).map(([category, audits]) => `${category}: ${audits.join(", ")}`);
      budgets.push([
        "story page: Lighthouse mobile 100 (performance, accessibility, best practices, SEO)",
        story.error ? `error: ${story.error}` : scores.map(([category, score]) => `${category} ${score}`).join(", "),
        pass(!story.error && scores.every(([, score]) => score === 100)),
        story.error ? "" : [...scores.filter(([, score]) => score !== 100).map(([category, score]) => `${category} ${100 - score} point${100 - score === 1 ? "" : "s"} to gain`), ...fails].join("; "),
      ]);
    }
    if (ok.length) {
      budgets.push([
        "Lighthouse accessibility 100",
        ok.map((l) => `${l.page} ${l.preset} ${l.accessibility}`).join(", "),
        pass(ok.every((l) => l.accessibility === 100)),
        ok.filter((l) => l.accessibility !== 100).map((l) => `${l.page} ${l.preset}: ${l.failedAccessibilityAudits?.join(", ") || `${100 - l.accessibility} points`}`).join("; "),
      ]);
    }
  }
  if (results.peer) parts.push(peerReport(results.peer, { table, ms, kb, x, pass, median, over }, budgets));
  if (results.frame) parts.push(frameReport(results.frame, { table, ms, kb, x, pass, median, over }, budgets));
  if (results.update) {
    const cell = (update, initial, r, cpu) => `${ms(update)}${cpu == null ? "" : ` (cpu ${ms(cpu)})`} · ${ms(initial)} · ${x(r)}`;
    const rows = Object.entries(results.update.summary).map(([name, u]) => [
      `${UPDATE_PROFILES[name].label}${u.good < u.runs ? ` (${u.good} of ${u.runs} runs complete)` : ""}`,
      cell(u.update.longestTask, u.initial.longestTask, u.ratio.longestTask, u.update.longestTaskCpu),
      cell(u.update.total, u.initial.total, u.ratio.total),
    ]);
    const counts = Object.values(results.update.summary).find((u) => u.counts)?.counts;
    parts.push(
      `### Live update: one status moved in the ${UPDATE_FACTS.toLocaleString("en")}-fact sheet (ms, median of ${RUNS}; update · initial render of the same sheet in the same page · median of the runs' ratios)\n\n` +
        table(["profile", "longest main-thread task", "total: sheet response → DOM settled"], rows) +
        `\n\nThe release build, reading its sheet live (\`data-live="30"\`; the 30-s timer fired on demand). ` +
        `Total: from the end of the poll's response to a frame after the changed fact is marked; for the initial render, from the end of the sheet's response to a frame after every card is drawn. ` +
        `Longest task: from a Chromium trace of the update, and of the whole first load (the wasm's start included) for the initial render. ` +
        `The update's \`factcards:update\` counts: ${counts ? JSON.stringify(counts) : "n/a"}.`,
    );
    // The phone first: a 4× slower CPU is where a task grows past 50 ms.
    const profiles = ["mobile", "desktop"].filter((name) => results.update.summary[name]).map((name) => [name, results.update.summary[name].update]);
    const worst = profiles.some(([, u]) => u.longestTask == null) ? null : Math.max(...profiles.map(([, u]) => u.longestTask));
    budgets.push([
      `live update of one fact on ${UPDATE_FACTS.toLocaleString("en")} facts: no task > 50 ms`,
      profiles.map(([name, u]) => `${name} ${ms(u.longestTask)} ms (cpu ${ms(u.longestTaskCpu)})`).join(", "),
      pass(worst == null ? null : worst <= 50),
      profiles.map(([name, u]) => over(u.longestTask, 50, (v) => `${ms(v)} ms`, name)).filter(Boolean).join(", "),
    ]);
  }
  if (results.editor) {
    const e = results.editor;
    parts.push(
      `### Editor: typing "${EDITOR_TYPED.trim()}" into a fact of a ${EDITOR_CARDS}-card sheet, 60 ms a key, until the preview shows it (median of ${RUNS})\n\n` +
        `Longest main-thread task: ${ms(e.longestTask)} ms (cpu ${ms(e.longestTaskCpu)}). ` +
        "The preview follows once typing pauses for 250 ms and re-renders only the edited card (tools/e2e/editor.test.mjs).",
    );
  }
  if (results.hostile) {
    const h = results.hostile;
    parts.push(
      `### A hostile sheet: a ${HOSTILE_KEY_BYTES / 1024} KiB field name\n\n` +
        `Refused by \`factcards.mount\` in ${ms(h.ms)} ms (median of ${RUNS})${h.refused ? "" : "; ⚠ not refused in every run"}. ` +
        "tests/properties.rs bounds what the check allocates for it.",
    );
  }
  // "What is left": for a FAIL, how far the figure is from its budget.
  parts.push(`### Budgets\n\n${table(["budget", "measured", "", "what is left"], budgets.map(([budget, measured, verdict, left = ""]) => [budget, measured, verdict, verdict === "FAIL" ? left : ""]))}`);
  results.budgets = budgets.map(([budget, measured, verdict, left = ""]) => ({ budget, measured, verdict, left: verdict === "FAIL" ? left : "" }));
  return parts.join("\n\n");
}

// ---------------------------------------------------------------- main

let results;
async function timed(name, body) {
  const t0 = Date.now();
  try {
    return await body();
  } finally {
    results.seconds[name] = Math.round((Date.now() - t0) / 1000);
  }
}

/** The commit measured, and whether the work tree had changes to the widget's sources. */
function gitState() {
  const git = (...args) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
  try {
    const changed = git("status", "--porcelain", "--", "src", "styles", "web", "Cargo.toml", "Cargo.lock", "index.html", "data");
    return { commit: git("rev-parse", "--short", "HEAD"), changedFiles: changed ? changed.split("\n").length : 0 };
  } catch {
    return { commit: null, changedFiles: null };
  }
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  rmSync(DIST, { recursive: true, force: true });
  cpSync(join(ROOT, "dist"), DIST, { recursive: true });
  const chromiumVersion = execFileSync(CHROMIUM, ["--version"], { encoding: "utf8" }).trim().replace(/^Chromium /, "").split(" ")[0];
  const cpus = os.cpus();
  results = {
    date: started,
    machine: `${cpus.length} × ${cpus[0]?.model?.trim() ?? "cpu"}`,
    chromium: chromiumVersion,
    runs: RUNS,
    network: NETWORK,
    source: gitState(),
    // The 1-minute load average: on a shared machine, say how busy it was.
    loadAverage: { start: loadavg()[0], end: null },
    seconds: {},
    sizes: null,
  };
  log("generating the pages and sheets");
  const { sheets, check } = writePages();
  if (want("update")) writeLivePage();
  results.sheetCheck = check;
  log(`check ${check.sheet}: ${check.ok ? "ok" : "FAILED"} ${check.output}`);

  const server = await serve([SITE, DIST], 0, { routes: { [LIVE_PATH]: liveRoute } });
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
  try {
    if (want("sizes") || want("transfer")) await timed("sizes", async () => {
      const files = measureSizes();
      const parts = files.filter((f) => ["wasm", "JS glue", "loader"].includes(f.what));
      results.sizes = { files, widget: null };
      log("network log of the demo page and the drop-in");
      const demo = await transfer("", () => document.querySelector("#demo-widget")?.shadowRoot?.querySelector(".fc-fact__text") != null);
      const embed = await transfer("widget.html", () => document.querySelector("[data-factcards]")?.shadowRoot?.querySelector(".fc-fact__text") != null);
      // The budget counts what the drop-in really fetches: loader, glue, wasm,
      // and the CSS or JSON too if the widget ever fetches them separately.
      for (const extra of files.filter((f) => ["CSS", "bundled story"].includes(f.what))) {
        if (embed.requests.some((r) => r.path === `/${extra.file}`)) parts.push(extra);
      }
      const sum = (key) => parts.reduce((total, f) => total + f[key], 0);
      results.sizes.widget = { parts: parts.map((f) => f.what), raw: sum("raw"), gzip: sum("gzip"), brotli: sum("brotli") };
      const embedOnly = { ...embed, requests: embed.requests.filter((r) => r.path !== "/widget.html") };
      embedOnly.total = embedOnly.requests.reduce((total, r) => total + r.bytes, 0);
      results.transfer = [
        { label: "demo page (`/`)", note: "page, its CSS and scripts, loader, glue, wasm, the story's JSON (for the option form), favicon", ...demo },
        { label: "drop-in embed", note: `what a host page loads: ${embedOnly.requests.map((r) => `${r.path.slice(1).replace(/-[0-9a-f]{16}/, "-*")} ${kb(r.bytes)}`).join(" + ")}`, ...embedOnly },
      ];
    });
    if (want("startup")) {
      log("startup");
      results.startup = await timed("startup", measureStartup);
    }
    if (want("scaling")) {
      log("scaling");
      results.scaling = await timed("scaling", () => measureScaling(sheets));
    }
    if (want("cls")) {
      log("layout stability");
      results.cls = await timed("cls", measureCls);
    }
    if (want("update")) {
      log("a live update");
      results.update = await timed("update", measureUpdate);
    }
    if (want("editor")) {
      log("the editor");
      results.editor = await timed("editor", measureEditor);
    }
    if (want("hostile")) {
      log("a hostile sheet");
      results.hostile = await timed("hostile", measureHostile);
    }
    // The peer and the frame page show the bundled story, as dist/ has it.
    const bundled = join(DIST, "moscow-isis-k.json");
    const story = () => ({ browser, origin, site: SITE, sheet: JSON.parse(readFileSync(bundled, "utf8")), fallback: render(bundled), networks: NETWORKS, runs: RUNS, median, log });
    if (want("peer")) {
      log("the peer: TimelineJS");
      results.peer = await timed("peer", () => measurePeer({ ...story(), loader: LOADER }));
    }
    if (want("frame")) {
      log("the frame page: factcards' iframe against TimelineJS's");
      results.frame = await timed("frame", () => measureFrame({ ...story(), cli: CLI, sheetPath: bundled }));
    }
  } finally {
    await browser.close();
  }
  if (want("lighthouse") && LIGHTHOUSE.length) {
    log("lighthouse");
    results.lighthouse = await timed("lighthouse", measureLighthouse);
  }
  server.close();

  results.loadAverage.end = loadavg()[0];
  const markdown = report(results);
  results.seconds.total = Math.round((Date.now() - started) / 1000);
  const parts = Object.entries(results.seconds).filter(([k]) => k !== "total").map(([k, v]) => `${k} ${v} s`).join(", ");
  const text = `${markdown}\n\nBenchmark time: ${results.seconds.total} s (${parts}), build not included; \`RUNS=${RUNS} scripts/bench\`.\n`;
  writeFileSync(join(OUT, "results.json"), `${JSON.stringify(results, null, 1)}\n`);
  writeFileSync(join(OUT, "results.md"), text);
  console.log(text);
  const errors = [...new Set([...(results.startup?.errors ?? []), ...Object.values(results.scaling ?? {}).flatMap((r) => r.errors), ...(results.update?.errors ?? []), ...(results.editor?.errors ?? []), ...(results.hostile?.errors ?? [])])];
  if (errors.length) log(`page errors seen: ${errors.join(" | ")}`);
  log(`wrote ${join("target/bench", "results.json")} and results.md`);
}

/** REPORT_ONLY=1: prints the report of the last run's results.json again (after a change to the report). */
function reportOnly() {
  results = JSON.parse(readFileSync(join(OUT, "results.json"), "utf8"));
  if (results.startup) results.startup.summary = summarizeStartup(results.startup.runs);
  const markdown = report(results);
  const parts = Object.entries(results.seconds).filter(([k]) => k !== "total").map(([k, v]) => `${k} ${v} s`).join(", ");
  const text = `${markdown}\n\nBenchmark time: ${results.seconds.total} s (${parts}), build not included; \`RUNS=${results.runs} scripts/bench\`.\n`;
  writeFileSync(join(OUT, "results.json"), `${JSON.stringify(results, null, 1)}\n`);
  writeFileSync(join(OUT, "results.md"), text);
  console.log(text);
}

try {
  if (process.env.REPORT_ONLY === "1") reportOnly();
  else await main();
} catch (error) {
  console.error(`[bench] ${error.message ?? error}`);
  process.exit(1);
}
