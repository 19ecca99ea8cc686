// The playground page: sends what is typed to the bot's playground API and renders the Adaptive Card it
// answers with, using the official adaptivecards library (served from /playground/assets/lib).
(() => {
  "use strict";

  const AC = window.AdaptiveCards;
  const byId = (id) => document.getElementById(id);
  const log = byId("log");
  const composer = byId("composer");
  const text = byId("text");
  const send = byId("send");
  const demo = byId("demo");
  const workspace = byId("workspace");
  const user = byId("user");

  const colors = (value, subtle) => ({ default: value, subtle: subtle ?? value });
  const foreground = {
    default: colors("#1F2328", "#5E6772"),
    dark: colors("#1F2328", "#5E6772"),
    light: colors("#FFFFFF", "#F3F4F6"),
    accent: colors("#4F46E5", "#6366F1"),
    good: colors("#15803D", "#16A34A"),
    warning: colors("#B45309", "#D97706"),
    attention: colors("#B91C1C", "#DC2626"),
  };
  const style = (backgroundColor) => ({ backgroundColor, foregroundColors: foreground });
  const hostConfig = new AC.HostConfig({
    fontFamily: "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif",
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 14, large: 20, extraLarge: 28, padding: 16 },
    separator: { lineThickness: 1, lineColor: "#E3E6EB" },
    fontSizes: { small: 12, default: 14, medium: 16, large: 19, extraLarge: 22 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    containerStyles: {
      default: style("#FFFFFF"),
      emphasis: style("#F4F6F9"),
      accent: style("#EEF0FF"),
      good: style("#ECFDF3"),
      attention: style("#FEF2F2"),
      warning: style("#FFFBEB"),
    },
    actions: {
      maxActions: 6,
      spacing: "default",
      buttonSpacing: 8,
      showCard: { actionMode: "inline", inlineTopMargin: 12 },
      actionsOrientation: "horizontal",
      actionAlignment: "left",
    },
    factSet: {
      title: { color: "default", size: "default", isSubtle: true, weight: "bolder", wrap: true, maxWidth: 180 },
      value: { color: "default", size: "default", isSubtle: false, weight: "default", wrap: true },
      spacing: 8,
    },
  });

  AC.AdaptiveCard.onProcessMarkdown = (markdown, result) => {
    result.outputHtml = renderMarkdown(markdown);
    result.didProcess = true;
  };

  // The subset of markdown Teams renders in a TextBlock: **bold**, _italic_, [text](link), "- " lists and
  // backslash escapes. Everything is HTML-escaped first, so card text can never become markup.
  function renderMarkdown(markdown) {
    const escapes = [];
    const escaped = html(markdown).replace(/\\([\\`*_{}\[\]()#+\-.!>~|])/g, (_, c) => `\u0000${escapes.push(c) - 1}\u0000`);
    const inline = (line) => line
      .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
      .replace(/(^|[^\w])_(.+?)_(?!\w)/g, "$1<em>$2</em>")
      .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>');
    const blocks = [];
    let list = null;
    for (const line of escaped.split(/\r?\n|\r/)) {
      const item = /^\s*[-*] (.*)$/.exec(line);
      if (item) {
        list ??= [];
        list.push(`<li>${inline(item[1])}</li>`);
        continue;
      }
      if (list) {
        blocks.push(`<ul>${list.join("")}</ul>`);
        list = null;
      }
      blocks.push(line === "" ? "" : `<p>${inline(line)}</p>`);
    }
    if (list) blocks.push(`<ul>${list.join("")}</ul>`);
    return blocks.join("").replace(/\u0000(\d+)\u0000/g, (_, i) => escapes[Number(i)]);
  }

  function html(value) {
    return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }

  function message(kind, label) {
    const element = document.createElement("div");
    element.className = `message ${kind}`;
    const who = document.createElement("div");
    who.className = "who";
    who.textContent = label;
    element.append(who);
    log.append(element);
    return element;
  }

  function scrollToEnd(element) {
    element.scrollIntoView({ block: "start", behavior: "instant" });
  }

  function addUserMessage(words, note) {
    const element = message("user", user.value.trim() || "You");
    const bubble = document.createElement("div");
    bubble.className = words ? "bubble" : "bubble empty";
    bubble.textContent = words || note;
    element.append(bubble);
    scrollToEnd(element);
  }

  function addPending() {
    const element = message("bot", "CustomerPulseBot");
    const body = document.createElement("div");
    body.className = "thinking";
    body.textContent = "thinking…";
    element.append(body);
    scrollToEnd(element);
    return (content) => {
      body.replaceWith(content);
      scrollToEnd(element);
    };
  }

  function renderCard(json) {
    const card = new AC.AdaptiveCard();
    card.hostConfig = hostConfig;
    card.onExecuteAction = runAction;
    card.parse(json);
    const rendered = card.render();
    if (!rendered) throw new Error("The answer could not be shown as a card.");
    const frame = document.createElement("div");
    frame.className = "card";
    frame.append(rendered);
    return frame;
  }

  function errorBox(problem) {
    const box = document.createElement("div");
    box.className = "error";
    box.setAttribute("role", "alert");
    box.textContent = problem;
    return box;
  }

  function setBusy(busy) {
    send.disabled = busy;
    demo.disabled = busy;
    document.body.toggleAttribute("data-busy", busy);
  }

  // Sends one request and shows the answer. Resolves to true when the bot handled it; on any failure, or when
  // the bot refused the words (nothing was stored, the card says why), the caller puts the person's text back,
  // so nothing typed is lost.
  async function exchange(path, body) {
    const show = addPending();
    setBusy(true);
    try {
      const response = await fetch(`/playground/api/${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ workspace: workspace.value, user: user.value, ...body }),
      });
      const isJson = (response.headers.get("Content-Type") ?? "").includes("json");
      const answer = isJson ? await response.json() : null;
      if (answer?.type === "AdaptiveCard") {
        show(renderCard(answer));
        return response.ok && response.headers.get("Pulse-Outcome") !== "refused";
      }
      show(errorBox(answer?.detail ?? `The bot answered ${response.status} ${response.statusText}.`));
    } catch (error) {
      show(errorBox(`Could not reach the bot (${error.message}). Your text is kept; try again.`));
    } finally {
      setBusy(false);
    }
    return false;
  }

  async function sendText(words) {
    addUserMessage(words, "(empty message: opens the capture form)");
    text.value = "";
    if (!(await exchange("messages", { text: words })) && text.value === "") {
      text.value = words;
    }
    text.focus();
  }

  function runAction(action) {
    if (action instanceof AC.OpenUrlAction) {
      if (/^https?:\/\//i.test(action.url ?? "")) window.open(action.url, "_blank", "noopener,noreferrer");
      return;
    }
    // Every card action goes to one endpoint, which routes it by the verb its data carries (as Teams routes
    // Action.Execute); the verb is added from the action too, for data that does not carry it.
    if (action instanceof AC.SubmitAction || action instanceof AC.ExecuteAction) {
      addUserMessage("", action.title ?? "Submit");
      const verb = action instanceof AC.ExecuteAction ? action.verb : undefined;
      exchange("capture", { inputs: { ...(verb ? { action: verb } : {}), ...(action.data ?? {}) } });
    }
  }

  function remember(input) {
    const key = `pulse-playground-${input.id}`;
    input.value = localStorage.getItem(key) ?? input.value;
    input.addEventListener("change", () => localStorage.setItem(key, input.value));
  }

  composer.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!send.disabled) sendText(text.value);
  });

  text.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });

  document.querySelectorAll(".suggestions button").forEach((button) =>
    button.addEventListener("click", () => {
      if (!send.disabled) sendText(button.dataset.text);
    }));

  demo.addEventListener("click", () => {
    addUserMessage("", "Load demo data");
    exchange("demo", {});
  });

  remember(workspace);
  remember(user);
  text.focus();
})();
