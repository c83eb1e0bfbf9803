// Benchmark (scripts/dev bench), one run of headless Chromium on this machine:
// (a) brotli size per asset and total; (b) first contentful paint of the report and of a plain
// static HTML page holding the same 144-row table, served the same way, and their ratio;
// (c) median time from a sort click / filter change / search keystroke to the updated DOM
// (Performance API marks, 25 repetitions each); (d) the model's sort+filter on 100,000 rows natively;
// (e) Lighthouse scores when Lighthouse is installed.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, cpSync, existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, loadData, ROOT } from "./helpers.mjs";
import { serve } from "./serve.mjs";

const median = (a) => { const s = [...a].sort((x, y) => x - y); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

console.log("== (a) sizes of dist/ (brotli q11)");
{
  const r = spawnSync("node", ["scripts/budget.mjs"], { cwd: ROOT });
  console.log((r.stdout.toString() + r.stderr.toString()).trimEnd());
}

// A plain page with the same table, next to the report, served by the same server.
const dir = mkdtempSync(join(tmpdir(), "wcit12-bench-"));
cpSync(join(ROOT, "dist"), dir, { recursive: true });
const { countries } = loadData();
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;");
const fmt = (v) => (v == null ? "n/a" : (v >= 0 ? "+" : "−") + Math.abs(v).toFixed(2));
writeFileSync(join(dir, "plain.html"), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>plain</title></head><body><h1>WCIT-12: The Final Vote</h1><table><thead><tr><th>Country</th><th>Status</th><th>Evidence</th><th>Region</th><th>Income</th><th>VA</th><th>PV</th><th>GE</th><th>RQ</th><th>RL</th><th>CC</th></tr></thead><tbody>${countries.map((c) => `<tr><th>${esc(c.name)}</th><td>${c.status}</td><td>${c.grade}</td><td>${esc(c.region)}</td><td>${esc(c.income)}</td>${["va", "pv", "ge", "rq", "rl", "cc"].map((k) => `<td>${fmt(c.wgi[k])}</td>`).join("")}</tr>`).join("")}</tbody></table></body></html>`);
const srv = await serve(dir);
const browser = await launch();

async function fcp(url, reps = 7) {
  const out = [];
  for (let i = 0; i < reps; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(url, { waitUntil: "load" });
    const v = await page.evaluate(() => new Promise((res) => {
      const e = performance.getEntriesByName("first-contentful-paint")[0];
      if (e) return res(e.startTime);
      new PerformanceObserver((l) => res(l.getEntries()[0].startTime)).observe({ type: "paint", buffered: true });
    }));
    out.push(v);
    await ctx.close();
  }
  return median(out);
}
console.log("\n== (b) first contentful paint (median of 7 cold loads)");
const fReport = await fcp(srv.url);
const fPlain = await fcp(srv.url + "plain.html");
console.log(`report FCP ${fReport.toFixed(0)} ms · plain table FCP ${fPlain.toFixed(0)} ms · ratio ${(fReport / fPlain).toFixed(2)} (target ≤ 1.5)`);
// Time until the table is interactive (rows rendered by the app).
{
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(srv.url);
  await page.waitForSelector('#table tbody tr');
  const t = await page.evaluate(() => performance.now());
  console.log(`report: 144 rows in the DOM at ${t.toFixed(0)} ms after navigation start`);
  await ctx.close();
}

console.log("\n== (c) interaction → updated DOM (median of 25, Performance API)");
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await ctx.newPage();
await page.goto(srv.url);
await page.waitForSelector('#table tbody tr');
const timings = await page.evaluate(async () => {
  // Resolves after the app's microtask-scheduled effects have run and the DOM is updated.
  const flush = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
  const firstRow = () => document.querySelector('#table tbody tr:not([hidden])')?.dataset.iso3;
  const runs = { sort: [], filter: [], search: [] };
  const sortBtn = document.querySelector('[data-sort="va"]');
  const status = document.querySelector('#f-status');
  const search = document.querySelector('#search');
  // Marks around one interaction, up to the updated DOM.
  const time = async (name, act) => {
    performance.mark(`${name}-start`);
    act();
    await flush();
    performance.mark(`${name}-end`);
    runs[name].push(performance.measure(name, `${name}-start`, `${name}-end`).duration);
  };
  for (let i = 0; i < 25; i++) {
    const before = firstRow();
    await time("sort", () => sortBtn.click());
    if (firstRow() === before) throw new Error("sort did not change the first row");
    status.value = i % 2 ? "all" : "declined";
    await time("filter", () => status.dispatchEvent(new Event("change", { bubbles: true })));
    search.value = i % 2 ? "" : "a";
    await time("search", () => search.dispatchEvent(new Event("input", { bubbles: true })));
  }
  return runs;
});
for (const [k, v] of Object.entries(timings)) console.log(`${k.padEnd(6)} median ${median(v).toFixed(1)} ms · max ${Math.max(...v).toFixed(1)} ms (target median ≤ 16 ms)`);
await browser.close();

// (e) Lighthouse 12.2.3 (desktop preset) against the release build, when installed
// (`scripts/dev bench` installs it into tests/e2e/.lh).
const lh = join(ROOT, "tests/e2e/.lh/node_modules/lighthouse/cli/index.js");
if (existsSync(lh)) {
  console.log("\n== (e) Lighthouse 12.2.3, desktop preset");
  const out = join(dir, "lh.json");
  // Asynchronous: the static server runs in this process and must keep answering.
  const r = await new Promise((resolve) => {
    const p = spawn("node", [lh, srv.url, "--preset=desktop", "--quiet", "--output=json", `--output-path=${out}`,
      "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || "/usr/bin/chromium" } });
    let stderr = "";
    p.stderr.on("data", (d) => { stderr += d; });
    const timer = setTimeout(() => p.kill(), 240000);
    p.on("close", (status) => { clearTimeout(timer); resolve({ status, stderr }); });
  });
  if (r.status === 0) {
    const cats = JSON.parse(readFileSync(out, "utf8")).categories;
    console.log(Object.values(cats).map((c) => `${c.title} ${Math.round(c.score * 100)}`).join(" · "));
  } else {
    console.log(`lighthouse failed: ${(r.stderr || "").toString().split("\n").slice(-5).join(" ")}`);
  }
}
await srv.close();

console.log("\n== (d) model sort+filter on 100,000 synthetic rows (native, release)");
const out = execFileSync("cargo", ["test", "--release", "--quiet", "--test", "model_bench", "--", "--ignored", "--nocapture"], { cwd: ROOT }).toString();
console.log(out.split("\n").filter((l) => l.startsWith("model sort")).join("\n"));
