// okr-wasm for node's `import`: the same module as `require("okr-wasm")` (node.cjs), so the
// two share one instance and one class of error.
import okr from "./node.cjs";

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
  OkrError,
  isOkrError,
  initSync,
} = okr;
export default okr.init;
