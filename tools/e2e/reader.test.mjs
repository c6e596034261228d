// End-to-end tests of the reader's experience in the release build:
// accessibility (axe-core, keyboard only), the URL-kept view, the Russian
// UI, right-to-left sheets and print. Served from dist/ (and fixtures/ under
// /fixtures/) on 127.0.0.1, driven in headless Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axe } from "./axe.mjs";
import { rightToLeftLayout } from "./layout-checks.mjs";
import { BUNDLED, DIST, SHEET_ID, FIXTURES, SHOTS, browser, origin, setUpSuite, widgetsLive, fullPageScreenshot } from "./browser.mjs";

const TIMEOUT = 5000;

setUpSuite(DIST, { mounts: { "/fixtures/": FIXTURES } });

/** A page whose uncaught errors and console errors are collected. */
async function open(path, { width = 1280, colorScheme = "light", waitFor = ":not([hidden]) > .fc-card" } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(`${origin}${path}`);
  if (waitFor) {
    await page.locator(waitFor).first().waitFor({ timeout: TIMEOUT });
    await widgetsLive(page);
  }
  return { page, errors, close: () => context.close() };
}

for (const colorScheme of ["light", "dark"]) {
  for (const [name, path] of [["demo page", "/"], ["example article", "/news-article.html"]]) {
    test(`axe-core finds no violations on the ${name} (${colorScheme})`, async () => {
      const { page, errors, close } = await open(path, { colorScheme });
      // Check a busy state too: a search with highlights and an open card.
      await page.locator(":not([hidden]) > .fc-card .fc-card__toggle").first().click();
      assert.deepEqual(await axe(page), []);
      await page.locator(".fc-search__input").first().fill("isis");
      await page.locator(".fc-mark").first().waitFor({ timeout: TIMEOUT });
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(errors, []);
      await close();
    });
  }
}

test("axe-core finds no violations in the certainty view and an empty result", async () => {
  const { page, close } = await open("/");
  await page.locator(".fc-grouping__button[data-grouping='certainty']").click();
  await page.locator(".fc-certainty__group").first().waitFor({ timeout: TIMEOUT });
  assert.deepEqual(await axe(page), []);
  await page.locator(".fc-search__input").fill("no such words anywhere");
  await page.locator(".fc-empty").waitFor({ timeout: TIMEOUT });
  assert.deepEqual(await axe(page), []);
  await close();
});

/** The element that has focus, described by its class and text, looking into shadow roots. */
function focused(page) {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return {
      className: element?.className ?? "",
      text: (element?.textContent ?? "").trim().replace(/\s+/g, " "),
      pressed: element?.getAttribute?.("aria-pressed") ?? null,
      expanded: element?.getAttribute?.("aria-expanded") ?? null,
      outline: element ? getComputedStyle(element).outlineStyle : "",
    };
  });
}

test("everything works by keyboard alone, in a natural tab order, with a visible focus ring", async () => {
  const { page, errors, close } = await open("/");
  await page.locator("#demo-widget").focus().catch(() => {});
  // From the page's links, Tab reaches the widget: search first.
  await page.locator(".demo-links a").last().focus();
  await page.keyboard.press("Tab");
  let now = await focused(page);
  assert.match(now.className, /fc-search__input/);
  await page.keyboard.type("SHARÍA");
  // Each keystroke narrows the deck in a render of its own: wait for the
  // last one's, not for the first mark (an earlier prefix's).
  await page.locator(".fc-results", { hasText: /Showing 1 fact in 1 card/ }).waitFor({ timeout: TIMEOUT });
  await page.locator(".fc-mark").first().waitFor({ timeout: TIMEOUT });
  assert.equal(await page.locator(":not([hidden]) > .fc-card").count(), 1);
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");

  // Next come the grouping buttons, then the chips, in visual order.
  const order = [];
  for (let i = 0; i < 9; i++) {
    await page.keyboard.press("Tab");
    now = await focused(page);
    order.push(now.text);
    assert.notEqual(now.outline, "none", `no focus ring on ${now.text}`);
  }
  assert.deepEqual(order.slice(0, 4), ["By topic", "By certainty", "?What the labels mean", "All"]);
  assert.match(order[4], /^The Moscow attack/);
  // Space on a chip presses it.
  const origins = order.findIndex((text) => /^Origins/.test(text));
  for (let i = origins; i < order.length - 1; i++) await page.keyboard.press("Shift+Tab");
  now = await focused(page);
  assert.match(now.text, /^Origins/);
  await page.keyboard.press(" ");
  now = await focused(page);
  assert.equal(now.pressed, "true");
  assert.equal(await page.locator(":not([hidden]) > .fc-card").count(), 2);
  // Tab on to the first card's disclosure; Enter opens it.
  let guard = 0;
  do {
    await page.keyboard.press("Tab");
    now = await focused(page);
  } while (!/fc-card__toggle/.test(now.className) && ++guard < 20);
  assert.equal(now.expanded, "false");
  await page.keyboard.press("Enter");
  now = await focused(page);
  assert.equal(now.expanded, "true");
  assert.ok(await page.locator(":not([hidden]) > .fc-card .fc-card__sources").first().isVisible());
  assert.deepEqual(errors, []);
  await close();
});

test("a polite live region announces the result count after a filter", async () => {
  const { page, close } = await open("/");
  const status = page.locator(".fc-results");
  assert.equal(await status.getAttribute("aria-live"), "polite");
  assert.equal(await status.innerText(), "");
  await page.locator(".fc-filter__chip[data-category='ideology']").click();
  await page.waitForFunction(
    () => document.querySelector("#demo-widget").shadowRoot.querySelector(".fc-results").textContent.includes("4 facts in 2 cards"),
    null,
    { timeout: TIMEOUT },
  );
  await close();
});

test("the view is kept in the URL fragment and restored from it", async () => {
  const { page, close } = await open("/");
  await page.locator(".fc-filter__chip[data-category='origins']").click();
  await page.locator(".fc-filter__chip[data-category='russia']").click();
  await page.locator(".fc-search__input").fill("isis");
  await page.locator(":not([hidden]) > .fc-card[data-card='why-russia'] .fc-card__toggle").click();
  await page.locator(".fc-grouping__button[data-grouping='topic']").click();
  await page.waitForFunction(() => location.hash.includes("open=why-russia"), null, { timeout: TIMEOUT });
  const hash = await page.evaluate(() => location.hash);
  assert.equal(hash, `#${SHEET_ID}?cat=origins,russia&q=isis&open=why-russia`);
  await close();

  // A new visit to that address shows the same view.
  const again = await open(`/${hash}`);
  const cards = await again.page.locator(":not([hidden]) > .fc-card").evaluateAll((els) => els.map((el) => el.dataset.card));
  assert.deepEqual(cards, ["formed-in-2015", "parent-group", "why-russia"]);
  assert.equal(await again.page.locator(".fc-search__input").inputValue(), "isis");
  assert.equal(await again.page.locator(":not([hidden]) > .fc-card[data-card='why-russia'] .fc-card__toggle").getAttribute("aria-expanded"), "true");
  const pressed = await again.page.locator(".fc-filter__chip[aria-pressed='true']").evaluateAll((els) => els.map((el) => el.dataset.category));
  assert.deepEqual(pressed, ["origins", "russia"]);
  await again.close();
});

test("the Russian UI labels everything in Russian and formats dates for Russian", async () => {
  const { page, errors, close } = await open("/fixtures/mount-styles.html", { waitFor: "#russian :not([hidden]) > .fc-card" });
  const widget = page.locator("#russian");
  // textContent, not innerText: cards off screen are not rendered
  // (content-visibility: auto), and innerText reads only what is rendered.
  assert.equal((await widget.locator(".fc-card__toggle").first().textContent()).trim(), "Показать источники (1)");
  assert.match(await widget.locator(".fc-header__updated").innerText(), /^Обновлено \d+ [а-я]+ \d{4} г\.$/);
  assert.equal(await widget.locator(".fc-search__label").innerText(), "Поиск по фактам");
  assert.equal(await widget.locator(".fc-grouping__button[data-grouping='certainty']").innerText(), "По достоверности");
  assert.match(await widget.locator(".fc-fact .fc-status").first().textContent(), /^Статус:\s*(Подтверждено|Заявлено|Сообщается|Неясно)$/);
  await widget.locator(".fc-search__input").fill("isis");
  await page.waitForFunction(
    () => /^Показано \d+ факт(а|ов)? в \d+ карточк(е|ах)$/.test(
      document.querySelector("#russian").shadowRoot.querySelector(".fc-results").textContent),
    null,
    { timeout: TIMEOUT },
  );
  assert.deepEqual(errors.filter((e) => !/status of 404/.test(e)), []);
  await close();
});

test("a right-to-left sheet lays out right to left", async () => {
  const { page, errors, close } = await open("/fixtures/rtl.html", { width: 800 });
  const deck = page.locator("#rtl .fc-deck");
  assert.equal(await deck.getAttribute("dir"), "rtl");
  assert.equal(await deck.getAttribute("lang"), "ar");
  const layout = await page.evaluate(rightToLeftLayout, "rtl");
  assert.deepEqual(layout, { direction: "rtl", chipsRightToLeft: true, firstChipAtRight: true, titleAtRight: true });
  await fullPageScreenshot(page, `${SHOTS}/rtl.png`);
  assert.deepEqual(errors, []);
  await close();
});

test("print shows every visible card expanded with source addresses and no controls", async () => {
  const { page, close } = await open("/fixtures/rtl.html", { width: 800 });
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() => {
    const root = document.querySelector("#rtl").shadowRoot;
    const shown = (el) => el && getComputedStyle(el).display !== "none" && el.getBoundingClientRect().height > 0;
    return {
      cards: root.querySelectorAll(":not([hidden]) > .fc-card").length,
      sourcesShown: [...root.querySelectorAll(":not([hidden]) > .fc-card .fc-card__sources")].every(shown),
      urlsShown: [...root.querySelectorAll(".fc-sources__url")].map((el) => shown(el) && el.textContent),
      controlsHidden: [".fc-controls", ":not([hidden]) > .fc-card .fc-card__actions", ".fc-deck__data"].every(
        (selector) => [...root.querySelectorAll(selector)].every((el) => !shown(el))),
      breakInside: getComputedStyle(root.querySelector(":not([hidden]) > .fc-card")).breakInside,
    };
  });
  assert.deepEqual(printed, {
    cards: 2,
    sourcesShown: true,
    urlsShown: ["https://example.com/a", "https://example.com/a"],
    controlsHidden: true,
    breakInside: "avoid",
  });
  await close();
});

test("print of the demo page expands all nine cards", async () => {
  const { page, close } = await open("/");
  await page.emulateMedia({ media: "print" });
  const hidden = await page.evaluate(() => {
    const root = document.querySelector("#demo-widget").shadowRoot;
    return [...root.querySelectorAll(":not([hidden]) > .fc-card .fc-card__sources")].filter((el) => getComputedStyle(el).display === "none").length;
  });
  assert.equal(await page.locator(":not([hidden]) > .fc-card").count(), BUNDLED.cards.length);
  assert.equal(hidden, 0);
  await page.pdf({ path: `${SHOTS}/demo-print.pdf` }).catch(() => {});
  await close();
});

test("reduced motion turns off transitions", async () => {
  const context = await browser.newContext({ reducedMotion: "reduce" });
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.locator(".fc-filter__chip").first().waitFor({ timeout: TIMEOUT });
  const durations = await page.evaluate(() => {
    const root = document.querySelector("#demo-widget").shadowRoot;
    return [".fc-filter__chip", ":not([hidden]) > .fc-card .fc-card__toggle-icon"].map((s) => getComputedStyle(root.querySelector(s)).transitionDuration);
  });
  assert.deepEqual(durations, ["0s", "0s"]);
  await context.close();
});
