// End-to-end tests of the design as newsrooms take it: the two house themes
// (stylesheets that set only --fc-* custom properties) on their demo page,
// and the example article in both layouts, with axe-core finding nothing in
// light or dark; and the cards' flow leaving no hole beside a short card.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { axe } from "./axe.mjs";
import { DIST, browser, origin, setUpSuite, openLive as open } from "./browser.mjs";

setUpSuite(DIST);

test("a house theme sets only the widget's --fc-* custom properties", async () => {
  for (const theme of ["broadsheet", "tabloid"]) {
    const css = await readFile(new URL(`../../demo/themes/${theme}.css`, import.meta.url), "utf8");
    const declarations = css.replace(/\/\*[\s\S]*?\*\//g, "").match(/[^{};]+:[^;{}]+;/g) ?? [];
    assert.ok(declarations.length > 10, `${theme} sets its properties`);
    for (const declaration of declarations) {
      assert.match(declaration.trim(), /^--fc-[a-z-]+:/, `${theme}: ${declaration.trim()}`);
    }
  }
});

for (const colorScheme of ["light", "dark"]) {
  for (const width of [1280, 375]) {
    test(`axe-core finds no violations on both themes and the article, full and compact (${colorScheme}, ${width} px)`, async () => {
      for (const path of ["/themes.html", "/news-article.html"]) {
        const { page, errors, close } = await open(path, { width, colorScheme });
        assert.deepEqual(await axe(page), [], `${path}`);
        assert.deepEqual(errors, []);
        await close();
      }
    });
  }
}

test("the themes reach the shadow root: a serif broadsheet and a bold tabloid", async () => {
  const { page, close } = await open("/themes.html");
  const look = (id) =>
    page.evaluate((id) => {
      const title = document.getElementById(id).shadowRoot.querySelector(".fc-card__title");
      const card = title.closest(".fc-card");
      return { font: getComputedStyle(title).fontFamily, rule: getComputedStyle(card).borderTopWidth };
    }, id);
  const broadsheet = await look("broadsheet");
  const tabloid = await look("tabloid");
  assert.match(broadsheet.font, /Georgia/);
  assert.match(tabloid.font, /Arial Black/);
  assert.equal(broadsheet.rule, "1px");
  assert.equal(tabloid.rule, "3px");
  await close();
});

test("cards flow in columns with no hole under a short card", async () => {
  const { page, close } = await open("/", { width: 1280 });
  const holes = await page.evaluate(() => {
    const root = document.getElementById("demo-widget").shadowRoot;
    const found = [];
    for (const list of root.querySelectorAll(".fc-category__cards")) {
      const cards = [...list.querySelectorAll(".fc-card")].map((card) => card.getBoundingClientRect());
      // In each column, each card starts where the one above it ends (plus its margin).
      const columns = new Map();
      for (const box of cards) {
        const key = Math.round(box.left);
        columns.set(key, [...(columns.get(key) ?? []), box]);
      }
      for (const column of columns.values()) {
        for (let i = 1; i < column.length; i++) {
          const gap = column[i].top - column[i - 1].bottom;
          if (gap > 40) found.push(gap);
        }
      }
    }
    return found;
  });
  assert.deepEqual(holes, []);
  await close();
});
