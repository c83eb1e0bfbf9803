// Quality bar: axe-core accessibility checks in several states, keyboard path, no horizontal
// scroll at 375 px and 1280 px, print to PDF, no foreign requests, the CSP, and a seeded monkey test.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { setup, open, settle, eventually, ROOT, visibleRows, loadData } from "./helpers.mjs";

let env;
const ART = join(ROOT, "tests/e2e/artifacts");
before(async () => { env = await setup(); mkdirSync(ART, { recursive: true }); });
after(async () => env.done());

async function axe(page, label, include) {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]);
  if (include) builder = builder.include(include);
  const r = await builder.analyze();
  const v = r.violations.map((x) => `${label}: ${x.id} (${x.nodes.length}) ${x.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(" | ")}`);
  assert.deepEqual(v, [], v.join("\n"));
}

test("axe: no violations at load, filtered, selected, with a tooltip, at each step", async () => {
  for (const scheme of ["light", "dark"]) {
    const { page, errors } = await open(env.browser, env.base, { reducedMotion: "reduce" });
    await page.emulateMedia({ colorScheme: scheme });
    await axe(page, `${scheme} load`);
    await page.locator("#f-status").selectOption("declined");
    await page.locator("#search").fill("a");
    await settle(page);
    await axe(page, `${scheme} filtered`);
    await page.locator("#search").fill("xyzzy");
    await settle(page);
    await axe(page, `${scheme} empty`);
    await page.locator("#clear-filters").click();
    await page.locator('#row-IRN .linkish').click();
    await page.locator('#row-IRN button.grade').click();
    await settle(page);
    await axe(page, `${scheme} selected + grade note`);
    const usa = page.locator('svg.vote-map [data-iso3="USA"]');
    await usa.scrollIntoViewIfNeeded();
    await usa.hover({ force: true });
    await page.locator("#tooltip").waitFor({ state: "visible" });
    await axe(page, `${scheme} tooltip`);
    if (scheme === "light") {
      for (const id of await page.locator("li.step").evaluateAll((els) => els.map((e) => e.id))) {
        await page.locator(`#${id}`).focus();
        await settle(page);
        await eventually(async () => assert.equal(await page.evaluate(() => document.querySelector("li.step.active")?.id), id));
        // Each step changes the timeline only: check it alone.
        await axe(page, `step ${id}`, "#timeline");
      }
    }
    assert.deepEqual(errors, []);
  }
});

test("keyboard: tab reaches every control, and focus is visible", async () => {
  // Start on a middle step so that both step buttons are enabled, then tab from the top.
  const { page } = await open(env.browser, env.base + "?step=day-5", { reducedMotion: "reduce" });
  // (The previous-step button is disabled on Day 1, where tabbing into the timeline scrolls it:
  // it is checked below from a middle step.)
  const want = ["search", "f-status", "f-region", "f-income", "step-next", "motion-toggle", "copy-link", "embed", "download-csv", "download-map-svg", "download-map-png", "dl-chart", "dl-chart-svg", "dl-chart-png", "toggle-pct", "toggle-income", "legend-signed", "legend-declined",
    ...["name", "status", "grade", "region", "income", "va", "pv", "ge", "rq", "rl", "cc"].map((c) => `sort-${c}`)];
  await page.locator(".skip").focus();
  const seen = new Set();
  let steps = 0;
  let invisible = [];
  while (steps++ < 700) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const cs = getComputedStyle(el);
      const ring = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0;
      // A name for the control: its id, or what it is for.
      const id = el.id || (el.dataset.sort && `sort-${el.dataset.sort}`)
        || (el.classList.contains("legend-item") && `legend-${el.classList.contains("signed") ? "signed" : "declined"}`)
        || `${el.tagName}.${el.className}`;
      return { id, ring };
    });
    if (!info) continue;
    seen.add(info.id);
    if (!info.ring) invisible.push(info.id);
    if (want.every((w) => seen.has(w))) break;
  }
  assert.deepEqual(want.filter((w) => !seen.has(w)), [], "every control is reachable by Tab");
  assert.deepEqual(invisible, [], "focus is always visible");
  // From a middle step, Shift+Tab from "Next" reaches "Previous"; Enter on "Next" moves on.
  await page.locator("#day-5").focus();
  await page.waitForFunction(() => document.querySelector("li.step.active")?.id === "day-5");
  await page.locator("#step-next").focus();
  await page.keyboard.press("Shift+Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "step-prev");
  await page.locator("#step-next").focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector('li.step.active')?.id === "day-7");
});

test("no element is wider than the viewport at 375 px and 1280 px; screenshots per section", async () => {
  for (const [w, h] of [[375, 812], [1280, 800]]) {
    const { page, errors } = await open(env.browser, env.base, { viewport: { width: w, height: h }, reducedMotion: "reduce", isMobile: w < 400, hasTouch: w < 400 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `page scrolls sideways at ${w}px`);
    // With the embed panel open too (its chooser's longest option once pushed it past 375 px).
    await page.locator("#embed").click();
    await page.locator("#embed-panel").waitFor();
    const wide = await page.evaluate((vw) => [...document.querySelectorAll("body *")]
      // (The table and, on a phone, the world map scroll sideways inside their own boxes.)
      .filter((el) => !el.closest(".table-wrap, .map-box, .sr-only, svg") && el.getBoundingClientRect().right > vw + 1 && getComputedStyle(el).position !== "fixed")
      .slice(0, 5).map((el) => `${el.tagName}.${el.className}`), w);
    assert.deepEqual(wide, [], `elements wider than ${w}px`);
    for (const id of ["story", "timeline", "vote", "table", "governance", "analysis", "sources"]) {
      await page.locator(`#${id}`).evaluate((el) => el.scrollIntoView({ block: "start", behavior: "instant" }));
      await settle(page);
      await page.screenshot({ path: join(ART, `${id}-${w}.png`) });
    }
    assert.deepEqual(errors, []);
  }
});

test("print: the story as a document, the whole table, charts; printed to PDF", async () => {
  const { page } = await open(env.browser, env.base, { reducedMotion: "reduce" });
  await page.emulateMedia({ media: "print" });
  const wrap = await page.locator(".table-wrap").evaluate((el) => ({ max: getComputedStyle(el).maxHeight, h: el.scrollHeight, ch: el.clientHeight }));
  assert.equal(wrap.max, "none");
  assert.ok(wrap.ch >= wrap.h - 1, "the whole table is laid out");
  const dim = await page.locator("li.step").evaluateAll((els) => els.filter((e) => getComputedStyle(e).opacity !== "1" || getComputedStyle(e).color !== "rgb(0, 0, 0)").length);
  assert.equal(dim, 0, "every step printed in full black");
  assert.equal(await page.locator(".sharebar").evaluate((el) => getComputedStyle(el).display), "none");
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const file = join(ART, "report.pdf");
  writeFileSync(file, pdf);
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 8 && pages <= 60, `page count ${pages}`);
  const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
  for (const s of ["WCIT-12: The Final Vote", "Zimbabwe", "Afghanistan", "Côte d'Ivoire", "feel of the room", "Sources and method"]) assert.ok(text.includes(s), `PDF contains ${s}`);
  // The whole width of the table is on the page: Afghanistan's row ends with its last column (CC).
  const cc = loadData().countries.find((c) => c.iso3 === "AFG").wgi.cc;
  const row = text.split("\n").find((l) => /^\s*Afghanistan\s/.test(l)) || "";
  assert.ok(row.trimEnd().endsWith(`${cc < 0 ? "−" : "+"}${Math.abs(cc).toFixed(2)}`), `Afghanistan's printed row ends with CC ${cc}: ${row}`);
});

test("privacy: no request leaves the page's origin; the CSP is in force", async () => {
  const { page, foreign, errors } = await open(env.browser, env.base);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.match(csp, /default-src 'self'/);
  assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/);
  for (const id of ["vote", "governance", "sources"]) await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await page.locator("#search").fill("a");
  await settle(page);
  assert.deepEqual(foreign, []);
  // Inline script injection is refused by the CSP.
  const ran = await page.evaluate(() => { const s = document.createElement("script"); s.textContent = "window.__inj = 1"; document.body.append(s); return window.__inj; });
  assert.equal(ran, undefined);
  assert.ok(errors.every((e) => /Content Security Policy/.test(e)), errors.join("\n"));
});

// Small deterministic PRNG for the monkey test.
function mulberry32(a) { return () => { a |= 0; a = (a + 0x6d2b79f5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; }

test("monkey: 1,000 seeded random interactions, no errors, summary always matches the rows", async () => {
  const { page, errors } = await open(env.browser, env.base, { reducedMotion: "reduce" });
  const rnd = mulberry32(20121214);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const cols = ["name", "status", "grade", "region", "income", "va", "pv", "ge", "rq", "rl", "cc"];
  const isos = await page.locator("#table tbody tr").evaluateAll((els) => els.map((e) => e.id.slice(4)));
  for (let i = 0; i < 1000; i++) {
    const r = rnd();
    if (r < 0.15) await page.locator(`[data-sort="${pick(cols)}"]`).dispatchEvent("click"); // (a phone shows three of the columns)
    else if (r < 0.25) await page.locator("#f-status").selectOption(pick(["all", "signed", "declined"]));
    else if (r < 0.33) await page.locator("#f-region").selectOption(pick(["all", "eap", "eca", "lac", "mena", "na", "sa", "ssa"]));
    else if (r < 0.40) await page.locator("#f-income").selectOption(pick(["all", "low", "lmc", "umc", "high"]));
    else if (r < 0.50) await page.locator("#search").fill(pick(["", "a", "re", "côte", "UNI", "zz", "é", "<b>", "%", "&q="]));
    else if (r < 0.60) await page.locator(`svg.vote-map [data-iso3="${pick(isos)}"]`).first().dispatchEvent("click");
    else if (r < 0.68) await page.locator("figure.chart .dots circle").nth(Math.floor(rnd() * 800)).dispatchEvent("click");
    else if (r < 0.74) await page.locator(pick(["#step-next", "#step-prev", "#toggle-pct", "#toggle-income", ".legend-item.signed", ".legend-item.declined"])).click({ force: true });
    else if (r < 0.80) await page.setViewportSize(pick([{ width: 375, height: 700 }, { width: 800, height: 700 }, { width: 1280, height: 800 }]));
    else if (r < 0.83) await page.locator(`li.step .when a`).nth(Math.floor(rnd() * 8)).dispatchEvent("click");
    else if (r < 0.87) await page.evaluate(() => { if (location.hash) history.back(); });
    else if (r < 0.90) await page.evaluate(() => history.forward());
    else if (r < 0.95) await page.evaluate((y) => window.scrollTo(0, y * document.body.scrollHeight), rnd());
    else await page.keyboard.press(pick(["Escape", "Tab", "Enter"]));
    if (i % 25 === 0 || i === 999) {
      await settle(page);
      const n = await visibleRows(page);
      const s = await page.locator("#summary").textContent();
      assert.match(s, new RegExp(`^Showing ${n} of 144`), `step ${i}`);
    }
  }
  assert.deepEqual(errors, []);
});

test("prose runs 65–75 characters a line on a wide screen, and anchors land below the sticky filter bar", async () => {
  const { page, errors, context } = await open(env.browser, env.base, { viewport: { width: 1440, height: 900 } });
  // Characters on each full line of a paragraph (its last line may be short), from the rectangles
  // of its characters as laid out.
  const perLine = (sel) => page.locator(sel).evaluateAll((ps) => {
    const p = ps.reduce((a, b) => (b.textContent.length > a.textContent.length ? b : a));
    const lines = new Map();
    const walk = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      for (let i = 0; i < n.length; i++) {
        const r = document.createRange();
        r.setStart(n, i); r.setEnd(n, i + 1);
        const rect = r.getBoundingClientRect();
        if (rect.height) { const top = Math.round(rect.top / 4); lines.set(top, (lines.get(top) || 0) + 1); }
      }
    }
    return [...lines.values()].slice(0, -1);
  });
  for (const sel of ["#sources p", "#analysis p", "#vote > p", "#governance > p", "#timeline .step-body p"]) {
    const lines = await perLine(sel);
    assert.ok(lines.length >= 2, `${sel}: ${lines}`);
    // Lines vary with where words break: the typical line is at the measure, none runs long.
    const median = [...lines].sort((a, b) => a - b)[Math.floor(lines.length / 2)];
    assert.ok(median >= 60 && median <= 76, `${sel}: typically ${median} characters a line (${lines})`);
    assert.ok(Math.max(...lines) <= 78, `${sel}: a line of ${Math.max(...lines)} characters (${lines})`);
  }
  // A jump to the table lands its heading below the filter bar, not under it.
  await page.goto(`${env.base}#table`);
  await page.waitForSelector("html[data-app=ready]", { state: "attached" });
  await eventually(async () => {
    const [bar, head] = await page.evaluate(() => [document.querySelector(".sticky-filters").getBoundingClientRect().bottom, document.querySelector("#table-h").getBoundingClientRect().top]);
    assert.ok(head >= bar, `heading at ${head}, bar ends at ${bar}`);
  });
  assert.deepEqual(errors, []);
  await context.close();
});
