// Builds one self-contained HTML file from Trunk's dist/: CSS inlined, the JS glue loaded from a
// blob: URL, the wasm embedded as base64. It opens straight from disk (file://), offline.
// Usage: node scripts/single-file.mjs dist dist-single/wcit12-report.html
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";

const [dist = "dist", out = "dist-single/wcit12-report.html"] = process.argv.slice(2);
let html = readFileSync(join(dist, "index.html"), "utf8");
const files = readdirSync(dist);
const js = files.find((f) => /\.js$/.test(f));
const wasm = files.find((f) => /_bg\.wasm$/.test(f));
if (!js || !wasm) throw new Error(`single-file: no .js/_bg.wasm in ${dist}`);

// Attributes of a tag, quoted or not (Trunk minifies index.html in release builds).
const attrs = (tag) => {
  const out = {};
  for (const m of tag.matchAll(/([\w:-]+)(?:=("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
    const v = m[2] ?? "";
    out[m[1].toLowerCase()] = /^["']/.test(v) ? v.slice(1, -1) : v;
  }
  return out;
};
// CSS: every stylesheet link becomes a <style>; preloads go (nothing to fetch any more).
let styles = 0;
html = html.replace(/<link\b[^>]*>/g, (tag) => {
  const a = attrs(tag.slice(5, -1));
  if (a.rel === "stylesheet") {
    styles++;
    return `<style>${readFileSync(join(dist, a.href.replace(/^\.\//, "")), "utf8")}</style>`;
  }
  return a.rel === "modulepreload" || a.rel === "preload" ? "" : tag;
});
if (!styles) throw new Error("single-file: no stylesheet link found in index.html");
// The early wasm fetch (see Trunk.toml) has nothing to fetch here: the wasm is embedded.
const early = /<script\b[^>]*\bid=["']?wasm-fetch["']?[^>]*>[\s\S]*?<\/script>/;
if (!early.test(html)) throw new Error("single-file: the wasm-fetch script (Trunk.toml pattern_preload) not found in index.html");
html = html.replace(early, "");
// Replace Trunk's loader with one that needs no network.
const glue = readFileSync(join(dist, js), "utf8");
const b64 = readFileSync(join(dist, wasm)).toString("base64");
// The failure handler is Trunk's loader's (Trunk.toml pattern_script), taken from it.
const fail = /const f=e=>[\s\S]*?(?=;import\()/.exec(html);
if (!fail) throw new Error("single-file: the loader's failure handler (Trunk.toml pattern_script) not found");
const loader = `${fail[0]};
try {
const glue = ${JSON.stringify(glue)};
const url = URL.createObjectURL(new Blob([glue], { type: "text/javascript" }));
const bindings = await import(url);
const bin = Uint8Array.from(atob(document.getElementById("wasm-b64").textContent), (c) => c.charCodeAt(0));
await bindings.default({ module_or_path: bin });
window.wasmBindings = bindings;
} catch (e) { f(e); }
`;
const trunkLoader = /<script\b[^>]*\btype=["']?module["']?[^>]*>[\s\S]*?<\/script>/;
if (!trunkLoader.test(html)) throw new Error("single-file: Trunk's module loader not found in index.html");
html = html.replace(trunkLoader, () => `<script type="module">${loader}</script>`);
const data = `<script type="application/octet-stream" id="wasm-b64">${b64}</script>`;
html = html.includes("</body>") ? html.replace("</body>", () => `${data}</body>`) : html + data;
// CSP: allow exactly the page's inline scripts (this loader and the page's own, by hash) and
// the blob: module the loader creates.
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/octet-stream)[^>]*>([\s\S]*?)<\/script>/g)]
  .map((m) => `'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`);
html = html.replace(/script-src [^;"]*/, `script-src 'self' blob: 'wasm-unsafe-eval' ${hashes.join(" ")}`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
console.log(`single-file: ${out} (${(html.length / 1024).toFixed(0)} KiB)`);
