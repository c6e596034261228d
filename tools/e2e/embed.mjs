// What the end-to-end suites of the embedding share (mount, api, events,
// isolation, iframe and deep-links .test.mjs): the release build in dist/
// served on 127.0.0.1 together with the small pages in fixtures/ (under
// /fixtures/), headless Chromium, and helpers that open a page and read
// what the widgets on it did and reported.
//
// No test sleeps for a fixed time: each waits for an element, an event or a
// condition, with a short timeout so that a missing behaviour fails fast.
import { BUNDLED, DIST, FIXTURES, browser, origin, setUpSuite, widgetsLive } from "./browser.mjs";

export { DIST, SHOTS, origin } from "./browser.mjs";

/** How long a wait may take before the behaviour counts as missing. */
export const TIMEOUT = 5000;

export { SHEET_ID } from "./browser.mjs";
/** The bundled story's card ids, in order. */
export const CARDS = BUNDLED.cards.map((card) => card.id);
/** The console message Chromium logs for every 404 resource load. */
const RESOURCE_404 = /^Failed to load resource: the server responded with a status of 404/;

/**
 * Registers the test file's `before` and `after`: serves dist/ and
 * fixtures/ (plus `routes`, as `serve` takes them) and starts Chromium.
 */
export function embedSuite({ routes = {} } = {}) {
  setUpSuite(DIST, { mounts: { "/fixtures/": FIXTURES }, routes });
}

/** Runs in every page before its scripts: records every factcards:* event that reaches the document. */
function recordEvents() {
  window.__fcEvents = [];
  for (const name of ["ready", "error", "card-toggle", "filter", "source-click", "copy-link", "search", "grouping", "view"]) {
    document.addEventListener(`factcards:${name}`, (event) => {
      window.__fcEvents.push({
        name,
        target: event.target.id,
        bubbles: event.bubbles,
        detail: JSON.parse(JSON.stringify(event.detail)),
      });
    });
  }
}

/**
 * Opens `path` in a fresh context and collects uncaught page errors and
 * console errors (404 resource loads only when `allow404`).
 * `t.after` closes the context.
 */
export async function open(t, path, { width = 1280, height = 900, colorScheme = "light", allow404 = false, wait, context: contextOptions = {}, beforeGoto } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, ...contextOptions });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const errors = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (allow404 && RESOURCE_404.test(message.text())) return;
    errors.push(`console.error: ${message.text()}`);
  });
  await page.addInitScript(recordEvents);
  if (beforeGoto) await beforeGoto(page);
  await page.goto(`${origin}${path}`);
  if (wait) {
    await page.locator(wait).first().waitFor({ state: "visible" });
    await widgetsLive(page);
  }
  return { page, errors, context };
}

/** Waits for a recorded factcards:`name` event (on the element with id `target`, if given) and returns it. */
export async function event(page, name, target, timeout = TIMEOUT) {
  const handle = await page.waitForFunction(
    ([name, target]) => window.__fcEvents.find((e) => e.name === name && (target === undefined || e.target === target)),
    [name, target],
    { timeout },
  );
  return handle.jsonValue();
}

/** Every recorded event named `name`. */
export function events(page, name) {
  return page.evaluate((name) => window.__fcEvents.filter((e) => e.name === name), name);
}

/** The data-card ids of the cards shown in the widget on `#host`. */
export function shownCards(page, host) {
  return page.locator(`#${host} :not([hidden]) > .fc-card`).evaluateAll((cards) => cards.map((card) => card.dataset.card));
}

/** Waits until two animation frames have passed (for "nothing happened" checks). */
export function frames(page) {
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Waits until the iframe is sized to its document (±2px) and returns both heights. */
export async function frameHeights(page, { above = 0 } = {}) {
  const measure = () => page.evaluate(() => {
    const frame = document.querySelector("iframe[data-factcards-frame]");
    return {
      frameStyle: frame.style.height,
      frameHeight: frame.getBoundingClientRect().height,
      documentHeight: frame.contentDocument?.documentElement.getBoundingClientRect().height,
    };
  });
  const handle = await page.waitForFunction((above) => {
    const frame = document.querySelector("iframe[data-factcards-frame]");
    const root = frame.contentDocument?.documentElement;
    if (!root || !frame.style.height) return false;
    const frameHeight = frame.getBoundingClientRect().height;
    const documentHeight = root.getBoundingClientRect().height;
    if (frameHeight <= above || Math.abs(frameHeight - documentHeight) > 2) return false;
    return { frameHeight, documentHeight };
  }, above).catch(async (error) => {
    throw new Error(`the iframe is not sized to its document: ${JSON.stringify(await measure())}`, { cause: error });
  });
  return handle.jsonValue();
}
