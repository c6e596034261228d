// End-to-end tests of how a big sheet renders (src/progress.rs): a
// screenful of cards in the first render, the rest in later tasks, `ready`
// once every card is in; an open card and a printout do not wait for the
// chunks. Sheets come from the benchmark's generator, mounted through the
// JS API on the release build.
//
// Nothing here is timed: each test counts the cards at a point the widget's
// own tasks define (its first render, an event, the next frame).
import { test } from "node:test";
import assert from "node:assert/strict";
import { DIST, FIXTURES, browser, origin, setUpSuite } from "./browser.mjs";
import { generate } from "../bench/generate.mjs";

const TIMEOUT = 20000;

setUpSuite(DIST, { mounts: { "/fixtures/": FIXTURES } });

/** The API fixture page, with the widget's API ready and no error so far. */
async function apiPage(t) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto(`${origin}/fixtures/api.html`);
  await page.evaluate(() => window.factcards.ready);
  return { page, errors };
}

/**
 * In the page: mounts `sheet` on #target and resolves, at the widget's first
 * render (the first mutation that brings cards), with the cards in the DOM
 * then. With `print`, it waits for the second render (the first chunk
 * after it: the deck's listeners are in place by then), dispatches
 * `beforeprint` and resolves with the cards before the dispatch.
 * `window.__ready` records the factcards:ready events, `window.__events`
 * the ready and search events in order.
 */
function mountAndCatchFirstRender(page, sheet, options, print = false) {
  return page.evaluate(
    ([sheet, options, print]) => {
      const target = document.getElementById("target");
      window.__ready = [];
      window.__events = [];
      target.addEventListener("factcards:ready", (event) => window.__ready.push(event.detail));
      for (const name of ["ready", "search"]) {
        target.addEventListener(`factcards:${name}`, (event) => window.__events.push({ name, detail: event.detail }));
      }
      const cards = () => [...target.shadowRoot.querySelectorAll(".fc-card")].map((card) => card.dataset.card);
      return new Promise((resolve) => {
        window.factcards.mount(target, sheet, options);
        let first = null;
        const observer = new MutationObserver(() => {
          const now = cards();
          if (now.length === 0 || (print && first !== null && now.length === first)) return;
          if (print && first === null) {
            first = now.length;
            return;
          }
          observer.disconnect();
          if (print) window.dispatchEvent(new Event("beforeprint"));
          resolve({ cards: now, readyEvents: window.__ready.length });
        });
        observer.observe(target.shadowRoot, { childList: true, subtree: true });
      });
    },
    [sheet, options, print],
  );
}

/** The sheet's card ids in display order: by category, then sheet order. */
function displayOrder(sheet) {
  return sheet.categories.flatMap((category) => sheet.cards.filter((card) => card.category === category.id).map((card) => card.id));
}

test("a big sheet shows a screenful first, then every card in order, and is ready once", async (t) => {
  const { page, errors } = await apiPage(t);
  const sheet = generate(1000); // 100 cards of 10 facts
  const first = await mountAndCatchFirstRender(page, sheet, {});
  const order = displayOrder(sheet);
  // 60 facts' worth of cards first (progress.rs FIRST_RENDER_FACTS).
  assert.deepEqual(first.cards, order.slice(0, 6));
  assert.equal(first.readyEvents, 0, "ready before every card is in");

  await page.waitForFunction(() => window.__ready.length > 0);
  const cards = await page.evaluate(() => [...document.getElementById("target").shadowRoot.querySelectorAll(".fc-card")].map((c) => c.dataset.card));
  assert.deepEqual(cards, order);

  // The search hides the facts it leaves out (they stay, hidden) and marks
  // matches only in the facts it shows.
  const root = "document.getElementById('target').shadowRoot";
  const facts = () => page.evaluate(`(() => {
    const all = [...${root}.querySelectorAll(".fc-fact")];
    const shown = all.filter((f) => !f.hidden && !f.closest("[hidden]"));
    return { all: all.length, shown: shown.length, marked: all.filter((f) => f.querySelector("mark")).length,
             markedHidden: all.filter((f) => f.hidden && f.querySelector("mark")).length };
  })()`);
  await page.locator("#target .fc-search__input").fill("x");
  await page.waitForFunction(`${root}.querySelectorAll(".fc-fact:not([hidden])").length === 100`);
  assert.deepEqual(await facts(), { all: 1000, shown: 100, marked: 100, markedHidden: 0 });
  await page.locator("#target .fc-search__input").fill("");
  await page.waitForFunction(`${root}.querySelectorAll(".fc-fact:not([hidden])").length === 1000`);
  assert.deepEqual(await facts(), { all: 1000, shown: 1000, marked: 0, markedHidden: 0 });
  // One ready event, after the last chunk, even though the deck rendered
  // several times: the search's own event for the cleared box, which comes
  // once the reader has stopped typing, later than any chunk could, is the
  // last, and no second ready came before it. (Whether the "x" search was
  // reported too depends on how long its render took.)
  await page.waitForFunction(() => window.__events.some((event) => event.name === "search" && event.detail.query === ""));
  const reported = await page.evaluate(() => window.__events);
  assert.deepEqual(reported.filter((event) => event.name === "ready"), [{ name: "ready", detail: { sheet: sheet.id, cards: 100 } }]);
  assert.equal(reported[0].name, "ready");
  assert.deepEqual(reported.at(-1), { name: "search", detail: { query: "", matches: 1000 } });
  assert.deepEqual(errors, []);
});

test("a card opened by the options is in the first render, however far down", async (t) => {
  const { page, errors } = await apiPage(t);
  const sheet = generate(1000);
  const last = displayOrder(sheet).at(-1);
  const first = await mountAndCatchFirstRender(page, sheet, { card: last });
  assert.equal(first.cards.length, 100);
  assert.equal(first.cards.at(-1), last);
  const toggle = page.locator(`#target .fc-card[data-card='${last}'] .fc-card__toggle`);
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  assert.deepEqual(errors, []);
});

test("printing while a big sheet renders prints every card", async (t) => {
  const { page, errors } = await apiPage(t);
  const sheet = generate(10000); // 1,000 cards: 20 chunks after the first
  const second = await mountAndCatchFirstRender(page, sheet, {}, true);
  assert.equal(second.cards.length, 56, "the first render and one chunk");
  // `beforeprint` came with the first chunk: by the next frame, long
  // before 19 more chunks could have run, every card is in.
  const count = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() =>
    resolve(document.getElementById("target").shadowRoot.querySelectorAll(".fc-card").length))));
  assert.equal(count, 1000);
  assert.deepEqual(errors, []);
});
