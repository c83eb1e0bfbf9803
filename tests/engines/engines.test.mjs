// The same checks in Chromium, Firefox and WebKit, against the release build in dist/ (and the
// single-file build from file://). Run all engines: `node --test tests/engines/`; one engine:
// `ENGINES=webkit node --test tests/engines/`. Expected values come from src/data (loadData),
// not from the app.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadData, ROOT } from "../e2e/helpers.mjs";
import { ENGINES, available, start, version } from "./drivers.mjs";
import { serve } from "./server.mjs";

const { countries } = loadData();
const engines = (process.env.ENGINES || ENGINES.join(",")).split(",").filter(Boolean);
const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
const matching = (q) => countries.filter((c) => [c.name, c.fr, c.iso3].some((s) => fold(s).includes(fold(q)))).map((c) => c.iso3).sort();

// In-page readers (serialised into the page: no closures over test variables).
const visibleIsos = () => [...document.querySelectorAll("#table tbody tr:not([hidden])")].map((r) => r.id.slice(4));
const errorsSoFar = () => window.__probeErrors || ["probe missing"];

for (const engine of engines) {
  describe(`${engine}: ${version(engine)}`, { skip: !available(engine) && `${engine} is not installed` }, () => {
    let server, browser, page;
    before(async () => {
      server = await serve(join(ROOT, "dist"));
      browser = await start(engine);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    /** Opens `query` on a fresh page and waits for the 144 rows. */
    async function open(query = "", viewport) {
      if (page) await page.close();
      page = await browser.page(viewport);
      server.reset();
      await page.goto(server.url + query);
      await page.until(() => document.documentElement.dataset.app === "ready" && document.querySelectorAll("#table tbody tr").length === 144);
      return page;
    }

    test("boots with 144 rows, each asset fetched once, no page error, CSP violation or console error or warning (hydration)", async () => {
      await open();
      assert.equal(await page.run(() => document.querySelector("#summary").textContent), "Showing 144 of 144 · 89 signed · 55 did not sign");
      // Give late requests a chance to show up: the page is idle once the charts have drawn.
      await page.until(() => document.querySelectorAll("figure.chart .dots circle").length > 0);
      const paths = [...server.counts.entries()];
      assert.ok(paths.some(([p]) => p.endsWith(".wasm")), `the wasm was requested: ${JSON.stringify(paths)}`);
      for (const [path, n] of paths) assert.equal(n, 1, `${path} fetched ${n} times`);
      assert.deepEqual(await page.run(errorsSoFar), []);
    });

    test("when the wasm is missing, the page says so, hides the controls that need the app, and still reads", async () => {
      if (page) await page.close();
      page = await browser.page();
      server.missing = /_bg\.wasm$/;
      try {
        await page.goto(server.url);
        await page.until(() => document.documentElement.dataset.app === "failed");
        const seen = await page.run(() => {
          const shown = (sel) => { const el = document.querySelector(sel); return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden"; };
          return {
            line: shown("#app-failed"),
            why: document.querySelector("#app-failed-why").textContent.trim() !== "",
            controls: [".sharebar", ".sticky-filters", ".chart-controls"].filter(shown),
            rows: document.querySelectorAll("#table tbody tr").length,
          };
        });
        assert.deepEqual(seen, { line: true, why: true, controls: [], rows: 144 });
        // Only the 404 itself may be recorded (a resource error), no unhandled rejection.
        const errors = await page.run(errorsSoFar);
        assert.deepEqual(errors.filter((e) => e.startsWith("unhandledrejection")), [], JSON.stringify(errors));
      } finally {
        server.missing = null;
      }
    });

    test("sorts by a column", async () => {
      await open();
      await page.click('th button[data-sort="va"]');
      await page.until(() => document.querySelector('th:has(button[data-sort="va"])').getAttribute("aria-sort") !== "none");
      const dir = await page.run(() => document.querySelector('th:has(button[data-sort="va"])').getAttribute("aria-sort"));
      const withVa = countries.filter((c) => c.wgi.va != null);
      const expected = [...withVa].sort((a, b) => (dir === "descending" ? b.wgi.va - a.wgi.va : a.wgi.va - b.wgi.va))[0].iso3;
      assert.equal((await page.run(visibleIsos))[0], expected);
    });

    test("the address bar follows 120 changes made within a few seconds", async () => {
      // WebKit refuses a 101st history.replaceState within 10 seconds; with one write per frame
      // the address bar (and a copied link) stopped at the 100th change.
      await open();
      await page.run(async () => {
        const va = document.querySelector('th button[data-sort="va"]');
        for (let i = 0; i < 120; i++) {
          va.click();
          // Two frames, so that the page's write after the first one has run before the next click.
          for (let f = 0; f < 2; f++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        }
        document.querySelector('th button[data-sort="income"]').click();
      });
      await page.until(() => new URLSearchParams(location.search).get("sort") === "income");
      assert.deepEqual(await page.run(errorsSoFar), []);
    });

    test("searches English and French names, accents optional", async () => {
      await open();
      for (const q of ["ivoire", "Allemagne", "cote", "etats"]) {
        await page.type("#search", q);
        const want = matching(q);
        assert.ok(want.length > 0, q);
        await page.until((n) => document.querySelectorAll("#table tbody tr:not([hidden])").length === n, want.length);
        assert.deepEqual((await page.run(visibleIsos)).sort(), want, q);
      }
    });

    test("filters by status and region", async () => {
      await open();
      await page.choose("#f-status", "declined");
      await page.until(() => document.querySelectorAll("#table tbody tr:not([hidden])").length === 55);
      await page.choose("#f-region", "lac");
      const want = countries.filter((c) => c.status === "declined" && c.region === "Latin America & Caribbean").length;
      await page.until((n) => document.querySelectorAll("#table tbody tr:not([hidden])").length === n, want);
      assert.match(await page.run(() => location.search), /status=declined/);
    });

    test("a shared link restores the view", async () => {
      await open("?v=1&status=declined&region=eca&sort=name&dir=desc&sel=FRA");
      const want = countries.filter((c) => c.status === "declined" && c.region === "Europe & Central Asia").map((c) => c.name).sort((a, b) => b.localeCompare(a, "en"));
      await page.until((n) => document.querySelectorAll("#table tbody tr:not([hidden])").length === n, want.length);
      const names = await page.run(() => [...document.querySelectorAll("#table tbody tr:not([hidden]) th .linkish")].map((b) => b.textContent));
      assert.deepEqual(names, want);
      assert.match(await page.run(() => document.querySelector("#selected-card").textContent), /France/);
      assert.equal(await page.run(() => document.querySelector("#f-status").value), "declined");
    });

    test("draws the map and six charts", async () => {
      await open();
      assert.equal(await page.run(() => document.querySelectorAll("svg.vote-map [data-iso3]").length), 193);
      const dots = await page.run(() => [...document.querySelectorAll("figure.chart")].map((f) => [f.dataset.ind, f.querySelectorAll(".dots circle").length]));
      assert.equal(dots.length, 6);
      for (const [ind, n] of dots) assert.equal(n, countries.filter((c) => c.wgi[ind] != null).length, ind);
    });

    test("a story step changes the graphic", async () => {
      await open("?v=1&step=day-5");
      await page.until(() => document.querySelector("#timeline li.step.active")?.id === "day-5");
      // The graphic's state is the active step's id (model::story switches its layers on it).
      await page.until(() => document.querySelector("#story-graphic").dataset.step === "day-5");
      const before = await page.run(() => document.querySelector("#story-graphic").dataset.step);
      await page.click("#step-next");
      await page.until(() => document.querySelector("#timeline li.step.active")?.id !== "day-5");
      await page.until(() => document.querySelector("#story-graphic").dataset.step !== "day-5");
      const after = await page.run(() => document.querySelector("#story-graphic").dataset.step);
      assert.notEqual(after, before);
      assert.equal(after, await page.run(() => document.querySelector("#timeline li.step.active").id));
      assert.deepEqual(await page.run(errorsSoFar), []);
    });

    test("a 375 px wide screen does not scroll sideways", async () => {
      // In a 375 px frame, so that every engine lays the page out at phone width.
      if (page) await page.close();
      page = await browser.page();
      await page.goto(server.url + "__frame.html?src=/");
      await page.until(() => document.getElementById("f").contentDocument?.querySelectorAll("#table tbody tr").length === 144);
      const [width, overflow, errors] = await page.run(() => {
        const w = document.getElementById("f").contentWindow;
        const root = w.document.documentElement;
        return [w.innerWidth, root.scrollWidth - root.clientWidth, w.__probeErrors];
      });
      assert.equal(width, 375);
      assert.ok(overflow <= 0, `page is ${overflow} px wider than the screen`);
      assert.deepEqual(errors, []);
    });

    test("the single-file build opens from file://", async () => {
      if (page) await page.close();
      page = await browser.page();
      await page.goto(pathToFileURL(join(ROOT, "dist-single", "wcit12-report.html")).href);
      await page.until(() => document.documentElement.dataset.app === "ready" && document.querySelectorAll("#table tbody tr").length === 144);
      assert.equal(await page.run(() => document.querySelectorAll("svg.vote-map [data-iso3]").length), 193);
    });
  });
}
