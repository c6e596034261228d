// What the widget's own longest task is made of on a phone: the benchmark's
// mobile profile (375 px, 4× CPU slowdown, slow 4G), a Chromium trace of
// each load, and for each of the widget's tasks (a task that runs
// factcards.js, the glue or any WebAssembly) its length and how much of it
// V8 spent compiling wasm functions on their first call
// (`wasm.CompileLazy`), which a page cannot ask to happen ahead. Two pages:
// startup, a bare drop-in that shows the bundled story; takeover, the demo
// page, whose deck holds its server-rendered fallback. Prints each run's
// widget tasks, longest first, and the median of the longest.
//
//   node tools/bench/widget-tasks.mjs [runs]     # after scripts/build
//
// `scripts/bench` (its peer section) holds the budget; this says where the
// time of its "longest task of its own code" goes.
import { launch } from "../e2e/browser.mjs";
import { serve } from "./server.mjs";

const RUNS = Number(process.argv[2] ?? 5);
const BARE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare drop-in</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"></head>
<body><main><h1>An article</h1><p>Its first paragraph.</p><div data-factcards></div></main>
<script type="module" src="/factcards.js"></script></body></html>`;
const PAGES = { startup: "/bare.html", takeover: "/" };

const server = await serve(["dist"], 0, {
  routes: {
    "/bare.html": (request, response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      response.end(BARE);
    },
  },
});
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const ms = (microseconds) => (microseconds / 1000).toFixed(1);

/** The widget's tasks in one cold load of `path`, longest first, each `{duration, lazy}` in µs. */
async function widgetTasks(path) {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  try {
    const tab = await context.newPage();
    await tab.addInitScript(() => document.addEventListener("factcards:ready", () => (window.__ready = true), true));
    const cdp = await context.newCDPSession(tab);
    await cdp.send("Network.enable");
    await cdp.send("Network.setExtraHTTPHeaders", { headers: { "Accept-Encoding": "gzip, deflate" } });
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await browser.startTracing(tab, { categories: ["toplevel", "devtools.timeline", "v8.wasm"] });
    await tab.goto(`${origin}${path}`);
    await tab.waitForFunction(() => window.__ready === true, null, { timeout: 60000, polling: 100 });
    // The tasks that follow ready (the deck taking over its fallback,
    // watching for the reader, the loader's idle work, which was asked for
    // before this): until the main thread has gone idle, and idle again
    // after one more task.
    await tab.evaluate(async () => {
      const idle = () => new Promise((resolve) => requestIdleCallback(resolve));
      await idle();
      await new Promise((resolve) => setTimeout(resolve));
      await idle();
    });
    const events = JSON.parse((await browser.stopTracing()).toString("utf8")).traceEvents;
    const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain" && events.some((x) => x.pid === e.pid && x.name === "ParseHTML"));
    const thread = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X");
    const inside = (task) => thread.filter((e) => e.ts >= task.ts && e.ts < task.ts + task.dur);
    const runsWidget = (e) => e.name.startsWith("wasm") || e.name.startsWith("v8.wasm") || /factcards/.test(e.args?.data?.url ?? "");
    return thread
      .filter((e) => e.name === "ThreadControllerImpl::RunTask" && inside(e).some(runsWidget))
      .map((task) => ({
        duration: task.dur,
        lazy: inside(task).filter((e) => e.name === "wasm.CompileLazy").reduce((sum, e) => sum + e.dur, 0),
      }))
      .sort((a, b) => b.duration - a.duration);
  } finally {
    await context.close();
  }
}

try {
  for (const [name, path] of Object.entries(PAGES)) {
    const longest = [];
    for (let run = 1; run <= RUNS; run++) {
      const tasks = await widgetTasks(path);
      longest.push(tasks[0]);
      console.log(`${name} run ${run}: ${tasks.slice(0, 5).map((t) => `${ms(t.duration)} ms (lazy compile ${ms(t.lazy)})`).join(", ")}`);
    }
    longest.sort((a, b) => a.duration - b.duration);
    const median = longest[Math.floor(longest.length / 2)];
    console.log(`${name}: median longest widget task ${ms(median.duration)} ms, of which lazy compile ${ms(median.lazy)} ms\n`);
  }
} finally {
  await browser.close();
  server.close();
}
