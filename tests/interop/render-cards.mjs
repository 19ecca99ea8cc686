// Renders Adaptive Cards with the official adaptivecards 3.0.6 library in headless Chromium, with a Markdown
// processor switched on as a Markdown-rendering host (Teams) would have, and reports what a reader sees.
//
//   node render-cards.mjs < cards.json        stdin: a JSON array of cards
//
// Prints a JSON array with one { text, links, bold } per card: the card's visible text, the targets of its
// links, and how many pieces of text Markdown made bold. CHROMIUM_PATH overrides /usr/bin/chromium.
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
  const page = await browser.newPage();
  await page.setContent("<!doctype html><html><body></body></html>");
  await page.addScriptTag({ path: library });
  const results = await page.evaluate((cards) => {
    const AC = window.AdaptiveCards;
    // Bold and links, the Markdown every host renders in a TextBlock; HTML is escaped first, as hosts do.
    AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
      const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
      result.outputHtml = escaped
        .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
        .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2">$1</a>');
      result.didProcess = true;
    };
    return cards.map((json) => {
      const card = new AC.AdaptiveCard();
      card.parse(json);
      const element = card.render();
      document.body.replaceChildren(element);
      return {
        text: element.innerText,
        links: [...element.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")),
        bold: element.querySelectorAll("strong").length,
      };
    });
  }, cards);
  process.stdout.write(JSON.stringify(results, null, 2) + "\n");
} finally {
  await browser.close();
}
