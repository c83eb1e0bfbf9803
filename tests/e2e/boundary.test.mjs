// Four bugs the untyped render boundary let through, each reproduced here first (they failed on
// the build before the fixes: see the commit that added this file).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { setup, open, loadData, eventually, settle, dotOf } from "./helpers.mjs";

let env;
const data = loadData();
before(async () => { env = await setup(); });
after(async () => { await env.done(); });

test("chart marks survive a chart option (faded dots and the selected country)", async () => {
  const { page, context } = await open(env.browser, env.base + "?v=1&region=lac&sel=BRA");
  const lac = new Set(data.countries.filter((c) => c.region === "Latin America & Caribbean").map((c) => c.iso3));
  // Each chart's dots, named by their position (see helpers' `dotOf`): [iso3, faded, selected].
  const marks = async () => (await page.locator("figure.chart").evaluateAll((figs) => figs.map((f) => [f.dataset.ind, [...f.querySelectorAll(".dots circle")].map((d) => [d.classList.contains("faded"), d.classList.contains("selected")])])))
    .flatMap(([ind, dots]) => dots.map(([faded, selected], k) => [data.countries[dotIndexes(ind)[k]].iso3, faded, selected]));
  const dotIndexes = (ind) => data.countries.flatMap((c, i) => (c.wgi[ind] === null || c.wgi[ind] === undefined ? [] : [i]));
  const check = async (what) => {
    await eventually(async () => {
      const m = await marks();
      assert.ok(m.length > 6 * 100, `${what}: dots drawn`);
      for (const [iso, faded, selected] of m) {
        assert.equal(faded, !lac.has(iso), `${what}: ${iso} faded`);
        assert.equal(selected, iso === "BRA", `${what}: ${iso} selected`);
      }
      assert.equal(m.filter(([iso]) => iso === "BRA").length, 6, `${what}: Brazil in all six charts`);
    });
  };
  await check("at open");
  await page.locator("#toggle-pct").click();
  await page.waitForFunction(() => document.querySelector("#toggle-pct").getAttribute("aria-pressed") === "true");
  await check("percentile ranks");
  await page.locator("#toggle-income").click();
  await page.waitForFunction(() => document.querySelector("#toggle-income").getAttribute("aria-pressed") === "true");
  await check("grouped by income");
  await context.close();
});

test("a shared link opens the step it shows (the step has one source of truth)", async () => {
  const { page, context } = await open(env.browser, env.base + "#day-10");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const active = () => page.evaluate(() => document.querySelector("#timeline li.step.active")?.id);
  await eventually(async () => assert.equal(await active(), "day-10"));
  // Two steps on, with the step buttons.
  await page.locator("#step-next").click();
  await eventually(async () => assert.equal(await active(), "day-11"));
  await page.locator("#step-next").click();
  await eventually(async () => assert.equal(await active(), "day-12"));
  await eventually(async () => {
    const [search, hash] = await page.evaluate(() => [location.search, location.hash]);
    assert.match(search, /step=day-12/);
    assert.equal(hash, "");
  });
  // The address bar is the link (the "Copy link" button sits in the vote section: reaching it,
  // the reader leaves the story, and its link then opens at the map: story.test.mjs).
  const copied = page.url();
  assert.match(copied, /step=day-12/);
  assert.doesNotMatch(copied, /#day-10/);
  const fresh = await open(env.browser, copied);
  await eventually(async () => assert.equal(await fresh.page.evaluate(() => document.querySelector("#timeline li.step.active")?.id), "day-12"));
  await fresh.context.close();
  // An anchor still works when opened.
  const anchored = await open(env.browser, env.base + "#day-7");
  await eventually(async () => assert.equal(await anchored.page.evaluate(() => document.querySelector("#timeline li.step.active")?.id), "day-7"));
  await anchored.context.close();
  await context.close();
});

test("on a phone, a tapped map country shows the card, and a chart tooltip closes on scroll and on a tap outside", async () => {
  // Reduced motion: instant scrolling, so that a tap never lands during a smooth scroll.
  const { page, context } = await open(env.browser, env.base, { viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true, reducedMotion: "reduce" });
  const tip = page.locator("#tooltip");
  const brazil = page.locator('svg.vote-map [data-iso3="BRA"]');
  await brazil.scrollIntoViewIfNeeded();
  await brazil.tap();
  await eventually(async () => assert.match(await page.locator("#selected-card").textContent(), /Brazil/));
  assert.equal(await tip.isVisible(), false, "no floating tooltip for a tapped map country");
  const dot = await dotOf(page, "va", "FRA");
  // A finger on the dot's centre.
  const tapDot = async () => {
    await dot.scrollIntoViewIfNeeded();
    await settle(page); // the scroll's own events are delivered before the finger lands
    const b = await dot.boundingBox();
    await page.touchscreen.tap(b.x + b.width / 2, b.y + b.height / 2);
  };
  await tapDot();
  await tip.waitFor({ state: "visible" });
  assert.match(await tip.textContent(), /France/);
  await page.evaluate(() => window.scrollBy(0, 600));
  await tip.waitFor({ state: "hidden" });
  await tapDot();
  await tip.waitFor({ state: "visible" });
  // A tap on the page's margin, away from any country.
  await page.touchscreen.tap(3, 400);
  await tip.waitFor({ state: "hidden" });
  await context.close();
});

test("the CSV download starts with its header; its vintages are in the file name and the note", async () => {
  const { page, context } = await open(env.browser, env.base);
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#download-csv").click()]);
  const lines = readFileSync(await download.path(), "utf8").split(/\r?\n/).filter(Boolean);
  assert.match(lines[0], /^country,/);
  assert.ok(lines.every((l) => !l.startsWith("#")), "no comment line");
  const header = lines[0].split(",");
  for (const col of ["wb_region_2016", "income_group_fy2013", "wgi2011_va_estimate", "status_conflict"]) assert.ok(header.includes(col), col);
  assert.equal(lines.length, 1 + data.countries.length);
  const name = download.suggestedFilename();
  assert.match(name, /wgi2011/);
  assert.match(name, /fy2013/);
  const note = await page.locator("#csv-note").textContent();
  for (const part of ["2014 Update", "FY2013", "2016"]) assert.ok(note.includes(part), part);
  await context.close();
});
