// End-to-end tests of the drop-in loader (factcards.js) and its mount
// points: each mount style and option, independent instances, data-src
// failures, and the "Get the data" link. See embed.mjs for the set-up.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DIST, TIMEOUT, SHEET_ID, CARDS, embedSuite, open, event, shownCards, frames } from "./embed.mjs";

/** A gate the test server holds /slow-sheet.json behind until the test opens it. */
function gate() {
  let open;
  const opened = new Promise((resolve) => (open = resolve));
  let requested;
  const hit = new Promise((resolve) => (requested = resolve));
  return { opened, open, hit, requested };
}
let slow = gate();

embedSuite({
  routes: {
    "/slow-sheet.json": async (request, response) => {
      const current = slow;
      current.requested();
      await current.opened;
      const body = await readFile(join(DIST, "moscow-isis-k.json"));
      response.writeHead(200, {
        "content-type": "application/json; charset=utf-8",
        "cache-control": "no-store",
      });
      response.end(body);
    },
  },
});
after(() => slow.open());

/** Relative luminance of a CSS rgb()/rgba() colour, 0 (black) to 1 (white). */
function luminance(color) {
  const [r, g, b] = color.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// ---------------------------------------------------------------------------
// 1. Mount styles and options
// ---------------------------------------------------------------------------

test("mount: a bare [data-factcards] shows the bundled story and replaces the static fallback", async (t) => {
  const { page, errors } = await open(t, "/fixtures/mount-styles.html", { wait: "#bundled :not([hidden]) > .fc-card" });
  assert.deepEqual(await shownCards(page, "bundled"), CARDS);
  assert.match(await page.locator("#bundled .fc-header__title").innerText(), /ISIS-K/);
  const host = await page.evaluate(() => {
    const host = document.getElementById("bundled");
    return {
      lightChildren: host.childNodes.length,
      fallbackLeft: document.querySelectorAll(".fallback").length,
      shadowMode: host.shadowRoot?.mode,
      deckInShadow: host.shadowRoot?.querySelectorAll(".fc-deck").length,
    };
  });
  assert.deepEqual(host, { lightChildren: 0, fallbackLeft: 0, shadowMode: "open", deckInShadow: 1 });
  assert.deepEqual(errors, []);
});

test("mount: data-src fetches the sheet from its URL", async (t) => {
  const { page, errors } = await open(t, "/fixtures/mount-styles.html", { wait: "#from-src :not([hidden]) > .fc-card" });
  assert.deepEqual(await shownCards(page, "from-src"), CARDS);
  assert.match(await page.locator("#from-src .fc-header__title").innerText(), /ISIS-K/);
  const ready = await event(page, "ready", "from-src");
  assert.deepEqual(ready.detail, { sheet: SHEET_ID, cards: CARDS.length });
  assert.deepEqual(errors, []);
});

test("mount: an inline <script type=application/json> sheet is shown, and the light DOM is emptied", async (t) => {
  const { page, errors } = await open(t, "/fixtures/mount-styles.html", { wait: "#inline :not([hidden]) > .fc-card" });
  assert.deepEqual(await shownCards(page, "inline"), ["why-closed", "how-long", "diversions"]);
  assert.equal(await page.locator("#inline .fc-header__title").innerText(), "Harbour bridge closed: what we know");
  assert.deepEqual(
    await page.locator("#inline .fc-filter__chip:not(.fc-filter__chip--all)").evaluateAll((chips) => chips.map((c) => c.dataset.category)),
    ["closure", "traffic"],
  );
  const host = await page.evaluate(() => {
    const host = document.getElementById("inline");
    return { lightChildren: host.childNodes.length, decks: host.shadowRoot.querySelectorAll(".fc-deck").length };
  });
  assert.deepEqual(host, { lightChildren: 0, decks: 1 });
  assert.deepEqual(errors, []);
});

test("mount: data-theme=dark gives a dark root even when the reader prefers light", async (t) => {
  const { page, errors } = await open(t, "/fixtures/mount-styles.html", { colorScheme: "light", wait: "#dark :not([hidden]) > .fc-card" });
  const root = (host) =>
    page.evaluate((host) => {
      const root = document.getElementById(host).shadowRoot.querySelector(".fc-root");
      const style = getComputedStyle(root);
      return { theme: root.dataset.theme, background: style.backgroundColor, color: style.color };
    }, host);
  const dark = await root("dark");
  const auto = await root("bundled");
  assert.equal(dark.theme, "dark");
  assert.equal(auto.theme, "auto");
  assert.ok(luminance(dark.background) < 0.05, `dark background is ${dark.background}`);
  assert.ok(luminance(dark.color) > 0.6, `dark text is ${dark.color}`);
  assert.ok(luminance(auto.background) > 0.8, `auto (light reader) background is ${auto.background}`);
  assert.deepEqual(errors, []);
});

test("mount: data-lang=ru shows the widget's labels in Russian", async (t) => {
  const { page, errors } = await open(t, "/fixtures/mount-styles.html", { wait: "#russian :not([hidden]) > .fc-card" });
  const toggle = page.locator("#russian :not([hidden]) > .fc-card .fc-card__toggle").first();
  // textContent, not innerText: cards off screen are not rendered
  // (content-visibility: auto), and innerText reads only what is rendered.
  assert.match(await toggle.textContent(), /Показать источники/);
  assert.match(await page.locator("#bundled :not([hidden]) > .fc-card .fc-card__toggle").first().innerText(), /Show sources/);
  // The sheet's own text stays as written.
  assert.match(await page.locator("#russian .fc-header__title").innerText(), /ISIS-K/);
  assert.deepEqual(errors, []);
});

test("mount: data-category shows only that category's cards", async (t) => {
  const { page, errors } = await open(t, "/fixtures/mount-styles.html", { wait: "#one-category :not([hidden]) > .fc-card" });
  assert.deepEqual(await shownCards(page, "one-category"), ["formed-in-2015", "parent-group"]);
  assert.equal(await page.locator("#one-category .fc-filter__chip[data-category='origins']").getAttribute("aria-pressed"), "true");
  assert.equal(await page.locator("#one-category .fc-filter__chip--all").getAttribute("aria-pressed"), "false");
  assert.deepEqual(errors, []);
});

test("mount: data-card opens that card", async (t) => {
  const { page, errors } = await open(t, "/fixtures/mount-styles.html", { wait: "#one-card :not([hidden]) > .fc-card" });
  const card = page.locator("#one-card :not([hidden]) > .fc-card[data-card='why-russia']");
  assert.equal(await card.locator(".fc-card__toggle").getAttribute("aria-expanded"), "true");
  assert.ok(await card.locator(".fc-card__sources").isVisible());
  const expanded = await page.locator("#one-card :not([hidden]) > .fc-card .fc-card__toggle[aria-expanded='true']").count();
  assert.equal(expanded, 1, "only the chosen card is open");
  assert.deepEqual(await shownCards(page, "one-card"), CARDS, "data-card does not filter");
  assert.deepEqual(errors, []);
});

test("mount: an element added later by a script is mounted without any call", async (t) => {
  const { page, errors } = await open(t, "/fixtures/mount-styles.html", { wait: "#bundled :not([hidden]) > .fc-card" });
  await page.evaluate(() => {
    // Nested in a wrapper, as a live blog or a single-page site would insert it.
    const wrapper = document.createElement("section");
    wrapper.innerHTML = '<div data-factcards id="late" data-category="russia"><p>fallback</p></div>';
    document.body.append(wrapper);
  });
  await page.locator("#late :not([hidden]) > .fc-card").first().waitFor();
  assert.deepEqual(await shownCards(page, "late"), ["why-russia"]);
  assert.equal(await page.evaluate(() => document.getElementById("late").childNodes.length), 0);
  // Removing it again is quiet.
  await page.evaluate(() => document.getElementById("late").remove());
  await frames(page);
  assert.deepEqual(errors, []);
});

test("mount: a slow data-src shows a space-holding loading state with role=status", async (t) => {
  slow = gate();
  const { page, errors } = await open(t, "/fixtures/slow.html");
  // The widget asked for the sheet, and the server holds it.
  await Promise.race([
    slow.hit,
    new Promise((_, fail) => setTimeout(() => fail(new Error("the sheet was never requested")), TIMEOUT)),
  ]);
  const loading = page.locator("#slow .fc-loading");
  await loading.waitFor({ state: "visible" });
  assert.equal(await loading.getAttribute("role"), "status");
  assert.match(await loading.innerText(), /Loading/);
  const box = await loading.boundingBox();
  assert.ok(box.height >= 100, `the loading state is ${box.height}px high`);
  const host = await page.locator("#slow").boundingBox();
  assert.ok(host.height >= box.height, "the mount element holds the loading state's space");
  assert.equal(await page.locator("#slow :not([hidden]) > .fc-card").count(), 0);
  slow.open();
  await page.locator("#slow :not([hidden]) > .fc-card").first().waitFor();
  assert.equal(await page.locator("#slow .fc-loading").count(), 0);
  assert.deepEqual(await shownCards(page, "slow"), CARDS);
  assert.deepEqual(errors, []);
});

// ---------------------------------------------------------------------------
// 2. Instances are independent
// ---------------------------------------------------------------------------

test("instances: filtering and expanding in one leaves the other unchanged", async (t) => {
  const { page, errors } = await open(t, "/fixtures/two-instances.html", { allow404: true, wait: "#second :not([hidden]) > .fc-card" });
  await page.locator("#first :not([hidden]) > .fc-card").first().waitFor();
  await page.locator("#first .fc-filter__chip[data-category='origins']").click();
  await page.waitForFunction(() => document.getElementById("first").shadowRoot.querySelectorAll(":not([hidden]) > .fc-card").length === 2);
  assert.deepEqual(await shownCards(page, "first"), ["formed-in-2015", "parent-group"]);
  assert.deepEqual(await shownCards(page, "second"), CARDS);
  assert.equal(await page.locator("#second .fc-filter__chip--all").getAttribute("aria-pressed"), "true");

  await page.locator("#second :not([hidden]) > .fc-card[data-card='parent-group'] .fc-card__toggle").click();
  assert.equal(await page.locator("#second :not([hidden]) > .fc-card[data-card='parent-group'] .fc-card__toggle").getAttribute("aria-expanded"), "true");
  assert.equal(await page.locator("#first :not([hidden]) > .fc-card[data-card='parent-group'] .fc-card__toggle").getAttribute("aria-expanded"), "false");
  assert.ok(await page.locator("#first :not([hidden]) > .fc-card[data-card='parent-group'] .fc-card__sources").isHidden());
  // Card ids are shared by both decks' DOM ids (`sheet/card`), but each lives in its own shadow root.
  assert.equal(await page.locator("#first :not([hidden]) > .fc-card[data-card='parent-group']").getAttribute("id"), `${SHEET_ID}/parent-group`);
  assert.deepEqual(errors, []);
});

test("instances: a failing instance shows its error panel while the others work", async (t) => {
  const { page, errors } = await open(t, "/fixtures/two-instances.html", { allow404: true, wait: "#broken .fc-error" });
  await page.locator("#first :not([hidden]) > .fc-card").first().waitFor();
  await page.locator("#second :not([hidden]) > .fc-card").first().waitFor();
  assert.equal(await page.locator("#broken .fc-error").getAttribute("role"), "alert");
  assert.equal(await page.locator("#broken :not([hidden]) > .fc-card").count(), 0);
  // The others still respond.
  await page.locator("#second :not([hidden]) > .fc-card .fc-card__toggle").first().click();
  assert.equal(await page.locator("#second :not([hidden]) > .fc-card .fc-card__toggle").first().getAttribute("aria-expanded"), "true");
  assert.equal(await page.locator("#first .fc-error").count(), 0);
  assert.equal(await page.locator("#second .fc-error").count(), 0);
  assert.deepEqual(errors, []);
});

// ---------------------------------------------------------------------------
// 3. data-src failures
// ---------------------------------------------------------------------------

/** The error panel's problems on `#host`, and the problems of its factcards:error event. */
async function failure(page, host) {
  await page.locator(`#${host} .fc-error`).waitFor();
  const panel = page.locator(`#${host} .fc-error`);
  assert.equal(await panel.getAttribute("role"), "alert");
  const problems = await panel.locator(".fc-error__problem").allInnerTexts();
  const fired = await event(page, "error", host);
  assert.equal(fired.bubbles, true);
  // The event's problems are data (api-shapes.test.mjs checks their shape); as text they read as the panel does.
  const asText = ({ path, message, line, column }) =>
    path ? `${path}: ${message}` : line ? `line ${line}, column ${column}: ${message}` : message;
  return { problems: problems.map((text) => text.trim()), fired: fired.detail.problems.map(asText) };
}

test("data-src: a 404 shows the error panel with HTTP 404 and fires factcards:error", async (t) => {
  const { page, errors } = await open(t, "/fixtures/errors.html", { allow404: true });
  const { problems, fired } = await failure(page, "not-found");
  assert.equal(problems.length, 1);
  assert.match(problems[0], /\/fixtures\/missing-sheet\.json/);
  assert.match(problems[0], /HTTP 404/);
  assert.equal(fired.length, 1);
  assert.match(fired[0], /HTTP 404/);
  assert.deepEqual(errors, []);
});

test("data-src: invalid JSON shows the syntax error with its line and column", async (t) => {
  const { page, errors } = await open(t, "/fixtures/errors.html", { allow404: true });
  const { problems, fired } = await failure(page, "syntax");
  // bad-syntax.json: the comma after "id" on line 3 is missing, so reading stops on line 4.
  assert.equal(problems.length, 1);
  assert.match(problems[0], /^line 4, column 3: /);
  assert.match(problems[0], /expected ','/);
  assert.deepEqual(fired, problems);
  assert.deepEqual(errors, []);
});

test("data-src: a valid-JSON but invalid sheet lists each problem with its JSON path", async (t) => {
  const { page, errors } = await open(t, "/fixtures/errors.html", { allow404: true });
  const { problems, fired } = await failure(page, "invalid");
  assert.deepEqual(problems, [
    'updated: "2026-02-30" is not an ISO 8601 date or date-time, such as "2024-03-23" or "2024-03-23T18:05:00Z"',
    'cards[0].facts[0].sources[0]: unknown source "s9" (known: "council")',
    'cards[0].facts[1].sources[1]: unknown source "s8" (known: "council")',
  ]);
  const paths = await page.locator("#invalid .fc-error__path").allInnerTexts();
  assert.deepEqual(paths, ["updated", "cards[0].facts[0].sources[0]", "cards[0].facts[1].sources[1]"]);
  assert.deepEqual(fired, problems);
  assert.deepEqual(errors, []);
});

// ---------------------------------------------------------------------------
// 9. "Get the data"
// ---------------------------------------------------------------------------

test("get the data: a download link to the sheet's JSON (blob: for inline, the fetched file for bundled and data-src)", async (t) => {
  const { page, errors } = await open(t, "/fixtures/mount-styles.html", { wait: "#bundled :not([hidden]) > .fc-card" });
  for (const host of ["from-src", "inline"]) await page.locator(`#${host} :not([hidden]) > .fc-card`).first().waitFor();
  const links = await page.evaluate(async () => {
    const out = {};
    for (const host of ["bundled", "inline", "from-src"]) {
      const link = document.getElementById(host).shadowRoot.querySelector(".fc-deck__data-link");
      if (!link) continue;
      const json = await (await fetch(link.href)).json();
      out[host] = { href: link.getAttribute("href"), download: link.getAttribute("download"), text: link.textContent, id: json.id };
    }
    return out;
  });
  // The bundled story is fetched beside the loader, so its link is that file.
  assert.match(links.bundled?.href ?? "", /^http:\/\/[^/]+\/moscow-isis-k\.json$/);
  assert.equal(links.bundled.download, `${SHEET_ID}.json`);
  assert.equal(links.bundled.id, SHEET_ID);
  assert.match(links.bundled.text, /Get the data/);
  assert.match(links.inline?.href ?? "", /^blob:/);
  assert.equal(links.inline.download, "harbour-bridge-closure.json");
  assert.equal(links.inline.id, "harbour-bridge-closure");
  assert.equal(links.inline.text, links.bundled.text);
  assert.equal(links["from-src"]?.href, "/moscow-isis-k.json");
  assert.equal(links["from-src"].download, `${SHEET_ID}.json`);
  assert.equal(links["from-src"].id, SHEET_ID);
  assert.deepEqual(errors, []);
});
