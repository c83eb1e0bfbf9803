// Share and take away: copy link, CSV download of the rows shown, the build under a sub-path,
// the single-file build opened from disk, and the no-JavaScript content.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { setup, open, loadData, rowIsos, summary, settle, launch, ROOT, visibleRows, eventually } from "./helpers.mjs";

let env, data;
before(async () => { env = await setup(); data = loadData(); });
after(async () => env.done());

test("copy link copies the URL of the exact view and confirms it", async () => {
  const { page, context, errors } = await open(env.browser, env.base, { clock: true });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(env.base).origin });
  await page.locator("#f-status").selectOption("declined");
  await page.locator('#row-KEN .linkish').click();
  await settle(page);
  // The reader at the share bar: the link says so (`at=`) once the page has scrolled there.
  await page.locator("#copy-link").scrollIntoViewIfNeeded();
  await eventually(async () => assert.match(page.url(), /sel=KEN&at=/));
  await page.locator("#copy-link").click();
  await page.locator("#share-status").filter({ hasText: "Link copied" }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  await eventually(async () => assert.equal(copied, page.url()));
  assert.match(copied, /v=1&status=declined&sel=KEN/);
  // A second copy 3 s later keeps its confirmation for its own 4 s: the first one's timer
  // (due at 4 s) must not clear it; then it goes. Time runs on Playwright's clock.
  await page.clock.runFor(3000);
  await page.locator("#copy-link").click();
  await page.evaluate(() => navigator.clipboard.readText());
  await page.clock.runFor(1500);
  assert.match(await page.locator("#share-status").textContent(), /Link copied/);
  await page.clock.runFor(3000);
  await page.waitForFunction(() => document.querySelector("#share-status").textContent === "");
  assert.deepEqual(errors, []);
});

test("on a plain-http host (no clipboard API) the copy buttons show the text to copy by hand", async () => {
  // A name other than localhost makes the page an insecure context, as on any http host: the
  // browser then has no navigator.clipboard at all.
  const browser = await launch(["--host-resolver-rules=MAP report.test 127.0.0.1"]);
  try {
    const base = env.base.replace("127.0.0.1", "report.test");
    const { page, errors } = await open(browser, base + "?v=1&sel=KEN");
    await page.waitForFunction(() => document.documentElement.dataset.app === "ready");
    assert.equal(await page.evaluate(() => window.isSecureContext || "clipboard" in navigator), false);
    // Where the reader is goes into the link once the page has scrolled there.
    await page.locator("#copy-link").scrollIntoViewIfNeeded();
    await eventually(async () => assert.match(page.url(), /at=/));
    await page.locator("#copy-link").click();
    await page.locator("#share-status").filter({ hasText: "Copy this: " }).waitFor();
    assert.equal(await page.locator("#share-status").textContent(), `Copy this: ${page.url()}`);
    assert.match(page.url(), /^http:\/\/report\.test:\d+\/\?v=1&sel=KEN&at=/);
    await page.locator("#embed").click();
    await page.locator("#copy-embed").click();
    await page.locator("#share-status").filter({ hasText: "Copy this: <iframe" }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test("a download's blob: URL outlives the click: it is revoked a minute later, not at once", async () => {
  // Revoked right after the click, Safari and Firefox could cancel the download.
  const { page, errors } = await open(env.browser, env.base, { clock: true });
  await page.evaluate(() => {
    window.revoked = [];
    const revoke = URL.revokeObjectURL.bind(URL);
    URL.revokeObjectURL = (u) => { window.revoked.push(u); revoke(u); };
  });
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#download-csv").click()]);
  assert.match(download.url(), /^blob:/);
  await page.clock.runFor(30000);
  assert.deepEqual(await page.evaluate(() => window.revoked), []);
  await page.clock.runFor(31000);
  assert.deepEqual(await page.evaluate(() => window.revoked), [download.url()]);
  assert.deepEqual(errors, []);
});

test("CSV download holds the rows shown, in order, with the WGI vintage", async () => {
  const { page, errors } = await open(env.browser, env.base);
  await page.locator("#f-income").selectOption("low");
  await page.locator('[data-sort="va"]').click();
  await settle(page);
  const shown = await rowIsos(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#download-csv").click()]);
  // The vintages are in the file name (line 1 is the header: see boundary.test.mjs).
  assert.equal(download.suggestedFilename(), "wcit12-final-vote_wgi2011-2014update_income-fy2013_regions-2016.csv");
  const text = readFileSync(await download.path(), "utf8");
  const lines = text.trim().split("\n");
  assert.match(lines[0], /^country,name_itu_fr,iso3,iso2,iso_numeric,status,evidence_grade,evidence_inferred,source_ids,wb_region_2016,income_group_fy2013,wgi2011_va_estimate,wgi2011_va_stderr/);
  const isos = lines.slice(1).map((l) => l.match(/,([A-Z]{3}),[A-Z]{2},\d{3},/)[1]);
  assert.deepEqual(isos, shown);
  const first = data.countries.find((c) => c.iso3 === shown[0]);
  assert.ok(lines[1].includes(first.wgi.va.toFixed(6)), "estimates at full precision");
  assert.deepEqual(errors, []);
});

test("the build works from a sub-path", async () => {
  const { serve } = await import("./serve.mjs");
  const srv = await serve(join(ROOT, "dist"), "/deep/sub/path/");
  try {
    const { page, errors } = await open(env.browser, srv.url + "?q=kenya");
    assert.deepEqual(await rowIsos(page), ["KEN"]);
    await page.locator("#search").fill("chile");
    await settle(page);
    await eventually(async () => assert.match(page.url(), /\/deep\/sub\/path\/\?v=1&q=chile$/));
    assert.deepEqual(errors, []);
  } finally {
    await srv.close();
  }
});

test("the single-file build works from disk (file://), offline", async () => {
  const browser = await launch();
  try {
    const single = join(ROOT, "dist-single/wcit12-report.html");
    // It must be built from the dist/ under test: it embeds that wasm, byte for byte.
    const wasm = readdirSync(join(ROOT, "dist")).find((f) => f.endsWith("_bg.wasm"));
    const b64 = readFileSync(join(ROOT, "dist", wasm)).toString("base64");
    assert.ok(readFileSync(single, "utf8").includes(b64), "dist-single is stale: run scripts/dev build");
    const url = pathToFileURL(single).href;
    const { page, errors, foreign } = await open(browser, url);
    await page.waitForSelector('html[data-app=ready]', { state: 'attached' });
    assert.equal(await visibleRows(page), 144);
    assert.equal(await summary(page), "Showing 144 of 144 · 89 signed · 55 did not sign");
    await page.locator("#search").fill("allemagne");
    await settle(page);
    assert.deepEqual(await rowIsos(page), ["DEU"]);
    await page.locator('[data-sort="name"]').click();
    await page.locator("#search").fill("");
    await settle(page);
    assert.equal((await rowIsos(page))[0], "ZWE");
    assert.deepEqual(foreign.filter((u) => !u.startsWith("file:")), []);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test("without JavaScript the page still names who signed", async () => {
  const ctx = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(env.base);
  // The table the build wrote: every country with its status, read from the parsed page.
  const rows = await page.locator("#table tbody tr").evaluateAll((trs) => trs.map((r) => [r.querySelector(".linkish").textContent, r.querySelector(".badge").textContent.replace("*", "")]));
  assert.equal(rows.length, data.countries.length);
  const byName = Object.fromEntries(rows);
  for (const c of data.countries) assert.equal(byName[c.name], c.status === "signed" ? "Signed" : "Did not sign", c.name);
  assert.equal(await page.locator("#summary").textContent(), "Showing 144 of 144 · 89 signed · 55 did not sign");
  // The controls that need the app are hidden; the link preview is there.
  for (const sel of ["#search", "#copy-link", "#toggle-pct", "#download-map-svg"]) assert.equal(await page.locator(sel).isVisible(), false, sel);
  assert.equal(await page.locator('meta[property="og:image"]').getAttribute("content"), "public/preview.png");
  assert.match(await page.locator(".legend").textContent(), /Did not sign \(55\)/);
  await ctx.close();
});

test("SVG downloads of the map and a chart are self-contained, with title and source", async () => {
  const { page, errors } = await open(env.browser, env.base);
  const grab = async (selector) => {
    const btn = page.locator(selector).first();
    await btn.scrollIntoViewIfNeeded();
    const [download] = await Promise.all([page.waitForEvent("download"), btn.click()]);
    return [download.suggestedFilename(), readFileSync(await download.path(), "utf8")];
  };
  const [mapName, map] = await grab("#download-map-svg");
  assert.equal(mapName, "wcit12-map.svg");
  assert.match(map, /^<\?xml/);
  assert.match(map, /xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(map, /89 of 144 states present and accredited signed/);
  assert.match(map, /Natural Earth/);
  assert.equal((map.match(/data-iso3=/g) || []).length, 193);
  assert.match(map, /style="fill:rgb\(213, 94, 0\)/, "vermillion inlined");
  // The world's labels are in the file; the zooms' stay hidden there as on the page.
  assert.match(map, /display:inline[^>]*>(<text[^>]*>[^<]+<\/text>)*<text[^>]*>United States</);
  assert.match(map, /display:none[^>]*>(<text[^>]*>[^<]+<\/text>)*<text[^>]*>France</);
  // A label's halo is drawn under its letters, as on the page (it covered them before).
  assert.match(map, /<text[^>]*paint-order:stroke[^>]*>United States</);
  assert.doesNotMatch(map, /class=/);
  assert.doesNotMatch(map, /<link|@import|url\(/, "no external resources");
  const [chartName, chart] = await grab("#dl-chart-svg");
  assert.equal(chartName, "wcit12-wgi-va.svg");
  assert.match(chart, /Voice and Accountability \(WGI 2011 estimate\)/);
  assert.match(chart, /inferred/);
  assert.match(chart, /World Bank Worldwide Governance Indicators/);
  const withValue = data.countries.filter((c) => c.wgi.va != null).length;
  assert.equal((chart.match(/<circle/g) || []).length, withValue);
  assert.deepEqual(errors, []);
});

test("PNG downloads of the map and a chart: valid PNGs at least 1,200 px wide, drawn in the page", async () => {
  const { page, errors, foreign } = await open(env.browser, env.base);
  await page.locator("#dl-chart").selectOption("rl");
  for (const [sel, name] of [["#download-map-png", "wcit12-map.png"], ["#dl-chart-png", "wcit12-wgi-rl.png"]]) {
    const btn = page.locator(sel);
    await btn.scrollIntoViewIfNeeded();
    const [download] = await Promise.all([page.waitForEvent("download"), btn.click()]);
    assert.equal(download.suggestedFilename(), name);
    const png = readFileSync(await download.path());
    assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], `${name}: PNG signature`);
    const width = png.readUInt32BE(16), height = png.readUInt32BE(20);
    assert.ok(width >= 1200 && height > 300, `${name}: ${width}×${height}`);
    // Decoded by the browser: the picture has marks in more than one colour, not a blank canvas.
    const colours = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = "data:image/png;base64," + b64;
      await img.decode();
      const c = document.createElement("canvas");
      c.width = img.width; c.height = img.height;
      const ctx = c.getContext("2d");
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set();
      for (let i = 0; i < d.length; i += 4 * 97) seen.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
      return seen.size;
    }, png.toString("base64"));
    assert.ok(colours > 3, `${name}: ${colours} colours`);
  }
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
});

test("a PNG the browser cannot make says so beside its button, and the next attempt clears it", async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  // A browser that will not encode the canvas (toBlob gives null).
  await page.evaluate(() => {
    self.realToBlob = HTMLCanvasElement.prototype.toBlob;
    HTMLCanvasElement.prototype.toBlob = function (cb) { cb(null); };
  });
  for (const [sel, dl] of [["#download-map-png", ".map-live .dl"], ["#dl-chart-png", "#chart-download"]]) {
    const failed = page.locator(`${dl} .dl-failed`);
    assert.equal(await failed.isVisible(), false, `${sel}: nothing said before`);
    await page.locator(sel).scrollIntoViewIfNeeded();
    await page.locator(sel).click();
    await eventually(async () => assert.match(await failed.textContent(), /could not make the PNG; the SVG has the same graphic/));
    assert.equal(await failed.isVisible(), true);
    assert.equal(await failed.getAttribute("role"), "status");
  }
  // The browser can again: the next PNG downloads and the line goes.
  await page.evaluate(() => { HTMLCanvasElement.prototype.toBlob = self.realToBlob; });
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#dl-chart-png").click()]);
  assert.match(download.suggestedFilename(), /\.png$/);
  assert.equal(await page.locator("#chart-download .dl-failed").isVisible(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a bad step anchor, opened or followed on the page, and a bad link reached by back gets the notice", async () => {
  // Opened with #day-99: the notice names it, and the address bar drops it.
  const opened = await open(env.browser, env.base + "#day-99");
  const notice = opened.page.locator("#url-notice");
  assert.equal(await notice.isVisible(), true);
  assert.match(await notice.textContent(), /#day-99/);
  await eventually(async () => assert.doesNotMatch(await opened.page.evaluate(() => location.href), /day-99/));
  await opened.page.locator("#url-notice-dismiss").click();
  assert.equal(await notice.isVisible(), false);
  // Followed on the page after it has loaded.
  const { page, errors } = await open(env.browser, env.base);
  assert.equal(await page.locator("#url-notice").isVisible(), false);
  await page.evaluate(() => { location.hash = "#day-0"; });
  await page.locator("#url-notice").waitFor({ state: "visible" });
  assert.match(await page.locator("#url-notice").textContent(), /#day-0/);
  await page.locator("#url-notice-dismiss").click();
  // Reached by back/forward: a link with an unknown zoom in the history.
  await page.evaluate(() => { history.pushState(null, "", "?zoom=asia"); history.pushState(null, "", "?"); });
  await page.goBack();
  await page.locator("#url-notice").waitFor({ state: "visible" });
  assert.match(await page.locator("#url-notice").textContent(), /“asia” for “zoom”/);
  assert.deepEqual([...opened.errors, ...errors], []);
});
