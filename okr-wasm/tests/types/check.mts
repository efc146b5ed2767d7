// Type-checked (never run) by tests/types.test.mjs with `tsc --strict`: the declarations
// must accept real use and reject wrong use (each @ts-expect-error must find an error,
// which an `any` in the declarations would not give).
// The package's own entries: the browser/bundler module and node's CommonJS one.
import node from "../../pkg/node.cjs";
import init, { check, explain, isOkrError, OkrError, ruleDoc, score, validate, parseKeyResult, version } from "../../pkg/index.js";
import type { CheckResult, Color, OkrDocument, OkrErrorData, Pace, RuleDoc, ScoreReport, ValidationResult } from "../../pkg/index.js";

export async function use(): Promise<void> {
  await init();
  const doc: OkrDocument = {
    cycles: [{ id: "Q3", start: "2026-07-01", end: "2026-09-30" }],
    objectives: [
      {
        id: "O1",
        title: "Grow",
        jira: "OKR-1", // unknown fields are kept
        key_results: ["Raise NPS from 10 to 20", { id: "KR1", title: "Ship", binary: { done: false } }],
      },
    ],
  };
  const report: ScoreReport = score(doc, { asOf: new Date(), config: { colors: { green_from: 0.8 } } });
  const color: Color | null = report.objectives[0].color;
  const pace: Pace | null = report.objectives[0].pace;
  const first: number | null = report.objectives[0].key_results[0].score;
  const checked: ValidationResult = node.validate("objectives: []", { format: "yaml" });
  const line: number | null = checked.problems[0]?.line ?? null;
  const unit: string | null = parseKeyResult("Cut latency from 800 ms to 200 ms").unit;
  const text: string = version();
  try {
    validate(doc);
  } catch (error) {
    const problems = (error as OkrError).problems.map((p) => `${p.path}:${p.line ?? "?"}`);
    void problems;
    if (isOkrError(error)) {
      const data: OkrErrorData = error.toJSON();
      const again: OkrError = OkrError.fromJSON(data);
      void again;
    }
  }
  const all: CheckResult = check("objectives: []", { asOf: "2026-08-15", select: ["OKR1"] });
  if (all.valid) {
    const score0: number | null = all.score.objectives[0]?.score ?? null;
    void score0;
  } else {
    const where: string = all.problems[0].path;
    void where;
  }
  const rule: RuleDoc = ruleDoc("OKR206");
  const sources: string[] = rule.sources;
  const html: string = explain("OKR206", { format: "html" });
  await node.init();
  const fromNode: ScoreReport = node.score(doc);
  // Dates in a document may be Date objects.
  validate({ cycles: [{ id: "Q3", start: new Date(2026, 6, 1), end: "2026-09-30" }] });
  void [sources, html, fromNode];
  void [color, pace, first, line, unit, text];

  // @ts-expect-error: scores are numbers or null
  const wrong: string = report.objectives[0].score;
  // @ts-expect-error: no such colour
  const blue: Color = "blue";
  // @ts-expect-error: options are camelCase
  score(doc, { as_of: "2026-08-15" });
  // @ts-expect-error: only yaml or json
  validate("x", { format: "toml" });
  // @ts-expect-error: a source is text or a document
  score(42);
  // @ts-expect-error: dates in a document are days or Dates, not numbers
  validate({ cycles: [{ id: "Q3", start: 20260701, end: "2026-09-30" }] });
  // @ts-expect-error: explain writes markdown, text or html
  explain("OKR206", { format: "pdf" });
  // @ts-expect-error: an objective needs a title
  score({ objectives: [{ id: "O1" }] });
  // @ts-expect-error: parseKeyResult takes text
  parseKeyResult(1);
  void [wrong, blue];
}
