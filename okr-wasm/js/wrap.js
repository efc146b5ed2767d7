// The JavaScript layer over the wasm exports, shared by the browser and node entries
// (index.js imports this file; scripts/build-wasm.sh writes wrap.cjs from it for node.cjs by
// dropping the `export` keywords, so it holds no imports and only top-level exports).
// It converts between host and core types and nothing more: errors become `OkrError`
// instances, `Date` values in a document become calendar days, and a call before the
// module is initialised says what to do.

const BRAND = Symbol.for("okr-wasm.OkrError");

/** Every failure of okr: a real `Error` carrying the located problems. */
export class OkrError extends Error {
  constructor(message, fields = {}) {
    super(message);
    this.name = "OkrError";
    this.path = fields.path ?? "";
    this.id = fields.id ?? null;
    this.line = fields.line ?? null;
    this.problems = Array.isArray(fields.problems) ? fields.problems : [];
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** A plain object that survives `postMessage`, `structuredClone` and `JSON.stringify`. */
  toJSON() {
    return {
      name: this.name,
      message: this.message,
      path: this.path,
      id: this.id,
      line: this.line,
      problems: this.problems,
    };
  }

  /** The error again from what `toJSON` gave (on the other side of a worker). */
  static fromJSON(data) {
    return new OkrError(String(data?.message ?? ""), data ?? {});
  }

  // Both builds of the package (and a worker's copy) make their own class: any of their
  // errors is an OkrError.
  static [Symbol.hasInstance](value) {
    return isOkrError(value);
  }
}

/** Whether `value` is an okr error, from any copy of the package or rebuilt by `fromJSON`. */
export function isOkrError(value) {
  return value != null && typeof value === "object" && (value[BRAND] === true || (value instanceof Error && value.name === "OkrError"));
}

/** The thrown value as an `OkrError` when the module threw one; anything else as is. */
function asOkrError(thrown) {
  if (thrown instanceof Error && thrown.name === "OkrError" && thrown[BRAND] !== true) {
    const error = new OkrError(thrown.message, thrown);
    error.stack = thrown.stack;
    return error;
  }
  return thrown;
}

/** `date` as its calendar day where the user is (`new Date()` is today there). */
function localDay(date) {
  if (Number.isNaN(date.getTime())) return date; // the core names the field it refuses
  const pad = (n, width) => String(n).padStart(width, "0");
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/** A document with every `Date` replaced by its day; unchanged parts are not copied. */
function withDays(value, depth = 0) {
  if (value instanceof Date) return localDay(value);
  // Deeper than any OKR document: leave it to the core, which refuses it with a path.
  if (value === null || typeof value !== "object" || depth > 64) return value;
  let copy = null;
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
  for (const [key, item] of entries) {
    const converted = withDays(item, depth + 1);
    if (converted !== item) {
      copy ??= Array.isArray(value) ? value.slice() : { ...value };
      copy[key] = converted;
    }
  }
  return copy ?? value;
}

/**
 * The public API over the wasm exports `raw`. `isReady()` says whether the module may be
 * called yet (the browser build must be initialised first).
 */
export function bind(raw, isReady) {
  const call = (name, run) => {
    if (!isReady()) {
      throw new OkrError(
        `okr-wasm is not initialised: await init() (or call initSync()) once before ${name}()`,
        { path: "" },
      );
    }
    try {
      return run();
    } catch (thrown) {
      throw asOkrError(thrown);
    }
  };
  const source = (value) => (typeof value === "string" ? value : withDays(value));

  class Linter {
    #raw;
    constructor(options) {
      this.#raw = call("new Linter", () => new raw.Linter(options));
    }
    lint(value) {
      return call("Linter.lint", () => this.#raw.lint(source(value)));
    }
    validate(value) {
      return call("Linter.validate", () => this.#raw.validate(source(value)));
    }
    /** Releases the wasm memory now instead of when the linter is collected. */
    free() {
      this.#raw?.free();
    }
  }

  return {
    Linter,
    check: (value, options) => call("check", () => raw.check(source(value), options)),
    lint: (value, options) => call("lint", () => raw.lint(source(value), options)),
    score: (value, options) => call("score", () => raw.score(source(value), options)),
    validate: (value, options) => call("validate", () => raw.validate(source(value), options)),
    diff: (old, now, options) => call("diff", () => raw.diff(source(old), source(now), options)),
    addCheckIn: (text, keyResult, value, options) =>
      call("addCheckIn", () => raw.addCheckIn(text, keyResult, value, options)),
    parseKeyResult: (text) => call("parseKeyResult", () => raw.parseKeyResult(text)),
    rules: () => call("rules", () => raw.rules()),
    explain: (code, options) => call("explain", () => raw.explain(code, options)),
    ruleDoc: (code) => call("ruleDoc", () => raw.ruleDoc(code)),
    version: () => call("version", () => raw.version()),
  };
}
