// Static server for the cross-engine tests: serves dist/, counts requests per path (each asset
// must be fetched once per page load), and puts a probe script first in <head> of index.html so
// that page errors, unhandled rejections, CSP violations and console errors and warnings (a
// hydration warning among them) are recorded in the page from before
// the app runs — WebKitWebDriver exposes no console. The probe is a same-origin script file, so
// the page's CSP (`script-src 'self'`) allows it unchanged.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css",
  ".wasm": "application/wasm", ".png": "image/png", ".svg": "image/svg+xml",
};

export const PROBE = `(() => {
  const errors = (window.__probeErrors = []);
  addEventListener("error", (e) => errors.push("error: " + (e.message || (e.target && e.target.src) || "resource")), true);
  addEventListener("unhandledrejection", (e) => errors.push("unhandledrejection: " + (e.reason && (e.reason.stack || e.reason.message) || e.reason)));
  addEventListener("securitypolicyviolation", (e) => errors.push("csp: " + e.violatedDirective + " " + e.blockedURI));
  // What the app writes to the console: a hydration warning, a panic's message, any error.
  for (const level of ["error", "warn"]) {
    const write = console[level].bind(console);
    console[level] = (...args) => { errors.push("console." + level + ": " + args.map(String).join(" ")); write(...args); };
  }
})();`;

/** Serves `root` on 127.0.0.1 (random port): { url, counts, reset(), close(), missing }. Paths
 *  that match `missing` (a RegExp, or null) get a 404, as from a host that lost a file. */
export function serve(root) {
  const counts = new Map();
  const state = { missing: null };
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (state.missing?.test(path)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    if (path === "/__frame.html") {
      // A phone-sized frame around the report (MiniBrowser windows cannot be made 375 px wide).
      const src = new URL(req.url, "http://x").searchParams.get("src") || "/";
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" })
        .end(`<!doctype html><title>frame</title><body style="margin:0"><iframe id="f" src="${src.replace(/[^\w/?&=.-]/g, "")}" style="width:375px;height:812px;border:0"></iframe>`);
      return;
    }
    if (path === "/__probe.js") {
      res.writeHead(200, { "content-type": "text/javascript" }).end(PROBE);
      return;
    }
    counts.set(path, (counts.get(path) || 0) + 1);
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) { res.writeHead(403).end(); return; }
    try {
      let body = await readFile(file);
      if (file.endsWith("index.html")) {
        // Right after <meta charset> (minified HTML has no <head> tag): before any other script.
        const html = body.toString("utf8");
        body = html.replace(/<meta charset=[^>]*>/i, (m) => `${m}<script src="/__probe.js"></script>`);
        if (body === html) throw new Error("probe: no <meta charset> in index.html");
      }
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-store" }).end(body);
    } catch (e) {
      res.writeHead(e.code === "ENOENT" ? 404 : 500).end(String(e.message));
    }
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}/`,
        counts,
        set missing(re) { state.missing = re; },
        reset: () => counts.clear(),
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}
