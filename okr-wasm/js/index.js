// okr-wasm for browsers and bundlers (the `browser` and `default` conditions): the web build
// of the module, which must be initialised once before use (scripts/build-wasm.sh writes
// json.js, the `okr-wasm/json` entry, from this file over the JSON-only module):
//   import init, { check } from "okr-wasm";
//   await init();               // fetches okr_wasm_bg.wasm next to the web build
//   check(yamlText);
import rawInit, * as raw from "./web/okr_wasm.js";
import { bind, OkrError, isOkrError } from "./wrap.js";

let ready = false;
const api = bind(raw, () => ready);

/**
 * Loads the module. With no argument it fetches `okr_wasm_bg.wasm` from the package;
 * give `{ module_or_path }` (a URL, a `Response`, bytes or a compiled module) when a
 * bundler puts the file elsewhere. Resolves once; later calls resolve at once.
 */
export default async function init(input) {
  await rawInit(input);
  ready = true;
}

/** Loads the module synchronously from `{ module }` (bytes or a compiled module), e.g. in SSR. */
export function initSync(input) {
  raw.initSync(input);
  ready = true;
}

export const {
  Linter,
  check,
  lint,
  score,
  validate,
  diff,
  addCheckIn,
  parseKeyResult,
  rules,
  explain,
  ruleDoc,
  version,
} = api;
export { OkrError, isOkrError };
