// End-to-end, release build: what an update of a live deck touches on the
// 1,000-fact sheet of the benchmark (tools/bench/generate.mjs) when it
// changes one fact. The deck is mounted with `live` on through the JS API
// and given the new version with update(), which takes the path a fetched
// version takes (checked, diffed, marked, rendered in place), without
// waiting 30 s for the release's shortest interval. What it asserts does
// not depend on the machine's speed: the DOM changes only inside the
// changed card and the deck's header and live region, not in the other 99
// cards. How long it takes, and the budget on it (no task over 50 ms), are
// the benchmark's (`ONLY=update scripts/bench`), where a shared machine's
// noise cannot fail a test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DIST, FIXTURES, browser, origin, setUpSuite } from "./browser.mjs";
import { generate, oneStatusMoved } from "../bench/generate.mjs";

// A page that mounts through the JS API alone, so that the loader picks the
// build with live sheets (fixtures/api.html also has a drop-in mount, which
// starts the reader's build first: docs/embedding.md, "Live sheets").
setUpSuite(DIST, {
  mounts: { "/fixtures/": FIXTURES },
  routes: {
    "/api-live.html": (request, response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>live cost</title>
<link rel="icon" href="data:,"><script type="module" src="/factcards.js"></script></head><body><div id="target"></div></body></html>`);
    },
  },
});

test("an update that changes one fact of the 1,000-fact sheet changes the DOM of that card only", async (t) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  t.after(() => page.close());
  await page.goto(`${origin}/api-live.html`);
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
    // The cards whose DOM changes, by id ("-" for what is outside any card).
    const touched = new Set();
    const mutations = new MutationObserver((records) => {
      for (const record of records) {
        const node = record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement;
        touched.add(node?.closest("[data-card]")?.getAttribute("data-card") ?? "-");
      }
    });
    mutations.observe(target.shadowRoot, { subtree: true, childList: true, attributes: true, characterData: true });
    const updated = event("factcards:update");
    handle.update(next);
    const detail = await updated;
    // Until the changed fact is marked, and one frame more.
    await until(() => target.shadowRoot.querySelector(`[data-card=${card}] .fc-change`));
    await frame();
    mutations.disconnect();
    return { detail, touched: [...touched].sort() };
  }, { sheet, next, card });
  assert.equal(result.detail.counts.changed, 1);
  assert.equal(result.detail.counts.new + result.detail.counts.removed, 0);
  assert.deepEqual(result.touched.filter((id) => id !== "-"), [card], "only the changed card's DOM changes");
});
