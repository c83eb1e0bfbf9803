// Shared set-up for the browser tests: Debian Chromium via playwright-core, the release build
// served from dist/, console-error and foreign-request collection, and the data read from
// src/data independently of the app (so expectations do not echo the app's own code).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = join(ROOT, "dist");

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync"];

/** `extra`: more Chromium switches, e.g. --force-renderer-accessibility (as with a screen reader on). */
export async function launch(extra = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: [...ARGS, ...extra] });
}

/** Starts the server and a browser; returns helpers and a `done()` that closes both. */
export async function setup(prefix = "/") {
  const server = await serve(DIST, prefix);
  const browser = await launch();
  return { server, browser, base: server.url, done: async () => { await browser.close(); await server.close(); } };
}

/** A page that records console errors, page errors and every request to another origin. */
export async function open(browser, url, opts = {}) {
  const context = await browser.newContext({ viewport: opts.viewport || { width: 1280, height: 900 }, reducedMotion: opts.reducedMotion || "no-preference", hasTouch: !!opts.hasTouch, isMobile: !!opts.isMobile });
  const page = await context.newPage();
  const errors = [];
  const foreign = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  const origin = new URL(url).origin;
  page.on("request", (r) => {
    const u = r.url();
    if (!(u.startsWith(origin) || u.startsWith("data:") || u.startsWith("blob:") || u.startsWith("file:"))) foreign.push(u);
  });
  // The page's timers on Playwright's clock, for tests of timed messages (no waiting for real).
  if (opts.clock) await page.clock.install();
  await page.goto(url);
  // The report is in the document before the app runs; the app marks <html data-app="ready">
  // once it has taken the page over (src/views/mod.rs).
  await page.waitForSelector("html[data-app=ready]", { state: "attached" });
  return { page, context, errors, foreign };
}

function parseCsv(text) {
  const rows = [];
  let row = [], cell = "", q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') q = false; else cell += c;
    } else if (c === '"') q = true;
    else if (c === ",") { row.push(cell); cell = ""; }
    else if (c === "\n") { row.push(cell.replace(/\r$/, "")); rows.push(row); row = []; cell = ""; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  const [head, ...body] = rows;
  return body.filter((r) => r.length === head.length).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

/** The 144 countries straight from src/data: name, iso3, status, income, region, wgi estimates. */
export function loadData() {
  const sig = parseCsv(readFileSync(join(ROOT, "src/data/signatories.csv"), "utf8"));
  const inc = Object.fromEntries(parseCsv(readFileSync(join(ROOT, "src/data/income_fy2013.csv"), "utf8")).map((r) => [r.iso3, r]));
  const wgi = {};
  for (const r of parseCsv(readFileSync(join(ROOT, "src/data/wgi_2011_2012_detail.csv"), "utf8"))) {
    if (r.year === "2011") (wgi[r.iso3] ||= {})[r.indicator] = r.estimate === "" ? null : Number(r.estimate);
  }
  const notListed = parseCsv(readFileSync(join(ROOT, "src/data/not_listed.csv"), "utf8"));
  return {
    countries: sig.map((r) => ({ name: r.name_en, fr: r.name_fr, iso3: r.iso3, status: r.status, grade: r.evidence, income: inc[r.iso3].income_group, region: inc[r.iso3].wb_region, wgi: wgi[r.iso3] })),
    notListed,
  };
}

/** Opens the report with its wasm held back until `release()`: the static page, before the app.
 *  Records console errors and page errors like `open`. */
export async function openHeld(browser, url, { viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route(/\.wasm$/, async (route) => { await gate; await route.continue(); });
  await page.goto(url);
  return { page, context, release, errors };
}

/** The table rows a reader sees (rows that do not match the filters are hidden, not removed). */
export const ROW = '#table tbody tr:not([hidden])';
export const visibleRows = (page) => page.locator(ROW).count();
export const rowNames = (page) => page.locator(`${ROW} th .linkish`).allTextContents();
export const rowIsos = (page) => page.locator(ROW).evaluateAll((els) => els.map((e) => e.id.slice(4)));
export const summary = (page) => page.locator("#summary").textContent();
/** Waits for the frame that renders `locator`'s element: boxes marked `content-visibility: auto`
 *  (the maps, the table, the charts) are rendered only once they near the viewport. */
export const rendered = (locator, timeout = 10000) => locator.evaluate((el, timeout) => new Promise(function wait(r, j, end = performance.now() + timeout) {
  if (el.checkVisibility({ contentVisibilityAuto: true })) r();
  else if (performance.now() > end) j(new Error(`not rendered after ${timeout} ms: ${el.outerHTML.slice(0, 80)}`));
  else requestAnimationFrame(() => wait(r, j, end));
}), timeout);
export const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/**
 * Retries an async assertion until it passes or `timeout` ms pass, then throws its last error:
 * tests wait for the state they expect, never for a fixed time.
 */
export async function eventually(assertion, { timeout = 5000, interval = 25 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await assertion();
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, interval));
    }
  }
}

/** A country's dot in a chart: the dots are drawn in the data's order, one per country with a
 *  value for the indicator, so the country's dot is the k-th with k its position among those. */
export async function dotOf(page, ind, iso3) {
  const k = dotIndex(loadData().countries, ind, iso3);
  return page.locator(`figure.chart[data-ind="${ind}"] .dots circle`).nth(k);
}

/** Position of `iso3`'s dot among the chart's dots (see `dotOf`). */
export function dotIndex(countries, ind, iso3) {
  const withValue = countries.filter((c) => c.wgi[ind] !== null && c.wgi[ind] !== undefined);
  const k = withValue.findIndex((c) => c.iso3 === iso3);
  if (k < 0) throw new Error(`${iso3} has no ${ind} value`);
  return k;
}
