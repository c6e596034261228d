// End-to-end test of the iframe embed: embed.html and its host-side loader
// keep the iframe as tall as the widget. See embed.mjs for the set-up.
import { test } from "node:test";
import assert from "node:assert/strict";
import { embedSuite, open, frameHeights } from "./embed.mjs";

embedSuite();

test("iframe: the frame is as tall as its document, and grows when a card opens", async (t) => {
  const { page, errors } = await open(t, "/news-article.html", { wait: "#inline-facts :not([hidden]) > .fc-card" });
  const iframe = page.locator("iframe[data-factcards-frame]");
  await iframe.scrollIntoViewIfNeeded(); // it loads lazily
  const inside = page.frameLocator("iframe[data-factcards-frame]");
  await inside.locator(":not([hidden]) > .fc-card").first().waitFor();
  // embed.html?category=regions: only that category.
  assert.deepEqual(await inside.locator(":not([hidden]) > .fc-card").evaluateAll((cards) => cards.map((c) => c.dataset.card)), ["regions", "wider-isis-network"]);
  const closed = await frameHeights(page);
  assert.ok(closed.frameHeight > 100, `the frame is ${closed.frameHeight}px high`);

  // The two cards share a grid row, so open both: the taller one sets the row's height.
  for (const toggle of await inside.locator(":not([hidden]) > .fc-card .fc-card__toggle").all()) {
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  }
  const opened = await frameHeights(page, { above: closed.frameHeight + 10 });
  assert.ok(opened.frameHeight > closed.frameHeight, `${opened.frameHeight} > ${closed.frameHeight}`);
  // Nothing inside the frame scrolls.
  const frame = page.frame({ url: /embed\.html/ });
  assert.equal(await frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 2), true);
  assert.deepEqual(errors, []);
});

test("iframe: a frame holds the height its code gave it until its deck is drawn, then takes the deck's", async (t) => {
  // The bundled story, held back until the widget shows its loading state.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>
    <iframe data-factcards-frame title="Key facts" style="width:100%;height:600px;border:0" src="/embed.html"></iframe>
    <script>
      window.__heights = [];
      const frame = document.querySelector("iframe");
      new MutationObserver(() => window.__heights.push(frame.style.height)).observe(frame, { attributes: true, attributeFilter: ["style"] });
    </script>
    <script async src="/embed-loader.js"></script></body></html>`;
  const { page, errors } = await open(t, "/held-frame-host.html", {
    beforeGoto: async (page) => {
      await page.route("**/held-frame-host.html", (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: host }));
      await page.route("**/moscow-isis-k.json", async (route) => {
        await held;
        await route.continue();
      });
    },
  });
  const inside = page.frameLocator("iframe[data-factcards-frame]");
  // The widget is running and shows its loading state, in a mount of its own height.
  await inside.locator(".fc-root").first().waitFor({ state: "attached" });
  const loading = await page.frame({ url: /embed\.html/ }).evaluate(() => document.getElementById("factcards-frame").getBoundingClientRect().height);
  assert.ok(loading < 600, `the loading state is ${loading}px high, so a frame sized to it would shrink`);
  // Give a height post every chance to arrive: the loader asks, and a frame goes by.
  await page.evaluate(() => document.querySelector("iframe").contentWindow.postMessage({ type: "factcards:measure" }, "*"));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200))));
  assert.deepEqual(await page.evaluate(() => window.__heights), [], "the frame kept its 600px while the sheet was on its way");
  release();
  const drawn = await frameHeights(page, { above: 600 });
  assert.ok(drawn.frameHeight > 600, `the drawn deck sets the frame to ${drawn.frameHeight}px`);
  assert.ok((await page.evaluate(() => window.__heights)).every((height) => parseFloat(height) >= 600), "never below the height it was given");
  assert.deepEqual(errors, []);
});
