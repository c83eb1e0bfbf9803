// The signatory table: rows, sorting (mouse and keyboard), search, filters, URL state.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, launch, open, openHeld, loadData, rowNames, rowIsos, summary, settle, visibleRows, rendered, eventually } from "./helpers.mjs";

let env, data;
before(async () => { env = await setup(); data = loadData(); });
after(async () => env.done());

const collator = (a, b) => a.localeCompare(b, "en", { sensitivity: "base" });

test("all 144 rows render with the official totals", async () => {
  const { page, errors } = await open(env.browser, env.base);
  assert.equal(await visibleRows(page), 144);
  assert.equal(await summary(page), "Showing 144 of 144 · 89 signed · 55 did not sign");
  const names = await rowNames(page);
  const expected = data.countries.map((c) => c.name).sort(collator);
  assert.deepEqual(names, expected, "default order is by name");
  // Inferred statuses are marked as such.
  const iran = page.locator('#row-IRN');
  assert.match(await iran.textContent(), /inferred/);
  assert.deepEqual(errors, []);
});

test("clicking headers sorts; aria-sort follows; ties break by name", async () => {
  const { page, errors } = await open(env.browser, env.base);
  const va = page.locator('[data-sort="va"]');
  await va.click();
  await settle(page);
  const byVa = [...data.countries].sort((a, b) => b.wgi.va - a.wgi.va || collator(a.name, b.name));
  let isos = await rowIsos(page);
  assert.equal(isos[0], byVa[0].iso3, "highest Voice and Accountability first");
  assert.equal(isos[143], byVa[143].iso3, "lowest last");
  assert.equal(await page.locator(`th:has([data-sort="va"])`).getAttribute("aria-sort"), "descending");
  await va.click();
  await settle(page);
  isos = await rowIsos(page);
  assert.equal(isos[0], byVa[143].iso3);
  assert.equal(await page.locator(`th:has([data-sort="va"])`).getAttribute("aria-sort"), "ascending");
  assert.equal(await page.locator(`th:has([data-sort="name"])`).getAttribute("aria-sort"), "none");
  // Status: signed first, ties by name.
  await page.locator('[data-sort="status"]').click();
  await settle(page);
  const names = await rowNames(page);
  const signed = data.countries.filter((c) => c.status === "signed").map((c) => c.name).sort(collator);
  assert.deepEqual(names.slice(0, 89), signed);
  await eventually(async () => assert.match(page.url(), /sort=status&dir=asc/));
  assert.deepEqual(errors, []);
});

test("sorting works from the keyboard", async () => {
  const { page } = await open(env.browser, env.base);
  await page.locator('[data-sort="name"]').focus();
  await page.keyboard.press("Enter");
  await settle(page);
  const names = await rowNames(page);
  assert.equal(names[0], [...data.countries].sort((a, b) => collator(b.name, a.name))[0].name);
  await page.keyboard.press("Space");
  await settle(page);
  assert.equal((await rowNames(page))[0], "Afghanistan");
});

test("search is accent- and case-insensitive in English and French", async () => {
  const { page, errors } = await open(env.browser, env.base);
  const box = page.locator("#search");
  await box.fill("cote");
  await settle(page);
  assert.deepEqual(await rowNames(page), ["Côte d'Ivoire"]);
  assert.equal(await summary(page), `Showing 1 of 144 · ${data.countries.find((c) => c.iso3 === "CIV").status === "signed" ? "1 signed · 0 did not sign" : "0 signed · 1 did not sign"}`);
  await box.fill("ALLEMAGNE");
  await settle(page);
  assert.deepEqual(await rowNames(page), ["Germany"]);
  await eventually(async () => assert.match(page.url(), /[?&]q=ALLEMAGNE/));
  await box.fill("nowhereland");
  await settle(page);
  assert.equal(await visibleRows(page), 0);
  assert.match(await page.locator("#table .empty").textContent(), /No country matches “nowhereland”/);
  await page.locator("#table .empty").getByRole("button").click();
  await settle(page);
  assert.equal(await visibleRows(page), 144);
  assert.deepEqual(errors, []);
});

test("filters change rows and the summary", async () => {
  const { page, errors } = await open(env.browser, env.base);
  await page.locator("#f-status").selectOption("declined");
  await page.locator("#f-income").selectOption("high");
  await settle(page);
  const expected = data.countries.filter((c) => c.status === "declined" && c.income === "High");
  assert.equal(await visibleRows(page), expected.length);
  assert.deepEqual((await rowIsos(page)).sort(), expected.map((c) => c.iso3).sort());
  assert.equal(await summary(page), `Showing ${expected.length} of 144 · 0 signed · ${expected.length} did not sign`);
  await page.locator("#f-region").selectOption("na");
  await settle(page);
  assert.deepEqual((await rowIsos(page)).sort(), ["CAN", "USA"]);
  await eventually(async () => assert.match(page.url(), /status=declined/));
  await eventually(async () => assert.match(page.url(), /region=na/));
  await eventually(async () => assert.match(page.url(), /income=high/));
  await page.locator("#clear-filters").click();
  await settle(page);
  assert.equal(await visibleRows(page), 144);
  await eventually(async () => assert.doesNotMatch(page.url(), /status=/));
  assert.deepEqual(errors, []);
});

test("a copied URL restores the exact view in a fresh page", async () => {
  const { page } = await open(env.browser, env.base);
  await page.locator("#search").fill("ia");
  await page.locator("#f-status").selectOption("signed");
  await page.locator('[data-sort="cc"]').click();
  await page.locator('#row-RUS .linkish').click();
  await settle(page);
  // The address bar is written after the next paint: wait for the last change to reach it.
  await eventually(async () => assert.match(page.url(), /sel=RUS/));
  const url = page.url();
  const rows = await rowIsos(page);
  const fresh = await open(env.browser, url);
  assert.deepEqual(await rowIsos(fresh.page), rows);
  assert.equal(await fresh.page.locator("#search").inputValue(), "ia");
  assert.equal(await fresh.page.locator("#f-status").inputValue(), "signed");
  assert.equal(await fresh.page.locator(`th:has([data-sort="cc"])`).getAttribute("aria-sort"), "descending");
  assert.ok(await fresh.page.locator('#row-RUS').evaluate((r) => r.classList.contains("selected")));
  assert.deepEqual(fresh.errors, []);
});

test("a malformed link shows defaults and a visible notice", async () => {
  const { page, errors } = await open(env.browser, env.base + "?status=maybe&sort=%%%&foo=bar&sel=ZZZ&q=%E2%28");
  const notice = page.locator("#url-notice");
  assert.ok(await notice.isVisible());
  assert.match(await notice.textContent(), /foo/);
  assert.equal(await page.locator("#f-status").inputValue(), "all");
  assert.equal(await page.locator(`th:has([data-sort="name"])`).getAttribute("aria-sort"), "ascending");
  assert.deepEqual(errors, []);
});

test("typed and linked markup is shown as text, never run", async () => {
  const evil = `<img src=x onerror="window.__xss=1">`;
  const { page, errors } = await open(env.browser, env.base + "?q=" + encodeURIComponent(evil) + "&" + encodeURIComponent(evil) + "=1");
  assert.equal(await page.locator("#search").inputValue(), evil);
  assert.match(await page.locator("#table .empty").textContent(), /<img src=x onerror/);
  assert.match(await page.locator("#url-notice").textContent(), /<img/);
  await page.locator("#search").fill(evil + "<script>window.__xss=2</script>");
  await settle(page);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.locator("main img").count(), 0);
  assert.deepEqual(errors, []);
});

test("rows select by click or by their name button; grade notes open in place; the card has its own note", async () => {
  const { page, errors } = await open(env.browser, env.base);
  const row = page.locator('#row-KEN');
  const name = row.locator("th .linkish");
  assert.equal(await name.getAttribute("aria-pressed"), "false");
  // A click on a plain cell selects the country.
  await row.locator("td").nth(2).click();
  await settle(page);
  await eventually(async () => assert.match(page.url(), /sel=KEN/));
  assert.ok(await row.evaluate((r) => r.classList.contains("selected")));
  assert.equal(await name.getAttribute("aria-pressed"), "true");
  // The grade chip only opens its note; it does not toggle the selection.
  const chip = row.locator("button.grade");
  await chip.click();
  const note = page.locator(`#${await chip.getAttribute("aria-controls")}`);
  assert.equal(await chip.getAttribute("aria-expanded"), "true");
  assert.ok(await note.isVisible());
  assert.match(await note.textContent(), /Grade [A-D]\. .* Sources: /);
  await eventually(async () => assert.match(page.url(), /sel=KEN/));
  // Sorting moves the rows without rebuilding them: the open note stays open.
  await page.locator('[data-sort="va"]').click();
  await settle(page);
  assert.ok(await note.isVisible(), "note survives a re-sort");
  // The selected-country card has a chip with a different note id.
  const card = page.locator("#selected-card");
  assert.match(await card.textContent(), /Kenya/);
  const cardChip = card.locator("button.grade");
  const cardNote = await cardChip.getAttribute("aria-controls");
  assert.notEqual(cardNote, await chip.getAttribute("aria-controls"));
  assert.equal(await page.locator(`[id="${cardNote}"]`).count(), 1);
  await cardChip.click();
  assert.ok(await page.locator(`[id="${cardNote}"]`).isVisible());
  // The name button deselects, by keyboard too.
  await name.focus();
  await page.keyboard.press("Enter");
  await settle(page);
  await eventually(async () => assert.doesNotMatch(page.url(), /sel=/));
  assert.equal(await name.getAttribute("aria-pressed"), "false");
  assert.match(await card.textContent(), /Select a country/);
  // The card's "Clear selection" button.
  await row.locator("td").first().click();
  await settle(page);
  await card.getByRole("button", { name: "Clear selection" }).click();
  await settle(page);
  await eventually(async () => assert.doesNotMatch(page.url(), /sel=/));
  assert.deepEqual(errors, []);
});

test("a link with a selection and a sort opens with the selected row in the table's box", async () => {
  // Afghanistan is first by name and near the end by Voice and Accountability: the box must
  // scroll for the order the link asks for, not the order the page was built in.
  const { page, errors } = await open(env.browser, `${env.base}?sort=va&dir=desc&sel=AFG`);
  const row = page.locator("#row-AFG");
  assert.ok(await row.evaluate((r) => r.classList.contains("selected")));
  const isos = await rowIsos(page);
  assert.ok(isos.indexOf("AFG") > 100, `AFG is row ${isos.indexOf("AFG")} by VA`);
  await page.locator(".table-wrap").evaluate((w) => w.scrollIntoView({ behavior: "instant" }));
  await eventually(async () => {
    const [r, w] = await row.evaluate((el) => [el.getBoundingClientRect(), el.closest(".table-wrap").getBoundingClientRect()].map((b) => [b.top, b.bottom]));
    assert.ok(r[0] >= w[0] && r[1] <= w[1], `row ${r} inside the box ${w}`);
  });
  assert.deepEqual(errors, []);
});

test("a filter chosen and a search typed before the app has taken the page over are kept", async () => {
  // Hold the wasm back, use the static controls, then let the app start.
  const { page, context, release, errors } = await openHeld(env.browser, env.base);
  await page.selectOption("#f-region", { label: "South Asia" });
  await page.fill("#search", "ind");
  release();
  await page.waitForSelector("html[data-app=ready]", { state: "attached" });
  const want = data.countries.filter((c) => c.region === "South Asia" && /ind/i.test(`${c.name} ${c.fr} ${c.iso3}`)).map((c) => c.iso3).sort();
  assert.ok(want.length > 0);
  await page.waitForFunction((n) => document.querySelectorAll("#table tbody tr:not([hidden])").length === n, want.length);
  assert.deepEqual((await rowIsos(page)).sort(), want);
  assert.equal(await page.locator("#f-region").inputValue(), await page.locator("#f-region option:checked").getAttribute("value"));
  await eventually(async () => assert.match(page.url(), /q=ind/));
  assert.deepEqual(errors, []);
  await context.close();
});

test("a legend entry and a column clicked before the app has started are kept: the app makes them once it has", async () => {
  const { page, context, release, errors } = await openHeld(env.browser, env.base);
  await page.locator(".legend-item.declined").click();
  await page.locator('[data-sort="va"]').click();
  release();
  await page.waitForSelector("html[data-app=ready]", { state: "attached" });
  await eventually(async () => assert.equal(await page.locator(".legend-item.declined").getAttribute("aria-pressed"), "true"));
  assert.equal(await page.locator(`th:has([data-sort="va"])`).getAttribute("aria-sort"), "descending");
  const want = data.countries.filter((c) => c.status === "declined").length;
  await page.waitForFunction((n) => document.querySelectorAll("#table tbody tr:not([hidden])").length === n, want);
  await eventually(async () => assert.match(page.url(), /status=declined/));
  await eventually(async () => assert.match(page.url(), /sort=va/));
  // Kept once: a click after the app has started is the component's alone.
  await page.locator(".legend-item.declined").click();
  await eventually(async () => assert.equal(await page.locator(".legend-item.declined").getAttribute("aria-pressed"), "false"));
  assert.deepEqual(errors, []);
  await context.close();
});

test("on a narrow screen the country column stays in view while the table scrolls sideways; on a phone (three columns) and a wide screen nothing scrolls", async () => {
  for (const [width, sideways] of [[900, true], [375, false], [1440, false]]) {
    const { page, context, errors } = await open(env.browser, env.base, { viewport: { width, height: 812 } });
    const wrap = page.locator(".table-wrap");
    await wrap.scrollIntoViewIfNeeded();
    await rendered(page.locator("#table tbody td").first());
    const [client, scroll] = await wrap.evaluate((w) => [w.clientWidth, w.scrollWidth]);
    assert.equal(scroll > client, sideways, `${width}px: table ${scroll} px in a box of ${client} px`);
    if (sideways) {
      const lefts = () => page.evaluate(() => {
        const r = document.querySelector("#row-FRA") || document.querySelector("#table tbody tr");
        return [document.querySelector(".table-wrap").getBoundingClientRect().left, r.querySelector("th").getBoundingClientRect().left, r.cells[3].getBoundingClientRect().left];
      });
      const [, , regionBefore] = await lefts();
      await wrap.evaluate((w) => { w.scrollLeft = 400; });
      await settle(page);
      const [wrapLeft, nameLeft, regionLeft] = await lefts();
      assert.ok(Math.abs(nameLeft - wrapLeft) <= 2, `name cell at ${nameLeft}, box at ${wrapLeft}`);
      assert.ok(regionLeft < regionBefore - 150, `the other columns scrolled (${regionBefore} → ${regionLeft})`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("the table lays out only the rows in view, stays a table to assistive technology, and an open grade note is drawn whole", async () => {
  // Chromium with its accessibility tree on from the start, as when a screen reader runs.
  const browser = await launch(["--force-renderer-accessibility"]);
  try {
    const { page, context, errors } = await open(browser, env.base, { viewport: { width: 1280, height: 800 } });
    const cdp = await context.newCDPSession(page);
    const wrap = page.locator(".table-wrap");
    await wrap.evaluate((w) => w.scrollIntoView({ behavior: "instant" }));
    await rendered(page.locator("#table tbody td").first());
    await settle(page);
    // Each row skips its layout while outside the scroll box (issue 12: a sort lays out the rows
    // in view, not 144).
    const skipped = await page.evaluate(() => [...document.querySelectorAll("#table tbody tr")].filter((r) => !r.cells[0].checkVisibility({ contentVisibilityAuto: true })).length);
    // (Rows are one line each, about 39 px: some 40 are near enough the scroll box to be laid out.)
    assert.ok(skipped > 90, `${skipped} of 144 rows skipped at the top of the table`);
    // The rows are grids, not table rows, yet table, rows and cells keep their roles.
    const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
    const ax = async (selector) => {
      const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
      const { nodes } = await cdp.send("Accessibility.getPartialAXTree", { nodeId, fetchRelatives: false });
      return `${nodes[0].role?.value} ${nodes[0].name?.value ?? ""}`.trim();
    };
    // A row that has never been laid out (skipped since the first layout) is "none" in Chromium's
    // tree; whether ZWE was laid out once depended on whether the first layout came before the
    // stylesheet (1 run in 6 failed here, before and after the Leptos table). The last row is
    // checked once it has been in view.
    // Rows laid out as they come into view differ from their placeholder's height and can move
    // the last row again; scrolled until it stays in view. Every row has a box: with the scroll
    // box skipped too, a run of rows was sometimes left 0 px tall here (about 1 run in 5), and the
    // last of them could never be scrolled into view.
    await eventually(async () => {
      const flat = await page.evaluate(() => [...document.querySelectorAll("#table tbody tr")].filter((r) => r.getBoundingClientRect().height === 0).map((r) => r.id.slice(4)));
      assert.deepEqual(flat, [], "rows 0 px tall");
      await page.locator("#row-ZWE").evaluate((r) => r.scrollIntoView({ block: "nearest" }));
      await rendered(page.locator("#row-ZWE td").first(), 200);
    });
    await eventually(async () => {
      assert.match(await ax("#table table"), /^table Signatories/);
      assert.match(await ax("#table thead th:nth-child(6)"), /^columnheader VA \(Voice and Accountability/);
      assert.match(await ax("#row-ZWE"), /^row/);
      assert.equal(await ax("#row-ZWE th"), "rowheader Zimbabwe ZIMBABWE");
      assert.match(await ax("#row-ZWE td:nth-child(2)"), /^cell (Signed|Did not sign)/);
    });
    // A grade note reaches below its row: that row is drawn whole and above the next rows.
    await wrap.evaluate((w) => { w.scrollTop = 0; w.scrollIntoView({ behavior: "instant" }); });
    await settle(page);
    const chip = page.locator("#row-ALB button.grade");
    await chip.click();
    const note = page.locator(`#${await chip.getAttribute("aria-controls")}`);
    await eventually(async () => assert.ok(await note.isVisible()));
    const hit = await note.evaluate((n) => {
      const b = n.getBoundingClientRect();
      const row = n.closest("tr").getBoundingClientRect();
      const at = document.elementFromPoint(b.left + b.width / 2, b.bottom - 4);
      return { below: b.bottom > row.bottom, inNote: n.contains(at), at: at?.outerHTML.slice(0, 60) };
    });
    assert.ok(hit.below, "the note reaches below its row");
    assert.ok(hit.inNote, `the note's lower edge shows the note, not ${hit.at}`);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test("at the table's narrowest (a 1,100 px window) every WGI figure fits its cell", async () => {
  const { page, context, errors } = await open(env.browser, env.base, { viewport: { width: 1100, height: 800 } });
  const wrap = page.locator(".table-wrap");
  await wrap.evaluate((w) => w.scrollIntoView({ behavior: "instant" }));
  await rendered(page.locator("#table tbody td").first());
  const clipped = await page.evaluate(() => [...document.querySelectorAll("#table tbody tr")].slice(0, 12)
    .flatMap((r) => [...r.querySelectorAll("td.num")].filter((c) => c.scrollWidth > c.clientWidth).map((c) => `${r.id.slice(4)} ${c.textContent} ${c.scrollWidth}>${c.clientWidth}`)));
  assert.deepEqual(clipped, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("copied rows paste into a spreadsheet as rows of tab-separated cells", async () => {
  const { page, errors } = await open(env.browser, env.base + "?v=1&region=sa");
  await eventually(async () => assert.equal(await page.locator("#table-h").textContent(), "6 of 144 countries shown"));
  const copied = await page.evaluate(() => {
    let text = null;
    window.addEventListener("copy", (e) => { text = e.clipboardData.getData("text/plain"); }, { once: true });
    const rows = [...document.querySelectorAll("#table tbody tr:not([hidden])")];
    const range = document.createRange();
    range.setStartBefore(rows[1].querySelector("th"));
    range.setEndAfter(rows[3].lastElementChild);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    document.execCommand("copy");
    return { text, isos: rows.slice(1, 4).map((r) => r.id.slice(4)) };
  });
  const lines = copied.text.trimEnd().split("\n");
  assert.equal(lines.length, 3, copied.text);
  for (const l of lines) assert.equal(l.split("\t").length, 11, l);
  const names = copied.isos.map((iso) => data.countries.find((c) => c.iso3 === iso).name);
  assert.deepEqual(lines.map((l) => l.split("\t")[0]), names);
  assert.ok(lines.every((l) => l.split("\t")[3] === "South Asia"), copied.text);
  assert.ok(lines.every((l) => /^[+−]\d\.\d\d$|^n\/a$/.test(l.split("\t")[5])), copied.text);
  assert.deepEqual(errors, []);
});

test("on a phone the table shows country, status and the indicator picked above it", async () => {
  const { page, errors } = await open(env.browser, env.base, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const cells = () => page.locator("#row-FRA").evaluate((r) => [...r.children].filter((c) => c.getClientRects().length).map((c) => c.innerText.trim()));
  const fra = data.countries.find((c) => c.iso3 === "FRA");
  const fmt = (v) => (v < 0 ? "−" : "+") + Math.abs(v).toFixed(2);
  await page.locator("#row-FRA").scrollIntoViewIfNeeded();
  let shown;
  await eventually(async () => {
    shown = await cells();
    assert.equal(shown.length, 3, JSON.stringify(shown));
    assert.match(shown[0], /^France/);
  });
  assert.equal(shown[2], fmt(fra.wgi.va));
  assert.ok(await page.locator(".phone-pick").isVisible());
  await page.locator('.phone-pick label:has(#ind-cc)').click();
  await eventually(async () => { shown = await cells(); assert.equal(shown[2], fmt(fra.wgi.cc)); });
  const head = await page.locator("#table thead th").evaluateAll((ths) => ths.filter((t) => t.getClientRects().length).map((t) => t.innerText.trim()));
  assert.equal(head.length, 3);
  assert.match(head[2], /^CC/);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375);
  assert.deepEqual(errors, []);
});

test("at 1440 px each row is one line (the French name beside the English one), and the indicators shade on one scale diverging at 0 in light and dark", async () => {
  for (const scheme of ["light", "dark"]) {
    const { page, context, errors } = await open(env.browser, env.base, { viewport: { width: 1440, height: 900 } });
    await page.emulateMedia({ colorScheme: scheme });
    await page.locator("#table").scrollIntoViewIfNeeded();
    const rows = await page.locator("#table tbody tr:not([hidden])").evaluateAll((trs) => trs.slice(0, 12).map((tr) => {
      const th = tr.querySelector("th"), en = th.querySelector(".linkish"), fr = th.querySelector(".fr");
      return { h: tr.getBoundingClientRect().height, same: Math.abs(en.getBoundingClientRect().top - fr.getBoundingClientRect().top) < 6 };
    }));
    for (const r of rows) assert.ok(r.h < 48 && r.same, `${scheme}: row ${JSON.stringify(r)}`);
    // Weakest and strongest cells differ in hue (purple vs green); the middle is unshaded.
    const bg = (v) => page.evaluate((v) => { const td = document.createElement("td"); td.className = `num h${v}`; document.querySelector("#table tbody tr td").parentElement.appendChild(td); const c = getComputedStyle(td).backgroundColor; td.remove(); return c.match(/\d+/g).slice(0, 4).map(Number); }, v);
    const [lo, mid, hi] = [await bg(0), await bg(4), await bg(8)];
    assert.ok(lo[2] > lo[1] && lo[0] > lo[1], `${scheme}: weak end purple ${lo}`);
    assert.ok(hi[1] > hi[0] && hi[1] > hi[2], `${scheme}: strong end green ${hi}`);
    assert.ok(mid.length === 4 && mid[3] === 0, `${scheme}: middle unshaded ${mid}`);
    await context.close();
    assert.deepEqual(errors, []);
  }
});
