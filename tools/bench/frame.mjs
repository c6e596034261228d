// The frame page in the benchmark (ONLY=frame): factcards' iframe code
// against TimelineJS's own iframe, on the peer's host article (peer.mjs's
// `article`, so that the figures compare with the peer's), on its mobile
// profile (375 px, 4× CPU, slow 4G), from the benchmark's server (gzip), in
// the same run. Three pages differ only in the facts box:
//   floor      the peer's static floor (writeFloor): the CLI's fallback
//              markup in the article, no script;
//   factcards  the iframe code of docs/publishing.md: an
//              `<iframe data-factcards-frame>` 1000 px tall showing the frame
//              page of `factcards publish` (published into the site with the
//              server's addresses), and embed-loader.js, which sizes it to
//              the height the frame posts;
//   timeline   TimelineJS's iframe page (its package's embed/index.html) as
//              its embed code has it, the same size, its data by
//              `?source=` from a JSON file of the sheet (timeline.mjs).
// Each load is peer.mjs's loadOnce with peer-probe.js reaching into the
// frame (spec.frame): the first fact's text painted (factcards: the first
// `.fc-fact__text` in the frame's deck, and on the floor; TimelineJS: its
// first slide headline, as the peer defines it), on the host's clock;
// bytes fetched, host page and frame together; the host document's layout
// shifts until the end (factcards: its frame's factcards:ready + 500 ms;
// TimelineJS, whose iframe page dispatches nothing a host can hear, and the
// floor: load + 500 ms), which takes in the iframe's resize by
// embed-loader.js; and the frame's own timings (its HTML's request and end,
// its first contentful paint), which say where the time goes.
//
// The frames are on the host's origin, as the measurement needs (the probe
// reads the frame's DOM; a cross-site frame would run in another process).
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { article, copyTimelinejs, loadOnce, PAGES as PEER_PAGES, PROFILES, timelinejs, writeFloor } from "./peer.mjs";
import { toTimeline } from "./timeline.mjs";

/** The profile: the peer's phone. */
const PROFILE = "mobile";
/** The iframe's size in both embed codes, before any resize: the frame page's oEmbed height (FRAME_SIZE in src/publish/mod.rs). */
const FRAME_STYLE = "width:100%;height:1000px;border:0";
/** Where the story folder is published in the site. */
const STORY = "story";
const FIRST_FACT = ".fc-fact__text";

const peer = (id) => PEER_PAGES.find((page) => page.id === id);
export const FRAME_PAGES = [
  { id: "floor", label: "static floor (the peer's: the facts as HTML in the article, no script)", spec: { ...peer("floor").spec, title: FIRST_FACT }, code: null },
  {
    id: "factcards",
    label: "factcards' frame page (`factcards publish`, `<iframe data-factcards-frame>` + embed-loader.js)",
    spec: { ...peer("ssr").spec, frame: "iframe[data-factcards-frame]", title: FIRST_FACT },
    code: peer("ssr").code,
  },
  { id: "timeline", label: "TimelineJS's iframe (`embed/index.html?source=`)", spec: { ...peer("timeline").spec, frame: "iframe", ready: null }, code: peer("timeline").code },
];

/**
 * Publishes the bundled story into site/story/ with the server's addresses,
 * writes the three pages and TimelineJS's data; returns the pages' paths.
 */
function writePages(ctx, dist) {
  execFileSync(ctx.cli, ["publish", ctx.sheetPath, "--out", join(ctx.site, STORY), "--base-url", `${ctx.origin}/${STORY}/`, "--widget-url", `${ctx.origin}/`], { stdio: ["ignore", "ignore", "pipe"] });
  copyTimelinejs(ctx.site, dist);
  writeFileSync(join(ctx.site, "timeline.json"), JSON.stringify(toTimeline(ctx.sheet)));
  const source = encodeURIComponent(`${ctx.origin}/timeline.json`);
  const files = {
    factcards: article(
      ctx.sheet,
      "factcards' frame page",
      `<iframe data-factcards-frame title="Key facts" style="${FRAME_STYLE}" src="${ctx.origin}/${STORY}/frame.html"></iframe>\n<script async src="${ctx.origin}/embed-loader.js"></script>`,
    ),
    timeline: article(ctx.sheet, "TimelineJS's iframe", `<iframe title="Timeline" style="${FRAME_STYLE}" src="${ctx.origin}/timelinejs/embed/index.html?source=${source}" allowfullscreen></iframe>`),
  };
  const paths = { floor: writeFloor(ctx.site, ctx.sheet, ctx.fallback) };
  for (const [id, html] of Object.entries(files)) {
    paths[id] = `frame-${id}.html`;
    writeFileSync(join(ctx.site, paths[id]), html);
  }
  return paths;
}

/**
 * Measures the three pages, RUNS rounds in a rotating order after one
 * unmeasured load of each. `ctx`: { browser, origin, site, cli, sheetPath
 * (the bundled story's file), sheet (parsed), fallback (its CLI render),
 * networks, runs, median, log }.
 */
export async function measureFrame(ctx) {
  mkdirSync(ctx.site, { recursive: true });
  const tl = timelinejs();
  const paths = writePages(ctx, tl.dist);
  const profile = PROFILES[PROFILE];
  const url = (page) => `${ctx.origin}/${paths[page.id]}`;
  for (const page of FRAME_PAGES) await loadOnce(ctx, url(page), page, profile);
  const runs = Object.fromEntries(FRAME_PAGES.map((page) => [page.id, []]));
  for (let i = 0; i < ctx.runs; i++) {
    for (let k = 0; k < FRAME_PAGES.length; k++) {
      const page = FRAME_PAGES[(i + k) % FRAME_PAGES.length];
      runs[page.id].push(await loadOnce(ctx, url(page), page, profile));
    }
    ctx.log(`frame round ${i + 1}/${ctx.runs}`);
  }
  const errors = [...new Set(Object.values(runs).flat().flatMap((r) => r.errors))];
  if (errors.length) ctx.log(`frame: page errors: ${errors.join(" | ")}`);
  return { timelinejs: tl.version, profile: PROFILE, pages: paths, runs };
}

/** Medians of the runs, and the first fact's median ratio to the floor of the same round. */
function summarize(runs, median) {
  const floor = runs.floor;
  const out = {};
  for (const page of FRAME_PAGES) {
    const list = runs[page.id];
    const at = (get) => median(list.map((r) => get(r) ?? null));
    out[page.id] = {
      label: page.label,
      firstFact: at((r) => r.firstTitle),
      ratio: median(list.map((r, i) => (r.firstTitle == null || !floor[i]?.firstTitle ? null : r.firstTitle / floor[i].firstTitle))),
      bytes: at((r) => r.bytes),
      ready: at((r) => r.ready),
      cls: at((r) => r.cls),
      clsWorst: Math.max(0, ...list.map((r) => r.cls ?? 0)),
      worstShifts: list.reduce((a, b) => ((b.cls ?? 0) > (a.cls ?? 0) ? b : a)).shifts ?? [],
      page: { responseEnd: at((r) => r.timings?.page.responseEnd), fcp: at((r) => r.timings?.page.fcp) },
      frame: {
        requestStart: at((r) => r.timings?.frame?.requestStart),
        responseEnd: at((r) => r.timings?.frame?.responseEnd),
        fcp: at((r) => r.timings?.frame?.fcp),
        // The iframe's height at the end, and whether it is its deck's (embed-loader.js followed the frame).
        height: at((r) => r.timings?.frame?.height),
        sized: list.filter((r) => r.timings?.frame && Math.abs(r.timings.frame.height - r.timings.frame.content) <= 1).length,
      },
      offLoopback: [...new Set(list.flatMap((r) => r.offLoopback.map((o) => o.url.replace(/^https?:\/\/([^/]+).*/, "$1"))))],
      leftLoopback: list.some((r) => r.offLoopback.some((o) => !o.failed)),
      timedOut: list.filter((r) => r.timedOut).length,
      runs: list.length,
    };
  }
  return out;
}

/**
 * The frame table; pushes the frame page's budget rows onto `budgets`. The
 * summary is made again from the runs, so that REPORT_ONLY=1 shows a change
 * to it.
 */
export function frameReport(frame, { table, ms, kb, x, pass, median, over }, budgets) {
  const s = summarize(frame.runs, median);
  const time = (v) => (v == null ? "n/a" : `${ms(v)} ms`);
  const size = (bytes) => kb(bytes).replace(" KB", "");
  const cls = (v) => (v == null ? "n/a" : v.toFixed(4));
  const rows = FRAME_PAGES.map(({ id }) => {
    const p = s[id];
    const framed = id !== "floor";
    return [
      p.label + (id === "timeline" ? ` ${frame.timelinejs}` : "") + (p.timedOut ? ` ⚠ ${p.timedOut} timed out` : ""),
      time(p.firstFact),
      x(p.ratio),
      size(p.bytes),
      `${cls(p.cls)} (worst ${cls(p.clsWorst)})`,
      time(p.page.responseEnd),
      framed ? time(p.frame.requestStart) : "—",
      framed ? time(p.frame.responseEnd) : "—",
      time(framed ? p.frame.fcp : p.page.fcp),
      framed ? `${p.frame.height == null ? "n/a" : `${Math.round(p.frame.height)} px`} (its content's in ${p.frame.sized} of ${p.runs})` : "—",
    ];
  });
  const f = s.factcards;
  const shifts = f.worstShifts.length ? f.worstShifts.map((h) => `${h.value.toFixed(4)} at ${Math.round(h.at)} ms (${h.sources.join(", ") || "no node named"})`).join("; ") : "none";
  const blocked = FRAME_PAGES.filter(({ id }) => s[id].offLoopback.length).map(({ id }) => `${id}: ${s[id].offLoopback.join(", ")}`);
  const profile = PROFILES[frame.profile];
  const text =
    `### The frame page: factcards' iframe against TimelineJS ${frame.timelinejs}'s, ${profile.label}\n\n` +
    `Median of ${s.floor.runs} alternated rounds, each load in a fresh context; ms from the host page's navigation. ` +
    `First fact: the end of the frame in which the first fact's text (TimelineJS: its first slide's headline) first has a box, with its text, not hidden, in the frame (the floor: in the article); ratio: the median of each round's ratio to the floor's. ` +
    `KB gzip fetched: every response of the host page and its frame, headers included. ` +
    `Host CLS: the host document's layout shifts until ready (factcards: factcards:ready in its frame; the others: load) + 500 ms, the iframe's resize by embed-loader.js included; median (worst run). ` +
    `Frame HTML: the frame document's request start and response end; first paint: its first contentful paint (the floor: the article's). ` +
    `Iframe height: at the end, and in how many runs it was the height of what it shows (factcards: its deck, as posted to embed-loader.js).\n\n` +
    table(["page", "first fact", "ratio to floor", "KB gzip fetched", "host CLS", "host HTML loaded", "frame HTML requested", "frame HTML loaded", "first paint", "iframe height"], rows) +
    `\n\nHost layout shifts in factcards' worst run: ${shifts}. Requests off the loopback, blocked and not counted: ${blocked.length ? blocked.join("; ") : "none"}.` +
    (FRAME_PAGES.some(({ id }) => s[id].leftLoopback) ? " ⚠ some request LEFT the loopback." : "");

  const [a, floor, b] = [f.firstFact, s.floor.firstFact, s.timeline.firstFact];
  budgets.push([
    "frame page: first fact within 1.05× the static floor (mobile)",
    `${x(f.ratio)} (${time(a)} vs ${time(floor)})`,
    pass(f.ratio == null ? null : f.ratio <= 1.05),
    over(f.ratio, 1.05, (v) => `×${v.toFixed(2)} of the floor`),
  ]);
  budgets.push([
    "frame page: first fact ahead of TimelineJS's iframe (mobile)",
    `${time(a)} vs ${time(b)}`,
    pass(a == null || b == null ? null : a < b),
    over(a, b, time),
  ]);
  budgets.push([
    "frame page: the host's layout shift settles at 0 (mobile)",
    `${cls(f.clsWorst)} (worst run; median ${cls(f.cls)}); iframe at its deck's height in ${f.frame.sized} of ${f.runs}`,
    pass(f.clsWorst === 0 && f.frame.sized === f.runs),
    [f.clsWorst > 0 ? `a CLS of ${cls(f.clsWorst)} (the shifts are listed above)` : "", f.frame.sized < f.runs ? `the iframe not at its deck's height in ${f.runs - f.frame.sized} runs` : ""].filter(Boolean).join(", "),
  ]);
  return text;
}
