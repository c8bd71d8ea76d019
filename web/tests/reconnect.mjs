// The chat page through a restart of the Rasa server: the page stays open, its connection drops
// and comes back by itself, and the conversation carries on. tests/test_supervision.py runs it:
//
//   node web/tests/reconnect.mjs '{"url": "...", "question": "...", "expect": "...",
//                                  "followUp": "...", "expectAfter": "..."}'
//
// Prints {"step": "asked", "connects": n} once the first answer is on the page, then waits for a
// line on stdin (the server has been replaced meanwhile), waits for the page to connect again by
// itself, asks the follow-up and prints {"ok": true, "connects": n} or {"ok": false, "error": ...}.
import { createInterface } from "node:readline";
import { chromium } from "playwright-core";

const plan = JSON.parse(process.argv[2]);
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const WAIT = 120_000;
let connects = 0; // the widget logs "connect:<socket id>" each time its socket connects

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function shown(page, text) {
  await page.waitForFunction(
    (t) => [...document.querySelectorAll(".rw-from-response")].some((m) => m.innerText.includes(t)),
    text, { timeout: WAIT });
}

async function ask(page, text) {
  await page.locator(".rw-new-message").fill(text);
  await page.keyboard.press("Enter");
}

const nextLine = () => new Promise((resolve) => {
  const lines = createInterface({ input: process.stdin });
  lines.once("line", (line) => { lines.close(); resolve(line); });
});

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  page.on("console", (message) => {
    if (message.text().startsWith("connect:")) connects += 1;
  });
  await page.goto(plan.url);
  await page.waitForSelector(".rw-from-response", { timeout: WAIT });
  await ask(page, plan.question);
  await shown(page, plan.expect);
  const before = connects;
  console.log(JSON.stringify({ step: "asked", connects: before }));
  await nextLine();
  const deadline = Date.now() + WAIT;
  while (connects <= before && Date.now() < deadline) await page.waitForTimeout(250);
  check(connects > before, "the page did not connect again after the server was replaced");
  await ask(page, plan.followUp);
  await shown(page, plan.expectAfter);
  console.log(JSON.stringify({ ok: true, connects }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, error: String(error.message || error), connects }));
  process.exitCode = 1;
} finally {
  await browser.close();
}
