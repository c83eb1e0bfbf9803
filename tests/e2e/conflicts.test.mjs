// Where sources disagree about a status (src/data/status_conflicts.csv), the country carries a
// "sources disagree" mark wherever its status shows; countries without a conflict do not.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { setup, open, ROOT } from "./helpers.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env.done(); });

// The five, read from the data file (not from the app).
const conflicted = readFileSync(join(ROOT, "src/data/status_conflicts.csv"), "utf8").split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.slice(0, 3));

test("the table marks exactly the five conflicted statuses, and the note opens by keyboard without selecting", async () => {
  assert.equal(conflicted.length, 5);
  const { page, context, errors } = await open(env.browser, env.base);
  const marked = await page.locator('#table tbody tr:has(button.conflict)').evaluateAll((rows) => rows.map((r) => r.id.slice(4)).sort());
  assert.deepEqual(marked, [...conflicted].sort());
  assert.equal(await page.locator('#row-KEN button.conflict').count(), 0);
  const chip = page.locator('#row-EGY button.conflict');
  assert.equal(await chip.getAttribute("aria-expanded"), "false");
  // A table row's note is made when its chip is first opened.
  assert.equal(await chip.getAttribute("aria-controls"), null);
  await chip.focus();
  await page.keyboard.press("Enter");
  const note = page.locator(`#${await chip.getAttribute("aria-controls")}`);
  await note.waitFor({ state: "visible" });
  assert.equal(await chip.getAttribute("aria-expanded"), "true");
  assert.match(await note.textContent(), /Egypt/);
  assert.equal(await page.locator("#row-EGY").evaluate((r) => r.classList.contains("selected")), false);
  await chip.click();
  await note.waitFor({ state: "hidden" });
  assert.deepEqual(errors, []);
  await context.close();
});

test("the map tooltip and the selected-country card carry the mark for Egypt, not for Kenya", async () => {
  // Reduced motion: instant scrolling (a tooltip closes while the page scrolls).
  const { page, context } = await open(env.browser, env.base, { reducedMotion: "reduce" });
  await page.locator('svg.vote-map [data-iso3="EGY"]').hover();
  await page.locator("#tooltip").waitFor({ state: "visible" });
  assert.match(await page.locator("#tooltip").textContent(), /Sources disagree/);
  await page.locator('svg.vote-map [data-iso3="KEN"]').hover();
  await page.waitForFunction(() => /Kenya/.test(document.querySelector("#tooltip").textContent));
  assert.doesNotMatch(await page.locator("#tooltip").textContent(), /Sources disagree/);
  await page.locator("#row-EGY .linkish").click();
  await page.locator('#selected-card button.conflict').waitFor();
  await page.locator("#row-KEN .linkish").click();
  await page.waitForFunction(() => /Kenya/.test(document.querySelector("#selected-card").textContent));
  assert.equal(await page.locator('#selected-card button.conflict').count(), 0);
  await context.close();
});

test("the method section lists the five and the governance section states the flipped result", async () => {
  const { page, context } = await open(env.browser, env.base);
  assert.equal(await page.locator("#conflict-list li").count(), 5);
  await page.locator("#conflict-sensitivity").waitFor();
  assert.match(await page.locator("#conflict-sensitivity").textContent(), /0\.86/);
  await context.close();
});
