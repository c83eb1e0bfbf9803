// The world map: classes by status, small states as dots, tooltips (hover and tap), selection
// linked to the table and URL, filters fading the map, the legend as a filter, breakdowns.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { setup, open, openHeld, loadData, rowIsos, settle, eventually, rendered } from "./helpers.mjs";

let env, data;
before(async () => { env = await setup(); data = loadData(); });
after(async () => env.done());

const feat = (page, iso) => page.locator(`svg.vote-map [data-iso3="${iso}"]`);

test("every member state is drawn with the class of its status", async () => {
  const { page, errors } = await open(env.browser, env.base);
  for (const c of data.countries) {
    const cls = await feat(page, c.iso3).getAttribute("class");
    assert.ok(cls.split(" ").includes(c.status), `${c.iso3} should be ${c.status}, has "${cls}"`);
  }
  for (const n of data.notListed) {
    assert.match(await feat(page, n.iso3).getAttribute("class"), /notlisted/, n.iso3);
  }
  assert.match(await feat(page, "USA").getAttribute("class"), /declined/);
  assert.match(await feat(page, "RUS").getAttribute("class"), /signed/);
  assert.equal(await page.locator('svg.vote-map [data-iso3]').count(), 144 + 49);
  assert.equal(await page.locator("svg.vote-map").getAttribute("role"), "img");
  assert.deepEqual(errors, []);
});

test("a small state is a visible, clickable dot that selects the country", async () => {
  const { page, errors } = await open(env.browser, env.base);
  const malta = feat(page, "MLT");
  assert.equal(await malta.getAttribute("data-dot"), "1");
  await malta.locator(".hit").scrollIntoViewIfNeeded();
  // A reader sees the map before clicking; the test waits for the frame that renders it.
  await rendered(malta.locator(".dot"));
  await malta.locator(".dot").click({ force: true });
  await settle(page);
  await eventually(async () => assert.match(page.url(), /sel=MLT/));
  assert.ok(await page.locator('#row-MLT').evaluate((r) => r.classList.contains("selected")));
  assert.match(await malta.getAttribute("class"), /selected/);
  assert.match(await page.locator("#selected-card").textContent(), /Malta/);
  assert.deepEqual(errors, []);
});

test("hover shows a tooltip with name, status and evidence; Esc closes it", async () => {
  const { page, errors } = await open(env.browser, env.base);
  const usa = feat(page, "USA");
  await usa.scrollIntoViewIfNeeded();
  const box = await usa.boundingBox();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6);
  const tip = page.locator("#tooltip");
  await tip.waitFor({ state: "visible" });
  const text = await tip.textContent();
  assert.match(text, /United States/);
  assert.match(text, /Did not sign · evidence A/);
  assert.match(text, /High income/);
  await page.keyboard.press("Escape");
  await tip.waitFor({ state: "hidden" });
  // An inferred status says so in the tooltip.
  const irn = feat(page, "IRN");
  const b2 = await irn.boundingBox();
  await page.mouse.move(b2.x + b2.width / 2, b2.y + b2.height / 2);
  await tip.waitFor({ state: "visible" });
  assert.match(await tip.textContent(), /inferred, not confirmed/);
  assert.deepEqual(errors, []);
});

test("a tap selects the country and shows it in the card below the map, not in a floating tooltip", async () => {
  const { page, errors } = await open(env.browser, env.base, { viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
  const bra = feat(page, "BRA");
  await bra.scrollIntoViewIfNeeded();
  const box = await bra.boundingBox();
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => /sel=BRA/.test(location.search));
  assert.match(await page.locator("#selected-card").textContent(), /Brazil/);
  assert.equal(await page.locator("#tooltip").isVisible(), false);
  // Tapping it again clears the selection.
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => !/sel=/.test(location.search));
  assert.deepEqual(errors, []);
});

test("selecting a table row highlights the country on the map", async () => {
  const { page } = await open(env.browser, env.base);
  await page.locator('#row-KEN .linkish').click();
  await settle(page);
  assert.match(await feat(page, "KEN").getAttribute("class"), /selected/);
  await eventually(async () => assert.match(page.url(), /sel=KEN/));
});

test("filters fade countries on the map instead of removing them", async () => {
  const { page, errors } = await open(env.browser, env.base);
  await page.locator("#f-region").selectOption("ssa");
  await settle(page);
  assert.match(await feat(page, "FRA").getAttribute("class"), /faded/);
  assert.doesNotMatch(await feat(page, "KEN").getAttribute("class"), /faded/);
  assert.equal(await page.locator('svg.vote-map [data-iso3]').count(), 193);
  // The legend toggles the status filter.
  await page.locator(".legend-item.declined").click();
  await settle(page);
  assert.equal(await page.locator("#f-status").inputValue(), "declined");
  assert.equal(await page.locator(".legend-item.declined").getAttribute("aria-pressed"), "true");
  assert.match(await feat(page, "NGA").getAttribute("class"), /faded/, "Nigeria signed");
  await page.locator(".legend-item.declined").click();
  await settle(page);
  assert.equal(await page.locator("#f-status").inputValue(), "all");
  assert.deepEqual(errors, []);
});

test("breakdowns count the data and follow the filters", async () => {
  const { page } = await open(env.browser, env.base);
  const cnt = async (list, slug) => {
    const li = page.locator(`#${list} li[data-slug="${slug}"]`);
    return [Number(await li.locator(".n-signed").textContent()), Number(await li.locator(".n-declined").textContent())];
  };
  const high = data.countries.filter((c) => c.income === "High");
  assert.deepEqual(await cnt("by-income", "high"), [high.filter((c) => c.status === "signed").length, high.filter((c) => c.status === "declined").length]);
  const eca = data.countries.filter((c) => c.region === "Europe & Central Asia");
  assert.deepEqual(await cnt("by-region", "eca"), [eca.filter((c) => c.status === "signed").length, eca.filter((c) => c.status === "declined").length]);
  // A search finds countries; it does not change what the breakdowns count.
  const before = await cnt("by-income", "high");
  await page.locator("#search").fill("republic");
  await eventually(async () => assert.ok((await rowIsos(page)).length < 144));
  assert.deepEqual(await cnt("by-income", "high"), before);
  // A filter does.
  await page.locator("#f-region").selectOption("eca");
  const highEca = high.filter((c) => c.region === "Europe & Central Asia");
  await eventually(async () => assert.deepEqual(await cnt("by-income", "high"), [highEca.filter((c) => c.status === "signed").length, highEca.filter((c) => c.status === "declined").length]));
});

test("the vote map names a few countries of both statuses, at 12 px and up on a wide screen and on a phone", async () => {
  const wide = await open(env.browser, env.base, { viewport: { width: 1440, height: 900 } });
  await wide.page.locator("#vote-map").scrollIntoViewIfNeeded();
  const labels = await wide.page.locator("#vote-map .map-labels text").evaluateAll((ts) => ts.filter((t) => t.getBoundingClientRect().height > 0).map((t) => [t.textContent, t.getBoundingClientRect().height]));
  assert.ok(labels.length >= 8 && labels.length <= 12, JSON.stringify(labels));
  assert.ok(labels.some(([n]) => n === "United States") && labels.some(([n]) => n === "China"));
  assert.ok(!labels.some(([n]) => n === "France"), "Europe's labels wait for the Europe zoom");
  // Both statuses are among the labelled (data from src/data, not from the app).
  const status = (name) => data.countries.find((c) => c.name === name || c.name.startsWith(name))?.status;
  assert.equal(status("United States"), "declined");
  assert.equal(status("China"), "signed");
  for (const [n, h] of labels) assert.ok(h >= 12, `${n} drawn ${h} px tall`);
  await wide.context.close();
  // On a phone the world view is drawn wider than the screen (it scrolls sideways), so its
  // names are as legible as on a wide screen.
  const phone = await open(env.browser, env.base, { viewport: { width: 375, height: 812 } });
  const small = await phone.page.locator('#vote-map .map-labels[data-z="world"] text').evaluateAll((ts) => ts.map((t) => [t.textContent, t.getBoundingClientRect().height]));
  assert.equal(small.length, labels.length);
  for (const [n, h] of small) assert.ok(h >= 12, `${n} drawn ${h} px tall on a phone`);
  await phone.context.close();
});

test("the vote map takes the full width at 1440 px, its legend on one row above it", async () => {
  const { page, errors } = await open(env.browser, env.base, { viewport: { width: 1440, height: 900 } });
  await page.locator("#vote-map").scrollIntoViewIfNeeded();
  const map = await page.locator("#vote-map").boundingBox();
  assert.ok(map.width >= 1100, `map ${map.width} px wide`);
  // (One row: the same middle; the key's entries are shorter than its two buttons.)
  const legend = await page.locator(".map-col .legend .legend-item").evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; }));
  assert.equal(new Set(legend.map(Math.round)).size, 1, `legend rows at ${legend}`);
  assert.ok(legend[0] < map.y);
  assert.match(await page.locator(".map-col .legend").textContent(), /ITU member not among the 144 \(49\)/);
  assert.match(await page.locator(".map-col .legend").textContent(), /Territory, not a member/);
  // On a phone the map's box is the column's width and at least 200 px tall (the map inside it
  // is wider and scrolls sideways in it; the page does not).
  const phone = await open(env.browser, env.base, { viewport: { width: 375, height: 812 } });
  const pm = await phone.page.locator("#vote .map-box").boundingBox();
  assert.ok(pm.width >= 343 && pm.width <= 375, `phone map ${pm.width} px wide`);
  assert.ok(pm.height >= 200, `phone map ${pm.height} px tall`);
  const inner = await phone.page.locator("#vote-map").boundingBox();
  assert.ok(inner.width > 1.5 * pm.width, `the map inside is ${inner.width} px wide`);
  await phone.page.locator("#vote .map-box").evaluate((b) => { b.scrollLeft = 200; });
  assert.ok(await phone.page.locator("#vote .map-box").evaluate((b) => b.scrollLeft) > 0, "the map scrolls sideways");
  assert.equal(await phone.page.evaluate(() => document.documentElement.scrollWidth), 375, "no sideways scroll");
  await phone.context.close();
  assert.deepEqual(errors, []);
});

test("the world view has a Europe inset: its sentence counted from the data, the map's colours, a way into the zoom", async () => {
  const { page, errors } = await open(env.browser, env.base, { viewport: { width: 1440, height: 900 } });
  await page.locator("#vote-map").scrollIntoViewIfNeeded();
  const declined = data.countries.filter((c) => c.status === "declined");
  const eca = declined.filter((c) => c.region === "Europe & Central Asia");
  assert.equal(await page.locator(".inset-note").textContent(), `Of all ${declined.length} states that did not sign, ${eca.length} are in the World Bank's Europe & Central Asia region.`);
  // The inset draws the map's own features and follows them: the legend's filter to the
  // signatories fades Europe's non-signatories in the inset too.
  const inset = await page.locator(".inset svg").boundingBox();
  const map = await page.locator("#vote-map").boundingBox();
  assert.ok(inset.width >= 240 && inset.x >= map.x && inset.y + inset.height <= map.y + map.height + 1, JSON.stringify(inset));
  const before = await page.locator(".inset svg").screenshot({ animations: "disabled" });
  await page.locator(".legend-item.signed").click();
  await eventually(async () => assert.match(await feat(page, "FRA").getAttribute("class"), /faded/));
  await eventually(async () => assert.ok(!before.equals(await page.locator(".inset svg").screenshot({ animations: "disabled" })), "the inset changed"));
  await page.locator(".legend-item.signed").click();
  // Selecting it zooms the map to Europe (and the inset, no longer needed, goes).
  await page.locator(".inset label").click();
  assert.equal(await page.locator("#zoom-europe").isChecked(), true);
  await eventually(async () => assert.match(page.url(), /zoom=europe/));
  assert.equal(await page.locator(".inset").isVisible(), false);
  assert.deepEqual(errors, []);
});

test("a selected country's name does not run into a neighbour's: Tanzania hides Kenya's while selected", async () => {
  const { page, errors } = await open(env.browser, env.base + "?v=1&sel=TZA", { viewport: { width: 1440, height: 900 } });
  await page.locator("#vote-map").scrollIntoViewIfNeeded();
  await eventually(async () => assert.equal(await page.locator("#sel-label").textContent(), "Tanzania"));
  const box = (sel) => page.locator(sel).evaluate((e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; });
  const kenya = '#vote-map .map-labels[data-z="world"] [data-l="KEN"]';
  assert.equal(await page.locator(kenya).evaluate((e) => getComputedStyle(e).visibility), "hidden");
  // Where it would have been, it overlaps the selection's label; other names stay.
  const [a, b] = [await box("#sel-label"), await box(kenya)];
  assert.ok(a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3], "the two labels would overlap");
  assert.equal(await page.locator('#vote-map .map-labels[data-z="world"] [data-l="IND"]').evaluate((e) => getComputedStyle(e).visibility), "visible");
  assert.deepEqual(errors, []);
});

/** Width on screen of a country's shape, in px. */
const shapeWidth = (page, iso) => feat(page, iso).evaluate((el) => el.getBoundingClientRect().width);

for (const width of [1440, 375]) {
  test(`zooming the vote map to Europe enlarges it and names its countries (${width} px)`, async () => {
    const { page, errors } = await open(env.browser, env.base, { viewport: { width, height: 900 } });
    await page.locator("#vote-map").scrollIntoViewIfNeeded();
    const before = await shapeWidth(page, "FRA");
    await page.locator('label:has(#zoom-europe)').click();
    assert.equal(await page.locator("#zoom-europe").isChecked(), true);
    // (A phone's world view is already 1.7 times the screen's width.)
    const k = width === 375 ? 2 : 3;
    await eventually(async () => assert.ok(await shapeWidth(page, "FRA") > k * before, `France at least ${k} times wider`));
    // Once the zoom has eased in (400 ms), its labels are 12 px and up as drawn.
    await eventually(async () => {
      const labels = await page.locator('#vote-map .map-labels[data-z="europe"] text').evaluateAll((ts) => ts.map((t) => [t.textContent, t.getBoundingClientRect().height]));
      assert.ok(labels.some(([n]) => n === "France") && labels.some(([n]) => n === "Turkey"), JSON.stringify(labels));
      for (const [n, h] of labels) assert.ok(h >= 12 && h <= 30, `${n} drawn ${h} px tall`);
    });
    assert.equal(await page.locator('#vote-map .map-labels[data-z="world"]').isVisible(), false);
    // Strokes keep their width on screen: the zoom divides them by its scale.
    const z = await page.locator("#vote-map").evaluate((el) => Number(getComputedStyle(el).getPropertyValue("--z")));
    assert.ok(z > 3, `--z ${z}`);
    await page.locator('label:has(#zoom-world)').click();
    await eventually(async () => assert.ok(Math.abs(await shapeWidth(page, "FRA") - before) < 1));
    assert.deepEqual(errors, []);
  });
}

test("a zoom chosen before the app has started is kept: the map stays zoomed and the link says so", async () => {
  // Hold the wasm back, zoom with the static radio buttons (CSS), then let the app start.
  const { page, context, release, errors } = await openHeld(env.browser, env.base);
  await page.locator("#vote-map").scrollIntoViewIfNeeded();
  await page.locator("label:has(#zoom-europe)").click();
  assert.equal(await page.locator("#zoom-europe").isChecked(), true);
  release();
  await page.waitForSelector("html[data-app=ready]", { state: "attached" });
  await eventually(async () => assert.match(page.url(), /[?&]zoom=europe(&|$)/));
  assert.equal(await page.locator("#zoom-europe").isChecked(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the zoom is part of the link: chosen, shared, opened, downloaded and embedded at it", async () => {
  const { page, errors } = await open(env.browser, env.base);
  await page.locator("#vote-map").scrollIntoViewIfNeeded();
  await page.locator('label:has(#zoom-europe)').click();
  await eventually(async () => assert.match(page.url(), /[?&]zoom=europe(&|$)/));
  // The download is the part on screen, as large as the whole map, with the zoom's labels.
  const btn = page.locator("#download-map-svg");
  await btn.scrollIntoViewIfNeeded();
  const [download] = await Promise.all([page.waitForEvent("download"), btn.click()]);
  const svg = readFileSync(await download.path(), "utf8");
  const [vx, , vw] = svg.match(/<svg[^>]*viewBox="([^"]+)"/)[1].split(" ").map(Number);
  assert.ok(vw < 300 && vx > 380 && vx < 520, `viewBox of Europe: x ${vx}, width ${vw}`);
  assert.match(svg, /<svg[^>]* width="960\.0"/);
  assert.match(svg, /did not \(map: Europe\)/);
  // Shapes outside the part are covered under the title and the sources.
  assert.equal((svg.match(/<rect[^>]*fill:#ffffff/g) || []).length, 3);
  assert.match(svg, /display:inline[^>]*>(<text[^>]*>[^<]+<\/text>)*<text[^>]*>France</);
  assert.match(svg, /display:none[^>]*>(<text[^>]*>[^<]+<\/text>)*<text[^>]*>United States</);
  // Back to the world: the link drops the zoom.
  await page.locator("#vote-map").scrollIntoViewIfNeeded();
  await page.locator('label:has(#zoom-world)').click();
  await eventually(async () => assert.doesNotMatch(page.url(), /zoom=/));
  assert.deepEqual(errors, []);

  // A shared link opens at its zoom.
  const shared = await open(env.browser, env.base + "?zoom=caribbean&sel=CUB");
  assert.equal(await shared.page.locator("#zoom-caribbean").isChecked(), true);
  await shared.page.locator("#vote-map").scrollIntoViewIfNeeded();
  assert.equal(await shared.page.locator('#vote-map .map-labels[data-z="caribbean"]').isVisible(), true);
  assert.equal(await shared.page.locator('#vote-map .map-labels[data-z="world"]').isVisible(), false);
  // The selected country is named once: its own label steps aside for the selection's.
  const cuba = () => shared.page.locator('#vote-map .map-labels[data-z="caribbean"] text', { hasText: "Cuba" }).evaluate((t) => getComputedStyle(t).visibility);
  assert.equal(await shared.page.locator("#sel-label").textContent(), "Cuba");
  assert.equal(await cuba(), "hidden");
  await shared.page.locator("#table").scrollIntoViewIfNeeded();
  await shared.page.locator('#row-CUB button.linkish').click();
  await eventually(async () => assert.equal(await cuba(), "visible"));
  assert.deepEqual(shared.errors, []);

  // An unknown zoom: the world, and the notice names it.
  const bad = await open(env.browser, env.base + "?zoom=asia");
  assert.equal(await bad.page.locator("#zoom-world").isChecked(), true);
  assert.match(await bad.page.locator("#url-notice").textContent(), /“asia” for “zoom”/);
  assert.equal(await bad.page.locator("#url-notice").isVisible(), true);

  // An embedded map at a zoom (its own page): the map shows the zoom, as on the report (the
  // zoom's radio buttons are there, hidden), with the zoom's labels.
  const embed = await open(env.browser, env.base + "embed-map.html?zoom=gulf");
  assert.equal(await embed.page.locator("#zoom-gulf").isChecked(), true);
  const scale = await embed.page.locator("#vote-map").evaluate((svg) => new DOMMatrix(getComputedStyle(svg.closest(".zoom")).transform).a);
  assert.ok(scale > 2, `embedded zoom scale ${scale}`);
  assert.equal(await embed.page.locator('#vote-map .map-labels[data-z="gulf"]').isVisible(), true);
  assert.equal(await embed.page.locator('#vote-map .map-labels[data-z="world"]').isVisible(), false);
  assert.deepEqual(embed.errors, []);
});

test("the zoom eases over about 400 ms, and not at all under reduced motion", async () => {
  for (const [motion, want] of [["no-preference", true], ["reduce", false]]) {
    const { page, context } = await open(env.browser, env.base, { reducedMotion: motion });
    const dur = await page.locator(".map-box .zoom").evaluate((el) => getComputedStyle(el).transitionDuration);
    const ms = Math.max(...dur.split(",").map((d) => parseFloat(d) * (d.trim().endsWith("ms") ? 1 : 1000)));
    if (want) assert.ok(ms >= 300 && ms <= 500, `${motion}: ${dur}`);
    else assert.equal(ms, 0, `${motion}: ${dur}`);
    await context.close();
  }
});

test("the finder on the map selects a country, labels it and zooms to its region", async () => {
  for (const width of [1440, 375]) {
    const { page, errors, context } = await open(env.browser, env.base, { viewport: { width, height: 900 } });
    const find = page.locator("#map-find");
    await find.scrollIntoViewIfNeeded();
    await find.focus();
    // The suggestions are the 144 names, made on first focus.
    await eventually(async () => assert.equal(await page.locator("#map-find-list option").count(), 144));
    await find.fill("malta");
    await find.press("Enter");
    await eventually(async () => assert.match(page.url(), /sel=MLT/));
    assert.equal(await page.locator("#zoom-europe").isChecked(), true);
    await eventually(async () => assert.match(page.url(), /zoom=europe/));
    const label = page.locator("#sel-label");
    assert.equal(await label.textContent(), "Malta");
    // Once the zoom has eased in, the label is readable and sits just above Malta's dot, centred.
    await eventually(async () => {
      const [l, m] = [await label.boundingBox(), await feat(page, "MLT").locator(".dot").boundingBox()];
      assert.ok(l.height >= 12, `label ${l.height} px tall`);
      assert.ok(Math.abs(l.x + l.width / 2 - (m.x + m.width / 2)) < 3, `label at ${JSON.stringify(l)}, Malta at ${JSON.stringify(m)}`);
      assert.ok(l.y + l.height / 2 < m.y && l.y + l.height > m.y - 12, `label at ${JSON.stringify(l)}, Malta at ${JSON.stringify(m)}`);
    });
    assert.ok(await page.locator('#row-MLT').evaluate((r) => r.classList.contains("selected")));
    // A name outside the zooms goes back to the world; an unknown one changes nothing.
    await find.fill("Brazil");
    await find.press("Enter");
    await eventually(async () => assert.match(page.url(), /sel=BRA/));
    assert.equal(await page.locator("#zoom-world").isChecked(), true);
    assert.equal(await label.textContent(), "Brazil");
    await find.fill("Atlantis");
    await find.press("Enter");
    await settle(page);
    await eventually(async () => assert.match(page.url(), /sel=BRA/));
    // Clearing the selection clears the label.
    await page.locator('#selected-card .actions button').click();
    await eventually(async () => assert.equal(await label.textContent(), ""));
    assert.deepEqual(errors, []);
    await context.close();
  }
});
