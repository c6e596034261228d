// Trunk post_build hook of the editor build (Trunk.editor.toml): writes
// editor.js, the module that starts the content-hashed editor wasm (no
// inline script, so the strict CSP works), and adds Subresource Integrity to
// editor.html's scripts, as post-build.mjs does for the widget's pages.
import { createHash } from "node:crypto";
import { readdir, readFile, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("post-build-editor.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)");

const files = await readdir(staging);
const glue = files.find((name) => /^factcards-editor(-[0-9a-f]+)?\.js$/.test(name));
const wasm = files.find((name) => /^factcards-editor(-[0-9a-f]+)?_bg\.wasm$/.test(name));
if (!glue || !wasm) throw new Error(`post-build-editor.mjs: no editor glue or wasm in ${staging}: ${files.join(", ")}`);

const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
const fileSri = async (name) => sri(await readFile(join(staging, name)));

const loader = [
  "// Starts the factcards editor (editor.html). Written by tools/build/post-build-editor.mjs.",
  `import init from "./${glue}";`,
  `const wasm = fetch(new URL("./${wasm}", import.meta.url), { integrity: "${await fileSri(wasm)}" });`,
  "await init({ module_or_path: wasm });",
  "",
].join("\n");
await writeFile(join(staging, "editor.js"), loader);

const glueSri = await fileSri(glue);
// Trunk names its target page index.html: this one is editor.html.
let html = await readFile(join(staging, "index.html"), "utf8");
await unlink(join(staging, "index.html"));
html = html.replace(/<link\b[^>]*\brel="?rust"?[^>]*>/g, "");
html = html.replace(
  /<script\b[^>]*\bsrc="?editor\.js"?[^>]*>/,
  (tag) =>
    `<link rel="modulepreload" href="${glue}" integrity="${glueSri}">` +
    tag.replace(/>$/, ` integrity="${sri(loader)}">`),
);
await writeFile(join(staging, "editor.html"), html);
