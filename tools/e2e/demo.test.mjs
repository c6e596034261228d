// End-to-end: the release build that Trunk wrote to dist/, served on
// 127.0.0.1 and loaded in headless Chromium, as a reader would see it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BUNDLED, DIST, SHOTS, browser, origin, setUpSuite, widgetsLive, fullPageScreenshot } from "./browser.mjs";

setUpSuite(DIST);

/** Opens the demo page at a width and waits for the deck inside the shadow root. */
async function openDemo(width, colorScheme = "light") {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(`${origin}/`);
  await widgetsLive(page);
  // Playwright's CSS locators pierce open shadow roots.
  await page.locator(":not([hidden]) > .fc-card").first().waitFor({ state: "visible" });
  return { page, errors };
}

for (const [name, width] of [["desktop", 1280], ["phone", 375]]) {
  test(`demo page shows every card (${name}, ${width}px)`, async () => {
    const { page, errors } = await openDemo(width);
    const cards = page.locator(":not([hidden]) > .fc-card");
    assert.equal(await cards.count(), BUNDLED.cards.length);
    for (const card of await cards.all()) {
      assert.ok(await card.isVisible());
    }
    assert.match(await page.locator(".fc-header__title").innerText(), /ISIS-K/);
    // No horizontal scrolling at phone width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
    await fullPageScreenshot(page, `${SHOTS}/demo-${name}.png`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("filter and disclosure work in the release build", async () => {
  const { page, errors } = await openDemo(1280);
  await page.locator(".fc-filter__chip[data-category='russia']").click();
  assert.equal(await page.locator(":not([hidden]) > .fc-card").count(), 1);
  const toggle = page.locator(":not([hidden]) > .fc-card .fc-card__toggle");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  assert.ok(await page.locator(":not([hidden]) > .fc-card .fc-card__sources").isVisible());
  await fullPageScreenshot(page, `${SHOTS}/demo-filtered-expanded.png`);
  assert.deepEqual(errors, []);
  await page.close();
});
