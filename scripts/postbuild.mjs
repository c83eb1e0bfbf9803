// Trunk post-build hook (see Trunk.toml), run on the staged index.html:
// 0. writes the page's static parts (masthead, analyses, sources, footer) into their
//    placeholders with the native `prerender` binary (src/bin/prerender.rs, src/model/page.rs);
// 1. fills <noscript> with the vote summary and the plain lists of signatories and
//    non-signatories, generated from src/data/signatories.csv (for readers without JS and crawlers);
// 2. adds the sha256 of each inline <script> Trunk wrote to the Content-Security-Policy, so the
//    page runs under `script-src 'self'` without 'unsafe-inline';
// 3. minifies wasm-bindgen's JS glue with terser (Trunk minifies HTML and CSS, not that file);
// 4. makes the link-preview addresses absolute when SITE_URL is set (scripts/social.mjs).
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { join } from "node:path";
import { absoluteSocial, siteUrl } from "./social.mjs";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error("postbuild: set TRUNK_STAGING_DIR or pass the dist folder");
  process.exit(1);
}
const file = join(dir, "index.html");
// --- 0. static parts of the page (src/model/page.rs), rendered natively into the placeholders ---
{
  const r = spawnSync("cargo", ["run", "--quiet", "--bin", "prerender", "--", file], { stdio: "inherit" });
  if (r.status !== 0) {
    console.error("postbuild: prerender failed");
    process.exit(1);
  }
}
let html = readFileSync(file, "utf8");

// --- 1. noscript lists ---
const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
// Parses a CSV file into one object per record, keyed by the header line's column names, and
// fails if a column the hook needs is missing (columns are never read by position).
function rows(text, required) {
  const records = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line) continue;
    const cells = [];
    let cur = "", q = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (q) { if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') q = false; else cur += c; }
      else if (c === '"') q = true; else if (c === ",") { cells.push(cur); cur = ""; } else cur += c;
    }
    cells.push(cur);
    records.push(cells);
  }
  const [header, ...body] = records;
  for (const col of required) {
    if (!header || !header.includes(col)) {
      console.error(`postbuild: src/data/signatories.csv has no '${col}' column`);
      process.exit(1);
    }
  }
  return body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""])));
}
const sig = rows(readFileSync("src/data/signatories.csv", "utf8"), ["name_en", "status", "evidence"]).map((r) => ({ en: r.name_en, status: r.status, grade: r.evidence }));
const list = (status) => sig.filter((c) => c.status === status).map((c) => c.en + (c.grade === "C" || c.grade === "D" ? " (inferred)" : "")).sort((a, b) => a.localeCompare(b, "en")).map(esc).join(", ");
const signed = sig.filter((c) => c.status === "signed").length;
const noscript = `<noscript>
    <h1>WCIT-12: The Final Vote</h1>
    <p>At the ITU's World Conference on International Telecommunications (Dubai, 3–14 December 2012), ${signed} of the ${sig.length} Member States eligible to sign the new International Telecommunication Regulations signed and ${sig.length - signed} did not. The interactive report (timeline, map, table and governance charts) needs JavaScript and WebAssembly.</p>
    <h2>Signed (${signed})</h2><p>${list("signed")}.</p>
    <h2>Did not sign (${sig.length - signed})</h2><p>${list("declined")}.</p>
    <p>"Inferred": the status is inferred from counts or by elimination, not confirmed by a source.</p>
  </noscript>`;
html = html.replace(/<noscript>[\s\S]*?<\/noscript>/, () => noscript);

// --- 2. CSP hashes ---
const hashes = [];
for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`);
}
const before = html;
html = html.replace(/script-src 'self'[^;"]*/, (s) => `${s} ${hashes.join(" ")}`);
if (html === before && hashes.length) {
  console.error("postbuild: no script-src directive found in index.html");
  process.exit(1);
}
// --- 3. minified JS glue ---
const { minify } = createRequire(join(process.cwd(), "tests/e2e/package.json"))("terser");
for (const js of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
  const path = join(dir, js);
  const source = readFileSync(path, "utf8");
  const out = await minify(source, { module: true, compress: true, mangle: true });
  if (!out.code) {
    console.error(`postbuild: terser returned nothing for ${js}`);
    process.exit(1);
  }
  writeFileSync(path, out.code);
  console.log(`postbuild: ${js} minified, ${source.length} → ${out.code.length} bytes`);
}

// --- 4. absolute link-preview addresses (scripts/social.mjs) ---
const site = siteUrl(process.env.SITE_URL);
if (site) {
  html = absoluteSocial(html, site);
  console.log(`postbuild: og:image, og:url and twitter:image absolute under ${site.href}`);
} else {
  console.log("postbuild: SITE_URL not set, so og:image stays relative and link previews will have no image (SITE_URL=https://… scripts/dev build)");
}

writeFileSync(file, html);
console.log(`postbuild: noscript lists (${sig.length} countries); ${hashes.length} inline script(s) allowed by hash`);
