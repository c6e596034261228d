// The peer in the benchmark (ONLY=peer): factcards against Knight Lab's
// TimelineJS 3.9.11 (npm @knight-lab/timelinejs, a dev dependency of
// tools/bench), on one host article page, with the same story, from the
// benchmark's own server (gzip), in the same run. Four pages differ only in
// the facts box:
//   floor     the CLI's fallback markup, no script (the static floor);
//   ssr       the same markup inside the mount, then the drop-in loader;
//   dropin    a bare `<div data-factcards>` and the loader, as pasted;
//   timeline  TimelineJS with the sheet as slides (timeline.mjs), its CSS
//             and JS from the package's dist/ in <head>, `new TL.Timeline`
//             after the container, as its "instantiate" docs do.
// Each profile (desktop; mobile: 375 px, 4× CPU, slow 4G) loads every page
// once unmeasured, then RUNS rounds of the four in a rotating order, each
// load in a fresh context (empty cache) while Chromium traces.
//
// Per load: bytes fetched (CDP encodedDataLength of every response, headers
// included; `body` is the gzip bodies alone), first title shown
// (peer-probe.js: laid out with text and not hidden, at the end of that
// frame; below the fold on a phone for factcards' first card), ready (factcards:ready; TimelineJS's `loaded` event),
// and the longest main-thread task and total blocking time (sum of each
// task's time over 50 ms) of the renderer, from the trace, counting tasks
// that start between the navigation and ready (load for the floor) + 500 ms;
// also the longest of those tasks that ran the page's own widget code (see
// runsCode: the budget on the widget's tasks leaves out the host page's
// parsing and layout, which the floor pays too).
// Nothing leaves the loopback: every URL off the server's origin is blocked
// in the browser and listed (TimelineJS's default font CSS asks Google Fonts
// for its typefaces, which the package does not hold).
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { escape, toTimeline } from "./timeline.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const PROBE = readFileSync(join(HERE, "peer-probe.js"), "utf8");
/** The installed TimelineJS package: its folder and version, looked up when the peer is measured. */
export function timelinejs() {
  const manifest = createRequire(import.meta.url).resolve("@knight-lab/timelinejs/package.json");
  return { dist: join(dirname(manifest), "dist"), version: JSON.parse(readFileSync(manifest, "utf8")).version };
}
/** ms measured after ready (or load) for late tasks. */
const SETTLE = 500;
/** Chromium's long-task threshold, which total blocking time counts beyond. */
const BLOCKING = 50;

/** `network` names an entry of bench.mjs's NETWORKS. */
/** What a reader's phone may fetch for the bundled story's deck, in KB gzip, the map included. */
const FETCHED_BUDGET_KB = 150;

export const PROFILES = {
  desktop: { label: "desktop: 1280 px, no throttling", width: 1280, height: 900, cpu: 1, network: "loopback" },
  mobile: { label: "mobile: 375 px, 4× CPU slowdown, slow 4G (150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up)", width: 375, height: 812, cpu: 4, network: "slow4g" },
};

const FACTCARDS_TITLE = { host: "[data-factcards]", title: ".fc-card__title" };
// `code`: the URLs of the widget's own code on that page (runsCode); the
// floor has none.
const FACTCARDS_CODE = { url: /\/(factcards\.js|factcards-(web|live)(-[0-9a-f]+)?\.js|[^/]*_bg\.wasm)(\?|$)/, wasm: true };
export const PAGES = [
  { id: "floor", label: "static floor (same facts as HTML, no script)", spec: { ...FACTCARDS_TITLE, ready: null }, code: null },
  { id: "ssr", label: "factcards over its server-rendered fallback", spec: { ...FACTCARDS_TITLE, ready: "factcards:ready" }, code: FACTCARDS_CODE },
  { id: "dropin", label: "factcards drop-in, no fallback", spec: { ...FACTCARDS_TITLE, ready: "factcards:ready" }, code: FACTCARDS_CODE },
  // The title slide comes first: its headline is the first slide's title.
  { id: "timeline", label: "TimelineJS", spec: { host: null, title: ".tl-storyslider .tl-slide .tl-headline", ready: "timelinejs:loaded" }, code: { url: /\/timelinejs\//, wasm: false } },
];

// ---------------------------------------------------------------- the pages

const FILLER = "This paragraph stands in for the article's own text around the facts box. Every page of the comparison has the same words, styles and layout; only the box differs.";

/** The host article page: a masthead, the story's headline, the facts box near the top, then the text. */
export function article(sheet, what, box, head = "") {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${escape(sheet.sources?.[0]?.title ?? sheet.title)} (bench: ${what})</title>
<link rel="icon" href="data:," />
<style>
  body { margin: 0; font: 18px/1.5 Georgia, "Times New Roman", serif; color: #1a1a1a; background: #fff; }
  .masthead { padding: 10px 16px; border-bottom: 1px solid #ddd; font: 700 20px/1.2 system-ui, sans-serif; }
  main { max-width: 720px; margin: 0 auto; padding: 0 16px 48px; }
  h1 { font-size: 1.6em; line-height: 1.2; margin: 16px 0 8px; }
  .byline { font: 14px/1.4 system-ui, sans-serif; color: #555; margin: 0 0 16px; }
  .facts { margin: 0 0 24px; }
</style>
${head}</head>
<body>
<header class="masthead">The Example Times</header>
<main>
<article>
<h1>${escape(sheet.sources?.[0]?.title ?? sheet.title)}</h1>
<p class="byline">By the newsroom · updated ${escape(sheet.updated)}</p>
<div class="facts">
${box}
</div>
${Array.from({ length: 6 }, () => `<p>${FILLER}</p>`).join("\n")}
</article>
</main>
</body>
</html>
`;
}

/**
 * Copies TimelineJS's dist/ files under site/timelinejs/, so that they come
 * from the benchmark's server: without source maps, and of embed/ only its
 * iframe page (index.html; the frame comparison's).
 */
export function copyTimelinejs(site, dist) {
  const embed = join(dist, "embed");
  const keep = (path) => !path.endsWith(".map") && (!path.startsWith(embed) || path === embed || path === join(embed, "index.html"));
  cpSync(dist, join(site, "timelinejs"), { recursive: true, filter: keep });
}

/** The static floor's page: the host article with the CLI's fallback markup and no script. */
export const FLOOR_PAGE = "peer-floor.html";
export function writeFloor(site, sheet, fallback) {
  writeFileSync(join(site, FLOOR_PAGE), article(sheet, "static floor", `<div data-factcards>${fallback}</div>`));
  return FLOOR_PAGE;
}

/**
 * Writes the four pages into `site` (the floor by writeFloor) and copies
 * TimelineJS (copyTimelinejs). `fallback` is the CLI's render of the
 * bundled story.
 */
function writePages(site, sheet, fallback, loader, dist) {
  copyTimelinejs(site, dist);
  const data = JSON.stringify(toTimeline(sheet)).replace(/</g, "\\u003c");
  const paths = { floor: writeFloor(site, sheet, fallback) };
  const files = {
    ssr: article(sheet, "factcards over its fallback", `<div data-factcards>${fallback}</div>\n${loader}`),
    dropin: article(sheet, "factcards drop-in", `<div data-factcards style="min-height:100vh"></div>\n${loader}`),
    timeline: article(
      sheet,
      "TimelineJS",
      `<div id="timeline-embed" style="width: 100%; height: 600px"></div>
<script>
  window.timeline = new TL.Timeline("timeline-embed", ${data}, { script_path: new URL("timelinejs/js/", location.href).href });
  window.timeline.on("loaded", () => document.dispatchEvent(new Event("timelinejs:loaded")));
</script>`,
      `<link rel="stylesheet" href="timelinejs/css/timeline.css" />\n<script src="timelinejs/js/timeline.js"></script>\n`,
    ),
  };
  for (const [id, html] of Object.entries(files)) {
    paths[id] = `peer-${id}.html`;
    writeFileSync(join(site, paths[id]), html);
  }
  return paths;
}

// ---------------------------------------------------------------- one load

/** The trace events that say which script code runs, and where their URL is. */
const CODE_EVENTS = {
  FunctionCall: (e) => e.args?.data?.url,
  EvaluateScript: (e) => e.args?.data?.url,
  "v8.compile": (e) => e.args?.data?.url ?? e.args?.fileName,
  "v8.compileModule": (e) => e.args?.data?.url ?? e.args?.fileName,
  // Chromium's long-animation-frame script timing (begin events): the only
  // event naming the script when a promise continuation runs it (the
  // loader's `fetch` → instantiateStreaming, say), which has no FunctionCall.
  "AnimationFrame::Script::Compile": (e) => e.args?.animation_frame_script_timing_info?.source_location_url,
  "AnimationFrame::Script::Execute": (e) => e.args?.animation_frame_script_timing_info?.source_location_url,
};

/**
 * Whether a trace event runs the code `code` describes: a call, compile or
 * evaluation of a script whose URL it matches, or (`code.wasm`) any
 * WebAssembly compile, instantiation or lazy compile (v8.wasm), since
 * factcards' wasm is the only wasm on these pages. Events that only name a
 * URL (the parser's preload scan requesting factcards.js, the fallback's
 * factcards.css being parsed) do not run it, and do not count.
 */
function runsCode(e, code) {
  if (code.wasm && String(e.cat).split(",").includes("v8.wasm")) return true;
  const url = CODE_EVENTS[e.name]?.(e);
  return typeof url === "string" && code.url.test(url);
}

/**
 * Main-thread tasks of the page's renderer from a trace, in ms since its
 * navigation started; `own`: the task ran code `code` describes (runsCode)
 * in it.
 */
function rendererTasks(trace, syncName, syncAt, code) {
  const events = trace.traceEvents ?? trace;
  // performance.mark(syncName) at syncAt (page clock) ties the trace clock to
  // the page's, and names the renderer's main thread.
  const sync = events.find((e) => e.name === syncName && String(e.cat).includes("blink.user_timing"));
  if (!sync) return null;
  const origin = sync.ts - syncAt * 1000;
  const thread = events.filter((e) => e.pid === sync.pid && e.tid === sync.tid);
  // A task is a toplevel slice that no other contains: mostly RunTask, but
  // also microtask checkpoints run outside one (where a resolved promise,
  // such as the wasm's instantiation, continues). Only toplevel: the finer
  // categories traced for runsCode are inside tasks.
  const slices = thread
    .filter((e) => e.ph === "X" && String(e.cat).split(",").includes("toplevel"))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks = [];
  let busyUntil = -Infinity;
  for (const e of slices) {
    if (e.ts < busyUntil) continue;
    busyUntil = e.ts + (e.dur ?? 0);
    tasks.push({ ts: e.ts, end: busyUntil, at: (e.ts - origin) / 1000, duration: (e.dur ?? 0) / 1000, own: false });
  }
  if (code) {
    // Each event that runs the code marks the task it starts in (tasks are
    // sorted and do not overlap: a binary search).
    for (const e of thread) {
      if (!runsCode(e, code)) continue;
      let lo = 0;
      let hi = tasks.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (tasks[mid].ts <= e.ts) lo = mid;
        else hi = mid - 1;
      }
      const task = tasks[lo];
      if (task && task.ts <= e.ts && e.ts < task.end) task.own = true;
    }
  }
  return tasks.map(({ at, duration, own }) => ({ at, duration, own }));
}

/**
 * One load of `url` in a fresh context with `profile`, traced; `page`: {
 * spec (peer-probe.js's), code (runsCode's, or null) }. `ctx`: { browser,
 * origin, networks }.
 */
export async function loadOnce(ctx, url, page, profile) {
  const context = await ctx.browser.newContext({ viewport: { width: profile.width, height: profile.height }, colorScheme: "light" });
  try {
    await context.addInitScript(`window.__peerSpec = ${JSON.stringify({ ...page.spec, settle: SETTLE })};\n${PROBE}`);
    const tab = await context.newPage();
    const errors = [];
    tab.on("pageerror", (error) => errors.push(String(error)));
    tab.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    const cdp = await context.newCDPSession(tab);
    await cdp.send("Network.enable");
    // The server answers brotli to a browser that takes it, as Chromium does
    // on the loopback; this comparison is of gzip, what every CDN serves.
    await cdp.send("Network.setExtraHTTPHeaders", { headers: { "Accept-Encoding": "gzip, deflate" } });
    // Only the server's origin may be reached; the rule order matters.
    await cdp.send("Network.setBlockedURLs", {
      urlPatterns: [
        { urlPattern: `${ctx.origin}/*`, block: false },
        { urlPattern: "*://*/*", block: true },
      ],
    });
    const network = ctx.networks[profile.network];
    if (network) await cdp.send("Network.emulateNetworkConditions", network);
    if (profile.cpu > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
    const requests = new Map();
    cdp.on("Network.requestWillBeSent", (e) => {
      if (!e.request.url.startsWith("data:")) requests.set(e.requestId, { url: e.request.url, bytes: 0, body: 0 });
    });
    cdp.on("Network.responseReceived", (e) => {
      const entry = requests.get(e.requestId);
      if (!entry) return;
      const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      Object.assign(entry, { status: e.response.status, encoding: headers["content-encoding"] ?? "identity", body: Number(headers["content-length"] ?? 0) });
    });
    cdp.on("Network.loadingFinished", (e) => {
      const entry = requests.get(e.requestId);
      if (entry) entry.bytes = e.encodedDataLength;
    });
    cdp.on("Network.loadingFailed", (e) => {
      const entry = requests.get(e.requestId);
      if (entry) entry.failed = e.blockedReason ?? e.errorText;
    });

    // devtools.timeline and v8.wasm: what runsCode looks for.
    await ctx.browser.startTracing(tab, { categories: ["toplevel", "blink.user_timing", "devtools.timeline", "v8.wasm"] });
    let timedOut = false;
    try {
      await tab.goto(url);
      await tab.waitForFunction(() => window.__peer?.end != null, null, { timeout: 45000, polling: 100 });
    } catch (error) {
      timedOut = true;
      errors.push(`timed out: ${error.message.split("\n")[0]}`);
    }
    const probe = await tab.evaluate(() => ({ ...window.__peer, sync: performance.getEntriesByName("peer:end")[0]?.startTime ?? null }));
    const tasks = rendererTasks(JSON.parse((await ctx.browser.stopTracing()).toString("utf8")), "peer:end", probe.sync, page.code) ?? [];
    const counted = tasks.filter((t) => t.at >= 0 && probe.end != null && t.at <= probe.end);
    const list = [...requests.values()].map((r) => ({ ...r, path: r.url.startsWith(ctx.origin) ? r.url.slice(ctx.origin.length) : r.url }));
    const local = list.filter((r) => r.url.startsWith(ctx.origin));
    // The host document's layout shifts until the end.
    const shifts = probe.shifts.filter((shift) => probe.end != null && shift.at <= probe.end);
    return {
      firstTitle: probe.firstTitle,
      ready: probe.ready,
      load: probe.load,
      end: probe.end,
      cls: shifts.reduce((sum, shift) => sum + shift.value, 0),
      shifts,
      timings: probe.timings,
      bytes: local.reduce((sum, r) => sum + r.bytes, 0),
      body: local.reduce((sum, r) => sum + r.body, 0),
      longestTask: counted.length ? Math.max(...counted.map((t) => t.duration)) : null,
      // 0 if no counted task ran it; null on a page without code of its own.
      longestOwnTask: page.code && counted.length ? Math.max(0, ...counted.filter((t) => t.own).map((t) => t.duration)) : null,
      blocking: counted.reduce((sum, t) => sum + Math.max(0, t.duration - BLOCKING), 0),
      // The Long Tasks API's view of the same window, to cross-check the trace.
      longtaskApiMax: Math.max(0, ...probe.longtasks.filter((t) => probe.end != null && t.at <= probe.end).map((t) => t.duration)),
      requests: local.map(({ path, status, encoding, bytes, body }) => ({ path, status, encoding, bytes, body })),
      offLoopback: list.filter((r) => !r.url.startsWith(ctx.origin)).map(({ url, failed, bytes }) => ({ url, failed: failed ?? null, bytes })),
      traced: tasks.length > 0,
      timedOut,
      errors,
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- the rounds

/** Medians of one profile's runs, and each figure's median ratio to the floor of the same round. */
function summarize(runs, median) {
  const floor = runs.floor;
  // The base each figure is compared with on the floor page: ready has none
  // there, so it is compared with the floor's first title, as the startup
  // section does with "interactive".
  const bases = { bytes: "bytes", body: "body", firstTitle: "firstTitle", ready: "firstTitle", longestTask: "longestTask", blocking: "blocking" };
  const out = {};
  for (const page of PAGES) {
    const list = runs[page.id];
    const figures = {};
    for (const [key, base] of Object.entries(bases)) {
      const ratios = list.map((r, i) => (r[key] == null || !floor[i]?.[base] ? null : r[key] / floor[i][base]));
      const differences = list.map((r, i) => (r[key] == null || floor[i]?.[base] == null ? null : r[key] - floor[i][base]));
      // No ratio to a floor that is mostly zero (blocking time on a desktop).
      const floorMedian = median(floor.map((r) => r[base]));
      figures[key] = { median: median(list.map((r) => r[key])), ratio: floorMedian ? median(ratios) : null, difference: median(differences) };
    }
    const offLoopback = [...new Set(list.flatMap((r) => r.offLoopback.map((o) => `${o.url} (${o.failed ?? "NOT BLOCKED"})`)))];
    out[page.id] = {
      label: page.label,
      ...figures,
      longtaskApiMax: median(list.map((r) => r.longtaskApiMax)),
      // Runs traced before runsCode have none: null, not 0.
      longestOwnTask: median(list.map((r) => r.longestOwnTask ?? null)),
      requests: list[0]?.requests.length ?? 0,
      offLoopback,
      leftLoopback: list.some((r) => r.offLoopback.some((o) => !o.failed)),
      timedOut: list.filter((r) => r.timedOut).length,
      untraced: list.filter((r) => !r.traced).length,
      runs: list.length,
    };
  }
  return out;
}

/**
 * Measures the four pages in both profiles. `ctx`: { browser, origin, site,
 * sheet (the bundled story, parsed), fallback (its CLI render), loader (the
 * drop-in script tag), networks, runs, median, log }.
 */
export async function measurePeer(ctx) {
  mkdirSync(ctx.site, { recursive: true });
  const peer = timelinejs();
  const paths = writePages(ctx.site, ctx.sheet, ctx.fallback, ctx.loader, peer.dist);
  const out = { timelinejs: peer.version, settle: SETTLE, pages: paths, profiles: {} };
  for (const [name, profile] of Object.entries(PROFILES)) {
    const url = (page) => `${ctx.origin}/${paths[page.id]}`;
    // One load of each, not counted, so that no page pays for a cold browser.
    for (const page of PAGES) await loadOnce(ctx, url(page), page, profile);
    const runs = Object.fromEntries(PAGES.map((page) => [page.id, []]));
    for (let i = 0; i < ctx.runs; i++) {
      // Alternated, in a rotating order: a busy moment or a place in the
      // sequence hits every page alike.
      for (let k = 0; k < PAGES.length; k++) {
        const page = PAGES[(i + k) % PAGES.length];
        runs[page.id].push(await loadOnce(ctx, url(page), page, profile));
      }
      ctx.log(`peer ${name} round ${i + 1}/${ctx.runs}`);
    }
    out.profiles[name] = { ...profile, summary: summarize(runs, ctx.median), runs };
    const errors = [...new Set(Object.values(runs).flat().flatMap((r) => r.errors))];
    if (errors.length) ctx.log(`peer ${name}: page errors: ${errors.join(" | ")}`);
  }
  return out;
}

// ---------------------------------------------------------------- report

/**
 * One markdown table per profile; pushes the peer's budget rows onto
 * `budgets`. The summaries are made again from the runs, so that
 * REPORT_ONLY=1 shows a change to them.
 */
export function peerReport(peer, { table, ms, kb, x, pass, median, over }, budgets) {
  for (const p of Object.values(peer.profiles)) p.summary = summarize(p.runs, median);
  const parts = [];
  const cell = (figure, unit) => (figure.median == null ? "n/a" : `${unit(figure.median)} (${x(figure.ratio)})`);
  const time = (v) => `${ms(v)} ms`;
  const size = (bytes) => kb(bytes).replace(" KB", "");
  for (const [name, p] of Object.entries(peer.profiles)) {
    const s = p.summary;
    const rows = PAGES.map(({ id, code }) => [
      s[id].label + (id === "timeline" ? ` ${peer.timelinejs}` : "") + (s[id].timedOut ? ` ⚠ ${s[id].timedOut} timed out` : ""),
      cell(s[id].bytes, size),
      cell(s[id].firstTitle, time),
      id === "floor" ? "" : cell(s[id].ready, time),
      s[id].longestTask.median == null ? "n/a" : cell(s[id].longestTask, time),
      code ? (s[id].longestOwnTask == null ? "n/a" : time(s[id].longestOwnTask)) : "—",
      // Also as a difference: the budget on blocking time is "within 50 ms of the floor".
      `${time(s[id].blocking.median)} (${x(s[id].blocking.ratio)}${id === "floor" ? "" : `, ${s[id].blocking.difference >= 0 ? "+" : "−"}${time(Math.abs(s[id].blocking.difference))}`})`,
    ]);
    const blocked = PAGES.filter(({ id }) => s[id].offLoopback.length).map(({ id }) => `${s[id].label}: ${s[id].offLoopback.length} (${s[id].offLoopback.map((u) => u.replace(/^https?:\/\/([^/]+).*/, "$1")).filter((h, i, all) => all.indexOf(h) === i).join(", ")})`);
    parts.push(
      `### The peer: factcards against TimelineJS ${peer.timelinejs}, ${p.label}\n\n` +
        `Median of ${s.floor.runs} alternated rounds; in brackets, the median of each round's ratio to the floor (ready: to the floor's first card title). ` +
        `KB gzip fetched: every response, headers included. First card title: the end of the frame in which the first card's title (TimelineJS: the title slide's headline) first has a box, with its text, not hidden. Ready: factcards:ready, TimelineJS's \`loaded\` event. Tasks: the page's main thread in a Chromium trace, from the navigation to ready (the floor: load) + ${peer.settle} ms; ` +
        `longest task of its own code: the longest of those tasks in which the page's widget code ran (a call, compile or evaluation of factcards.js or factcards-web-*.js or factcards-live-*.js, or any WebAssembly compile or run; TimelineJS: of timelinejs/), not the host page's parsing, style and layout; ` +
        `total blocking = the sum of each task's time over ${BLOCKING} ms (and, after the ratio, the median of each round's difference from the floor).\n\n` +
        table(["page", "KB gzip fetched", "first card title", "ready", "longest task", "longest task of its own code", "total blocking"], rows) +
        `\n\nRequests off the loopback, blocked and not counted: ${blocked.length ? blocked.join("; ") : "none"}.` +
        (PAGES.some(({ id }) => s[id].leftLoopback) ? " ⚠ some request LEFT the loopback." : ""),
    );
  }
  const mobile = peer.profiles.mobile?.summary;
  if (mobile) {
    const [a, b] = [mobile.dropin.firstTitle.median, mobile.timeline.firstTitle.median];
    budgets.push(["drop-in first card title ≤ TimelineJS first slide title (mobile)", `${ms(a)} ms vs ${ms(b)} ms`, pass(a == null || b == null ? null : a <= b), over(a, b, time)]);
    // Startup is the drop-in's; takeover, the page over the fallback.
    const widget = [["startup", mobile.dropin.longestOwnTask], ["takeover", mobile.ssr.longestOwnTask]];
    const worst = widget.some(([, v]) => v == null) ? null : Math.max(...widget.map(([, v]) => v));
    budgets.push([
      `no widget task > ${BLOCKING} ms (mobile, startup and takeover)`,
      widget.map(([what, v]) => `${what} ${v == null ? "n/a" : time(v)}`).join(", "),
      pass(worst == null ? null : worst <= BLOCKING),
      widget.map(([what, v]) => over(v, BLOCKING, time, what)).filter(Boolean).join(", "),
    ]);
    const tbt = [["drop-in", mobile.dropin.blocking], ["over the fallback", mobile.ssr.blocking]];
    const most = tbt.some(([, f]) => f.difference == null) ? null : Math.max(...tbt.map(([, f]) => f.difference));
    const signed = (v) => (v == null ? "n/a" : `${v >= 0 ? "+" : "−"}${time(Math.abs(v))}`);
    budgets.push([
      `total blocking time ≤ the floor's + ${BLOCKING} ms (mobile, drop-in and over the fallback)`,
      `${tbt.map(([what, f]) => `${what} ${time(f.median)} (${signed(f.difference)})`).join(", ")}; floor ${time(mobile.floor.blocking.median)}`,
      pass(most == null ? null : most <= BLOCKING),
      tbt.map(([what, f]) => over(f.difference, BLOCKING, time, what)).filter(Boolean).join(", "),
    ]);
  }
  if (mobile) {
    // What a phone downloads for the deck, map shapes included: the whole
    // page, as the table counts it, TimelineJS's beside it.
    const fetched = [["a bare drop-in", mobile.dropin.bytes.median], ["over the fallback, once the deck is live", mobile.ssr.bytes.median]];
    for (const [what, bytes] of fetched) {
      budgets.push([
        `${what}: at most ${FETCHED_BUDGET_KB} KB gzip fetched, map included (mobile)`,
        `${kb(bytes)} (TimelineJS ${kb(mobile.timeline.bytes.median)})`,
        pass(bytes == null ? null : bytes <= FETCHED_BUDGET_KB * 1024),
        over(bytes, FETCHED_BUDGET_KB * 1024, kb),
      ]);
    }
  }
  // The host article's own shifts, in the worst run of each page and
  // profile: the facts box sits near the top, above the article's text.
  const shifts = Object.entries(peer.profiles).flatMap(([, p]) =>
    [["bare drop-in", "dropin"], ["over the fallback", "ssr"]].map(([what, id]) => [`${what} at ${p.width} px`, Math.max(...p.runs[id].map((r) => r.cls))]));
  if (shifts.length) {
    budgets.push([
      "CLS exactly 0 on the host article (bare drop-in and over the fallback; 375 px on slow 4G, 1280 px)",
      shifts.map(([what, cls]) => `${what} ${cls.toFixed(4)}`).join(", "),
      pass(shifts.every(([, cls]) => cls === 0)),
      shifts.filter(([, cls]) => cls > 0).map(([what, cls]) => `${what}: a CLS of ${cls.toFixed(4)}`).join(", "),
    ]);
  }
  const desktop = peer.profiles.desktop;
  if (desktop) {
    // What the drop-in fetches besides its host page, map shapes excluded.
    const first = desktop.runs.dropin[0];
    const parts = first.requests.filter((r) => r.path !== `/${peer.pages.dropin}` && !/world-(map|names)/.test(r.path));
    const widget = parts.reduce((sum, r) => sum + r.body, 0);
    budgets.push(["interactive widget gzip ≤ 110 KB", `${kb(widget)} (${parts.map((r) => r.path.slice(1).replace(/-[0-9a-f]{16}/, "-*")).join(" + ")})`, pass(widget <= 110 * 1024), over(widget, 110 * 1024, kb)]);
  }
  return parts.join("\n\n");
}
