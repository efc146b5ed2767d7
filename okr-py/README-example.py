import okr

doc = okr.load("examples/acme.yaml")           # or an open file, okr.loads(text), okr.from_dict(data)
report = doc.score(as_of="2026-11-23")         # a date, a datetime, "YYYY-MM-DD", or None for today

c1 = report.objective("C1")
print(c1.title, f"{c1.score:.0%}", c1.color, c1.pace)   # ... 40% yellow on_track
for kr in c1.key_results:
    print(f"  {kr.id}: {kr.score:.0%} {kr.color}")

df = report.to_pandas()                        # one row per objective and per key result
print(df[df.level == "objective"][["id", "owner", "score", "color", "pace"]])

for d in doc.lint(as_of="2026-11-23", select=["OKR1"]):   # like `okr lint`
    print(d.line, d.code, d.severity, d.id, d.message)

try:
    okr.loads("objectives:\n  - id: O1\n    title: A\n  - id: O1\n    title: B\n")
except okr.ValidationError as err:             # also a ValueError
    for problem in err.errors():
        print(problem["line"], problem["path"], problem["message"])
