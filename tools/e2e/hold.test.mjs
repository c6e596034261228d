// End-to-end: the bare drop-in's code (`style="min-height:100vh"` on the
// mount element) holds a screen before the script runs, so the article
// around it does not move when the deck arrives; the widget lets go of it
// once the deck is drawn, only where that moves nothing on screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { embedSuite, event, open } from "./embed.mjs";
import { FIXTURES } from "./browser.mjs";

embedSuite();

const SMALL_SHEET = readFileSync(`${FIXTURES}small-sheet.json`, "utf8").replace(/</g, "\\u003c");

/** A host article with a bare mount `mount` near its top, then text. */
function article(mount) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host article</title>
<link rel="icon" href="data:,">
<script>
  window.__shifts = [];
  new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => ({ value: e.value, input: e.hadRecentInput }))))
    .observe({ type: "layout-shift", buffered: true });
</script></head>
<body style="margin:0;font:18px/1.5 Georgia,serif"><h1 style="margin:8px 16px">An article</h1>
${mount}
${Array.from({ length: 8 }, (_, i) => `<p id="p${i}" style="margin:16px">The article's own text goes on around the facts box.</p>`).join("\n")}
<script type="module" src="/factcards.js"></script></body></html>`;
}

/**
 * Opens `html` at a phone's size with the wasm held back until `release()`
 * (holding the loader itself would hold the page's load event, which
 * `open` waits for; the mount is as its code left it either way).
 */
async function openHeld(t, path, html, { width = 375, height = 700 } = {}) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const opened = await open(t, path, {
    width,
    height,
    beforeGoto: async (page) => {
      await page.route(`**${path}`, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
      await page.route(/_bg\.wasm$/, async (route) => {
        await held;
        await route.continue();
      });
    },
  });
  return { ...opened, release };
}

const shifts = (page) => page.evaluate(() => window.__shifts.filter((shift) => !shift.input).reduce((sum, shift) => sum + shift.value, 0));
const minHeight = (page) => page.evaluate(() => document.getElementById("facts").style.minHeight);
const textTop = (page) => page.evaluate(() => document.getElementById("p0").getBoundingClientRect().top);

test("hold: a bare drop-in holds a screen before its script, and the article does not move as the deck arrives", async (t) => {
  for (const [width, height] of [[375, 700], [1280, 800]]) {
    const { page, errors, release } = await openHeld(t, `/held-bare-${width}.html`, article(`<div data-factcards id="facts" style="min-height:100vh"></div>`), { width, height });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
    const before = await textTop(page);
    assert.ok(before >= height, `at ${width} px the text below starts out of view (${before}px), not under the headline`);
    release();
    await event(page, "ready", "facts", 30000);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    const drawn = await page.evaluate(() => document.getElementById("facts").shadowRoot.querySelector(".fc-root").getBoundingClientRect().height);
    assert.ok(drawn > height, `at ${width} px the bundled deck (${drawn}px) is taller than the screen`);
    assert.equal(await minHeight(page), "", `at ${width} px the hold is let go once the deck reaches past the screen`);
    assert.equal(await shifts(page), 0, `at ${width} px nothing on screen moved`);
    assert.deepEqual(errors, []);
  }
});

test("hold: a deck shorter than a screen keeps the space until the reader touches it", async (t) => {
  const mount = `<div data-factcards id="facts" style="min-height:100vh"><script type="application/json">${SMALL_SHEET}</script></div>`;
  const { page, errors, release } = await openHeld(t, "/held-short.html", article(mount), { width: 1280, height: 900 });
  release();
  await event(page, "ready", "facts", 30000);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  const [drawn, held] = await page.evaluate(() => {
    const host = document.getElementById("facts");
    return [host.shadowRoot.querySelector(".fc-root").getBoundingClientRect().height, host.getBoundingClientRect().height];
  });
  assert.ok(drawn < held, `the small deck (${drawn}px) is shorter than the held screen (${held}px)`);
  assert.equal(await minHeight(page), "100vh", "letting go now would pull the text up on screen");
  assert.equal(await shifts(page), 0, "nothing on screen moved");
  // The reader's first touch in the deck lets go: a shift the reader caused.
  await page.locator("#facts .fc-card__toggle").first().click();
  assert.equal(await minHeight(page), "");
  const [deck, host] = await page.evaluate(() => {
    const host = document.getElementById("facts");
    return [host.shadowRoot.querySelector(".fc-root").getBoundingClientRect().height, host.getBoundingClientRect().height];
  });
  assert.ok(Math.abs(host - deck) < 1, `the mount is the deck's height now (${host}px, the deck ${deck}px)`);
  assert.equal(await shifts(page), 0, "and the only shift came right after the reader's input");
  assert.deepEqual(errors, []);
});

test("hold: a mount whose code held no space is left as it was", async (t) => {
  const { page, errors, release } = await openHeld(t, "/held-none.html", article(`<div data-factcards id="facts" style="margin:0 16px"></div>`));
  release();
  await event(page, "ready", "facts", 30000);
  assert.equal(await page.evaluate(() => document.getElementById("facts").getAttribute("style")), "margin:0 16px");
  assert.deepEqual(errors, []);
});
