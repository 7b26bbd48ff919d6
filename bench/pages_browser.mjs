// Browser checks for bench/pages.py, in Debian's Chromium through puppeteer-core (no browser download).
//   node bench/pages_browser.mjs '<json>'   with {"pages": {"home": url, ...}, "out": dir, "theme": name,
//                                                 "screenshots": ["home", ...], "print": ["service"]}
// Prints one JSON object: per page, axe-core violations (at 360 px also with the phone menu open), requests to
// other hosts, reflow at 320 px and at 200% zoom, keyboard focus visibility, text readable without JavaScript,
// where the main heading starts on a 360×740 phone (share of the screen height), print layout.
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const config = JSON.parse(process.argv[2]);
mkdirSync(`${config.out}/screens`, { recursive: true });

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  headless: true,
  args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});

async function open(url, width, height, { javascript = true, media = null } = {}) {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(javascript);
  await page.setViewport({ width, height, deviceScaleFactor: 1 });
  if (media) await page.emulateMediaType(media);
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  const response = await page.goto(url, { waitUntil: "networkidle0" });
  return { page, requests, status: response.status() };
}

async function axe(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ["violations"] })).violations);
  return result.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0]?.target?.join(" ") }));
}

async function overflow(url, width) {
  const { page } = await open(url, width, 800);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.close();
  return scrollWidth - width; // > 0: the page scrolls sideways
}

async function focus(page) {
  // Tab through the first stops: each must show a visible outline or ring; the first is the skip link, on screen.
  const stops = [];
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press("Tab");
    stops.push(
      await page.evaluate(() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        const rect = el.getBoundingClientRect();
        const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== "none";
        return {
          what: `${el.tagName.toLowerCase()}${el.className ? "." + String(el.className).split(" ")[0] : ""}`,
          ring,
          onScreen: rect.width > 0 && rect.height > 0 && rect.top >= 0 && rect.left >= 0 && rect.right <= innerWidth,
        };
      }),
    );
  }
  return { skipFirst: stops[0].what === "a.skip" && stops[0].onScreen, withoutRing: stops.filter((s) => !s.ring).map((s) => s.what) };
}

// A 360×740 phone: the main heading's top edge as a share of the screen height (content in the first half).
const PHONE = { width: 360, height: 740 };
async function headingTop(url) {
  const { page } = await open(url, PHONE.width, PHONE.height, { javascript: false });
  const top = await page.evaluate(() => {
    const heading = document.querySelector("main h1");
    return heading ? heading.getBoundingClientRect().top / innerHeight : null;
  });
  await page.close();
  return top;
}

// The phone menu (a <details>, no JavaScript needed) opened: axe-core again, and a screenshot.
async function menuOpen(page, shot) {
  const summary = await page.$("details.menu-toggle > summary");
  if (!summary) return { found: false, axe: [] };
  await summary.click();
  const open = await page.evaluate(() => document.querySelector("details.menu-toggle").open);
  const violations = await axe(page);
  if (shot) await page.screenshot({ path: shot });
  return { found: true, open, axe: violations };
}

async function mainText(url, javascript) {
  const { page } = await open(url, 360, 800, { javascript });
  const length = await page.evaluate(() => document.querySelector("main")?.innerText.trim().length || 0);
  await page.close();
  return length;
}

async function printLayout(url, name) {
  const { page } = await open(url, 800, 1100, { media: "print" });
  const hidden = await page.evaluate(() =>
    [".site-header .main-nav", ".menu-toggle", ".site-footer", ".search-form", ".skip"].every((selector) =>
      [...document.querySelectorAll(selector)].every((el) => getComputedStyle(el).display === "none" || el.offsetParent === null),
    ),
  );
  const h1 = await page.evaluate(() => !!document.querySelector("main h1")?.offsetParent);
  const pdf = `${config.out}/print-${config.theme}-${name}.pdf`;
  await page.pdf({ path: pdf, format: "A4" });
  await page.screenshot({ path: pdf.replace(/\.pdf$/, ".png"), fullPage: true });
  await page.close();
  return { chromeHidden: hidden, titleShown: h1, pdf };
}

const results = {};
for (const [name, url] of Object.entries(config.pages)) {
  const host = new URL(url).host;
  const mobile = await open(url, 360, 800);
  const violations = await axe(mobile.page);
  const otherHosts = [...new Set(mobile.requests.map((r) => new URL(r)).filter((u) => u.protocol.startsWith("http") && u.host !== host).map((u) => u.host))];
  const shoot = (config.screenshots || []).includes(name);
  const menu = await menuOpen(mobile.page, shoot && `${config.out}/screens/${config.theme}-${name}-360-menu.png`);
  for (const v of menu.axe) if (!violations.some((m) => m.id === v.id)) violations.push(v);
  await mobile.page.close();
  const desktop = await open(url, 1280, 900);
  for (const v of await axe(desktop.page)) if (!violations.some((m) => m.id === v.id)) violations.push(v);
  const keyboard = await focus(desktop.page);
  await desktop.page.close();
  const result = {
    status: mobile.status,
    axe: violations,
    axeSeriousCritical: violations.filter((v) => v.impact === "serious" || v.impact === "critical").length,
    otherHosts,
    overflow320: await overflow(url, 320),
    overflowZoom200: await overflow(url, 640), // a 1280 px window at 200% zoom is 640 CSS px wide
    focus: keyboard,
    textWithoutJs: await mainText(url, false),
    textWithJs: await mainText(url, true),
    headingTop: await headingTop(url),
    menu: { found: menu.found, open: menu.open },
  };
  if ((config.print || []).includes(name)) result.print = await printLayout(url, name);
  for (const width of (config.screenshots || []).includes(name) ? [360, 1280] : []) {
    const shot = await open(url, width, 800);
    await shot.page.screenshot({ path: `${config.out}/screens/${config.theme}-${name}-${width}.png`, fullPage: true });
    await shot.page.close();
  }
  results[name] = result;
}
// Every other page of the desa (sitemap): axe-core at both widths and reflow at 320 px only.
const others = {};
for (const [name, url] of Object.entries(config.others || {})) {
  const violations = [];
  for (const width of [360, 1280]) {
    const { page } = await open(url, width, 800);
    for (const v of await axe(page)) if (!violations.some((m) => m.id === v.id)) violations.push(v);
    await page.close();
  }
  others[name] = { axe: violations, overflow320: await overflow(url, 320), headingTop: await headingTop(url) };
}
results._others = others;
await browser.close();
process.stdout.write(JSON.stringify(results));
