// End-to-end tests of style isolation both ways (a hostile page stylesheet
// cannot restyle the widget, the widget's CSS does not leak into the page)
// on a test page of its own, fixtures/hostile-page.html), and screenshots of
// the example news article. See embed.mjs for the set-up.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fullPageScreenshot } from "./browser.mjs";
import { SHOTS, embedSuite, open, shownCards, frameHeights } from "./embed.mjs";

embedSuite();

// ---------------------------------------------------------------------------
// 6. Style isolation
// ---------------------------------------------------------------------------

const WIDGET_PROPERTIES = [
  "font-family", "font-size", "font-weight", "font-style", "line-height", "color", "background-color",
  "letter-spacing", "word-spacing", "text-transform", "text-align", "text-decoration-line", "text-decoration-style",
  "box-sizing", "margin-top", "margin-right", "margin-bottom", "margin-left",
  "padding-top", "padding-right", "padding-bottom", "padding-left",
  "border-top-width", "border-top-style", "list-style-type",
];

const WIDGET_ELEMENTS = [
  ".fc-root", ".fc-deck", ".fc-header__title", ".fc-header__summary", ".fc-filter__chip", ".fc-filter__chip--all",
  ".fc-category__title", ":not([hidden]) > .fc-card", ":not([hidden]) > .fc-card .fc-card__title", ".fc-card__facts", ".fc-fact__text", ":not([hidden]) > .fc-card .fc-card__toggle",
  ":not([hidden]) > .fc-card .fc-card__copy-link", ".fc-sources__link", ".fc-deck__data-link",
];

/** Computed styles of the widget's inner elements, per mount element. */
function widgetStyles(page, hosts) {
  return page.evaluate(([hosts, selectors, properties]) => {
    const out = {};
    for (const host of hosts) {
      const shadow = document.getElementById(host).shadowRoot;
      for (const selector of selectors) {
        const element = shadow.querySelector(selector);
        if (!element) continue;
        const style = getComputedStyle(element);
        out[`#${host} ${selector}`] = Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]));
      }
    }
    return out;
  }, [hosts, WIDGET_ELEMENTS, WIDGET_PROPERTIES]);
}

test("isolation: the hostile page stylesheet does not change the widget", async (t) => {
  const { page, errors } = await open(t, "/fixtures/hostile-page.html", { wait: "#inline-facts :not([hidden]) > .fc-card" });
  await page.locator("#sidebar-facts :not([hidden]) > .fc-card").first().waitFor();
  // The bundled story's source has no URL: mount one more deck whose source
  // links somewhere, in the article body, where the hostile `a` rule applies.
  await page.evaluate(async () => {
    const sheet = await (await fetch("/fixtures/small-sheet.json")).json();
    const host = document.createElement("div");
    host.id = "linked-facts";
    document.querySelector(".article .embed").append(host);
    window.factcards.mount(host, sheet, { card: "why-closed" });
  });
  await page.locator("#linked-facts .fc-sources__link").first().waitFor();
  await page.locator("#inline-facts :not([hidden]) > .fc-card .fc-card__toggle").first().click();
  // Off the widget, so that no :hover style counts as a difference when the layout shifts.
  await page.mouse.move(0, 0);
  const hosts = ["inline-facts", "sidebar-facts", "linked-facts"];
  const hostile = await widgetStyles(page, hosts);
  for (const selector of WIDGET_ELEMENTS) {
    assert.ok(hostile[`#linked-facts ${selector}`], `no ${selector} to compare`);
  }
  const rootFontSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  const pageBefore = await rootFontSize();

  await page.evaluate(() => document.getElementById("hostile-css").remove());
  const pageAfter = await rootFontSize();
  assert.notEqual(pageBefore, pageAfter, "removing the hostile stylesheet changed nothing on the page");
  const clean = await widgetStyles(page, hosts);

  const differences = [];
  for (const [element, styles] of Object.entries(clean)) {
    for (const [property, value] of Object.entries(styles)) {
      if (hostile[element]?.[property] !== value) {
        differences.push(`${element} ${property}: ${hostile[element]?.[property]} with the hostile CSS, ${value} without`);
      }
    }
  }
  assert.deepEqual(differences, []);
  assert.deepEqual(errors, []);
});

const PAGE_PROPERTIES = [
  "font-family", "font-size", "font-weight", "line-height", "color", "background-color", "letter-spacing",
  "text-transform", "text-align", "box-sizing", "margin-top", "margin-bottom", "padding-top", "padding-left",
  "border-top-width", "display", "color-scheme", "list-style-type",
];
const PAGE_ELEMENTS = [
  "html", "body", ".site-header", ".article", ".article h1", ".article p", ".byline", ".article > h2",
  ".sidebar h2", ".site-footer", "#probe-button", "#probe-link", "#probe-list li", "#sidebar-facts",
];

/** Computed styles of the page's own elements, after adding a button, a link and a list of our own. */
function pageStyles(page) {
  return page.evaluate(([selectors, properties]) => {
    const probe = document.createElement("div");
    probe.innerHTML = '<button id="probe-button" type="button">A page button</button> <a id="probe-link" href="#top">A page link</a><ul id="probe-list"><li>An item</li></ul>';
    document.querySelector(".article").append(probe);
    const out = {
      adoptedSheets: document.adoptedStyleSheets.length,
      documentSheets: [...document.styleSheets].map((sheet) => sheet.href ?? `inline: ${sheet.ownerNode?.outerHTML.slice(0, 60)}`),
    };
    for (const selector of selectors) {
      const element = document.querySelector(selector);
      const style = getComputedStyle(element);
      out[selector] = Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]));
    }
    return out;
  }, [PAGE_ELEMENTS, PAGE_PROPERTIES]);
}

test("isolation: the widget's CSS does not leak into the page", async (t) => {
  // The same page without the widget: its scripts answered with empty modules.
  const without = await open(t, "/fixtures/hostile-page.html", {
    beforeGoto: (page) => Promise.all([
      page.route("**/factcards.js", (route) => route.fulfill({ contentType: "text/javascript", body: "" })),
      page.route("**/embed-loader.js", (route) => route.fulfill({ contentType: "text/javascript", body: "" })),
    ]),
  });
  await without.page.waitForLoadState("load");
  assert.equal(await without.page.evaluate(() => document.getElementById("inline-facts").shadowRoot), null);
  const baseline = await pageStyles(without.page);

  const withWidget = await open(t, "/fixtures/hostile-page.html", { wait: "#inline-facts :not([hidden]) > .fc-card" });
  await withWidget.page.locator("#sidebar-facts :not([hidden]) > .fc-card").first().waitFor();
  await withWidget.page.locator("#inline-facts :not([hidden]) > .fc-card .fc-card__toggle").first().click();
  const styled = await pageStyles(withWidget.page);
  assert.deepEqual(styled, baseline);
  assert.deepEqual(withWidget.errors, []);
});

// ---------------------------------------------------------------------------
// Screenshots of the example news article
// ---------------------------------------------------------------------------

for (const [name, width] of [["phone", 375], ["desktop", 1280]]) {
  test(`news article screenshot (${name}, ${width}px): every widget shown, no horizontal scrolling`, async (t) => {
    const { page, errors } = await open(t, "/news-article.html", { width, wait: "#inline-facts :not([hidden]) > .fc-card" });
    await page.locator("#sidebar-facts :not([hidden]) > .fc-card").first().waitFor();
    assert.deepEqual(await shownCards(page, "sidebar-facts"), ["why-russia"]);
    await page.locator("iframe[data-factcards-frame]").scrollIntoViewIfNeeded();
    await page.frameLocator("iframe[data-factcards-frame]").locator(":not([hidden]) > .fc-card").first().waitFor();
    await frameHeights(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the viewport`);
    await fullPageScreenshot(page, `${SHOTS}/news-article-${name}.png`);
    assert.deepEqual(errors, []);
  });
}
