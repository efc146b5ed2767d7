// The packed npm package in the two bundlers a widget is built with: a tiny widget that
// checks an OKR file is bundled by Vite (ES module) and by esbuild (IIFE, the module copied
// with `--loader:.wasm=file`), each exactly as the README shows, then loaded in headless
// Chromium, which must show the result and log no error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "./serve.mjs";

const PKG = fileURLToPath(new URL("../pkg", import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"];

// K1 is half way: (2.5 - 2) / (3 - 2) = 0.5.
const WIDGET = `export function mount(okr, json = false) {
  const yaml = "cycles: [{ id: Q3, start: 2026-07-01, end: 2026-09-30 }]\\nobjectives:\\n  - id: O1\\n    title: Make checkout effortless\\n    key_results:\\n      - id: K1\\n        title: Raise conversion from 2% to 3%\\n        metric: { start: 2, target: 3 }\\n        check_ins: [{ date: 2026-08-01, value: 2.5 }]\\n";
  // The same document as JSON, for okr-wasm/json (which reads no YAML).
  const doc = { cycles: [{ id: "Q3", start: "2026-07-01", end: "2026-09-30" }], objectives: [{ id: "O1",
    title: "Make checkout effortless", key_results: [{ id: "K1", title: "Raise conversion from 2% to 3%",
    metric: { start: 2, target: 3 }, check_ins: [{ date: "2026-08-01", value: 2.5 }] }] }] };
  const checked = okr.check(json ? JSON.stringify(doc) : yaml, { asOf: "2026-08-15" });
  const broken = okr.check("objectives: [", { asOf: "2026-08-15" });
  let thrown = "none";
  try {
    okr.score("objectives: [");
  } catch (error) {
    thrown = okr.isOkrError(error) ? "OkrError" : "other";
  }
  document.getElementById("out").textContent =
    [checked.valid, checked.score.objectives[0].key_results[0].score, broken.valid, thrown].join(" ");
}
`;
const EXPECTED = "true 0.5 false OkrError";
const HTML = (script) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>widget</title><link rel="icon" href="data:,"></head><body><p id="out">loading</p>${script}</body></html>`;

/** The package as npm would install it: packed, then unpacked into `dir`/node_modules. */
function install(dir) {
  const [{ filename }] = JSON.parse(execFileSync("npm", ["pack", PKG, "--json", "--pack-destination", dir], { encoding: "utf8" }));
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  execFileSync("tar", ["xzf", join(dir, filename), "-C", join(dir, "node_modules")]);
  renameSync(join(dir, "node_modules", "package"), join(dir, "node_modules", "okr-wasm"));
}

/** A widget built by Vite on `entry` (`okr-wasm` or `okr-wasm/json`); the page's path. */
async function buildWithVite(dir, name, entry, json = false) {
  const root = join(dir, name);
  mkdirSync(root);
  writeFileSync(join(root, "widget.js"), WIDGET);
  writeFileSync(
    join(root, "main.js"),
    `import init, * as okr from "${entry}";\nimport { mount } from "./widget.js";\n\nawait init();\nmount(okr, ${json});\n`,
  );
  writeFileSync(join(root, "index.html"), HTML('<script type="module" src="./main.js"></script>'));
  const { build } = await import("vite");
  await build({ root, base: "./", logLevel: "error", build: { outDir: join(dir, `dist-${name}`) } });
  return `dist-${name}/index.html`;
}

async function buildWithEsbuild(dir) {
  const root = join(dir, "esbuild");
  mkdirSync(root);
  writeFileSync(join(root, "widget.js"), WIDGET);
  writeFileSync(
    join(root, "main.js"),
    'import init, * as okr from "okr-wasm";\nimport wasmUrl from "okr-wasm/okr_wasm_bg.wasm";\nimport { mount } from "./widget.js";\n\ninit({ module_or_path: wasmUrl }).then(() => mount(okr));\n',
  );
  const out = join(dir, "dist-esbuild");
  const esbuild = await import("esbuild");
  await esbuild.build({
    entryPoints: [join(root, "main.js")],
    bundle: true,
    format: "iife",
    platform: "browser",
    loader: { ".wasm": "file" },
    outdir: out,
    absWorkingDir: dir,
    logLevel: "error",
  });
  writeFileSync(join(out, "index.html"), HTML('<script src="./main.js"></script>'));
  return "dist-esbuild/index.html";
}

test("a widget bundled by Vite and by esbuild (IIFE), and one on okr-wasm/json, runs in Chromium", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "okr-widget-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  install(dir);
  const pages = [
    await buildWithVite(dir, "vite", "okr-wasm"),
    await buildWithEsbuild(dir),
    await buildWithVite(dir, "vite-json", "okr-wasm/json", true),
  ];
  // The okr-wasm/json widget carries the smaller module, not the full one.
  const assets = join(dir, "dist-vite-json", "assets");
  const shipped = readdirSync(assets).filter((f) => f.endsWith(".wasm")).map((f) => statSync(join(assets, f)).size);
  assert.deepEqual(shipped, [statSync(join(PKG, "json", "okr_wasm_bg.wasm")).size]);
  const server = await startServer(dir);
  t.after(() => server.close());
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  t.after(() => browser.close());
  for (const path of pages) {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    page.on("response", (response) => response.status() >= 400 && errors.push(`${response.status()} ${response.url()}`));
    await page.goto(`${server.url}/${path}`);
    try {
      await page.waitForFunction(
        (expected) => document.getElementById("out")?.textContent === expected,
        EXPECTED,
        { timeout: 10000 },
      );
    } catch {
      const shown = await page.locator("#out").textContent().catch(() => null);
      assert.fail(`${path}: expected ${JSON.stringify(EXPECTED)}, shown ${JSON.stringify(shown)}; errors: ${errors.join("; ")}`);
    }
    assert.deepEqual(errors, [], path);
    await page.close();
  }
});
