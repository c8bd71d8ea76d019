// A jQuery page on another site calls the LMI for All API by XHR (CORS) and by JSONP, as the
// client apps of 2013-2017 did, in Debian's Chromium (headless, playwright-core).
//
//   node web/tests/cross-origin.mjs '{"page": "http://localhost:P/jquery-client.html", "soc": 5314,
//     "title": "...", "estpay": 540}'
import { chromium } from "playwright-core";

const plan = JSON.parse(process.argv[2]);
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"] });
try {
  const page = await browser.newPage();
  await page.goto(plan.page);
  await page.waitForFunction(() => document.getElementById("xhr").dataset.done === "1"
    && document.getElementById("jsonp").textContent !== "" || document.getElementById("errors").textContent !== "",
    null, { timeout: 30_000 });
  const seen = await page.evaluate(() => ({
    errors: document.getElementById("errors").textContent,
    first: document.querySelector("#xhr li") && { soc: Number(document.querySelector("#xhr li").dataset.soc),
      title: document.querySelector("#xhr li").textContent },
    jsonp: { soc: Number(document.getElementById("jsonp").dataset.soc), estpay: document.getElementById("jsonp").textContent },
  }));
  const ok = !seen.errors && seen.first && seen.first.soc === plan.soc && seen.first.title === plan.title
    && seen.jsonp.soc === plan.soc && seen.jsonp.estpay === String(plan.estpay);
  console.log(JSON.stringify({ ok, seen, error: ok ? undefined : JSON.stringify(seen) }));
  if (!ok) process.exitCode = 1;
} catch (error) {
  console.log(JSON.stringify({ ok: false, error: String(error.message || error) }));
  process.exitCode = 1;
} finally {
  await browser.close();
}
