// Lighthouse (mobile) on each address given, in one Chromium, for tests/browser/test_lighthouse.py.
// Prints one JSON line per address: its score in each category and the audits that cost points.
// One browser for every page: starting Chromium and Lighthouse for each page took most of the time.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

function shortfalls(lhr) {
  const found = {};
  for (const [name, category] of Object.entries(lhr.categories)) {
    found[name] = {
      score: category.score,
      failing: category.auditRefs
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id].score ?? 0) < 1)
        .map((ref) => [ref.id, lhr.audits[ref.id].displayValue ?? ""].filter(Boolean).join(" ")),
    };
  }
  return found;
}

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
});
try {
  for (const url of process.argv.slice(2)) {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: CATEGORIES,
      // Neither counts in any score, and together they took a tenth of each page's time.
      disableFullPageScreenshot: true,
      skipAudits: ["bf-cache"],
    });
    console.log(JSON.stringify({ url, categories: shortfalls(result.lhr) }));
  }
} finally {
  await chrome.kill();
}
