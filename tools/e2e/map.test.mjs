// End-to-end tests of a card's points: the bundled story marks Moscow on the
// attack card, a dot on the map where Moscow is, with its name beside it and
// in the map's text alternative and caption.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DIST, setUpSuite, openLive as open } from "./browser.mjs";

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
