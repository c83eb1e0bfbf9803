// Boot trace (issue 12): loads the release build (dist/, or BENCH_DIST) in headless Chromium with the
// CPU throttled (BOOT_CPU, default 4×, like Lighthouse's mobile preset) and prints the renderer main
// thread's long tasks (≥ 50 ms, what Total Blocking Time counts) from navigation to a quiet page,
// each with its largest parts, and the page's own User Timing measures (if a build adds any).
//   node tests/e2e/bench-boot.mjs [runs]      BOOT_CPU=4 BOOT_WIDTH=412 BOOT_HEIGHT=823
import { join } from "node:path";
import { launch, ROOT } from "./helpers.mjs";
import { serve } from "./serve.mjs";

const runs = Number(process.argv[2] || 3);
const cpu = Number(process.env.BOOT_CPU || 4);
const viewport = { width: Number(process.env.BOOT_WIDTH || 412), height: Number(process.env.BOOT_HEIGHT || 823) };
const srv = await serve(process.env.BENCH_DIST || join(ROOT, "dist"), "/", { compress: true });
const browser = await launch();
const CATS = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "v8", "v8.wasm", "toplevel", "blink.user_timing", "loading"];
const totals = [];
for (let r = 0; r < runs; r++) {
  const ctx = await browser.newContext({ viewport });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  await browser.startTracing(page, { categories: CATS });
  await page.goto(srv.url, { waitUntil: "load" });
  await page.waitForSelector("html[data-app=ready]", { state: "attached", timeout: 60000 });
  // Until the main thread has been idle once after two frames (deferred boot work included).
  await page.evaluate(() => new Promise((res) => {
    const quiet = (n) => requestIdleCallback((d) => (d.timeRemaining() > 40 || n > 40 ? res() : setTimeout(() => quiet(n + 1), 50)), { timeout: 3000 });
    requestAnimationFrame(() => requestAnimationFrame(() => quiet(0)));
  }));
  const buf = await browser.stopTracing();
  await ctx.close();
  const list = JSON.parse(buf.toString("utf8")).traceEvents;
  const main = list.find((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain"
    && list.some((x) => x.pid === e.pid && x.tid === e.tid && x.name === "ParseHTML"));
  const on = list.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur != null);
  const nav = list.find((e) => e.name === "navigationStart" && e.pid === main.pid)?.ts ?? Math.min(...on.map((e) => e.ts));
  const tasks = on.filter((e) => e.name === "RunTask" && e.dur >= 50000).sort((a, b) => a.ts - b.ts);
  let tbt = 0;
  console.log(`\nrun ${r + 1} (CPU ${cpu}×, ${viewport.width}×${viewport.height})`);
  for (const t of tasks) {
    tbt += t.dur / 1000 - 50;
    const kids = on.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.dur > 3000)
      .sort((a, b) => b.dur - a.dur).slice(0, 6)
      .map((e) => `${e.name}${e.args?.data?.url ? "(" + e.args.data.url.split("/").pop().slice(0, 24) + ")" : e.args?.data?.functionName ? "(" + e.args.data.functionName + ")" : ""} ${(e.dur / 1000).toFixed(0)}`);
    console.log(`  task at ${((t.ts - nav) / 1000).toFixed(0)} ms: ${(t.dur / 1000).toFixed(0)} ms  [${kids.join(", ")}]`);
  }
  // Main-thread totals of the load by kind (ms at the throttled rate).
  const kinds = { parse: ["ParseHTML"], style: ["UpdateLayoutTree"], layout: ["Layout"], paint: ["PrePaint", "Paint", "Layerize", "Commit"], script: ["EvaluateScript", "v8.callFunction", "FunctionCall", "RunMicrotasks", "v8.compileModule"] };
  const sums = Object.fromEntries(Object.entries(kinds).map(([k, names]) => {
    const evs = on.filter((e) => names.includes(e.name));
    // Outermost only (a FunctionCall inside RunMicrotasks counts once).
    const outer = evs.filter((e) => !evs.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && (o.ts < e.ts || o.dur > e.dur)));
    return [k, outer.reduce((a, e) => a + e.dur / 1000, 0)];
  }));
  console.log("  totals: " + Object.entries(sums).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(" · "));
  const measures = list.filter((e) => e.pid === main.pid && e.cat?.includes("blink.user_timing") && e.ph === "b");
  const ends = new Map(list.filter((e) => e.cat?.includes("blink.user_timing") && e.ph === "e").map((e) => [e.name + e.id2?.local + e.id, e.ts]));
  if (measures.length) console.log("  user timing: " + measures.map((m) => `${m.name} ${(((ends.get(m.name + m.id2?.local + m.id) ?? m.ts) - m.ts) / 1000).toFixed(1)}`).join(" · "));
  const ready = list.filter((e) => e.pid === main.pid && e.name === "TimeStamp" && e.args?.data?.message === "ready")[0];
  console.log(`  long tasks ${tasks.length}, blocking time (over 50 ms each) ${tbt.toFixed(0)} ms${ready ? `, ready at ${((ready.ts - nav) / 1000).toFixed(0)} ms` : ""}`);
  totals.push(tbt);
}
console.log(`\nblocking time per run: ${totals.map((t) => t.toFixed(0)).join(" ")} ms`);
await browser.close();
await srv.close();
