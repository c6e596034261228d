// End-to-end: provenance, from a fact to the passage of its source. The
// editor checks each excerpt against a source's saved copy and suggests the
// passage it meant; the reader's source mark opens the excerpt by keyboard,
// with a link carrying it as a text fragment; following that link from the
// demo lands on the saved copy of the article with the passage on screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { BUNDLED, DIST, browser, origin, setUpSuite, widgetsLive, openLive as open } from "./browser.mjs";
import { axe } from "./axe.mjs";

const TIMEOUT = 10000;
const ARTICLE = readFileSync(new URL("../../data/sources/moscow-isis-k-article.txt", import.meta.url), "utf8");
const SOURCE_PAGE = "/sources/moscow-isis-k-article.html";

setUpSuite(DIST);

/** Every excerpt of the bundled story. */
const EXCERPTS = BUNDLED.cards.flatMap((card) => card.facts).flatMap((fact) => fact.sources).map((cited) => cited.excerpt).filter(Boolean);

/** `excerpt` as a text directive, encoded as model::excerpts::text_fragment_url does: all but ASCII letters, digits and `._~`. */
function fragment(excerpt) {
  const encode = (word) =>
    [...new TextEncoder().encode(word)].map((byte) => (/[A-Za-z0-9._~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`)).join("");
  return `#:~:text=${excerpt.split(/\s+/).filter(Boolean).map(encode).join("%20")}`;
}

/** The focused element, through open shadow roots. */
const deepFocus = (page) =>
  page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return { className: String(element?.className ?? ""), target: element?.getAttribute?.("popovertarget") ?? null };
  });

/**
 * The editor with the bundled story, the article pasted as its source's
 * saved copy, and the card "ISIS-K formed" open: its first fact rests on
 * "ISIS-K was formed in 2015".
 */
async function editorWithSavedCopy(t) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(`${origin}/editor.html`);
  await page.locator("#open-bundled").click({ timeout: TIMEOUT });
  await page.locator("#tab-sources").click();
  await page.locator("#f-sources-0-copy").fill(ARTICLE);
  await page.locator("#tab-cards").click();
  await page.locator("#f-cards-3-open").click();
  return { page, errors };
}

test("the editor reports an excerpt that is not in the source's saved copy at its fact, with the passage it meant, and taking it fixes it", async (t) => {
  const { page, errors } = await editorWithSavedCopy(t);
  const excerpt = page.locator("#f-cards-3-facts-0-sources-0-excerpt");
  assert.equal(await excerpt.inputValue(), "ISIS-K was formed in 2015");
  await excerpt.fill("ISIS-K was founded in 2015");
  const problem = page.locator("#f-cards-3-facts-0-sources-0-excerpt-problems");
  await problem.waitFor({ timeout: TIMEOUT });
  const message = await problem.textContent();
  assert.match(message, /the excerpt is not in the saved copy of "article": did you mean "ISIS-K was formed in 2015"\?/);
  assert.equal(await excerpt.getAttribute("aria-invalid"), "true");
  // The field is the fact's own: inside that fact's form.
  assert.equal(await page.locator("#f-cards-3-facts-0 #f-cards-3-facts-0-sources-0-excerpt").count(), 1);
  // Take the suggestion.
  const [, suggestion] = message.match(/did you mean "(.*)"\?/);
  await excerpt.fill(suggestion);
  await problem.waitFor({ state: "detached", timeout: TIMEOUT });
  assert.equal(await excerpt.getAttribute("aria-invalid"), null);
  assert.deepEqual(errors, []);
});

test("in the editor, words selected in the source's saved copy become a fact's excerpt", async (t) => {
  const { page, errors } = await editorWithSavedCopy(t);
  const field = "#f-cards-3-facts-0-sources-0-excerpt";
  await page.locator(`${field}`).fill("");
  // The saved copy, under the fact's Excerpt field: a passage selected in
  // it (as a drag of the mouse selects it) is taken as the excerpt.
  await page.locator(`#f-cards-3-facts-0 .ed-pick > summary`).click();
  const copy = page.locator(`${field}-copy`);
  assert.equal(await copy.inputValue(), ARTICLE);
  const words = "ISIS-K was formed in 2015";
  const at = ARTICLE.indexOf(words);
  await copy.evaluate((area, [from, to]) => area.setSelectionRange(from, to), [at, at + words.length]);
  await page.locator(`${field}-copy-use`).click();
  assert.equal(await page.locator(field).inputValue(), words);
  await page.waitForFunction(() => document.querySelector("#draft-state")?.dataset.errors === "0", null, { timeout: TIMEOUT });
  assert.equal(await page.locator(`${field}-problems`).count(), 0);
  assert.deepEqual(errors, []);
});

test("a source mark opens its excerpt by keyboard, closes with Escape, passes axe, and links the passage as a text fragment", async () => {
  const { page, errors, close } = await open("/");
  let now;
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press("Tab");
    now = await deepFocus(page);
    if (now.target) break;
  }
  assert.ok(now.target, "Tab reaches a source mark with an excerpt");
  assert.match(now.className, /fc-cite--excerpt/);
  const popover = page.locator(`[id="${now.target}"]`);
  assert.equal(await popover.isVisible(), false);
  await page.keyboard.press("Enter");
  await popover.waitFor({ state: "visible", timeout: TIMEOUT });
  assert.equal(await popover.evaluate((element) => element.matches(":popover-open")), true);
  const words = await popover.locator(".fc-excerpt__words").textContent();
  assert.ok(EXCERPTS.includes(words), `the excerpt shown is the fact's: ${words}`);
  assert.deepEqual(await axe(page), []);
  // The link opens the saved copy beside the sheet at the passage.
  const href = await popover.locator(".fc-excerpt__link").getAttribute("href");
  assert.equal(href, `${origin}${SOURCE_PAGE}${fragment(words)}`);
  assert.equal(await popover.locator(".fc-excerpt__words").getAttribute("cite"), `${origin}${SOURCE_PAGE}`);
  await page.keyboard.press("Escape");
  await popover.waitFor({ state: "hidden", timeout: TIMEOUT });
  assert.equal((await deepFocus(page)).target, now.target, "the focus is back on the mark");
  assert.deepEqual(errors, []);
  await close();
});

test("in the example article, the inline deck and the iframe link each excerpt's passage in the saved copy", async () => {
  const { page, close } = await open("/news-article.html");
  const inline = await page.locator("#inline-facts .fc-excerpt__link").evaluateAll((links) => links.map((link) => link.href));
  assert.ok(inline.length > 0);
  for (const href of inline) assert.ok(href.startsWith(`${origin}${SOURCE_PAGE}#:~:text=`), href);
  await page.locator("iframe[data-factcards-frame]").scrollIntoViewIfNeeded();
  const frame = page.frameLocator("iframe[data-factcards-frame]");
  await frame.locator(":not([hidden]) > .fc-card").first().waitFor({ timeout: TIMEOUT });
  const framed = await frame.locator(".fc-excerpt__link").evaluateAll((links) => links.map((link) => link.href));
  assert.ok(framed.length > 0);
  for (const href of framed) assert.ok(href.startsWith(`${origin}${SOURCE_PAGE}#:~:text=`), href);
  await close();
});

test("following a fact's source link from the demo lands on the saved article with its passage on screen", async (t) => {
  // A short window, and the passage latest in the article: the page must scroll to it.
  const context = await browser.newContext({ viewport: { width: 390, height: 600 } });
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  // The live deck, not the server-rendered one it replaces.
  await widgetsLive(page);
  const flat = ARTICLE.replace(/\s+/g, " ");
  const latest = [...EXCERPTS].sort((a, b) => flat.indexOf(b.replace(/\s+/g, " ")) - flat.indexOf(a.replace(/\s+/g, " ")))[0];
  // Its card open, then its mark.
  const deck = page.locator("#demo-widget");
  const mark = deck.locator(".fc-fact", { has: page.locator(".fc-excerpt__words", { hasText: latest }) }).locator("button[popovertarget]").first();
  const card = deck.locator(":not([hidden]) > .fc-card", { has: mark });
  if (!(await mark.isVisible())) await card.locator(".fc-card__toggle").click();
  // The deck may render the card's facts anew as it opens: wait for the mark.
  await mark.waitFor({ state: "visible", timeout: TIMEOUT });
  await mark.scrollIntoViewIfNeeded();
  await mark.click();
  const link = deck.locator(".fc-excerpt:popover-open .fc-excerpt__link");
  const [article] = await Promise.all([context.waitForEvent("page"), link.click()]);
  await article.waitForLoadState("load");
  assert.equal(new URL(article.url()).pathname, SOURCE_PAGE);
  assert.match(await article.title(), /^Saved copy of the source: /);
  // Chromium scrolls to the text fragment after load, in a task of its own.
  await article.waitForFunction(() => window.scrollY > 0, null, { timeout: TIMEOUT });
  const onScreen = await article.evaluate((passage) => {
    const paragraph = [...document.querySelectorAll("article p")].find((p) => p.textContent.replace(/\s+/g, " ").includes(passage));
    if (!paragraph) return "no paragraph holds the passage";
    const box = paragraph.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  }, latest.replace(/\s+/g, " "));
  assert.equal(onScreen, true);
});
