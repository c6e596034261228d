// The strict Content-Security-Policy the suites serve pages with, and how
// they read its violations: in every frame of a page, not only the top one
// (the example article holds the widget's iframe embed), with a deliberate
// violation in each frame to show that its recorder listens.
import assert from "node:assert/strict";

/** What a strict newsroom sends: no inline script or style, no other origin. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";

/**
 * An init script: `page.addInitScript` runs it in every frame the page
 * loads, before the frame's own scripts. Each frame records its own
 * document's violations in `window.__violations`.
 */
export function recordViolations() {
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
  });
}

/** Each frame of `page` (the top one first) with the violations it recorded, or null where no recorder ran. */
export async function violationsByFrame(page) {
  const frames = [];
  for (const frame of page.frames()) {
    frames.push({ url: frame.url(), violations: await frame.evaluate(() => window.__violations ?? null) });
  }
  return frames;
}

/** The image the deliberate violation asks for: another origin, which `img-src` refuses. */
const PROBE_IMAGE = "http://127.0.0.2:9/csp-probe.png";

/**
 * Asserts that every frame of `page` has a recorder that hears a violation:
 * each frame asks for an image from another origin, and its recorder must
 * then hold that one violation and nothing else. Call it after reading the
 * page's own violations.
 */
export async function assertEveryFrameRecords(page) {
  for (const frame of page.frames()) {
    await frame.evaluate((src) => {
      new Image().src = src;
    }, PROBE_IMAGE);
  }
  for (const frame of page.frames()) {
    // The event comes in a task of its own, after the refused request (on a
    // busy machine, seconds later).
    await frame.waitForFunction(() => window.__violations?.length > 0, null, { timeout: 20000 });
    const violations = await frame.evaluate(() => window.__violations);
    assert.equal(violations.length, 1, `${frame.url()}: ${violations.join("; ")}`);
    assert.ok(violations[0].startsWith(`img-src ${PROBE_IMAGE} `), `${frame.url()}: ${violations[0]}`);
  }
}
