// Trunk post-build hook (see Trunk.toml), run on the staged index.html:
// 0. writes the whole report (masthead, story, vote map and table, charts, analyses, sources,
//    footer) into its placeholders with the native `prerender` binary (src/bin/prerender.rs: the
//    Leptos components of src/components/ rendered natively) — it reads without JavaScript;
// 0b. moves the inline script that starts the wasm download before the stylesheet link, so the
//    parser does not wait for the CSS;
// 2. adds the sha256 of each inline <script> Trunk wrote to the Content-Security-Policy, so the
//    page runs under `script-src 'self'` without 'unsafe-inline';
// 2b. drops the exports nothing calls (wasm-streams' classes) from the wasm and the glue;
// 3. minifies wasm-bindgen's JS glue with terser (Trunk minifies HTML and CSS, not that file);
// 3b. gives the wasm's imports short names in both the wasm and the JS glue
//    (scripts/short-imports.mjs: about 3 kB brotli of unique hashes), and drops the wasm's
//    custom sections (tool versions, linker metadata);
// 4. makes the link-preview addresses absolute when SITE_URL is set (scripts/social.mjs);
// 5. writes each embedded view's page next to index.html (src/bin/prerender.rs --embeds).
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { basename, join } from "node:path";
import { absoluteSocial, siteUrl } from "./social.mjs";
import { dropExports, dropUnusedImportEntries, importNames, lowestDataAddress, shortenImports, stripCustomSections } from "./short-imports.mjs";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error("postbuild: set TRUNK_STAGING_DIR or pass the dist folder");
  process.exit(1);
}
const file = join(dir, "index.html");
// --- 0. the page's components (src/components/), rendered natively into the placeholders ---
{
  const r = spawnSync("cargo", ["run", "--quiet", "--bin", "prerender", "--", file], { stdio: "inherit" });
  if (r.status !== 0) {
    console.error("postbuild: prerender failed");
    process.exit(1);
  }
}
let html = readFileSync(file, "utf8");

// --- 0b. the wasm download starts before the stylesheet ---
// Trunk writes the inline `wasmFetch` script (Trunk.toml pattern_preload) after the stylesheet
// link, and an inline script after a stylesheet that is still loading stops the HTML parser
// until the stylesheet has arrived: the 300 kB of report waited for the CSS. Moved before it
// (still after the Content-Security-Policy meta, which covers only what follows it).
{
  const script = html.match(/<script id="?wasm-fetch"?>[\s\S]*?<\/script>/)?.[0];
  const sheet = html.match(/<link [^>]*rel="?stylesheet"?[^>]*>/);
  if (!script || !sheet || html.indexOf(script) < sheet.index || html.indexOf("Content-Security-Policy") > sheet.index) {
    console.error("postbuild: expected the CSP meta, then the stylesheet link, then the wasm-fetch script in <head>");
    process.exit(1);
  }
  html = html.replace(script, "").replace(sheet[0], script + sheet[0]);
}

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
/** The paths of the one JS glue and the one wasm in the staging folder (the build stops if there
 *  are more or none). */
function glueAndWasm() {
  const js = readdirSync(dir).filter((f) => f.endsWith(".js"));
  const wasm = readdirSync(dir).filter((f) => f.endsWith("_bg.wasm"));
  if (js.length !== 1 || wasm.length !== 1) {
    console.error(`postbuild: expected one JS glue and one wasm, found ${js.length} and ${wasm.length}`);
    process.exit(1);
  }
  return [join(dir, js[0]), join(dir, wasm[0])];
}

// --- 2b. the exports nothing calls ---
// Leptos always brings server_fn, whose `browser` feature brings wasm-streams: its three
// `#[wasm_bindgen]` classes (IntoUnderlyingSource, …Sink, …ByteSource: adapters between Rust
// streams and the browser's ReadableStream) are exported, so neither the linker nor wasm-opt
// could drop them or the futures machinery behind them. Nothing here streams. Their exports are
// dropped from the wasm, `wasm-opt --remove-unused-module-elements` removes what only they
// used, and their classes go from the JS glue (before terser); the build fails if the glue
// still names them anywhere.
{
  const unused = (name) => /^(__wbg_)?intounderlying/.test(name);
  const [jsPath, wasmPath] = glueAndWasm();
  const out = dropExports(readFileSync(wasmPath), unused);
  writeFileSync(wasmPath, out.wasm);
  const r = spawnSync("wasm-opt", ["--enable-bulk-memory", "--enable-bulk-memory-opt", "--enable-multivalue", "--enable-mutable-globals", "--enable-nontrapping-float-to-int", "--enable-reference-types", "--enable-sign-ext", "--remove-unused-module-elements", wasmPath, "-o", wasmPath], { stdio: "inherit" });
  if (r.status !== 0) {
    console.error("postbuild: wasm-opt --remove-unused-module-elements failed");
    process.exit(1);
  }
  let glue = readFileSync(jsPath, "utf8");
  glue = glue
    .replace(/^export class (IntoUnderlying\w+) \{[\s\S]*?^if \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n/gm, "")
    .replace(/^const IntoUnderlying\w+Finalization = [\s\S]*?\)\);\n/gm, "");
  const entries = dropUnusedImportEntries(glue, importNames(readFileSync(wasmPath)));
  glue = entries.js;
  if (/intounderlying/i.test(glue)) {
    console.error("postbuild: the JS glue still names wasm-streams' classes after they were dropped");
    process.exit(1);
  }
  writeFileSync(jsPath, glue);
  console.log(`postbuild: ${out.dropped.length} unused exports dropped (wasm-streams' classes), and ${entries.dropped.length} imports only they used`);
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

// --- 3b. short import names (scripts/short-imports.mjs) ---
{
  const [jsPath, wasmPath] = glueAndWasm();
  const out = shortenImports(readFileSync(wasmPath), readFileSync(jsPath, "utf8"));
  const bare = stripCustomSections(out.wasm);
  writeFileSync(wasmPath, bare.wasm);
  const low = lowestDataAddress(bare.wasm);
  if (low < 1024) {
    console.error(`postbuild: a data segment starts at ${low}, inside the first KiB that wasm-opt --low-memory-unused assumes unused (index.html)`);
    process.exit(1);
  }
  console.log(`postbuild: custom sections dropped from the wasm: ${bare.dropped.join(", ") || "none"}`);
  writeFileSync(jsPath, out.js);
  console.log(`postbuild: ${out.renamed} imports renamed in ${basename(wasmPath)} and ${basename(jsPath)}`);
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
console.log(`postbuild: ${hashes.length} inline script(s) allowed by hash`);

// --- 5. the embedded views' pages, next to index.html: its head, each embed's body ---
{
  const r = spawnSync("cargo", ["run", "--quiet", "--bin", "prerender", "--", "--embeds", file], { stdio: "inherit" });
  if (r.status !== 0) {
    console.error("postbuild: writing the embeds' pages failed");
    process.exit(1);
  }
  console.log(`postbuild: ${readdirSync(dir).filter((f) => /^embed-.*\.html$/.test(f)).length} embed pages written`);
}
