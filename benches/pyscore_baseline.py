"""A straightforward pure-Python implementation of okr's scoring formulas (docs/scoring.md), as the
baseline the Rust binding is compared with. It scores metric, threshold, binary and milestone
key results, rolls up `from_children` and objective means in topological order, and computes
colour, outcome, expected progress, pace and the least-squares forecast."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Optional

SENTENCE = re.compile(r"from\s+\$?([\d.,]+)\s*\S*\s+to\s+\$?([\d.,]+)", re.I)


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _progress(start: float, target: float, value: float) -> float:
    return (value - start) / (target - start)


def _latest(check_ins: list[dict[str, Any]], as_of: dt.date, key: str) -> Optional[float]:
    best = None
    for c in check_ins:
        if key in c and c[key] is not None and _date(c["date"]) <= as_of:
            if best is None or _date(c["date"]) >= _date(best["date"]):
                best = c
    return None if best is None else best[key]


def _forecast(start: float, target: float, check_ins: list[dict[str, Any]], cycle: dict[str, Any], as_of: dt.date) -> Optional[float]:
    c0 = _date(cycle["start"])
    pts = [((_date(c["date"]) - c0).days, _progress(start, target, c["value"])) for c in check_ins if c.get("value") is not None and _date(c["date"]) <= as_of]
    n = len(pts)
    if n < 2:
        return None
    sx = sum(p[0] for p in pts)
    sy = sum(p[1] for p in pts)
    sxx = sum(p[0] * p[0] for p in pts)
    sxy = sum(p[0] * p[1] for p in pts)
    den = n * sxx - sx * sx
    if den == 0:
        return None
    slope = (n * sxy - sx * sy) / den
    intercept = (sy - slope * sx) / n
    end = (_date(cycle["end"]) - c0).days
    return min(1.0, max(0.0, intercept + slope * end))


def _color(score: float) -> str:
    return "green" if score >= 0.7 else "yellow" if score >= 0.4 else "red"


def score(doc: dict[str, Any], as_of: dt.date) -> dict[str, Any]:
    cycles = {c["id"]: c for c in doc.get("cycles", [])}
    only_cycle = next(iter(cycles.values())) if len(cycles) == 1 else None
    objectives = doc.get("objectives", [])
    index = {o["id"]: i for i, o in enumerate(objectives)}
    kr_owner = {}
    for i, o in enumerate(objectives):
        for k, kr in enumerate(o.get("key_results", [])):
            if isinstance(kr, dict) and kr.get("id"):
                kr_owner[kr["id"]] = (i, k)
    children_of_obj: dict[int, list[int]] = {}
    children_of_kr: dict[tuple[int, int], list[int]] = {}
    parents: dict[int, list[int]] = {}
    for c, o in enumerate(objectives):
        targets = o.get("aligns_to")
        for t in [targets] if isinstance(targets, str) else (targets or []):
            if t in index:
                children_of_obj.setdefault(index[t], []).append(c)
                parents.setdefault(c, []).append(index[t])
            elif t in kr_owner:
                children_of_kr.setdefault(kr_owner[t], []).append(c)
                parents.setdefault(c, []).append(kr_owner[t][0])

    def own(kr: Any, cycle: Optional[dict[str, Any]]) -> dict[str, Any]:
        if isinstance(kr, str):
            kr = {"title": kr}
        check_ins = kr.get("check_ins", [])
        out: dict[str, Any] = {"id": kr.get("id"), "title": kr["title"], "score": None, "attainment": None, "current": None, "forecast": None, "confidence": _latest(check_ins, as_of, "confidence")}
        metric = kr.get("metric")
        if metric is None and not any(k in kr for k in ("threshold", "binary", "milestones", "from_children")):
            m = SENTENCE.search(kr["title"])
            if m:
                a, b = float(m.group(1).replace(",", "")), float(m.group(2).replace(",", ""))
                if a != b:
                    metric = {"start": a, "target": b}
        if metric is not None:
            latest = _latest(check_ins, as_of, "value")
            current = metric.get("current", latest if latest is not None else metric["start"])
            p = _progress(metric["start"], metric["target"], current)
            out.update(score=min(1.0, max(0.0, p)), attainment=p, current=current)
            if cycle:
                out["forecast"] = _forecast(metric["start"], metric["target"], check_ins, cycle, as_of)
        elif "threshold" in kr:
            t = kr["threshold"]
            v = t.get("current", _latest(check_ins, as_of, "value"))
            ok = v is not None and (t.get("min") is None or v >= t["min"]) and (t.get("max") is None or v <= t["max"])
            out.update(score=1.0 if ok else 0.0, attainment=1.0 if ok else 0.0, current=v)
        elif "binary" in kr:
            s = 1.0 if kr["binary"].get("done") else 0.0
            out.update(score=s, attainment=s)
            if out["confidence"] is None:
                out["confidence"] = kr["binary"].get("probability")
        elif "milestones" in kr:
            total = sum(max(0.0, m.get("weight", 1.0)) for m in kr["milestones"])
            done = sum(max(0.0, m.get("weight", 1.0)) for m in kr["milestones"] if m.get("done"))
            if total > 0:
                out.update(score=done / total, attainment=done / total)
        return out

    scores: list[Optional[float]] = [None] * len(objectives)
    krs: list[list[dict[str, Any]]] = []
    for o in objectives:
        cycle = cycles.get(o.get("cycle")) if o.get("cycle") else only_cycle
        krs.append([own(kr, cycle) for kr in o.get("key_results", [])])
    pending = {i: 0 for i in range(len(objectives))}
    for c, ps in parents.items():
        for p in ps:
            pending[p] += 1
    ready = [i for i, n in pending.items() if n == 0]

    def mean(children: list[int]) -> Optional[float]:
        num = den = 0.0
        for c in children:
            w = objectives[c].get("weight", 1.0)
            if scores[c] is not None and w > 0:
                num += w * scores[c]
                den += w
        return num / den if den > 0 else None

    while ready:
        i = ready.pop()
        num = den = 0.0
        for k, kr in enumerate(objectives[i].get("key_results", [])):
            if isinstance(kr, dict) and kr.get("from_children"):
                krs[i][k]["score"] = krs[i][k]["attainment"] = mean(children_of_kr.get((i, k), []))
            w = kr.get("weight", 1.0) if isinstance(kr, dict) else 1.0
            if krs[i][k]["score"] is not None and w > 0:
                num += w * krs[i][k]["score"]
                den += w
        scores[i] = num / den if den > 0 else mean(children_of_obj.get(i, []))
        for p in parents.get(i, []):
            pending[p] -= 1
            if pending[p] == 0:
                ready.append(p)

    result = []
    for i, o in enumerate(objectives):
        cycle = cycles.get(o.get("cycle")) if o.get("cycle") else only_cycle
        s = scores[i]
        expected = pace = None
        if cycle:
            c0, c1 = _date(cycle["start"]), _date(cycle["end"])
            if as_of < c0:
                expected, pace = 0.0, "not_started"
            else:
                expected = 1.0 if c1 <= c0 else min(1.0, max(0.0, (as_of - c0).days / (c1 - c0).days))
                if s is not None:
                    gap = s - expected
                    pace = "on_track" if gap >= -0.2 else "at_risk" if gap >= -0.4 else "off_track"
        kind = o.get("kind", "aspirational")
        outcome = None
        if s is not None:
            if kind == "committed":
                outcome = "met" if s >= 1.0 else "missed"
            else:
                outcome = "exceeded" if s > 0.8 else "met" if s >= 0.6 else "missed"
        for kr in krs[i]:
            kr["color"] = None if kr["score"] is None else _color(kr["score"])
        result.append({"id": o["id"], "title": o["title"], "owner": o.get("owner"), "cycle": cycle["id"] if cycle else None, "kind": kind, "score": s, "color": None if s is None else _color(s), "outcome": outcome, "expected": expected, "pace": pace, "key_results": krs[i]})
    return {"as_of": as_of.isoformat(), "objectives": result}
