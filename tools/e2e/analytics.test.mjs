// End-to-end tests of analytics parity: factcards:search (once the reader
// stops typing), factcards:grouping, factcards:view (the first time half the
// deck is on screen), and every event of an iframe embed dispatched on its
// <iframe> element by embed-loader.js, with only the documented fields.
import { test } from "node:test";
import assert from "node:assert/strict";
import { CARDS, SHEET_ID, TIMEOUT, embedSuite, open, event, events } from "./embed.mjs";

embedSuite();

test("analytics: a burst of typing fires one factcards:search {query, matches}", async (t) => {
  const { page, errors } = await open(t, "/fixtures/api.html", { wait: "#drop-in :not([hidden]) > .fc-card" });
  await page.locator("#drop-in .fc-search__input").pressSequentially("isis", { delay: 30 });
  const searched = await event(page, "search", "drop-in");
  const shown = await page.locator("#drop-in :not([hidden]) > .fc-card .fc-fact:not([hidden])").count();
  assert.deepEqual(searched.detail, { query: "isis", matches: shown });
  assert.equal(searched.bubbles, true);
  // Only the rested query: not "i", "is", "isi".
  await page.waitForTimeout(900);
  assert.deepEqual((await events(page, "search")).map((e) => e.detail.query), ["isis"]);
  assert.deepEqual(errors, []);
});

test("analytics: the grouping switch fires factcards:grouping {grouping}", async (t) => {
  const { page, errors } = await open(t, "/fixtures/api.html", { wait: "#drop-in :not([hidden]) > .fc-card" });
  await page.locator("#drop-in .fc-grouping__button[data-grouping='certainty']").click();
  assert.deepEqual((await event(page, "grouping", "drop-in")).detail, { grouping: "certainty" });
  await page.locator("#drop-in .fc-grouping__button[data-grouping='topic']").click();
  await page.waitForFunction(() => window.__fcEvents.filter((e) => e.name === "grouping").length === 2);
  assert.deepEqual((await events(page, "grouping"))[1].detail, { grouping: "topic" });
  assert.deepEqual(errors, []);
});

test("analytics: factcards:view fires once, when the deck below the fold comes on screen", async (t) => {
  const { page, errors } = await open(t, "/fixtures/below-fold.html", { height: 800 });
  await event(page, "ready", "below");
  // Give the observer a few frames: nothing, the deck is below the fold.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  assert.deepEqual(await events(page, "view"), []);
  await page.evaluate(() => document.getElementById("below").scrollIntoView());
  const seen = await event(page, "view", "below");
  assert.deepEqual(seen.detail, { sheet: SHEET_ID });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => document.getElementById("below").scrollIntoView());
  await page.waitForTimeout(200);
  assert.equal((await events(page, "view")).length, 1, "once");
  assert.deepEqual(errors, []);
});

test("analytics: an iframe embed's events are dispatched on the <iframe>, documented fields only", async (t) => {
  const { page, errors } = await open(t, "/fixtures/frame-events.html");
  const ready = await event(page, "ready", "frame", 15000);
  assert.deepEqual(ready.detail, { sheet: SHEET_ID, cards: CARDS.length });
  assert.equal(ready.bubbles, true);
  assert.deepEqual((await event(page, "view", "frame")).detail, { sheet: SHEET_ID });
  const frame = page.frameLocator("#frame");
  await frame.locator(".fc-filter__chip[data-category='origins']").click();
  assert.deepEqual((await event(page, "filter", "frame")).detail, { categories: ["origins"] });
  await frame.locator(".fc-grouping__button[data-grouping='certainty']").click();
  assert.deepEqual((await event(page, "grouping", "frame")).detail, { grouping: "certainty" });
  await frame.locator(".fc-search__input").fill("isis");
  assert.equal((await event(page, "search", "frame")).detail.query, "isis");
  // A message with an extra field keeps only the documented ones; an
  // unknown name, or one from the page itself, is not dispatched.
  const inner = page.frames().find((f) => f.url().includes("embed.html"));
  await inner.evaluate(() => {
    parent.postMessage({ type: "factcards:event", name: "factcards:card-toggle", detail: { card: "aims", expanded: true, secret: "x" } }, "*");
    parent.postMessage({ type: "factcards:event", name: "factcards:steal", detail: {} }, "*");
  });
  await page.evaluate(() => window.postMessage({ type: "factcards:event", name: "factcards:copy-link", detail: { card: "a", anchor: "b" } }, "*"));
  assert.deepEqual((await event(page, "card-toggle", "frame")).detail, { card: "aims", expanded: true });
  await page.waitForTimeout(200);
  assert.deepEqual(await events(page, "copy-link"), []);
  assert.deepEqual(errors, []);
});
