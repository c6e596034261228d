// End-to-end tests of captures: a full-page screenshot (Chromium's
// captureBeyondViewport, which archive and screenshot tools use) and print
// show every card of a deck of ordinary length, while a very long deck
// still skips drawing its cards off screen (content-visibility) on screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { generate } from "../bench/generate.mjs";
import { embedSuite, open } from "./embed.mjs";

embedSuite();

/** How many of the cards of `#host` are drawn, and how many there are. */
function drawn(page, host) {
  return page.evaluate((host) => {
    const cards = [...document.getElementById(host).shadowRoot.querySelectorAll(":not([hidden]) > .fc-card")];
    return {
      cards: cards.length,
      // A skipped card is itself laid out; what it holds is not drawn.
      drawn: cards.filter((card) => card.querySelector(".fc-card__title").checkVisibility({ contentVisibilityAuto: true })).length,
    };
  }, host);
}

test("captures: every card of the bundled story is drawn, far below the screen too", async (t) => {
  const { page, errors } = await open(t, "/", { width: 1280, height: 700, wait: "#demo-widget :not([hidden]) > .fc-card" });
  await page.waitForFunction(() => !document.querySelector("#demo-widget").shadowRoot.querySelector(".fc-root[data-pending]"));
  const seen = await drawn(page, "demo-widget");
  assert.ok(seen.cards >= 10);
  assert.equal(seen.drawn, seen.cards);
  // A capture beyond the viewport, as screenshot tools take it, works and
  // is as tall as the page.
  const cdp = await page.context().newCDPSession(page);
  const { data } = await cdp.send("Page.captureScreenshot", { format: "png", captureBeyondViewport: true });
  const png = Buffer.from(data, "base64");
  const height = png.readUInt32BE(20);
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height >= pageHeight - 1, `capture ${height} px, page ${pageHeight} px`);
  assert.deepEqual(errors, []);
});

test("captures: a very long deck still skips its cards off screen, and print draws them all", async (t) => {
  const { page, errors } = await open(t, "/fixtures/api.html", { width: 1280, height: 700, wait: "#drop-in :not([hidden]) > .fc-card" });
  await page.evaluate((sheet) => window.factcards.mount(document.getElementById("target"), sheet), generate(1000));
  await page.waitForFunction(() => {
    const root = document.getElementById("target").shadowRoot;
    return root.querySelector(".fc-deck--long") && root.querySelectorAll(".fc-card").length >= 100;
  }, null, { timeout: 15000 });
  const screen = await drawn(page, "target");
  assert.ok(screen.drawn < screen.cards / 2, `${screen.drawn} of ${screen.cards} drawn on screen`);
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() =>
    [...document.getElementById("target").shadowRoot.querySelectorAll(".fc-card")].every((card) => getComputedStyle(card).contentVisibility === "visible"),
  );
  assert.ok(printed, "every card drawn in print");
  assert.deepEqual(errors, []);
});
