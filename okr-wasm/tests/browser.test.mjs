// The demo planning widget in a real headless Chromium (Debian's, driven by playwright-core):
// edit a key result and see its score change; break the YAML and see an inline error naming
// the line while the page keeps working. Saves out/demo.png and out/demo-error.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "./serve.mjs";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const OUT = new URL("../../out/", import.meta.url);
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Waits until the element's text is `expected`; fails with what it showed instead. */
async function waitForText(page, selector, expected) {
  try {
    await page.waitForFunction(
      ([sel, text]) => document.querySelector(sel)?.textContent === text,
      [selector, expected],
      { timeout: 5000 },
    );
  } catch {
    const shown = await page.locator(selector).first().textContent().catch(() => null);
    assert.fail(`${selector}: expected ${JSON.stringify(expected)}, shown ${JSON.stringify(shown)}`);
  }
}

/** Selects `old` in the editor (its first occurrence) and types `replacement` key by key. */
async function typeOver(page, old, replacement) {
  const found = await page.evaluate((text) => {
    const editor = document.getElementById("editor");
    const at = editor.value.indexOf(text);
    if (at < 0) return false;
    editor.focus();
    editor.setSelectionRange(at, at + text.length);
    return true;
  }, old);
  assert.ok(found, `the editor contains ${JSON.stringify(old)}`);
  await page.keyboard.type(replacement);
}

test("the demo widget scores as the user types and survives broken YAML", async (t) => {
  const server = await startServer(REPO);
  t.after(() => server.close());
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  t.after(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400) pageErrors.push(`${response.status()} ${response.url()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });

  await page.goto(`${server.url}/okr-wasm/demo/index.html`);

  // Starter set, as of 2026-08-15: KR1 is at 15 of 10 -> 20: (15 - 10) / 10 = 50 %.
  const kr1 = '[data-id="O1-KR1"] .pct';
  const o1 = '.objective[data-id="O1"] > .score-row .pct';
  await waitForText(page, kr1, "50%");
  await waitForText(page, '[data-id="O1-KR1"] .band', "Yellow");
  // O1 = mean(0.5, (3.7 - 4) / (2.5 - 4) = 0.2, 0) = 0.2333 -> 23 %
  await waitForText(page, o1, "23%");
  assert.equal(await page.locator("#version").textContent(), `okr ${await versionOfCrate()}`);
  // The starter set carries a few lint findings, but no vague key result.
  const diagnostics = page.locator("#diagnostics");
  await page.waitForFunction(() => document.querySelectorAll("#diagnostics li").length > 0);
  assert.doesNotMatch(await diagnostics.textContent(), /OKR101/);

  // The user writes a vague key result: the matching diagnostic appears with its line…
  const vagueLine = (await page.inputValue("#editor")).split("\n").findIndex((l) => l.includes("Cut checkout time")) + 1;
  await typeOver(page, "Cut checkout time from 90 s to 45 s", "Improve checkout");
  const vague = page.locator("#diagnostics li", { hasText: "OKR101" });
  await vague.waitFor({ state: "visible", timeout: 5000 });
  assert.match(await vague.textContent(), new RegExp(`error · OKR101 · line ${vagueLine} · objectives\\[1\\]\\.key_results\\[1\\]`));
  assert.match(await vague.textContent(), /says "improve" but not by how much/);
  // The objective's quality drops by the error's 20 points, named by its rule.
  const o2 = page.locator('.objective[data-id="O2"] > .score-row');
  await page.waitForFunction(() => /OKR101 −20/.test(document.querySelector('.objective[data-id="O2"] > .score-row')?.textContent ?? ""));
  assert.match(await o2.textContent(), /quality \d+\/100 \(.*OKR101 −20/);
  // …"Why?" shows the rule's explanation…
  await vague.locator("button.explain").click();
  assert.match(await vague.locator(".explanation").textContent(), /\nWhy is this bad\?\n/);
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: fileURLToPath(new URL("demo-lint.png", OUT)), fullPage: true });
  // …and fixing the sentence makes it go away.
  await typeOver(page, "Improve checkout", "Cut checkout time from 90 s to 45 s");
  await vague.waitFor({ state: "detached", timeout: 5000 });

  // The user types a new check-in value: 18 -> (18 - 10) / 10 = 80 %, green.
  await typeOver(page, "value: 15", "value: 18");
  await waitForText(page, kr1, "80%");
  await waitForText(page, '[data-id="O1-KR1"] .band', "Green");
  await waitForText(page, o1, "33%"); // (0.8 + 0.2 + 0) / 3
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: fileURLToPath(new URL("demo.png", OUT)), fullPage: true });

  // Broken YAML: an unclosed flow sequence in O2's title.
  const text = await page.inputValue("#editor");
  const lines = text.split("\n");
  const line = lines.findIndex((l) => l.includes("title: Make re-ordering effortless")) + 1;
  await typeOver(page, "title: Make re-ordering effortless", "title: [Make re-ordering effortless");
  const errors = page.locator("#errors");
  await errors.waitFor({ state: "visible", timeout: 5000 });
  const shown = await errors.textContent();
  // The YAML parser reports the unclosed "[" where it notices it: on the title's line or
  // within the next two; the path names the title either way.
  const reported = Number(shown.match(/line (\d+) · objectives\[1\]\.title/)?.[1]);
  assert.ok(reported >= line && reported <= line + 2, shown);
  assert.match(await page.locator("#diagnostics").textContent(), new RegExp(`line ${reported}`));
  // The last good scores stay, marked as stale.
  assert.equal(await page.locator("#scores-note").isVisible(), true);
  assert.equal(await page.locator(kr1).textContent(), "80%");
  await page.screenshot({ path: fileURLToPath(new URL("demo-error.png", OUT)), fullPage: true });

  // Clicking the error selects the broken line in the editor.
  await page.locator("#errors .error").first().click();
  const selected = await page.evaluate(() => {
    const editor = document.getElementById("editor");
    return editor.value.slice(editor.selectionStart, editor.selectionEnd);
  });
  assert.equal(selected, (await page.inputValue("#editor")).split("\n")[reported - 1]);

  // Fixing it brings the page back, and it keeps scoring.
  await typeOver(page, "title: [Make", "title: Make");
  await errors.waitFor({ state: "hidden", timeout: 5000 });
  assert.equal(await page.locator("#scores-note").isVisible(), false);
  await typeOver(page, "value: 18", "value: 20");
  await waitForText(page, kr1, "100%");

  // A document error that is not syntax: an unknown owner, with its path and line.
  const ownerLine = (await page.inputValue("#editor")).split("\n").findIndex((l) => l.includes("owner: web")) + 1;
  await typeOver(page, "owner: web", "owner: ghost");
  await errors.waitFor({ state: "visible", timeout: 5000 });
  assert.match(await errors.textContent(), new RegExp(`line ${ownerLine} · objectives\\[1\\]\\.owner: .*ghost`));

  // User text is shown as text, never parsed as HTML.
  await typeOver(page, "owner: ghost", "owner: web");
  await typeOver(page, "Ship the loyalty program", "<img src=x onerror=alert(1)>");
  await waitForText(page, '[data-id="O1-KR3"] .score-title', "O1-KR3 <img src=x onerror=alert(1)>");
  assert.equal(await page.locator("#scores img").count(), 0);

  assert.deepEqual(pageErrors, []);
});

async function versionOfCrate() {
  const { readFile } = await import("node:fs/promises");
  const manifest = await readFile(new URL("../../Cargo.toml", import.meta.url), "utf8");
  return manifest.match(/^\[workspace\.package\][^[]*?^version = "([^"]+)"/m)[1];
}
