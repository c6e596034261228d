// End-to-end tests of deep links: #<sheet-id>/<card-id> scrolls to a card
// and opens it, on load and later, for every way a widget is mounted. See
// embed.mjs for the set-up.
import { test } from "node:test";
import assert from "node:assert/strict";
import { TIMEOUT, SHEET_ID, embedSuite, open, event, frames } from "./embed.mjs";

embedSuite();

/** Waits until the card `id` of the widget on `#host` is in the viewport. */
function cardInView(page, host, id, timeout = TIMEOUT) {
  return page.waitForFunction(([host, id]) => {
    const card = document.getElementById(host)?.shadowRoot?.querySelector(`:not([hidden]) > .fc-card[data-card="${id}"]`);
    if (!card) return false;
    const box = card.getBoundingClientRect();
    return box.top < window.innerHeight && box.bottom > 0;
  }, [host, id], { timeout });
}

/** The card's top relative to the top of the document. */
function cardOffset(page, host, id) {
  return page.evaluate(([host, id]) => {
    const card = document.getElementById(host).shadowRoot.querySelector(`:not([hidden]) > .fc-card[data-card="${id}"]`);
    return card.getBoundingClientRect().top + window.scrollY;
  }, [host, id]);
}

/** Waits until the card `id` of the widget on `#host` is open; fails if it is not within TIMEOUT, saying how it is. */
async function assertCardOpen(page, host, id) {
  const toggle = page.locator(`#${host} :not([hidden]) > .fc-card[data-card='${id}'] .fc-card__toggle`);
  await page.waitForFunction(
    ([host, id]) => document.getElementById(host).shadowRoot
      .querySelector(`:not([hidden]) > .fc-card[data-card="${id}"] .fc-card__toggle`)?.getAttribute("aria-expanded") === "true",
    [host, id],
    { timeout: TIMEOUT },
  ).catch(async (error) => {
    throw new Error(`card ${id} of #${host} is not open: aria-expanded is ${await toggle.getAttribute("aria-expanded", { timeout: 1 }).catch(() => "absent")}`, { cause: error });
  });
}

test("deep link: #sheet/card on load scrolls that card into view", async (t) => {
  const { page, errors } = await open(t, `/#${SHEET_ID}/why-russia`, { height: 700, wait: "#demo-widget :not([hidden]) > .fc-card" });
  await cardInView(page, "demo-widget", "why-russia");
  assert.ok(await cardOffset(page, "demo-widget", "why-russia") > 700, "the card starts below the fold");
  assert.ok(await page.evaluate(() => window.scrollY) > 0);
  assert.deepEqual(errors, []);
});

test("deep link: #sheet/card on load opens that card", async (t) => {
  const { page, errors } = await open(t, `/#${SHEET_ID}/why-russia`, { height: 700, wait: "#demo-widget :not([hidden]) > .fc-card" });
  await assertCardOpen(page, "demo-widget", "why-russia");
  assert.ok(await page.locator("#demo-widget :not([hidden]) > .fc-card[data-card='why-russia'] .fc-card__sources").isVisible());
  assert.deepEqual(errors, []);
});

test("deep link: changing location.hash later opens and shows that card", async (t) => {
  const { page, errors } = await open(t, "/", { height: 700, wait: "#demo-widget :not([hidden]) > .fc-card" });
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  await page.evaluate((sheet) => { location.hash = `#${sheet}/aims`; }, SHEET_ID);
  await cardInView(page, "demo-widget", "aims");
  await assertCardOpen(page, "demo-widget", "aims");
  assert.deepEqual(errors, []);
});

test("deep link: a hash for another sheet id does nothing", async (t) => {
  const { page, errors } = await open(t, "/", { height: 700, wait: "#demo-widget :not([hidden]) > .fc-card" });
  // Our listener runs after the widget's (added later), then waits two frames.
  const seen = page.evaluate(() => new Promise((done) => {
    window.addEventListener("hashchange", () => requestAnimationFrame(() => requestAnimationFrame(() => done(location.hash))), { once: true });
  }));
  await page.evaluate(() => { location.hash = "#some-other-story/why-russia"; });
  assert.equal(await seen, "#some-other-story/why-russia");
  assert.equal(await page.locator("#demo-widget :not([hidden]) > .fc-card .fc-card__toggle[aria-expanded='true']").count(), 0);
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  assert.deepEqual(errors, []);
});

test("deep link: #sheet/card reaches a widget whose sheet comes from data-src", async (t) => {
  const { page, errors } = await open(t, `/fixtures/deep-link.html#${SHEET_ID}/why-russia`, { height: 700 });
  await event(page, "ready", "far");
  assert.ok(await cardOffset(page, "far", "why-russia") > 3000, "the card starts far below the fold");
  await cardInView(page, "far", "why-russia").catch(async (error) => {
    throw new Error(`the page did not scroll to the card (scrollY ${await page.evaluate(() => window.scrollY)})`, { cause: error });
  });
  assert.ok(await page.evaluate(() => window.scrollY) > 2000, "the page scrolled down to it");
  assert.deepEqual(errors, []);
});

test("deep link: a widget mounted with factcards.mount() honours the hash already in the URL", async (t) => {
  const { page, errors } = await open(t, "/fixtures/api.html#harbour-bridge-closure/diversions", { wait: "#drop-in :not([hidden]) > .fc-card" });
  await page.evaluate(async () => {
    const sheet = await (await fetch("/fixtures/small-sheet.json")).json();
    window.factcards.mount(document.getElementById("target"), sheet);
  });
  await event(page, "ready", "target");
  await assertCardOpen(page, "target", "diversions");
  assert.deepEqual(errors, []);
});
