// End-to-end tests of the status legend: one line per status for readers,
// reachable from every status word by pointer, touch and keyboard, described
// to screen readers, opened by one visible toggle, and printed once.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DIST, FIXTURES, browser, origin, setUpSuite, widgetsLive } from "./browser.mjs";

const TIMEOUT = 5000;

setUpSuite(DIST, { mounts: { "/fixtures/": FIXTURES } });

async function open(path, { width = 1280, hasTouch = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, hasTouch });
  const page = await context.newPage();
  await page.goto(`${origin}${path}`);
  await page.locator(":not([hidden]) > .fc-card").first().waitFor({ timeout: TIMEOUT });
  await widgetsLive(page);
  return { page, close: () => context.close() };
}

/** The element with focus, looking into shadow roots. */
function focused(page) {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return { className: element?.className ?? "", status: element?.dataset?.status ?? null, text: element?.textContent ?? "" };
  });
}

test("each status word is described by its line of the legend, for screen readers", async () => {
  const { page, close } = await open("/fixtures/sources.html");
  const word = page.locator(".fc-fact .fc-status[data-status='claimed']").first();
  const described = await word.evaluate((element) => {
    const line = element.getRootNode().getElementById(element.getAttribute("aria-describedby"));
    return line?.textContent ?? null;
  });
  assert.match(described, /Claimed.*Said by someone involved/);
  // The legend starts closed.
  assert.equal(await page.locator(".fc-legend").isVisible(), false);
  await close();
});

test("choosing a status word, by click, tap or keyboard, opens the legend at its line", async () => {
  const { page, close } = await open("/fixtures/sources.html", { hasTouch: true });
  await page.locator(".fc-fact .fc-status[data-status='reported']").first().tap();
  await page.locator(".fc-legend").waitFor({ state: "visible", timeout: TIMEOUT });
  let now = await focused(page);
  assert.equal(now.status, "reported");
  assert.match(now.className, /fc-legend__line/);
  const lines = await page.locator(".fc-legend__line").count();
  assert.equal(lines, 5);
  // The toggle closes it; the keyboard reaches a status word and Enter opens it.
  const toggle = page.locator(".fc-legend-toggle");
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  await toggle.click();
  assert.equal(await page.locator(".fc-legend").isVisible(), false);
  await page.locator(".fc-fact .fc-status[data-status='claimed']").first().focus();
  await page.keyboard.press("Enter");
  await page.locator(".fc-legend").waitFor({ state: "visible", timeout: TIMEOUT });
  now = await focused(page);
  assert.equal(now.status, "claimed");
  await close();
});

test("print shows the legend once, opened or not", async () => {
  const { page, close } = await open("/fixtures/sources.html");
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".fc-legend").count(), 1);
  assert.ok(await page.locator(".fc-legend").isVisible());
  assert.equal(await page.locator(".fc-legend-toggle").isVisible(), false);
  await close();
});
