// Brotli size (q11) of every file in dist/ and the totals, checked against budget.json.
// `total` counts what a reader's browser loads; files listed in budget.json "not_loaded"
// (the link-preview image) and the embedded views' pages (embed-*.html, each a page of its own
// that loads the same assets) are printed but left out of it.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const dist = process.argv[2] || "dist";
const budget = JSON.parse(readFileSync("budget.json", "utf8"));
const walk = (d) => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
let loaded = 0, all = 0;
const notLoaded = (name) => budget.not_loaded.includes(name) || /^embed-.*\.html$/.test(name);
const rows = walk(dist).map((f) => {
  const raw = readFileSync(f);
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const name = relative(dist, f);
  all += br;
  if (!notLoaded(name)) loaded += br;
  return [name, raw.length, br];
});
rows.sort((a, b) => b[2] - a[2]);
for (const [f, raw, br] of rows) console.log(`${String(br).padStart(9)} B br  ${String(raw).padStart(9)} B raw  ${f}${notLoaded(f) ? "  (not loaded by the page)" : ""}`);
console.log(`${String(loaded).padStart(9)} B br  total loaded by the page (limit ${budget.total_brotli_bytes} B, target ${budget.target_brotli_bytes} B)`);
console.log(`${String(all).padStart(9)} B br  all files in ${dist}/`);
if (loaded > budget.total_brotli_bytes) {
  console.error(`budget: the page loads ${loaded} B brotli, over the ${budget.total_brotli_bytes} B limit in budget.json`);
  process.exit(1);
}
