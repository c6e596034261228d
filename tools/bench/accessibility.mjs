// Lighthouse's accessibility category on the reader-facing pages of dist/
// (the demo, the example article with its full and compact decks, the two
// house themes), each with the reader preferring light and then dark.
// Prints one score per page and scheme, and the failing audits if any.
// Exits non-zero if any score is below 100.
//
//   node tools/bench/accessibility.mjs          # after scripts/build
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { CHROME_PATH } from "./lighthouse.mjs";
import { CHROMIUM_FLAGS } from "../e2e/chromium.mjs";
import { serve } from "./server.mjs";

const PAGES = ["/index.html", "/news-article.html", "/themes.html"];
// Blink's own switch for the preference Lighthouse itself never emulates:
// 0 is dark, 1 is light.
const SCHEMES = { light: 1, dark: 0 };

const server = await serve(["dist"], 0);
const origin = `http://127.0.0.1:${server.address().port}`;
let worst = 100;
try {
  for (const [scheme, value] of Object.entries(SCHEMES)) {
    const chrome = await chromeLauncher.launch({
      chromePath: CHROME_PATH,
      chromeFlags: ["--headless=new", ...CHROMIUM_FLAGS, `--blink-settings=preferredColorScheme=${value}`],
      logLevel: "silent",
    });
    try {
      for (const path of PAGES) {
        const { lhr } = await lighthouse(`${origin}${path}`, {
          port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["accessibility"],
        });
        const score = Math.round((lhr.categories.accessibility.score ?? 0) * 100);
        worst = Math.min(worst, score);
        const failed = lhr.categories.accessibility.auditRefs
          .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
          .map((ref) => ref.id);
        console.log(`${path} ${scheme}: ${score}${failed.length ? ` (failing: ${failed.join(", ")})` : ""}`);
        for (const id of failed) {
          for (const item of lhr.audits[id].details?.items ?? []) {
            console.log(`  ${id}: ${item.node?.snippet ?? ""} ${item.node?.explanation?.split("\n")[1] ?? ""}`);
          }
        }
      }
    } finally {
      await chrome.kill();
    }
  }
} finally {
  server.close();
}
process.exitCode = worst < 100 ? 1 : 0;
