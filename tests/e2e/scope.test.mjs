// Every sentence stays true under a filter, and the map tells inferred statuses from confirmed
// ones: the table's heading, the section's finding and the breakdowns follow the filters; a
// figure about the whole census says so.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, open, loadData, eventually } from "./helpers.mjs";

let env, data;
before(async () => { env = await setup(); data = loadData(); });
after(async () => env.done());

test("under region=ssa the heading, the finding and the statistics name the 35, not the 144", async () => {
  const { page, errors } = await open(env.browser, env.base + "?v=1&region=ssa");
  const ssa = data.countries.filter((c) => c.region === "Sub-Saharan Africa");
  assert.equal(ssa.length, 35);
  await eventually(async () => assert.equal(await page.locator("#table-h").textContent(), `${ssa.length} of 144 countries shown`));
  await eventually(async () => assert.match(await page.locator("#gov-takeaway").textContent(), /^Within Sub-Saharan Africa \(35 states\), /));
  // The finding's leader is the ranking's first row.
  const label = { va: "Voice and Accountability", pv: "Political Stability", ge: "Government Effectiveness", rq: "Regulatory Quality", rl: "Rule of Law", cc: "Control of Corruption" };
  const first = label[await page.locator("#ranking .rank-row").first().getAttribute("data-ind")];
  assert.match(await page.locator("#gov-takeaway").textContent(), new RegExp(`; (${first} separates the groups most|the gap is largest on ${first})\\. With 5 non-signatories, (none|\\d of the 6)`));
  // No sentence of the parts that follow the filters speaks of all 144 unless it says it is about
  // the whole census.
  const text = await page.evaluate(() => ["#vote-app", "#table", "#gov-takeaway", "#stats-scope", ".ranking"]
    .map((s) => document.querySelector(s).innerText).join("\n"));
  const sentences = text.split(/(?<=[.!?])\s+|\n/).filter((s) => /\b(all|these) 144\b/i.test(s));
  for (const s of sentences) assert.match(s, /whatever the filters|^Of all 144:|^Counts follow the filters/, s);
  assert.deepEqual(errors, []);
});

test("a filter leaves out the breakdown groups it empties", async () => {
  const { page } = await open(env.browser, env.base + "?v=1&region=eca");
  // What is drawn (a hidden attribute that CSS overrode would still draw the group).
  const drawn = (list) => page.locator(`#${list} li`).evaluateAll((ls) => ls.filter((l) => l.getClientRects().length).map((l) => [l.dataset.slug, l.querySelector(".n-signed").textContent, l.querySelector(".n-declined").textContent]));
  await eventually(async () => assert.deepEqual((await drawn("by-region")).map(([slug]) => slug), ["eca"]));
  const income = await drawn("by-income");
  assert.ok(income.length >= 2, JSON.stringify(income));
  for (const [slug, s, d] of income) assert.ok(Number(s) + Number(d) > 0, `${slug}: ${s} signed, ${d} did not`);
});

test("an inferred status is drawn muted, unlike a confirmed one, with a legend entry", async () => {
  const { page } = await open(env.browser, env.base);
  const fill = (iso) => page.locator(`svg.vote-map [data-iso3="${iso}"]`).evaluate((f) => getComputedStyle(f.matches("g") ? f.querySelector(".dot") : f).fill);
  const graded = (status, inferred) => data.countries.filter((c) => c.status === status && /^[CD]/.test(c.grade) === inferred).map((c) => c.iso3);
  for (const status of ["signed", "declined"]) {
    const [inf, conf] = [graded(status, true), graded(status, false)];
    assert.ok(inf.length && conf.length, status);
    const infFills = new Set(await Promise.all(inf.map(fill)));
    const confFills = new Set(await Promise.all(conf.map(fill)));
    assert.equal(infFills.size, 1, `${status}: one fill for the inferred`);
    assert.equal(confFills.size, 1, `${status}: one fill for the confirmed`);
    assert.notDeepEqual([...infFills], [...confFills], status);
  }
  const inferredCount = data.countries.filter((c) => /^[CD]/.test(c.grade)).length;
  assert.match(await page.locator(".legend .inf-key").textContent(), new RegExp(`^Muted: inferred, not confirmed \\(${inferredCount}\\)$`));
});
