
// ---- okr-wasm: hand-written declarations (src/okr_wasm.d.ts) ----

/** A calendar day written as `YYYY-MM-DD`, e.g. `"2026-08-15"`. */
export type IsoDate = string;
/** A day in a document you pass in: `"YYYY-MM-DD"`, or a `Date` (its local calendar day). */
export type DateInput = IsoDate | Date;

/** Text format of a source; sniffed from the text when not given (`{` → JSON). */
export type Format = "yaml" | "json";

/** Traffic-light band of a score (default: red < 0.4 ≤ yellow < 0.7 ≤ green). */
export type Color = "red" | "yellow" | "green";
/** How an objective ends, judged as if the cycle ended on `as_of`. */
export type Outcome = "missed" | "met" | "exceeded";
/** Score against the share of the cycle elapsed. */
export type Pace = "not_started" | "on_track" | "at_risk" | "off_track";
export type ObjectiveKind = "aspirational" | "committed";

// ---- input: the file format as a plain object (docs/format.md in the okr repository) ----

/** Fields okr does not know are kept (they round-trip through the Rust core). */
export interface Open {
  [field: string]: unknown;
}
export interface Cycle extends Open {
  id: string;
  name?: string;
  start: DateInput;
  end: DateInput;
}
export interface Team extends Open {
  id: string;
  name?: string;
  parent?: string;
}
export interface Person extends Open {
  id: string;
  name?: string;
  team?: string;
}
export interface Metric extends Open {
  start: number;
  target: number;
  current?: number;
  unit?: string;
}
export interface Threshold extends Open {
  min?: number;
  max?: number;
  current?: number;
  unit?: string;
}
export interface Binary extends Open {
  done?: boolean;
  probability?: number;
}
export interface Milestone extends Open {
  title: string;
  done?: boolean;
  weight?: number;
}
export interface CheckIn extends Open {
  date: DateInput;
  value?: number;
  confidence?: number;
  note?: string;
}
/** A key result with at most one measure (`metric`, `threshold`, `binary`, `milestones`, `from_children`). */
export interface KeyResultInput extends Open {
  id?: string;
  title: string;
  owner?: string | string[];
  weight?: number;
  due?: DateInput;
  metric?: Metric;
  threshold?: Threshold;
  binary?: Binary;
  milestones?: Milestone[];
  from_children?: boolean;
  /** Why the target or baseline moved after the cycle started (rule OKR404). */
  change_note?: string;
  check_ins?: CheckIn[];
}
export interface ObjectiveInput extends Open {
  id: string;
  title: string;
  owner?: string;
  cycle?: string;
  kind?: ObjectiveKind;
  aligns_to?: string | string[];
  weight?: number;
  /** The objective of an earlier cycle this one continues (`okr next-cycle` writes it). */
  carried_from?: string;
  /** A key result may be a bare sentence: `"Lift awareness from 10% to 25%"`. */
  key_results?: Array<string | KeyResultInput>;
}
export interface HistoryEntry extends Open {
  objective: string;
  cycle: string;
  score: number;
}
/** A whole OKR document, as a plain object (dates as `YYYY-MM-DD` strings). */
export interface OkrDocument extends Open {
  cycles?: Cycle[];
  teams?: Team[];
  people?: Person[];
  objectives?: ObjectiveInput[];
  history?: HistoryEntry[];
}
/** YAML or JSON text, or the same document as a plain object. */
export type Source = string | OkrDocument;

/** Score bands; keys as in the Rust `ScoreConfig` (snake_case), every key optional. */
export interface ScoreConfig {
  colors?: { yellow_from?: number; green_from?: number };
  outcomes?: { met_from?: number; exceeded_above?: number };
  pace?: { on_track_gap?: number; at_risk_gap?: number };
}
export interface ValidateOptions {
  /** Format of a text source (default: sniffed). Ignored for objects. */
  format?: Format;
}
export interface ScoreOptions extends ValidateOptions {
  /** Day to score as of (default: today, local time). A Date is read as its local calendar day. */
  asOf?: IsoDate | Date;
  config?: ScoreConfig;
}

export type Severity = "error" | "warning" | "info";
export type Category = "structure" | "keyresult" | "objective" | "alignment" | "tracking" | "meta";

/** Linter settings: the keys of an `okr.toml` `[lint]` table, every key optional. */
export interface LintConfig {
  select?: string[];
  ignore?: string[];
  severity?: { [codeOrName: string]: Severity };
  thresholds?: {
    max_objectives?: number;
    max_objectives_error?: number;
    max_key_results?: number;
    max_team_key_results?: number;
    min_key_results?: number;
    max_alignment_depth?: number;
    stale_days?: number;
    missed_days?: number;
    duplicate_similarity?: number;
    copy_similarity?: number;
  };
  /** The strict profile: one objective per team and cycle, 3–5 key results each. */
  strict?: boolean;
}
export interface LintOptions extends ValidateOptions {
  /** Day to lint as of (default: today); staleness and trend rules use it. */
  asOf?: IsoDate | Date;
  /** Run only these rules: codes (`OKR102`), prefixes (`OKR1`) or names. */
  select?: string | string[];
  /** Skip these rules. */
  ignore?: string | string[];
  config?: LintConfig;
}

// ---- results: the same shapes as the CLI's JSON (docs/reports.md in the okr repository) ----

/** One lint finding. */
export interface Diagnostic {
  code: string;
  rule: string;
  severity: Severity;
  message: string;
  help: string;
  /** e.g. `objectives[2].key_results[0]`. */
  path: string;
  id: string | null;
  /** 1-based line for text sources; null for object sources. */
  line: number | null;
}
/** An objective's quality: 100 minus the points its findings cost (error 20, warning 10, info 2), never below 0. */
export interface ObjectiveQuality {
  id: string;
  quality: number;
  /** Points lost, by rule. */
  lost: { code: string; points: number }[];
}
export interface LintReport {
  diagnostics: Diagnostic[];
  summary: { error: number; warning: number; info: number };
  /** Every objective's quality, in document order. */
  objectives: ObjectiveQuality[];
}
export interface RuleInfo {
  code: string;
  name: string;
  severity: Severity;
  category: Category;
  summary: string;
  /** Share of the OKRs it fired on that their public source calls bad; null: never fired. */
  precision: number | null;
  precision_firings: number | null;
  /** How many OKRs from public guides the precision was measured on. */
  corpus_size: number;
}

export interface KeyResultScore {
  /** null for key results written as bare sentences. */
  id: string | null;
  title: string;
  /** The key result's owner (several joined by ", "), else its objective's owner. */
  owner: string | null;
  /** Progress in [0, 1]; null when the key result has no measure. */
  score: number | null;
  /** Unclamped progress (1.25 = 125 %). */
  attainment: number | null;
  color: Color | null;
  current: number | null;
  /** Least-squares forecast of the score at cycle end; null with fewer than 2 check-ins. */
  forecast: number | null;
  confidence: number | null;
}
export interface ObjectiveScore {
  id: string;
  title: string;
  owner: string | null;
  cycle: string | null;
  kind: ObjectiveKind;
  score: number | null;
  color: Color | null;
  outcome: Outcome | null;
  /** Share of the cycle elapsed at `as_of` (0..1); null without a cycle. */
  expected: number | null;
  pace: Pace | null;
  key_results: KeyResultScore[];
}
export interface ScoreReport {
  as_of: IsoDate;
  objectives: ObjectiveScore[];
}

/** One thing wrong with a document, located as precisely as the input allows. */
export interface Problem {
  /** Stable kind, such as `unknown_reference`, `not_a_date` or `duplicate_id` (docs/errors.md). */
  kind: string;
  /** The path as keys and list indexes: `["objectives", 0, "owner"]`. */
  loc: (string | number)[];
  /** e.g. `objectives[0].key_results[1].metric.target`; "" for the document as a whole. */
  path: string;
  /** The id of the objective, key result, team… concerned, when it has one. */
  id: string | null;
  /** 1-based line in the source text; null for object sources. */
  line: number | null;
  /** What is wrong here and what to do about it. */
  message: string;
  /** What to do about a problem of this kind, in general (the table in docs/errors.md). */
  help: string;
}
export interface ValidationResult {
  valid: boolean;
  /** Every problem, in reading order; empty when valid. */
  problems: Problem[];
}

export interface ParsedKeyResult {
  direction: "increase" | "decrease" | "maintain" | "achieve" | null;
  verb: string | null;
  metric: string | null;
  baseline: number | null;
  target: number | null;
  unit: string | null;
  change: { amount: number; percent: boolean } | null;
  bound: "at_most" | "at_least" | null;
  deadline: string | null;
  has_number: boolean;
}

/**
 * What every function throws: a real `Error` carrying the located problems. Tell it apart
 * with {@link isOkrError} (or `instanceof OkrError`); send it to another thread with
 * `toJSON()` and rebuild it there with `OkrError.fromJSON`.
 */
export declare class OkrError extends Error {
  constructor(message: string, fields?: Partial<OkrErrorData>);
  name: "OkrError";
  /** Path of the first problem ("options.asOf" for a bad option, "source" for a bad source). */
  path: string;
  id: string | null;
  line: number | null;
  problems: Problem[];
  /** A plain object that survives `postMessage`, `structuredClone` and `JSON.stringify`. */
  toJSON(): OkrErrorData;
  /** The error again from what {@link OkrError.toJSON} gave. */
  static fromJSON(data: OkrErrorData): OkrError;
}
/** An {@link OkrError} as plain data. */
export interface OkrErrorData {
  name: "OkrError";
  message: string;
  path: string;
  id: string | null;
  line: number | null;
  problems: Problem[];
}
/** Whether `value` is an {@link OkrError} (from either build of the package, or rebuilt by `fromJSON`). */
export function isOkrError(value: unknown): value is OkrError;

// ---- functions ----

/**
 * Lints the document as of `options.asOf`. Throws an {@link OkrError} when the source does not load or validate;
 * warns with `console.warn` when `select`/`ignore` leave no rule to run.
 */
export function lint(source: Source, options?: LintOptions): LintReport;
/**
 * A linter that owns its options and its memory of the titles it has read: give each
 * widget its own, so two on one page never share a cache. Options are checked once, here.
 * Call `free()` when the widget goes away.
 */
export class Linter {
  constructor(options?: LintOptions);
  /** Lints with this linter's options; unchanged titles are not read again. */
  lint(source: Source): LintReport;
  /** Every problem of the document, as {@link validate} reports them. */
  validate(source: Source): ValidationResult;
  free(): void;
}
/** Every lint rule. */
export function rules(): RuleInfo[];
/** Options of {@link explain}. */
export interface ExplainOptions {
  /** `"markdown"` (default, a line per paragraph), `"text"` (no markup) or `"html"` (an escaped fragment). */
  format?: "markdown" | "text" | "html";
}
/** The documentation of a rule by code or name; throws an {@link OkrError} for an unknown rule. */
export function explain(code: string, options?: ExplainOptions): string;
/** A rule's documentation as data (Markdown inside each section). */
export interface RuleDoc {
  code: string;
  name: string;
  severity: Severity;
  category: Category;
  /** What the rule finds, in one sentence. */
  summary: string;
  /** More on what it checks and when (often empty). */
  details: string;
  why: string;
  /** An OKR it fires on. */
  example: string;
  /** What to write instead. */
  instead: string;
  /** The guides and books the rule rests on, as cited. */
  sources: string[];
  /** Share of its firings on OKRs from public guides that their sources call bad; null when it never fired there. */
  precision: number | null;
  corpus_size: number;
}
/** A rule's documentation as data, by code or name; throws an {@link OkrError} for an unknown rule. */
export function ruleDoc(code: string): RuleDoc;
/** What {@link check} returns: problems, or scores and findings. */
export type CheckResult =
  | { valid: true; problems: []; score: ScoreReport; lint: LintReport }
  | { valid: false; problems: Problem[]; score: null; lint: null };
/**
 * Validates, scores and lints from one read of the source: one call per keystroke. A
 * document that does not load or validate gives its problems instead of throwing; only a
 * bad option or a source that is neither text nor an object throws.
 */
export function check(source: Source, options?: LintOptions): CheckResult;
/** Scores every objective and key result as of `options.asOf`. Throws an {@link OkrError} when the source does not load or validate. */
export function score(source: Source, options?: ScoreOptions): ScoreReport;
/** Every problem of the document (syntax, types, rules); throws only for a source that is neither text nor an object, or a bad option. */
export function validate(source: Source, options?: ValidateOptions): ValidationResult;
/** Reads a key-result sentence; never fails for a string. */
export function parseKeyResult(text: string): ParsedKeyResult;
/** Options of {@link addCheckIn}. */
export interface CheckInOptions {
  /** Day of the check-in (default: today). */
  date?: IsoDate | Date;
  /** The owner's confidence, from 0 to 1. */
  confidence?: number;
  note?: string;
  format?: Format;
}
/**
 * Adds a check-in to a key result and returns the new text: the check-in is spliced in
 * beside its siblings and no other byte changes. `value` is null for a binary or milestone
 * key result. Throws an {@link OkrError} for an unknown key result or a value it cannot take.
 */
export function addCheckIn(source: string, keyResult: string, value: number | null, options?: CheckInOptions): string;
/** Which way a bar moved: `lowered` makes the key result easier to score on. */
export type Bar = "lowered" | "raised";
/** One change between two versions; `kind` says which fields it has. */
export type Change =
  | { kind: "objective_added" | "objective_removed"; id: string; title: string }
  | { kind: "objective_renamed"; id: string; from: string; to: string }
  | { kind: "key_result_added" | "key_result_removed"; objective: string; id: string | null; title: string }
  | { kind: "key_result_renamed"; objective: string; id: string; from: string; to: string }
  | { kind: "alignment_changed"; id: string; from: string[]; to: string[] }
  | { kind: "bar_moved"; objective: string; key_result: string; field: "target" | "start" | "min" | "max" | "weight"; from: number; to: number; direction: Bar }
  | { kind: "check_in_added" | "check_in_deleted"; key_result: string; date: IsoDate; value: number | null }
  | { kind: "check_in_edited"; key_result: string; date: IsoDate; from: number | null; to: number | null; fields: string[] };
/** What changed between two versions, and the score changes as of one day. */
export interface Diff {
  as_of: IsoDate;
  changes: Change[];
  scores: { objective: string; from: number | null; to: number | null }[];
}
/** Options of {@link diff}. */
export interface DiffOptions extends ValidateOptions {
  /** Day both versions are scored as of (default: today, local time). */
  asOf?: IsoDate | Date;
}
/** What changed from `old` to `new`; scores compared as of `options.asOf` (default: today). */
export function diff(old: Source, new_: Source, options?: DiffOptions): Diff;
/** The okr version, e.g. `"0.1.0"`. */
export function version(): string;
