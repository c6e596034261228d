// Trunk post_build hook: writes the files that must keep a stable name
// beside the content-hashed ones Trunk produced.
//   factcards.js   the drop-in loader, pointing at the hashed glue and wasm
//   factcards.css  the widget stylesheet, for the server-rendered fallback
// Trunk runs it from the crate folder with TRUNK_STAGING_DIR set.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("post-build.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)");

const files = await readdir(staging);
const glue = files.find((name) => /^factcards-web(-[0-9a-f]+)?\.js$/.test(name));
const wasm = files.find((name) => /^factcards-web(-[0-9a-f]+)?_bg\.wasm$/.test(name));
if (!glue || !wasm) throw new Error(`post-build.mjs: no factcards-web glue or wasm in ${staging}: ${files.join(", ")}`);

const loader = (await readFile("web/factcards.js", "utf8")).replace("__GLUE__", glue).replace("__WASM__", wasm);
await writeFile(join(staging, "factcards.js"), loader);

/** Inlines `@import "x.css";` lines, as build.rs does for the wasm. */
async function bundleCss(manifest) {
  const lines = (await readFile(manifest, "utf8")).split("\n");
  const parts = [];
  for (const line of lines) {
    const match = line.trim().match(/^@import "([^"]+)";$/);
    if (match) parts.push(await readFile(join("styles", match[1]), "utf8"));
  }
  return parts.join("\n");
}
await writeFile(join(staging, "factcards.css"), await bundleCss("styles/factcards.css"));
