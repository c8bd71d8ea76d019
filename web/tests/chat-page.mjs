// Drives the chat page in Debian's Chromium (headless, through playwright-core; no browser is
// downloaded) the way a young person on a phone would, and fails on the first thing that does
// not work. tests/test_web_browser.py runs it against the running assistant:
//
//   node web/tests/chat-page.mjs '{"url": "...", "question": "...", "expect": "£...", ...}'
//
// Prints one JSON line: {"ok": true, "timings": {...}} or {"ok": false, "error": "..."}.
import { chromium } from "playwright-core";

const plan = JSON.parse(process.argv[2]);
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const WAIT = 60_000;
const timings = {};
const external = [];

async function timed(name, step) {
  const start = Date.now();
  const value = await step();
  timings[name] = Date.now() - start;
  return value;
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

const botMessages = (page) => page.locator(".rw-from-response .rw-message");

async function ask(page, text) {
  const before = await botMessages(page).count();
  await page.locator(".rw-new-message").fill(text);
  await page.keyboard.press("Enter");
  await waitForMoreReplies(page, before);
}

async function waitForMoreReplies(page, before) {
  await page.waitForFunction(
    (n) => document.querySelectorAll(".rw-from-response .rw-message").length > n,
    before, { timeout: WAIT });
  await page.waitForTimeout(700); // the rest of a multi-part reply
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const origin = new URL(plan.url).hostname;
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.hostname !== origin) {
      external.push(request.url());
    }
  });

  await timed("open_and_greeting", async () => {
    await page.goto(plan.url);
    await page.waitForSelector(".rw-from-response", { timeout: WAIT });
  });

  const labels = await page.evaluate(() => ({
    log: document.querySelector(".rw-messages-container")?.getAttribute("role"),
    input: document.querySelector(".rw-new-message")?.getAttribute("aria-label"),
    send: document.querySelector(".rw-send")?.getAttribute("aria-label"),
  }));
  check(labels.log === "log" && labels.input && labels.send,
    `message list, text box and send button need roles and names: ${JSON.stringify(labels)}`);

  await timed("figure", async () => {
    await ask(page, plan.question);
    await page.waitForFunction(
      (figure) => [...document.querySelectorAll(".rw-from-response")]
        .some((m) => m.innerText.includes(figure)),
      plan.expect, { timeout: WAIT });
  });

  await timed("user_text_not_html", async () => {
    await ask(page, '<img src="x" onerror="window.__pwned = 1"><b>bold?</b>');
    const shown = await page.evaluate(() => ({
      pwned: window.__pwned === 1,
      elements: document.querySelectorAll(".rw-client img, .rw-client b").length,
      text: [...document.querySelectorAll(".rw-client")].map((m) => m.innerText).join("\n"),
    }));
    check(!shown.pwned && shown.elements === 0, "user text was rendered as HTML");
    check(shown.text.includes('<img src="x"'), "user text should be shown as typed");
  });

  await timed("clarification_click", async () => {
    await ask(page, plan.clarify);
    const replies = page.locator(".rw-reply");
    await replies.first().waitFor({ timeout: WAIT });
    const count = await replies.count();
    check(count >= 2, `expected choices as buttons, got ${count}`);
    for (let i = 0; i < count; i += 1) {
      const reply = replies.nth(i);
      const focusable = await reply.getAttribute("role") === "button"
        && await reply.getAttribute("tabindex") === "0";
      check(focusable, "each choice must be a focusable button");
    }
    const before = await botMessages(page).count();
    await replies.first().click();
    await waitForMoreReplies(page, before);
    const answer = await botMessages(page).last().innerText();
    check(/£\d/.test(await page.locator(".rw-from-response").last().innerText()),
      `choosing a job should answer with pay, got: ${answer}`);
  });

  await timed("follow_up_chart", async () => {
    await ask(page, plan.followUp);
    const chart = page.locator(`figure.lmi-chart[data-chart="${plan.chart}"]`).last();
    await chart.waitFor({ timeout: WAIT });
    const described = await chart.locator("svg[role=img]").getAttribute("aria-label");
    check(described && /\d/.test(described), "the chart needs a text alternative with its figures");
    await chart.scrollIntoViewIfNeeded();
    if (plan.screenshot) await page.screenshot({ path: plan.screenshot });
  });

  await timed("keyboard_choice", async () => {
    await ask(page, plan.clarify);
    await page.locator(".rw-reply").first().waitFor({ timeout: WAIT });
    const before = await botMessages(page).count();
    await page.locator(".rw-reply").first().focus();
    await page.keyboard.press("Enter");
    await waitForMoreReplies(page, before);
  });

  const width = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
  check(width[0] <= width[1], `the page scrolls sideways at phone width: ${width}`);

  await timed("new_conversation", async () => {
    const sessionId = () => JSON.parse(sessionStorage.getItem("chat_session") || "{}").session_id;
    const oldSession = await page.evaluate(sessionId);
    await page.click("#new-conversation");
    await page.waitForSelector(".rw-from-response", { timeout: WAIT });
    const state = {
      session: await page.evaluate(sessionId),
      userMessages: await page.locator(".rw-from-client").count(),
    };
    check(state.session && state.session !== oldSession, "a new conversation needs a new session");
    check(state.userMessages === 0, "a new conversation starts empty");
  });

  check(external.length === 0, `the page reached outside this computer: ${external.join(", ")}`);
  console.log(JSON.stringify({ ok: true, timings }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, error: String(error.message || error), timings }));
  process.exitCode = 1;
} finally {
  await browser.close();
}
