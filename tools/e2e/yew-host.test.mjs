// End-to-end: examples/yew-host, another Yew app that uses <FactDeck> as a
// component, built by Trunk (scripts/test builds it) and loaded in Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { SHOTS, browser, origin, setUpSuite, fullPageScreenshot } from "./browser.mjs";

const YEW_HOST_DIST = process.env.YEW_HOST_DIST ?? "examples/yew-host/dist";
setUpSuite(YEW_HOST_DIST);

test("the Yew host app renders the deck with its props and receives its events", async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(`${origin}/`);
  await page.locator(":not([hidden]) > .fc-card").first().waitFor({ state: "visible" });
  assert.equal(await page.locator(".host-app__title").innerText(), "Our newsroom app");
  // initial_category="origins": only that category's two cards.
  const cards = await page.locator(":not([hidden]) > .fc-card").evaluateAll((els) => els.map((el) => el.dataset.card));
  assert.deepEqual(cards, ["formed-in-2015", "parent-group"]);
  // The widget's stylesheet applies (the deck's frame has its radius).
  const radius = await page.locator(".fc-deck").first().evaluate((el) => getComputedStyle(el).borderRadius);
  assert.equal(radius, "10px");
  // on_event reaches the host app.
  await page.locator(":not([hidden]) > .fc-card .fc-card__toggle").first().click();
  await page.getByText(/Last event: CardToggle \{ card: "formed-in-2015", expanded: true \}/).waitFor();
  await fullPageScreenshot(page, `${SHOTS}/yew-host.png`);
  assert.deepEqual(errors, []);
  await page.close();
});
