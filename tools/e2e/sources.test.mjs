// End-to-end tests of the source marks: every fact ends with the marks of
// its sources, visible without a click; a mark opens its card's list at that
// source; each entry says which facts it backs; the certainty view and print
// show the same marks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BUNDLED, BUNDLED_FACTS, DIST, FIXTURES, browser, origin, setUpSuite, openLive as open } from "./browser.mjs";

const TIMEOUT = 5000;

setUpSuite(DIST, { mounts: { "/fixtures/": FIXTURES } });


/** What a mark shows on screen, without its words for screen readers ("source "). */
const SHOWN = (mark) =>
  [...mark.childNodes].filter((node) => !node.classList?.contains("fc-visually-hidden")).map((node) => node.textContent).join("").trim();

/** The marks each fact of a card shows, as the reader sees them. */
function marksOf(page, card) {
  return page.locator(`.fc-card[data-card='${card}'] .fc-fact`).evaluateAll((facts, shown) =>
    facts.map((fact) => [...fact.querySelectorAll(".fc-cite")].map((mark) => eval(`(${shown})`)(mark))),
  SHOWN.toString());
}

test("every fact of the bundled story shows its source mark without a click", async () => {
  const { page, errors, close } = await open("/");
  const deck = page.locator("#demo-widget .fc-deck");
  const citations = BUNDLED.cards.flatMap((card) => card.facts).reduce((sum, fact) => sum + fact.sources.length, 0);
  assert.equal(await deck.locator(".fc-fact .fc-cites").count(), BUNDLED_FACTS);
  assert.equal(await deck.locator(".fc-fact .fc-cite").count(), citations);
  assert.ok(await deck.locator(".fc-fact .fc-cite").first().isVisible());
  // Read as "source 1", and it names the source on hover.
  const first = deck.locator(".fc-fact .fc-cite").first();
  assert.equal((await first.textContent()).trim(), "source 1");
  assert.equal(await first.getAttribute("title"), BUNDLED.sources[0].title);
  assert.deepEqual(errors, []);
  await close();
});

test("a fact with two sources shows both marks, labels first where given, and a mark opens the list at its source", async () => {
  const { page, errors, close } = await open("/fixtures/sources.html");
  assert.deepEqual(await marksOf(page, "why"), [["AP", "1"], ["1"], ["AP"]]);
  assert.deepEqual(await marksOf(page, "services"), [["2"]]);
  const card = page.locator(".fc-card[data-card='why']");
  assert.equal(await card.locator(".fc-card__sources").isVisible(), false);
  await card.locator(".fc-fact").first().locator(".fc-cite", { hasText: "AP" }).click();
  await card.locator(".fc-card__sources").waitFor({ state: "visible", timeout: TIMEOUT });
  assert.equal(await card.locator(".fc-card__toggle").getAttribute("aria-expanded"), "true");
  // The focus is on the AP entry, which says what it backs.
  const focused = await page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element?.dataset?.source;
  });
  assert.equal(focused, "wire");
  const entries = await card.locator(".fc-sources__item").evaluateAll(
    (items, shown) => items.map((item) => [eval(`(${shown})`)(item.querySelector(".fc-sources__mark")), item.querySelector(".fc-sources__backs").innerText.trim()]),
  SHOWN.toString());
  assert.deepEqual(entries, [["AP", "For facts 1 and 3"], ["1", "For facts 1 and 2"]]);
  // The page's address is left alone.
  assert.equal(new URL(page.url()).hash, "");
  // The credit line closes the deck.
  assert.equal(await page.locator(".fc-deck__credit").innerText(), "Graphic: Test Desk");
  assert.deepEqual(errors, []);
  await close();
});

test("the certainty view shows the same marks and lists the sources after the groups", async () => {
  const { page, close } = await open("/fixtures/sources.html");
  await page.locator(".fc-grouping__button[data-grouping='certainty']").click();
  await page.locator(".fc-certainty__group").first().waitFor({ timeout: TIMEOUT });
  const marks = await page.locator(".fc-certainty .fc-fact").evaluateAll((facts, shown) =>
    facts.map((fact) => [...fact.querySelectorAll(".fc-cite")].map((mark) => eval(`(${shown})`)(mark)).join(" ")),
  SHOWN.toString());
  assert.deepEqual(marks, ["AP 1", "2", "1", "AP"]);
  const listed = await page.locator(".fc-certainty__sources .fc-sources__mark").evaluateAll((marks, shown) =>
    marks.map((mark) => eval(`(${shown})`)(mark)), SHOWN.toString());
  assert.deepEqual(listed, ["1", "2", "AP"]);
  await close();
});

test("print shows every mark and every card's list of sources", async () => {
  const { page, close } = await open("/fixtures/sources.html");
  await page.emulateMedia({ media: "print" });
  for (const card of ["why", "services"]) {
    assert.ok(await page.locator(`.fc-card[data-card='${card}'] .fc-card__sources`).isVisible());
  }
  assert.ok(await page.locator(".fc-fact .fc-cite").first().isVisible());
  await close();
});
