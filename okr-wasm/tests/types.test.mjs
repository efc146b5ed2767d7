// The hand-written TypeScript declarations (src/okr_wasm.d.ts, shipped in pkg/node and
// pkg/web): precise (no `any`) and consistent with real use (tests/types/check.mts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

test("the declarations use no `any`", () => {
  const source = readFileSync(here("../src/okr_wasm.d.ts"), "utf8");
  assert.doesNotMatch(source, /\bany\b/);
  for (const target of ["node", "web"]) {
    const shipped = readFileSync(here(`../pkg/${target}/okr_wasm.d.ts`), "utf8");
    // wasm-bindgen re-indents the section: compare the declarations line by line.
    for (const line of source.split("\n").filter((l) => l.startsWith("export "))) {
      assert.ok(shipped.includes(line), `pkg/${target} declares ${line}`);
    }
  }
});

test("the declarations type-check real use and reject wrong use (tsc --strict)", () => {
  const tsc = here("../node_modules/typescript/bin/tsc");
  try {
    execFileSync(process.execPath, [tsc, "-p", here("types/tsconfig.json")], { encoding: "utf8" });
  } catch (error) {
    assert.fail(`tsc found errors:\n${error.stdout}${error.stderr}`);
  }
});
