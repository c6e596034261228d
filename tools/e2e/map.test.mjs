// End-to-end tests of a card's points: the bundled story marks Moscow on the
// attack card, a dot on the map where Moscow is, with its name beside it and
// in the map's text alternative and caption.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DIST, browser, origin, setUpSuite, openLive as open } from "./browser.mjs";
import { generate } from "../bench/generate.mjs";

setUpSuite(DIST);

/** Moscow, 55.76° N 37.62° E, in map units (data/world-map.json's projection). */
const MOSCOW = { x: (37.62 + 180) * 10, y: (84 - 55.76) * 10 };

for (const width of [375, 1280]) {
  test(`the attack card marks Moscow where it is on the map, at ${width} px`, async () => {
    const { page, errors, close } = await open("/", { width });
    const card = page.locator('#demo-widget [data-card="what-happened"]');
    await card.locator(".fc-map__dot").waitFor({ timeout: 5000 });
    const seen = await card.evaluate((card, moscow) => {
      const svg = card.querySelector(".fc-map__svg");
      const [x, y, w, h] = svg.getAttribute("viewBox").split(" ").map(Number);
      const box = svg.getBoundingClientRect();
      const dot = card.querySelector(".fc-map__dot").getBoundingClientRect();
      const label = card.querySelector(".fc-map__label").getBoundingClientRect();
      const russia = card.querySelector('[data-code="RU"]').getBoundingClientRect();
      return {
        // Where the dot's centre is, and where Moscow should be, on screen.
        dot: { x: dot.x + dot.width / 2, y: dot.y + dot.height / 2 },
        want: { x: box.x + ((moscow.x - x) / w) * box.width, y: box.y + ((moscow.y - y) / h) * box.height },
        dotSize: dot.width,
        label: { left: label.left, right: label.right, top: label.top, bottom: label.bottom, text: card.querySelector(".fc-map__label").textContent },
        inRussia: dot.x >= russia.left && dot.right <= russia.right && dot.y >= russia.top && dot.bottom <= russia.bottom,
        svg: { left: box.left, right: box.right, top: box.top, bottom: box.bottom },
        alt: svg.querySelector("title").textContent,
        caption: card.querySelector(".fc-map__caption").textContent,
      };
    }, MOSCOW);
    assert.ok(Math.abs(seen.dot.x - seen.want.x) < 1 && Math.abs(seen.dot.y - seen.want.y) < 1, JSON.stringify(seen));
    assert.ok(seen.inRussia, "the dot is on Russia");
    assert.ok(seen.dotSize >= 5, `a dot a reader sees: ${seen.dotSize} px`);
    assert.equal(seen.label.text, "Moscow");
    // The name is beside the dot, whole inside the map.
    assert.ok(seen.label.left > seen.dot.x && seen.label.top < seen.dot.y && seen.label.bottom > seen.dot.y, JSON.stringify(seen));
    assert.ok(seen.label.right <= seen.svg.right && seen.label.left >= seen.svg.left, JSON.stringify(seen));
    assert.equal(seen.alt, "Map showing Moscow");
    assert.equal(seen.caption, "On the map: Moscow");
    // Screen readers get the name from the map's text alternative.
    const name = await page.evaluate(() => {
      const svg = document.getElementById("demo-widget").shadowRoot.querySelector('[data-card="what-happened"] svg');
      return svg.getAttribute("role") + " / " + document.getElementById("demo-widget").shadowRoot.getElementById(svg.getAttribute("aria-labelledby")).textContent;
    });
    assert.equal(name, "img / Map showing Moscow");
    assert.deepEqual(errors, []);
    await close();
  });
}

test("a deck fetches the map shapes only when a map card comes within a screen of the viewport", async (t) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  const requested = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (/world-(map|names)\.json$/.test(path)) requested.push(path);
  });
  // A page of its own: the API fixture's drop-in shows the bundled story,
  // whose first card has a map.
  await page.route(`${origin}/far-map.html`, (route) => route.fulfill({
    contentType: "text/html",
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>a map far down</title>
<script type="module" src="/factcards.js"></script></head><body><div id="target"></div></body></html>`,
  }));
  await page.goto(`${origin}/far-map.html`);
  // 30 cards; only the last one shown has a map.
  const sheet = generate(300);
  const last = sheet.categories.flatMap((category) => sheet.cards.filter((card) => card.category === category.id)).at(-1);
  last.regions = ["AF", "PK"];
  const far = await page.evaluate(async (sheet) => {
    const { mount } = await window.factcards.ready;
    const element = document.getElementById("target");
    const ready = new Promise((resolve) => element.addEventListener("factcards:ready", resolve, { once: true }));
    mount(element, sheet);
    await ready;
    // Time for a fetch to have started, had the deck asked for one.
    await new Promise((resolve) => setTimeout(resolve, 500));
    return element.shadowRoot.querySelector(".fc-map").getBoundingClientRect().top / innerHeight;
  }, sheet);
  assert.ok(far > 2.5, `the map is ${far.toFixed(1)} screens down`);
  const card = page.locator(`#target .fc-card[data-card='${last.id}']`);
  assert.equal(await card.locator(".fc-map__placeholder").count(), 1, "the map holds its space");
  assert.deepEqual(requested, [], "nothing fetched for a map two screens away");

  await card.scrollIntoViewIfNeeded();
  await card.locator(".fc-map__svg").waitFor({ timeout: 10000 });
  assert.deepEqual(requested.sort(), ["/world-map.json", "/world-names.json"]);
  assert.equal(await card.locator('.fc-map__land--highlighted[data-code="AF"]').count(), 1);
  assert.deepEqual(errors, []);
});
