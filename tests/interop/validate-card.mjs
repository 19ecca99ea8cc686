// Validates Adaptive Cards with the official JavaScript library (npm adaptivecards 3.0.6), the renderer the
// playground page uses, plus the checks that library leaves out (test-infrastructure.md, "Adaptive Cards").
//
//   node validate-card.mjs < cards.json        stdin: one card, or a JSON array of cards
//   node validate-card.mjs a.json b.json       one card per file
//
// Prints a JSON array with one { errors, warnings } per card, in input order; exits 1 if any card has either.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

// The package's "main" points at an ES module build that plain Node cannot load; the UMD bundle loads fine.
const require = createRequire(import.meta.url);
const AC = require("adaptivecards/dist/adaptivecards.js");

const TargetVersion = "1.5";

// Events that describe a card that still works; everything else breaks or changes how it renders.
const WarningEvents = new Set([
  AC.ValidationEvent.Hint,
  AC.ValidationEvent.Deprecated,
  AC.ValidationEvent.RequiredInputsShouldHaveLabel,
  AC.ValidationEvent.RequiredInputsShouldHaveErrorMessage,
]);

function libraryEvents(json) {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  const events = [];
  for (let i = 0; i < context.eventCount; i++) {
    events.push(context.getEventAt(i));
  }
  events.push(...card.validateProperties().validationEvents);
  return events.map((e) => ({
    warning: WarningEvents.has(e.event),
    text: `${AC.ValidationEvent[e.event]}: ${e.message}`,
  }));
}

// What the library accepts silently but Teams shows wrongly or refuses.
function projectErrors(json) {
  const errors = [];
  if (json?.type !== "AdaptiveCard") {
    errors.push(`card type is ${JSON.stringify(json?.type)}, not "AdaptiveCard"`);
  }
  if (json?.version !== TargetVersion) {
    errors.push(`card version is ${JSON.stringify(json?.version)}, not "${TargetVersion}"`);
  }
  walk(json, "$", (node, path) => {
    switch (node.type) {
      case "TextBlock":
        if (typeof node.text !== "string" || node.text.trim() === "") {
          errors.push(`${path}: TextBlock without text`);
        }
        break;
      case "TextRun":
        if (typeof node.text !== "string" || node.text === "") {
          errors.push(`${path}: TextRun without text`);
        }
        break;
      case "RichTextBlock":
        if (!Array.isArray(node.inlines) || node.inlines.length === 0) {
          errors.push(`${path}: RichTextBlock without inlines`);
        }
        break;
      case "FactSet":
        if (!Array.isArray(node.facts) || node.facts.length === 0) {
          errors.push(`${path}: empty FactSet`);
        }
        break;
      case "Action.Execute":
        if (typeof node.verb !== "string" || node.verb === "") {
          errors.push(`${path}: Action.Execute without verb`);
        }
        break;
    }
  });
  return errors;
}

function walk(node, path, visit) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, `${path}[${i}]`, visit));
  } else if (node !== null && typeof node === "object") {
    if (typeof node.type === "string") {
      visit(node, path);
    }
    for (const [key, value] of Object.entries(node)) {
      walk(value, `${path}.${key}`, visit);
    }
  }
}

function validate(json) {
  const events = libraryEvents(json);
  return {
    errors: [...events.filter((e) => !e.warning).map((e) => e.text), ...projectErrors(json)],
    warnings: events.filter((e) => e.warning).map((e) => e.text),
  };
}

function readCards() {
  const files = process.argv.slice(2);
  if (files.length > 0) {
    return files.map((file) => JSON.parse(readFileSync(file, "utf8")));
  }
  const input = JSON.parse(readFileSync(0, "utf8"));
  return Array.isArray(input) ? input : [input];
}

const results = readCards().map(validate);
process.stdout.write(JSON.stringify(results, null, 2) + "\n");
process.exitCode = results.some((r) => r.errors.length > 0 || r.warnings.length > 0) ? 1 : 0;
