// Screenshots of the two map cards of the bundled story, at 375 and 1280 px,
// light and dark, from the release build:
//
//   trunk build --release && node tools/map/screenshots.mjs
//
// Writes target/screenshots/map-<card>-<width>-<scheme>.png. Uses the e2e
// tests' server and Chromium (tools/, `npm ci` there first).
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startSuite, stopSuite, widgetsLive } from "../e2e/browser.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const out = join(root, "target", "screenshots");
await mkdir(out, { recursive: true });

const suite = await startSuite(join(root, "dist"));
const { browser, origin } = suite;
try {
  for (const width of [375, 1280]) {
    for (const colorScheme of ["light", "dark"]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
      const failed = [];
      page.on("requestfailed", (request) => failed.push(request.url()));
      await page.goto(`${origin}/index.html`);
      await widgetsLive(page);
      // The map is drawn once world-map.json has arrived.
      await page.locator("[data-card='wider-isis-network'] svg.fc-map__svg").waitFor({ timeout: 30000 });
      for (const card of ["regions", "wider-isis-network"]) {
        const path = join(out, `map-${card}-${width}-${colorScheme}.png`);
        await page.locator(`[data-card='${card}']`).screenshot({ path });
        console.log(path);
      }
      if (failed.length) throw new Error(`failed requests: ${failed.join(", ")}`);
      await page.close();
    }
  }
} finally {
  await stopSuite(suite);
}
