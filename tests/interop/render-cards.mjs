// Renders Adaptive Cards with the official adaptivecards 3.0.6 library in headless Chromium, with a Markdown
// processor switched on as a Markdown-rendering host (Teams) would have, and reports what a reader sees.
// Block Kit messages have no offline renderer from Slack, so they are laid out here from their blocks JSON,
// in Slack's styling: header, section (text and fields), context, divider and actions, with mrkdwn read as
// Slack reads it (its three escapes, <url|label> links, *bold*, _italic_, ~strike~, `code`, "> " quotes).
//
//   node render-cards.mjs < cards.json        stdin: a JSON array of cards, or of { card, screenshot } and
//                                             { slack, screenshot }, where slack is a chat.postMessage body
//
// Prints a JSON array with one { text, links, bold } per item: its visible text, the targets of its links,
// and how many pieces of text Markdown made bold. An item with a screenshot path is also saved there as a
// PNG: a card 560 pixels wide like a Teams message, a Slack message 680 wide. CHROMIUM_PATH overrides /usr/bin/chromium.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { launchChromium } from "./chromium.mjs";

const require = createRequire(import.meta.url);
const library = require.resolve("adaptivecards/dist/adaptivecards.min.js");
const cards = JSON.parse(readFileSync(0, "utf8"));

function drawCard(json) {
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
  const frame = document.getElementById("card");
  frame.style.cssText = "width:560px;background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.2)";
  frame.replaceChildren(card.render());
}

// Builds DOM nodes only (never innerHTML), so text shows exactly as Slack would show it.
function drawSlackMessage(message) {
  const el = (tag, css, ...children) => {
    const node = document.createElement(tag);
    node.style.cssText = css;
    node.append(...children);
    return node;
  };
  const unescape = (text) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

  // One line of mrkdwn: control sequences in <>, then the formatting marks, the rest as text.
  const inline = (line) => {
    const nodes = [];
    const pattern = /<([^<>|]+)(?:\|([^<>]*))?>|`([^`]+)`|\*([^*\n]+)\*|_([^_\n]+)_|~([^~\n]+)~/g;
    let last = 0;
    for (const m of line.matchAll(pattern)) {
      nodes.push(unescape(line.slice(last, m.index)));
      last = m.index + m[0].length;
      if (m[1] !== undefined) {
        const target = unescape(m[1]);
        nodes.push(/^[!@#]/.test(target)
          // A mention or broadcast: Slack would highlight it and notify; show that, never hide it.
          ? el("span", "background:#fff5cc;color:#1264a3;border-radius:3px;padding:0 2px", "@" + (m[2] ?? target.slice(1)))
          : Object.assign(el("a", "color:#1264a3;text-decoration:none", unescape(m[2] ?? m[1])), { href: target }));
      } else if (m[3] !== undefined) {
        nodes.push(el("code", "font:12px Menlo,'DejaVu Sans Mono',monospace;color:#e01e5a;background:#f6f6f6;border:1px solid #e3e3e3;border-radius:3px;padding:1px 3px", unescape(m[3])));
      } else if (m[4] !== undefined) {
        nodes.push(el("strong", "font-weight:700", ...inline(m[4])));
      } else if (m[5] !== undefined) {
        nodes.push(el("em", "", ...inline(m[5])));
      } else {
        nodes.push(el("s", "", ...inline(m[6])));
      }
    }
    nodes.push(unescape(line.slice(last)));
    return nodes.filter((n) => n !== "");
  };

  // Lines starting with an escaped ">" are a block quote, as in Slack.
  const mrkdwn = (text, css) => {
    const box = el("div", css);
    let quote = null;
    for (const line of text.split("\n")) {
      if (line.startsWith("&gt; ") || line === "&gt;") {
        quote ??= box.appendChild(el("div", "border-left:4px solid #dddddd;padding-left:12px;margin:2px 0"));
        quote.append(el("div", "min-height:1em", ...inline(line.slice(5))));
      } else {
        quote = null;
        box.append(el("div", "min-height:1em", ...inline(line)));
      }
    }
    return box;
  };
  const text = (object, css) => object.type === "mrkdwn" ? mrkdwn(object.text, css) : el("div", css, object.text);

  const block = (b) => {
    switch (b.type) {
      case "header":
        return el("div", "font-size:18px;font-weight:900;line-height:1.33;margin:4px 0 6px", b.text.text);
      case "section": {
        const section = el("div", "margin:4px 0");
        if (b.text) {
          section.append(text(b.text, ""));
        }
        if (b.fields) {
          section.append(el("div", "display:grid;grid-template-columns:1fr 1fr;gap:8px 16px;margin-top:4px",
            ...b.fields.map((f) => text(f, ""))));
        }
        return section;
      }
      case "context":
        return el("div", "display:flex;flex-wrap:wrap;gap:0 8px;font-size:12px;line-height:1.5;color:#616061;margin:2px 0 8px",
          ...b.elements.map((e) => text(e, "min-width:0;max-width:100%")));
      case "divider":
        return el("hr", "border:0;border-top:1px solid #dddddd;margin:12px 0");
      case "actions":
        return el("div", "display:flex;gap:8px;margin:8px 0", ...b.elements.map((e) => el("span",
          e.style === "primary"
            ? "font-weight:700;font-size:13px;padding:6px 12px;border-radius:4px;background:#007a5a;color:#fff"
            : "font-weight:700;font-size:13px;padding:6px 12px;border-radius:4px;border:1px solid #bbbbbb",
          e.text.text)));
      default:
        return el("div", "color:#e01e5a", `[a ${b.type} block, which this page does not draw]`);
    }
  };

  const frame = document.getElementById("card");
  frame.style.cssText = "width:680px;background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.2)";
  frame.replaceChildren(el("div",
    "display:flex;gap:8px;padding:12px 20px 12px 16px;font:15px/1.46668 Lato,'Liberation Sans',Arial,sans-serif;color:#1d1c1d",
    el("div", "flex:none;width:36px;height:36px;border-radius:6px;background:#4a154b;color:#fff;font-weight:900;font-size:16px;display:flex;align-items:center;justify-content:center", "CP"),
    el("div", "flex:1;min-width:0",
      el("div", "margin-bottom:2px",
        el("span", "font-weight:900", "Customer Pulse"), " ",
        el("span", "font-size:10px;font-weight:700;color:#616061;background:#e8e8e8;border-radius:2px;padding:1px 3px;vertical-align:1px", "APP"), " ",
        el("span", "font-size:12px;color:#616061", "9:00 AM")),
      ...(message.blocks ?? []).map(block))));
}

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 760, height: 800 }, deviceScaleFactor: 2 });
  await page.setContent(
    '<!doctype html><html><body style="margin:0;padding:16px;background:#f5f5f5;font-family:\'Segoe UI\',system-ui,sans-serif">' +
    '<div id="card"></div></body></html>');
  await page.addScriptTag({ path: library });
  const results = [];
  for (const item of cards) {
    const { card, slack, screenshot } = item.type === "AdaptiveCard" ? { card: item } : item;
    await (slack ? page.evaluate(drawSlackMessage, slack) : page.evaluate(drawCard, card));
    results.push(await page.evaluate(() => {
      const drawn = document.getElementById("card").firstElementChild;
      return {
        text: drawn.innerText,
        links: [...drawn.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")),
        bold: drawn.querySelectorAll("strong").length,
      };
    }));
    if (screenshot) {
      await page.locator("#card").screenshot({ path: screenshot });
    }
  }
  process.stdout.write(JSON.stringify(results, null, 2) + "\n");
} finally {
  await browser.close();
}
