// Trunk post-build hook: adds the sha256 of each inline <script> Trunk wrote to the page's
// Content-Security-Policy, so the page runs under `script-src 'self'` with no 'unsafe-inline'.
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error("csp-hash: set TRUNK_STAGING_DIR or pass the dist folder");
  process.exit(1);
}
const file = join(dir, "index.html");
let html = readFileSync(file, "utf8");
const hashes = [];
for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`);
}
const before = html;
html = html.replace(/script-src 'self'[^;"]*/, (s) => `${s} ${hashes.join(" ")}`);
if (html === before && hashes.length) {
  console.error("csp-hash: no script-src directive found in index.html");
  process.exit(1);
}
writeFileSync(file, html);
console.log(`csp-hash: ${hashes.length} inline script(s) allowed by hash`);
