// End-to-end tests of a clean URL: update() and destroy() take the widget's
// own part of the fragment (#<sheet-id>…, its view or a card link) off the
// page's address, and leave any other fragment and the rest of the URL.
import { test } from "node:test";
import assert from "node:assert/strict";
import { embedSuite, open } from "./embed.mjs";

embedSuite();

const SHEET = "harbour-bridge-closure";

/** The API fixture with the small sheet mounted on #target and filtered, so its view is in the URL. */
async function filtered(t) {
  const opened = await open(t, "/fixtures/api.html?page=1", { wait: "#drop-in :not([hidden]) > .fc-card" });
  const { page } = opened;
  await page.evaluate(async () => {
    await window.factcards.ready;
    window.smallSheet = await (await fetch("/fixtures/small-sheet.json")).json();
    window.handle = window.factcards.mount(document.getElementById("target"), window.smallSheet);
  });
  await page.locator("#target :not([hidden]) > .fc-card").first().waitFor();
  await page.locator("#target .fc-filter__chip", { hasText: "Traffic" }).click();
  await page.waitForFunction((sheet) => location.hash.startsWith(`#${sheet}?`), SHEET);
  return opened;
}

const address = (page) => page.evaluate(() => ({ search: location.search, hash: location.hash, href: location.href }));

test("url: update() takes the old view off the fragment and keeps the rest of the URL", async (t) => {
  const { page, errors } = await filtered(t);
  assert.equal((await address(page)).hash, `#${SHEET}?cat=traffic`);
  await page.evaluate(() => window.handle.update(structuredClone(window.smallSheet)));
  const now = await address(page);
  assert.equal(now.hash, "");
  assert.equal(now.search, "?page=1");
  assert.ok(!now.href.includes("#"), now.href);
  assert.deepEqual(errors, []);
});

test("url: destroy() takes the view off the fragment", async (t) => {
  const { page, errors } = await filtered(t);
  await page.evaluate(() => window.handle.destroy());
  const now = await address(page);
  assert.equal(now.hash, "");
  assert.equal(now.search, "?page=1");
  assert.deepEqual(errors, []);
});

test("url: a fragment that is not the widget's stays through update() and destroy()", async (t) => {
  const { page } = await filtered(t);
  await page.evaluate(() => history.replaceState(null, "", "#section-2"));
  await page.evaluate(() => window.handle.update(structuredClone(window.smallSheet)));
  assert.equal((await address(page)).hash, "#section-2");
  await page.evaluate(() => window.handle.destroy());
  assert.equal((await address(page)).hash, "#section-2");
});
