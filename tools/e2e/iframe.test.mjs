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
