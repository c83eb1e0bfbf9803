// Static first: without JavaScript the document still reads — masthead and key figures, the
// story with every step's text, the headings of the vote and governance sections, analyses,
// sources and the footer are in the HTML the build wrote; the app adds the interactive parts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, open, loadData, eventually } from "./helpers.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env.done(); });

test("with JavaScript off the report reads as a document", async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(env.base);
  const { countries } = loadData();
  const signed = countries.filter((c) => c.status === "signed").length;
  const figs = await page.locator("#key-figures dd").allTextContents();
  assert.deepEqual(figs, [String(signed), String(countries.length - signed), String(countries.length), String(countries.length + 49)]);
  const steps = await page.locator("#timeline li.step").evaluateAll((els) => els.map((e) => [e.id, e.querySelector(".step-body").textContent.trim().length]));
  assert.equal(steps.length, 8);
  assert.deepEqual(steps.map(([id]) => id), ["day-1", "days-1-5", "day-5", "day-7", "day-8", "day-10", "day-11", "day-12"]);
  for (const [id, n] of steps) assert.ok(n > 100, `${id} has its text`);
  for (const sel of ["#vote h2", "#governance h2", "#analysis", "#sources", "#grade-table tbody tr", "#sources details summary", ".footer"]) {
    assert.ok(await page.locator(sel).first().isVisible(), sel);
  }
  assert.match(await page.locator("#analysis").textContent(), /high-income states present and accredited/);
  // The data parts too: the table, the map and the charts, in their default state.
  assert.equal(await page.locator("#table tbody tr").count(), countries.length);
  assert.equal(await page.locator("svg.vote-map [data-iso3]").count(), countries.length + 49);
  assert.equal(await page.locator("figure.chart").count(), 6);
  assert.ok(await page.locator("figure.chart .dots circle").count() > 6 * 130);
  assert.equal(await page.locator("#ranking .rank-row").count(), 6);
  // The map's zooms are CSS: they work without the app; the finder needs it and is hidden.
  const france = page.locator('svg.vote-map [data-iso3="FRA"]');
  await france.scrollIntoViewIfNeeded();
  const world = (await france.boundingBox()).width;
  await page.locator("label:has(#zoom-europe)").click();
  await eventually(async () => assert.ok((await france.boundingBox()).width > 3.5 * world));
  assert.equal(await page.locator("#map-find").isVisible(), false);
  await context.close();
});

test("the app keeps the static nodes it finds (no re-creation, no layout shift above the fold)", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // Mark the static nodes before the app runs, and record layout shifts from the start.
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; }).observe({ type: "layout-shift", buffered: true });
    document.addEventListener("DOMContentLoaded", () => {
      for (const sel of [".masthead", "#day-5", "#analysis", "#row-FRA", "svg.vote-map [data-iso3=BRA]", "figure.chart[data-ind=va] .dots circle"]) document.querySelector(sel)?.setAttribute("data-before-boot", "1");
    });
  });
  await page.goto(env.base);
  await page.waitForSelector("html[data-app=ready]", { state: "attached" });
  await page.waitForFunction(() => document.querySelector("#day-1") && document.querySelector(".scrolly .graphic"));
  for (const sel of [".masthead", "#day-5", "#analysis", "#row-FRA", "svg.vote-map [data-iso3=BRA]", "figure.chart[data-ind=va] .dots circle"]) {
    assert.equal(await page.locator(sel).first().getAttribute("data-before-boot"), "1", sel);
  }
  const shift = await page.evaluate(() => window.__shift);
  assert.ok(shift <= 0.02, `layout shift ${shift}`);
  await context.close();
});

test("the document is parsed while the stylesheet is still on its way (no script waits for it)", async () => {
  // The stylesheet is held at the network until the test lets it go. An inline script after a
  // loading stylesheet stops the parser, which Trunk's order did (the wasm-fetch script after the
  // stylesheet link): then no row would be in the DOM until the CSS arrived.
  const context = await env.browser.newContext();
  const page = await context.newPage();
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/main-[0-9a-f]+\.css$/, async (route) => { await held; await route.continue(); });
  await page.goto(env.base, { waitUntil: "commit" });
  try {
    // Polled on a timer: the default polls on animation frames, and a page whose stylesheet is
    // still on its way renders no frame, so the check waited for the stylesheet whenever the
    // first poll came before the end of the document (flaky, 6 of 8 runs here).
    await page.waitForFunction(() => document.querySelectorAll("#table tbody tr").length === 144 && document.querySelector("#sources"), null, { timeout: 10000, polling: 50 });
    const sheet = await page.evaluate(() => [...document.styleSheets].some((s) => /main-[0-9a-f]+\.css$/.test(s.href || "")));
    assert.equal(sheet, false, "the stylesheet was still held when the whole report was parsed");
    // The wasm download was started by then too (it goes before the stylesheet in <head>).
    assert.ok(await page.evaluate(() => self.wasmFetch instanceof Promise));
  } finally {
    release();
  }
  await page.waitForSelector("html[data-app=ready]", { state: "attached" });
  await context.close();
});

test("when the app cannot start, the page says so, hides the controls that need it, and still reads", async () => {
  for (const [what, pattern] of [["wasm blocked", /_bg\.wasm$/], ["glue missing", /wcit12-report-[0-9a-f]+\.js$/]]) {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.route(pattern, (route) => (what === "wasm blocked" ? route.abort() : route.fulfill({ status: 404, body: "" })));
    await page.goto(env.base);
    await page.waitForSelector("html[data-app=failed]", { state: "attached" });
    assert.equal(await page.locator("#app-failed").isVisible(), true, what);
    assert.notEqual((await page.locator("#app-failed-why").textContent()).trim(), "reason unknown", what);
    for (const sel of [".sharebar", ".sticky-filters", ".chart-controls"]) {
      assert.equal(await page.locator(sel).first().isVisible(), false, `${what}: ${sel} hidden`);
    }
    // The report itself reads: the table and the sources are there.
    assert.equal(await page.locator("#table tbody tr").count(), 144);
    assert.equal(await page.locator("#sources").isVisible(), true);
    assert.deepEqual(errors, [], `${what}: no unhandled error or rejection`);
    await context.close();
  }
  // A page that started shows no such line.
  const { page } = await open(env.browser, env.base);
  assert.equal(await page.locator("#app-failed").isVisible(), false);
});
