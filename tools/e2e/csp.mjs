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
  // On the window, once: a frame's first document (its initial about:blank)
  // can be replaced by the frame's page in the same window, and a listener
  // on that first document would hear nothing of the page's (the example
  // article's frame, in full runs). Events at a document reach its window.
  if (Array.isArray(window.__violations)) return;
  window.__violations = [];
  window.addEventListener("securitypolicyviolation", (event) => {
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

/**
 * Asserts that every frame of `page` has a recorder that hears a violation:
 * each frame in turn adds an inline `<style>`, which `style-src 'self'`
 * refuses, and its recorder must then hold that one violation and nothing
 * else. Call it after reading the page's own violations.
 *
 * An inline style, not a request to another origin, which a browser may
 * stop before its CSP check for reasons of its own.
 */
export async function assertEveryFrameRecords(page) {
  for (const frame of page.frames()) {
    await frame.evaluate(() => {
      const style = document.createElement("style");
      style.textContent = "/* the CSP probe */";
      document.head.append(style);
      style.remove();
    });
    // The event comes in a task of its own (on a busy machine, seconds later).
    try {
      await frame.waitForFunction(() => window.__violations?.length > 0, null, { timeout: 20000 });
    } catch (error) {
      const state = await frame.evaluate(() => ({
        url: location.href,
        readyState: document.readyState,
        visibility: document.visibilityState,
        recorder: Array.isArray(window.__violations),
      })).catch((reason) => `the frame did not answer: ${reason.message}`);
      throw new Error(`no violation was recorded in ${frame.url()} after its probe: ${JSON.stringify(state)}`, { cause: error });
    }
    const violations = await frame.evaluate(() => window.__violations);
    assert.equal(violations.length, 1, `${frame.url()}: ${violations.join("; ")}`);
    assert.ok(violations[0].startsWith("style-src-elem inline "), `${frame.url()}: ${violations[0]}`);
  }
}
