// End-to-end tests of analytics parity: factcards:search (once the reader
// stops typing), factcards:grouping, factcards:view (the first time half the
// deck is on screen), and every event of an iframe embed dispatched on its
// <iframe> element by embed-loader.js, with only the documented fields.
//
// Where a test shows that an event does not come (again), something that
// must come after it does first: the page's own clock run past the quiet
// time, an IntersectionObserver of the test's own called after the widget's,
// or a later message that is dispatched.
import { test } from "node:test";
import assert from "node:assert/strict";
import { CARDS, SHEET_ID, TIMEOUT, embedSuite, open, event, events } from "./embed.mjs";

embedSuite();

/** How long the search must rest before factcards:search (`SEARCH_QUIET_MS` in src/embed/instance.rs). */
const SEARCH_QUIET_MS = 700;

test("analytics: a burst of typing fires one factcards:search {query, matches}", async (t) => {
  // The page's timers run on Playwright's clock, paused once the deck is
  // live: the test decides how far apart the keys are, whatever the
  // machine's speed.
  const { page, errors } = await open(t, "/fixtures/api.html", {
    wait: "#drop-in :not([hidden]) > .fc-card",
    beforeGoto: (page) => page.clock.install(),
  });
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  const input = page.locator("#drop-in .fc-search__input");
  for (const key of "isis") {
    await input.press(key);
    await page.clock.runFor(SEARCH_QUIET_MS - 1);
    assert.deepEqual(await events(page, "search"), [], `no search event while keys come ${SEARCH_QUIET_MS - 1} ms apart`);
  }
  await page.clock.runFor(1);
  const shown = await page.locator("#drop-in :not([hidden]) > .fc-card .fc-fact:not([hidden])").count();
  const searched = await events(page, "search");
  assert.deepEqual(searched.map((e) => [e.target, e.detail, e.bubbles]), [["drop-in", { query: "isis", matches: shown }, true]]);
  // Only the rested query, and only once: not "i", "is", "isi", in ten more
  // seconds of the page's time.
  await page.clock.runFor(10000);
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

/**
 * Resolves once an IntersectionObserver made now reports #below as
 * `onScreen` (or not). Observers are called in the order they were made, in
 * the same update: by then the widget's own observer, made at its ready
 * event, has been told the same.
 */
function observedBelow(page, onScreen) {
  return page.evaluate(
    (onScreen) =>
      new Promise((resolve) => {
        const observer = new IntersectionObserver((entries) => {
          if (entries.at(-1).isIntersecting !== onScreen) return;
          observer.disconnect();
          resolve();
        });
        observer.observe(document.getElementById("below"));
      }),
    onScreen,
  );
}

test("analytics: factcards:view fires once, when the deck below the fold comes on screen", async (t) => {
  const { page, errors } = await open(t, "/fixtures/below-fold.html", { height: 800 });
  await event(page, "ready", "below");
  // The observers have seen the deck below the fold: no view.
  await observedBelow(page, false);
  assert.deepEqual(await events(page, "view"), []);
  await page.evaluate(() => document.getElementById("below").scrollIntoView());
  const seen = await event(page, "view", "below");
  assert.deepEqual(seen.detail, { sheet: SHEET_ID });
  await page.evaluate(() => window.scrollTo(0, 0));
  await observedBelow(page, false);
  await page.evaluate(() => document.getElementById("below").scrollIntoView());
  await observedBelow(page, true);
  // And a later event of the same deck comes with no second view before it.
  await page.locator("#below .fc-filter__chip[data-category='origins']").click();
  await event(page, "filter", "below");
  const names = (await page.evaluate(() => window.__fcEvents)).map((e) => e.name).filter((name) => name !== "ready");
  assert.deepEqual(names, ["view", "filter"]);
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
  // unknown name, or one from the page itself, is not dispatched. The
  // unknown name is listened for here (the recorder knows only the
  // documented ones).
  await page.evaluate(() => document.addEventListener("factcards:steal", () => window.__fcEvents.push({ name: "steal" })));
  const before = (await page.evaluate(() => window.__fcEvents)).length;
  const inner = page.frames().find((f) => f.url().includes("embed.html"));
  const post = (message) => inner.evaluate((message) => parent.postMessage(message, "*"), message);
  await post({ type: "factcards:event", name: "factcards:card-toggle", detail: { card: "aims", expanded: true, secret: "x" } });
  await post({ type: "factcards:event", name: "factcards:steal", detail: {} });
  await page.evaluate(() => window.postMessage({ type: "factcards:event", name: "factcards:copy-link", detail: { card: "a", anchor: "b" } }, "*"));
  // Messages to the page are handled in the order they were posted: once
  // this later one is dispatched, the three before it have been handled.
  await post({ type: "factcards:event", name: "factcards:card-toggle", detail: { card: "aims", expanded: false } });
  await page.waitForFunction((before) => window.__fcEvents.length >= before + 2, before, { timeout: TIMEOUT });
  const after = (await page.evaluate(() => window.__fcEvents)).slice(before);
  assert.deepEqual(after, [
    { name: "card-toggle", target: "frame", bubbles: true, detail: { card: "aims", expanded: true } },
    { name: "card-toggle", target: "frame", bubbles: true, detail: { card: "aims", expanded: false } },
  ]);
  assert.deepEqual(errors, []);
});
