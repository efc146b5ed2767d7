// The hostile-input suite (tests/hostile/, see its generate.py) through the JavaScript
// binding (pkg/node, built by scripts/build-wasm.sh): `validate` lists a problem with the
// manifest's path and line, `score` throws an Error (name OkrError) carrying `path`, `line`
// and `problems`; valid fixtures validate, score and lint. Never a wasm trap ("unreachable"
// is how a panic shows under panic = "abort").
// Fixtures that are not UTF-8 are skipped: a JS string cannot carry their bytes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const okr = require("../pkg/node.cjs");

const HOSTILE = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "tests", "hostile");
const MANIFEST = JSON.parse(readFileSync(join(HOSTILE, "manifest.json"), "utf8"));

const needles = (entry) =>
  entry.message_contains == null
    ? []
    : Array.isArray(entry.message_contains)
      ? entry.message_contains
      : [entry.message_contains];

const matches = (entry, problem) =>
  (entry.path == null || problem.path === entry.path) &&
  (entry.path_prefix == null || problem.path.startsWith(entry.path_prefix)) &&
  (entry.line == null || problem.line === entry.line) &&
  needles(entry).every((needle) => problem.message.includes(needle));

const describe = (entry) =>
  `path=${JSON.stringify(entry.path)} prefix=${JSON.stringify(entry.path_prefix ?? null)} ` +
  `line=${entry.line} message~${JSON.stringify(entry.message_contains)}`;

/** The expectations of the manifest for one source text. */
function expectAnswer(entry, text) {
  const options = { format: entry.format };
  const result = okr.validate(text, options);
  if (entry.valid) {
    assert.equal(result.valid, true, JSON.stringify(result.problems).slice(0, 2000));
    for (const asOf of ["0001-01-01", "2026-11-23", "9999-12-31"]) {
      const report = okr.score(text, { ...options, asOf });
      assert.equal(report.as_of, asOf);
      okr.lint(text, { ...options, asOf });
    }
    return;
  }
  assert.equal(result.valid, false);
  assert.ok(
    result.problems.some((p) => matches(entry, p)),
    `validate: no problem with ${describe(entry)}; got ${JSON.stringify(result.problems).slice(0, 2000)}`,
  );
  let thrown;
  try {
    okr.score(text, { ...options, asOf: "2026-11-23" });
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown instanceof Error, "score throws an Error");
  assert.equal(thrown.name, "OkrError", String(thrown));
  assert.equal(typeof thrown.path, "string");
  assert.ok(Array.isArray(thrown.problems) && thrown.problems.length > 0);
  assert.equal(thrown.path, thrown.problems[0].path, "`path` is the first problem's");
  assert.ok(
    thrown.problems.some((p) => matches(entry, p)),
    `score: no problem with ${describe(entry)}; got ${JSON.stringify(thrown.problems).slice(0, 2000)}`,
  );
}

for (const entry of MANIFEST.fixtures) {
  const options = {};
  if (!entry.utf8) options.skip = "not UTF-8: a JS string cannot carry these bytes";
  else if (entry.known_issue) options.todo = `known issue: ${entry.known_issue}`;
  test(`hostile: ${entry.file}`, options, () => {
    expectAnswer(entry, readFileSync(join(HOSTILE, entry.file), "utf8"));
  });
}

for (const generated of MANIFEST.generated) {
  test(`hostile (generated): ${generated.file}, ${generated.bytes} bytes`, () => {
    const repeats = Math.ceil((generated.bytes - generated.head.length) / generated.unit.length);
    const text = generated.head + generated.unit.repeat(repeats);
    assert.ok(text.length >= generated.bytes);
    expectAnswer(generated, text);
  });
}

test("the manifest is not empty and the suite runs most fixtures here", () => {
  const utf8 = MANIFEST.fixtures.filter((e) => e.utf8);
  assert.ok(utf8.length > 150, `${utf8.length}`);
});
