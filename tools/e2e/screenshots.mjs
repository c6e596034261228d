// Screenshots for README.md: the deck (full and compact) and the map card of
// the demo page, both house themes (themes.html), at 375 and 1280 px wide,
// light and dark, and the example article, from the release build in dist/
// (run `scripts/screenshots`, which builds it first). The before-*.png are
// kept by hand from an earlier build, for the README's before and after.
// Writes docs/screenshots/*.png, committed so the README can show them.
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startSuite, stopSuite, widgetsLive } from "./browser.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const out = join(root, "docs", "screenshots");
await mkdir(out, { recursive: true });

const suite = await startSuite(join(root, "dist"));
const { browser, origin } = suite;
const written = [];
try {
  for (const width of [375, 1280]) {
    for (const colorScheme of ["light", "dark"]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme, deviceScaleFactor: 1 });
      await page.goto(`${origin}/index.html`);
      // The live deck, not the server-rendered one it replaces: with the
      // wasm in the HTTP cache, the check of widgetsLive can come before
      // the wasm has even begun to take over, so wait for the fallback's
      // reserved controls to go too.
      await widgetsLive(page);
      await page.waitForFunction(() => !document.getElementById("demo-widget").shadowRoot.querySelector(".fc-reserved, .fc-root[data-pending]"), null, { timeout: 30000 });
      await page.locator("[data-card='regions'] svg.fc-map__svg").waitFor({ timeout: 30000 });
      // The deck's top: header, controls and the first cards.
      const deck = page.locator("#demo-widget .fc-deck");
      const box = await deck.boundingBox();
      const deckPath = join(out, `deck-${width}-${colorScheme}.png`);
      await page.screenshot({
        path: deckPath,
        clip: { x: 0, y: Math.max(0, box.y - 16), width, height: width < 600 ? 1400 : 1000 },
        fullPage: true,
      });
      written.push(deckPath);
      // The map card, opened.
      const card = page.locator("#demo-widget [data-card='regions']");
      await card.locator(".fc-card__toggle").click();
      await card.scrollIntoViewIfNeeded();
      const mapPath = join(out, `map-${width}-${colorScheme}.png`);
      await card.screenshot({ path: mapPath });
      written.push(mapPath);
      // The compact layout, as a sidebar would hold it.
      await page.evaluate(async () => {
        const host = document.createElement("div");
        host.id = "compact-shot";
        host.style.cssText = "max-width: 340px; margin: 16px";
        document.body.prepend(host);
        await window.factcards.ready;
        window.factcards.mount(host, undefined, { layout: "compact", urlState: false });
      });
      await page.locator("#compact-shot .fc-card").first().waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      const compactPath = join(out, `compact-${width}-${colorScheme}.png`);
      await page.locator("#compact-shot").screenshot({ path: compactPath });
      written.push(compactPath);
      await page.close();

      // Both house themes.
      const themes = await browser.newPage({ viewport: { width, height: 900 }, colorScheme, deviceScaleFactor: 1 });
      await themes.goto(`${origin}/themes.html`);
      await widgetsLive(themes);
      for (const theme of ["broadsheet", "tabloid"]) {
        const section = themes.locator(`section.theme-${theme}`);
        await section.scrollIntoViewIfNeeded();
        const at = await section.boundingBox();
        const scrolled = await themes.evaluate(() => window.scrollY);
        const path = join(out, `theme-${theme}-${width}-${colorScheme}.png`);
        await themes.screenshot({
          path,
          clip: { x: 0, y: at.y + scrolled, width, height: Math.min(at.height, width < 600 ? 1100 : 800) },
          fullPage: true,
        });
        written.push(path);
      }
      await themes.close();
    }
  }
  for (const width of [375, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(`${origin}/news-article.html`);
    await widgetsLive(page);
    await page.locator("#inline-facts .fc-card").first().waitFor();
    const path = join(out, `article-${width}.png`);
    await page.screenshot({ path, clip: { x: 0, y: 0, width, height: 1600 }, fullPage: true });
    written.push(path);
    await page.close();
  }
} finally {
  await stopSuite(suite);
}
console.log(written.map((path) => path.slice(root.length + 1)).join("\n"));
