// One small page API over three engines, so every check is written once:
//   Chromium — Debian chromium, puppeteer-core (CDP)
//   Firefox  — Debian firefox-esr, puppeteer-core over WebDriver BiDi (no geckodriver)
//   WebKit   — Debian WebKitGTK MiniBrowser, WebKitWebDriver + selenium-webdriver, under Xvfb
// A page offers: goto(url), run(fn, ...args) (fn is serialised and run in the page; its result
// must be JSON), click(selector), type(selector, text), choose(selector, value),
// until(fn, ...args) (polls until fn returns truthy), resize(w, h), close().
import { spawn, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const require = createRequire(join(import.meta.dirname, "..", "e2e", "package.json"));

/** The real Firefox ESR binary (Debian's /usr/bin/firefox-esr is a wrapper script). */
const FIREFOX = "/usr/lib/firefox-esr/firefox-esr";
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
/** MiniBrowser ships with WebKitGTK 4.1 (package libwebkit2gtk-4.1-0). */
function miniBrowser() {
  const out = execFileSync("dpkg", ["-L", "libwebkit2gtk-4.1-0"], { encoding: "utf8" });
  const path = out.split("\n").find((l) => l.endsWith("/MiniBrowser"));
  if (!path) throw new Error("MiniBrowser not found in libwebkit2gtk-4.1-0");
  return path;
}

export const ENGINES = ["chromium", "firefox", "webkit"];

export function version(engine) {
  const cmd = { chromium: [CHROMIUM, "--version"], firefox: [FIREFOX, "--version"], webkit: ["dpkg-query", "-W", "-f=WebKitGTK ${Version}", "libwebkit2gtk-4.1-0"] }[engine];
  try {
    return execFileSync(cmd[0], cmd.slice(1), { encoding: "utf8" }).trim();
  } catch {
    return `${engine} (version unknown)`;
  }
}

/** Polls `check` (async) until it returns a truthy value or `timeout` ms pass; returns the value. */
export async function poll(check, timeout = 15000, what = "condition") {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ""}`);
    await sleep(50);
  }
}

/** Brings an element into view before a click, as a reader would: only when it is not already
 *  on screen (instantly: the page scrolls smoothly by default, and a click during the scroll
 *  misses). Scrolling a control that is already visible would move the page under it — for the
 *  story's sticky Next button, to the previous step, so that Next went back to where it was. */
const SCROLL_IF_NEEDED = (el) => {
  const r = el.getBoundingClientRect();
  if (r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) el.scrollIntoView({ block: "center", behavior: "instant" });
};

// ---------- puppeteer-core: Chromium (CDP) and Firefox (WebDriver BiDi) ----------

async function puppeteerEngine(engine) {
  const { default: puppeteer } = await import(require.resolve("puppeteer-core"));
  const browser = await puppeteer.launch(
    engine === "firefox"
      ? { browser: "firefox", executablePath: FIREFOX, headless: true }
      : { executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"] },
  );
  return {
    async page({ width = 1280, height = 900 } = {}) {
      const p = await browser.newPage();
      await p.setViewport({ width, height });
      const api = {
        goto: (url) => p.goto(url, { waitUntil: "load" }),
        run: (fn, ...args) => p.evaluate(fn, ...args),
        async click(sel) {
          await p.$eval(sel, SCROLL_IF_NEEDED);
          await p.click(sel);
        },
        async type(sel, text) {
          await p.click(sel, { count: 3 });
          await p.keyboard.press("Backspace");
          await p.type(sel, text);
        },
        choose: (sel, value) => p.select(sel, value),
        until: (fn, ...args) => poll(() => p.evaluate(fn, ...args), 15000, fn.name || String(fn).slice(0, 60)),
        resize: (w, h) => p.setViewport({ width: w, height: h }),
        close: () => p.close(),
      };
      return api;
    },
    close: () => browser.close(),
  };
}

// ---------- selenium-webdriver: WebKitGTK MiniBrowser ----------

async function webkitEngine() {
  const { Builder, By, Key } = await import(require.resolve("selenium-webdriver"));
  const display = `:${90 + (process.pid % 9)}`;
  const xvfb = spawn("Xvfb", [display, "-screen", "0", "1400x1000x24", "-nolisten", "tcp"], { stdio: "ignore" });
  const port = 4500 + (process.pid % 400);
  const driverProc = spawn("WebKitWebDriver", [`--port=${port}`], { stdio: "ignore", env: { ...process.env, DISPLAY: display } });
  const stop = () => { driverProc.kill(); xvfb.kill(); };
  try {
    await poll(async () => (await fetch(`http://127.0.0.1:${port}/status`)).ok, 10000, "WebKitWebDriver");
  } catch (e) {
    stop();
    throw e;
  }
  const binary = miniBrowser();
  const drivers = [];
  return {
    async page({ width = 1280, height = 900 } = {}) {
      // A new MiniBrowser per page. Once in a few dozen starts (seen after the whole Chromium
      // suite had run) the session never came up and the suite hung: give it 30 s, then one more try.
      const session = () => new Builder()
        .usingServer(`http://127.0.0.1:${port}`)
        .withCapabilities({ browserName: "MiniBrowser", "webkitgtk:browserOptions": { binary, args: ["--automation"] } })
        .build();
      const within = (p, ms) => Promise.race([p, new Promise((_, no) => setTimeout(() => no(new Error(`no MiniBrowser session after ${ms} ms`)), ms))]);
      const d = await within(session(), 30000).catch(() => within(session(), 30000));
      drivers.push(d);
      const setSize = async (w, h) => {
        await d.manage().window().setRect({ width: w, height: h });
        // The window includes browser chrome: adjust until the viewport has the asked width.
        const inner = await d.executeScript("return [innerWidth, innerHeight]");
        await d.manage().window().setRect({ width: w + (w - inner[0]), height: h + (h - inner[1]) });
      };
      await setSize(width, height);
      const run = (fn, ...args) => d.executeScript(`return (${fn}).apply(null, arguments)`, ...args);
      // WebKit needs an element in view before a click reaches it.
      const find = async (sel) => {
        const el = await d.findElement(By.css(sel));
        // Instantly: the page scrolls smoothly by default, and a click during the scroll misses.
        await d.executeScript(`(${SCROLL_IF_NEEDED})(arguments[0])`, el);
        return el;
      };
      return {
        goto: (url) => d.get(url),
        run,
        click: async (sel) => (await find(sel)).click(),
        async type(sel, text) {
          const el = await find(sel);
          await el.clear();
          await el.sendKeys(text);
        },
        async choose(sel, value) {
          // Selects by setting the value and firing `change`, as a user's choice does.
          await run((s, v) => {
            const el = document.querySelector(s);
            el.value = v;
            el.dispatchEvent(new Event("change", { bubbles: true }));
          }, sel, value);
        },
        until: (fn, ...args) => poll(() => run(fn, ...args), 15000, fn.name || String(fn).slice(0, 60)),
        resize: setSize,
        close: async () => {
          await d.quit();
          drivers.splice(drivers.indexOf(d), 1);
        },
        keys: Key,
      };
    },
    async close() {
      for (const d of drivers.splice(0)) await d.quit().catch(() => {});
      stop();
    },
  };
}

/** Starts an engine: { page(viewport) → page API, close() }. */
export async function start(engine) {
  if (engine === "webkit") return webkitEngine();
  return puppeteerEngine(engine);
}

/** True when the engine's binaries are installed (the test command installs them). */
export function available(engine) {
  if (engine === "chromium") return existsSync(CHROMIUM);
  if (engine === "firefox") return existsSync(FIREFOX);
  return existsSync("/usr/bin/WebKitWebDriver") && existsSync("/usr/bin/Xvfb");
}
