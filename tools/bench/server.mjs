// The benchmark's static server: like a CDN would, it answers with gzip or
// brotli content-encoding (whichever the browser accepts, brotli first) so
// that the transfer sizes in the browser's network log are realistic.
// Each file is compressed once, at the highest level (gzip -9, brotli 11),
// and kept in memory. Every response says `cache-control: no-store`, so
// each run in a fresh browser context is a cold load.
//
// `roots` are looked up in order: the benchmark's generated pages first,
// then dist/. Unknown paths get a 404. `routes` answer some paths
// themselves (the live sheet, whose version the benchmark switches).
//
//   node tools/bench/server.mjs <folder>... [--port N]   (for a look by hand)
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { TYPES } from "../e2e/server.mjs";

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".svg", ".ts", ".txt", ".ttf", ".otf", ".eot"]);
// Fonts, for the peer's icon font (TYPES has what the widget serves);
// woff and woff2 are compressed already.
const FONT_TYPES = { ".ttf": "font/ttf", ".otf": "font/otf", ".eot": "application/vnd.ms-fontobject", ".woff": "font/woff", ".woff2": "font/woff2" };

export function gzip9(buffer) {
  return gzipSync(buffer, { level: 9 });
}

export function brotli11(buffer) {
  return brotliCompressSync(buffer, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
    },
  });
}

/** Picks br, then gzip, from an Accept-Encoding header (q=0 excluded). */
function pickEncoding(header = "") {
  const accepted = new Map();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  if (accepted.get("br") > 0) return "br";
  if (accepted.get("gzip") > 0) return "gzip";
  return "identity";
}

/**
 * Starts serving `roots` (folders, first match wins) on 127.0.0.1:`port`
 * (0 picks a free one); resolves to the http.Server once listening.
 * `server.log` collects {path, encoding, bytes} of every file it answered.
 * `routes`: { "/path": (request, response) => … }, answered before any file.
 */
export function serve(roots, port = 0, { compress = true, routes = {} } = {}) {
  const bases = roots.map((root) => resolve(root));
  const cache = new Map(); // path -> {mtime, raw, gzip, br}
  async function load(path) {
    const info = await stat(path);
    if (info.isDirectory()) return load(join(path, "index.html"));
    const hit = cache.get(path);
    if (hit && hit.mtime === info.mtimeMs) return { path, ...hit };
    const raw = await readFile(path);
    const entry = { mtime: info.mtimeMs, raw, gzip: null, br: null };
    cache.set(path, entry);
    return { path, ...entry };
  }
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, "http://127.0.0.1");
    if (Object.hasOwn(routes, url.pathname)) {
      routes[url.pathname](request, response);
      return;
    }
    const pathname = decodeURIComponent(url.pathname);
    for (const base of bases) {
      const path = normalize(join(base, pathname));
      if (!path.startsWith(base)) {
        response.writeHead(403).end();
        return;
      }
      let file;
      try {
        file = await load(path);
      } catch {
        continue;
      }
      const ext = extname(file.path);
      const headers = {
        "content-type": TYPES[ext] ?? FONT_TYPES[ext] ?? "application/octet-stream",
        "cache-control": "no-store",
        vary: "accept-encoding",
      };
      let body = file.raw;
      let encoding = "identity";
      if (compress && COMPRESSIBLE.has(ext)) {
        encoding = pickEncoding(request.headers["accept-encoding"]);
        const entry = cache.get(file.path);
        if (encoding === "br") body = entry.br ??= brotli11(file.raw);
        if (encoding === "gzip") body = entry.gzip ??= gzip9(file.raw);
        if (encoding !== "identity") headers["content-encoding"] = encoding;
      }
      headers["content-length"] = body.length;
      server.log.push({ path: pathname, encoding, bytes: body.length });
      response.writeHead(200, headers);
      response.end(request.method === "HEAD" ? undefined : body);
      return;
    }
    response.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  server.log = [];
  return new Promise((done) => server.listen(port, "127.0.0.1", () => done(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const portAt = args.indexOf("--port");
  const port = portAt >= 0 ? Number(args.splice(portAt, 2)[1]) : 8090;
  const server = await serve(args.length ? args : ["target/bench/site", "dist"], port);
  console.log(`serving ${args.join(", ") || "target/bench/site, dist"} at http://127.0.0.1:${server.address().port}/`);
}
