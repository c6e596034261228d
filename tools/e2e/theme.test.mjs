// End-to-end tests of data-theme="auto": it takes the host page's own
// color-scheme (its CSS or its <meta name="color-scheme">) where the page
// sets one, and the reader's preference otherwise; light and dark force.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DIST, FIXTURES, browser, origin, setUpSuite, widgetsLive } from "./browser.mjs";

const TIMEOUT = 5000;

setUpSuite(DIST, { mounts: { "/fixtures/": FIXTURES } });

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
