"""Misuses of okr that the stubs must reject (each line marked `# E` is one mypy error)."""

import okr

doc = okr.loads(42)  # E: str or bytes only
okr.loads("x", format="xml")  # E: yaml or json
report = doc.score(as_of=20260815)  # E: not a date
objective = report.objective(1)  # E: ids are str
total: float = objective.score + 1  # E: score may be None
name: int = objective.title  # E: title is str
okr.from_dict(["objectives"])  # E: a mapping
okr.parse_key_result(None)  # E: text is str
bad: okr.Color = "blue"  # E: not a colour
