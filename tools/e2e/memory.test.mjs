// End-to-end: a news-sized deck runs within the wasm memory it starts with.
// The widget starts with room for the bundled story's decks (build.rs,
// WIDGET_INITIAL_MEMORY), because WebKitGTK's wasm at times trapped in the
// allocator while the memory grew in the widget's first seconds. If this
// fails, the decks need more memory than the widget starts with: raise it
// there, within the benchmark's memory budget.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BUNDLED, DIST, FIXTURES, browser, origin, setUpSuite, widgetsLive } from "./browser.mjs";

setUpSuite(DIST, { mounts: { "/fixtures/": FIXTURES } });

/** Before any script of the page: keeps each wasm memory the page instantiates, with its size at the start. */
function recordMemories() {
  window.__memories = [];
  const keep = (instantiate) => async (...args) => {
    const result = await instantiate(...args);
    for (const value of Object.values((result.instance ?? result).exports)) {
      if (value instanceof WebAssembly.Memory) window.__memories.push({ memory: value, start: value.buffer.byteLength });
    }
    return result;
  };
  WebAssembly.instantiateStreaming = keep(WebAssembly.instantiateStreaming.bind(WebAssembly));
  WebAssembly.instantiate = keep(WebAssembly.instantiate.bind(WebAssembly));
}

/**
 * Uses every control of every widget on the page, as a reader would, one
 * after another: each chip and "All", a search and its clearing, every
 * card's sources (before the grouping switch: the certainty view has no
 * card toggles), then the grouping switch. Each action's render is in by the
 * next frame (the widget renders in the microtasks after the event); the
 * search is reported once the reader stops, and that report, for the
 * cleared box, is waited for too.
 */
async function useEverything() {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const used = {};
  for (const host of document.querySelectorAll("[data-factcards]")) {
    const root = host.shadowRoot;
    const count = { chips: 0, searches: 0, toggles: 0, groupings: 0 };
    for (const chip of root.querySelectorAll(".fc-filter__chip")) {
      chip.click();
      await frame();
      count.chips += 1;
    }
    root.querySelector(".fc-filter__chip--all")?.click();
    await frame();
    const input = root.querySelector(".fc-search__input");
    if (input) {
      const cleared = new Promise((resolve) =>
        host.addEventListener("factcards:search", (event) => event.detail.query === "" && resolve()),
      );
      for (const value of ["isis", ""]) {
        input.value = value;
        input.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
        await frame();
        count.searches += 1;
      }
      await cleared;
    }
    for (const toggle of root.querySelectorAll(".fc-card__toggle")) {
      toggle.click();
      await frame();
      count.toggles += 1;
    }
    for (const option of root.querySelectorAll(".fc-grouping input, .fc-grouping button")) {
      option.click();
      await frame();
      count.groupings += 1;
    }
    used[host.id] = count;
  }
  return used;
}

/** What each widget offers with the bundled story: a chip per category and "All", a card toggle per card, two groupings. */
const CONTROLS = { chips: BUNDLED.categories.length + 1, searches: 2, toggles: BUNDLED.cards.length, groupings: 2 };

for (const [path, widgets] of [
  // The article's sidebar deck is compact: it has no search box.
  ["/news-article.html", { "inline-facts": CONTROLS, "sidebar-facts": { ...CONTROLS, searches: 0 } }],
  ["/index.html", { "demo-widget": CONTROLS }],
]) {
  test(`${path}: the widget's wasm memory never grows, its controls all used`, async () => {
    const page = await browser.newPage();
    await page.addInitScript(recordMemories);
    await page.goto(`${origin}${path}`);
    await widgetsLive(page);
    assert.deepEqual(await page.evaluate(useEverything), widgets, "every control was used");
    const memories = await page.evaluate(() => window.__memories.map(({ memory, start }) => ({ start, now: memory.buffer.byteLength })));
    assert.equal(memories.length, 1, "one wasm memory on the page");
    assert.equal(memories[0].now, memories[0].start, `the memory grew from ${memories[0].start / 65536} to ${memories[0].now / 65536} pages of 64 KiB`);
    await page.close();
  });
}
