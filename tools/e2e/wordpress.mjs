// A real WordPress for the end-to-end tests of the oEmbed embed: Debian's
// WordPress (scripts/install-tools), with its default theme
// twentytwentyone, installed fresh for each test file into a temp folder and
// served by PHP's built-in server on 127.0.0.1. The test publishes a post
// whose content is a story page's URL, and checks what WordPress made of it
// in Chromium.
//
//   const wp = await startWordPress({ allowPorts: [providerPort] });
//   const url = await wp.publishPost({ title: "…", content: `${storyUrl}\n` });
//   …
//   await wp.stop();
//
// What differs from a stock install, and why:
// - MariaDB runs privately (its own datadir and socket, no TCP port) with
//   --skip-grant-tables: that skips mariadb-install-db, which costs about
//   5 s, and nothing but this process and its PHP can reach the socket.
// - A must-use plugin lets WordPress's HTTP API fetch 127.0.0.1 and
//   localhost on the ports in `allowPorts`, which it refuses by default
//   (wp_http_validate_url).
// - wp-config.php sets DISABLE_WP_CRON (see there for why).
// Nothing else: no plugin, no setting beyond what wp_install() writes (its
// site "not public", so that publishing pings no one).
//
// PHP's built-in server is one process and serves one request at a time: a
// page that WordPress renders while it fetches an oEmbed from the test waits
// for that fetch, as on a one-worker host; WordPress must never wait on a
// request to itself.
//
// WordPress caches each oEmbed result in the post's meta (`_oembed_*`),
// failures included, and a page always serves what is cached there: publish
// a fresh post for each case.
//
// The helpers at the end (findEmbed, waitForEmbed, …) read the embed as
// WordPress left it in a Playwright page; they take the page, so a test can
// use them with any provider.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { access, cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./server.mjs";

/** Where Debian's wordpress package puts WordPress. */
export const WORDPRESS = process.env.WORDPRESS ?? "/usr/share/wordpress";
/** The theme the site runs: Debian's wordpress-theme-twentytwentyone. */
export const THEME = "twentytwentyone";
/** The theme's folder (Debian puts its themes beside WordPress's own files). */
export const THEME_DIR = process.env.WORDPRESS_THEME_DIR ?? join(WORDPRESS, "wp-content/themes", THEME);
/** The site's administrator, for a person who opens /wp-admin/ while debugging. */
export const ADMIN = { user: "admin", password: "admin" };
/** The clamp wp-embed.js applies to a frame's height message. */
export const EMBED_HEIGHT = { min: 200, max: 1000 };

const PHP = process.env.PHP ?? "php";
const MARIADBD = process.env.MARIADBD ?? "mariadbd";
const DB_NAME = "wordpress";
// The loopback names the must-use plugin lets through; anything else stays
// refused as WordPress refuses it.
const LOOPBACK = ["127.0.0.1", "localhost"];

/** The sites started and not yet stopped, killed if the process exits first. */
const live = new Set();

/**
 * Installs and starts a fresh WordPress; resolves once it serves pages.
 *
 * Options, all optional:
 * - `allowPorts`: ports of 127.0.0.1 / localhost that WordPress may fetch
 *   (the test's oEmbed provider), besides the 80, 443 and 8080 it allows;
 * - `timeout`: ms for each step to finish (catches hangs only; default 30 s).
 *
 * Resolves to `{ url, root, pids, publishPost, log, stop }`: the site's
 * address (no trailing slash), its temp folder, the `{ mysqld, php }`
 * process ids, `publishPost({ title, content })`
 * resolving to the new post's permalink, `log()` (what PHP's server printed:
 * one line per request, and PHP's errors) and `stop()`.
 */
export async function startWordPress({ allowPorts = [], timeout = 30000 } = {}) {
  for (const port of allowPorts) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new TypeError(`startWordPress: allowPorts has ${JSON.stringify(port)}, not a port number`);
  }
  for (const path of [join(WORDPRESS, "wp-load.php"), THEME_DIR]) {
    await access(path).catch(() => {
      throw new Error(`${path} is missing: run scripts/install-tools`);
    });
  }
  const root = await mkdtemp(join(tmpdir(), "factcards-wp-"));
  const site = { root, processes: [] };
  live.add(site);
  watchExit();
  try {
    const paths = {
      data: join(root, "db"),
      socket: join(root, "mysqld.sock"),
      docroot: join(root, "site"),
      bin: join(root, "bin"),
    };
    // Settled, not all: a step still under way when another fails could
    // start a server after the clean-up below.
    const steps = await Promise.allSettled([
      startMariaDB(site, paths, timeout),
      buildSite(paths, allowPorts).then(() => startPhpServer(site, paths.docroot, timeout)),
    ]);
    const failed = steps.find((step) => step.status === "rejected");
    if (failed) throw failed.reason;
    const [mysqld, server] = steps.map((step) => step.value);
    const url = `http://127.0.0.1:${server.port}`;
    await writeScripts(paths, url);
    const installed = await runPhp(join(paths.bin, "install.php"), "", timeout);
    checkInstall(installed, url);
    return {
      url,
      root,
      pids: { mysqld, php: server.pid },
      async publishPost({ title, content }) {
        if (typeof title !== "string" || typeof content !== "string") throw new TypeError("publishPost: title and content are strings");
        const post = await runPhp(join(paths.bin, "publish.php"), JSON.stringify({ title, content }), timeout);
        return post.url;
      },
      log: () => server.output(),
      stop: () => stopSite(site),
    };
  } catch (error) {
    await stopSite(site);
    throw error;
  }
}

/** Kills what `site` started and removes its folder; safe to call twice. */
async function stopSite(site) {
  if (!live.delete(site)) return;
  await Promise.all(
    site.processes.map(async ({ child, signal }) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill(signal);
      await withTimeout(exited, 5000, `${child.spawnargs[0]} did not exit on ${signal}`).catch(() => child.kill("SIGKILL"));
    }),
  );
  await rm(site.root, { recursive: true, force: true });
}

let watching = false;
/**
 * Kills the servers and removes the folders of every live site when this
 * process ends without stopping them (a failed `before`, a test runner's
 * time-out, ^C), so that no mysqld or php outlives it. Only a SIGKILL of
 * this process escapes this.
 */
function watchExit() {
  if (watching) return;
  watching = true;
  const killAll = () => {
    for (const site of live) {
      for (const { child } of site.processes) {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      }
      rmSync(site.root, { recursive: true, force: true });
    }
    live.clear();
  };
  process.once("exit", killAll);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.once(signal, () => {
      killAll();
      // Alone, this listener would keep the process alive: let the signal
      // do what it does by default. Other listeners (Playwright has some)
      // decide for themselves.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

/**
 * Starts a private mysqld on an empty datadir, reachable only through its
 * socket, and waits until it greets a client; resolves to its pid.
 */
async function startMariaDB(site, { data, socket }, timeout) {
  await mkdir(data);
  const child = spawn(
    MARIADBD,
    [
      "--no-defaults", // none of /etc/mysql: this server is the test's alone
      `--datadir=${data}`,
      `--socket=${socket}`,
      `--pid-file=${join(site.root, "mysqld.pid")}`,
      `--log-error=${join(site.root, "mysqld.log")}`,
      "--skip-networking",
      "--skip-grant-tables",
      "--user=root",
      "--skip-log-bin",
      // Debian's server defaults, which --no-defaults drops.
      "--character-set-server=utf8mb4",
      "--collation-server=utf8mb4_general_ci",
      // The data is thrown away at the end: no need to sync it, nor to size
      // the logs and buffers for a real site.
      "--innodb-flush-log-at-trx-commit=0",
      "--innodb-log-file-size=8M",
      "--innodb-buffer-pool-size=32M",
    ],
    { stdio: "ignore" },
  );
  // Its datadir is deleted right after: a clean shutdown would only cost time.
  site.processes.push({ child, signal: "SIGKILL" });
  try {
    await withTimeout(untilExit(child, greeted(socket, child, timeout)), timeout, `mysqld did not accept connections on ${socket}`);
  } catch (error) {
    // The log goes with the folder: say what it said.
    const log = await readFile(join(site.root, "mysqld.log"), "utf8").catch(() => "");
    error.message += `\n${log.trimEnd().split("\n").slice(-20).join("\n")}`;
    throw error;
  }
  return child.pid;
}

/**
 * Resolves once something listening on the unix socket `path` has sent a
 * first packet (the server's greeting); retries while the socket is not
 * there yet, as long as `child` runs and `timeout` ms have not passed (the
 * caller reports those).
 */
function greeted(path, child, timeout) {
  const deadline = Date.now() + timeout;
  return new Promise((resolve) => {
    const attempt = () => {
      const socket = createConnection({ path });
      socket.once("data", () => {
        socket.destroy();
        resolve();
      });
      socket.once("error", () => {
        socket.destroy();
        const running = child.exitCode === null && child.signalCode === null;
        if (running && Date.now() < deadline) setTimeout(attempt, 25);
      });
    };
    attempt();
  });
}

/** Rejects as soon as `child` exits or fails to start, or resolves as `ready` does. */
function untilExit(child, ready) {
  const exited = new Promise((_, reject) => {
    child.once("exit", (code, signal) => reject(new Error(`${child.spawnargs[0]} exited (${signal ?? code})`)));
    child.once("error", (error) => reject(notInstalled(error)));
  });
  return Promise.race([ready, exited]);
}

/** `error`, said in terms of what to do when it is a missing program. */
function notInstalled(error) {
  return error.code === "ENOENT" ? new Error(`${error.path} is not installed here: run scripts/install-tools`) : error;
}

/**
 * The site's folder: WordPress's entry points, wp-admin and wp-content are
 * copies, because PHP resolves symlinks in __DIR__ and a linked wp-load.php
 * would read Debian's /usr/share/wordpress/wp-config.php (which points at
 * /etc/wordpress) instead of this site's. wp-includes (46 of the 60 MB) is
 * reached only through ABSPATH and can stay a link, as can the theme.
 */
async function buildSite({ docroot, bin, socket }, allowPorts) {
  await mkdir(docroot);
  await mkdir(bin);
  for (const entry of await readdir(WORDPRESS, { withFileTypes: true })) {
    const from = join(WORDPRESS, entry.name);
    const to = join(docroot, entry.name);
    if (entry.name === "wp-includes") await symlink(from, to);
    else if (entry.name === "wp-config.php" || entry.name === "wp-content") continue;
    else await cp(from, to, { recursive: true, verbatimSymlinks: true });
  }
  const content = join(docroot, "wp-content");
  await mkdir(join(content, "themes"), { recursive: true });
  await mkdir(join(content, "plugins"));
  await mkdir(join(content, "mu-plugins"));
  await symlink(THEME_DIR, join(content, "themes", THEME));
  await writeFile(join(content, "mu-plugins", "factcards-e2e-loopback.php"), loopbackPlugin(allowPorts));
  await writeFile(join(docroot, "wp-config.php"), wpConfig(socket));
}

/** wp-config.php as wp-config-sample.php has it, for this site's database. */
function wpConfig(socket) {
  const key = () => php(randomBytes(32).toString("base64"));
  return `<?php
define( 'DB_NAME', ${php(DB_NAME)} );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', ${php(`localhost:${socket}`)} );
define( 'DB_CHARSET', 'utf8' );
define( 'DB_COLLATE', '' );

define( 'AUTH_KEY',         ${key()} );
define( 'SECURE_AUTH_KEY',  ${key()} );
define( 'LOGGED_IN_KEY',    ${key()} );
define( 'NONCE_KEY',        ${key()} );
define( 'AUTH_SALT',        ${key()} );
define( 'SECURE_AUTH_SALT', ${key()} );
define( 'LOGGED_IN_SALT',   ${key()} );
define( 'NONCE_SALT',       ${key()} );

$table_prefix = 'wp_';

define( 'WP_DEBUG', false );

// wp_install() activates this theme (WordPress 6.1's default,
// twentytwentythree, is not installed).
define( 'WP_DEFAULT_THEME', ${php(THEME)} );

// WordPress runs its scheduled tasks (update checks, HTTPS detection,
// pings) by requesting wp-cron.php from itself after a page. PHP's
// one-process server runs that request after the page, and the tasks'
// own requests to the site (HTTPS detection) wait out their 10 s time-outs
// meanwhile: the first post a test opened took 20 s. No task matters here.
define( 'DISABLE_WP_CRON', true );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

require_once ABSPATH . 'wp-settings.php';
`;
}

/** The one must-use plugin: WordPress may fetch the test's own servers. */
function loopbackPlugin(allowPorts) {
  return `<?php
/*
 * Plugin Name: factcards e2e: fetch the test's servers
 * Description: Lets WordPress's HTTP API (oEmbed discovery among others) fetch 127.0.0.1 and localhost on the test's ports, which wp_http_validate_url() refuses.
 */

function factcards_e2e_is_loopback( $host ) {
	return in_array( strtolower( $host ), ${php(LOOPBACK)}, true );
}

add_filter(
	'http_request_host_is_external',
	function ( $external, $host ) {
		return $external || factcards_e2e_is_loopback( $host );
	},
	10,
	2
);

add_filter(
	'http_allowed_safe_ports',
	function ( $ports, $host ) {
		return factcards_e2e_is_loopback( $host ) ? array_merge( $ports, ${php(allowPorts)} ) : $ports;
	},
	10,
	2
);
`;
}

/**
 * The CLI scripts that install the site and publish posts, kept outside the
 * docroot so that no request reaches them. Each prints one JSON line.
 */
async function writeScripts({ docroot, bin, socket }, url) {
  const host = new URL(url).host;
  // What a request would have set, for the code that reads it outside one.
  const request = `$_SERVER['HTTP_HOST'] = ${php(host)};
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['SERVER_PORT'] = ${php(new URL(url).port)};
$_SERVER['REQUEST_URI'] = '/';`;
  await writeFile(
    join(bin, "install.php"),
    `<?php
${request}

$db = new mysqli( 'localhost', 'root', '', '', 0, ${php(socket)} );
$db->query( 'CREATE DATABASE ${DB_NAME} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci' ) or exit( $db->error );
$db->close();

define( 'WP_INSTALLING', true );
// wp_install() takes the site's address from wp_guess_url(), which reads this.
define( 'WP_SITEURL', ${php(url)} );
// There is no mail on these machines: wp_install() would try to send the
// "your new site" message through /usr/sbin/sendmail.
function wp_new_blog_notification() {}

require ${php(join(docroot, "wp-load.php"))};
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

// Not public: publishing then pings nobody (pingbacks, ping-o-matic).
wp_install( 'factcards e2e', ${php(ADMIN.user)}, 'admin@example.com', 0, '', wp_slash( ${php(ADMIN.password)} ) );

echo json_encode(
	array(
		'home'      => get_option( 'home' ),
		'siteurl'   => get_option( 'siteurl' ),
		'theme'     => get_stylesheet(),
		'plugins'   => get_option( 'active_plugins' ),
		'muPlugins' => array_map( 'basename', wp_get_mu_plugins() ),
		'permalinks' => get_option( 'permalink_structure' ),
	)
), "\\n";
`,
  );
  await writeFile(
    join(bin, "publish.php"),
    `<?php
${request}

require ${php(join(docroot, "wp-load.php"))};

$post = json_decode( file_get_contents( 'php://stdin' ), true );
// As the administrator who would publish it in wp-admin: kses then leaves
// the content as written.
wp_set_current_user( 1 );
$id = wp_insert_post(
	wp_slash(
		array(
			'post_title'   => $post['title'],
			'post_content' => $post['content'],
			'post_status'  => 'publish',
		)
	),
	true
);
if ( is_wp_error( $id ) ) {
	fwrite( STDERR, $id->get_error_message() . "\\n" );
	exit( 1 );
}
echo json_encode( array( 'id' => $id, 'url' => get_permalink( $id ) ) ), "\\n";
`,
  );
}

/** Fails unless wp_install() gave the site this harness promises. */
function checkInstall(installed, url) {
  const problems = [];
  if (installed.home !== url || installed.siteurl !== url) problems.push(`its address is ${installed.home} (siteurl ${installed.siteurl}), not ${url}`);
  if (installed.theme !== THEME) problems.push(`its theme is ${installed.theme}, not ${THEME}`);
  if (installed.plugins.length) problems.push(`plugins are active: ${installed.plugins.join(", ")}`);
  if (installed.muPlugins.join() !== "factcards-e2e-loopback.php") problems.push(`its must-use plugins are ${installed.muPlugins.join(", ") || "none"}`);
  if (problems.length) throw new Error(`WordPress installed, but ${problems.join("; ")}`);
}

/**
 * Runs a PHP CLI script with `input` on its stdin; resolves to the JSON of
 * its last line of output.
 */
function runPhp(script, input, timeout) {
  const child = spawn(PHP, [script], { stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
  // A PHP that dies early closes its stdin: its exit says why, not the EPIPE.
  child.stdin.on("error", () => {});
  child.stdin.end(input);
  const done = new Promise((resolve, reject) => {
    child.once("error", (error) => reject(notInstalled(error)));
    child.once("close", (code, signal) => {
      const last = stdout.trimEnd().split("\n").at(-1);
      try {
        if (code !== 0) throw new Error(`exited (${signal ?? code})`);
        resolve(JSON.parse(last));
      } catch (error) {
        reject(new Error(`php ${script}: ${error.message}\n${stdout}${stderr}`));
      }
    });
  });
  return withTimeout(done, timeout, `php ${script} did not finish`).catch((error) => {
    child.kill("SIGKILL");
    throw error;
  });
}

/**
 * Starts `php -S` on a free port of 127.0.0.1 serving `docroot`. One
 * process: PHP_CLI_SERVER_WORKERS would fork workers that outlive a kill of
 * the server. A port another process takes between the look-up and PHP's
 * bind makes PHP exit; then it tries another.
 */
async function startPhpServer(site, docroot, timeout) {
  const env = { ...process.env };
  delete env.PHP_CLI_SERVER_WORKERS;
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawn(PHP, ["-S", `127.0.0.1:${port}`, "-t", docroot], { env, stdio: ["ignore", "pipe", "pipe"] });
    const entry = { child, signal: "SIGTERM" };
    site.processes.push(entry);
    const lines = [];
    const keep = (chunk) => {
      lines.push(...chunk.split("\n").filter(Boolean));
      lines.splice(0, lines.length - 2000);
    };
    child.stdout.setEncoding("utf8").on("data", keep);
    child.stderr.setEncoding("utf8").on("data", keep);
    const started = new Promise((resolve) => {
      const check = () => {
        if (lines.some((line) => line.includes(`(http://127.0.0.1:${port}) started`))) {
          child.stderr.off("data", check);
          resolve();
        }
      };
      child.stderr.on("data", check);
    });
    try {
      await withTimeout(untilExit(child, started), timeout, `php -S did not start on port ${port}`);
      return { port, pid: child.pid, output: () => lines.join("\n") };
    } catch (error) {
      site.processes.splice(site.processes.indexOf(entry), 1);
      child.kill("SIGKILL");
      const taken = lines.some((line) => line.includes("Failed to listen"));
      if (!taken || attempt === 5) throw new Error(`${error.message}\n${lines.join("\n")}`);
    }
  }
}


/** `promise`, or a rejection with `message` after `ms`. */
function withTimeout(promise, ms, message) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** `value` as a PHP literal (JSON's strings, numbers and arrays are PHP's too, once arrays are bracketed). */
function php(value) {
  if (Array.isArray(value)) return `array( ${value.map(php).join(", ")} )`;
  if (typeof value === "string") return `'${value.replace(/[\\']/g, "\\$&")}'`;
  if (typeof value === "number") return String(value);
  throw new TypeError(`no PHP literal for ${typeof value}`);
}

// ---------------------------------------------------------------------------
// Reading the embed in a published post (a Playwright page).

/**
 * The embed WordPress made in the post open in `page`: the first
 * `iframe.wp-embedded-content`, as the reader's browser has it now. Resolves
 * to null when the post has none (WordPress could not embed the URL and left
 * a link). Otherwise to:
 * - `iframe`: its attributes (`src`, `sandbox`, `security`, `width`,
 *   `height`, `title`, `style`, `dataSecret`, `scrolling`, `loading`) and
 *   `secret`, the `#?secret=` of its src;
 * - `clipped`: whether it is still hidden the way wp_filter_oembed_result()
 *   hides it (absolute, clipped to nothing) until its frame answers;
 * - `box`: its laid-out size in px ({ width, height });
 * - `maxHeight`: the max-height on its style (twentytwentyone's
 *   responsive-embeds.js sets one), or "" for none;
 * - `columnWidth`: the laid-out width of its parent in px, from which
 *   responsive-embeds.js derives that max-height;
 * - `blockquote`: null, or the fallback blockquote's `{ before, hidden,
 *   dataSecret, links }` (before: it precedes the iframe in the document;
 *   hidden: wp-embed.js has hidden it; links: its a[href]s);
 * - `markup`: the outerHTML of the iframe's parent, for messages and logs;
 * - `scripts`: the src of every script of the page.
 */
export function findEmbed(page) {
  return page.evaluate(() => {
    const iframe = document.querySelector("iframe.wp-embedded-content");
    if (!iframe) return null;
    const attr = (name) => iframe.getAttribute(name);
    const secret = /#\?secret=([A-Za-z0-9]+)/.exec(attr("src") ?? "")?.[1] ?? null;
    const style = getComputedStyle(iframe);
    const box = iframe.getBoundingClientRect();
    const quote = document.querySelector(`blockquote.wp-embedded-content[data-secret="${attr("data-secret")}"]`);
    return {
      iframe: {
        src: attr("src"),
        sandbox: attr("sandbox"),
        security: attr("security"),
        width: attr("width"),
        height: attr("height"),
        title: attr("title"),
        style: attr("style"),
        dataSecret: attr("data-secret"),
        scrolling: attr("scrolling"),
        loading: attr("loading"),
        secret,
      },
      clipped: style.position === "absolute" && style.clip !== "auto",
      box: { width: box.width, height: box.height },
      maxHeight: iframe.style.maxHeight,
      columnWidth: Number.parseFloat(getComputedStyle(iframe.parentElement).width),
      blockquote: quote && {
        before: Boolean(quote.compareDocumentPosition(iframe) & Node.DOCUMENT_POSITION_FOLLOWING),
        hidden: getComputedStyle(quote).display === "none",
        dataSecret: quote.getAttribute("data-secret"),
        links: [...quote.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")),
      },
      markup: iframe.parentElement.outerHTML,
      scripts: [...document.scripts].map((script) => script.src).filter(Boolean),
    };
  });
}

/**
 * Waits until the embed in `page` passes `accept` (a predicate on what
 * `findEmbed` returns, run in Node), and returns it; rejects after
 * `timeout` ms with the last state seen.
 */
export async function waitForEmbed(page, accept, { timeout = 10000, interval = 50 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const embed = await findEmbed(page);
    if (embed && accept(embed)) return embed;
    if (Date.now() > deadline) throw new Error(`waitForEmbed: gave up after ${timeout} ms; last state: ${JSON.stringify(embed, null, 2)}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** The Playwright Frame of the embed's iframe in `page` (WordPress's sandboxed frame). */
export async function embedFrame(page, { timeout = 10000 } = {}) {
  const handle = await page.waitForSelector("iframe.wp-embedded-content", { state: "attached", timeout });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("the embed's iframe has no frame");
  return frame;
}

/** The height wp-embed.js gives the iframe for a frame's `{ message: "height", value }`. */
export function clampedHeight(value) {
  const height = Number.parseInt(value, 10);
  if (height > EMBED_HEIGHT.max) return EMBED_HEIGHT.max;
  // wp-embed.js: `~~height < 200`, so NaN becomes 200 too.
  return ~~height < EMBED_HEIGHT.min ? EMBED_HEIGHT.min : height;
}
