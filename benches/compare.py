"""Cross-language comparisons (issues 9 and 24), measured as ratios in one paired run.

Usage (from the repository root, after `bash benches/compare.sh` has built things):
    python3 benches/compare.py [--objectives 20000] [--runs 5]

Prints each measurement, its ratio and whether it meets its target.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OKR = ROOT / "target" / "release" / "okr"
GEN = ROOT / "target" / "release" / "okr-gen"
WORK = Path(os.environ.get("OKR_BENCH_DIR", "/tmp/okr-bench"))
AS_OF = "2026-08-20"


def generate(objectives: int, fmt: str = "json") -> Path:
    path = WORK / f"org-{objectives}.{fmt}"
    if not path.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as out:
            subprocess.run([str(GEN), str(objectives), fmt], stdout=out, check=True)
    return path


def timed(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one whole process, via GNU time."""
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1, 2):  # 2: problems found (the error path)
        sys.exit(f"{cmd} failed ({proc.returncode}): {proc.stderr[-500:]}")
    return wall, int(proc.stderr.strip().splitlines()[-1])


def paired(commands: dict[str, list[str]], runs: int, repeats: dict[str, int]) -> dict[str, tuple[float, int]]:
    """Median wall time and peak memory of each command, interleaved run by run.

    A command named in `repeats` runs that many times per round: a tenth-size run lasts
    ~50 ms, where scheduler and page-cache noise swings single samples by 10-20%, and the
    scaling ratio divides by it.
    """
    walls: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, int] = {name: 0 for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            for _ in range(repeats.get(name, 1)):
                wall, rss = timed(cmd)
                walls[name].append(wall)
                peaks[name] = max(peaks[name], rss)
    return {name: (statistics.median(walls[name]), peaks[name]) for name in commands}


def row(label: str, value: float, target: str, ok: bool) -> None:
    print(f"  {label:<58} {value:>8.3f}   target {target:<8} {'ok' if ok else 'MISSED'}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--objectives", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    n = args.objectives
    big = generate(n)
    small = generate(n // 10)
    size = big.stat().st_size
    doc = json.loads(big.read_text())
    krs = sum(len(o.get("key_results", [])) for o in doc["objectives"])
    checks = sum(len(k.get("check_ins", [])) for o in doc["objectives"] for k in o.get("key_results", []) if isinstance(k, dict))
    print(f"input: {big.name}: {n} objectives, {krs} key results, {checks} check-ins, {size / 1e6:.1f} MB of JSON")

    big_yaml = generate(n, "yaml")
    load = [sys.executable, "-c", "import json, sys; json.load(open(sys.argv[1]))"]
    commands = {
        "python json.load": [*load, str(big)],
        "okr check": [str(OKR), "check", str(big)],
        "okr score (YAML)": [str(OKR), "score", "--as-of", AS_OF, "--format", "json", str(big_yaml)],
        "okr score --format json": [str(OKR), "score", "--as-of", AS_OF, "--format", "json", str(big)],
        "okr lint --format json": [str(OKR), "lint", "--as-of", AS_OF, "--format", "json", str(big)],
        "okr score (1/10 size)": [str(OKR), "score", "--as-of", AS_OF, "--format", "json", str(small)],
        "okr lint (1/10 size)": [str(OKR), "lint", "--as-of", AS_OF, "--format", "json", str(small)],
    }
    tenth = {name: 5 for name in commands if "(1/10 size)" in name}
    results = paired(commands, args.runs, tenth)
    print(f"\nmedians of {args.runs} paired whole-process runs (1/10 size: 5 per round):")
    for name, (wall, rss) in results.items():
        print(f"  {name:<30} {wall:8.3f} s   peak {rss / 1024:7.1f} MiB")

    base = results["python json.load"][0]
    print("\nratios:")
    score_ratio = results["okr score --format json"][0] / base
    lint_ratio = results["okr lint --format json"][0] / base
    row("okr score / json.load", score_ratio, "<= 0.5", score_ratio <= 0.5)
    # Issue 24: lint closer to the parse floor.
    row("okr lint / json.load", lint_ratio, "<= 0.4", lint_ratio <= 0.4)
    for what, target in (("score", 12), ("lint", 11)):
        full = results[f"okr {what} --format json"][0]
        tenth = results[f"okr {what} (1/10 size)"][0]
        ratio = full / tenth
        row(f"okr {what}: time at 10x the objectives / time at 1x", ratio, f"<= {target}", ratio <= target)
    # Issue 24: YAML typed without a generic value.
    yaml_ratio = results["okr score (YAML)"][0] / results["okr score --format json"][0]
    row("okr score: YAML / the same as JSON", yaml_ratio, "<= 2.5", yaml_ratio <= 2.5)
    yaml_peak = results["okr score (YAML)"][1] * 1024 / big_yaml.stat().st_size
    row("okr score YAML: peak memory / YAML size", yaml_peak, "<= 4", yaml_peak <= 4)
    pyyaml(big_yaml, results["okr score (YAML)"][0])
    for what in ("score", "lint"):
        peak = results[f"okr {what} --format json"][1] * 1024 / size
        row(f"okr {what}: peak memory / input size", peak, "<= 4", peak <= 4)

    error_path(args.runs)
    # The CLI's in-process lint: `okr lint` less `okr check` (both read and validate).
    cli_lint = results["okr lint --format json"][0] - results["okr check"][0]
    python_binding(big, doc, cli_lint)
    wasm_lint()
    wasm_size()


def pyyaml(path: Path, okr_seconds: float) -> None:
    """PyYAML's C loader on the same YAML, once (it takes tens of seconds)."""
    script = "import sys, time, yaml; t = time.perf_counter(); yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader); print(time.perf_counter() - t)"
    proc = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True)
    if proc.returncode != 0:
        print("    (PyYAML with its C loader is not installed: pip install pyyaml)")
        return
    ratio = float(proc.stdout.strip()) / okr_seconds
    row("PyYAML CSafeLoader load / okr score of the same YAML", ratio, ">= 10", ratio >= 10)


def wasm_size() -> None:
    module = ROOT / "okr-wasm" / "pkg" / "okr_wasm_bg.wasm"
    if not module.exists():
        return
    import gzip

    raw = module.read_bytes()
    print()
    row("wasm module, raw (KiB)", len(raw) / 1024, "<= 800", len(raw) <= 800 * 1024)
    zipped = len(gzip.compress(raw, 9)) / 1024
    row("wasm module, gzip -9 (KiB)", zipped, "<= 300", zipped <= 300)
    small = ROOT / "okr-wasm" / "pkg" / "json" / "okr_wasm_bg.wasm"
    if small.exists():
        data = small.read_bytes()
        row("okr-wasm/json module (no YAML), raw (KiB)", len(data) / 1024, "<= 800", len(data) <= 800 * 1024)
        zipped = len(gzip.compress(data, 9)) / 1024
        row("okr-wasm/json module, gzip -9 (KiB)", zipped, "<= 300", zipped <= 300)


def error_path(runs: int) -> None:
    """`okr check` of 50 000 objectives whose owners are all unknown (every problem found,
    located and printed) against the same shape with the owner in an extension field."""
    WORK.mkdir(parents=True, exist_ok=True)
    commands = {}
    for fmt in ("yaml", "json"):
        for name, key in (("ghosts", "owner"), ("valid", "x_ref")):
            path = WORK / f"{name}-50000.{fmt}"
            if not path.exists():
                items = [{"id": f"O{i}", "title": "Grow", key: f"ghost{i}"} for i in range(50_000)]
                if fmt == "json":
                    path.write_text(json.dumps({"objectives": items}, indent=2))
                else:
                    path.write_text("objectives:\n" + "".join(
                        f"  - {{ id: {o['id']}, title: Grow, {key}: {o[key]} }}\n" for o in items))
            commands[f"{fmt} {name}"] = [str(OKR), "check", str(path)]
    results = paired(commands, runs, {})
    print("\nerror path: okr check, 50 000 unknown owners / the same shape valid:")
    for fmt in ("yaml", "json"):
        errors, valid = results[f"{fmt} ghosts"][0], results[f"{fmt} valid"][0]
        print(f"    {fmt}: {errors:.3f} s with every problem printed, {valid:.3f} s valid")
    ratio = results["yaml ghosts"][0] / results["yaml valid"][0]
    row("YAML: okr check with 50 000 problems / valid", ratio, "<= 1.5", ratio <= 1.5)


def python_binding(big: Path, doc: dict, cli_lint: float) -> None:
    venv = ROOT / ".venv-test" / "bin" / "python"
    if not venv.exists():
        print("\n(python binding: .venv-test missing; run scripts/test-python.sh first)")
        return
    script = f"""
import datetime, json, sys, time
sys.path.insert(0, {str(ROOT / 'benches')!r})
import okr, pyscore_baseline
as_of = datetime.date.fromisoformat({AS_OF!r})
doc = okr.load({str(big)!r})
data = json.load(open({str(big)!r}))
def best(fn, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter(); fn(); times.append(time.perf_counter() - t)
    return min(times)
rust = best(lambda: doc.score(as_of=as_of), 5)
python = best(lambda: pyscore_baseline.score(data, as_of), 2)
ours = doc.score(as_of=as_of).to_dict()
theirs = pyscore_baseline.score(data, as_of)
same = all(abs((a["score"] or 0) - (b["score"] or 0)) < 1e-9 for a, b in zip(ours["objectives"], theirs["objectives"]))
lint = best(lambda: doc.lint(as_of=as_of), 3)
print(json.dumps({{"rust": rust, "python": python, "same": same, "lint": lint}}))
"""
    out = subprocess.run([str(venv), "-c", script], capture_output=True, text=True, check=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    print(f"\npython: Document.score() {result['rust'] * 1000:.1f} ms, pure-Python baseline {result['python'] * 1000:.0f} ms (same scores: {result['same']})")
    speedup = result["python"] / result["rust"]
    row("pure-Python score / Document.score()", speedup, ">= 30", speedup >= 30)
    ratio = result["lint"] / cli_lint
    print(f"    Document.lint() {result['lint']:.3f} s; the CLI's lint (okr lint - okr check) {cli_lint:.3f} s")
    row("Python Document.lint() / the CLI's in-process lint", ratio, "<= 1.3", ratio <= 1.3)


# Lint as someone types: each call's text is the previous one with one more character typed
# at the end of a key-result title, and every 8 keystrokes the cursor moves to another title,
# the way a planning widget calls lint on every keystroke. Also timed: the same text again
# and again, and the same titles without check-ins or history (a plan being written, 32 KB).
WASM_TYPING = """
const okr = require(process.argv[1]);
const fs = require("fs");
const asOf = process.argv[3];
const keystrokes = (text, count) => {
  const ends = [];
  for (let at = text.indexOf('"title":"'); at >= 0; at = text.indexOf('"title":"', at + 1)) {
    ends.push(text.indexOf('"', at + 9));
  }
  const texts = [];
  let current = text;
  for (let k = 0; k < count; k++) {
    const at = ends[(Math.floor(k / 8) * 7) % ends.length];
    current = current.slice(0, at) + "okr "[k % 4] + current.slice(at);
    for (let j = 0; j < ends.length; j++) if (ends[j] >= at) ends[j]++;
    texts.push(current);
  }
  return texts;
};
const ms = (text) => {
  const typed = keystrokes(text, 1100);
  const time = (f) => {
    let call = 0;
    for (; call < 100; call++) f(call);
    const rounds = [];
    for (let r = 0; r < 5; r++) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < 200; i++, call++) f(call);
      rounds.push(Number(process.hrtime.bigint() - start) / 1e6 / 200);
    }
    return rounds.sort((a, b) => a - b)[2];
  };
  return [time((i) => okr.lint(typed[i], { asOf })), time(() => okr.lint(text, { asOf }))];
};
const doc = fs.readFileSync(process.argv[2], "utf8");
const plan = JSON.parse(doc);
delete plan.history;
for (const o of plan.objectives) for (const kr of o.key_results) if (typeof kr === "object") delete kr.check_ins;
console.log(JSON.stringify([...ms(doc), ...ms(JSON.stringify(plan))]));
"""


def wasm_lint() -> None:
    pkg = ROOT / "okr-wasm" / "pkg" / "node.cjs"
    if not pkg.exists():
        print("\n(wasm: okr-wasm/pkg/node missing; run scripts/build-wasm.sh first)")
        return
    fifty = generate(50)
    out = subprocess.run(["node", "-e", WASM_TYPING, str(pkg), str(fifty), AS_OF], capture_output=True, text=True, check=True)
    typing, same, plan_typing, plan_same = json.loads(out.stdout)
    print()
    row("wasm lint of a 50-objective document in node, typing (ms)", typing, "<= 2", typing <= 2)
    print(f"    the same text every call: {same:.2f} ms; the plan alone (no check-ins or history):"
          f" {plan_typing:.2f} ms typing, {plan_same:.2f} ms same text")


if __name__ == "__main__":
    main()
