// The world map: classes by status, small states as dots, tooltips (hover and tap), selection
// linked to the table and URL, filters fading the map, the legend as a filter, breakdowns.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, open, loadData, rowIsos, settle, eventually } from "./helpers.mjs";

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
  await malta.locator(".dot").click({ force: true });
  await settle(page);
  assert.match(page.url(), /sel=MLT/);
  assert.ok(await page.locator('tr[data-iso3="MLT"]').evaluate((r) => r.classList.contains("selected")));
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
  await page.locator('tr[data-iso3="KEN"] .linkish').click();
  await settle(page);
  assert.match(await feat(page, "KEN").getAttribute("class"), /selected/);
  assert.match(page.url(), /sel=KEN/);
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

test("the vote map names a few countries of both statuses on a wide screen, none on a phone", async () => {
  const wide = await open(env.browser, env.base, { viewport: { width: 1440, height: 900 } });
  await wide.page.locator("#vote-map").scrollIntoViewIfNeeded();
  const labels = await wide.page.locator("#vote-map .map-labels text").evaluateAll((ts) => ts.map((t) => [t.textContent, t.getBoundingClientRect().height]));
  assert.ok(labels.length >= 5, JSON.stringify(labels));
  assert.ok(labels.some(([n]) => n === "United States") && labels.some(([n]) => n === "China"));
  // Both statuses are among the labelled (data from src/data, not from the app).
  const status = (name) => data.countries.find((c) => c.name === name || c.name.startsWith(name))?.status;
  assert.equal(status("United States"), "declined");
  assert.equal(status("China"), "signed");
  for (const [n, h] of labels) assert.ok(h >= 12, `${n} drawn ${h} px tall`);
  await wide.context.close();
  const phone = await open(env.browser, env.base, { viewport: { width: 375, height: 812 } });
  assert.equal(await phone.page.locator("#vote-map .map-labels text").first().isVisible(), false);
  await phone.context.close();
});
