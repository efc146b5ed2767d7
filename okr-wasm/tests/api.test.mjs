// Node tests of every export of okr-wasm (pkg/node, built by scripts/build-wasm.sh).
// Expected numbers are computed by hand from docs/scoring.md; the comments show the arithmetic.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const okr = require("../pkg/node.cjs");

const close = (actual, expected, what) =>
  assert.ok(Math.abs(actual - expected) < 1e-12, `${what}: ${actual} != ${expected}`);

// Q3 has 91 days from start to end; 2026-08-15 is day 45.
const YAML = `cycles:
  - { id: 2026-Q3, start: 2026-07-01, end: 2026-09-30 }
teams:
  - { id: acme, name: ACME }
objectives:
  - id: O1
    title: Delight customers
    owner: acme
    key_results:
      - id: O1-KR1
        title: Raise NPS from 10 to 20
        metric: { start: 10, target: 20 }
        check_ins:
          - { date: 2026-07-01, value: 11, confidence: 0.5 }
          - { date: 2026-08-01, value: 15, confidence: 0.7 }
          - { date: 2026-09-15, value: 30 }
      - id: O1-KR2
        title: Ship the loyalty program
        binary: { done: true }
        weight: 3
      - id: O1-KR3
        title: Publish 100 recipes
        metric: { start: 0, target: 100 }
        check_ins:
          - { date: 2026-07-01, value: 10 }
          - { date: 2026-08-01, value: 30 }
  - id: O2
    title: Be known
    owner: acme
    kind: committed
    aligns_to: O1
    key_results:
      - "Lift awareness from 10% to 25%"
`;

// The same document as a plain object (dates as strings, a bare key result as a string).
const OBJECT = {
  cycles: [{ id: "2026-Q3", start: "2026-07-01", end: "2026-09-30" }],
  teams: [{ id: "acme", name: "ACME" }],
  objectives: [
    {
      id: "O1",
      title: "Delight customers",
      owner: "acme",
      key_results: [
        {
          id: "O1-KR1",
          title: "Raise NPS from 10 to 20",
          metric: { start: 10, target: 20 },
          check_ins: [
            { date: "2026-07-01", value: 11, confidence: 0.5 },
            { date: "2026-08-01", value: 15, confidence: 0.7 },
            { date: "2026-09-15", value: 30 },
          ],
        },
        { id: "O1-KR2", title: "Ship the loyalty program", binary: { done: true }, weight: 3 },
        {
          id: "O1-KR3",
          title: "Publish 100 recipes",
          metric: { start: 0, target: 100 },
          check_ins: [
            { date: "2026-07-01", value: 10 },
            { date: "2026-08-01", value: 30 },
          ],
        },
      ],
    },
    {
      id: "O2",
      title: "Be known",
      owner: "acme",
      kind: "committed",
      aligns_to: "O1",
      key_results: ["Lift awareness from 10% to 25%"],
    },
  ],
};

/** Calls `fn`, expecting an OkrError; returns it. */
function thrown(fn) {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof Error, "a real Error");
    assert.equal(error.name, "OkrError");
    assert.ok(Array.isArray(error.problems) && error.problems.length > 0, "problems listed");
    assert.equal(error.path, error.problems[0].path);
    assert.equal(error.line, error.problems[0].line);
    return error;
  }
  assert.fail("expected an OkrError");
}

test("score: hand-computed scores, colours, outcome, pace and forecast", () => {
  const report = okr.score(YAML, { asOf: "2026-08-15" });
  assert.equal(report.as_of, "2026-08-15");
  assert.deepEqual(report.objectives.map((o) => o.id), ["O1", "O2"]);

  const [o1, o2] = report.objectives;
  const [kr1, kr2, kr3] = o1.key_results;
  // KR1: current = 15 (the 2026-09-15 check-in is after asOf): (15 - 10) / (20 - 10) = 0.5
  assert.equal(kr1.score, 0.5);
  assert.equal(kr1.attainment, 0.5);
  assert.equal(kr1.color, "yellow");
  assert.equal(kr1.current, 15);
  assert.equal(kr1.confidence, 0.7);
  // progress 0.1 on day 0 and 0.5 on day 31: 0.1 + 0.4 * 91 / 31 = 1.27, clamped to 1
  assert.equal(kr1.forecast, 1);
  // KR2: binary, done
  assert.equal(kr2.score, 1);
  assert.equal(kr2.color, "green");
  assert.equal(kr2.forecast, null);
  // KR3: 30 / 100 = 0.3; forecast 0.1 + 0.2 * 91 / 31
  close(kr3.score, 0.3, "KR3 score");
  assert.equal(kr3.color, "red");
  close(kr3.forecast, 0.1 + (0.2 * 91) / 31, "KR3 forecast");
  assert.equal(kr3.confidence, null);
  // O1: (0.5 * 1 + 1 * 3 + 0.3 * 1) / 5 = 0.76
  close(o1.score, 0.76, "O1 score");
  assert.equal(o1.color, "green");
  assert.equal(o1.outcome, "met");
  close(o1.expected, 45 / 91, "expected");
  assert.equal(o1.pace, "on_track"); // 0.76 - 0.49 >= -0.2
  assert.equal(o1.kind, "aspirational");
  assert.equal(o1.cycle, "2026-Q3"); // the document's only cycle
  assert.equal(o1.owner, "acme");
  // O2: a bare sentence "from 10% to 25%" with no check-in stays at its start: 0
  assert.deepEqual(o2.key_results[0], {
    id: null,
    title: "Lift awareness from 10% to 25%",
    owner: "acme", // no owner of its own: its objective's
    score: 0,
    attainment: 0,
    color: "red",
    current: 10,
    forecast: null,
    confidence: null,
  });
  assert.equal(o2.score, 0);
  assert.equal(o2.outcome, "missed"); // committed: below 1.0
  assert.equal(o2.pace, "off_track"); // 0 - 0.49 < -0.4
});

test("score: the result is a plain object with exactly the keys of docs/reports.md", () => {
  const report = okr.score(YAML, { asOf: "2026-08-15" });
  assert.equal(Object.getPrototypeOf(report), Object.prototype);
  assert.deepEqual(Object.keys(report), ["as_of", "objectives"]);
  assert.deepEqual(Object.keys(report.objectives[0]), [
    "id", "title", "owner", "cycle", "kind", "score", "color", "outcome", "expected", "pace",
    "key_results",
  ]);
  assert.deepEqual(Object.keys(report.objectives[0].key_results[0]), [
    "id", "title", "owner", "score", "attainment", "color", "current", "forecast", "confidence",
  ]);
  // Round-trips through JSON unchanged: no undefined, Map or BigInt inside.
  assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
});

test("score: object, JSON and YAML sources give the same report", () => {
  const options = { asOf: "2026-08-15" };
  const fromYaml = okr.score(YAML, options);
  assert.deepEqual(okr.score(OBJECT, options), fromYaml);
  assert.deepEqual(okr.score(JSON.stringify(OBJECT), options), fromYaml); // sniffed
  assert.deepEqual(okr.score(JSON.stringify(OBJECT, null, 2), { ...options, format: "json" }), fromYaml);
  // JSON is YAML too, so a YAML reader accepts it.
  assert.deepEqual(okr.score(JSON.stringify(OBJECT), { ...options, format: "yaml" }), fromYaml);
});

test("score: asOf as a Date is its local calendar day; the default is today", () => {
  const zone = process.env.TZ;
  try {
    // 01:00 on 15 August in Auckland is still 14 August in UTC: the local day counts.
    process.env.TZ = "Pacific/Auckland";
    assert.equal(okr.score(YAML, { asOf: new Date(2026, 7, 15, 1, 0) }).as_of, "2026-08-15");
    process.env.TZ = "America/Los_Angeles";
    assert.equal(okr.score(YAML, { asOf: new Date(2026, 7, 15, 23, 30) }).as_of, "2026-08-15");
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
  const today = () => {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  };
  for (const options of [undefined, {}, { asOf: null }, { asOf: undefined }]) {
    const before = today();
    const asOf = okr.score(YAML, options).as_of;
    assert.ok([before, today()].includes(asOf), `${asOf} is today`);
  }
});

test("score: before the cycle starts the pace is not_started, after it all check-ins count", () => {
  const before = okr.score(YAML, { asOf: "2026-06-30" }).objectives[0];
  assert.equal(before.pace, "not_started");
  assert.equal(before.expected, 0); // none of the cycle has gone by
  // No check-in yet: KR1 and KR3 sit at their start (0), KR2 is done: 3 / 5 = 0.6
  close(before.score, 0.6, "O1 before the cycle");
  const after = okr.score(YAML, { asOf: "2026-10-01" }).objectives[0];
  // KR1 is now 30: (30 - 10) / 10 = 2 -> score 1, attainment 2
  assert.equal(after.key_results[0].score, 1);
  assert.equal(after.key_results[0].attainment, 2);
  assert.equal(after.expected, 1);
});

test("score: config changes the bands", () => {
  const strict = { asOf: "2026-08-15", config: { colors: { green_from: 0.8 } } };
  assert.equal(okr.score(YAML, strict).objectives[0].color, "yellow"); // 0.76 < 0.8
  const error = thrown(() =>
    okr.score(YAML, { asOf: "2026-08-15", config: { colors: { green: 0.8 } } }),
  );
  assert.equal(error.path, "options.config.colors.green");
  assert.match(error.message, /unknown field `green`/);
  const nanGap = thrown(() => okr.score(YAML, { config: { pace: { at_risk_gap: NaN } } }));
  assert.equal(nanGap.path, "options.config.pace.at_risk_gap");
  assert.equal(nanGap.problems[0].kind, "not_finite");
  assert.match(nanGap.message, /not a finite number/);
});

test("score: bad YAML throws an Error naming the line", () => {
  const text = "objectives:\n  - id: O1\n    title: [unclosed\n    owner: acme\n";
  const error = thrown(() => okr.score(text, { asOf: "2026-08-15" }));
  assert.ok(error.line >= 3, `line ${error.line}`);
  assert.match(error.message, new RegExp(`line ${error.line}`));
});

test("score: an unknown reference throws with its path, id and line", () => {
  const text = YAML.replace("aligns_to: O1", "aligns_to: O9");
  const line = text.split("\n").findIndex((l) => l.includes("aligns_to: O9")) + 1; // 1-based
  const error = thrown(() => okr.score(text, { asOf: "2026-08-15" }));
  assert.equal(error.path, "objectives[1].aligns_to");
  assert.equal(error.id, "O2");
  assert.equal(error.line, line);
  assert.match(error.message, /unknown objective or key result `O9`/);
  assert.match(error.message, new RegExp(`line ${line}: objectives\\[1\\]\\.aligns_to`));
});

test("score: NaN, infinities and overflows are refused with their path", () => {
  const nanYaml = YAML.replace("metric: { start: 10, target: 20 }", "metric: { start: .nan, target: 20 }");
  assert.equal(
    thrown(() => okr.score(nanYaml, { asOf: "2026-08-15" })).path,
    "objectives[0].key_results[0].metric.start",
  );
  const hugeJson = JSON.stringify(OBJECT).replace('"target":100', '"target":1e999');
  const error = thrown(() => okr.score(hugeJson, { asOf: "2026-08-15" }));
  assert.equal(error.path, "objectives[0].key_results[2].metric.target");
  assert.match(error.message, /finite/);
  const nanObject = structuredClone(OBJECT);
  nanObject.objectives[0].key_results[0].metric.target = NaN;
  const objectError = thrown(() => okr.score(nanObject, { asOf: "2026-08-15" }));
  assert.equal(objectError.path, "objectives[0].key_results[0].metric.target");
  assert.equal(objectError.line, null); // objects have no lines
  assert.match(objectError.message, /not a finite number \(NaN, infinity/);
  assert.equal(objectError.problems[0].kind, "not_finite");
  const infinite = structuredClone(OBJECT);
  infinite.objectives[0].key_results[0].metric.start = -Infinity;
  assert.equal(thrown(() => okr.score(infinite, { asOf: "2026-08-15" })).problems[0].kind, "not_finite");
});

test("score: wrong object fields throw with their path", () => {
  const wrong = structuredClone(OBJECT);
  wrong.objectives[0].key_results[1].weight = "heavy";
  const error = thrown(() => okr.score(wrong, { asOf: "2026-08-15" }));
  assert.equal(error.path, "objectives[0].key_results[1].weight");
  assert.match(error.message, /invalid type: string "heavy"/);
  const dated = structuredClone(OBJECT);
  dated.cycles[0].start = "July 1st";
  assert.equal(thrown(() => okr.score(dated)).path, "cycles[0].start");
  // A Date that is no day is refused with its path (valid Dates: tests/package.test.mjs).
  dated.cycles[0].start = new Date("July 1st, 20266");
  const dateError = thrown(() => okr.score(dated));
  assert.equal(dateError.path, "cycles[0].start");
  // A BigInt is refused with its path too (JSON cannot hold one).
  const big = structuredClone(OBJECT);
  big.objectives[0].key_results[1].weight = 3n;
  assert.equal(thrown(() => okr.score(big)).path, "objectives[0].key_results[1].weight");
});

test("score: invalid options throw naming the option", () => {
  for (const [asOf, pattern] of [
    ["2026-02-30", /no such day/],
    ["15/08/2026", /YYYY-MM-DD/],
    // The table the CLI and Python tests use too: one parser for all.
    [" 2026-08-15", /YYYY-MM-DD/],
    ["2026-08-15 ", /YYYY-MM-DD/],
    ["2026-8-15", /YYYY-MM-DD/],
    ["+2026-08-15", /YYYY-MM-DD/],
    [new Date("not a date"), /invalid Date/],
    [20260815, /"YYYY-MM-DD" string or a Date/],
  ]) {
    const error = thrown(() => okr.score(YAML, { asOf }));
    assert.equal(error.path, "options.asOf");
    assert.equal(error.line, null);
    assert.match(error.message, pattern);
  }
  assert.equal(thrown(() => okr.score(YAML, { asof: "2026-08-15" })).path, "options.asof");
  assert.equal(thrown(() => okr.score(YAML, { format: "toml" })).path, "options.format");
  assert.equal(thrown(() => okr.score(YAML, "2026-08-15")).path, "options");
  // YAML read as JSON is a syntax error at line 1.
  assert.equal(thrown(() => okr.score(YAML, { format: "json" })).line, 1);
});

test("score: a source that is not a document throws", () => {
  for (const source of [42, true, undefined, null]) {
    assert.equal(thrown(() => okr.score(source)).path, "source");
  }
  assert.match(thrown(() => okr.score("")).message, /input is empty/);
  assert.match(thrown(() => okr.score([])).message, /must be a mapping/);
});

test("hostile input: deep nesting and cycles are errors, never traps", () => {
  const deep = structuredClone(OBJECT);
  let node = (deep.objectives[0].notes = {});
  for (let i = 0; i < 200; i++) node = node.inner = {};
  const deepError = thrown(() => okr.score(deep));
  assert.match(deepError.message, /too deeply/);
  assert.ok(deepError.path.startsWith("objectives[0].notes.inner.inner"), deepError.path);

  const cyclic = structuredClone(OBJECT);
  cyclic.objectives[0].self = cyclic;
  assert.match(thrown(() => okr.score(cyclic)).message, /cannot be read as plain data.*circular/);
  const cyclicCheck = okr.validate(cyclic);
  assert.equal(cyclicCheck.valid, false);
  assert.equal(cyclicCheck.problems[0].path, "source");
  assert.equal(cyclicCheck.problems[0].kind, "wrong_type");
  // Problems carry a stable kind and their path as keys and indexes.
  const ghost = okr.validate("objectives:\n  - { id: O1, title: A, owner: ghost }\n");
  assert.equal(ghost.problems[0].kind, "unknown_reference");
  assert.match(ghost.problems[0].help, /define the id/);
  assert.deepEqual(ghost.problems[0].loc, ["objectives", 0, "owner"]);
  // What JSON.stringify cannot write, or throws on, is an error too.
  assert.equal(thrown(() => okr.score({ toJSON: () => undefined })).path, "source");
  assert.match(
    thrown(() => okr.score({ toJSON: () => { throw null; } })).message,
    /cannot be read as plain data/,
  );
  assert.equal(thrown(() => okr.score(YAML, { config: { toJSON: () => { throw new Error("no"); } } })).path, "options.config");
  // 100 000 levels: JSON.stringify itself gives up (a RangeError), caught as an error.
  let tower = {};
  for (let i = 0; i < 100_000; i++) tower = { inner: tower };
  thrown(() => okr.score({ objectives: [], notes: tower }));

  const deepYaml = `objectives:\n  - id: O1\n    title: t\n    notes: ${"[".repeat(500)}${"]".repeat(500)}\n`;
  thrown(() => okr.score(deepYaml));
  const deepJson = `{"objectives": [{"id": "O1", "title": "t", "notes": ${"[".repeat(5000)}${"]".repeat(5000)}}]}`;
  thrown(() => okr.score(deepJson));

  // A YAML "billion laughs" is refused by the parser's budgets.
  const laughs = ["objectives: []", 'l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 9; i++) laughs.push(`l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(", ")}]`);
  assert.match(thrown(() => okr.score(laughs.join("\n"))).message, /alias|budget|expands/i);

  // Text over the 64 MiB limit is refused before it is copied into wasm memory.
  assert.match(thrown(() => okr.score(" ".repeat(65 * 1024 * 1024))).message, /over the 67108864-byte limit/);

  // Unknown fields may nest 56 levels (so any document saves as YAML that loads back): at
  // the limit they load, as text and objects; one level more is refused, naming the field.
  const lists = (depth) => `{"objectives": [{"id": "O1", "title": "t", "notes": ${"[".repeat(depth)}${"]".repeat(depth)}}]}`;
  assert.equal(okr.validate(lists(56)).valid, true);
  assert.equal(okr.validate(JSON.parse(lists(56))).valid, true);
  const tooDeep = okr.validate(lists(57));
  assert.equal(tooDeep.valid, false);
  assert.equal(tooDeep.problems[0].path, "objectives[0]");
  assert.match(tooDeep.problems[0].message, /`notes` nests more than 56 levels/);
  const nested = structuredClone(OBJECT);
  let inner = (nested.objectives[0].notes = {});
  for (let i = 1; i < 56; i++) inner = inner.inner = {};
  assert.equal(okr.validate(nested).valid, true);
  assert.equal(okr.validate(JSON.stringify(nested)).valid, true);

  // The module still works after all of the above.
  close(okr.score(YAML, { asOf: "2026-08-15" }).objectives[0].score, 0.76, "after errors");
});

test("validate: {valid, problems} lists every problem with path, id and line", () => {
  assert.deepEqual(okr.validate(YAML), { valid: true, problems: [] });
  assert.deepEqual(okr.validate(OBJECT), { valid: true, problems: [] });

  const text = YAML.replace("owner: acme\n    kind", "owner: ghost\n    kind").replace(
    "aligns_to: O1",
    "aligns_to: O9",
  );
  const lineOf = (needle) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;
  const result = okr.validate(text);
  assert.equal(result.valid, false);
  assert.deepEqual(
    result.problems.map(({ path, id, line }) => ({ path, id, line })),
    [
      { path: "objectives[1].owner", id: "O2", line: lineOf("owner: ghost") },
      { path: "objectives[1].aligns_to", id: "O2", line: lineOf("aligns_to: O9") },
    ],
  );
  assert.match(result.problems[0].message, /ghost/);
});

test("validate: syntax errors come back as problems, not exceptions", () => {
  const result = okr.validate("objectives:\n  - id: O1\n    title: [unclosed\n");
  assert.equal(result.valid, false);
  assert.equal(result.problems.length, 1);
  assert.ok(result.problems[0].line >= 3);
  const empty = okr.validate("# nothing\n");
  assert.equal(empty.valid, false);
  assert.match(empty.problems[0].message, /empty/);
  // Only misuse throws.
  assert.equal(thrown(() => okr.validate(7)).path, "source");
  assert.equal(thrown(() => okr.validate(YAML, { asOf: "2026-08-15" })).path, "options.asOf");
});

test("parseKeyResult reads a sentence", () => {
  const latency = okr.parseKeyResult("Cut p95 latency from 800 ms to 200 ms by end of Q3");
  assert.equal(latency.direction, "decrease");
  assert.equal(latency.baseline, 800);
  assert.equal(latency.target, 200);
  assert.equal(latency.unit, "ms");
  assert.equal(latency.deadline, "by end of q3");
  const kr = okr.parseKeyResult("Increase weekly signups by 15%");
  assert.equal(kr.direction, "increase");
  assert.deepEqual(kr.change, { amount: 15, percent: true });
  assert.equal(kr.baseline, null);
  assert.deepEqual(Object.keys(kr).sort(), [
    "baseline", "bound", "change", "deadline", "direction", "has_number", "metric", "target",
    "unit", "verb",
  ]);
  assert.equal(okr.parseKeyResult("").has_number, false);
  assert.equal(thrown(() => okr.parseKeyResult(42)).path, "text");
});

test("version is the crate version", () => {
  const manifest = readFileSync(new URL("../../Cargo.toml", import.meta.url), "utf8");
  const version = manifest.match(/^\[workspace\.package\][^[]*?^version = "([^"]+)"/m)[1];
  assert.equal(okr.version(), version);
  assert.match(okr.version(), /^\d+\.\d+\.\d+/);
});

const WEAK = `cycles: [{ id: Q3, start: 2026-07-01, end: 2026-09-30 }]
objectives:
  - id: O1
    title: Improve processes
    key_results:
      - { id: K1, title: Improve deployment process }
      - { id: K2, title: Launch the new website }
`;

test("lint: findings with code, severity, path, id and line; summary counts them", () => {
  const report = okr.lint(WEAK, { asOf: "2026-08-01" });
  assert.deepEqual(Object.keys(report), ["diagnostics", "summary", "objectives"]);
  // Each objective's quality: 100 minus 20 per error, 10 per warning, 2 per info on it.
  const points = { error: 20, warning: 10, info: 2 };
  const cost = report.diagnostics
    .filter((d) => d.path === "objectives[0]" || d.path.startsWith("objectives[0]."))
    .reduce((sum, d) => sum + points[d.severity], 0);
  assert.equal(report.objectives[0].quality, Math.max(0, 100 - cost));
  assert.equal(report.objectives[0].lost.reduce((sum, l) => sum + l.points, 0), cost);
  const vague = report.diagnostics.find((d) => d.code === "OKR101");
  assert.deepEqual(Object.keys(vague), ["code", "rule", "severity", "message", "help", "path", "id", "line"]);
  assert.equal(vague.rule, "vague-key-result");
  assert.equal(vague.severity, "error");
  assert.equal(vague.path, "objectives[0].key_results[0]");
  assert.equal(vague.id, "K1");
  assert.equal(vague.line, WEAK.split("\n").findIndex((l) => l.includes("id: K1")) + 1);
  const count = (s) => report.diagnostics.filter((d) => d.severity === s).length;
  assert.deepEqual(report.summary, { error: count("error"), warning: count("warning"), info: count("info") });
});

test("lint: select, ignore and config; object sources have no lines", () => {
  const only = okr.lint(WEAK, { asOf: "2026-08-01", select: "OKR101" });
  assert.deepEqual(only.diagnostics.map((d) => d.code), ["OKR101"]);
  const ignored = okr.lint(WEAK, { asOf: "2026-08-01", ignore: ["OKR1"] });
  assert.ok(ignored.diagnostics.every((d) => !d.code.startsWith("OKR1")));
  const graded = okr.lint(WEAK, { asOf: "2026-08-01", select: ["OKR101"], config: { severity: { OKR101: "info" } } });
  assert.equal(graded.diagnostics[0].severity, "info");
  assert.equal(graded.summary.info, 1);
  const fromObject = okr.lint(
    { objectives: [{ id: "O1", title: "Delight cooks everywhere", kind: "committed", key_results: ["Improve onboarding"] }] },
    { asOf: "2026-08-01", select: "OKR101" },
  );
  assert.equal(fromObject.diagnostics.length, 1);
  assert.equal(fromObject.diagnostics[0].line, null);
  assert.throws(() => okr.lint(WEAK, { select: 5 }), (e) => e instanceof Error && e.path === "options.select");
  assert.throws(() => okr.lint(WEAK, { config: { selekt: [] } }), (e) => e instanceof Error && /selekt/.test(e.message));
  assert.throws(() => okr.lint("objectives: [{ id: O1 }]"), (e) => e instanceof Error && e.path === "objectives[0]");
});

test("lint: as someone types, each call answers for its own text (titles are remembered between calls)", () => {
  const opts = { asOf: "2026-08-01" };
  const typed = (title) => WEAK.replace("title: Improve deployment process", `title: ${title}`);
  const steps = ["Improve onboarding", "Raise", "Raise activation from 30% to 45%", "Ship the tour"];
  // Each text linted straight after a different document (nothing remembered of it) ...
  const alone = steps.map((t) => {
    okr.lint(YAML, opts);
    return okr.lint(typed(t), opts);
  });
  // ... and the same texts one after another, as a widget sends them on each keystroke.
  steps.forEach((t, i) => assert.deepEqual(okr.lint(typed(t), opts), alone[i], t));
  // The first title is vague, the third measured: the findings follow the typing.
  const vague = (report) => report.diagnostics.some((d) => d.rule === "vague-key-result" && d.path === "objectives[0].key_results[0]");
  assert.deepEqual(alone.map(vague), [true, true, false, false]);
});

test("JSON edited a character at a time, through broken states: each call answers as a fresh read does", () => {
  const opts = { asOf: "2026-08-15" };
  const outcome = (f) => {
    try {
      return { ok: f() };
    } catch (e) {
      return { threw: e.name, message: e.message, problems: e.problems };
    }
  };
  const answers = (text) => ({
    lint: outcome(() => okr.lint(text, opts)),
    score: outcome(() => okr.score(text, opts)),
    validate: outcome(() => okr.validate(text)),
  });
  const json = JSON.stringify(OBJECT);
  const at = json.indexOf('"title":"') + '"title":"'.length;
  // Type into the first title, with escaped quotes: a lone backslash breaks the JSON until
  // the next character. Then give the second objective the first one's id (a duplicate)
  // and take it back, and return to where it started.
  const typed = ' \\"really\\" ok';
  const texts = [...typed].map((_, n) => json.slice(0, at) + typed.slice(0, n + 1) + json.slice(at));
  const last = texts[texts.length - 1];
  const ids = [...json.matchAll(/"id":"(O\d+)"/g)].map((m) => m[1]);
  assert.ok(ids.length >= 2, "the object has two objectives");
  const duplicate = last.replace(`"id":"${ids[1]}"`, `"id":"${ids[0]}"`);
  texts.push(duplicate, last, json);
  // The same texts, each read straight after YAML (nothing of the last JSON kept) ...
  const fresh = texts.map((t) => {
    okr.lint(YAML, opts);
    return answers(t);
  });
  // ... and one after another, as a widget sends them.
  texts.forEach((t, i) => assert.deepEqual(answers(t), fresh[i], t));
  // Valid exactly when JSON can parse it and no id repeats; the title follows the typing.
  const parses = (t) => {
    try {
      JSON.parse(t);
      return true;
    } catch {
      return false;
    }
  };
  assert.deepEqual(
    fresh.map((a) => a.validate.ok.valid),
    texts.map((t) => parses(t) && t !== duplicate),
  );
  assert.equal(fresh.filter((a) => !a.validate.ok.valid).length, 3);
  assert.ok(JSON.parse(last).objectives[0].title.startsWith(' "really" ok'));
  assert.ok(fresh[texts.length - 2].score.ok.objectives.some((o) => o.title?.startsWith(' "really" ok')));
});

test("rules and explain", () => {
  const rules = okr.rules();
  assert.ok(rules.length >= 25);
  assert.deepEqual(Object.keys(rules[0]), [
    "code", "name", "severity", "category", "summary", "precision", "precision_firings", "corpus_size",
  ]);
  const codes = rules.map((r) => r.code);
  assert.deepEqual([...codes].sort(), codes);
  const text = okr.explain("OKR102");
  assert.equal(text, okr.explain("output-key-result"));
  assert.match(text, /^# output-key-result \(OKR102\)/);
  assert.match(text, /## Why is this bad\?/);
  assert.throws(() => okr.explain("OKR999"), (e) => e instanceof Error && /OKR999/.test(e.message));
  assert.throws(() => okr.explain(42), (e) => e instanceof Error);
});

test("validate reports type errors and rule violations together", () => {
  const source = `teams:
  - { id: web }
objectives:
  - id: O1
    title: Grow
    owner: nobody
    key_results:
      - id: K1
        title: Raise NPS
        metric: { start: 30, target: 30 }
        check_ins:
          - { date: 2026-02-30, value: 31 }
  - id: O2
    title: Keep
    owner: web
    weight: -1
`;
  const result = okr.validate(source);
  assert.equal(result.valid, false);
  assert.deepEqual(
    result.problems.map((p) => [p.path, p.line]),
    [
      ["objectives[0].owner", 6],
      ["objectives[0].key_results[0].metric.target", 10],
      ["objectives[0].key_results[0].check_ins[0].date", 12],
      ["objectives[1].weight", 16],
    ],
  );
  const typo = okr.validate(
    "objectives:\n  - id: O1\n    title: Grow\n    key_results:\n      - { title: Raise NPS, metirc: 3 }\n",
  );
  assert.match(typo.problems[0].message, /did you mean `metric`/);
});

test("lint: a selection that leaves no rule to run warns on the console, once per call", () => {
  const warned = [];
  const original = console.warn;
  console.warn = (message) => warned.push(String(message));
  try {
    const report = okr.lint(WEAK, { asOf: "2026-08-01", select: ["OKR101"], ignore: ["OKR1"] });
    assert.equal(report.diagnostics.length, 0);
    okr.lint(WEAK, { asOf: "2026-08-01", select: ["OKR101"] });
  } finally {
    console.warn = original;
  }
  assert.equal(warned.length, 1);
  assert.match(warned[0], /no rule to run/);
});

test("lint: an unknown rule in the options is an error naming the nearest one", () => {
  assert.throws(
    () => okr.lint(WEAK, { asOf: "2026-08-01", ignore: ["vage-key-result"] }),
    (e) => e instanceof Error && /did you mean `vague-key-result`/.test(e.message),
  );
  assert.throws(
    () => okr.lint(WEAK, { asOf: "2026-08-01", config: { select: ["OKR9999"] } }),
    (e) => e instanceof Error && /OKR9999/.test(e.message),
  );
});

test("addCheckIn: returns the text with one line added, beside its siblings", () => {
  const text = "# weekly\ncycles: [{ id: Q3, start: 2026-07-01, end: 2026-09-30 }]\nobjectives:\n  - id: O1\n    title: Delight cooks\n    key_results:\n      - id: K1\n        title: Raise NPS from 30 to 45\n        metric: { start: 30, target: 45 }\n        check_ins:\n          - { date: 2026-07-15, value: 33 }\n";
  const next = okr.addCheckIn(text, "K1", 36, { date: new Date(2026, 7, 1), confidence: 0.7, note: "new onboarding" });
  assert.equal(next, text + "          - { date: 2026-08-01, value: 36, confidence: 0.7, note: new onboarding }\n");
  // (36 - 30) / (45 - 30) = 0.4
  close(okr.score(next, { asOf: "2026-08-01" }).objectives[0].key_results[0].score, 0.4, "K1");
  assert.throws(() => okr.addCheckIn(text, "k1", 3), (e) => e.name === "OkrError" && e.path === "keyResult" && /did you mean `K1`/.test(e.message));
  assert.throws(() => okr.addCheckIn(text, "K1", 3, { confidence: 7 }), (e) => e.path === "options.confidence");
  assert.throws(() => okr.addCheckIn({ objectives: [] }, "K1", 3), (e) => e.path === "source");
});

test("diff: a lowered target and a deleted check-in, as plain objects", () => {
  const old = "objectives:\n  - id: O1\n    title: Delight cooks\n    key_results:\n      - id: K1\n        title: Raise NPS from 30 to 45\n        metric: { start: 30, target: 45 }\n        check_ins:\n          - { date: 2026-07-15, value: 33 }\n";
  const changed = old.replace("target: 45", "target: 40").replace("          - { date: 2026-07-15, value: 33 }\n", "").replace("        check_ins:\n", "");
  const result = okr.diff(old, changed, { asOf: "2026-08-01" });
  assert.deepEqual(result.changes.map((c) => c.kind), ["bar_moved", "check_in_deleted"]);
  assert.equal(result.changes[0].direction, "lowered");
  assert.equal(result.as_of, "2026-08-01");
  assert.deepEqual(okr.diff(old, old, { asOf: "2026-08-01" }).changes, []);
});


test("Linter: each instance keeps its own options and memo; bad options throw at construction", () => {
  const strict = new okr.Linter({ asOf: "2026-08-01", select: ["OKR101"] });
  const everything = new okr.Linter({ asOf: "2026-08-01" });
  const typed = (title) => WEAK.replace("title: Improve deployment process", `title: ${title}`);
  for (const title of ["Improve onboarding", "Raise activation from 30% to 45%", "Improve checkout"]) {
    const text = typed(title);
    // Each linter answers exactly as the free function does for its options.
    assert.deepEqual(strict.lint(text), okr.lint(text, { asOf: "2026-08-01", select: ["OKR101"] }));
    assert.deepEqual(everything.lint(text), okr.lint(text, { asOf: "2026-08-01" }));
  }
  assert.ok(strict.lint(WEAK).diagnostics.every((d) => d.code === "OKR101"));
  assert.deepEqual(strict.validate("objectives: [{ id: O1 }]").valid, false);
  assert.throws(() => new okr.Linter({ asof: "2026-08-01" }), (e) => e.name === "OkrError" && e.path === "options.asof");
  strict.free();
  everything.free();
});
