"""okr.parse_key_result: the key-result sentence reader, as a dict."""

from __future__ import annotations

import okr

KEYS = [
    "direction", "verb", "metric", "baseline", "target", "unit", "change", "bound",
    "deadline", "has_number",
]  # fmt: skip


def test_parse_key_result_reads_baseline_target_and_unit() -> None:
    kr = okr.parse_key_result("Cut p95 latency from 800 ms to 200 ms by end of Q3")
    assert list(kr) == KEYS
    assert kr["direction"] == "decrease"
    assert (kr["baseline"], kr["target"], kr["unit"]) == (800.0, 200.0, "ms")
    assert kr["metric"] == "p95 latency"
    assert kr["deadline"] == "by end of q3"
    assert kr["has_number"] is True


def test_parse_key_result_reads_relative_change() -> None:
    kr = okr.parse_key_result("Increase weekly signups by 15%")
    assert kr["direction"] == "increase"
    assert kr["change"] == {"amount": 15.0, "percent": True}


def test_parse_key_result_never_fails_on_text() -> None:
    for text in ["", "   ", "🙂", "Make customers happy", "x" * 10_000, "from to by"]:
        kr = okr.parse_key_result(text)
        assert list(kr) == KEYS
    assert okr.parse_key_result("Make customers happy")["has_number"] is False
