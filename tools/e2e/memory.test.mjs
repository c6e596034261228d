// End-to-end: a news-sized deck runs within the wasm memory it starts with.
// The widget starts with room for the bundled story's decks (build.rs,
// WIDGET_INITIAL_MEMORY), because WebKitGTK's wasm at times trapped in the
// allocator while the memory grew in the widget's first seconds. If this
// fails, the decks need more memory than the widget starts with: raise it
// there, within the benchmark's memory budget.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DIST, FIXTURES, browser, origin, setUpSuite, widgetsLive } from "./browser.mjs";

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

/** Uses every control of every widget on the page: each chip and "All", a search and its clearing, the grouping switch, every card's sources. */
async function useEverything() {
  const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
  for (const host of document.querySelectorAll("[data-factcards]")) {
    const root = host.shadowRoot;
    for (const chip of root.querySelectorAll(".fc-filter__chip")) {
      chip.click();
      await pause();
    }
    root.querySelector(".fc-filter__chip--all")?.click();
    const input = root.querySelector(".fc-search__input");
    if (input) {
      for (const value of ["isis", ""]) {
        input.value = value;
        input.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
        await pause();
      }
    }
    for (const option of root.querySelectorAll(".fc-grouping input, .fc-grouping button")) {
      option.click();
      await pause();
    }
    for (const toggle of root.querySelectorAll(".fc-card__toggle")) {
      toggle.click();
      await pause();
    }
  }
}

for (const path of ["/news-article.html", "/index.html"]) {
  test(`${path}: the widget's wasm memory never grows, its controls all used`, async () => {
    const page = await browser.newPage();
    await page.addInitScript(recordMemories);
    await page.goto(`${origin}${path}`);
    await widgetsLive(page);
    await page.evaluate(useEverything);
    const memories = await page.evaluate(() => window.__memories.map(({ memory, start }) => ({ start, now: memory.buffer.byteLength })));
    assert.equal(memories.length, 1, "one wasm memory on the page");
    assert.equal(memories[0].now, memories[0].start, `the memory grew from ${memories[0].start / 65536} to ${memories[0].now / 65536} pages of 64 KiB`);
    await page.close();
  });
}
