// Story folders for the end-to-end tests: `factcards publish`, run as a
// newsroom runs it, into a temporary folder that a test server then serves
// at the address the folder was published for.
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** The bundled story's sheet. */
export const BUNDLED_SHEET_FILE = join(ROOT, "data/moscow-isis-k.json");

let cli = null;
/** The path of the native `factcards` CLI, built if it is not (cargo says where it is). */
export function factcardsCli() {
  if (cli) return cli;
  const messages = execFileSync("cargo", ["build", "--quiet", "--offline", "--bin", "factcards", "--message-format=json"], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 << 20,
  })
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line));
  cli = messages.find((message) => message.reason === "compiler-artifact" && message.target.name === "factcards" && message.executable)?.executable;
  if (!cli) throw new Error("cargo reported no factcards binary");
  return cli;
}

/** A new empty temporary folder. */
export const temporaryFolder = (label) => mkdtemp(join(tmpdir(), `factcards-${label}-`));

/**
 * Publishes `sheet` (a file) into `out` for `baseUrl`, with the widget at
 * `widgetUrl`; resolves to what the command printed.
 */
export function publish({ sheet = BUNDLED_SHEET_FILE, out, baseUrl, widgetUrl, extra = [] }) {
  return execFileSync(factcardsCli(), ["publish", "--out", out, "--base-url", baseUrl, "--widget-url", widgetUrl, ...extra, sheet], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** CORS headers that let any page (a sandboxed frame's opaque origin too) load the widget's files. */
export const CORS = { "access-control-allow-origin": "*" };

/** The address the source of `storyWithSourceLinks` is given. */
export const SOURCE_URL = "https://news.example/2024/03/moscow-attack";

/**
 * The bundled story with an address for its source, written into `folder`
 * (a temporary one) as `story.json`, so that its facts have source links to
 * follow: the bundled article has none. Resolves to the file's path.
 */
export async function storyWithSourceLinks(folder) {
  const sheet = JSON.parse(await readFile(BUNDLED_SHEET_FILE, "utf8"));
  sheet.sources[0].url = SOURCE_URL;
  const file = join(folder, "story.json");
  await writeFile(file, JSON.stringify(sheet));
  return file;
}

/** The secret the WordPress-like host page gives its frame (WordPress makes one of ten letters and digits per embed). */
export const WORDPRESS_SECRET = "Abc123XyZ9";

/**
 * Host pages, as `serve` routes to put beside a story folder (on its own
 * origin, so that a test can look into the frame): a frame as
 * embed-loader.js sizes it (`/host/loader.html?widget=<the widget's URL>`, `&late=1` without the loader),
 * and as WordPress does (`/host/wordpress.html`). `first` goes before each
 * page's `<html>` (the cross-engine suite's error recorder).
 */
export function hostPages({ first = "" } = {}) {
  const answer = (response, html) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    response.end(`<!doctype html>${first}${html}`);
  };
  return {
    "/host/loader.html": (request, response, url) => {
      const widget = url.searchParams.get("widget");
      // `late=1` leaves the loader out, for the test to add after the frame has posted.
      const loader = url.searchParams.get("late") === "1" ? "" : `<script async src="${widget}embed-loader.js"></script>`;
      answer(response, `<html lang="en"><title>Host</title><link rel="icon" href="data:,"><body style="margin:0">
<p style="height:300px;margin:0">The article's first paragraphs.</p>
<iframe data-factcards-frame title="Key facts" style="width:100%;height:600px;border:0" src="/frame.html"></iframe>
<p>The article goes on.</p>
${loader}</body></html>`);
    },
    // What WordPress makes of the oEmbed answer, reduced to its protocol:
    // a sandboxed frame with a secret, the host's `ready`, and the messages
    // the host receives (wp-embed.js sizes the frame and follows links).
    "/host/wordpress.html": (request, response) => {
      answer(response, `<html lang="en"><title>Host</title><link rel="icon" href="data:,"><body style="margin:0">
<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" title="Key facts" width="600" height="800" data-secret="${WORDPRESS_SECRET}" src="/frame.html#?secret=${WORDPRESS_SECRET}"></iframe>
<script>
  window.received = [];
  const frame = document.querySelector("iframe");
  addEventListener("message", (event) => {
    if (event.source === frame.contentWindow) window.received.push(event.data);
  });
  frame.addEventListener("load", () => frame.contentWindow.postMessage({ message: "ready", secret: "${WORDPRESS_SECRET}" }, "*"));
</script></body></html>`);
    },
  };
}
