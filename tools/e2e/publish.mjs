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
