// The scrollytelling timeline: active step follows scrolling, the sticky graphic follows the step,
// prev/next and #day-N links work, reduced motion, and the mobile layout does not overlap.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { setup, open, settle, eventually, loadData, ROOT } from "./helpers.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => env.done());

const active = (page) => page.locator('li.step.active').getAttribute("id");
// Days the calendar marks: drawn in the text colour (the step's state, see model::story).
const onDays = (page) => page.locator("ol.calendar li").evaluateAll((els) => {
  const ink = getComputedStyle(document.body).color;
  return els.map((e, i) => [e, i + 1]).filter(([e]) => getComputedStyle(e).backgroundColor === ink).map(([, day]) => day);
});
// The countries the small map draws in a colour of the step's own (not the quiet grey).
const named = (page) => page.locator("svg.story-map .feat").evaluateAll((els) => {
  const quiet = getComputedStyle(els[0].closest("svg")).getPropertyValue("--notlisted").trim();
  return els.filter((e) => getComputedStyle(e).getPropertyValue("--f").trim() !== quiet).map((e) => e.dataset.iso3).sort();
});

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
    await eventually(async () => assert.match(page.url(), new RegExp(`step=${id}(&|$)`)));
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
  assert.match(await visibleText(page, ".labels"), /Russian Federation/);
  await scrollToStep(page, "day-10");
  assert.deepEqual(await onDays(page), [10]);
  assert.deepEqual(await named(page), ["ESP", "GBR"]);
  await scrollToStep(page, "day-11");
  const d11 = await named(page);
  for (const iso of ["IRN", "USA", "CAN", "KEN", "GBR"]) assert.ok(d11.includes(iso), iso);
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

test("a link carries where the reader is: the step in the story, else the map, table or charts, which it opens at", async () => {
  const { page, errors } = await open(env.browser, env.base, { reducedMotion: "reduce" });
  // Scrolled as a reader would, the element's top to the middle of the screen.
  const readAt = (sel) => page.evaluate((sel) => { const el = document.querySelector(sel); window.scrollTo({ top: el.getBoundingClientRect().top + scrollY - innerHeight * 0.45, behavior: "instant" }); }, sel);
  const query = () => new URL(page.url()).searchParams;
  // The story to its end: the last step is in the link.
  await readAt("#day-12");
  await eventually(async () => assert.equal(query().get("step"), "day-12"));
  // On to the map, and Kenya chosen there: the link opens at the map, not at step 8.
  await readAt(".vote-grid");
  await eventually(async () => assert.deepEqual([query().get("step"), query().get("at")], [null, "vote"]));
  // The graphic keeps its last step (on a phone it can still be on screen), no longer the link's.
  assert.equal(await page.locator("#story-graphic").getAttribute("data-step"), "day-12");
  await page.locator('#vote-map [data-iso3="KEN"]').first().click();
  await eventually(async () => assert.equal(query().get("sel"), "KEN"));
  const mapLink = page.url();
  // The table, filtered: the link opens at the table.
  await page.locator("#f-status").selectOption("declined");
  await readAt("#table");
  await eventually(async () => assert.equal(query().get("at"), "table"));
  const tableLink = page.url();
  await readAt("#governance");
  await eventually(async () => assert.equal(query().get("at"), "governance"));
  // The graphic's step buttons go on from the step it shows: "Previous" brings Day 11 (clicked
  // in place, as on the graphic still on a phone's screen).
  await page.evaluate(() => document.getElementById("step-prev").click());
  await eventually(async () => assert.equal(await page.evaluate(() => document.querySelector("li.step.active")?.id), "day-11"));
  // Back at the top: nowhere to open at.
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
  await eventually(async () => assert.deepEqual([query().get("step"), query().get("at")], [null, null]));
  // Each link opens there, with its view.
  const phone = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };
  for (const [link, sel, at, opts] of [[mapLink, "#vote-grid", "vote", {}], [tableLink, "#table", "table", {}],
    [mapLink, "#vote-grid", "vote", phone], [tableLink, "#table", "table", phone]]) {
    const shared = await open(env.browser, link, { reducedMotion: "reduce", ...opts });
    await eventually(async () => {
      const top = await shared.page.locator(sel).evaluate((el) => el.getBoundingClientRect().top);
      assert.ok(top >= 0 && top < 120, `${sel} at the top of the screen (top ${top})`);
    });
    assert.equal(await shared.page.locator("li.step.active").count(), 0, "no story step");
    assert.match(await shared.page.locator("#selected-card").textContent(), /Kenya/);
    assert.equal(new URL(shared.page.url()).searchParams.get("at"), at);
    assert.deepEqual(shared.errors, []);
  }
  assert.deepEqual(errors, []);
});

test("reduced motion: no transitions; the toggle defaults to the OS and can be changed", async () => {
  // Every transition of the step graphic (zoom, layers, fills, calendar) is 0 s under reduced motion.
  const durs = (p) => p.evaluate(() => [".zoom", ".layer", "ol.calendar li", "svg.story-map .feat", ".progress span"]
    .flatMap((sel) => getComputedStyle(document.querySelector(sel)).transitionDuration.split(", ").map(parseFloat)));
  const reduced = await open(env.browser, env.base, { reducedMotion: "reduce" });
  assert.ok((await durs(reduced.page)).every((d) => d === 0), String(await durs(reduced.page)));
  assert.equal(await reduced.page.locator("#motion-toggle").getAttribute("aria-pressed"), "true");
  const normal = await open(env.browser, env.base);
  // Fill and position changes animate over 300–500 ms.
  for (const d of await durs(normal.page)) assert.ok(d >= 0.3 && d <= 0.5, `duration ${d}`);
  assert.equal(await normal.page.locator("#motion-toggle").getAttribute("aria-pressed"), "false");
  // The control sits in the masthead, out of the reading flow.
  assert.equal(await normal.page.locator(".masthead #motion-toggle").count(), 1);
  // Its visible label follows its state (two build-time labels, one shown by CSS).
  assert.equal(await normal.page.locator("#motion-toggle").innerText(), "Reduce motion");
  await normal.page.locator("#motion-toggle").click();
  assert.ok((await durs(normal.page)).every((d) => d === 0));
  assert.equal(await normal.page.locator("#motion-toggle").innerText(), "Motion reduced (select to allow animation)");
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

// ---- The first screen and the step graphic's states (issue 13) ----

/** Text of the visible layers under `sel` in the step graphic (hidden layers are not shown). */
function visibleText(page, sel) {
  return page.evaluate((sel) => [...document.querySelectorAll(`#story-graphic ${sel}`)]
    .filter((e) => getComputedStyle(e).visibility === "visible" && e.getClientRects().length)
    .map((e) => e.textContent.trim()).join(" | "), sel);
}

/** What the step graphic shows: caption, zoom, fills of the map, labels, extra graphic, legend. */
function graphicState(page) {
  return page.evaluate(() => {
    const vis = (sel) => [...document.querySelectorAll(`#story-graphic ${sel}`)]
      .filter((e) => getComputedStyle(e).visibility === "visible").map((e) => e.textContent.trim()).join(" | ");
    const fills = {};
    for (const f of document.querySelectorAll("svg.story-map .feat")) {
      const c = getComputedStyle(f.matches("g") ? f.querySelector(".dot") : f).fill;
      (fills[c] ||= []).push(f.dataset.iso3);
    }
    return {
      caption: vis(".g-caption .layer"),
      zoom: getComputedStyle(document.querySelector("#story-graphic .zoom")).transform,
      mapShown: getComputedStyle(document.querySelector("#story-graphic .zoom")).opacity !== "0",
      fills: Object.values(fills).map((l) => l.sort().join(",")).sort(),
      labels: vis(".labels"),
      extra: vis(".extra"),
      below: vis(".g-below .layer"),
    };
  });
}

function tally() {
  const [head, ...rows] = readFileSync(join(ROOT, "src/data/story_tally.csv"), "utf8").trim().split("\n");
  const cols = head.split(",");
  return rows.map((r) => Object.fromEntries(r.split(",").slice(0, 4).map((v, i) => [cols[i], v])));
}

for (const [w, h] of [[1440, 900], [375, 812]]) {
  test(`at ${w}×${h} the first screen shows the outcome as a graphic with both statuses`, async () => {
    const mobile = w < 760;
    const { page, errors } = await open(env.browser, env.base, { viewport: { width: w, height: h }, isMobile: mobile, hasTouch: mobile });
    const { countries } = loadData();
    const signed = countries.filter((c) => c.status === "signed").length;
    for (const waffle of await page.locator("svg.waffle").all()) {
      const box = await waffle.boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= h && box.x + box.width <= w, JSON.stringify(box));
    }
    // Both halves of the headline charted: one waffle for the high-income states and one for the
    // rest, each with both statuses in two different colours and its counts as direct labels;
    // one square per state present and accredited.
    const high = countries.filter((c) => c.income === "High");
    const rest = countries.filter((c) => c.income !== "High");
    const split = [high, rest].map((g) => [g.filter((c) => c.status === "signed").length, g.filter((c) => c.status !== "signed").length]);
    assert.deepEqual(split[0], [11, 34]);
    const parts = await page.locator("svg.waffle path").evaluateAll((ps) => ps.map((p) => ({ cls: p.getAttribute("class"), fill: getComputedStyle(p).fill, n: (p.getAttribute("d").match(/M/g) || []).length })));
    assert.deepEqual(parts.map((p) => [p.cls, p.n]), split.flatMap(([s, d]) => [["w-signed", s], ["w-declined", d]]));
    assert.equal(split[0][0] + split[1][0], signed);
    assert.notEqual(parts[0].fill, parts[1].fill);
    const labels = await page.locator(".split").allTextContents();
    assert.match(labels[0], new RegExp(`^High income · ${high.length} states${split[0][0]} signed · ${split[0][1]} did not sign$`));
    assert.match(labels[1], new RegExp(`${split[1][0]} signed · ${split[1][1]} did not sign$`));
    // The key numbers, most important first, labelled directly and in view.
    const figs = await page.locator("#key-figures dd").allTextContents();
    assert.deepEqual(figs.slice(0, 3), [String(signed), String(countries.length - signed), String(countries.length)]);
    for (const sel of [".k-signed dd", ".k-declined dd"]) {
      const b = await page.locator(sel).boundingBox();
      assert.ok(b.y + b.height <= h, `${sel} in the first viewport`);
    }
    // Three findings, each linking to its section.
    const links = await page.locator(".findings a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.deepEqual(links, ["#vote", "#table", "#governance"]);
    await page.screenshot({ path: join(ART, `first-screen-${w}.png`) });
    assert.deepEqual(errors, []);
  });
}

const ART = join(ROOT, "tests/e2e/artifacts");
mkdirSync(ART, { recursive: true });

for (const [w, h, scheme] of [[1440, 900, "light"], [375, 812, "light"], [1440, 900, "dark"], [375, 812, "dark"]]) {
  test(`at ${w}×${h} (${scheme}) every step has a graphic state and a caption of its own`, async () => {
    const mobile = w < 760;
    const { page, errors } = await open(env.browser, env.base, { viewport: { width: w, height: h }, reducedMotion: "reduce", isMobile: mobile, hasTouch: mobile });
    await page.emulateMedia({ colorScheme: scheme });
    const ids = await page.locator("li.step").evaluateAll((els) => els.map((e) => e.id));
    let prev = null;
    const seen = [];
    for (const id of ids) {
      // Where "Next" puts a step: below the stacked graphic on a phone, a third down on a desktop.
      await page.evaluate((id) => {
        const el = document.getElementById(id);
        const off = innerWidth < 760 ? document.querySelector(".scrolly .sticky").getBoundingClientRect().height + 16 : innerHeight * 0.35;
        window.scrollTo({ top: el.getBoundingClientRect().top + scrollY - off, behavior: "instant" });
      }, id);
      await eventually(async () => assert.equal(await page.locator("#story-graphic").getAttribute("data-step"), id));
      await settle(page);
      const state = await graphicState(page);
      assert.ok(state.caption.length > 20, `${id}: caption "${state.caption}"`);
      if (prev) {
        assert.notEqual(state.caption, prev.caption, `${id}: its own caption`);
        const same = ["zoom", "fills", "labels", "extra", "below"].every((k) => JSON.stringify(state[k]) === JSON.stringify(prev[k]));
        assert.ok(!same, `${id}: the graphic differs from the previous step's`);
      }
      // The graphic is on screen with the step.
      const g = await page.locator("#story-graphic .stage").boundingBox();
      assert.ok(g.y >= -1 && g.y + g.height <= h, `${id}: map in view`);
      await page.screenshot({ path: join(ART, `story-${w}-${scheme}-${id}.png`) });
      // It holds data marks (a map with countries in more than one colour) or a labelled diagram.
      assert.ok((state.mapShown && state.fills.length > 1) || state.extra.length > 20, `${id}: data marks or a diagram (${JSON.stringify(state).slice(0, 200)})`);
      // And it differs from every other step's, not only the one before.
      // (What is drawn: zoom, fills, labels, diagram; the legend alone does not make it differ.)
      const key = JSON.stringify(["zoom", "fills", "labels", "extra"].map((k) => state[k]));
      const twin = seen.find(([, k]) => k === key);
      assert.ok(!twin, `${id}: the same graphic as ${twin?.[0]}`);
      seen.push([id, key]);
      prev = state;
    }
    assert.deepEqual(errors, []);
  });
}

test("Day 11 shows the show of hands from the data, and who said they would not sign", async () => {
  const { page, errors } = await open(env.browser, env.base + "?step=day-11", { reducedMotion: "reduce" });
  await eventually(async () => assert.equal(await page.locator("#story-graphic").getAttribute("data-step"), "day-11"));
  const text = await visibleText(page, ".g-below .layer");
  const rows = tally();
  assert.ok(rows.length >= 2);
  for (const r of rows) {
    const n = r.low === r.high ? r.low : `${r.low} or ${r.high}`;
    assert.ok(text.includes(`${n} ${r.label}`), `${n} ${r.label} in "${text}"`);
  }
  assert.match(text, /77 For/);
  assert.match(text, /33 Against/);
  // The bar's segments are in proportion to the counts.
  const widths = await page.locator("#story-graphic [data-for=day-11] .tally .seg").evaluateAll((s) => s.map((e) => e.getBoundingClientRect().width));
  assert.ok(Math.abs(widths[0] / widths[1] - 77 / 33) < 0.1, String(widths));
  // Labelled on the map, not in a list of chips.
  assert.match(await visibleText(page, ".labels"), /United States/);
  assert.match(text, /would not sign/);
  assert.deepEqual(errors, []);
});

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

for (const scheme of ["light", "dark"]) {
  test(`(${scheme}) each step leads with at most 80 words, its sources one click away, and every step reads at full contrast`, async () => {
    const { page, errors } = await open(env.browser, env.base + "?step=day-5", { reducedMotion: "reduce", colorScheme: scheme });
    await eventually(async () => assert.equal(await page.locator("#story-graphic").getAttribute("data-step"), "day-5"));
    const steps = await page.locator("li.step").evaluateAll((els) => els.map((el) => {
      const visible = [...el.querySelectorAll(".step-body > p")].filter((p) => p.getClientRects().length).map((p) => p.innerText).join(" ");
      const more = el.querySelector("details.more");
      // Every text node's colour against the step card's background.
      const bg = getComputedStyle(el).backgroundColor;
      const colours = [...el.querySelectorAll("p, h4, summary, a")].filter((e) => e.getClientRects().length).map((e) => getComputedStyle(e).color);
      return { id: el.id, active: el.classList.contains("active"), words: visible.trim().split(/\s+/).length, more: !!more && !more.open, bg, colours };
    }));
    assert.equal(steps.length, 8);
    for (const s of steps) {
      assert.ok(s.words >= 40 && s.words <= 80, `${s.id}: ${s.words} words in view`);
      assert.ok(s.more, `${s.id}: quotations and sources behind a closed disclosure`);
      for (const c of s.colours) assert.ok(contrast(c, s.bg) >= 4.5, `${s.id}${s.active ? " (active)" : ""}: ${c} on ${s.bg} is ${contrast(c, s.bg).toFixed(2)}:1`);
    }
    // The disclosure opens with a click and holds the step's sources.
    const more = page.locator("#day-7 details.more");
    await more.locator("summary").click();
    assert.match(await more.innerText(), /NTRA/);
    assert.match(await more.innerText(), /Sources:/);
    assert.deepEqual(errors, []);
  });
}

test("without JavaScript the steps read in order, their sources in place, under a figure of the signing", async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(env.base);
  const g = await page.locator("#story-graphic .stage").boundingBox();
  assert.ok(g && g.height > 100, "the graphic is drawn");
  // The signing's map: both status colours on the small map.
  const fills = await page.locator("svg.story-map .feat.signed:not(.inf), svg.story-map .feat.declined:not(.inf)").evaluateAll((fs) => [...new Set(fs.map((f) => getComputedStyle(f.matches("g") ? f.querySelector(".dot") : f).fill))]);
  assert.equal(fills.length, 2, JSON.stringify(fills));
  assert.match(await page.locator("#story-graphic .g-caption").innerText(), /final count/i);
  // The figure sits above the steps, which follow one another; the sources read in place.
  const tops = await page.locator("li.step").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  assert.ok(tops.every((t, i) => i === 0 || t > tops[i - 1]));
  assert.ok(g.y + g.height <= tops[0] + 1, "graphic above the first step");
  assert.ok(await page.locator("#day-7 details.more p.src").isVisible(), "sources read in place");
  await context.close();
});
