// End-to-end tests of the DOM events the widget fires on its mount element
// for the host page's analytics. See embed.mjs for the set-up.
import { test } from "node:test";
import assert from "node:assert/strict";
import { CARDS, SHEET_ID, origin, embedSuite, open, event, events } from "./embed.mjs";
import { pollUntil } from "./browser.mjs";

embedSuite();

test("events: factcards:ready bubbles with {sheet, cards}", async (t) => {
  const { page, errors } = await open(t, "/fixtures/api.html", { wait: "#drop-in :not([hidden]) > .fc-card" });
  const ready = await event(page, "ready", "drop-in");
  assert.equal(ready.bubbles, true);
  assert.deepEqual(ready.detail, { sheet: SHEET_ID, cards: CARDS.length });
  assert.equal((await events(page, "ready")).length, 1, "ready fired once");
  assert.deepEqual(errors, []);
});

test("events: toggling a card fires factcards:card-toggle {card, expanded}", async (t) => {
  const { page, errors } = await open(t, "/fixtures/api.html", { wait: "#drop-in :not([hidden]) > .fc-card" });
  const toggle = page.locator("#drop-in :not([hidden]) > .fc-card[data-card='aims'] .fc-card__toggle");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  const opened = await event(page, "card-toggle", "drop-in");
  assert.deepEqual(opened.detail, { card: "aims", expanded: true });
  await toggle.click();
  await page.waitForFunction(() => window.__fcEvents.filter((e) => e.name === "card-toggle").length === 2);
  assert.deepEqual((await events(page, "card-toggle"))[1].detail, { card: "aims", expanded: false });
  assert.deepEqual(errors, []);
});

test("events: clicking a filter chip fires factcards:filter {categories}", async (t) => {
  const { page, errors } = await open(t, "/fixtures/api.html", { wait: "#drop-in :not([hidden]) > .fc-card" });
  await page.locator("#drop-in .fc-filter__chip[data-category='origins']").click();
  const filtered = await event(page, "filter", "drop-in");
  assert.deepEqual(filtered.detail, { categories: ["origins"] });
  await page.locator("#drop-in .fc-filter__chip--all").click();
  await page.waitForFunction(() => window.__fcEvents.filter((e) => e.name === "filter").length === 2);
  assert.deepEqual((await events(page, "filter"))[1].detail, { categories: [] });
  assert.deepEqual(errors, []);
});

test("events: following a source link fires factcards:source-click {source, url}", async (t) => {
  const { page, errors, context } = await open(t, "/fixtures/api.html", { wait: "#drop-in :not([hidden]) > .fc-card" });
  // A source on this origin, so the new tab does not reach the network.
  const url = `${origin}/moscow-isis-k.json`;
  await page.evaluate(async (url) => {
    const sheet = await (await fetch("/fixtures/small-sheet.json")).json();
    sheet.sources[0].url = url;
    window.factcards.mount(document.getElementById("target"), sheet);
  }, url);
  await page.locator("#target :not([hidden]) > .fc-card[data-card='why-closed'] .fc-card__toggle").click();
  const link = page.locator("#target :not([hidden]) > .fc-card[data-card='why-closed'] .fc-sources__link");
  assert.equal(await link.getAttribute("href"), url);
  assert.equal(await link.getAttribute("target"), "_blank");
  assert.match(await link.getAttribute("rel"), /noopener/);
  const [tab] = await Promise.all([context.waitForEvent("page"), link.click()]);
  const clicked = await event(page, "source-click", "target");
  assert.deepEqual(clicked.detail, { source: "council", url });
  await tab.waitForLoadState();
  assert.equal(tab.url(), url);
  await tab.close();
  assert.deepEqual(errors, []);
});

test("events: copying a card's link fires factcards:copy-link and copies the deep link", async (t) => {
  const { page, errors } = await open(t, "/fixtures/api.html", {
    wait: "#drop-in :not([hidden]) > .fc-card",
    context: { permissions: ["clipboard-read", "clipboard-write"] },
  });
  const button = page.locator("#drop-in :not([hidden]) > .fc-card[data-card='aims'] .fc-card__copy-link");
  await button.click();
  const copied = await event(page, "copy-link", "drop-in");
  assert.deepEqual(copied.detail, { card: "aims", anchor: `${SHEET_ID}/aims` });
  const copiedText = await pollUntil(() => page.evaluate(() => navigator.clipboard.readText()), (text) => text.includes("#"));
  assert.equal(copiedText, `${origin}/fixtures/api.html#${SHEET_ID}/aims`);
  assert.match(await button.innerText(), /Link copied/);
  assert.deepEqual(errors, []);
});
