// Lighthouse 12.2.3 (pinned in tools/bench/package.json) with the machine's
// Chromium: never a downloaded browser. Returns the scores (0–100) and the
// main metrics of one run.
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import * as chromeLauncher from "chrome-launcher";
import { CHROMIUM, CHROMIUM_FLAGS } from "../e2e/chromium.mjs";

export const CHROME_PATH = process.env.CHROME_PATH ?? CHROMIUM;
const FLAGS = ["--headless=new", ...CHROMIUM_FLAGS];
const METRICS = [
  "first-contentful-paint",
  "largest-contentful-paint",
  "total-blocking-time",
  "cumulative-layout-shift",
  "speed-index",
  "interactive",
];

/** Runs Lighthouse on `url` with the `desktop` or `mobile` (default) preset. */
export async function runLighthouse(url, preset = "desktop") {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: FLAGS, logLevel: "silent" });
  try {
    const config = preset === "desktop" ? desktopConfig : undefined;
    const result = await lighthouse(
      url,
      { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] },
      config,
    );
    const { lhr } = result;
    const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
    const failedA11y = Object.values(lhr.audits)
      .filter((audit) => lhr.categories.accessibility?.auditRefs.some((ref) => ref.id === audit.id && ref.weight > 0))
      .filter((audit) => audit.score !== null && audit.score < 1)
      .map((audit) => audit.id);
    return {
      url,
      preset,
      performance: score("performance"),
      accessibility: score("accessibility"),
      failedAccessibilityAudits: failedA11y,
      metrics: Object.fromEntries(METRICS.map((id) => [id, lhr.audits[id]?.numericValue ?? null])),
      runtimeError: lhr.runtimeError?.message ?? null,
      warnings: lhr.runWarnings ?? [],
    };
  } finally {
    await chrome.kill();
  }
}
