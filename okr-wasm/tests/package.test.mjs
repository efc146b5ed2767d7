// The npm package's own layer (okr-wasm/js, assembled in pkg/ by scripts/build-wasm.sh):
// one call per keystroke with check(), OkrError as a class that crosses postMessage, Date
// values in documents, the web build's error before init() and initSync() in node (SSR),
// and rule documentation as data.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { once } from "node:events";

const require = createRequire(import.meta.url);
const okr = require("../pkg/node.cjs");

const YAML = `cycles:
  - { id: Q3, start: 2026-07-01, end: 2026-09-30 }
teams:
  - { id: web }
objectives:
  - id: O1
    title: Make checkout effortless for returning customers
    owner: web
    key_results:
      - id: K1
        title: Raise checkout conversion from 2% to 3%
        metric: { start: 2, target: 3, unit: "%" }
        check_ins:
          - { date: 2026-08-01, value: 2.5 }
      - id: K2
        title: Improve things
`;
const AS_OF = { asOf: "2026-08-15" };

test("check gives what validate, score and lint give, from one call", () => {
  const checked = okr.check(YAML, AS_OF);
  assert.equal(checked.valid, true);
  assert.deepEqual(checked.problems, []);
  assert.deepEqual(checked.score, okr.score(YAML, AS_OF));
  assert.deepEqual(checked.lint, okr.lint(YAML, AS_OF));
  // K1: (2.5 - 2) / (3 - 2) = 0.5.
  assert.equal(checked.score.objectives[0].key_results[0].score, 0.5);
});

test("check returns a broken document's problems instead of throwing", () => {
  const broken = YAML.replace("owner: web", "owner: nobody").replace("start: 2,", "start: two,");
  const checked = okr.check(broken, AS_OF);
  assert.equal(checked.valid, false);
  assert.equal(checked.score, null);
  assert.equal(checked.lint, null);
  assert.deepEqual(checked.problems, okr.validate(broken).problems);
  assert.ok(checked.problems.length >= 1);
  // Misuse still throws.
  assert.throws(() => okr.check(YAML, { asof: "2026-08-15" }), (e) => okr.isOkrError(e) && e.path === "options.asof");
});

test("OkrError is an exported class; toJSON survives postMessage and fromJSON rebuilds it", async () => {
  let error;
  try {
    okr.score("objectives: [", AS_OF);
  } catch (thrown) {
    error = thrown;
  }
  assert.ok(error instanceof okr.OkrError && error instanceof Error);
  assert.ok(okr.isOkrError(error));
  assert.equal(error.line, error.problems[0].line);
  assert.ok(!okr.isOkrError(new Error("other")) && !okr.isOkrError(null) && !okr.isOkrError("OkrError"));

  const { port1, port2 } = new MessageChannel();
  port2.postMessage(error.toJSON());
  // node's ports emit the message itself (a browser's, an event holding it as `data`).
  const [received] = await once(port1, "message");
  port1.close();
  assert.deepEqual(received, JSON.parse(JSON.stringify(error)));
  assert.deepEqual(Object.keys(received), ["name", "message", "path", "id", "line", "problems"]);
  const rebuilt = okr.OkrError.fromJSON(received);
  assert.ok(okr.isOkrError(rebuilt) && rebuilt instanceof Error);
  assert.deepEqual(
    [rebuilt.message, rebuilt.path, rebuilt.line, rebuilt.problems],
    [error.message, error.path, error.line, error.problems],
  );
});

test("Date values in a document are read as their local calendar day", () => {
  const day = (y, m, d) => new Date(y, m - 1, d, 12, 30); // noon: no time zone moves the day
  const written = {
    cycles: [{ id: "Q3", start: "2026-07-01", end: "2026-09-30" }],
    objectives: [
      {
        id: "O1",
        title: "Make checkout effortless for returning customers",
        key_results: [
          {
            id: "K1",
            title: "Raise checkout conversion from 2% to 3%",
            due: "2026-09-15",
            metric: { start: 2, target: 3 },
            check_ins: [{ date: "2026-08-01", value: 2.5 }],
          },
        ],
      },
    ],
  };
  const dated = structuredClone(written);
  dated.cycles[0].start = day(2026, 7, 1);
  dated.cycles[0].end = day(2026, 9, 30);
  dated.objectives[0].key_results[0].due = day(2026, 9, 15);
  dated.objectives[0].key_results[0].check_ins[0].date = day(2026, 8, 1);
  assert.deepEqual(okr.score(dated, AS_OF), okr.score(written, AS_OF));
  assert.deepEqual(okr.check(dated, AS_OF), okr.check(written, AS_OF));
  // The caller's object is left as it was.
  assert.ok(dated.cycles[0].start instanceof Date);
  // An invalid Date is refused with its path.
  dated.cycles[0].end = new Date("not a day");
  const checked = okr.check(dated, AS_OF);
  assert.equal(checked.valid, false);
  assert.ok(checked.problems.some((p) => p.path.startsWith("cycles[0].end")), JSON.stringify(checked.problems));
});

test("node's import and require give one module, with init as a no-op", async () => {
  const esm = await import("../pkg/node.mjs");
  assert.equal(esm.OkrError, okr.OkrError);
  assert.equal(esm.score, okr.score);
  await esm.default(); // init(): nothing to do in node
  assert.equal(esm.version(), okr.version());
});

test("the web build says to call init() first, and initSync() loads it in node (SSR)", async () => {
  const web = await import("../pkg/index.js");
  assert.throws(
    () => web.score(YAML, AS_OF),
    (e) => web.isOkrError(e) && /await init\(\)/.test(e.message) && /score\(\)/.test(e.message),
  );
  const bytes = readFileSync(new URL("../pkg/okr_wasm_bg.wasm", import.meta.url));
  web.initSync({ module: bytes });
  assert.deepEqual(web.score(YAML, AS_OF), okr.score(YAML, AS_OF));
});

test("ruleDoc gives a rule's sections; explain renders them as markdown, text or html", () => {
  const doc = okr.ruleDoc("OKR206");
  assert.deepEqual(Object.keys(doc), [
    "code", "name", "severity", "category", "summary", "details", "why", "example", "instead", "sources", "precision", "corpus_size",
  ]);
  assert.equal(doc.name, "vague-objective");
  assert.deepEqual(okr.ruleDoc("vague-objective"), doc);
  assert.ok(doc.sources.length >= 2 && doc.sources.every((s) => s.length > 0 && !s.includes(";")));
  const markdown = okr.explain("OKR206");
  assert.equal(markdown, okr.explain("OKR206", { format: "markdown" }));
  assert.match(markdown, /^# vague-objective \(OKR206\)/);
  const text = okr.explain("OKR206", { format: "text" });
  assert.doesNotMatch(text, /[`#]|```/);
  const html = okr.explain("OKR206", { format: "html" });
  assert.match(html, /^<h1>vague-objective \(OKR206\)<\/h1>/);
  assert.match(html, /<pre><code>/);
  assert.throws(() => okr.explain("OKR206", { format: "pdf" }), (e) => okr.isOkrError(e) && e.path === "options.format");
  for (const { code } of okr.rules()) {
    const rule = okr.ruleDoc(code);
    for (const section of ["summary", "why", "example", "instead"]) {
      assert.ok(rule[section].length > 0, `${code} ${section}`);
      // One line per paragraph: outside code blocks, a line ends its paragraph.
      const prose = rule[section].replace(/```[\s\S]*?```/g, "");
      for (const paragraph of prose.split("\n\n")) {
        const lines = paragraph.trim().split("\n").filter((l) => !/^\s*[-*] /.test(l));
        assert.ok(lines.length <= 1, `${code} ${section}: ${JSON.stringify(paragraph)}`);
      }
    }
    // Nothing cites a file the package does not ship.
    assert.doesNotMatch(okr.explain(code), /\.md\b|benches\/|docs\/|tests\//, code);
  }
});

test("one version: the module, the npm package and the Rust workspace agree", () => {
  const cargo = readFileSync(new URL("../../Cargo.toml", import.meta.url), "utf8");
  const workspace = cargo.slice(cargo.indexOf("[workspace.package]")).match(/^version = "([^"]+)"/m)[1];
  const npm = JSON.parse(readFileSync(new URL("../pkg/package.json", import.meta.url), "utf8")).version;
  assert.deepEqual([okr.version(), npm], [workspace, workspace]);
});

test("okr-wasm/json: the smaller module reads JSON alike and says YAML is not in it", async () => {
  const json = await import("../pkg/json.js");
  json.initSync({ module: readFileSync(new URL("../pkg/json/okr_wasm_bg.wasm", import.meta.url)) });
  const text = JSON.stringify(okr.check(YAML, AS_OF).valid ? {
    cycles: [{ id: "Q3", start: "2026-07-01", end: "2026-09-30" }],
    teams: [{ id: "web" }],
    objectives: [{ id: "O1", title: "Make checkout effortless for returning customers", owner: "web",
      key_results: [{ id: "K1", title: "Raise checkout conversion from 2% to 3%", metric: { start: 2, target: 3, unit: "%" },
        check_ins: [{ date: "2026-08-01", value: 2.5 }] }] }],
  } : null);
  assert.deepEqual(json.check(text, AS_OF), okr.check(text, AS_OF));
  const full = readFileSync(new URL("../pkg/okr_wasm_bg.wasm", import.meta.url)).length;
  const small = readFileSync(new URL("../pkg/json/okr_wasm_bg.wasm", import.meta.url)).length;
  assert.ok(small < full * 0.75, `${small} is not much smaller than ${full}`);
  const yaml = json.check(YAML, AS_OF);
  assert.equal(yaml.valid, false);
  assert.equal(yaml.problems[0].kind, "unsupported_format");
  assert.throws(() => json.addCheckIn(YAML, "K1", 3), (e) => json.isOkrError(e) && /yaml/.test(e.message));
});
