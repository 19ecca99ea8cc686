// Renders Adaptive Cards with the official adaptivecards 3.0.6 library in headless Chromium, with a Markdown
// processor switched on as a Markdown-rendering host (Teams) would have, and reports what a reader sees.
//
//   node render-cards.mjs < cards.json        stdin: a JSON array of cards, or of { card, screenshot }
//
// Prints a JSON array with one { text, links, bold } per card: the card's visible text, the targets of its
// links, and how many pieces of text Markdown made bold. An item with a screenshot path is also saved there
// as a PNG, drawn 560 pixels wide like a Teams message. CHROMIUM_PATH overrides /usr/bin/chromium.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const library = require.resolve("adaptivecards/dist/adaptivecards.min.js");
const cards = JSON.parse(readFileSync(0, "utf8"));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 640, height: 800 }, deviceScaleFactor: 2 });
  await page.setContent(
    '<!doctype html><html><body style="margin:0;padding:16px;background:#f5f5f5;font-family:\'Segoe UI\',system-ui,sans-serif">' +
    '<div id="card" style="width:560px;background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.2)"></div></body></html>');
  await page.addScriptTag({ path: library });
  const results = [];
  for (const item of cards) {
    const { card, screenshot } = item.type === "AdaptiveCard" ? { card: item } : item;
    results.push(await page.evaluate((json) => {
      const AC = window.AdaptiveCards;
      // Bold and links, the Markdown every host renders in a TextBlock; HTML is escaped first, as hosts do.
      AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
        const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
        result.outputHtml = escaped
          .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
          .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2">$1</a>');
        result.didProcess = true;
      };
      const card = new AC.AdaptiveCard();
      card.parse(json);
      const element = card.render();
      document.getElementById("card").replaceChildren(element);
      return {
        text: element.innerText,
        links: [...element.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")),
        bold: element.querySelectorAll("strong").length,
      };
    }, card));
    if (screenshot) {
      await page.locator("#card").screenshot({ path: screenshot });
    }
  }
  process.stdout.write(JSON.stringify(results, null, 2) + "\n");
} finally {
  await browser.close();
}
