// Embeds: the snippet beside "Copy link", and embedded views (a page of their own per graphic,
// embed-<graphic>.html) that show one graphic, fit a 640×480 frame without a page scrollbar and
// link back to the full view — with JavaScript or without. A report link with embed= opens the
// embed's page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, open } from "./helpers.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env.done(); });

/** An embedded view at 640×480, once its graphic is drawn. */
async function embedded(query, ready) {
  const context = await env.browser.newContext({ viewport: { width: 640, height: 480 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(env.base + query);
  await page.waitForSelector("html[data-app=ready]", { state: "attached" });
  await page.waitForSelector(ready, { state: "visible" });
  return { page, context, errors };
}

const fits = (page) => page.evaluate(() => [document.documentElement.scrollHeight - innerHeight, document.documentElement.scrollWidth - innerWidth]);

test("the embed snippet is an iframe of the current view, with a title", async () => {
  const { page, context } = await open(env.browser, env.base + "?v=1&region=lac&sel=BRA");
  assert.equal(await page.locator("#embed-panel").isVisible(), false, "closed until asked for");
  await page.getByRole("button", { name: "Embed…" }).click();
  assert.equal(await page.getByRole("button", { name: "Embed…" }).getAttribute("aria-expanded"), "true");
  await page.locator("#embed-what").selectOption("chart-va");
  const snippet = await page.locator("#embed-code").inputValue();
  const frame = await page.evaluate((s) => {
    const t = document.createElement("template");
    t.innerHTML = s;
    const f = t.content.firstElementChild;
    return { tag: f.tagName, n: t.content.children.length, src: f.getAttribute("src"), title: f.title, width: f.getAttribute("width"), height: Number(f.getAttribute("height")) };
  }, snippet);
  assert.equal(frame.tag, "IFRAME");
  assert.equal(frame.n, 1);
  assert.match(frame.title, /Voice and Accountability/);
  assert.equal(frame.width, "100%");
  assert.ok(frame.height >= 300, String(frame.height));
  const src = new URL(frame.src);
  assert.equal(src.origin + src.pathname, new URL("embed-chart-va.html", env.base).href);
  assert.equal(src.searchParams.get("embed"), null);
  assert.equal(src.searchParams.get("region"), "lac");
  assert.equal(src.searchParams.get("sel"), "BRA");
  await context.close();
});

for (const [embed, ready, graphic] of [
  ["map", "svg.vote-map", "svg.vote-map"],
  ["table", "#table tbody tr:not([hidden])", "#table table"],
  ["chart-va", 'figure.chart[data-ind="va"] .dots circle', "figure.chart"],
  ["step-day-11", ".scrolly .graphic svg.story-map .feat", ".scrolly .graphic"],
]) {
  test(`embed=${embed} shows one graphic in a 640×480 frame and links back`, async () => {
    const { page, context, errors } = await embedded(`embed-${embed}.html?v=1&region=lac&sel=BRA`, ready);
    // One graphic, none of the page around it.
    const shown = await page.evaluate(() => ["svg.vote-map", "#table table", "figure.chart", ".scrolly .graphic", ".masthead", "#analysis", "#story .prose"]
      .map((s) => [s, [...document.querySelectorAll(s)].filter((e) => e.getClientRects().length > 0).length]));
    for (const [sel, n] of shown) assert.equal(n, sel === graphic ? 1 : 0, `${sel}: ${n}`);
    // Fits without a page scrollbar.
    assert.deepEqual(await fits(page), [0, 0]);
    // A narrow frame shows the table as a phone does: country, status and the indicator picked.
    if (embed === "table") {
      assert.ok(await page.locator("#table tbody tr:not([hidden]) > :nth-child(6)").first().isVisible(), "the picked indicator's column");
      assert.ok(await page.locator("fieldset.phone-pick").isVisible(), "the indicator picker");
    }
    // Links to the full report at the same view, in the top window.
    const link = page.locator(".embed-credit a");
    assert.equal(await link.getAttribute("target"), "_top");
    const back = new URL(await link.getAttribute("href"), env.base);
    assert.equal(back.searchParams.get("embed"), null);
    assert.equal(back.searchParams.get("region"), "lac");
    assert.equal(back.searchParams.get("sel"), "BRA");
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("a report link with embed= opens the embed's page at the link's view", async () => {
  const { page, context } = await embedded("?v=1&region=lac&embed=map&sel=BRA&foo=1", "svg.vote-map");
  const at = new URL(page.url());
  assert.equal(at.pathname, new URL("embed-map.html", env.base).pathname);
  assert.equal(at.searchParams.get("region"), "lac");
  assert.equal(at.searchParams.get("sel"), "BRA");
  assert.equal(at.searchParams.get("embed"), null);
  // What the link had that the page cannot use is still named.
  await page.locator("#url-notice").waitFor();
  assert.match(await page.locator("#url-notice").textContent(), /foo/);
  assert.equal(await page.locator("svg.vote-map").getAttribute("data-sel"), "BRA");
  await context.close();
});

test("without JavaScript an embedded map still shows the map alone in a 640×480 frame", async () => {
  const context = await env.browser.newContext({ viewport: { width: 640, height: 480 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.base + "embed-map.html");
  assert.ok(await page.locator("svg.vote-map").isVisible());
  const box = await page.locator("svg.vote-map").boundingBox();
  assert.ok(box.width > 500 && box.height > 200, JSON.stringify(box));
  for (const sel of [".masthead", "#story", "#table", "figure.chart"]) assert.equal(await page.locator(sel).count(), 0, sel);
  assert.ok(await page.locator(".embed-credit a").isVisible());
  assert.deepEqual(await fits(page), [0, 0]);
  await context.close();
});

test("an unknown embed value opens the full report with the notice", async () => {
  const { page, context } = await open(env.browser, env.base + "?v=1&embed=poster");
  await page.locator("#url-notice").waitFor();
  assert.match(await page.locator("#url-notice").textContent(), /poster/);
  assert.ok(await page.locator(".masthead").isVisible());
  assert.ok(await page.locator("svg.vote-map").isVisible());
  await context.close();
});
