// Drives the playground page of a running app in headless Chromium: what a person types goes through the
// real HTTP API and Core, and the answer is the card the adaptivecards library renders in the page.
//   PLAYGROUND_URL=http://127.0.0.1:5080 node --test playground.spec.mjs
// PLAYGROUND_SCREENSHOT=<path.png> also saves the demo-data answer (the README picture).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launchChromium } from "./chromium.mjs";

const base = process.env.PLAYGROUND_URL;
assert.ok(base, "Set PLAYGROUND_URL to the address of a running app with the playground enabled.");

const capture = "Exporting the Q3 report timed out twice today customer:Acme segment:buyer #export-timeouts";
const captured = "Exporting the Q3 report timed out twice today";

let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

// A page for a workspace of its own, failing the test on any script error or blocked resource.
async function openPlayground(workspace) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1400 }, deviceScaleFactor: 1 });
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  await page.goto(`${base}/playground`);
  await page.fill("#workspace", workspace);
  return { page, problems };
}

async function answers(page) {
  return page.locator("#log .message.bot .card, #log .message.bot .error").count();
}

// Sends what a person would type and returns the text of the card that answers it.
async function say(page, words) {
  const before = await answers(page);
  await page.fill("#text", words);
  await page.press("#text", "Enter");
  return lastAnswer(page, before);
}

async function lastAnswer(page, before) {
  await page.waitForFunction(
    (n) => document.querySelectorAll("#log .message.bot .card, #log .message.bot .error").length > n, before);
  // Bot messages are answered in order, so the first new one is the answer (a locator is re-read on use).
  const answer = page.locator("#log .message.bot").nth(before);
  const error = answer.locator(".error");
  assert.equal(await error.count(), 0, `the bot answered with an error: ${await error.allInnerTexts()}`);
  return answer.locator(".ac-adaptiveCard").first();
}

// True when the element holding `first` comes before the one holding `second` in the card's DOM.
async function comesBefore(card, first, second) {
  return card.evaluate((root, [a, b]) => {
    const holder = (text) => [...root.querySelectorAll("*")].reverse().find((e) => e.textContent.includes(text));
    const x = holder(a);
    const y = holder(b);
    return Boolean(x && y && x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING);
  }, [first, second]);
}

test("a capture, then 'top this week', shows the quote under its theme", async () => {
  const { page, problems } = await openPlayground(`Browser capture ${Date.now()}`);

  const confirmation = await say(page, capture);
  const top = await say(page, "top this week");

  assert.match(await confirmation.innerText(), /export-timeouts/);
  const text = await top.innerText();
  assert.match(text, /export-timeouts/);
  assert.ok(text.includes(captured), `the quote is missing from the answer:\n${text}`);
  assert.ok(await comesBefore(top, "export-timeouts", captured), `the quote is not under its theme:\n${text}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test("demo data, then the question in plain words, ranks this week's pain points", async () => {
  // The page's own default workspace, as a person sees it first; loading demo data twice adds nothing.
  const { page, problems } = await openPlayground("Demo workspace");

  const before = await answers(page);
  await page.click("#demo");
  const loaded = await lastAnswer(page, before);
  const top = await say(page, "what are this week's top customer pain points?");

  assert.match(await loaded.innerText(), /demo data/i);
  const text = await top.innerText();
  assert.ok(await comesBefore(top, "export-timeouts", "slow-dashboard"), `export-timeouts should rank first:\n${text}`);
  assert.ok(text.includes("Any export over 50,000 rows dies"), `the most telling quote is missing:\n${text}`);
  assert.deepEqual(problems, []);
  if (process.env.PLAYGROUND_SCREENSHOT) {
    await page.locator("#log .message.user").last().evaluate((e) => e.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: process.env.PLAYGROUND_SCREENSHOT });
  }
  await page.close();
});

test("a refused text stays in the composer; a question's 'Save it as a customer quote instead' stores it, and Undo removes it", async () => {
  const { page, problems } = await openPlayground(`Browser question ${Date.now()}`);

  const refused = 'Exports crash\u0007 again customer:Acme';
  const rejection = await say(page, refused);
  const kept = await page.inputValue("#text");
  const question = "why do our exports keep failing?";
  const answer = await say(page, question);
  const cleared = await page.inputValue("#text");

  assert.match(await rejection.innerText(), /Nothing was saved/);
  assert.equal(kept, refused, "a refused text must stay in the composer to fix and send again");
  assert.equal(cleared, "", "an answered question leaves the composer empty");
  assert.match(await answer.innerText(), /Read as:/);

  const beforeSave = await answers(page);
  await answer.getByRole("button", { name: "Save it as a customer quote instead" }).click();
  const saved = await lastAnswer(page, beforeSave);
  const savedText = await saved.innerText();
  assert.match(savedText, /Signal captured/);
  assert.ok(savedText.includes(question), `the saved quote is missing:\n${savedText}`);

  const beforeUndo = await answers(page);
  await saved.getByRole("button", { name: "Undo" }).click();
  const undone = await lastAnswer(page, beforeUndo);
  assert.match(await undone.innerText(), /Removed/);
  assert.deepEqual(problems, []);
  await page.close();
});
