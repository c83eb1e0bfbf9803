// A tiny static file server for dist/ on 127.0.0.1 (random port), used by the browser tests and
// the benchmark. With `{ compress: true }` (the benchmark) it answers like a real static host
// (GitHub Pages, Netlify, Cloudflare all compress text and wasm): brotli when the request accepts
// it, else gzip, with `Content-Encoding` and `Vary: Accept-Encoding`, compressed once per file and
// kept. Without it (the tests) every file goes out raw, as before.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css",
  ".wasm": "application/wasm", ".png": "image/png", ".svg": "image/svg+xml", ".json": "application/json",
};
// What static hosts compress: text and wasm, not already-compressed images.
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".svg", ".json"]);

/** The encoding to answer with for an `Accept-Encoding` header: "br", "gzip" or null. */
function pick(accept = "") {
  const ok = (name) => accept.split(",").some((p) => {
    const [n, ...params] = p.trim().split(";");
    return n.trim() === name && !params.some((q) => /^\s*q=0(\.0*)?\s*$/.test(q));
  });
  return ok("br") ? "br" : ok("gzip") ? "gzip" : null;
}

/** Serves `root` and resolves to { url, close }. `prefix` mounts it under a sub-path (e.g. "/sub/dir/"). */
export function serve(root, prefix = "/", { compress = false } = {}) {
  const packed = new Map(); // `${encoding} ${file}` → compressed body
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (!path.startsWith(prefix)) { res.writeHead(404).end("not found"); return; }
    path = path.slice(prefix.length);
    if (path === "" || path.endsWith("/")) path += "index.html";
    const file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) { res.writeHead(403).end(); return; }
    let body;
    try {
      body = await readFile(file);
    } catch {
      res.writeHead(404).end("not found");
      return;
    }
    const headers = { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-store" };
    const enc = compress && COMPRESSIBLE.has(extname(file)) ? pick(req.headers["accept-encoding"]) : null;
    if (compress && COMPRESSIBLE.has(extname(file))) headers.vary = "Accept-Encoding";
    if (enc) {
      const key = `${enc} ${file}`;
      if (!packed.has(key)) {
        packed.set(key, enc === "br"
          ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
          : gzipSync(body, { level: 9 }));
      }
      body = packed.get(key);
      headers["content-encoding"] = enc;
    }
    headers["content-length"] = body.length;
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
