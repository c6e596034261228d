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

/** The categories measured unless asked for others: what the widget's pages are held to. */
export const CATEGORIES = ["performance", "accessibility"];

/**
 * Runs Lighthouse on `url` with the `desktop` or `mobile` preset, in
 * `categories` (Lighthouse's ids: performance, accessibility,
 * best-practices, seo); a category not run scores null.
 */
export async function runLighthouse(url, preset = "desktop", categories = CATEGORIES) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: FLAGS, logLevel: "silent" });
  try {
    const config = preset === "desktop" ? desktopConfig : undefined;
    const result = await lighthouse(
      url,
      { port: chrome.port, output: "json", logLevel: "error", onlyCategories: categories },
      config,
    );
    const { lhr } = result;
    const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
    // The audits that cost a category points (those with a weight in it).
    const failed = (category) => Object.values(lhr.audits)
      .filter((audit) => lhr.categories[category]?.auditRefs.some((ref) => ref.id === audit.id && ref.weight > 0))
      .filter((audit) => audit.score !== null && audit.score < 1)
      .map((audit) => audit.id);
    return {
      url,
      preset,
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      seo: score("seo"),
      failedAccessibilityAudits: failed("accessibility"),
      failedBestPracticesAudits: failed("best-practices"),
      failedSeoAudits: failed("seo"),
      metrics: Object.fromEntries(METRICS.map((id) => [id, lhr.audits[id]?.numericValue ?? null])),
      runtimeError: lhr.runtimeError?.message ?? null,
      warnings: lhr.runWarnings ?? [],
    };
  } finally {
    await chrome.kill();
  }
}
