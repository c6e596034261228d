// End-to-end tests of the layouts: the compact box for a sidebar or inside
// an article (no header unless asked, the search behind a button, the first
// few facts and then "Show all N facts"), the chips on one sideways-
// scrolling row in narrow decks, and the first fact near the top of the box
// in the example article on a phone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BUNDLED_FACTS, COMPACT_FACTS, DIST, FIXTURES, browser, origin, setUpSuite, openLive as open } from "./browser.mjs";

const TIMEOUT = 5000;

setUpSuite(DIST, { mounts: { "/fixtures/": FIXTURES } });


/** The facts a reader sees in the mount `id`. */
function visibleFacts(page, id) {
  return page.locator(`#${id} :not([hidden]) > .fc-card .fc-fact`).evaluateAll((facts) =>
    facts.filter((fact) => fact.getClientRects().length > 0).length,
  );
}

/** Where the first visible fact of mount `id` starts, in px below the top of the box. */
function firstFactOffset(page, id) {
  return page.evaluate((id) => {
    const host = document.getElementById(id);
    const fact = [...host.shadowRoot.querySelectorAll(".fc-fact")].find((f) => f.getClientRects().length > 0);
    return fact.getBoundingClientRect().top - host.getBoundingClientRect().top;
  }, id);
}

/** The tops of the chips of mount `id`, and whether their row scrolls. */
function chipRow(page, id) {
  return page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const row = root.querySelector(".fc-filter__chips");
    const tops = new Set([...row.querySelectorAll(".fc-filter__chip")].map((chip) => Math.round(chip.getBoundingClientRect().top)));
    return { rows: tops.size, scrolls: row.scrollWidth > row.clientWidth, overflow: getComputedStyle(row).overflowX };
  }, id);
}

test("compact: no header unless asked, the first facts, then Show all N facts", async () => {
  const { page, errors, close } = await open("/fixtures/compact.html");
  assert.equal(await page.locator("#compact .fc-header").count(), 0);
  assert.equal(await page.locator("#compact-header .fc-header").count(), 1);
  assert.equal(await page.locator("#full-no-header .fc-header").count(), 0);
  assert.equal(await visibleFacts(page, "compact"), COMPACT_FACTS);
  const more = page.locator("#compact .fc-show-all");
  assert.equal(await more.innerText(), `Show all ${BUNDLED_FACTS} facts`);
  await more.click();
  await page.waitForFunction(
    (n) => [...document.getElementById("compact").shadowRoot.querySelectorAll(".fc-fact")].filter((f) => f.getClientRects().length).length === n,
    BUNDLED_FACTS,
    { timeout: TIMEOUT },
  );
  assert.equal(await more.count(), 0);
  // The full layout shows every fact at once, with no such button.
  assert.equal(await visibleFacts(page, "full-no-header"), BUNDLED_FACTS);
  assert.equal(await page.locator("#full-no-header .fc-show-all").count(), 0);
  assert.deepEqual(errors, []);
  await close();
});

test("compact: Show all moves the focus to the first fact it revealed and announces the facts", async () => {
  const { page, close } = await open("/fixtures/compact.html");
  const more = page.locator("#compact .fc-show-all");
  await more.focus();
  await page.keyboard.press("Enter");
  await more.waitFor({ state: "detached", timeout: TIMEOUT });
  const seen = await page.evaluate(() => {
    const root = document.getElementById("compact").shadowRoot;
    const facts = [...root.querySelectorAll(".fc-fact")];
    return {
      focused: facts.indexOf(root.activeElement),
      status: root.querySelector(".fc-results").textContent,
    };
  });
  assert.equal(seen.focused, COMPACT_FACTS, "the first fact after the ones shown before");
  assert.match(seen.status, new RegExp(`^Showing ${BUNDLED_FACTS} facts in \\d+ cards$`));
  // Tab goes on from there, into the revealed facts' controls.
  await page.keyboard.press("Tab");
  const onwards = await page.evaluate((n) => {
    const root = document.getElementById("compact").shadowRoot;
    const first = root.querySelectorAll(".fc-fact")[n];
    const active = root.activeElement;
    return Boolean(active) && (first.contains(active) || Boolean(first.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING));
  }, COMPACT_FACTS);
  assert.ok(onwards, "Tab goes on from the first revealed fact");
  await close();
});

test("compact: printed, a deck not expanded shows every fact and no Show all button", async () => {
  const { page, close } = await open("/fixtures/compact.html");
  assert.equal(await visibleFacts(page, "compact"), COMPACT_FACTS);
  // What the browser does when the reader prints: beforeprint, then the
  // page laid out for print.
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.emulateMedia({ media: "print" });
  await page.waitForFunction(
    (n) => [...document.getElementById("compact").shadowRoot.querySelectorAll(".fc-fact")].filter((f) => f.getClientRects().length).length === n,
    BUNDLED_FACTS,
    { timeout: TIMEOUT },
  );
  assert.equal(await page.locator("#compact .fc-show-all").evaluateAll((buttons) => buttons.filter((b) => b.getClientRects().length).length), 0);
  // Back on screen, the reader's deck is as it was.
  await page.emulateMedia({ media: "screen" });
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await page.waitForFunction(
    (n) => [...document.getElementById("compact").shadowRoot.querySelectorAll(".fc-fact")].filter((f) => f.getClientRects().length).length === n,
    COMPACT_FACTS,
    { timeout: TIMEOUT },
  );
  assert.equal(await page.locator("#compact .fc-show-all").count(), 1);
  await close();
});

test("compact: the search is a button that opens it, with the focus in the box", async () => {
  const { page, close } = await open("/fixtures/compact.html");
  assert.equal(await page.locator("#compact .fc-search__input").count(), 0);
  const toggle = page.locator("#compact .fc-search-toggle");
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  await toggle.focus();
  await page.keyboard.press("Enter");
  await page.locator("#compact .fc-search__input").waitFor({ timeout: TIMEOUT });
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  const focused = await page.evaluate(() => document.getElementById("compact").shadowRoot.activeElement?.className);
  assert.match(focused, /fc-search__input/);
  // A search finds every match, not only the first few facts.
  await page.keyboard.type("isis");
  await page.locator("#compact .fc-mark").first().waitFor({ timeout: TIMEOUT });
  assert.ok((await visibleFacts(page, "compact")) > COMPACT_FACTS);
  assert.equal(await page.locator("#compact .fc-show-all").count(), 0);
  await close();
});

test("the chips sit in one row that scrolls sideways, compact at any width and full at 375 px", async () => {
  let { page, close } = await open("/fixtures/compact.html", { width: 1280 });
  await page.evaluate(() => { document.getElementById("compact").style.maxWidth = "320px"; });
  let row = await chipRow(page, "compact");
  assert.equal(row.rows, 1);
  assert.equal(row.overflow, "auto");
  assert.ok(row.scrolls, "the row scrolls");
  await close();
  ({ page, close } = await open("/fixtures/compact.html", { width: 375 }));
  row = await chipRow(page, "full-no-header");
  assert.equal(row.rows, 1);
  assert.ok(row.scrolls, "the row scrolls");
  await close();
});

test("in the example article at 375 px, the first fact starts at most 320 px below the top of each box", async () => {
  const { page, close } = await open("/news-article.html", { width: 375 });
  for (const id of ["inline-facts", "sidebar-facts"]) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    const offset = await firstFactOffset(page, id);
    assert.ok(offset <= 320, `${id}: the first fact starts ${offset} px below the top of the box`);
  }
  assert.equal(await page.locator("#sidebar-facts .fc-deck--compact").count(), 1);
  await close();
});
