// The three engines of the cross-engine tests, each driven through its own
// WebDriver server with npm webdriverio. Every browser and driver is one the
// machine already has (scripts/install-tools puts them there): webdriverio
// is always given a running driver's address, so it never looks for, or
// downloads, a browser or a driver of its own.
//
//   Chromium  /usr/bin/chromium + /usr/bin/chromedriver (Debian)
//   Firefox   /usr/bin/firefox-esr (Debian) + geckodriver (crates.io)
//   WebKit    WebKitGTK's MiniBrowser + /usr/bin/WebKitWebDriver (Debian
//             webkit2gtk-driver); it needs a display: run under xvfb-run
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { remote } from "webdriverio";
import { freePort } from "../e2e/server.mjs";

const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/**
 * What each engine is started with; paths can be overridden from the
 * environment. `colorScheme` is what the browser tells pages the reader
 * prefers (prefers-color-scheme), "light" or "dark", for the whole session:
 * classic WebDriver has no command to change it in a running one.
 */
export const ENGINES = {
  chromium: {
    driver: process.env.CHROMEDRIVER ?? "/usr/bin/chromedriver",
    driverArgs: (port) => [`--port=${port}`],
    capabilities: (profile, colorScheme) => ({
      browserName: "chrome",
      "goog:chromeOptions": {
        binary: process.env.CHROMIUM ?? "/usr/bin/chromium",
        // The same flags as tools/e2e/browser.mjs: headless, and off the (closed) network.
        args: [
          "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--hide-scrollbars", `--user-data-dir=${profile}`,
          // Blink's own preference, which headless Chromium honours (0 is dark, 1 light).
          `--blink-settings=preferredColorScheme=${colorScheme === "dark" ? 0 : 1}`,
        ],
      },
    }),
  },
  firefox: {
    driver: process.env.GECKODRIVER ?? join(homedir(), ".cargo/bin/geckodriver"),
    // Port 0 for the BiDi websocket too: other sessions on the machine may hold the default.
    driverArgs: (port) => ["--port", String(port), "--websocket-port", "0"],
    capabilities: (profile, colorScheme) => ({
      browserName: "firefox",
      "moz:firefoxOptions": {
        binary: process.env.FIREFOX ?? "/usr/bin/firefox-esr",
        args: ["-headless", "-profile", profile],
        prefs: {
          "app.update.disabledForTesting": true,
          "browser.shell.checkDefaultBrowser": false,
          "datareporting.policy.dataSubmissionEnabled": false,
          "network.captive-portal-service.enabled": false,
          // What content is told the reader prefers: 0 dark, 1 light.
          "layout.css.prefers-color-scheme.content-override": colorScheme === "dark" ? 0 : 1,
        },
      },
    }),
  },
  webkit: {
    driver: process.env.WEBKITWEBDRIVER ?? "/usr/bin/WebKitWebDriver",
    driverArgs: (port) => [`--port=${port}`],
    capabilities: (profile, colorScheme) => ({
      browserName: "MiniBrowser",
      // `--automation-mode` is refused; `--automation` is what MiniBrowser
      // takes. `--dark-mode` asks GTK for the theme's dark variant, which
      // WebKitGTK tells pages as prefers-color-scheme: dark.
      "webkitgtk:browserOptions": {
        binary: process.env.MINIBROWSER ?? MINIBROWSER,
        args: ["--automation", ...(colorScheme === "dark" ? ["--dark-mode"] : [])],
      },
    }),
  },
};


/** Resolves once the driver on `port` answers /status, or rejects after `timeout` ms. */
async function driverReady(port, child, timeout = 20000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the driver exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no WebDriver server on port ${port} after ${timeout} ms`);
}

/**
 * Starts the driver of `name` and one browser session on it, its browser
 * preferring `colorScheme` ("light" by default). Resolves to
 * { browser, stop, log }: `browser` is a webdriverio Browser, `stop` ends
 * the session and then the driver process this started (by its own handle),
 * and `log()` is the end of what the driver and the browser it started have
 * printed (a crashed page's engine says so there).
 */
export async function startEngine(name, { colorScheme = "light" } = {}) {
  const engine = ENGINES[name];
  const port = await freePort();
  const profile = await mkdtemp(join(tmpdir(), `factcards-${name}-`));
  const log = [];
  const child = spawn(engine.driver, engine.driverArgs(port), { stdio: ["ignore", "pipe", "pipe"] });
  const keep = (chunk) => { log.push(String(chunk)); if (log.length > 200) log.shift(); };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const spawned = new Promise((resolve, reject) => { child.once("spawn", resolve); child.once("error", reject); });
  let browser;
  const stop = async () => {
    await browser?.deleteSession().catch(() => {});
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    await rm(profile, { recursive: true, force: true });
  };
  try {
    await spawned;
    await driverReady(port, child);
    browser = await remote({
      hostname: "127.0.0.1",
      port,
      path: "/",
      logLevel: "error",
      connectionRetryCount: 0,
      // Classic WebDriver everywhere: one protocol the three servers share.
      capabilities: { ...engine.capabilities(profile, colorScheme), "wdio:enforceWebDriverClassic": true },
    });
  } catch (error) {
    await stop();
    throw new Error(`could not start ${name} (${engine.driver}): ${error.message}\n${log.join("")}`, { cause: error });
  }
  return { browser, stop, log: () => log.join("") };
}
