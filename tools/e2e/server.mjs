// A small static file server for the end-to-end tests and the benchmark:
// serves a folder on 127.0.0.1 with the right MIME types (wasm needs
// application/wasm for streaming compilation). Started and stopped by the
// test scripts through its PID or by the test runner itself.
//
//   node tools/e2e/server.mjs <folder> <port>
//
// Tests may also mount more folders under URL prefixes (`mounts`, such as
// { "/fixtures/": "tools/e2e/fixtures" }) and answer some paths themselves
// (`routes`, such as a sheet whose response the test holds back). Every
// answered request goes to `server.log` (a RequestLog), so that a test can
// wait until the server has seen what it expects instead of sleeping.
import { createServer } from "node:http";
import { createServer as createTcpServer } from "node:net";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

/** Content types by file extension (the benchmark's server uses them too). */
export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ts": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Every request a server answered, in order, and a way to wait for more:
 * tests wait on what the server saw, not for a fixed time.
 */
export class RequestLog {
  #entries = [];
  #waiters = new Set();

  /** Records an answered request: `{ path, status, headers }` (the request's headers). */
  add(entry) {
    this.#entries.push(entry);
    for (const waiter of this.#waiters) waiter();
  }

  /** The answered requests of `path`, oldest first. */
  of(path) {
    return this.#entries.filter((entry) => entry.path === path);
  }

  /** How many requests of `path` were answered. */
  count(path) {
    return this.of(path).length;
  }

  /**
   * Resolves (to `of(path)`) once `path` has been answered `count` times in
   * all; rejects after `timeout` ms, saying how many times it was.
   */
  waitFor(path, count, { timeout = 10000 } = {}) {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.#waiters.delete(check);
      };
      const check = () => {
        if (this.count(path) < count) return;
        done();
        resolve(this.of(path));
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`the server answered ${path} ${this.count(path)} times, not the ${count} awaited, within ${timeout} ms`));
      }, timeout);
      this.#waiters.add(check);
      check();
    });
  }
}

/**
 * Starts serving `root`; resolves to the http.Server once listening.
 *
 * Options, all optional:
 * - `headers`: extra response headers for every file;
 * - `mounts`: { "/prefix/": folder }, served instead of `root` for URLs
 *   under the prefix (the longest matching prefix wins);
 * - `routes`: { "/path": (request, response, url) => … }, handlers that
 *   answer an exact path before any file is looked up.
 */
export function serve(root, port = 0, { headers = {}, mounts = {}, routes = {} } = {}) {
  const folders = Object.entries({ "/": root, ...mounts })
    .map(([prefix, folder]) => [prefix.endsWith("/") ? prefix : `${prefix}/`, resolve(folder)])
    .sort(([a], [b]) => b.length - a.length);
  const log = new RequestLog();
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, "http://127.0.0.1");
    response.on("finish", () => log.add({ path: url.pathname, status: response.statusCode, headers: request.headers }));
    const route = Object.hasOwn(routes, url.pathname) ? routes[url.pathname] : undefined;
    if (route) {
      try {
        await route(request, response, url);
      } catch {
        if (!response.headersSent) response.writeHead(500);
        response.end();
      }
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const [prefix, base] = folders.find(([prefix]) => `${pathname}/`.startsWith(prefix));
    let path = normalize(join(base, pathname.slice(prefix.length - 1)));
    if (!path.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, "index.html");
      const body = await readFile(path);
      response.writeHead(200, {
        "content-type": TYPES[extname(path)] ?? "application/octet-stream",
        "cache-control": "no-store",
        ...headers,
      });
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  server.log = log;
  return new Promise((done) => server.listen(port, "127.0.0.1", () => done(server)));
}

/** A port of 127.0.0.1 that nothing listens on right now, for a server another program starts. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createTcpServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = "dist", port = "8080"] = process.argv.slice(2);
  const server = await serve(root, Number(port));
  console.log(`serving ${root} at http://127.0.0.1:${server.address().port}/`);
}
