// The Careerometer widget embedded with its one script tag in a page on another site, used with
// the keyboard only, at phone and desktop width, in Debian's Chromium (headless, playwright-core):
// type a job, pick it with the arrow keys and Enter, see its pay, hours and outlook; three jobs
// side by side on a desktop, one under another on a phone; a fourth refused; one removed.
//
//   node web/tests/careerometer.mjs '{"host": "http://localhost:P/careerometer-host.html",
//     "jobs": [{"words": "plumber", "title": "...", "pay": "£540 a week"}, ...], "fourth": "chef"}'
//
// Prints one JSON line: {"ok": true, ...} or {"ok": false, "error": "..."}.
import { chromium } from "playwright-core";

const plan = JSON.parse(process.argv[2]);
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const WAIT = 60_000;
const WIDTHS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function tabUntil(page, frame, test, what) {
  for (let i = 0; i < 15; i += 1) {
    await page.keyboard.press("Tab");
    if (await frame.evaluate(test)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

async function addJob(page, frame, job) {
  await page.keyboard.type(job.words, { delay: 20 });
  await frame.waitForSelector("#cm-options [role=option]", { timeout: WAIT });
  await page.keyboard.press("ArrowDown");
  const active = await frame.evaluate(() => {
    const input = document.getElementById("cm-input");
    const option = document.getElementById(input.getAttribute("aria-activedescendant") || "none");
    return { expanded: input.getAttribute("aria-expanded"), text: option && option.textContent,
      selected: option && option.getAttribute("aria-selected") };
  });
  check(active.expanded === "true" && active.selected === "true",
    `the arrow key should select a suggestion: ${JSON.stringify(active)}`);
  check(active.text === job.title, `the first suggestion for "${job.words}" should be ${job.title}, not ${active.text}`);
  await page.keyboard.press("Enter");
  await frame.waitForFunction(() => ![...document.querySelectorAll("[data-figure]")]
    .some((d) => d.textContent === "Loading…"), null, { timeout: WAIT });
}

async function run(browser, name) {
  const context = await browser.newContext({ viewport: WIDTHS[name] });
  const page = await context.newPage();
  const hosts = new Set([new URL(plan.host).host, new URL(plan.api).host]);
  const external = [];
  page.on("request", (r) => { if (!hosts.has(new URL(r.url()).host)) external.push(r.url()); });
  await page.goto(plan.host);
  const frameElement = await page.waitForSelector("iframe[title]", { timeout: WAIT });
  const frame = await frameElement.contentFrame();
  await frame.waitForSelector("#cm-input", { timeout: WAIT });
  check(new URL(frame.url()).origin === plan.api && new URL(page.url()).origin !== plan.api,
    "the widget should come from the API's site into a page on another site");

  await tabUntil(page, frame, () => document.activeElement && document.activeElement.id === "cm-input", "the job box");
  for (const job of plan.jobs) await addJob(page, frame, job);

  const cards = await frame.evaluate(() => [...document.querySelectorAll(".cm-job")].map((c) => {
    const box = c.getBoundingClientRect();
    return { title: c.querySelector("h3").textContent, top: Math.round(box.top), left: Math.round(box.left),
      pay: c.querySelector('[data-figure="Pay"]').textContent,
      hours: c.querySelector('[data-figure="Hours"]').textContent,
      jobs: c.querySelector('[data-figure="Jobs in the UK"]').textContent };
  }));
  check(cards.length === plan.jobs.length, `expected ${plan.jobs.length} jobs, got ${cards.length}`);
  plan.jobs.forEach((job, i) => {
    check(cards[i].title === job.title, `card ${i} should be ${job.title}`);
    check(cards[i].pay.startsWith(job.pay), `${job.title}: pay should read ${job.pay}, got ${cards[i].pay}`);
    check(/\d+ hours a week/.test(cards[i].hours) || cards[i].hours === "No reliable figure", `hours: ${cards[i].hours}`);
    check(/% by 20\d\d/.test(cards[i].jobs), `outlook: ${cards[i].jobs}`);
  });
  if (name === "desktop") {
    check(new Set(cards.map((c) => c.top)).size === 1, `jobs should sit side by side: ${JSON.stringify(cards)}`);
  } else {
    check(cards.every((c, i) => i === 0 || c.top > cards[i - 1].top), "on a phone, jobs should stack");
  }
  const fits = await frame.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  check(fits, "the widget scrolls sideways");

  await addJob(page, frame, { words: plan.fourth, title: plan.fourthTitle });
  const refused = await frame.evaluate(() => document.getElementById("cm-status").textContent);
  check(/three jobs/.test(refused), `a fourth job should be refused, status: ${refused}`);

  const first = plan.jobs[0].title;
  await tabUntil(page, frame, (t) => document.activeElement && document.activeElement.getAttribute("aria-label") === "Remove " + document.querySelector(".cm-job h3").textContent, "the first Remove button");
  await page.keyboard.press("Enter");
  const after = await frame.evaluate(() => ({
    titles: [...document.querySelectorAll(".cm-job h3")].map((h) => h.textContent),
    focus: document.activeElement && document.activeElement.id,
    status: document.getElementById("cm-status").textContent,
  }));
  check(!after.titles.includes(first) && after.titles.length === plan.jobs.length - 1, `removing failed: ${JSON.stringify(after)}`);
  check(after.focus === "cm-input", "after removing, the job box should have the focus");
  check(after.status.includes("Removed"), "removing should be announced");

  const frameHeight = await frameElement.evaluate((f) => f.getBoundingClientRect().height);
  const contentHeight = await frame.evaluate(() => document.documentElement.scrollHeight);
  check(frameHeight + 2 >= contentHeight, `the frame should grow with the widget: ${frameHeight} < ${contentHeight}`);
  check(external.length === 0, `requests left the two sites: ${external.join(", ")}`);
  await context.close();
  return { width: WIDTHS[name].width, cards };
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
try {
  const done = {};
  for (const name of Object.keys(WIDTHS)) done[name] = await run(browser, name);
  console.log(JSON.stringify({ ok: true, ...done }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, error: String(error.message || error) }));
  process.exitCode = 1;
} finally {
  await browser.close();
}
