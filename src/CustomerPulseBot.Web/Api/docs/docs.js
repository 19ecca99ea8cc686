// The API reference: reads the host's own OpenAPI document and lays out every path, method, parameter, schema and
// example. Text from the document is only ever set as text, never as HTML.
"use strict";

const methods = ["get", "post", "put", "patch", "delete"];

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value !== undefined && value !== null) node.setAttribute(name, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function refName(ref) {
  return ref.split("/").pop();
}

function resolve(doc, schema) {
  return schema && schema.$ref ? doc.components?.schemas?.[refName(schema.$ref)] ?? {} : schema ?? {};
}

/** A schema's type in a few words: "string", "array of SignalOutput", "pain | request | …". */
function typeOf(schema) {
  if (!schema) return "";
  if (schema.$ref) return refName(schema.$ref);
  if (schema.enum) return schema.enum.filter((v) => v !== null).join(" | ");
  const types = [].concat(schema.type ?? []).filter((t) => t !== "null");
  const nullable = [].concat(schema.type ?? []).includes("null") ? " or null" : "";
  if (types.includes("array")) return `array of ${typeOf(schema.items)}${nullable}`;
  if (schema.oneOf || schema.anyOf) return (schema.oneOf ?? schema.anyOf).map(typeOf).filter((t) => t && t !== "null").join(" or ");
  return (types.join(" | ") || "object") + (schema.format ? ` (${schema.format})` : "") + nullable;
}

function json(value) {
  return el("pre", {}, JSON.stringify(value, null, 2));
}

function fields(doc, schema) {
  const resolved = resolve(doc, schema);
  const properties = Object.entries(resolved.properties ?? {});
  if (properties.length === 0) return el("p", { class: "note" }, typeOf(schema));
  const required = new Set(resolved.required ?? []);
  return el("table", {},
    el("thead", {}, el("tr", {}, el("th", {}, "Field"), el("th", {}, "Type"), el("th", {}, "Required"))),
    el("tbody", {}, properties.map(([name, property]) =>
      el("tr", {}, el("td", {}, el("code", {}, name)), el("td", {}, typeOf(property)), el("td", {}, required.has(name) ? "yes" : "")))));
}

function examplesOf(media) {
  const found = [];
  if (media.example !== undefined) found.push(["Example", media.example]);
  for (const [name, example] of Object.entries(media.examples ?? {})) found.push([example.summary ?? name, example.value]);
  return found;
}

function parameters(list) {
  return el("table", { class: "parameters" },
    el("thead", {}, el("tr", {}, el("th", {}, "Name"), el("th", {}, "In"), el("th", {}, "Type"), el("th", {}, "Required"), el("th", {}, "Description"))),
    el("tbody", {}, list.map((p) => el("tr", {},
      el("td", {}, el("code", {}, p.name)), el("td", {}, p.in), el("td", {}, typeOf(p.schema)),
      el("td", {}, p.required ? "yes" : ""), el("td", {}, p.description ?? "")))));
}

function body(doc, media, type) {
  return [
    el("p", {}, el("code", {}, type), media.schema ? [" — ", typeOf(media.schema)] : []),
    media.schema ? fields(doc, media.schema) : null,
    examplesOf(media).map(([title, value]) => [el("div", { class: "note" }, title), json(value)]),
  ];
}

function operation(doc, path, method, op) {
  const id = `${method}-${path}`.replace(/[^a-z0-9]+/gi, "-");
  const responses = Object.entries(op.responses ?? {});
  return el("section", { class: "operation", id },
    el("div", { class: "signature" },
      el("span", { class: `method ${method}` }, method), el("span", { class: "path" }, path),
      el("span", { class: "summary" }, op.summary ?? ""),
      (op.security ?? doc.security ?? []).length > 0 ? el("span", { class: "tag" }, "bearer key") : null),
    op.description ? el("p", {}, op.description) : null,
    (op.parameters ?? []).length > 0 ? [el("h3", {}, "Parameters"), parameters(op.parameters)] : null,
    op.requestBody ? [
      el("h3", {}, "Request body"),
      op.requestBody.description ? el("p", {}, op.requestBody.description) : null,
      Object.entries(op.requestBody.content ?? {}).map(([type, media]) => body(doc, media, type)),
    ] : null,
    el("h3", {}, "Responses"),
    responses.map(([status, response]) => [
      el("p", {}, el("span", { class: "status" }, status), " ", response.description ?? ""),
      Object.entries(response.content ?? {}).map(([type, media]) => body(doc, media, type)),
    ]));
}

function render(doc) {
  document.getElementById("title").textContent = `${doc.info?.title ?? "API"} ${doc.info?.version ?? ""}`.trim();
  document.getElementById("description").textContent = doc.info?.description ?? "";
  const schemes = Object.entries(doc.components?.securitySchemes ?? {});
  const operations = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of methods) {
      if (item[method]) operations.push([path, method, item[method]]);
    }
  }

  const toc = document.getElementById("toc");
  toc.replaceChildren(...operations.map(([path, method]) =>
    el("a", { href: `#${`${method}-${path}`.replace(/[^a-z0-9]+/gi, "-")}` }, `${method.toUpperCase()} ${path}`)));

  const main = document.getElementById("reference");
  main.replaceChildren(...[
    el("h2", {}, "Authentication"),
    schemes.map(([name, scheme]) => el("p", {}, el("code", {}, `Authorization: Bearer ${scheme.bearerFormat ?? ""}`), " — ", scheme.description ?? name)),
    el("h2", {}, "Endpoints"),
    operations.map(([path, method, op]) => operation(doc, path, method, op)),
    el("h2", { id: "schemas" }, "Schemas"),
    Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) =>
      el("section", { class: "operation schema", id: `schema-${name}` },
        el("div", { class: "signature" }, el("span", { class: "path" }, name)),
        fields(doc, schema),
        (schema.examples ?? []).map((example) => json(example)))),
  ].flat(Infinity).filter((node) => node));
  main.setAttribute("aria-busy", "false");
}

fetch("/openapi/v1.json")
  .then((response) => {
    if (!response.ok) throw new Error(`The OpenAPI document answered ${response.status}.`);
    return response.json();
  })
  .then(render)
  .catch((error) => {
    const main = document.getElementById("reference");
    main.replaceChildren(el("p", { class: "error" }, `Could not read the OpenAPI document: ${error.message}`));
    main.setAttribute("aria-busy", "false");
  });
