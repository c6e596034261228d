// End-to-end: the live deck is loaded only when it is wanted. A mount that
// holds a server-rendered fallback already shows its facts, so the loader
// (factcards.js) fetches the glue and the wasm only when the mount comes
// within about a screen of the viewport, when the reader touches or
// focuses it, or before printing; a bare mount loads at once.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { BUNDLED_FACTS, DIST, browser, origin, setUpSuite } from "./browser.mjs";

const TIMEOUT = 10000;
// Built by `cargo test` (tests/cli.rs runs it); scripts/test runs that first.
const CLI = process.env.FACTCARDS_BIN ?? ["target/debug/factcards", "target/release/factcards"].find(existsSync);
before(() => assert.ok(CLI, "the factcards CLI is built (cargo test builds target/debug/factcards)"));

/** An article whose facts box sits `screens` screens down, holding a fallback or nothing. */
function article({ fallback = true, screens = 4, load } = {}) {
  const content = fallback
    ? execFileSync(CLI, ["render", "--css-href", "/factcards.css", "data/moscow-isis-k.json"], { encoding: "utf8" })
    : "";
  const loadAttribute = load ? ` data-load="${load}"` : "";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>article</title>
<link rel="icon" href="data:,"><script type="module" src="/factcards.js"></script></head>
<body style="margin:0"><h1>An article</h1><div id="text" style="height:${screens * 100}vh">Text</div>
<div data-factcards id="facts"${loadAttribute}>${content}</div></body></html>`;
}

const page = (options) => (request, response) => {
  response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  response.end(article(options));
};

setUpSuite(DIST, {
  routes: {
    "/far.html": page(),
    "/bare-far.html": page({ fallback: false }),
    "/bare-visible.html": page({ fallback: false, load: "visible" }),
    "/idle.html": page({ load: "idle" }),
  },
});

/** Opens `path` at 375 × 700 and records which of the widget's files it fetches. */
async function open(t, path) {
  const context = await browser.newContext({ viewport: { width: 375, height: 700 } });
  t.after(() => context.close());
  const tab = await context.newPage();
  tab.setDefaultTimeout(TIMEOUT);
  const fetched = [];
  tab.on("request", (request) => fetched.push(new URL(request.url()).pathname));
  const errors = [];
  tab.on("pageerror", (error) => errors.push(error.message));
  await tab.addInitScript(() => {
    window.__ready = 0;
    document.addEventListener("factcards:ready", () => window.__ready++);
  });
  await tab.goto(`${origin}${path}`);
  await tab.waitForLoadState("networkidle");
  const widgetFiles = () => fetched.filter((name) => /^\/factcards-(web|live)-[0-9a-f]+(_bg\.wasm|\.js)$/.test(name));
  return { tab, widgetFiles, errors };
}

const ready = (tab) => tab.waitForFunction(() => window.__ready > 0);

// 2.25 KB: it names two builds, each with the integrity of its glue and its
// wasm (a sha384 is 64 characters that gzip cannot shrink).
test("lazy: the loader is small (at most 2.25 KB gzip), and imports nothing by itself", () => {
  const loader = readFileSync(join(DIST, "factcards.js"));
  assert.ok(gzipSync(loader, { level: 9 }).length <= 2304, `factcards.js is ${gzipSync(loader, { level: 9 }).length} B gzip`);
  assert.doesNotMatch(loader.toString(), /^\s*import\s/m);
});

test("lazy: a deck with a fallback far below the first screen fetches neither the glue nor the wasm", async (t) => {
  const { tab, widgetFiles, errors } = await open(t, "/far.html");
  assert.deepEqual(widgetFiles(), []);
  // The fallback shows every fact meanwhile.
  const facts = await tab.evaluate(() => document.getElementById("facts").shadowRoot.querySelectorAll(".fc-fact").length);
  assert.equal(facts, BUNDLED_FACTS);
  assert.deepEqual(errors, []);
});

test("lazy: scrolling near the deck loads it, and it takes over without moving anything", async (t) => {
  const { tab, widgetFiles, errors } = await open(t, "/far.html");
  // The fallback's box, measured before anything loads.
  const box = () => tab.evaluate(() => {
    const rect = document.getElementById("facts").getBoundingClientRect();
    return { top: Math.round(rect.top + scrollY), height: Math.round(rect.height) };
  });
  const before = await box();
  // Two screens above the deck: out of reach. One screen above it: near.
  await tab.evaluate((top) => scrollTo(0, top - 2.5 * innerHeight), before.top);
  await tab.waitForLoadState("networkidle");
  assert.deepEqual(widgetFiles(), []);
  await tab.evaluate((top) => scrollTo(0, top - 1.5 * innerHeight), before.top);
  await ready(tab);
  assert.equal(widgetFiles().length, 2, `fetched: ${widgetFiles()}`);
  // It took over while still below the screen, so nothing the reader sees
  // moved: the page did not scroll and the deck starts where it did.
  const { scrolled, below } = await tab.evaluate(() => ({
    scrolled: scrollY,
    below: document.getElementById("facts").getBoundingClientRect().top >= innerHeight,
  }));
  assert.ok(below, "the deck took over out of sight");
  assert.equal((await box()).top, before.top);
  assert.equal(scrolled, Math.round(before.top - 1.5 * 700));
  // The live deck is interactive.
  await tab.locator("#facts .fc-filter__chip[data-category='origins']").click();
  assert.equal(await tab.locator("#facts :not([hidden]) > .fc-card").count(), 2);
  assert.deepEqual(errors, []);
});

test("lazy: touching or focusing the fallback loads the deck", async (t) => {
  const { tab, widgetFiles } = await open(t, "/far.html");
  assert.deepEqual(widgetFiles(), []);
  // Off screen, so only the interaction can have started it.
  await tab.evaluate(() => document.getElementById("facts").dispatchEvent(new PointerEvent("pointerdown", { bubbles: true })));
  await ready(tab);
  assert.equal(widgetFiles().length, 2);

  const second = await open(t, "/far.html");
  await second.tab.evaluate(() => document.getElementById("facts").dispatchEvent(new FocusEvent("focusin", { bubbles: true })));
  await ready(second.tab);
});

test("lazy: printing loads the deck", async (t) => {
  const { tab, widgetFiles } = await open(t, "/far.html");
  assert.deepEqual(widgetFiles(), []);
  await tab.evaluate(() => dispatchEvent(new Event("beforeprint")));
  await ready(tab);
  assert.equal(widgetFiles().length, 2);
});

test("lazy: a bare mount loads at once, wherever it is; data-load=visible waits for it", async (t) => {
  const bare = await open(t, "/bare-far.html");
  await ready(bare.tab);
  const waiting = await open(t, "/bare-visible.html");
  assert.deepEqual(waiting.widgetFiles(), []);
  await waiting.tab.evaluate(() => document.getElementById("facts").scrollIntoView());
  await ready(waiting.tab);
});

test("lazy: data-load=idle loads when the page is idle, off screen too", async (t) => {
  const { tab, widgetFiles } = await open(t, "/idle.html");
  await ready(tab);
  assert.equal(widgetFiles().length, 2);
});

test("lazy: the JS API loads the widget when a page asks for it", async (t) => {
  const { tab, widgetFiles } = await open(t, "/far.html");
  assert.deepEqual(widgetFiles(), []);
  const mounted = await tab.evaluate(
    () => new Promise((resolve) => window.factcards.push(({ mount }) => {
      const element = document.createElement("div");
      document.body.prepend(element);
      mount(element);
      resolve(true);
    })),
  );
  assert.equal(mounted, true);
  assert.equal(widgetFiles().length, 2);
});
