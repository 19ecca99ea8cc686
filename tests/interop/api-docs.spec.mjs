// Opens the API reference page of a running app in headless Chromium: the page reads the host's own OpenAPI document
// and lays out every endpoint, its parameters, schemas and examples, with nothing loaded from anywhere else.
//   API_URL=http://127.0.0.1:5080 node --test api-docs.spec.mjs
// API_DOCS_SCREENSHOT=<path.png> also saves the page (the README picture).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launchChromium } from "./chromium.mjs";

const base = process.env.API_URL;
assert.ok(base, "Set API_URL to the address of a running app.");

let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

test("the reference page lays out every endpoint of the OpenAPI document, from the host alone", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1600 }, deviceScaleFactor: 1 });
  const problems = [];
  const elsewhere = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("request", (request) => {
    if (!request.url().startsWith(base)) elsewhere.push(request.url());
  });

  await page.goto(`${base}/api/docs`);
  await page.waitForSelector("#reference[aria-busy=false]");

  const document = await (await fetch(`${base}/openapi/v1.json`)).json();
  const expected = Object.entries(document.paths).flatMap(([path, item]) =>
    ["get", "post", "put", "patch", "delete"].filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`));
  const shown = await page.$$eval("section.operation:not(.schema) .signature", (nodes) =>
    nodes.map((n) => `${n.querySelector(".method").textContent.toUpperCase()} ${n.querySelector(".path").textContent}`));
  assert.deepEqual(shown, expected);
  assert.ok(expected.length >= 9, `only ${expected.length} operations`);

  const text = await page.textContent("main");
  for (const word of ["Authorization: Bearer pk_", "Idempotency-Key", "cursor", "SignalInput", "quote", "export-timeouts", "application/problem+json"]) {
    assert.ok(text.includes(word), `the page does not show ${word}`);
  }

  const schemas = await page.$$eval("section.schema .path", (nodes) => nodes.map((n) => n.textContent));
  assert.deepEqual(schemas, Object.keys(document.components.schemas));
  assert.deepEqual(problems, []);
  assert.deepEqual(elsewhere, []);

  if (process.env.API_DOCS_SCREENSHOT) {
    await page.screenshot({ path: process.env.API_DOCS_SCREENSHOT });
  }

  await page.close();
});
