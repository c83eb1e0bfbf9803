// The scrollytelling timeline: active step follows scrolling, the sticky graphic follows the step,
// prev/next and #day-N links work, reduced motion, and the mobile layout does not overlap.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, open, settle } from "./helpers.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => env.done());

const active = (page) => page.locator('li.step.active').getAttribute("id");
const onDays = (page) => page.locator('ol.calendar li.on').evaluateAll((els) => els.map((e) => Number(e.dataset.day)));
const named = (page) => page.locator('svg.story-map .feat.named').evaluateAll((els) => els.map((e) => e.dataset.iso3).sort());

async function scrollToStep(page, id) {
  await page.evaluate((id) => {
    const el = document.getElementById(id);
    window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY - window.innerHeight * 0.35, behavior: "instant" });
  }, id);
  await page.waitForFunction((id) => document.querySelector('li.step.active')?.id === id, id, { timeout: 5000 });
  await settle(page);
}

test("scrolling activates each step in order and drives the graphic", async () => {
  const { page, errors } = await open(env.browser, env.base, { reducedMotion: "reduce" });
  const ids = await page.locator("li.step").evaluateAll((els) => els.map((e) => e.id));
  assert.deepEqual(ids, ["day-1", "days-1-5", "day-5", "day-7", "day-8", "day-10", "day-11", "day-12"]);
  for (const id of ids) {
    await scrollToStep(page, id);
    assert.equal(await active(page), id);
    assert.match(page.url(), new RegExp(`step=${id}(&|$)`));
  }
  // Back up, slowly, step by step.
  for (const id of [...ids].reverse().slice(1)) {
    await scrollToStep(page, id);
    assert.equal(await active(page), id);
  }
  assert.deepEqual(errors, []);
});

test("the graphic shows the step's days and countries", async () => {
  const { page } = await open(env.browser, env.base, { reducedMotion: "reduce" });
  await scrollToStep(page, "day-5");
  assert.deepEqual(await onDays(page), [5]);
  assert.deepEqual(await named(page), ["ARE", "CHN", "DZA", "EGY", "RUS", "SAU", "SDN"]);
  assert.match(await page.locator("ul.chips").textContent(), /Russian Federation/);
  await scrollToStep(page, "day-10");
  assert.deepEqual(await onDays(page), [10]);
  assert.deepEqual(await named(page), ["ESP", "GBR"]);
  await scrollToStep(page, "day-11");
  const d11 = await named(page);
  for (const iso of ["IRN", "MEX", "CAN", "KEN", "NGA"]) assert.ok(d11.includes(iso), iso);
  await scrollToStep(page, "day-12");
  assert.deepEqual(await onDays(page), [12]);
  assert.equal(await page.locator('svg.story-map .feat.signed').count(), 89);
  assert.equal(await page.locator('svg.story-map .feat.declined').count(), 55);
  await scrollToStep(page, "day-8");
  assert.deepEqual(await onDays(page), [8, 9]);
  // Where sources disagree, the step says so.
  assert.match(await page.locator("#day-8 .disagree").textContent(), /Dourado/);
  assert.match(await page.locator("#day-11 .disagree").textContent(), /8 .*or 6/);
});

test("previous/next buttons move between steps", async () => {
  const { page, errors } = await open(env.browser, env.base, { reducedMotion: "reduce" });
  await scrollToStep(page, "day-5");
  await page.locator("#step-next").click();
  await page.waitForFunction(() => document.querySelector('li.step.active')?.id === "day-7");
  assert.equal(await page.locator("#step-pos").textContent(), "Step 4 of 8");
  await page.locator("#step-prev").click();
  await page.waitForFunction(() => document.querySelector('li.step.active')?.id === "day-5");
  // The step is visible after the jump.
  const inView = await page.locator("#day-5").evaluate((el) => { const r = el.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; });
  assert.ok(inView);
  assert.deepEqual(errors, []);
});

test("#day-N links and shared step= links open on that step", async () => {
  const { page, errors } = await open(env.browser, env.base + "#day-10", { reducedMotion: "reduce" });
  await page.waitForFunction(() => document.querySelector('li.step.active')?.id === "day-10");
  const top = await page.locator("#day-10").evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(top < 900 && top > -400, `step in view (top ${top})`);
  const shared = await open(env.browser, env.base + "?v=1&step=day-11", { reducedMotion: "reduce" });
  await shared.page.waitForFunction(() => document.querySelector('li.step.active')?.id === "day-11");
  assert.deepEqual([...errors, ...shared.errors], []);
});

test("reduced motion: no transitions; the toggle defaults to the OS and can be changed", async () => {
  const reduced = await open(env.browser, env.base, { reducedMotion: "reduce" });
  const dur = (p) => p.locator('ol.calendar li').first().evaluate((el) => getComputedStyle(el).transitionDuration);
  assert.equal(await dur(reduced.page), "0s");
  assert.equal(await reduced.page.locator("#motion-toggle").getAttribute("aria-pressed"), "true");
  const normal = await open(env.browser, env.base);
  assert.notEqual(await dur(normal.page), "0s");
  assert.equal(await normal.page.locator("#motion-toggle").getAttribute("aria-pressed"), "false");
  await normal.page.locator("#motion-toggle").click();
  assert.equal(await dur(normal.page), "0s");
});

test("at 375 px the sticky graphic and the active step do not overlap", async () => {
  const { page, errors } = await open(env.browser, env.base, { viewport: { width: 375, height: 812 }, reducedMotion: "reduce", isMobile: true, hasTouch: true });
  for (const id of ["day-1", "day-5", "day-11"]) {
    // Read as a thumb would: bring the step's top to the middle of the screen.
    await page.evaluate((id) => { const el = document.getElementById(id); window.scrollTo({ top: el.getBoundingClientRect().top + scrollY - innerHeight * 0.5, behavior: "instant" }); }, id);
    await page.waitForFunction((id) => document.querySelector('li.step.active')?.id === id, id, { timeout: 5000 });
    await settle(page);
    const g = await page.locator(".scrolly .graphic").boundingBox();
    const s = await page.locator(`#${id}`).boundingBox();
    // The graphic sits above the steps; the active step's heading is readable below it.
    const h = await page.locator(`#${id} h4`).boundingBox();
    assert.ok(g.width <= 375 && s.width <= 375, "fits the width");
    assert.ok(h.y >= g.y + g.height - 1 || h.y + h.height <= g.y, `${id}: heading (y ${h.y}) clear of graphic (${g.y}–${g.y + g.height})`);
  }
  // "Next step" lands the next step's heading just below the graphic.
  await page.locator("#step-next").click();
  await page.waitForFunction(() => document.querySelector('li.step.active')?.id === "day-12");
  const g = await page.locator(".scrolly .graphic").boundingBox();
  const h = await page.locator("#day-12 h4").boundingBox();
  assert.ok(h.y >= g.y + g.height - 1 && h.y + h.height < 812, `heading at ${h.y}, graphic ends ${g.y + g.height}`);
  assert.deepEqual(errors, []);
});

test("after resizing across the breakpoint, scrolling still activates the right step", async () => {
  const { page, errors } = await open(env.browser, env.base, { reducedMotion: "reduce" });
  await scrollToStep(page, "day-5");
  await page.setViewportSize({ width: 375, height: 700 });
  await settle(page);
  for (const id of ["day-7", "day-8", "day-1"]) {
    // Step top just below the stacked graphic, as "Next step" places it.
    await page.evaluate((id) => {
      const g = document.querySelector(".scrolly .sticky").getBoundingClientRect().height;
      const el = document.getElementById(id);
      window.scrollTo({ top: el.getBoundingClientRect().top + scrollY - g - 16, behavior: "instant" });
    }, id);
    await page.waitForFunction((id) => document.querySelector('li.step.active')?.id === id, id, { timeout: 5000 });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await scrollToStep(page, "day-11");
  assert.equal(await active(page), "day-11");
  assert.deepEqual(errors, []);
});

test("with motion allowed, Next scrolls smoothly and never flashes back to the step being left", async () => {
  const { page, errors } = await open(env.browser, env.base);
  await page.evaluate(() => {
    const el = document.getElementById("day-5");
    window.scrollTo({ top: el.getBoundingClientRect().top + scrollY - innerHeight * 0.35, behavior: "instant" });
  });
  await page.waitForFunction(() => document.querySelector('li.step.active')?.id === "day-5");
  await page.evaluate(() => {
    window.__seen = [];
    new MutationObserver(() => window.__seen.push(document.querySelector('li.step.active')?.id))
      .observe(document.querySelector(".steps"), { attributes: true, subtree: true, attributeFilter: ["class"] });
  });
  await page.locator("#step-next").click();
  // Until the smooth scroll has ended (the page still for ten frames) on the chosen step.
  await page.waitForFunction(() => document.querySelector("li.step.active")?.id === "day-7");
  await page.evaluate(() => new Promise((done) => {
    let last = -1;
    let still = 0;
    const tick = () => {
      if (scrollY === last) still++; else { still = 0; last = scrollY; }
      if (still > 10) done(); else requestAnimationFrame(tick);
    };
    tick();
  }));
  const seen = await page.evaluate(() => window.__seen.filter(Boolean));
  assert.equal(seen.at(-1), "day-7");
  assert.ok(!seen.slice(seen.indexOf("day-7")).includes("day-5"), `sequence ${seen.join(" → ")}`);
  assert.deepEqual(errors, []);
});
