// Trunk post_build hook: writes the files that must keep a stable name
// beside the content-hashed ones Trunk produced, and adds Subresource
// Integrity to every script the pages load.
//   factcards.js   the drop-in loader, pointing at the hashed glue and wasm
//                  of both builds (factcards-web, and factcards-live with
//                  live sheets), with their integrity hashes, for the glue's
//                  module preload and the fetches of the wasm and the
//                  stylesheet
//   the glues      minified in release builds, before any hash is taken of them
//                  (Trunk's own minifier gives up on wasm-bindgen's
//                  `export … as default` and leaves it whole)
//   factcards.css  the widget stylesheet, for the server-rendered fallback
//                  and the live widget, which the loader fetches (the bundle
//                  build.rs made, copied)
//   index.html     the demo deck server-rendered inside its mount element
//   *.html         integrity on each local script, modulepreload (with
//                  integrity) for the loader the iframe page imports, and no leftover
//                  <link rel="rust"> (inject_scripts = false leaves it)
// Trunk runs it from the crate folder with TRUNK_STAGING_DIR set.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFile, cp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";

import { minify } from "terser";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("post-build.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)");

const files = await readdir(staging);

/** The Subresource Integrity value of some bytes. */
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
const fileSri = async (name) => sri(await readFile(join(staging, name)));

// Release builds ship minified JS: the glue and the loader, both ES modules.
// Debug builds (the test-hooks one included) keep them readable.
const release = process.env.TRUNK_PROFILE === "release";
/** `code` minified as an ES module, or as it is in a debug build. */
const shrink = async (code) => {
  if (!release) return code;
  const result = await minify(code, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (typeof result.code !== "string") throw new Error("post-build.mjs: terser returned no code");
  return result.code;
};

/**
 * Renames the wasm's imports and exports to one or two letters (binaryen's
 * --minify-imports-and-exports-and-modules) and the glue's uses of them to
 * match. wasm-bindgen names each import like `__wbg_fetch_858ffa201963e190`,
 * a hash that gzip cannot shrink, written once in the wasm and once in the
 * glue. Both passes keep the order of imports and exports, so the old and
 * new names pair up by position; the glue names an import only as a key
 * of its import object and an export only as `wasm.name`.
 */
async function minifyNames(wasmPath, glueCode) {
  // In binaryen's text form: `(import "module" "name"` and `(export "name"`.
  // Both tools run with binaryen's default features, as Trunk's wasm-opt
  // did: --all-features would also switch on encodings (compact imports)
  // that browsers do not read yet.
  const names = () => {
    const text = execFileSync("wasm-dis", [wasmPath], { encoding: "utf8", maxBuffer: 256 << 20, stdio: ["ignore", "pipe", "inherit"] });
    return {
      imports: [...text.matchAll(/^ \(import "([^"]*)" "([^"]*)"/gm)].map(([, module, name]) => ({ module, name })),
      exports: [...text.matchAll(/^ \(export "([^"]*)"/gm)].map(([, name]) => ({ name })),
    };
  };
  const before = names();
  execFileSync("wasm-opt", [wasmPath, "--minify-imports-and-exports-and-modules", "-o", wasmPath], { stdio: ["ignore", "ignore", "inherit"] });
  const after = names();
  if (before.imports.length === 0 || before.exports.length === 0) throw new Error("post-build.mjs: found no imports or exports in the wasm");
  if (before.imports.length !== after.imports.length || before.exports.length !== after.exports.length) {
    throw new Error("post-build.mjs: minifying the wasm's names changed how many imports or exports it has");
  }
  const escape = (name) => name.replace(/[$]/g, "\\$");
  let code = glueCode;
  const modules = new Map();
  before.imports.forEach((old, index) => {
    const now = after.imports[index];
    const seen = modules.get(old.module);
    if (seen !== undefined && seen !== now.module) throw new Error(`post-build.mjs: module ${old.module} was split`);
    modules.set(old.module, now.module);
    const key = new RegExp(`(?<![\\w$])${escape(old.name)}(?=\\s*:)`, "g");
    const count = code.match(key)?.length ?? 0;
    if (count !== 1) throw new Error(`post-build.mjs: import ${old.name} is in the glue ${count} times as a key, not once`);
    code = code.replace(key, () => JSON.stringify(now.name));
  });
  for (const [old, now] of modules) {
    const key = JSON.stringify(old);
    if (!code.includes(`${key}:`)) throw new Error(`post-build.mjs: no import module ${key} in the glue`);
    code = code.replaceAll(`${key}:`, `${JSON.stringify(now)}:`);
  }
  before.exports.forEach((old, index) => {
    const now = after.exports[index].name;
    code = code.replace(new RegExp(`\\bwasm\\.${escape(old.name)}(?![\\w$])`, "g"), () => `wasm[${JSON.stringify(now)}]`);
  });
  const left = code.match(/\bwasm\.[\w$]+/g);
  if (left) throw new Error(`post-build.mjs: the glue still uses ${[...new Set(left)].join(", ")}`);
  return code;
}

/**
 * The glue and wasm Trunk built for the binary `name`, the glue minified
 * (and the names they share, in a release build), with their integrity.
 */
async function widgetBuild(name) {
  const glue = files.find((file) => new RegExp(`^${name}(-[0-9a-f]+)?\\.js$`).test(file));
  const wasm = files.find((file) => new RegExp(`^${name}(-[0-9a-f]+)?_bg\\.wasm$`).test(file));
  if (!glue || !wasm) throw new Error(`post-build.mjs: no ${name} glue or wasm in ${staging}: ${files.join(", ")}`);
  const gluePath = join(staging, glue);
  let glueCode = await readFile(gluePath, "utf8");
  if (release) glueCode = await minifyNames(join(staging, wasm), glueCode);
  glueCode = await shrink(glueCode);
  if (glue === `${name}.js`) {
    // Trunk builds one main app per page; the other build is a "worker" to
    // it, which it names without a content hash. Hashed here as Trunk
    // hashes the main one, so that both are cached forever. The glue names
    // its wasm only as a default the loader never uses (it passes the
    // fetched wasm in); it is renamed too.
    const wasmBytes = await readFile(join(staging, wasm));
    const hash = createHash("sha256").update(wasmBytes).update(glueCode).digest("hex").slice(0, 16);
    const [hashedGlue, hashedWasm] = [`${name}-${hash}.js`, `${name}-${hash}_bg.wasm`];
    glueCode = glueCode.replaceAll(wasm, hashedWasm);
    await rm(gluePath);
    await rename(join(staging, wasm), join(staging, hashedWasm));
    await writeFile(join(staging, hashedGlue), glueCode);
    return { glue: hashedGlue, glueIntegrity: sri(glueCode), wasm: hashedWasm, wasmIntegrity: sri(wasmBytes) };
  }
  await writeFile(gluePath, glueCode);
  return { glue, glueIntegrity: await fileSri(glue), wasm, wasmIntegrity: await fileSri(wasm) };
}
// The reader's usual build, and the same with live sheets (index.html).
const builds = { READER: await widgetBuild("factcards-web"), LIVE: await widgetBuild("factcards-live") };

// The editor CLI, built natively. build.rs bundles the widget's CSS (the
// per-component files of styles/, in the order styles/factcards.css lists
// them) into the crate's build-script out_dir, where the CLI and the editor
// include it: copying that file gives the fallback and the live widget (whose
// loader fetches it) the very same rules, bundled in one place. Cargo names the out_dir and the
// binary in its JSON messages (also when nothing needed rebuilding).
// The CLI is native and built on stable, also when the wasm was built on the
// nightly (scripts/nightly.sh): its variables are left out here.
const nativeEnv = { ...process.env };
if (nativeEnv.FACTCARDS_NIGHTLY) {
  for (const name of ["RUSTUP_TOOLCHAIN", "CARGO_UNSTABLE_BUILD_STD", "CARGO_UNSTABLE_BUILD_STD_FEATURES", "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS", "FACTCARDS_NIGHTLY"]) {
    delete nativeEnv[name];
  }
}
const cargo = execFileSync(
  "cargo",
  ["build", "--quiet", "--offline", "--bin", "factcards", "--message-format=json"],
  { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 << 20, env: nativeEnv },
)
  .split("\n")
  .filter((line) => line.startsWith("{"))
  .map((line) => JSON.parse(line));
const cli = cargo.find((message) => message.reason === "compiler-artifact" && message.target.name === "factcards" && message.executable);
const bundle = cargo.find((message) => message.reason === "build-script-executed" && message.package_id === cli?.package_id);
if (!cli || !bundle) throw new Error("post-build.mjs: cargo reported no factcards CLI or no out_dir of its build script");
await copyFile(join(bundle.out_dir, "factcards.css"), join(staging, "factcards.css"));

// The loader, with the integrity of everything it fetches (the stylesheet
// included, so it comes after the copy above).
let loaderCode = (await readFile("web/factcards.js", "utf8")).replace("__CSS_INTEGRITY__", await fileSri("factcards.css"));
for (const [build, { glue, glueIntegrity, wasm, wasmIntegrity }] of Object.entries(builds)) {
  // The loader names a build once: its glue and wasm share the hashed name.
  const name = glue.replace(/\.js$/, "");
  if (wasm !== `${name}_bg.wasm`) throw new Error(`post-build.mjs: the glue ${glue} and the wasm ${wasm} have different names`);
  loaderCode = loaderCode
    .replace(`__${build}__`, name)
    .replace(`__${build}_GLUE_INTEGRITY__`, glueIntegrity)
    .replace(`__${build}_WASM_INTEGRITY__`, wasmIntegrity);
}
const left = loaderCode.match(/__[A-Z_]+__/);
if (left) throw new Error(`post-build.mjs: the loader still has ${left[0]}`);
const loader = await shrink(loaderCode);
await writeFile(join(staging, "factcards.js"), loader);

// The demo page and the example article are static first: each deck is in
// the HTML, server-rendered by the editor CLI from the same components with
// its mount point's options, and the wasm takes over when it has loaded (no
// empty box, no layout shift, facts at the first paint). Each mount point
// is empty in the source page.
const render = (...options) =>
  execFileSync(cli.executable, ["render", "--css-href", "factcards.css", ...options, "data/moscow-isis-k.json"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
const fallbacks = {
  "index.html": { "demo-widget": render() },
  "news-article.html": {
    "inline-facts": render("--header", "off"),
    "sidebar-facts": render("--layout", "compact", "--category", "russia"),
  },
};

// The iframe page imports the loader: preloaded with its integrity so the
// module graph is checked too (an import cannot carry an integrity attribute
// itself). The loader preloads the glue the same way, when the widget is
// wanted, so no page fetches it before then.
const framePreloads = [`<link rel="modulepreload" href="factcards.js" integrity="${sri(loader)}">`];

for (const page of files.filter((name) => name.endsWith(".html"))) {
  let html = await readFile(join(staging, page), "utf8");
  html = html.replace(/<link\b[^>]*\brel="?rust"?[^>]*>/g, "");
  for (const [id, fallback] of Object.entries(fallbacks[page] ?? {})) {
    const mount = new RegExp(`(<div\\b[^>]*\\bid="?${id}"?[^>]*>)(</div>)`);
    if (!mount.test(html)) throw new Error(`post-build.mjs: ${page} has no empty #${id}`);
    html = html.replace(mount, (_, open, close) => `${open}${fallback}${close}`);
  }
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  for (const tag of scripts) {
    const src = tag.match(/\bsrc="?([^" >]+)"?/)?.[1];
    if (!src || /^(https?:)?\/\//.test(src) || tag.includes("integrity")) continue;
    const name = src.replace(/^\.?\//, "");
    if (!files.includes(name) && name !== "factcards.js") continue;
    const hash = name === "factcards.js" ? sri(loader) : await fileSri(name);
    let replacement = tag.replace(/>$/, ` integrity="${hash}">`);
    if (name === "embed-frame.js") replacement = framePreloads.join("") + replacement;
    html = html.replace(tag, replacement);
  }
  await writeFile(join(staging, page), html);
}

// The editor (editor.html), built by its own Trunk build (Trunk.editor.toml,
// run by scripts/build-editor) into target/editor-dist: copied in beside the
// widget, whose factcards.css and world-map.json its preview uses.
const editorDist = "target/editor-dist";
if (existsSync(join(editorDist, "editor.html"))) {
  for (const name of await readdir(editorDist)) {
    // Files, and folders such as fonts/ (the share image's, for the editor).
    if (!files.includes(name)) await cp(join(editorDist, name), join(staging, name), { recursive: true });
  }
}
