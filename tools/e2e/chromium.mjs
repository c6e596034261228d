// The machine's Debian Chromium and the flags every tool starts it with: the
// end-to-end tests and screenshots (through playwright-core, browser.mjs)
// and the benchmark (bench.mjs, and Lighthouse through chrome-launcher).
// Never a downloaded browser. The flags keep Chromium headless-friendly
// (no sandbox as root, no GPU, no /dev/shm) and off the closed network.
// No dependency, so that tools/bench can import it with its own packages.

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];
