// Audits pages with axe-core (npm) in Debian's Chromium, headless, through playwright-core, and
// fails on any serious or critical violation. Used for the chat page, the API's developer page
// and explorer, and the Careerometer widget and its demo page:
//
//   node web/tests/axe-audit.mjs '{"pages": [{"url": "...", "kind": "chat", "ask": ["a question"], "widths": [390]}]}'
//
// A page is audited once what it shows has loaded: the chat page after its greeting and the
// answers to the questions in "ask", the widget with its "jobs" chosen and suggestions open. Prints one JSON line:
// {"ok": true, "pages": [{url, width, violations: 0, passed: N rules}]} or {"ok": false, "error": ...}.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const plan = JSON.parse(process.argv[2]);
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const WAIT = 60_000;
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const BLOCKING = new Set(["serious", "critical"]);

async function prepare(page, target) {
  await page.goto(target.url);
  if (target.kind === "chat") {
    await page.waitForSelector(".rw-from-response", { timeout: WAIT });
    for (const question of target.ask || []) {
      const before = await page.locator(".rw-from-response .rw-message").count();
      await page.locator(".rw-new-message").fill(question);
      await page.keyboard.press("Enter");
      await page.waitForFunction((n) => document.querySelectorAll(".rw-from-response .rw-message").length > n,
        before, { timeout: WAIT });
      await page.waitForTimeout(1500);
    }
  } else if (target.kind === "careerometer") {
    for (const job of target.jobs || []) {
      await page.locator("#cm-input").fill(job);
      await page.waitForSelector("#cm-options [role=option]", { timeout: WAIT });
      await page.keyboard.press("ArrowDown");
      await page.locator("#cm-input").press("Enter");
      await page.waitForFunction(() => ![...document.querySelectorAll("[data-figure]")]
        .some((d) => d.textContent === "Loading…"), null, { timeout: WAIT });
    }
    await page.locator("#cm-input").fill(target.typing || "");
    if (target.typing) await page.waitForSelector("#cm-options [role=option]", { timeout: WAIT });
  } else if (target.kind === "explorer") {
    await page.waitForSelector("#endpoint option", { state: "attached", timeout: WAIT });
    await page.click("button[type=submit]");
    await page.waitForFunction(() => document.getElementById("answer").textContent.length > 0, null, { timeout: WAIT });
  } else {
    await page.waitForLoadState("networkidle");
  }
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const results = [];
try {
  for (const target of plan.pages) {
    for (const width of target.widths || [1280]) {
      // axe is injected by the test, which the pages' Content-Security-Policy would refuse
      const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      await prepare(page, target);
      await page.evaluate(AXE);
      const found = await page.evaluate(async () => {
        const report = await window.axe.run(document, { resultTypes: ["violations"] });
        return { violations: report.violations, passes: report.passes.length };
      });
      const blocking = found.violations.filter((v) => BLOCKING.has(v.impact));
      results.push({
        url: target.url, width, violations: blocking.length, passed: found.passes,
        details: blocking.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ") + ": " + n.failureSummary) })),
        minor: found.violations.filter((v) => !BLOCKING.has(v.impact)).map((v) => v.id),
      });
      await context.close();
    }
  }
  const failed = results.filter((r) => r.violations > 0);
  console.log(JSON.stringify({ ok: failed.length === 0, pages: results,
    error: failed.length ? JSON.stringify(failed) : undefined }));
  if (failed.length) process.exitCode = 1;
} catch (error) {
  console.log(JSON.stringify({ ok: false, error: String(error.message || error), pages: results }));
  process.exitCode = 1;
} finally {
  await browser.close();
}
