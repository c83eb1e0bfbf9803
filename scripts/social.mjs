// Link-preview metadata with absolute addresses. Link unfurlers (chat apps, social sites) ignore a
// relative og:image, so when the site's address is known at build time —
// `SITE_URL=https://example.org/wcit12/ scripts/dev build` — og:image, og:url and twitter:image
// become absolute. Without SITE_URL the build says so once and leaves them relative.
// Used by scripts/postbuild.mjs; `absoluteSocial` is tested by tests/e2e/share.test.mjs.

/** The site's address as a URL ending in "/", or null; throws on anything but http(s). */
export function siteUrl(raw) {
  if (!raw) return null;
  let u;
  try {
    u = new URL(raw);
  } catch {
    throw new Error(`SITE_URL is not a URL: ${raw}`);
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") throw new Error(`SITE_URL must be http(s): ${raw}`);
  u.search = "";
  u.hash = "";
  if (!u.pathname.endsWith("/")) u.pathname += "/";
  return u;
}

const attr = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;");

/** `html` with og:image made absolute against `site` and og:url / twitter:image added. */
export function absoluteSocial(html, site) {
  let image = null;
  const out = html.replace(/<meta\b[^>]*>/g, (tag) => {
    const m = tag.match(/\bproperty=("og:image"|'og:image'|og:image(?=[\s>]))/);
    if (!m) return tag;
    const content = tag.match(/\bcontent=("[^"]*"|'[^']*'|[^\s>]+)/);
    if (!content) throw new Error("og:image has no content attribute");
    image = new URL(content[1].replace(/^["']|["']$/g, ""), site).href;
    return `<meta property="og:image" content="${attr(image)}">`;
  });
  if (!image) throw new Error("no og:image meta tag in index.html");
  const extra = `<meta property="og:url" content="${attr(site.href)}"><meta name="twitter:image" content="${attr(image)}">`;
  return out.replace(/<meta property="og:image"[^>]*>/, (t) => t + extra);
}
