"""Shared paths and documents for the okr tests (run against the installed package)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
"""The repository root (okr-py/tests/ is two levels down)."""

ACME = ROOT / "examples" / "acme.yaml"
"""The bundled example organisation."""

# One cycle of 91 days (Jul 1 -> Sep 30), two objectives, every kind of measure that the
# scoring tests compute by hand. Line numbers matter to test_errors.py: keep the layout.
SMALL = """\
cycles:
  - { id: Q3, start: 2026-07-01, end: 2026-09-30 }
teams:
  - { id: acme, name: ACME }
objectives:
  - id: O1
    title: Fewer unhappy customers
    owner: acme
    key_results:
      - id: KR1
        title: Raise activation from 10 to 20
        metric: { start: 10, target: 20, current: 15 }
      - id: KR2
        title: Decrease refund rate from 0.5% to 0.2%
        metric: { start: 0.5, target: 0.2, unit: "%" }
        check_ins:
          - { date: 2026-07-15, value: 0.45, confidence: 0.6 }
          - { date: 2026-10-01, value: 0.1 }
      - id: KR3
        title: Ship the loyalty program
        binary: { done: false, probability: 0.7 }
        weight: 2
  - id: O2
    title: Stay profitable
    owner: acme
    kind: committed
    key_results:
      - id: KR4
        title: Keep gross margin at or above 42%
        threshold: { min: 42, current: 42 }
      - "Lift awareness from 10% to 25%"
"""


@pytest.fixture
def small_text() -> str:
    return SMALL


@pytest.fixture
def acme_path() -> Path:
    return ACME
