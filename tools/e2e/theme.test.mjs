// End-to-end tests of data-theme="auto": it takes the host page's own
// color-scheme (its CSS or its <meta name="color-scheme">) where the page
// sets one, and the reader's preference otherwise; light and dark force.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { DIST, FIXTURES, browser, origin, setUpSuite, widgetsLive } from "./browser.mjs";

const TIMEOUT = 5000;

// Built by `cargo test` (tests/cli.rs runs it); scripts/test runs that first.
const CLI = process.env.FACTCARDS_BIN ?? ["target/debug/factcards", "target/release/factcards"].find(existsSync);

/** A page that says it is light, in its CSS, around a server-rendered fallback (theme auto). */
function lightPageWithFallback(request, response) {
  const fallback = execFileSync(CLI, ["render", "--css-href", "/factcards.css", "data/moscow-isis-k.json"], { encoding: "utf8" });
  response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>light page, fallback</title>
<link rel="icon" href="data:,"><style>:root { color-scheme: light; } body { background: #fff; color: #111; }</style>
<script type="module" src="/factcards.js"></script></head>
<body><main><div data-factcards id="facts">${fallback}</div></main></body></html>`);
}

setUpSuite(DIST, { mounts: { "/fixtures/": FIXTURES }, routes: { "/light-fallback.html": lightPageWithFallback } });

/** The theme each listed mount draws, and its background colour. */
async function themes(path, colorScheme, ids) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, colorScheme });
  const page = await context.newPage();
  await page.goto(`${origin}${path}`);
  await page.locator(":not([hidden]) > .fc-card").first().waitFor({ timeout: TIMEOUT });
  await widgetsLive(page);
  const seen = await page.evaluate((ids) => ids.map((id) => {
    const root = document.getElementById(id).shadowRoot.querySelector(".fc-root");
    return { id, theme: root.dataset.theme, background: getComputedStyle(root.querySelector(".fc-deck")).backgroundColor };
  }), ids);
  await context.close();
  return seen;
}

const WHITE = "rgb(255, 255, 255)";

test("a light page in a dark-preferring browser gets a light box; dark still forces", async () => {
  const [auto, forced] = await themes("/fixtures/light-page.html", "dark", ["auto", "forced-dark"]);
  assert.equal(auto.theme, "light");
  assert.equal(auto.background, WHITE);
  assert.equal(forced.theme, "dark");
  assert.notEqual(forced.background, WHITE);
});

test("a page that says dark in its meta tag gets a dark box in a light-preferring browser", async () => {
  const [auto] = await themes("/fixtures/dark-meta-page.html", "light", ["auto"]);
  assert.equal(auto.theme, "dark");
  assert.notEqual(auto.background, WHITE);
});

test("a page that says nothing follows the reader's preference", async () => {
  const [dark] = await themes("/fixtures/sources.html", "dark", ["marks"]);
  assert.equal(dark.theme, "auto");
  assert.notEqual(dark.background, WHITE);
  const [light] = await themes("/fixtures/sources.html", "light", ["marks"]);
  assert.equal(light.background, WHITE);
});

test("a light page's server-rendered fallback is light for a dark-preferring reader, before and after takeover", async () => {
  assert.ok(CLI, "the factcards CLI is built (cargo test builds target/debug/factcards)");
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: "dark" });
  // The wasm is held back until the fallback has been looked at.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(`${origin}/light-fallback.html`);
  const look = () => page.evaluate(() => {
    const root = document.getElementById("facts").shadowRoot.querySelector(".fc-root:not([data-pending])");
    return { theme: root.dataset.theme, background: getComputedStyle(root.querySelector(".fc-deck")).backgroundColor, live: !root.querySelector(".fc-reserved") };
  });
  const before = await look();
  assert.deepEqual(before, { theme: "light", background: WHITE, live: false }, "the fallback, before the wasm");
  release();
  await page.waitForFunction(() => !document.getElementById("facts").shadowRoot.querySelector(".fc-reserved"), null, { timeout: TIMEOUT });
  await widgetsLive(page);
  const after = await look();
  assert.deepEqual(after, { theme: "light", background: WHITE, live: true }, "the live deck");
  await context.close();
});
