// Issue 14: statistics a lay reader can trust. A search finds countries but never changes the
// statistics; filters define the subset the statistics describe, named with its counts; an empty
// group says so; the test details are one click away, closed by default; chart text is at least
// 12 px as rendered on a phone. Expected counts come from src/data (loadData), not from the app.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, open, loadData, eventually } from "./helpers.mjs";

const data = loadData();
let env;
before(async () => { env = await setup(); });
after(async () => { await env.done(); });

/** What the governance section says: scope line, the six sentences and the ranking. */
const said = (page) => page.evaluate(() => ({
  scope: document.querySelector("#stats-scope").textContent,
  sentences: [...document.querySelectorAll("figure.chart .stat-sentence")].map((p) => p.textContent),
  details: [...document.querySelectorAll("figure.chart .stat-details")].map((d) => d.textContent),
  ranking: document.querySelector("#ranking").textContent,
}));

test("a search finds countries but leaves all six statistics and the ranking intact", async () => {
  const { page: plain, context: c1 } = await open(env.browser, env.base);
  const before = await said(plain);
  await c1.close();
  assert.equal(before.sentences.length, 6);
  assert.ok(before.sentences.every((s) => /in \d+ (in|of) \d+|\d+%/.test(s)), before.sentences.join("\n"));
  const { page, context, errors } = await open(env.browser, env.base + "?v=1&q=fra");
  // The table narrows (France and others) ...
  await eventually(async () => assert.ok((await page.locator("#table tbody tr:not([hidden])").count()) < 20));
  // ... but every number in the section is the same, and the scope line says why.
  const after = await said(page);
  assert.deepEqual(after.sentences, before.sentences);
  assert.deepEqual(after.details, before.details);
  assert.equal(after.ranking, before.ranking);
  assert.match(after.scope, /never changes the statistics/);
  assert.doesNotMatch(after.sentences.join(" "), /too few|n\/a/i);
  assert.deepEqual(errors, []);
  await context.close();
});

test("typing a search does not recompute the statistics (their nodes are left alone); a filter does", async () => {
  const { page, context, errors } = await open(env.browser, env.base);
  // Every change to the statistics' text and lists, from now on.
  await page.evaluate(() => {
    window.__statMutations = 0;
    const mo = new MutationObserver((list) => { window.__statMutations += list.length; });
    for (const el of document.querySelectorAll("figure.chart .stat-sentence, figure.chart .stat-details, #ranking")) mo.observe(el, { childList: true, characterData: true, subtree: true, attributes: true });
  });
  const idle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestIdleCallback(() => requestIdleCallback(r)))));
  await page.locator("#search").pressSequentially("fra");
  await eventually(async () => assert.match(await page.locator("#stats-scope").textContent(), /never changes the statistics/));
  await page.locator("#search").press("Backspace");
  await page.locator("#search").fill("");
  await eventually(async () => assert.doesNotMatch(await page.locator("#stats-scope").textContent(), /never changes/));
  await idle();
  assert.equal(await page.evaluate(() => window.__statMutations), 0, "a search touched the statistics");
  // The observer sees a change that does change them.
  await page.selectOption("#f-region", { index: 2 });
  await eventually(async () => assert.ok(await page.evaluate(() => window.__statMutations) > 0));
  assert.deepEqual(errors, []);
  await context.close();
});

test("only non-signatories selected: the page says there is nothing to compare", async () => {
  const { page, context, errors } = await open(env.browser, env.base + "?v=1&status=declined");
  await eventually(async () => {
    const s = await said(page);
    for (const x of s.sentences) assert.match(x, /nothing to compare/, x);
    assert.match(s.ranking, /nothing to compare/);
  });
  assert.equal(await page.locator("figure.chart .stat-details:not([hidden])").count(), 0, "no test details without a test");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a region filter names the subset and its counts", async () => {
  const ssa = data.countries.filter((c) => c.region === "Sub-Saharan Africa");
  const s = ssa.filter((c) => c.status === "signed").length, d = ssa.length - s;
  const { page, context } = await open(env.browser, env.base + "?v=1&region=ssa");
  await eventually(async () => assert.match(await page.locator("#stats-scope").textContent(), new RegExp(`Sub-Saharan Africa: ${s} signed, ${d} did not`)));
  // The filter is applied after the page paints; the sentences follow.
  await eventually(async () => assert.notDeepEqual((await said(page)).sentences, []));
  await context.close();
});

test("statistical details are closed by default and open on demand", async () => {
  const { page, context } = await open(env.browser, env.base);
  const details = page.locator('figure.chart[data-ind="va"] .stat-details');
  assert.equal(await details.evaluate((d) => d.open), false);
  assert.equal(await details.locator("li").first().isVisible(), false);
  await details.locator("summary").click();
  await details.locator("li").first().waitFor({ state: "visible" });
  assert.match(await details.textContent(), /census|whole population/i);
  await context.close();
});

test("chart and ranking text is at least 12 px as rendered on a 375 px phone", async () => {
  const { page, context } = await open(env.browser, env.base, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  await page.locator("#governance").scrollIntoViewIfNeeded();
  const small = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll("#governance text, #governance figure.chart p, #governance .rank-plot *")) {
      if (!el.getClientRects().length || !el.textContent.trim()) continue;
      // Rendered size: the font size times the element's scale on screen (SVG text scales with the viewBox).
      let px = parseFloat(getComputedStyle(el).fontSize);
      const svg = el.ownerSVGElement;
      if (svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width) px *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      if (px < 11.95) out.push(`${el.tagName}.${el.getAttribute("class") || ""} "${el.textContent.trim().slice(0, 20)}" ${px.toFixed(1)}px`);
    }
    return out;
  });
  assert.deepEqual(small, []);
  await context.close();
});
