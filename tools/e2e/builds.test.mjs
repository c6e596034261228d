// End-to-end: the widget's two builds. The loader (factcards.js) picks one
// before it fetches anything: factcards-web, the reader's, for decks that
// never update; factcards-live, the same with live sheets (the poller, the
// diff and the change marks), for a page where a mount point has data-live
// or whose script uses the JS API. A page fetches one build, never both.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { DIST, FIXTURES, browser, origin, setUpSuite, widgetsLive } from "./browser.mjs";

const SHEET = "/fixtures/small-sheet.json";

const page = (body) => (request, response) => {
  response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>builds</title>
<link rel="icon" href="data:,"><script type="module" src="/factcards.js"></script></head><body>${body}</body></html>`);
};

setUpSuite(DIST, {
  mounts: { "/fixtures/": FIXTURES },
  routes: {
    "/still.html": page(`<div data-factcards data-src="${SHEET}" id="one"></div><div data-factcards data-src="${SHEET}" data-live="off" id="two"></div>`),
    "/live.html": page(`<div data-factcards data-src="${SHEET}" id="one"></div><div data-factcards data-src="${SHEET}" data-live="60" id="two"></div>`),
    "/api.html": page(`<div id="from-api"></div><script type="module">
      (window.factcards = window.factcards || []).push((api) => api.mount(document.getElementById("from-api"), "${SHEET}"));
    </script>`),
  },
});

/** Opens `path` and records the widget files it fetches, by build, and what the console says. */
async function open(t, path) {
  const context = await browser.newContext();
  t.after(() => context.close());
  const tab = await context.newPage();
  const fetched = [];
  tab.on("request", (request) => {
    const build = new URL(request.url()).pathname.match(/^\/(factcards-(?:web|live))-[0-9a-f]+(?:_bg\.wasm|\.js)$/)?.[1];
    if (build) fetched.push(build);
  });
  const warnings = [];
  tab.on("console", (message) => {
    if (message.type() === "warning") warnings.push(message.text());
  });
  await tab.goto(`${origin}${path}`);
  return { tab, fetched, warnings };
}

/** Waits until the live widget on each of `hosts` shows its sheet's facts. */
async function factsShown(tab, ...hosts) {
  await widgetsLive(tab);
  await tab.waitForFunction((hosts) => hosts.every((id) => document.getElementById(id).shadowRoot?.querySelector(".fc-fact")), hosts);
}

test("builds: a page whose decks do not update fetches the reader's build alone", async (t) => {
  const { tab, fetched, warnings } = await open(t, "/still.html");
  await factsShown(tab, "one", "two");
  assert.deepEqual([...new Set(fetched)], ["factcards-web"]);
  assert.equal(fetched.length, 2, `the glue and the wasm, once each: ${fetched.join(", ")}`);
  assert.deepEqual(warnings, []);
});

test("builds: a page with a data-live mount fetches the live build alone, and its deck reads the sheet again", async (t) => {
  const { tab, fetched } = await open(t, "/live.html");
  await factsShown(tab, "one", "two");
  assert.deepEqual([...new Set(fetched)], ["factcards-live"]);
  assert.equal(fetched.length, 2, `the glue and the wasm, once each: ${fetched.join(", ")}`);
  // A live deck has its polite live region beside it, which the reader's
  // build has no code to make.
  const regions = await tab.evaluate(() => ["one", "two"].map((id) => document.getElementById(id).shadowRoot.querySelectorAll(".fc-live-region").length));
  assert.deepEqual(regions, [0, 1]);
});

test("builds: a page that uses the JS API gets the live build", async (t) => {
  const { tab, fetched } = await open(t, "/api.html");
  await tab.waitForFunction(() => document.getElementById("from-api").shadowRoot?.querySelector(".fc-fact"));
  assert.deepEqual([...new Set(fetched)], ["factcards-live"]);
});

test("builds: a data-live deck added after the reader's build started shows its sheet, and the console says why it does not update", async (t) => {
  const { tab, fetched, warnings } = await open(t, "/still.html");
  await factsShown(tab, "one", "two");
  await tab.evaluate((sheet) => {
    const late = Object.assign(document.createElement("div"), { id: "late" });
    late.setAttribute("data-factcards", "");
    late.setAttribute("data-src", sheet);
    late.setAttribute("data-live", "");
    document.body.append(late);
  }, SHEET);
  await tab.waitForFunction(() => document.getElementById("late").shadowRoot?.querySelector(".fc-fact"));
  assert.deepEqual([...new Set(fetched)], ["factcards-web"]);
  assert.equal(await tab.evaluate(() => document.getElementById("late").shadowRoot.querySelectorAll(".fc-live-region").length), 0);
  assert.equal(warnings.length, 1, warnings.join("\n"));
  assert.match(warnings[0], /asks for live updates, but factcards\.js started without them/);
});

test("builds: the live code is in the live build only, and the reader's build is the smaller by it", () => {
  const files = readdirSync(DIST);
  const wasm = (build) => readFileSync(`${DIST}/${files.find((name) => new RegExp(`^${build}-[0-9a-f]+_bg\\.wasm$`).test(name))}`);
  const [reader, live] = [wasm("factcards-web"), wasm("factcards-live")];
  // Words only the live poller has (src/embed/live.rs).
  for (const words of ["could not update the sheet from", "fc-live-region"]) {
    assert.ok(live.includes(Buffer.from(words)), `the live build holds "${words}"`);
    assert.equal(reader.includes(Buffer.from(words)), false, `the reader's build holds "${words}"`);
  }
  const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
  assert.ok(gzip(live) - gzip(reader) > 4000, `the live code is ${gzip(live) - gzip(reader)} bytes gzip`);
});
