#!/usr/bin/env python3
"""Writes the hostile-input fixtures of tests/hostile/ and their manifest.

    python3 tests/hostile/generate.py          # (re)write every fixture and manifest.json
    python3 tests/hostile/generate.py --check  # exit 1 when a file on disk differs

The manifest is the contract the three faces test (okr-cli/tests/hostile_suite.rs,
okr-py/tests/test_hostile.py, okr-wasm/tests/hostile.test.mjs). Each fixture entry:

    {"file": "cycle_3.yaml",          # relative to tests/hostile/
     "format": "yaml" | "json",
     "valid": false,                  # true: must load (and `okr check` exits 0)
     "path": "objectives[0].aligns_to" | "" | null,   # some problem has exactly this
                                      # path ("" = the document as a whole; null = any path)
     "path_prefix": "x_extra[0]",     # (optional) ...a path starting with this
     "line": 7 | null,                # ...and this 1-based line (null = not checked)
     "message_contains": "…" | ["…", "…"] | null,   # ...and every one of these substrings
     "utf8": true,                    # false: the bytes are not UTF-8 (JS strings cannot
                                      # carry them)
     "note": "…",                     # (optional) why the fixture is there
     "known_issue": "…"}              # (optional) okr does not answer so yet: the faces run
                                      # it apart (#[ignore], xfail, todo); drop it when fixed

One problem must meet all of path, path_prefix, line and message_contains at once. The
expectations are the contract (docs/errors.md: errors name the offending path and, for YAML,
the line), not a copy of okr's output: lines are computed here from the fixture text, as
the line of the key or value the problem is about (see `line_of` and the emitters).

"generated" lists inputs too large to commit (the faces create them at test time): the
text `head`, then `unit` repeated until the file has at least `bytes` bytes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------------------------------
# A tiny emitter that records the line of every path, for YAML (block style) and JSON.
# Values wrapped in Raw are written verbatim on the key's line (the hostile part).


class Raw:
    """A value written as-is (flow YAML / JSON text), on the same line as its key."""

    def __init__(self, yaml: str, json_text: str | None = None) -> None:
        self.yaml = yaml
        self.json = json_text if json_text is not None else yaml


def _scalar_yaml(value: Any) -> str:
    if isinstance(value, Raw):
        return value.yaml
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value)
    if text == "" or text[0] in "!&*-?{}[],#|>@`\"'%" or ": " in text or " #" in text or text != text.strip():
        return json.dumps(text)
    return text


def emit_yaml(doc: dict[str, Any]) -> tuple[str, dict[str, int]]:
    """Block-style YAML; returns the text and {path: line} of every key and list item."""
    lines: list[str] = []
    where: dict[str, int] = {}

    def child(path: str, key: str | int) -> str:
        if isinstance(key, int):
            return f"{path}[{key}]"
        return f"{path}.{key}" if path else key

    def mapping(value: dict[str, Any], indent: int, path: str, first_prefix: str | None) -> None:
        for n, (key, item) in enumerate(value.items()):
            prefix = first_prefix if (n == 0 and first_prefix is not None) else " " * indent
            here = child(path, key)
            where[here] = len(lines) + 1
            if isinstance(item, dict) and item:
                lines.append(f"{prefix}{key}:")
                mapping(item, indent + 2, here, None)
            elif isinstance(item, list) and item:
                lines.append(f"{prefix}{key}:")
                sequence(item, indent + 2, here)
            elif isinstance(item, (dict, list)):
                lines.append(f"{prefix}{key}: {'{}' if isinstance(item, dict) else '[]'}")
            else:
                lines.append(f"{prefix}{key}: {_scalar_yaml(item)}")

    def sequence(value: list[Any], indent: int, path: str) -> None:
        for i, item in enumerate(value):
            here = child(path, i)
            where[here] = len(lines) + 1
            prefix = " " * indent + "- "
            if isinstance(item, dict) and item:
                mapping(item, indent + 2, here, prefix)
            elif isinstance(item, list) and item:
                raise ValueError("nested lists are not needed here")
            else:
                lines.append(f"{prefix}{_scalar_yaml(item)}")

    mapping(doc, 0, "", None)
    return "\n".join(lines) + "\n", where


def emit_json(doc: dict[str, Any]) -> tuple[str, dict[str, int]]:
    """Two-space indented JSON; returns the text and {path: line} like emit_yaml."""
    out: list[str] = []
    where: dict[str, int] = {}

    def line() -> int:
        return "".join(out).count("\n") + 1

    def value(item: Any, indent: int, path: str) -> None:
        pad = " " * (indent + 2)
        if isinstance(item, Raw):
            out.append(item.json)
        elif isinstance(item, dict) and item:
            out.append("{\n")
            for n, (key, sub) in enumerate(item.items()):
                out.append(pad)
                here = f"{path}.{key}" if path else key
                where[here] = line()
                out.append(json.dumps(key) + ": ")
                value(sub, indent + 2, here)
                out.append(",\n" if n + 1 < len(item) else "\n")
            out.append(" " * indent + "}")
        elif isinstance(item, list) and item:
            out.append("[\n")
            for i, sub in enumerate(item):
                out.append(pad)
                here = f"{path}[{i}]"
                where[here] = line()
                value(sub, indent + 2, here)
                out.append(",\n" if i + 1 < len(item) else "\n")
            out.append(" " * indent + "]")
        else:
            out.append(json.dumps(item))

    value(doc, 0, "")
    return "".join(out) + "\n", where


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the nth occurrence of `needle` in `text` (fails if absent)."""
    at = -1
    for _ in range(nth):
        at = text.index(needle, at + 1)
    return text.count("\n", 0, at) + 1


# ---------------------------------------------------------------------------------------
# The base document: every field of every kind of item, each on a line of its own.


def base() -> dict[str, Any]:
    return {
        "cycles": [
            {"id": "Q2", "name": "Second quarter", "start": "2026-04-01", "end": "2026-06-30"},
            {"id": "Q3", "name": "Third quarter", "start": "2026-07-01", "end": "2026-09-30"},
        ],
        "teams": [
            {"id": "acme", "name": "ACME"},
            {"id": "growth", "name": "Growth", "parent": "acme"},
        ],
        "people": [{"id": "mia", "name": "Mia Chen", "team": "growth"}],
        "objectives": [
            {
                "id": "O1",
                "title": "Become the cooking-pot brand home cooks trust",
                "owner": "acme",
                "cycle": "Q3",
                "kind": "committed",
                "weight": 1,
                "lint": {"allow": [{"rule": "OKR102", "reason": "tracked in the CRM"}]},
                "key_results": [
                    {
                        "id": "KR1",
                        "title": "Raise NPS from 30 to 40",
                        "owner": "mia",
                        "weight": 2,
                        "due": "2026-09-15",
                        "metric": {"start": 30, "target": 40, "current": 32, "unit": "points"},
                        "check_ins": [
                            {"date": "2026-07-15", "value": 31, "confidence": 0.6, "note": "first survey"}
                        ],
                    },
                    {
                        "id": "KR2",
                        "title": "Keep gross margin at or above 42%",
                        "threshold": {"min": 42, "max": 90, "current": 45, "unit": "%"},
                    },
                    {
                        "id": "KR3",
                        "title": "Ship the loyalty program",
                        "binary": {"done": False, "probability": 0.6},
                    },
                    {
                        "id": "KR4",
                        "title": "Publish care guides",
                        "milestones": [{"title": "Top 5", "done": True, "weight": 1}],
                    },
                    {"id": "KR5", "title": "Grow the community of home cooks", "from_children": True},
                ],
            },
            {
                "id": "O2",
                "title": "Make re-ordering effortless",
                "owner": "growth",
                "cycle": "Q3",
                "aligns_to": ["KR5"],
                "key_results": ["Raise repeat purchase rate from 18% to 26%"],
            },
        ],
        "history": [{"objective": "O1", "cycle": "Q2", "score": 0.7}],
        "lint": {"allow": [{"rule": "OKR008", "reason": "one team on purpose"}]},
    }


def get(doc: Any, path: list[Any]) -> Any:
    for part in path:
        doc = doc[part]
    return doc


def path_text(path: list[Any]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


STRING = Raw("{bad: 1}", '{"bad": 1}')
NUMBER = Raw('"lots"')
BOOL = Raw('"maybe"')
DATE = Raw("[2026, 7, 1]")
LIST = Raw("42")
MAPPING = Raw('"fast"')
ITEM = Raw("42")

O1, KR1 = ["objectives", 0], ["objectives", 0, "key_results", 0]

# (path of the field, wrong value): every field of every item kind.
WRONG_TYPES: list[tuple[list[Any], Raw]] = [
    (["cycles"], LIST),
    (["teams"], LIST),
    (["people"], LIST),
    (["objectives"], LIST),
    (["history"], LIST),
    (["lint"], MAPPING),
    (["cycles", 1], ITEM),
    (["cycles", 1, "id"], STRING),
    (["cycles", 1, "name"], STRING),
    (["cycles", 1, "start"], DATE),
    (["cycles", 1, "end"], DATE),
    (["teams", 1], ITEM),
    (["teams", 1, "id"], STRING),
    (["teams", 1, "name"], STRING),
    (["teams", 1, "parent"], STRING),
    (["people", 0], ITEM),
    (["people", 0, "id"], STRING),
    (["people", 0, "name"], STRING),
    (["people", 0, "team"], STRING),
    (["objectives", 1], ITEM),
    (O1 + ["id"], STRING),
    (O1 + ["title"], STRING),
    (O1 + ["owner"], STRING),
    (O1 + ["cycle"], STRING),
    (O1 + ["kind"], Raw("[committed]", '["committed"]')),
    (O1 + ["weight"], NUMBER),
    (O1 + ["lint"], MAPPING),
    (O1 + ["lint", "allow"], LIST),
    (O1 + ["lint", "allow", 0], ITEM),
    (O1 + ["lint", "allow", 0, "rule"], STRING),
    (O1 + ["lint", "allow", 0, "reason"], STRING),
    (O1 + ["key_results"], LIST),
    (["objectives", 1, "aligns_to"], STRING),
    (["objectives", 1, "aligns_to", 0], STRING),
    (O1 + ["key_results", 1], ITEM),
    (KR1 + ["id"], STRING),
    (KR1 + ["title"], STRING),
    (KR1 + ["owner"], STRING),
    (KR1 + ["weight"], NUMBER),
    (KR1 + ["due"], DATE),
    (KR1 + ["metric"], MAPPING),
    (KR1 + ["metric", "start"], NUMBER),
    (KR1 + ["metric", "target"], NUMBER),
    (KR1 + ["metric", "current"], NUMBER),
    (KR1 + ["metric", "unit"], STRING),
    (KR1 + ["check_ins"], LIST),
    (KR1 + ["check_ins", 0], ITEM),
    (KR1 + ["check_ins", 0, "date"], DATE),
    (KR1 + ["check_ins", 0, "value"], NUMBER),
    (KR1 + ["check_ins", 0, "confidence"], NUMBER),
    (KR1 + ["check_ins", 0, "note"], STRING),
    (O1 + ["key_results", 1, "threshold"], MAPPING),
    (O1 + ["key_results", 1, "threshold", "min"], NUMBER),
    (O1 + ["key_results", 1, "threshold", "max"], NUMBER),
    (O1 + ["key_results", 1, "threshold", "current"], NUMBER),
    (O1 + ["key_results", 1, "threshold", "unit"], STRING),
    (O1 + ["key_results", 2, "binary"], MAPPING),
    (O1 + ["key_results", 2, "binary", "done"], BOOL),
    (O1 + ["key_results", 2, "binary", "probability"], NUMBER),
    (O1 + ["key_results", 3, "milestones"], LIST),
    (O1 + ["key_results", 3, "milestones", 0], ITEM),
    (O1 + ["key_results", 3, "milestones", 0, "title"], STRING),
    (O1 + ["key_results", 3, "milestones", 0, "done"], BOOL),
    (O1 + ["key_results", 3, "milestones", 0, "weight"], NUMBER),
    (O1 + ["key_results", 4, "from_children"], BOOL),
    (["history", 0], ITEM),
    (["history", 0, "objective"], STRING),
    (["history", 0, "cycle"], STRING),
    (["history", 0, "score"], NUMBER),
    (["lint", "allow"], LIST),
    (["lint", "allow", 0], ITEM),
    (["lint", "allow", 0, "rule"], STRING),
    (["lint", "allow", 0, "reason"], STRING),
]

# Required fields, left out: the problem names the item that lacks them.
MISSING: list[list[Any]] = [
    ["cycles", 1, "id"],
    ["cycles", 1, "start"],
    ["cycles", 1, "end"],
    ["teams", 1, "id"],
    ["people", 0, "id"],
    O1 + ["id"],
    O1 + ["title"],
    KR1 + ["title"],
    KR1 + ["metric", "start"],
    KR1 + ["metric", "target"],
    KR1 + ["check_ins", 0, "date"],
    O1 + ["key_results", 3, "milestones", 0, "title"],
    ["history", 0, "objective"],
    ["history", 0, "cycle"],
    ["history", 0, "score"],
    O1 + ["lint", "allow", 0, "rule"],
]


def emit(doc: dict[str, Any], fmt: str) -> tuple[str, dict[str, int]]:
    return emit_yaml(doc) if fmt == "yaml" else emit_json(doc)


# ---------------------------------------------------------------------------------------
# Fixtures


class Suite:
    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.entries: list[dict[str, Any]] = []

    def add(
        self,
        name: str,
        content: str | bytes,
        *,
        path: str | None,
        line: int | None,
        contains: str | list[str] | None,
        valid: bool = False,
        note: str | None = None,
        path_prefix: str | None = None,
        known_issue: str | None = None,
    ) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        assert name not in self.files, name
        self.files[name] = data
        try:
            data.decode("utf-8")
            utf8 = True
        except UnicodeDecodeError:
            utf8 = False
        entry: dict[str, Any] = {
            "file": name,
            "format": "json" if name.endswith(".json") else "yaml",
            "valid": valid,
            "path": path,
            "line": line,
            "message_contains": contains,
            "utf8": utf8,
        }
        if path_prefix is not None:
            entry["path_prefix"] = path_prefix
        if note:
            entry["note"] = note
        if known_issue:
            entry["known_issue"] = known_issue
        self.entries.append(entry)

    def ok(self, name: str, content: str | bytes, note: str | None = None) -> None:
        self.add(name, content, path=None, line=None, contains=None, valid=True, note=note)


SMALL = """\
cycles:
  - { id: Q3, start: 2026-07-01, end: 2026-09-30 }
teams:
  - { id: acme, name: ACME }
objectives:
  - id: O1
    title: Delight home cooks
    owner: acme
    key_results:
      - id: KR1
        title: Raise NPS from 30 to 40
        metric: { start: 30, target: 40 }
"""


def bombs(s: Suite) -> None:
    # The classic: 9 levels of 10 references, a billion strings once expanded.
    text = 'lol0: &a0 "lol"\n'
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        text += f"lol{level}: &a{level} [{refs}]\n"
    text += "objectives: []\n"
    s.add("billion_laughs.yaml", text, path=None, path_prefix="lol", line=None, contains="alias bombs")

    # The bomb planted inside an item, where a field of the model is read from it.
    text = SMALL + "    x_payload: &b0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in range(1, 9):
        refs = ", ".join([f"*b{level - 1}"] * 10)
        text += f"    x_payload{level}: &b{level} [{refs}]\n"
    s.add("alias_bomb_in_objective.yaml", text, path=None, path_prefix="objectives[0].x_payload", line=None, contains="alias bombs")

    # Quadratic blow-up without nesting: one long list referenced many times.
    text = "big: &big [" + ", ".join(["xxxxxxxxxx"] * 1000) + "]\n"
    text += "many: [" + ", ".join(["*big"] * 5000) + "]\nobjectives: []\n"
    s.add("alias_fan_out.yaml", text, path=None, path_prefix="many", line=None, contains="alias bombs")

    # Aliases used honestly stay fine.
    text = SMALL.replace("owner: acme\n", "owner: &owner acme\n", 1) + "      - id: KR2\n        title: Ship the loyalty program\n        owner: *owner\n        binary: { done: false }\n"
    s.ok("aliases_honest.yaml", text)


def nesting(s: Suite) -> None:
    deep = "[" * 10_000 + "]" * 10_000
    s.add("deep_yaml_flow.yaml", f"objectives: []\nx_extra: {deep}\n", path=None, path_prefix="x_extra", line=2, contains="too deeply")
    s.add(
        "deep_yaml_flow_mapping.yaml",
        "objectives: []\nx_extra: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n",
        path=None,
        path_prefix="x_extra.a.a",
        line=2,
        contains="too deeply",
    )
    # Block style: compact nested sequences, 10 000 levels on one line ("- - - … x").
    s.add(
        "deep_yaml_block_sequence.yaml",
        "objectives: []\nx_extra:\n  " + "- " * 10_000 + "x\n",
        path=None,
        path_prefix="x_extra[0][0]",
        line=3,
        contains="too deeply",
    )
    # Block mappings need one indent per level: 300 levels (45 KB) is far over the limit.
    block = "".join(f"{' ' * i}k{i}:\n" for i in range(300)) + " " * 300 + "end\n"
    s.add("deep_yaml_block_mapping.yaml", "objectives: []\nx_extra:\n" + "".join("  " + l + "\n" for l in block.splitlines()), path=None, path_prefix="x_extra.k0.k1.k2", line=None, contains="too deeply")
    # Deep nesting inside an item, where the typed model reads it.
    text = SMALL + "        x_deep: " + "[" * 10_000 + "]" * 10_000 + "\n"
    s.add("deep_yaml_in_key_result.yaml", text, path=None, path_prefix="objectives[0].key_results[0].x_deep", line=line_of(text, "x_deep"), contains="too deeply")
    s.add(
        "deep_json_array.json",
        '{"objectives": [], "x_extra": ' + deep + "}\n",
        path=None,
        path_prefix="x_extra[0][0]",
        line=1,
        contains="too deeply",
    )
    s.add(
        "deep_json_object.json",
        '{"objectives": [], "x_extra": ' + '{"a": ' * 10_000 + "1" + "}" * 10_000 + "}\n",
        path=None,
        path_prefix="x_extra.a.a",
        line=1,
        contains="too deeply",
    )
    s.add(
        "deep_json_in_objective.json",
        '{"objectives": [{"id": "O1", "title": "Grow", "x": ' + deep + "}]}\n",
        path=None,
        path_prefix="objectives[0].x[0]",
        line=1,
        contains="too deeply",
    )
    # Just inside the limits: must load. YAML: 64 levels in all; JSON: 128 levels in all,
    # and unknown fields 56 levels of their own (so every JSON that loads saves as YAML).
    nested = "[" * 56 + "]" * 56
    s.ok("nesting_within_limit.yaml", f"objectives: []\nx_extra: {nested}\n")
    s.ok("nesting_within_limit.json", '{"objectives": [], "x_extra": ' + nested + "}\n")
    nested = "[" * 57 + "]" * 57
    s.add("nesting_extra_57.yaml", f"objectives: []\nx_extra: {nested}\n", path="", line=None, contains=["x_extra", "56 levels"])
    nested = "[" * 120 + "]" * 120
    s.add(
        "nesting_json_120.json",
        '{"objectives": [], "x_extra": ' + nested + "}\n",
        path="",
        line=None,
        contains=["x_extra", "56 levels"],
        note="within JSON's own limit (128), but its YAML conversion would nest past the YAML "
        "limit (64): refused on load rather than saved as a file okr cannot read back",
    )


def encodings(s: Suite) -> None:
    good = SMALL.encode()
    latin1 = good.replace(b"Delight home cooks", b"D\xe9light home cooks")
    s.add(
        "latin1.yaml",
        latin1,
        path="",
        line=line_of(SMALL, "Delight home cooks"),
        contains="not UTF-8",
    )
    s.add("binary_png.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00", path="", line=1, contains="not UTF-8")
    # UTF-16 with its BOM: not UTF-8.
    s.add("utf16.yaml", "\ufeff".encode("utf-16-le") + SMALL.encode("utf-16-le"), path="", line=1, contains="not UTF-8")
    # A lone surrogate (CESU-8 style), an overlong NUL, a truncated sequence at the very end.
    s.add("surrogate.json", b'{"objectives": [{"id": "O1",\n "title": "\xed\xa0\x80"}]}\n', path="", line=2, contains="not UTF-8")
    s.add("overlong.yaml", good.replace(b"title: Delight", b"title: \xc0\x80Delight"), path="", line=line_of(SMALL, "Delight"), contains="not UTF-8")
    s.add("truncated_utf8.yaml", good + b"# caf\xc3", path="", line=SMALL.count("\n") + 1, contains="not UTF-8")
    # Valid: BOM, CRLF, both, and non-ASCII text.
    s.ok("bom.yaml", "\ufeff" + SMALL)
    s.ok("bom.json", "\ufeff" + json.dumps({"objectives": [{"id": "O1", "title": "Grow"}]}))
    s.ok("crlf.yaml", SMALL.replace("\n", "\r\n"))
    s.ok("crlf.json", json.dumps({"objectives": [{"id": "O1", "title": "Grow"}]}, indent=2).replace("\n", "\r\n"))
    s.ok("bom_crlf.yaml", "\ufeff" + SMALL.replace("\n", "\r\n"))
    s.ok("unicode.yaml", SMALL.replace("Delight home cooks", "Ravir les cuisiniers — 料理人を喜ばせる 🍳 \u202eRTL\u200b"))
    # CRLF must not shift lines: an error on line 8 is reported on line 8.
    text = SMALL.replace("owner: acme", "owner: ghost").replace("\n", "\r\n")
    s.add("crlf_unknown_owner.yaml", text, path="objectives[0].owner", line=line_of(text, "owner: ghost"), contains="ghost")
    text = "\ufeff" + SMALL.replace("owner: acme", "owner: ghost")
    s.add("bom_unknown_owner.yaml", text, path="objectives[0].owner", line=line_of(text, "owner: ghost"), contains="ghost")
    # Lone CR line ends (classic Mac).
    s.ok("cr_only.yaml", SMALL.replace("\n", "\r"), note="YAML treats a lone CR as a line break")
    # NUL and other control characters.
    text = SMALL.replace("Delight home cooks", "Delight\u0000home")
    s.add("nul.yaml", text, path=None, line=line_of(text, "\u0000"), contains=None)


def numbers(s: Suite) -> None:
    target_line = line_of(SMALL, "metric:")
    path = "objectives[0].key_results[0].metric"
    for name, value, field in [
        ("nan", ".nan", "target"),
        ("NaN", ".NaN", "target"),
        ("inf", ".inf", "target"),
        ("neg_inf", "-.inf", "start"),
        ("plus_inf", "+.inf", "target"),
        ("1e999", "1e999", "target"),
        ("neg_1e999", "-1e999", "start"),
    ]:
        other = "target: 40" if field == "start" else "start: 30"
        text = SMALL.replace("metric: { start: 30, target: 40 }", f"metric: {{ {other}, {field}: {value} }}" if field == "target" else f"metric: {{ {field}: {value}, {other} }}")
        s.add(f"number_{name}.yaml", text, path=f"{path}.{field}", line=target_line, contains="finite")
    # Non-finite numbers in every other numeric field.
    fields = [
        ("weight", "    weight: .inf\n", "objectives[0].weight"),
        ("check_in_value", "        check_ins:\n          - { date: 2026-07-15, value: .nan }\n", "objectives[0].key_results[0].check_ins[0].value"),
        ("confidence", "        check_ins:\n          - { date: 2026-07-15, value: 31, confidence: -.inf }\n", "objectives[0].key_results[0].check_ins[0].confidence"),
    ]
    for name, snippet, field_path in fields:
        if name == "weight":
            text = SMALL.replace("    owner: acme\n", "    owner: acme\n" + snippet)
        else:
            text = SMALL + snippet
        needle = snippet.strip().splitlines()[-1]
        s.add(f"number_{name}_nonfinite.yaml", text, path=field_path, line=line_of(text, needle), contains="finite")
    text = SMALL.replace("      - id: KR1\n", "      - id: KR1\n        weight: 1e999\n")
    s.add("number_kr_weight_1e999.yaml", text, path="objectives[0].key_results[0].weight", line=line_of(text, "1e999"), contains="finite")
    text = SMALL + "history:\n  - { objective: O1, cycle: Q2, score: .nan }\n"
    s.add("number_history_nan.yaml", text, path="history[0].score", line=line_of(text, ".nan"), contains="finite")

    # JSON: 1e999 overflows; NaN and Infinity are not JSON at all.
    doc = {"objectives": [{"id": "O1", "title": "Grow", "key_results": [{"id": "KR1", "title": "Raise NPS from 30 to 40", "metric": {"start": 30, "target": Raw("1e999")}}]}]}
    text, where = emit_json(doc)
    s.add("number_1e999.json", text, path="objectives[0].key_results[0].metric.target", line=where["objectives[0].key_results[0].metric.target"], contains="finite")
    doc["objectives"][0]["key_results"][0]["metric"]["target"] = Raw("-1e999")
    text, where = emit_json(doc)
    s.add("number_neg_1e999.json", text, path="objectives[0].key_results[0].metric.target", line=where["objectives[0].key_results[0].metric.target"], contains="finite")
    for name, token in [("NaN", "NaN"), ("Infinity", "Infinity"), ("neg_Infinity", "-Infinity")]:
        doc["objectives"][0]["key_results"][0]["metric"]["target"] = Raw(token)
        text, where = emit_json(doc)
        s.add(f"number_{name}.json", text, path="objectives[0].key_results[0].metric.target", line=where["objectives[0].key_results[0].metric.target"], contains=None)
    # Huge but finite numbers and long digit strings are fine.
    doc["objectives"][0]["key_results"][0]["metric"]["target"] = Raw("1.7976931348623157e308")
    s.ok("number_max_finite.json", emit_json(doc)[0])
    doc["objectives"][0]["key_results"][0]["metric"]["target"] = Raw("1" + "0" * 400)
    s.add(
        "number_400_digits.json",
        emit_json(doc)[0],
        path="objectives[0].key_results[0].metric.target",
        line=emit_json(doc)[1]["objectives[0].key_results[0].metric.target"],
        contains="finite",
        note="10^400 overflows f64 like 1e999",
    )
    text = SMALL.replace("target: 40", "target: 4" + "0" * 400)
    s.add("number_400_digits.yaml", text, path="objectives[0].key_results[0].metric.target", line=line_of(text, "target: 4"), contains="finite")
    # Out-of-range values where the model wants [0, 1] or >= 0.
    text = SMALL + "        check_ins:\n          - { date: 2026-07-15, value: 31, confidence: 1.5 }\n"
    s.add("confidence_out_of_range.yaml", text, path="objectives[0].key_results[0].check_ins[0].confidence", line=line_of(text, "confidence: 1.5"), contains="outside [0, 1]")
    text = SMALL.replace("      - id: KR1\n", "      - id: KR1\n        weight: -1\n")
    s.add("negative_weight.yaml", text, path="objectives[0].key_results[0].weight", line=line_of(text, "weight: -1"), contains="negative")
    text = SMALL.replace("target: 40", "target: 30")
    s.add("start_equals_target.yaml", text, path="objectives[0].key_results[0].metric.target", line=line_of(text, "target: 30"), contains="start equals target")


def dates(s: Suite) -> None:
    text = SMALL.replace("end: 2026-09-30", "end: 2026-02-30")
    s.add("date_feb_30.yaml", text, path="cycles[0].end", line=line_of(text, "2026-02-30"), contains="2026-02-30")
    text = SMALL + "        check_ins:\n          - { date: 2026-02-30, value: 31 }\n"
    s.add("date_feb_30_check_in.yaml", text, path="objectives[0].key_results[0].check_ins[0].date", line=line_of(text, "2026-02-30"), contains="no such day")
    text = SMALL.replace("        title: Raise NPS", "        due: 2026-02-30\n        title: Raise NPS")
    s.add("date_feb_30_due.yaml", text, path="objectives[0].key_results[0].due", line=line_of(text, "2026-02-30"), contains="no such day")
    doc = {"cycles": [{"id": "Q1", "start": "2026-01-01", "end": "2026-02-30"}], "objectives": []}
    text, where = emit_json(doc)
    s.add(
        "date_feb_30.json",
        text,
        path="cycles[0].end",
        line=where["cycles[0].end"],
        contains="no such day",
    )
    doc = {"cycles": [{"id": "Q1", "end": "2026-02-30", "start": "2026-01-01"}], "objectives": []}
    text, where = emit_json(doc)
    s.add("date_feb_30_mid_object.json", text, path="cycles[0].end", line=where["cycles[0].end"], contains="no such day")
    text = SMALL.replace("end: 2026-09-30", "end: 2026-06-30")
    s.add("cycle_ends_before_start.yaml", text, path="cycles[0].end", line=line_of(text, "2026-06-30"), contains=None)
    text = SMALL.replace("start: 2026-07-01", "start: next monday")
    s.add("date_words.yaml", text, path="cycles[0].start", line=line_of(text, "next monday"), contains="YYYY-MM-DD")
    # Far-away but real dates: must load (and scoring must not overflow).
    text = SMALL.replace("start: 2026-07-01, end: 2026-09-30", "start: 0001-01-01, end: 9999-12-31")
    s.ok("date_extremes.yaml", text)
    s.ok("date_one_day_cycle.yaml", SMALL.replace("end: 2026-09-30", "end: 2026-07-01"))


def duplicates(s: Suite) -> None:
    # The path is the duplicated key's own: where the second one is, that is the problem.
    text = SMALL + "objectives: []\n"
    s.add("duplicate_key_top.yaml", text, path="objectives", line=line_of(text, "objectives:", 2), contains="duplicate key")
    text = SMALL.replace("    owner: acme\n", "    owner: acme\n    title: Second title\n")
    s.add("duplicate_key_objective.yaml", text, path="objectives[0].title", line=line_of(text, "title: Second"), contains="duplicate key")
    text = SMALL.replace("metric: { start: 30, target: 40 }", "metric: { start: 30, target: 40, start: 31 }")
    s.add("duplicate_key_flow.yaml", text, path="objectives[0].key_results[0].metric.start", line=line_of(text, "start: 31"), contains="duplicate key")
    text = '{"objectives": [{"id": "O1",\n "title": "A",\n "title": "B"}]}\n'
    s.add("duplicate_key.json", text, path="objectives[0].title", line=3, contains="duplicate field")
    text = SMALL + "  - id: O1\n    title: Again\n"
    s.add("duplicate_id.yaml", text, path="objectives[1].id", line=line_of(text, "- id: O1", 2), contains="duplicate id")
    text = SMALL + "  - id: KR1\n    title: An objective with a key result's id\n"
    s.add("duplicate_id_kr_objective.yaml", text, path="objectives[1].id", line=line_of(text, "- id: KR1\n    title: An"), contains="duplicate id")


def alignment(s: Suite) -> None:
    head = "cycles:\n  - { id: Q3, start: 2026-07-01, end: 2026-09-30 }\nteams:\n  - { id: acme, name: ACME }\nobjectives:\n"

    def ring(prefix: str, n: int) -> str:
        ids = [f"{prefix}{i:02d}" for i in range(1, n + 1)]
        text = head
        for i, oid in enumerate(ids):
            text += f"  - id: {oid}\n    title: Objective {oid}\n    owner: acme\n    aligns_to: {ids[(i + 1) % n]}\n"
        return text

    text = ring("S", 1)
    s.add("cycle_1.yaml", text, path="objectives[0].aligns_to", line=line_of(text, "aligns_to"), contains=["S01", "itself"])
    for n in (2, 3, 50):
        text = ring("C", n)
        members = [f"C{i:02d}" for i in range(1, n + 1)]
        chain = " → ".join(members + members[:1])
        s.add(f"cycle_{n}.yaml", text, path="objectives[0].aligns_to", line=line_of(text, "aligns_to"), contains=["alignment cycle", chain])
    # Through key results: O1 aligns to O2's key result, O2 to O1.
    text = head + (
        "  - id: O1\n    title: One\n    owner: acme\n    aligns_to: O2-KR1\n"
        "  - id: O2\n    title: Two\n    owner: acme\n    aligns_to: O1\n"
        "    key_results:\n      - { id: O2-KR1, title: Ship it, binary: { done: false } }\n"
    )
    s.add("cycle_via_key_result.yaml", text, path="objectives[0].aligns_to", line=line_of(text, "aligns_to"), contains=["O1", "O2"])
    # Aligned to one of its own key results.
    text = head + "  - id: O1\n    title: One\n    owner: acme\n    aligns_to: O1-KR1\n    key_results:\n      - { id: O1-KR1, title: Ship it, binary: { done: false } }\n"
    s.add("cycle_own_key_result.yaml", text, path="objectives[0].aligns_to", line=line_of(text, "aligns_to"), contains=["O1", "itself"])
    # A cycle of 3 hanging off a list of targets, plus a valid chain beside it.
    text = head + (
        "  - id: ROOT\n    title: Root\n    owner: acme\n"
        "  - id: A\n    title: A\n    owner: acme\n    aligns_to: [ROOT, C]\n"
        "  - id: B\n    title: B\n    owner: acme\n    aligns_to: [A]\n"
        "  - id: C\n    title: C\n    owner: acme\n    aligns_to: [B]\n"
    )
    s.add("cycle_3_in_list.yaml", text, path="objectives[1].aligns_to", line=line_of(text, "aligns_to"), contains=["A", "B", "C", "alignment cycle"])
    # JSON, 3 members.
    doc = {"objectives": [{"id": f"J{i}", "title": f"J{i}", "aligns_to": f"J{(i + 1) % 3}"} for i in range(3)]}
    text, where = emit_json(doc)
    s.add("cycle_3.json", text, path="objectives[0].aligns_to", line=where["objectives[0].aligns_to"], contains="J0 → J1 → J2 → J0")
    # A long chain that is NOT a cycle (2 000 deep): must load; rollups must not recurse.
    text = head + "  - id: L0000\n    title: Root\n    owner: acme\n" + "".join(
        f"  - id: L{i:04d}\n    title: Step {i}\n    owner: acme\n    aligns_to: L{i - 1:04d}\n" for i in range(1, 2000)
    )
    s.ok("chain_2000.yaml", text)
    # Team parents: loops of 1 and 2.
    text = "teams:\n  - { id: a, parent: a }\nobjectives: []\n"
    s.add("team_cycle_1.yaml", text, path="teams[0].parent", line=line_of(text, "parent: a"), contains="loop")
    text = "teams:\n  - { id: a, parent: b }\n  - { id: b, parent: a }\nobjectives: []\n"
    s.add("team_cycle_2.yaml", text, path="teams[0].parent", line=line_of(text, "parent: b"), contains=["a → b → a", "loop"])


def dangling(s: Suite) -> None:
    cases = [
        ("owner", SMALL.replace("owner: acme", "owner: ghost"), "objectives[0].owner", "owner: ghost", "ghost"),
        ("cycle", SMALL.replace("    owner: acme\n", "    owner: acme\n    cycle: 2031-Q9\n"), "objectives[0].cycle", "cycle: 2031-Q9", "2031-Q9"),
        ("aligns_to", SMALL.replace("    owner: acme\n", "    owner: acme\n    aligns_to: NOPE\n"), "objectives[0].aligns_to", "aligns_to: NOPE", "NOPE"),
        ("aligns_to_list", SMALL + "  - id: O2\n    title: Two\n    owner: acme\n    aligns_to:\n      - KR1\n      - NOPE\n", "objectives[1].aligns_to[1]", "- NOPE", "NOPE"),
        ("team_parent", SMALL.replace("{ id: acme, name: ACME }", "{ id: acme, name: ACME, parent: holding }"), "teams[0].parent", "holding", "holding"),
        ("person_team", SMALL.replace("objectives:\n", "people:\n  - { id: mia, name: Mia, team: nowhere }\nobjectives:\n"), "people[0].team", "nowhere", "nowhere"),
        ("kr_owner", SMALL.replace("        title: Raise NPS", "        owner: nobody\n        title: Raise NPS"), "objectives[0].key_results[0].owner", "owner: nobody", "nobody"),
        ("kr_owner_list", SMALL.replace("        title: Raise NPS", "        owner: [acme, nobody]\n        title: Raise NPS"), "objectives[0].key_results[0].owner[1]", "owner: [acme", "nobody"),
    ]
    for name, text, path, needle, word in cases:
        s.add(f"dangling_{name}.yaml", text, path=path, line=line_of(text, needle), contains=[f"`{word}`", "unknown"])
    # JSON: the same holes.
    doc = {"teams": [{"id": "acme", "parent": "holding"}], "objectives": [{"id": "O1", "title": "Grow", "owner": "ghost", "aligns_to": "NOPE"}]}
    text, where = emit_json(doc)
    s.add("dangling_owner.json", text, path="objectives[0].owner", line=where["objectives[0].owner"], contains="`ghost`")
    s.add("dangling_team_parent.json", text, path="teams[0].parent", line=where["teams[0].parent"], contains="`holding`")
    s.add("dangling_aligns_to.json", text, path="objectives[0].aligns_to", line=where["objectives[0].aligns_to"], contains="`NOPE`")
    text = SMALL.replace("objectives:\n", "people:\n  - { id: acme, name: Clash }\nobjectives:\n")
    s.add("person_id_is_team_id.yaml", text, path="people[0].id", line=line_of(text, "name: Clash"), contains="both a team id and a person id")


def shapes(s: Suite) -> None:
    s.add("empty.yaml", "", path="", line=None, contains="empty")
    s.add("empty.json", "", path="", line=None, contains="empty")
    s.add("comments_only.yaml", "# nothing here\n---\n   \n", path="", line=None, contains="empty")
    s.add("top_level_list.yaml", "- 1\n- 2\n", path="", line=None, contains=None)
    s.add("top_level_scalar.json", "42\n", path="", line=None, contains=None)
    s.add("top_level_null.yaml", "~\n", path="", line=None, contains=None)
    s.add(
        "trailing_garbage.json",
        '{"objectives": []}\n{"objectives": []}\n',
        path="",
        line=2,
        contains="end of the JSON document",
    )
    text = '{"objectives": [\n  {"id": "O1", "title": "Grow"}\n'
    s.add("unclosed.json", text, path=None, line=text.count("\n") + 1, contains=None, note="the end of the text is where the list is found unclosed")
    text = "objectives: [\n  {id: O1, title: Grow}\n"
    s.add("unclosed_flow.yaml", text, path="objectives", line=None, contains=None)
    s.add(
        "two_documents.yaml",
        "objectives: []\n---\nobjectives: []\n",
        path="",
        line=None,
        contains="second YAML document",
    )
    text = "objectives:\n\t- id: O1\n\t  title: Grow\n"
    s.add("tab_indent.yaml", text, path=None, line=line_of(text, "\t"), contains=None)
    s.add("python_tag.yaml", "objectives: !!python/object/apply:os.system ['rm -rf /']\n", path="objectives[0]", line=1, contains=None, note="tags are ignored, never acted on")
    s.add("unknown_kind.yaml", SMALL.replace("    owner: acme\n", "    owner: acme\n    kind: sometimes\n"), path="objectives[0].kind", line=line_of(SMALL.replace("    owner: acme\n", "    owner: acme\n    kind: sometimes\n"), "kind: sometimes"), contains="sometimes")
    text = SMALL.replace("metric: { start: 30, target: 40 }", "metric: { start: 30, target: 40 }\n        binary: { done: false }")
    s.add("two_measures.yaml", text, path="objectives[0].key_results[0]", line=line_of(text, "- id: KR1"), contains=None)
    text = SMALL.replace("metric: { start: 30, target: 40 }", "threshold: { min: 50, max: 40 }")
    s.add("threshold_impossible.yaml", text, path="objectives[0].key_results[0].threshold.max", line=line_of(text, "threshold:"), contains="below min")
    text = SMALL.replace("    owner: acme\n", "    owner: acme\n    <<: { kind: committed }\n")
    s.ok("merge_key.yaml", text, note="`<<` is kept as an unknown field or merged; either way it loads")
    # Keys that are not strings, and a complex key.
    text = SMALL.replace("    owner: acme\n", "    owner: acme\n    [a, b]: complex key\n")
    s.add("non_string_key.yaml", text, path=None, line=line_of(text, "[a, b]"), contains=None)
    # Very long scalars and many items: still valid.
    s.ok("long_title.yaml", SMALL.replace("Delight home cooks", "Delight " + "very " * 20_000 + "home cooks"))
    s.ok("unknown_fields_everywhere.yaml", SMALL.replace("    owner: acme\n", "    owner: acme\n    x_future: { nested: [1, 2, {deep: true}] }\n    x_null: ~\n"))
    text = "objectives:\n" + "".join(f"  - {{ id: O{i}, title: Objective {i}, key_results: [\"Raise x from {i} to {i + 1}\"] }}\n" for i in range(2000))
    s.ok("many_objectives.yaml", text)
    text = SMALL.replace("      - id: KR1\n", "      - id: ''\n        title: Blank id\n        binary: { done: true }\n      - id: KR1\n")
    s.add("empty_id.yaml", text, path="objectives[0].key_results[0].id", line=line_of(text, "id: ''"), contains="empty")
    # HTML and terminal escapes in user text: valid; the reports must escape them.
    s.ok(
        "markup_in_titles.yaml",
        SMALL.replace("Delight home cooks", "\"<script>alert(1)</script> \\u001b[31m]]> --> {{x}}\"").replace(
            "Raise NPS from 30 to 40", "\"<img src=x onerror=alert(1)> from 30 to 40 | --- |\""
        ),
    )


def wrong_types(s: Suite) -> None:
    for fmt in ("yaml", "json"):
        for path, wrong in WRONG_TYPES:
            doc = base()
            parent = get(doc, path[:-1])
            parent[path[-1]] = wrong
            text, where = emit(doc, fmt)
            name = "types/" + path_text(path).replace("[", "_").replace("]", "") + "." + fmt
            s.add(name, text, path=path_text(path), line=where[path_text(path)], contains=None)
        for path in MISSING:
            doc = base()
            parent = get(doc, path[:-1])
            del parent[path[-1]]
            text, where = emit(doc, fmt)
            owner = path_text(path[:-1])
            name = "missing/" + path_text(path).replace("[", "_").replace("]", "") + "." + fmt
            s.add(name, text, path=owner, line=None, contains=f"missing field `{path[-1]}`")
        text, _ = emit(base(), fmt)
        s.ok(f"types/base.{fmt}", text, note="the document every types/ and missing/ fixture starts from")


def careless(s: Suite) -> None:
    # Misspelled field names would be kept as extension fields and quietly ignored.
    text = SMALL.replace("objectives:\n", "objetives:\n")
    s.add("typo_objetives.yaml", text, path="objetives", line=line_of(text, "objetives:"), contains="did you mean `objectives`")
    text = SMALL.replace("metric:", "metirc:")
    s.add("typo_metirc.yaml", text, path="objectives[0].key_results[0].metirc", line=line_of(text, "metirc:"), contains="did you mean `metric`")
    text = SMALL + "        check-ins:\n          - { date: 2026-07-08, value: 31 }\n"
    s.add("typo_check_ins.yaml", text, path="objectives[0].key_results[0].check-ins", line=line_of(text, "check-ins:"), contains="did you mean `check_ins`")
    text = SMALL.replace("    owner: acme\n", "    owner: acme\n    wieght: 2\n")
    s.add("typo_wieght.yaml", text, path="objectives[0].wieght", line=line_of(text, "wieght:"), contains="did you mean `weight`")
    text = '{"objectives": [{"id": "O1", "title": "Grow",\n "keyResults": ["Raise NPS from 30 to 45"]}]}\n'
    s.add("typo_key_results.json", text, path="objectives[0].keyResults", line=2, contains="did you mean `key_results`")
    text = SMALL.replace("        metric: { start: 30, target: 40 }\n", "        target: 40\n")
    s.add("misplaced_target.yaml", text, path="objectives[0].key_results[0].target", line=line_of(text, "target: 40"), contains="move it under `metric:`")
    s.ok("extension_fields.yaml", SMALL.replace("    owner: acme\n", "    owner: acme\n    jira: ACME-1\n    slack: growth\n    source: board deck\n    x_board: q3\n"), note="names far from any field stay extension fields")
    s.add("not_okr.json", '{"name": "pkg", "version": "1.0.0"}\n', path="", line=None, contains="no OKR sections")
    text = SMALL.replace("title: Delight home cooks", "title: No")
    s.add("yaml_boolean_title.yaml", text, path="objectives[0].title", line=line_of(text, "title: No"), contains="quote it")
    # Keys that read as the same text, numbers too large to hold exactly, ids that forge lines.
    text = SMALL + "    x_map: { 1: a, \"1\": b }\n"
    s.add("duplicate_key_by_type.yaml", text, path=None, line=line_of(text, "x_map:"), contains="duplicate key `1`")
    text = SMALL.replace("target: 40", "target: 9007199254740993")
    s.add("integer_beyond_2_53.yaml", text, path="objectives[0].key_results[0].metric.target", line=line_of(text, "9007199254740993"), contains="too large to hold exactly")
    # Beyond 64 bits, both parsers would round to a float without a word: refused where written.
    text = SMALL.replace("  - id: O1\n", "  - id: O1\n    x_ticket: 123456789012345678901234567890\n")
    s.add("integer_beyond_64_bits_in_extension.yaml", text, path="objectives[0].x_ticket", line=line_of(text, "x_ticket"), contains="beyond 64 bits")
    doc = {"objectives": [{"id": "O1", "title": "Grow", "x_ids": [1, Raw("-99999999999999999999")]}]}
    text, where = emit_json(doc)
    s.add("integer_beyond_64_bits_in_extension.json", text, path="objectives[0].x_ids[1]", line=where["objectives[0].x_ids[1]"], contains="beyond 64 bits")
    text = SMALL.replace("  - id: O1\n", "  - id: \"O1\\n::error::forged\"\n")
    s.add("id_with_newline.yaml", text, path="objectives[0].id", line=line_of(text, "forged"), contains="one line of printable text")
    # One pass: a type error in one item hides nothing elsewhere.
    text = SMALL.replace("    owner: acme\n", "    owner: nobody\n") + "  - id: O2\n    title: 42\n    weight: -1\n"
    s.add("type_error_beside_unknown_owner.yaml", text, path="objectives[0].owner", line=line_of(text, "owner: nobody"), contains="unknown team or person")
    s.add("type_error_beside_negative_weight.yaml", text, path="objectives[1].weight", line=line_of(text, "weight: -1"), contains="negative")


def build() -> tuple[dict[str, bytes], dict[str, Any]]:
    s = Suite()
    for part in (bombs, nesting, encodings, numbers, dates, duplicates, alignment, dangling, shapes, wrong_types, careless):
        part(s)
    big_head = SMALL
    unit = "  - id: O{n}\n    title: Padding objective\n    key_results: [Raise x from 1 to 2]\n"
    generated = [
        {
            "file": "huge.yaml",
            "format": "yaml",
            "valid": False,
            "head": big_head,
            "unit": unit.replace("{n}", "X"),
            "bytes": 100 * 1024 * 1024,
            "path": "",
            "line": None,
            "message_contains": "over the 67108864-byte limit",
            "utf8": True,
        },
        {
            "file": "huge.json",
            "format": "json",
            "valid": False,
            "head": '{"objectives": [\n',
            "unit": '  {"id": "O", "title": "Padding objective"},\n',
            "bytes": 100 * 1024 * 1024,
            "path": "",
            "line": None,
            "message_contains": "over the 67108864-byte limit",
            "utf8": True,
        },
    ]
    manifest = {
        "about": "Hostile inputs and what okr must answer; written by generate.py (see its docstring).",
        "fixtures": s.entries,
        "generated": generated,
    }
    return s.files, manifest


def main(argv: list[str]) -> int:
    files, manifest = build()
    files["manifest.json"] = (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode()
    check = "--check" in argv
    stale = []
    for name, data in files.items():
        target = HERE / name
        if check:
            if not target.is_file() or target.read_bytes() != data:
                stale.append(name)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    if check and stale:
        print(f"{len(stale)} fixture(s) differ from generate.py: {', '.join(stale[:10])}", file=sys.stderr)
        return 1
    if not check:
        print(f"wrote {len(files)} files to {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
