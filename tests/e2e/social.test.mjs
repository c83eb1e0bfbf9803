// Link previews: with SITE_URL the build makes og:image absolute and adds og:url and
// twitter:image (scripts/social.mjs, called by the post-build hook); a bad SITE_URL fails.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { absoluteSocial, siteUrl } from "../../scripts/social.mjs";
import { launch, DIST } from "./helpers.mjs";

test("SITE_URL makes the link-preview image absolute", async () => {
  const built = readFileSync(join(DIST, "index.html"), "utf8");
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const meta = (html) => page.setContent(html).then(() => page.evaluate(() => ({
      image: document.querySelector('meta[property="og:image"]')?.content,
      url: document.querySelector('meta[property="og:url"]')?.content,
      twitter: document.querySelector('meta[name="twitter:image"]')?.content,
      images: document.querySelectorAll('meta[property="og:image"]').length,
    })));
    // As built here (no SITE_URL): relative, as the build said.
    assert.deepEqual(await meta(built), { image: "public/preview.png", url: undefined, twitter: undefined, images: 1 });
    const site = siteUrl("https://example.org/reports/wcit12");
    assert.deepEqual(await meta(absoluteSocial(built, site)), {
      image: "https://example.org/reports/wcit12/public/preview.png",
      url: "https://example.org/reports/wcit12/",
      twitter: "https://example.org/reports/wcit12/public/preview.png",
      images: 1,
    });
  } finally {
    await browser.close();
  }
  assert.throws(() => siteUrl("example.org"), /not a URL/);
  assert.throws(() => siteUrl("javascript:alert(1)"), /http/);
  assert.equal(siteUrl(""), null);
});
