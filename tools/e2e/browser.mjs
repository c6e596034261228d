// Launches the machine's Debian Chromium headless through playwright-core
// (never `npx playwright install`: it downloads a browser, which these
// machines cannot do), and what every end-to-end suite starts and stops.
import { after, before } from "node:test";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_FLAGS } from "./chromium.mjs";
import { serve } from "./server.mjs";

export { CHROMIUM };

/** The release build the suites test. */
export const DIST = process.env.DIST ?? "dist";
/** Where the suites write their screenshots. */
export const SHOTS = process.env.SCREENSHOTS ?? "target/screenshots";
/** The small test pages and sheets, which suites serve under /fixtures/. */
export const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
/** The bundled story, read from its file so the suites follow its edits. */
export const BUNDLED = JSON.parse(readFileSync(new URL("../../data/moscow-isis-k.json", import.meta.url), "utf8"));
export const SHEET_ID = BUNDLED.id;
export const BUNDLED_FACTS = BUNDLED.cards.reduce((sum, card) => sum + card.facts.length, 0);
/** How many facts the compact layout shows first (`state::COMPACT_FACTS`). */
export const COMPACT_FACTS = 3;

/** Starts the machine's Chromium, headless, with the shared flags. */
export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

/**
 * A Chromium whose tabs hide as a reader's do: `tab()` opens a tab in the
 * same window, in front, and the tab behind it is hidden
 * (`document.visibilityState`, with a real visibilitychange); `bringToFront()`
 * shows it again. Playwright's own launch keeps every page visible (each
 * page gets a window of its own, and its focus emulation keeps the page
 * shown), so this Chromium is started here, headless with the shared flags,
 * and driven over CDP with Playwright's defaults off. Hidden tabs' timers
 * are not slowed down, so that a deck that stops reading while hidden is
 * seen to stop, not to be throttled. `close` stops it and removes its
 * profile.
 */
export async function launchWithTabs() {
  const profile = await mkdtemp(join(tmpdir(), "factcards-tabs-"));
  const flags = ["--headless", "--remote-debugging-port=0", `--user-data-dir=${profile}`, "--disable-background-timer-throttling", "--disable-renderer-backgrounding"];
  const child = spawn(CHROMIUM, [...CHROMIUM_FLAGS, ...flags, "about:blank"], { stdio: ["ignore", "ignore", "pipe"] });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const endpoint = await new Promise((resolve, reject) => {
    let printed = "";
    const timer = setTimeout(() => reject(new Error(`Chromium printed no DevTools address within 30 s:\n${printed}`)), 30000);
    child.stderr.on("data", (data) => {
      printed += data;
      const found = printed.match(/DevTools listening on (ws:\/\/\S+)/);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    exited.then((code) => reject(new Error(`Chromium exited (${code}) before it listened:\n${printed}`)));
  });
  const connected = await chromium.connectOverCDP(endpoint, { noDefaults: true });
  const context = connected.contexts()[0];
  return {
    /** The tab Chromium started with. */
    first: context.pages()[0],
    /** Opens a tab in the same window, in front of the others. */
    tab: () => context.newPage(),
    close: async () => {
      await connected.close();
      child.kill();
      await exited;
      // Chromium's helper processes can still be writing to the profile a
      // moment after the browser's own process has exited (ENOTEMPTY): the
      // removal tries again, as rm -rf would have to.
      await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

/**
 * Waits until factcards.js has run and its wasm has started (`ready` has
 * resolved). Until factcards.js runs, window.factcards is unset or the
 * page's queue. `ready` is awaited by `evaluate`: `waitForFunction` does
 * not wait for a promise its predicate returns, and takes the promise
 * itself for a truthy answer.
 */
export async function wasmStarted(page, timeout = 30000) {
  await page.waitForFunction(() => window.factcards?.ready, null, { timeout, polling: 50 });
  await page.evaluate(async (timeout) => {
    const late = new Promise((_, reject) => setTimeout(() => reject(new Error(`factcards.ready did not resolve in ${timeout} ms`)), timeout));
    await Promise.race([window.factcards.ready, late]);
  }, timeout);
}

/**
 * Polls `read` (a function of the page, run in Node) until `accept` takes
 * its value, and returns that value; for what `waitForFunction` cannot
 * wait on, such as the promise of the clipboard's text.
 */
export async function pollUntil(read, accept, { timeout = 10000, interval = 50 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`pollUntil: gave up after ${timeout} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * Waits until the widgets on `page` are live, not a server-rendered
 * fallback: the wasm has started and no mount point still holds its
 * fallback beside a pending deck. The demo page starts with the deck as
 * static HTML, so "a card is visible" alone would let a test click the
 * fallback's (inert) buttons.
 */
export async function widgetsLive(page, timeout = 30000) {
  await wasmStarted(page, timeout);
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll("[data-factcards]")].every((host) => {
        const root = host.shadowRoot;
        return root && !root.querySelector(".fc-root[data-pending]") && root.querySelectorAll(".fc-root").length === 1;
      }),
    null,
    { timeout, polling: 50 },
  );
}

/**
 * Opens `path` in a fresh context at `width` × 900 in `colorScheme`, and
 * waits until a card shows and the widgets are live. Collects uncaught page
 * errors; `close` closes the context.
 */
export async function openLive(path, { width = 1280, colorScheme = "light" } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(`${origin}${path}`);
  await page.locator(":not([hidden]) > .fc-card").first().waitFor({ timeout: 5000 });
  await widgetsLive(page);
  return { page, errors, close: () => context.close() };
}

/**
 * A screenshot of the whole page, taken with the viewport as tall as the
 * page: cards far below the first screen skip rendering
 * (`content-visibility: auto`) and a plain full-page capture, which does
 * not scroll, would show them as empty boxes where a reader sees cards.
 */
export async function fullPageScreenshot(page, path) {
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.min(height, 16000) });
  // Two frames: one to lay out at the new size, one to draw what came near.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({ path, fullPage: true });
  await page.setViewportSize(viewport);
}

/**
 * What each test file starts with: `dist` served on a free port of
 * 127.0.0.1 (`options` as `serve` takes them) and a headless Chromium.
 */
export async function startSuite(dist, options) {
  const server = await serve(dist, 0, options);
  return { server, origin: `http://127.0.0.1:${server.address().port}`, browser: await launch() };
}

/** Closes what `startSuite` started, whatever part of it did start. */
export async function stopSuite(suite) {
  await suite?.browser?.close();
  suite?.server?.closeAllConnections?.();
  suite?.server?.close();
}

/** The test file's Chromium, its server (with its request `log`) and the server's origin, set by `setUpSuite` before the first test. */
export let browser, origin, server;

/**
 * Registers a test file's `before` and `after`: `startSuite(dist, options)`
 * (and the screenshot folder) before the first test, `stopSuite` after the
 * last. The file then uses the `browser` and `origin` exported here.
 */
export function setUpSuite(dist, options) {
  let suite;
  before(async () => {
    await mkdir(SHOTS, { recursive: true });
    suite = await startSuite(dist, options);
    ({ browser, origin, server } = suite);
  });
  after(() => stopSuite(suite));
}
