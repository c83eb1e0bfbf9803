// The link-preview image (public/preview.png, 1200×630, og:image): the built page's own vote map
// with its headline and key, drawn by Chromium from dist/ — so its colours, counts and shapes are
// the report's. Run after a release build when the map or its colours change:
//   node scripts/preview.mjs            (writes public/preview.png; commit it)
import { createRequire } from "node:module";
import { join } from "node:path";
import { serve } from "../tests/e2e/serve.mjs";

const root = join(import.meta.dirname, "..");
const { chromium } = createRequire(join(root, "tests/e2e/package.json"))("playwright-core");
const server = await serve(join(root, "dist"));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium" });
const page = await browser.newPage({ viewport: { width: 1200, height: 630 }, colorScheme: "light" });
await page.goto(server.url);
await page.waitForSelector("html[data-app=ready]", { state: "attached" });
await page.evaluate(() => {
  const map = document.getElementById("vote-map").cloneNode(true);
  map.removeAttribute("id");
  const keys = [...document.querySelectorAll(".map-col .legend .legend-item")].slice(0, 3).map((k) => k.outerHTML).join("");
  const lede = document.querySelector(".masthead h1")?.textContent ?? "";
  document.body.innerHTML = `<div class="pv"><p class="kicker">WCIT-12 · Dubai · 14 December 2012</p><h1>${lede}</h1><div class="legend">${keys}</div><div class="pv-map"></div><p class="pv-src">Source: ITU, EU, CEPT, press and regulators; evidence graded per country. WCIT-12: The Final Vote.</p></div>`;
  document.querySelector(".pv-map").append(map);
  const style = document.createElement("style");
  style.textContent = `.pv{box-sizing:border-box;width:1200px;height:630px;padding:28px 40px;display:flex;flex-direction:column;background:var(--bg)}
  .pv .kicker{margin:0;font:600 18px system-ui,sans-serif;color:var(--muted);max-width:none}
  .pv h1{margin:4px 0 6px;font-size:36px;max-width:none}.pv .legend{margin:0;font-size:18px}.pv .legend-item{min-height:0;border:0}
  .pv-map{flex:1;min-height:0}.pv-map svg{width:100%;height:100%}.pv-map .map-labels[data-z=world]{display:inline}
  .pv-src{margin:0;font:14px system-ui,sans-serif;color:var(--muted);max-width:none}`;
  document.head.append(style);
});
await page.screenshot({ path: join(root, "public/preview.png") });
await browser.close();
await server.close();
console.log("preview: public/preview.png written");
