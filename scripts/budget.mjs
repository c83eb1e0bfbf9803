// Brotli size of every file in dist/ and the total, checked against budget.json.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const dist = process.argv[2] || "dist";
const budget = JSON.parse(readFileSync("budget.json", "utf8"));
const walk = (d) => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
let total = 0;
const rows = walk(dist).map((f) => {
  const raw = readFileSync(f);
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total += br;
  return [relative(dist, f), raw.length, br];
});
rows.sort((a, b) => b[2] - a[2]);
for (const [f, raw, br] of rows) console.log(`${String(br).padStart(9)} B br  ${String(raw).padStart(9)} B raw  ${f}`);
console.log(`${String(total).padStart(9)} B br  total (budget ${budget.total_brotli_bytes} B)`);
if (total > budget.total_brotli_bytes) {
  console.error(`budget: dist/ is ${total} B brotli, over the ${budget.total_brotli_bytes} B limit in budget.json`);
  process.exit(1);
}
