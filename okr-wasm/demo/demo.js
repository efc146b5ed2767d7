// The planning widget: the editor's text is checked and scored as the user types.
// Every piece of user text reaches the page through textContent, never innerHTML.
import init, { explain, lint, score, validate, version } from "../pkg/index.js";

const DEBOUNCE_MS = 200;

const editor = document.getElementById("editor");
const asOfInput = document.getElementById("as-of");
const errorsBox = document.getElementById("errors");
const scoresList = document.getElementById("scores");
const scoresNote = document.getElementById("scores-note");
const diagnosticsList = document.getElementById("diagnostics");
const diagnosticsSummary = document.getElementById("diagnostics-summary");

const COLOR_WORDS = { red: "Red", yellow: "Yellow", green: "Green" };
const PACE_WORDS = {
  not_started: "not started",
  on_track: "on track",
  at_risk: "at risk",
  off_track: "off track",
};

/**
 * Checks and scores the text. Returns the score report (null when the document does not
 * validate) and the diagnostics, all in one shape: {severity, code, message, path, id, line}.
 */
function analyse(text, asOf) {
  const validation = validate(text);
  const diagnostics = validation.problems.map((problem) => ({
    severity: "error",
    code: null,
    ...problem,
  }));
  if (!validation.valid) return { report: null, diagnostics, quality: new Map() };
  const report = score(text, { asOf });
  const linted = lint(text, { asOf });
  diagnostics.push(...linted.diagnostics);
  // Each objective's 0–100 quality, with the points each rule cost it.
  const quality = new Map(linted.objectives.map((q) => [q.id, q]));
  return { report, diagnostics, quality };
}

/** Runs one update; never throws, so a bad keystroke cannot break the page. */
function update() {
  let result;
  try {
    result = analyse(editor.value, asOfInput.value || undefined);
  } catch (error) {
    // An OkrError (e.g. a bad date in "As of") carries path and line like a problem does.
    result = {
      report: null,
      diagnostics: [
        {
          severity: "error",
          code: null,
          message: error.problems?.[0]?.message ?? String(error.message ?? error),
          path: error.path ?? "",
          id: error.id ?? null,
          line: error.line ?? null,
        },
      ],
    };
  }
  // Inline errors are the ones that stop the document loading; lint findings (with a code)
  // are listed in the Diagnostics panel.
  const errors = result.diagnostics.filter((d) => d.severity === "error" && d.code == null);
  renderErrors(errors);
  renderDiagnostics(result.diagnostics);
  if (result.report) {
    renderScores(result.report, result.quality);
    scoresNote.hidden = true;
    scoresList.classList.remove("stale");
  } else if (scoresList.childElementCount > 0) {
    scoresNote.textContent = "Showing the last valid version: fix the errors to update the scores.";
    scoresNote.hidden = false;
    scoresList.classList.add("stale");
  }
}

/** "line 7 · objectives[0].title" — where a diagnostic points. */
function place(diagnostic) {
  const parts = [];
  if (diagnostic.line != null) parts.push(`line ${diagnostic.line}`);
  if (diagnostic.path) parts.push(diagnostic.path);
  return parts.join(" · ");
}

/** Inline errors under the editor; each one selects its line when clicked. */
function renderErrors(errors) {
  errorsBox.hidden = errors.length === 0;
  const items = errors.slice(0, 5).map((error) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "error";
    const where = document.createElement("strong");
    where.textContent = place(error) || "document";
    button.append(where, document.createTextNode(`: ${error.message}`));
    if (error.line != null) button.addEventListener("click", () => selectLine(error.line));
    return button;
  });
  if (errors.length > items.length) {
    const more = document.createElement("p");
    more.textContent = `…and ${errors.length - items.length} more (see Diagnostics).`;
    items.push(more);
  }
  errorsBox.replaceChildren(...items);
}

function selectLine(line) {
  const lines = editor.value.split("\n");
  const start = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
  editor.focus();
  editor.setSelectionRange(start, start + (lines[line - 1] ?? "").length);
}

function renderDiagnostics(diagnostics) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] = (counts[d.severity] ?? 0) + 1;
  diagnosticsSummary.textContent =
    diagnostics.length === 0
      ? "No problems found."
      : `${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info`;
  diagnosticsList.replaceChildren(
    ...diagnostics.map((d) => {
      const item = element("li", `diagnostic ${d.severity}`);
      const head = element("span", "diagnostic-head");
      head.textContent = [d.severity, d.code, place(d), d.id && `[${d.id}]`]
        .filter(Boolean)
        .join(" · ");
      const message = element("span", "diagnostic-message");
      message.textContent = d.message;
      item.append(head, message);
      if (d.help) {
        const help = element("span", "diagnostic-help");
        help.textContent = d.help;
        item.append(help);
      }
      if (d.code) {
        // Explain on click: the rule's full text (why it matters, example, what instead).
        const button = element("button", "explain");
        button.type = "button";
        button.textContent = `Why? (${d.code})`;
        button.setAttribute("aria-expanded", "false");
        const text = element("pre", "explanation");
        text.hidden = true;
        button.addEventListener("click", () => {
          if (!text.textContent) text.textContent = explain(d.code, { format: "text" });
          text.hidden = !text.hidden;
          button.setAttribute("aria-expanded", String(!text.hidden));
        });
        item.append(button, text);
      }
      if (d.line != null) item.addEventListener("dblclick", () => selectLine(d.line));
      return item;
    }),
  );
}

function renderScores(report, quality) {
  scoresList.replaceChildren(
    ...report.objectives.map((objective) => {
      const item = element("li", "objective");
      item.dataset.id = objective.id;
      const written = quality.get(objective.id);
      const details = [
        objective.owner,
        objective.kind,
        objective.pace && PACE_WORDS[objective.pace],
        objective.outcome && `outcome: ${objective.outcome}`,
        written && `quality ${written.quality}/100${written.lost.length ? ` (${written.lost.map((l) => `${l.code} −${l.points}`).join(", ")})` : ""}`,
      ].filter(Boolean);
      item.append(
        scoreRow(`${objective.id} ${objective.title}`, objective.score, objective.color, details),
      );
      const keyResults = element("ul", "key-results");
      for (const kr of objective.key_results) {
        const krItem = element("li", "key-result");
        if (kr.id) krItem.dataset.id = kr.id;
        const krDetails = [];
        if (kr.current != null) krDetails.push(`now ${formatNumber(kr.current)}`);
        if (kr.forecast != null) krDetails.push(`forecast ${percent(kr.forecast)}`);
        if (kr.confidence != null) krDetails.push(`confidence ${formatNumber(kr.confidence)}`);
        krItem.append(scoreRow(kr.id ? `${kr.id} ${kr.title}` : kr.title, kr.score, kr.color, krDetails));
        keyResults.append(krItem);
      }
      item.append(keyResults);
      return item;
    }),
  );
}

/** A title, a bar coloured by band and the same band in words (colour is never alone). */
function scoreRow(title, value, color, details) {
  const row = element("div", "score-row");
  const heading = element("span", "score-title");
  heading.textContent = title;
  const bar = element("div", `bar ${color ?? "none"}`);
  bar.setAttribute("role", "meter");
  bar.setAttribute("aria-valuemin", "0");
  bar.setAttribute("aria-valuemax", "100");
  const fill = element("div", "fill");
  if (value != null) {
    bar.setAttribute("aria-valuenow", String(Math.round(value * 100)));
    fill.style.width = `${Math.max(0, Math.min(1, value)) * 100}%`;
  }
  bar.append(fill);
  const label = element("span", "score-label");
  const pct = element("span", "pct");
  pct.textContent = value == null ? "–" : percent(value);
  const band = element("span", "band");
  band.textContent = color ? COLOR_WORDS[color] : "no score";
  label.append(pct, band);
  bar.setAttribute("aria-label", `${title}: ${pct.textContent} (${band.textContent})`);
  const extra = element("span", "score-details");
  extra.textContent = details.join(" · ");
  row.append(heading, bar, label, extra);
  return row;
}

function element(tag, className) {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

const percent = (value) => `${Math.round(value * 100)}%`;
const formatNumber = (value) => String(Math.round(value * 1000) / 1000);

function debounce(fn, ms) {
  let timer;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

async function start() {
  try {
    await init();
  } catch (error) {
    errorsBox.hidden = false;
    errorsBox.textContent = `Could not load okr (WebAssembly): ${error.message}. Build it with scripts/build-wasm.sh.`;
    return;
  }
  document.getElementById("version").textContent = `okr ${version()}`;
  editor.addEventListener("input", debounce(update, DEBOUNCE_MS));
  asOfInput.addEventListener("input", debounce(update, DEBOUNCE_MS));
  update();
}

start();
