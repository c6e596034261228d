// End-to-end tests of the JS API: factcards.mount(), a Handle's update()
// and destroy(), and the errors it throws or rejects with. See embed.mjs
// for the set-up.
import { test } from "node:test";
import assert from "node:assert/strict";
import { embedSuite, open, event, events, shownCards, frames } from "./embed.mjs";

embedSuite();

/** Opens the API fixture with the small sheet at hand as `window.smallSheet`. */
async function openApi(t, options = {}) {
  const opened = await open(t, "/fixtures/api.html", { wait: "#drop-in :not([hidden]) > .fc-card", ...options });
  await opened.page.evaluate(async () => {
    await window.factcards.ready;
    window.smallSheet = await (await fetch("/fixtures/small-sheet.json")).json();
  });
  return opened;
}

/** Mounts the small sheet on `#target` as `window.handle` and waits for its first card. */
async function mountSmallSheet(page) {
  await page.evaluate(() => {
    window.handle = window.factcards.mount(document.getElementById("target"), window.smallSheet);
  });
  await page.locator("#target :not([hidden]) > .fc-card").first().waitFor();
}

test("api: mount(element, object) returns a Handle and renders the deck", async (t) => {
  const { page, errors } = await openApi(t);
  const result = await page.evaluate(() => {
    const handle = window.factcards.mount(document.getElementById("target"), window.smallSheet, { theme: "light" });
    window.handle = handle;
    return {
      isPromise: handle instanceof Promise,
      update: typeof handle.update,
      destroy: typeof handle.destroy,
    };
  });
  assert.deepEqual(result, { isPromise: false, update: "function", destroy: "function" });
  await page.locator("#target :not([hidden]) > .fc-card").first().waitFor();
  assert.deepEqual(await shownCards(page, "target"), ["why-closed", "how-long", "diversions"]);
  assert.equal(await page.locator("#target .fc-root").getAttribute("data-theme"), "light");
  assert.deepEqual((await event(page, "ready", "target")).detail, { sheet: "harbour-bridge-closure", cards: 3 });
  assert.deepEqual(errors, []);
});

test("api: handle.update(otherSheet) replaces the deck, and the new deck responds", async (t) => {
  const { page, errors } = await openApi(t);
  await mountSmallSheet(page);
  await page.evaluate(() => {
    const other = structuredClone(window.smallSheet);
    other.id = "ferry-strike";
    other.title = "Ferry strike: what we know";
    other.categories = [{ id: "strike", label: "The strike" }];
    other.cards = [{
      id: "who-is-striking",
      category: "strike",
      title: "Who is striking",
      facts: [{ text: "Ferry crews have stopped work.", status: "reported", sources: ["council"] }],
    }];
    window.updated = window.handle.update(other);
  });
  await page.waitForFunction(() =>
    document.getElementById("target").shadowRoot.querySelector(".fc-header__title")?.textContent === "Ferry strike: what we know");
  assert.equal(await page.evaluate(() => window.updated), undefined);
  assert.deepEqual(await shownCards(page, "target"), ["who-is-striking"]);
  assert.equal(await page.locator("#target :not([hidden]) > .fc-card").getAttribute("id"), "ferry-strike/who-is-striking");
  // The new sheet's cards and categories work (the deck's state follows the new sheet).
  const toggle = page.locator("#target :not([hidden]) > .fc-card[data-card='who-is-striking'] .fc-card__toggle");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  assert.deepEqual((await events(page, "ready")).filter((e) => e.target === "target").map((e) => e.detail.sheet),
    ["harbour-bridge-closure", "ferry-strike"]);
  assert.deepEqual(errors, []);
});

test("api: handle.destroy() empties the widget", async (t) => {
  const { page, errors } = await openApi(t);
  await mountSmallSheet(page);
  await page.evaluate(() => window.handle.destroy());
  assert.equal(await page.locator("#target .fc-deck").count(), 0);
  assert.equal(await page.evaluate(() => document.getElementById("target").shadowRoot.childNodes.length), 0);
  // Another mount on the same element works again.
  await page.evaluate(() => { window.factcards.mount(document.getElementById("target"), window.smallSheet); });
  await page.locator("#target :not([hidden]) > .fc-card").first().waitFor();
  assert.deepEqual(errors, []);
});

test("api: destroy() on a [data-factcards] element stays destroyed after later DOM changes", async (t) => {
  const { page, errors } = await openApi(t);
  await page.evaluate(() => {
    const handle = window.factcards.mount(document.getElementById("drop-in"), window.smallSheet);
    handle.destroy();
  });
  assert.equal(await page.evaluate(() => document.getElementById("drop-in").shadowRoot.childNodes.length), 0);
  // Any later change to the page (here: an unrelated paragraph) must not bring the widget back.
  await page.evaluate(() => {
    const p = document.createElement("p");
    p.id = "unrelated";
    p.textContent = "An unrelated paragraph.";
    document.body.append(p);
  });
  await frames(page);
  await frames(page);
  assert.equal(
    await page.evaluate(() => document.getElementById("drop-in").shadowRoot.childNodes.length),
    0,
    "the drop-in re-mounted the destroyed widget",
  );
  assert.deepEqual(errors, []);
});

test("api: an invalid sheet object throws an Error listing each problem with its path", async (t) => {
  const { page, errors } = await openApi(t);
  const thrown = await page.evaluate(() => {
    const bad = structuredClone(window.smallSheet);
    bad.cards[0].facts[0].sources = ["s9"];
    bad.updated = "yesterday";
    try {
      window.factcards.mount(document.getElementById("target"), bad);
      return null;
    } catch (error) {
      return { isError: error instanceof Error, message: error.message };
    }
  });
  assert.ok(thrown, "mount did not throw");
  assert.equal(thrown.isError, true);
  assert.match(thrown.message, /^factcards: the sheet has \d+ problems\n/);
  assert.match(thrown.message, /\n- cards\[0\]\.facts\[0\]\.sources\[0\]: unknown source "s9"/);
  assert.match(thrown.message, /\n- updated: "yesterday" is not an ISO 8601 date/);
  assert.deepEqual(errors, []);
});

test("api: a URL sheet resolves to a Handle; a bad URL rejects with HTTP 404", async (t) => {
  const { page, errors } = await openApi(t, { allow404: true });
  const good = await page.evaluate(async () => {
    const promise = window.factcards.mount(document.getElementById("target"), "/fixtures/small-sheet.json");
    const handle = await promise;
    return { isPromise: promise instanceof Promise, update: typeof handle.update };
  });
  assert.deepEqual(good, { isPromise: true, update: "function" });
  assert.deepEqual(await shownCards(page, "target"), ["why-closed", "how-long", "diversions"]);
  assert.equal(await page.locator("#target .fc-deck__data-link").getAttribute("href"), "/fixtures/small-sheet.json");

  const bad = await page.evaluate(async () => {
    const promise = window.factcards.mount(document.getElementById("other"), "/fixtures/missing-sheet.json");
    try {
      await promise;
      return null;
    } catch (error) {
      return { isError: error instanceof Error, message: error.message };
    }
  });
  assert.ok(bad, "the promise resolved");
  assert.equal(bad.isError, true);
  assert.match(bad.message, /HTTP 404/);
  await page.locator("#other .fc-unavailable").waitFor();
  assert.deepEqual(errors, []);
});

test("api: handle.update(url) returns a Promise, and a failing URL rejects it instead of throwing uncaught", async (t) => {
  const { page, errors } = await openApi(t, { allow404: true });
  const result = await page.evaluate(async () => {
    const handle = window.factcards.mount(document.getElementById("target"), window.smallSheet);
    const returned = handle.update("/fixtures/missing-sheet.json");
    const isPromise = returned instanceof Promise;
    let message = null;
    if (isPromise) {
      try {
        await returned;
      } catch (error) {
        message = error.message;
      }
    }
    return { isPromise, message };
  });
  await page.locator("#target .fc-unavailable").waitFor();
  // Let any unhandled rejection surface before checking for it.
  await frames(page);
  assert.deepEqual(errors, [], "uncaught errors on the page");
  assert.equal(result.isPromise, true, "update(url) did not return a Promise");
  assert.match(result.message, /HTTP 404/);
});

test("api: an unknown option key throws an Error naming it", async (t) => {
  const { page, errors } = await openApi(t);
  const message = await page.evaluate(() => {
    try {
      window.factcards.mount(document.getElementById("target"), window.smallSheet, { theme: "dark", colour: "red" });
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : `not an Error: ${error}`;
    }
  });
  assert.ok(message, "mount did not throw");
  assert.match(message, /colour/);
  assert.equal(await page.locator("#target .fc-deck").count(), 0, "nothing was mounted");
  assert.deepEqual(errors, []);
});

test("api: a sheet of the wrong type throws an Error", async (t) => {
  const { page, errors } = await openApi(t);
  const outcomes = await page.evaluate(() => {
    const target = document.getElementById("target");
    return [42, true, () => window.smallSheet].map((sheet) => {
      try {
        window.factcards.mount(target, sheet);
        return `no error for ${typeof sheet}`;
      } catch (error) {
        return error instanceof Error ? error.message : `not an Error: ${error}`;
      }
    });
  });
  for (const message of outcomes) {
    assert.match(message, /^factcards: the sheet must be a plain object, a URL string, or undefined/);
  }
  // The page's own widget is untouched and still works.
  await page.locator("#drop-in :not([hidden]) > .fc-card .fc-card__toggle").first().click();
  assert.equal(await page.locator("#drop-in :not([hidden]) > .fc-card .fc-card__toggle").first().getAttribute("aria-expanded"), "true");
  assert.deepEqual(errors, []);
});
