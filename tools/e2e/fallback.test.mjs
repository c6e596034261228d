// End-to-end: the server-rendered fallback (`factcards render`) inside a
// mount element. Without JavaScript it shows the deck; with it, the live
// widget takes over with the same facts, without an empty frame.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { BUNDLED, BUNDLED_FACTS, COMPACT_FACTS, DIST, browser, origin, setUpSuite, widgetsLive } from "./browser.mjs";

// Built by `cargo test` (tests/cli.rs runs it); scripts/test runs that first.
const CLI = process.env.FACTCARDS_BIN ?? ["target/debug/factcards", "target/release/factcards"].find(existsSync);

function page(withScript, options = []) {
  const fallback = execFileSync(CLI, ["render", "--css-href", "/factcards.css", ...options, "data/moscow-isis-k.json"], { encoding: "utf8" });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fallback</title>
<link rel="icon" href="data:,">${withScript ? '<script type="module" src="/factcards.js"></script>' : ""}</head>
<body><main><div data-factcards id="facts">${fallback}</div></main></body></html>`;
}

before(() => assert.ok(CLI, "the factcards CLI is built (cargo test builds target/debug/factcards)"));
const html = (withScript, options) => (request, response) => {
  response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  response.end(page(withScript, options));
};
setUpSuite(DIST, {
  routes: { "/static.html": html(false), "/static-compact.html": html(false, ["--layout", "compact"]), "/live.html": html(true) },
});

const factTexts = (page) =>
  page.evaluate(() => [...document.getElementById("facts").shadowRoot.querySelectorAll(".fc-fact__text")].map((p) => p.textContent));

test("without JavaScript the fallback shows every fact, styled", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const p = await context.newPage();
  await p.goto(`${origin}/static.html`);
  const texts = await factTexts(p);
  assert.equal(texts.length, BUNDLED_FACTS);
  // Styled: the deck's frame, and the rule over each card.
  const look = await p.evaluate(() => {
    const root = document.getElementById("facts").shadowRoot;
    return {
      radius: getComputedStyle(root.querySelector(".fc-deck")).borderRadius,
      rule: getComputedStyle(root.querySelector(":not([hidden]) > .fc-card")).borderTopStyle,
    };
  });
  assert.deepEqual(look, { radius: "10px", rule: "solid" });
  await context.close();
});

test("without JavaScript there is no control that would do nothing; sources open in <details>, excerpts in popovers", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const p = await context.newPage();
  await p.goto(`${origin}/static.html`);
  const seen = await p.evaluate(() => {
    const root = document.getElementById("facts").shadowRoot;
    const visible = (selector) => [...root.querySelectorAll(selector)].filter((e) => e.checkVisibility({ visibilityProperty: true })).length;
    return {
      // A source mark with an excerpt is a button for a native popover,
      // which the browser opens with no script: it is not counted here,
      // and is tried below.
      controls: visible("button:not([popovertarget]), input, [role='button']"),
      popoverMarks: visible("button[popovertarget]"),
      details: root.querySelectorAll(".fc-card details").length,
      cards: root.querySelectorAll(".fc-card").length,
    };
  });
  assert.equal(seen.controls, 0);
  assert.equal(seen.popoverMarks, BUNDLED_FACTS, "every fact of the bundled story gives its excerpt");
  assert.equal(seen.details, seen.cards);
  // A summary opens a card's sources with no script at all.
  await p.locator(".fc-card__details > summary").first().click();
  assert.ok(await p.locator(".fc-card__details .fc-sources__item").first().isVisible());
  // So does a mark its excerpt, and Escape closes it.
  const mark = p.locator(".fc-fact button[popovertarget]").first();
  const popover = p.locator(".fc-fact .fc-excerpt").first();
  assert.equal(await popover.isVisible(), false);
  await mark.click();
  assert.ok(await popover.isVisible());
  assert.equal(await popover.evaluate((element) => element.matches(":popover-open")), true);
  assert.equal((await popover.locator(".fc-excerpt__words").textContent()).length > 0, true);
  await p.keyboard.press("Escape");
  assert.equal(await popover.isVisible(), false);
  await context.close();
});

test("without JavaScript, print shows every fact with its card's sources, in the full and the compact fallback", async (t) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  t.after(() => context.close());
  const p = await context.newPage();
  const shown = () =>
    p.evaluate(() => {
      const root = document.getElementById("facts").shadowRoot;
      const visible = (selector) => [...root.querySelectorAll(selector)].filter((e) => e.checkVisibility()).length;
      // A source's title is its link where it has an address (the bundled
      // one has: the saved copy beside the sheet).
      return { facts: visible(".fc-fact"), sourceTitles: visible(".fc-card .fc-sources__title, .fc-card .fc-sources__link") };
    });
  // Each card lists the sources its facts cite, once each.
  // (A citation is a source's id, or an object naming it with its excerpt.)
  const listed = BUNDLED.cards.reduce((sum, card) => sum + new Set(card.facts.flatMap((fact) => fact.sources.map((cited) => cited.source ?? cited))).size, 0);
  for (const [path, onScreen] of [["/static.html", BUNDLED_FACTS], ["/static-compact.html", COMPACT_FACTS]]) {
    await p.emulateMedia({ media: "screen" });
    await p.goto(`${origin}${path}`);
    // On screen: the compact box's first few facts, and the sources closed.
    assert.deepEqual(await shown(), { facts: onScreen, sourceTitles: 0 }, `${path} on screen`);
    // On paper: no script can open the sources or lift the limit first.
    await p.emulateMedia({ media: "print" });
    assert.deepEqual(await shown(), { facts: BUNDLED_FACTS, sourceTitles: listed }, `${path} in print`);
  }
});

test("the live widget takes over with the same facts and no empty frame", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const staticPage = await context.newPage();
  await staticPage.goto(`${origin}/static.html`);
  const fallbackTexts = await factTexts(staticPage);
  await context.close();

  const live = await browser.newPage();
  const errors = [];
  live.on("pageerror", (error) => errors.push(String(error)));
  // Count the facts on screen in every frame from the first one on.
  await live.addInitScript(() => {
    window.__frames = [];
    // Facts on screen: a pending live deck (display: none) has no boxes.
    const count = () => {
      const root = document.getElementById("facts")?.shadowRoot;
      return root ? [...root.querySelectorAll(".fc-fact__text")].filter((p) => p.getClientRects().length > 0).length : -1;
    };
    // Where the first fact starts, relative to the mount: it must not move.
    // (Facts far below the fold move as their cards' estimated sizes,
    // content-visibility's, give way to real ones: not a takeover jump.)
    const firstTop = () => {
      const host = document.getElementById("facts");
      const facts = host?.shadowRoot ? [...host.shadowRoot.querySelectorAll(".fc-fact__text")].filter((p) => p.getClientRects().length > 0) : [];
      return facts.length ? Math.round(facts[0].getBoundingClientRect().top - host.getBoundingClientRect().top) : -1;
    };
    window.__tops = [];
    const tick = () => {
      window.__tops.push(firstTop());
      window.__frames.push(count());
      if (window.__frames.length < 600) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    document.addEventListener("factcards:ready", () => (window.__readyAt = window.__frames.length));
  });
  await live.goto(`${origin}/live.html`);
  await live.waitForFunction(() => window.__readyAt !== undefined && window.__frames.length > window.__readyAt + 3);
  const { frames, readyAt, tops } = await live.evaluate(() => ({ frames: window.__frames, readyAt: window.__readyAt, tops: window.__tops }));
  // From the first frame that shows all the facts (the browser may paint
  // while it still parses the page), every frame shows all of them: before,
  // during and after the takeover.
  const first = frames.findIndex((n) => n === BUNDLED_FACTS);
  const shown = frames.slice(first);
  assert.ok(first >= 0 && readyAt > first, `the fallback showed before the live deck was ready (${first}, ${readyAt})`);
  assert.ok(shown.every((n) => n === BUNDLED_FACTS), `facts per frame: ${shown.join(",")} (ready at frame ${readyAt})`);
  // And nothing moves at the takeover: the controls the fallback kept a
  // place for arrive in it.
  const placed = new Set(tops.slice(first).filter((top) => top >= 0));
  assert.equal(placed.size, 1, `the first fact's top per frame: ${[...placed].join(",")}`);
  // The live deck: one root, interactive, with the fallback's facts.
  assert.deepEqual(await factTexts(live), fallbackTexts);
  assert.equal(await live.evaluate(() => document.getElementById("facts").shadowRoot.querySelectorAll(".fc-root").length), 1);
  await live.locator("#facts .fc-filter__chip[data-category='origins']").click();
  assert.equal(await live.locator("#facts :not([hidden]) > .fc-card").count(), 2);
  assert.deepEqual(errors, []);
  await live.close();
});

test("dist/factcards.css holds the very rules the live widget adopts", async () => {
  const live = await browser.newPage();
  await live.goto(`${origin}/live.html`);
  await widgetsLive(live);
  const { adopted, served } = await live.evaluate(async () => {
    const rules = (sheet) => [...sheet.cssRules].map((rule) => rule.cssText);
    const served = new CSSStyleSheet();
    served.replaceSync(await (await fetch("/factcards.css")).text());
    const root = document.getElementById("facts").shadowRoot;
    return { adopted: root.adoptedStyleSheets.flatMap(rules), served: rules(served) };
  });
  assert.ok(served.length > 50, `factcards.css has ${served.length} rules`);
  assert.deepEqual(adopted, served);
  await live.close();
});
