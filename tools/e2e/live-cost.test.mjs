// End-to-end, release build: what an update of a live deck costs on the
// 1,000-fact sheet of the benchmark (tools/bench/generate.mjs) when it
// changes one fact. The deck is mounted with `live` on through the JS API
// and given the new version with update(), which takes the path a fetched
// version takes (checked, diffed, marked, rendered in place), without
// waiting 30 s for the release's shortest interval. A long-task observer
// reports every main-thread task over 50 ms; the budget is none. It watches
// from the moment every card of the first render is drawn until the changed
// fact's mark is, and a frame after it: no fixed waits.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DIST, FIXTURES, browser, origin, setUpSuite } from "./browser.mjs";
import { generate, oneStatusMoved } from "../bench/generate.mjs";

setUpSuite(DIST, { mounts: { "/fixtures/": FIXTURES } });

test("an update that changes one fact of the 1,000-fact sheet has no task over 50 ms", async (t) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  t.after(() => page.close());
  await page.goto(`${origin}/fixtures/api.html`);
  const sheet = generate(1000);
  const { sheet: next, card } = oneStatusMoved(sheet);
  const result = await page.evaluate(async ({ sheet, next, card }) => {
    const api = await window.factcards.ready;
    const target = document.getElementById("target");
    const event = (name) => new Promise((resolve) => target.addEventListener(name, (e) => resolve(e.detail), { once: true }));
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    /** Resolves on the first frame at which `predicate` holds. */
    const until = async (predicate) => {
      while (!predicate()) await frame();
    };
    const ready = event("factcards:ready");
    const handle = api.mount(target, sheet, { live: 60, urlState: false });
    await ready;
    // The first render comes in chunks: watch once every card is drawn.
    await until(() => target.shadowRoot.querySelectorAll(".fc-card").length === sheet.cards.length);
    await frame();
    const tasks = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((entry) => entry.duration)));
    observer.observe({ type: "longtask" });
    const updated = event("factcards:update");
    const start = performance.now();
    handle.update(next);
    const detail = await updated;
    const elapsed = performance.now() - start;
    // Until the changed fact is marked, and one frame more.
    await until(() => target.shadowRoot.querySelector(`[data-card=${card}] .fc-change`));
    await frame();
    tasks.push(...observer.takeRecords().map((entry) => entry.duration));
    observer.disconnect();
    return { detail, elapsed, longest: Math.max(0, ...tasks), tasks: tasks.length };
  }, { sheet, next, card });
  console.log(
    `update of one fact in 1,000: ${result.elapsed.toFixed(1)} ms to the event; ` +
      `${result.tasks} long tasks, longest ${result.longest.toFixed(1)} ms`,
  );
  assert.equal(result.detail.counts.changed, 1);
  assert.equal(result.detail.counts.new + result.detail.counts.removed, 0);
  assert.equal(result.tasks, 0, `longest task ${result.longest.toFixed(1)} ms`);
});
