// Governance charts: six charts with a dot per country, tooltips with value and interval,
// selection across all charts and the URL, statistics following the filters, options.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, open, loadData, settle, dotOf, eventually } from "./helpers.mjs";

let env, data;
before(async () => { env = await setup(); data = loadData(); });
after(async () => env.done());

const IND = ["va", "pv", "ge", "rq", "rl", "cc"];
const chart = (page, ind) => page.locator(`figure.chart[data-ind="${ind}"]`);

test("six charts, one dot per country with a value", async () => {
  const { page, errors } = await open(env.browser, env.base);
  assert.equal(await page.locator("figure.chart").count(), 6);
  for (const ind of IND) {
    const withValue = data.countries.filter((c) => c.wgi[ind] != null).length;
    assert.equal(await chart(page, ind).locator(".dots circle").count(), withValue, ind);
    const svg = chart(page, ind).locator("svg");
    assert.equal(await svg.getAttribute("role"), "img");
    assert.match(await svg.getAttribute("aria-label"), /pairs of one signatory and one non-signatory/);
  }
  assert.match(await chart(page, "va").locator(".stat-sentence").textContent(), /Non-signatories tend to score higher on Voice and Accountability: in 89% of pairs/);
  // Difference of medians from the data: median(declined) − median(signed).
  const med = (a) => { const s = [...a].sort((x, y) => x - y); const h = (s.length - 1) / 2; return (s[Math.floor(h)] + s[Math.ceil(h)]) / 2; };
  const diff = med(data.countries.filter((c) => c.status === "declined").map((c) => c.wgi.va)) - med(data.countries.filter((c) => c.status === "signed").map((c) => c.wgi.va));
  assert.match(await chart(page, "va").locator(".stat-details").textContent(), new RegExp(`Difference of medians \\+${diff.toFixed(2)}`));
  assert.deepEqual(errors, []);
});

test("hovering a dot shows its country, value and 95% interval; no other interval level is on the page", async () => {
  const { page, errors } = await open(env.browser, env.base);
  const dot = (await dotOf(page, "va", "SWE"));
  await dot.scrollIntoViewIfNeeded();
  await dot.hover({ force: true });
  const tip = page.locator("#tooltip");
  await tip.waitFor({ state: "visible" });
  const text = await tip.textContent();
  assert.match(text, /Sweden/);
  const swe = data.countries.find((c) => c.iso3 === "SWE").wgi.va;
  const shown = `${swe >= 0 ? "+" : "−"}${Math.abs(swe).toFixed(2)}`;
  assert.ok(text.includes(`Voice and Accountability 2011: ${shown}`), text);
  assert.match(text, /95% interval/);
  // One interval level outside the sources' method note (which says why the WGI's 90% bounds
  // of the percentile ranks are not shown).
  const other = await page.evaluate(() => [...document.querySelectorAll("main > section:not(#sources)")].map((s) => s.textContent).join(" "));
  assert.doesNotMatch(other, /\b90 ?% (interval|bound|confidence)/);
  assert.deepEqual(errors, []);
});

test("selecting a dot highlights the country in all charts, the table and the URL", async () => {
  const { page, errors } = await open(env.browser, env.base);
  const dot = (await dotOf(page, "cc", "CHN"));
  await dot.scrollIntoViewIfNeeded();
  // The governance section is laid out when it nears the viewport (content-visibility): let the
  // layout settle before clicking where the dot is.
  await settle(page);
  await dot.click({ force: true });
  await eventually(async () => assert.match(page.url(), /sel=CHN/));
  for (const ind of IND) {
    assert.match(await (await dotOf(page, ind, "CHN")).getAttribute("class"), /selected/, ind);
    assert.equal(await chart(page, ind).locator(".interval").count(), 1, `interval drawn in ${ind}`);
  }
  assert.ok(await page.locator('#row-CHN').evaluate((r) => r.classList.contains("selected")));
  assert.deepEqual(errors, []);
});

test("a filter fades dots and changes the statistics, and says so", async () => {
  const { page, errors } = await open(env.browser, env.base);
  const line = chart(page, "va").locator(".stat-sentence");
  const before = await line.textContent();
  await page.locator("#f-region").selectOption("lac");
  await eventually(async () => assert.notEqual(await line.textContent(), before));
  const lac = data.countries.filter((c) => c.region === "Latin America & Caribbean");
  const nd0 = lac.filter((c) => c.status === "declined").length, ns0 = lac.length - nd0;
  assert.match(await page.locator("#stats-scope").textContent(), new RegExp(`Within Latin America & Caribbean: ${ns0} signed, ${nd0} did not`));
  assert.match(await (await dotOf(page, "va", "FRA")).getAttribute("class"), /faded/);
  assert.doesNotMatch(await (await dotOf(page, "va", "BRA")).getAttribute("class"), /faded/);
  // Four non-signatories against 18 signatories: too few for a test, and the page says so.
  const sentence = await chart(page, "va").locator(".stat-sentence").textContent();
  assert.match(sentence, new RegExp(`Only ${nd0} non-signatories against ${ns0} signatories.*without a test`));
  assert.deepEqual(errors, []);
});

test("percentile ranks and income grouping switch the charts and the URL", async () => {
  const { page, errors } = await open(env.browser, env.base);
  await page.locator("#toggle-pct").click();
  await settle(page);
  await eventually(async () => assert.match(page.url(), /measure=pct/));
  assert.match(await chart(page, "va").locator(".axis").textContent(), /100/);
  await page.locator("#toggle-income").click();
  await settle(page);
  await eventually(async () => assert.match(page.url(), /group=income/));
  assert.equal(await chart(page, "va").locator(".row-label").count(), 4);
  assert.equal(await page.locator("#ranking .rank-row").count(), 6);
  assert.deepEqual(errors, []);
});

test("a few well-known countries are labelled on each chart (on a wide screen)", async () => {
  const { page, context } = await open(env.browser, env.base, { viewport: { width: 1440, height: 900 } });
  const va = chart(page, "va");
  await va.scrollIntoViewIfNeeded();
  const names = await va.locator(".labels text").allTextContents();
  assert.deepEqual([...names].sort(), ["China", "India", "Russia", "United States"]);
  // Each label sits over its own dot (same x as the country's dot).
  const usDot = await dotOf(page, "va", "USA");
  const [dx, lx] = await Promise.all([usDot.getAttribute("cx"), va.locator(".labels text", { hasText: "United States" }).getAttribute("x")]);
  assert.equal(lx, dx);
  assert.equal(await va.locator(".labels text").first().isVisible(), true);
  await context.close();
});

test("each group's label names its median, and the value follows the filters", async () => {
  const { page, errors } = await open(env.browser, env.base);
  const medians = () => chart(page, "va").locator(".row-label .med").allTextContents();
  // The medians of the 144 from src/data (WGI 2011 Voice and Accountability estimates).
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
  const fmt = (v) => (v >= 0.005 ? "+" : "−") + Math.abs(v).toFixed(2);
  const va = (rows, status) => rows.filter((c) => c.status === status && c.wgi.va != null).map((c) => c.wgi.va);
  const all = data.countries;
  assert.deepEqual(await medians(), [` · median ${fmt(median(va(all, "signed")))}`, ` · median ${fmt(median(va(all, "declined")))}`]);
  await page.selectOption("#f-region", { label: "Latin America & Caribbean" });
  const latam = all.filter((c) => c.region === "Latin America & Caribbean");
  await eventually(async () => assert.deepEqual(await medians(), [` · median ${fmt(median(va(latam, "signed")))}`, ` · median ${fmt(median(va(latam, "declined")))}`]));
  assert.deepEqual(errors, []);
});

for (const width of [1440, 375]) {
  test(`chart labels (${width} px): none overlaps another, a faded country loses its label, the selected one is named on every chart`, async () => {
    const { page, errors } = await open(env.browser, env.base + "?v=1&region=eca&sel=KAZ", { viewport: { width, height: 900 } });
    await page.locator("figure.chart").first().scrollIntoViewIfNeeded();
    const boxes = () => page.locator("figure.chart").evaluateAll((figs) => figs.map((f) => [f.dataset.ind, [...f.querySelectorAll(".labels text, .dot-label")]
      .filter((t) => t.getClientRects().length && getComputedStyle(t).display !== "none")
      .map((t) => { const b = t.getBoundingClientRect(); return { name: t.textContent, l: b.left, r: b.right, t: b.top, b: b.bottom }; })]));
    await eventually(async () => {
      for (const [ind, labels] of await boxes()) {
        const names = labels.map((l) => l.name);
        // Kazakhstan (selected, in Europe & Central Asia) is named; the United States, China and
        // India, faded by the filter, are not; on a phone only the selected country is.
        assert.ok(names.includes("Kazakhstan"), `${ind}: ${names}`);
        if (width < 600) assert.deepEqual(names, ["Kazakhstan"], ind);
        for (const gone of ["United States", "China", "India"]) assert.ok(!names.includes(gone), `${ind}: ${gone} in ${names}`);
        for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
          const [a, b] = [labels[i], labels[j]];
          const overlap = a.l < b.r - 1 && b.l < a.r - 1 && a.t < b.b - 1 && b.t < a.b - 1;
          assert.ok(!overlap, `${ind}: ${a.name} overlaps ${b.name}`);
        }
      }
    });
    assert.deepEqual(errors, []);
  });
}

test("Voice and Accountability leads across the width; the other five are small multiples on one axis; the ranking follows them", async () => {
  const { page, errors } = await open(env.browser, env.base, { viewport: { width: 1440, height: 900 } });
  const box = async (ind) => (await chart(page, ind).boundingBox());
  const va = await box("va");
  const small = await Promise.all(IND.slice(1).map(box));
  for (const b of small) assert.ok(b.width < va.width / 2.5 && b.y > va.y + va.height - 1, JSON.stringify([va, b]));
  assert.equal(new Set(small.slice(0, 3).map((b) => Math.round(b.y))).size, 1, "three to a row");
  // The same axis: the tick labels read the same on every chart.
  const ticks = await page.locator("figure.chart .axis text").evaluateAll((ts) => ts.map((t) => [t.closest("figure").dataset.ind, t.textContent]));
  const of = (ind) => ticks.filter(([i]) => i === ind).map(([, t]) => t).join(" ");
  for (const ind of IND) assert.equal(of(ind), of("va"), ind);
  const ranking = await page.locator(".ranking").boundingBox();
  assert.ok(ranking.y > Math.max(...small.map((b) => b.y)), "the ranking after the charts");
  assert.deepEqual(errors, []);
});
